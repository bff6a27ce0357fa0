/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-notify.h"

#include "accord-store.h"
#include "accord-window.h"

#include <glib/gi18n.h>

/* How many overdue items the notification names; the rest are counted. */
#define MAX_NAMED 3
/* How often the app looks whether a new day has begun. */
#define CHECK_INTERVAL_SECONDS (60 * 60)
#define NOTIFICATION_ID "overdue"

gboolean
accord_notify_describe (GPtrArray   *due,
                        const char  *today,
                        char       **title,
                        char       **body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_overdue = 0;

  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  for (guint i = 0; i < due->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (due, i);

      if (accord_due_group_for (item->due, today) != ACCORD_DUE_OVERDUE)
        continue;
      /* Only the partner's name and the item's title: both are shown in
       * the app's lists anyway. Never notes, summaries or outcomes. */
      if (n_overdue < MAX_NAMED)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: an overdue item in a notification: "Contoso: Follow up". */
          g_string_append_printf (text, _("%s: %s"), item->partner_name ? item->partner_name : "",
                                  item->title ? item->title : "");
        }
      n_overdue++;
    }
  if (n_overdue == 0)
    return FALSE;

  if (n_overdue > MAX_NAMED)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 n_overdue - MAX_NAMED),
                              n_overdue - MAX_NAMED);
    }
  if (title != NULL)
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing is overdue",
                                           "%u things are overdue", n_overdue), n_overdue);
  if (body != NULL)
    *body = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

GNotification *
accord_notify_build (GPtrArray  *due,
                     const char *today)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  if (!accord_notify_describe (due, today, &title, &body))
    return NULL;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-due");
  return notification;
}

struct _AccordNotifier
{
  GObject parent_instance;

  GtkApplication *application;  /* weak: it owns us */
  /* Workspace path -> the day it was last looked at. */
  GHashTable *checked;
  guint timeout_id;
};

G_DEFINE_FINAL_TYPE (AccordNotifier, accord_notifier, G_TYPE_OBJECT)

static AccordWindow *
find_window (GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  if (ACCORD_IS_WINDOW (active))
    return ACCORD_WINDOW (active);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ACCORD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
show_due_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AccordNotifier *self = user_data;
  AccordWindow *window;

  if (self->application == NULL || (window = find_window (self->application)) == NULL)
    return;
  accord_window_set_view (window, "due");
  gtk_window_present (GTK_WINDOW (window));
}

void
accord_notifier_check (AccordNotifier *self,
                       AccordStore    *store)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  const char *today;
  const char *last;

  g_return_if_fail (ACCORD_IS_NOTIFIER (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (store == NULL || self->application == NULL ||
      g_strcmp0 (g_getenv ("ACCORD_NO_NOTIFY"), "1") == 0)
    return;

  today = accord_store_get_today (store);
  last = g_hash_table_lookup (self->checked, accord_store_get_path (store));
  if (g_strcmp0 (last, today) == 0)
    return;
  g_hash_table_insert (self->checked, g_strdup (accord_store_get_path (store)), g_strdup (today));

  /* Overdue and today: the notification counts only what is overdue. */
  due = accord_store_list_due (store, 0, &error);
  if (due == NULL)
    {
      g_debug ("Could not list what is due: %s", error->message);
      return;
    }
  notification = accord_notify_build (due, today);
  if (notification != NULL)
    g_application_send_notification (G_APPLICATION (self->application), NOTIFICATION_ID,
                                     notification);
  else
    g_application_withdraw_notification (G_APPLICATION (self->application), NOTIFICATION_ID);
}

static gboolean
daily_cb (gpointer data)
{
  AccordNotifier *self = data;
  AccordWindow *window;

  /* Each check is a no-op until the day changes. */
  if (self->application != NULL && (window = find_window (self->application)) != NULL)
    accord_notifier_check (self, accord_window_get_store (window));
  return G_SOURCE_CONTINUE;
}

static void
accord_notifier_dispose (GObject *object)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->application != NULL)
    g_action_map_remove_action (G_ACTION_MAP (self->application), "show-due");
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (accord_notifier_parent_class)->dispose (object);
}

static void
accord_notifier_finalize (GObject *object)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  g_hash_table_unref (self->checked);

  G_OBJECT_CLASS (accord_notifier_parent_class)->finalize (object);
}

static void
accord_notifier_class_init (AccordNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_notifier_dispose;
  object_class->finalize = accord_notifier_finalize;
}

static void
accord_notifier_init (AccordNotifier *self)
{
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

AccordNotifier *
accord_notifier_new (GtkApplication *application)
{
  AccordNotifier *self;
  const GActionEntry actions[] = {
    { "show-due", show_due_cb },
  };

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (ACCORD_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                   self);
  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, daily_cb, self);
  return self;
}
