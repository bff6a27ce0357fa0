/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-activity-group.h"

#include "accord-locale.h"
#include "accord-activity-dialog.h"
#include "accord-form.h"
#include "accord-store.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>

struct _AccordActivityGroup
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The rows made for the current partner, removed on each refresh. */
  GPtrArray *rows;
  /* The partner's activities the rows show (AccordActivity). */
  GPtrArray *activities;
  guint refresh_source;

  GtkWidget *log_button;
};

G_DEFINE_FINAL_TYPE (AccordActivityGroup, accord_activity_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (AccordActivityGroup *self);

static char *
contact_name (AccordActivityGroup *self,
              gint64               contact_id)
{
  GListModel *contacts;

  if (contact_id == 0)
    return NULL;
  contacts = accord_store_get_contacts (self->store, self->partner);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, i);

      if (accord_contact_get_id (contact) == contact_id)
        return g_strdup (accord_contact_get_name (contact));
    }
  return NULL;
}

static void
update_last_contact (AccordActivityGroup *self)
{
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  int days;

  last = accord_store_dup_last_contact (self->store, self->partner);
  days = last != NULL ? accord_days_between (last, accord_store_get_today (self->store))
                      : ACCORD_DAYS_INVALID;
  if (last == NULL)
    text = g_strdup (_("No contact logged yet"));
  else if (days == 0)
    text = g_strdup (_("Last contact today"));
  else if (days > 0)
    /* Translators: the days since the partner was last in touch. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No contact for %d day",
                                         "No contact for %d days", days), days);
  else
    {
      g_autofree char *shown = accord_format_date_display (last);

      /* Translators: %s is a date in the future ("21 Nov 2026"). */
      text = g_strdup_printf (_("Next contact planned on %s"), shown);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

typedef struct
{
  AccordStore *store;
  AccordActivity *activity;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_clear_object (&removed->store);
  g_clear_pointer (&removed->activity, accord_activity_free);
  g_free (removed);
}

static void
undo_remove_cb (AdwToast *toast,
                Removed  *removed)
{
  g_autoptr(GError) error = NULL;

  removed->activity->id = 0;
  if (!accord_store_add_activity (removed->store, removed->activity, &error))
    g_warning ("Could not restore the activity: %s", error->message);
}

static AccordActivity *
copy_activity (const AccordActivity *activity)
{
  AccordActivity *copy = accord_activity_new (activity->partner_id, activity->kind, activity->date);

  copy->id = activity->id;
  copy->contact_id = activity->contact_id;
  g_free (copy->summary);
  copy->summary = g_strdup (activity->summary);
  g_free (copy->outcome);
  copy->outcome = g_strdup (activity->outcome);
  copy->is_reply = activity->is_reply;
  return copy;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordActivityGroup *self = ACCORD_ACTIVITY_GROUP (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  AccordActivity *activity = NULL;
  Removed *removed;
  AdwToast *toast;

  if (self->store == NULL || self->activities == NULL)
    return;
  for (guint i = 0; i < self->activities->len; i++)
    if (((AccordActivity *) g_ptr_array_index (self->activities, i))->id == id)
      activity = g_ptr_array_index (self->activities, i);
  if (activity == NULL)
    return;

  removed = g_new0 (Removed, 1);
  removed->store = g_object_ref (self->store);
  removed->activity = copy_activity (activity);
  if (!accord_store_delete_activity (self->store, id, &error))
    {
      removed_free (removed);
      accord_work_toast (widget, adw_toast_new (error->message));
      return;
    }

  toast = adw_toast_new (_("Activity removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), removed,
                         (GClosureNotify) G_CALLBACK (removed_free), 0);
  accord_work_toast (widget, toast);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordActivityGroup *self = ACCORD_ACTIVITY_GROUP (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->partner == NULL)
    return;
  dialog = accord_activity_dialog_new (self->store, self->partner);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), accord_work_parent_window (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_row (AccordActivityGroup  *self,
          const AccordActivity *activity)
{
  const char *today = accord_store_get_today (self->store);
  const char *kind = accord_activity_kind_label (activity->kind);
  g_autofree char *name = contact_name (self, activity->contact_id);
  g_autofree char *when = accord_work_date_words (activity->date, today);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *remove_label = NULL;
  GtkWidget *row, *icon, *button;

  row = adw_action_row_new ();
  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  if (activity->summary != NULL && *activity->summary != '\0')
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), activity->summary);
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind);
  /* Translators: an activity's kind and date: "Email · 2026-03-05, 3 days ago". */
  g_string_append_printf (subtitle, _("%s · %s"), kind, when);
  if (name != NULL)
    /* Translators: who an activity was with; follows its kind and date. */
    g_string_append_printf (subtitle, _(" · with %s"), name);
  if (activity->outcome && *activity->outcome)
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: %s is what came of a call, meeting... */
      g_string_append_printf (subtitle, _("Outcome: %s"), activity->outcome);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  icon = gtk_image_new_from_icon_name (accord_work_activity_icon (activity->kind));
  accord_form_set_tooltip (icon, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (activity->is_reply)
    {
      GtkWidget *badge = gtk_label_new (_("Reply"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "reply-badge");
      gtk_widget_add_css_class (badge, "caption");
      accord_form_set_tooltip (badge, _("Their answer: it stopped the follow-ups"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  accord_form_set_tooltip (button, _("Remove Activity"));
  /* Translators: %s is an activity's summary or kind. */
  remove_label = g_strdup_printf (_("Remove “%s”"),
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "activity.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (activity->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_rows (AccordActivityGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (AccordActivityGroup *self,
         GtkWidget           *row)
{
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
refresh (AccordActivityGroup *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_rows (self);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.log",
                                 self->store != NULL && self->partner != NULL);
  if (self->store == NULL || self->partner == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }

  update_last_contact (self);
  self->activities = accord_store_list_activities (self->store, self->partner, &error);
  if (self->activities == NULL)
    {
      g_warning ("Could not list the activities: %s", error->message);
      return;
    }

  if (self->activities->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing logged yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Log every email, call, meeting, event, introduction and "
                                     "note to see when you were last in touch."));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
      return;
    }

  for (guint i = 0; i < self->activities->len; i++)
    add_row (self, make_row (self, g_ptr_array_index (self->activities, i)));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  AccordActivityGroup *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
work_changed_cb (AccordStore         *store,
                 AccordPartner       *partner,
                 AccordActivityGroup *self)
{
  /* After the change that asked for it is over: the row whose button
   * removed an activity goes. */
  if ((partner == NULL || partner == self->partner) && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
accord_activity_group_dispose (GObject *object)
{
  AccordActivityGroup *self = ACCORD_ACTIVITY_GROUP (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_ACTIVITY_GROUP);

  G_OBJECT_CLASS (accord_activity_group_parent_class)->dispose (object);
}

static void
accord_activity_group_finalize (GObject *object)
{
  AccordActivityGroup *self = ACCORD_ACTIVITY_GROUP (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (accord_activity_group_parent_class)->finalize (object);
}

static void
accord_activity_group_class_init (AccordActivityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_activity_group_dispose;
  object_class->finalize = accord_activity_group_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-activity-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordActivityGroup, log_button);
  gtk_widget_class_install_action (widget_class, "activity.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "activity.remove", "x", remove_action);
}

static void
accord_activity_group_init (AccordActivityGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The group removes its rows itself; they die with the group. */
  self->rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.log", FALSE);
}

GtkWidget *
accord_activity_group_new (void)
{
  return g_object_new (ACCORD_TYPE_ACTIVITY_GROUP, NULL);
}

void
accord_activity_group_set_store (AccordActivityGroup *self,
                                 AccordStore         *store)
{
  g_return_if_fail (ACCORD_IS_ACTIVITY_GROUP (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "work-changed", G_CALLBACK (work_changed_cb), self);
  refresh (self);
}

void
accord_activity_group_set_partner (AccordActivityGroup *self,
                                   AccordPartner       *partner)
{
  g_return_if_fail (ACCORD_IS_ACTIVITY_GROUP (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (!g_set_object (&self->partner, partner))
    return;
  refresh (self);
}
