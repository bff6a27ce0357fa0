/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-work-ui.h"
#include "accord-form.h"

#include "accord-locale.h"
#include "accord-lifecycle.h"

#include <glib/gi18n.h>

char *
accord_work_relative_day (const char *due,
                          const char *today)
{
  int days = accord_days_between (today, due);

  if (days == ACCORD_DAYS_INVALID)
    return NULL;
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days > 0)
    /* Translators: a due date, counted from today. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  /* Translators: a past date, counted back from today. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

char *
accord_work_date_words (const char *due,
                        const char *today)
{
  g_autofree char *words = accord_work_relative_day (due, today);
  g_autofree char *shown = NULL;

  if (due == NULL)
    return g_strdup ("");
  shown = accord_format_date_display (due);
  if (words == NULL)
    return g_steal_pointer (&shown);
  /* Translators: a date and how far it is from today: "5 Mar 2026, in 3 days". */
  return g_strdup_printf (_("%s, %s"), shown, words);
}

const char *
accord_work_activity_icon (AccordActivityKind kind)
{
  switch (kind)
    {
    case ACCORD_ACTIVITY_EMAIL:
      return "mail-unread-symbolic";
    case ACCORD_ACTIVITY_CALL:
      return "call-start-symbolic";
    case ACCORD_ACTIVITY_MEETING:
      return "system-users-symbolic";
    case ACCORD_ACTIVITY_EVENT:
      return "x-office-calendar-symbolic";
    case ACCORD_ACTIVITY_INTRO:
      return "contact-new-symbolic";
    case ACCORD_ACTIVITY_NOTE:
    case ACCORD_N_ACTIVITY_KINDS:
    default:
      return "document-edit-symbolic";
    }
}

void
accord_work_plain_row (AdwPreferencesRow *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));
  adw_preferences_row_set_use_markup (row, FALSE);
}

GtkWidget *
accord_work_snooze_button (const char *action,
                           gint64      task_id,
                           const char *task_title)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) tomorrow = g_menu_item_new (_("_Tomorrow"), NULL);
  g_autoptr(GMenuItem) next_week = g_menu_item_new (_("_Next Week"), NULL);
  g_autofree char *label = NULL;
  GtkWidget *button;

  g_menu_item_set_action_and_target_value (tomorrow, action, g_variant_new ("(xi)", task_id, 1));
  g_menu_item_set_action_and_target_value (next_week, action, g_variant_new ("(xi)", task_id, 7));
  g_menu_append_item (menu, tomorrow);
  g_menu_append_item (menu, next_week);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "alarm-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  accord_form_set_tooltip (button, _("Snooze"));
  /* Translators: %s is a task, as in "Snooze “Follow up”". */
  label = g_strdup_printf (_("Snooze “%s”"), task_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

void
accord_work_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

GtkWindow *
accord_work_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

typedef struct
{
  AccordDateCallback callback;
  gpointer user_data;
  GDestroyNotify destroy;
  GtkEditable *entry;
  GtkWidget *hint;
} AskDate;

static void
ask_date_free (gpointer data)
{
  AskDate *ask = data;

  if (ask->destroy != NULL)
    ask->destroy (ask->user_data);
  g_free (ask);
}

static void
ask_date_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AskDate          *ask)
{
  /* The callback runs at most once, even if a response comes twice. */
  if (g_strcmp0 (response, "confirm") == 0 && ask->callback != NULL)
    {
      g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
      AccordDateCallback callback = ask->callback;

      ask->callback = NULL;
      if (accord_date_is_valid (date))
        callback (date, ask->user_data);
    }
}

static void
ask_date_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  AskDate *ask = g_object_get_data (G_OBJECT (dialog), "accord-ask-date");
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean valid = accord_date_is_valid (date);

  adw_message_dialog_set_response_enabled (dialog, "confirm", valid);
  /* Say what is wrong only once something is typed; the text stays. */
  gtk_widget_set_visible (ask->hint, !valid && *date != '\0');
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
ask_date_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  /* Emitting a response does not close the dialog in libadwaita 1.2. */
  if (adw_message_dialog_get_response_enabled (dialog, "confirm"))
    {
      adw_message_dialog_response (dialog, "confirm");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

void
accord_work_ask_date (GtkWidget          *parent,
                      const char         *heading,
                      const char         *body,
                      const char         *initial,
                      const char         *confirm_label,
                      AccordDateCallback  callback,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *hint;
  AskDate *ask;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (accord_work_parent_window (parent),
                                                       heading, body));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date (YYYY-MM-DD)"), -1);
  hint = gtk_label_new (_("Enter a date as YYYY-MM-DD."));
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");

  ask = g_new0 (AskDate, 1);
  ask->callback = callback;
  ask->user_data = user_data;
  ask->destroy = destroy;
  ask->entry = GTK_EDITABLE (entry);
  ask->hint = hint;
  /* The request lives as long as the dialog. */
  g_object_set_data_full (G_OBJECT (dialog), "accord-ask-date", ask, ask_date_free);

  g_signal_connect (entry, "changed", G_CALLBACK (ask_date_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (ask_date_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_date_response_cb), ask);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  ask_date_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
