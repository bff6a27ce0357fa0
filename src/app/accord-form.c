/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-form.h"
#include "accord-app-resources.h"

void
accord_form_set_tooltip (GtkWidget  *widget,
                         const char *text)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Hiding the focus widget would move the focus away. */
  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget) ||
      (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget))))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

void
accord_form_label_entry_row (AdwEntryRow *row)
{
  GtkEditable *delegate;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

static void
expander_title_cb (AdwPreferencesRow *row)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}

void
accord_form_label_expander_row (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  expander_title_cb (ADW_PREFERENCES_ROW (row));
  g_signal_connect (row, "notify::title", G_CALLBACK (expander_title_cb), NULL);
}

void
accord_form_label_list_row (GtkWidget  *child,
                            const char *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label != NULL ? label : "", -1);
}

void
accord_form_show_error (GtkWidget    *row,
                        GtkWidget    *label,
                        const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (GTK_LABEL (label), error->message);
      gtk_widget_set_visible (label, TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (label, FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

typedef struct
{
  AccordNameCallback callback;
  gpointer user_data;
  GDestroyNotify destroy;
  GtkEditable *entry;
} AskName;

static void
ask_name_free (gpointer data)
{
  AskName *ask = data;

  if (ask->destroy != NULL)
    ask->destroy (ask->user_data);
  g_free (ask);
}

static void
ask_name_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AskName          *ask)
{
  /* The callback runs at most once, even if a response comes twice. */
  if (g_strcmp0 (response, "add") == 0 && ask->callback != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
      AccordNameCallback callback = ask->callback;

      ask->callback = NULL;
      if (*name != '\0')
        callback (name, ask->user_data);
    }
}

static void
ask_name_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
ask_name_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  /* Emitting a response does not close the dialog in libadwaita 1.2. */
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    {
      adw_message_dialog_response (dialog, "add");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

void
accord_form_ask_name (GtkWidget          *parent,
                      const char         *heading,
                      const char         *entry_label,
                      const char         *confirm_label,
                      AccordNameCallback  callback,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  AskName *ask;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                       heading, NULL));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), entry_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry_label, -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  ask = g_new0 (AskName, 1);
  ask->callback = callback;
  ask->user_data = user_data;
  ask->destroy = destroy;
  ask->entry = GTK_EDITABLE (entry);

  g_signal_connect (entry, "changed", G_CALLBACK (ask_name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (ask_name_activate_cb), dialog);
  /* The request lives as long as the dialog. */
  g_object_set_data_full (G_OBJECT (dialog), "accord-ask-name", ask, ask_name_free);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_name_response_cb), ask);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
accord_form_ensure_resources (void)
{
  static gsize done = 0;

  /* Templates live in resources; a static library drops the automatic
   * constructor, so each widget class asks for them here. */
  if (g_once_init_enter (&done))
    {
      accord_app_register_resource ();
      g_once_init_leave (&done, 1);
    }
}
