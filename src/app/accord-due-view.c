/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-due-view.h"

#include "accord-form.h"
#include "accord-store.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>

struct _AccordDueView
{
  AdwBin parent_instance;

  AccordStore *store;
  /* What the rows show (AccordDueItem), by date. */
  GPtrArray *items;
  AdwPreferencesGroup *groups[ACCORD_N_DUE_GROUPS];
  GPtrArray *rows;
  guint refresh_source;

  GtkStack *stack;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (AccordDueView, accord_due_view, ADW_TYPE_BIN)

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (AccordDueView *self);

static const char *
kind_label (const AccordDueItem *item)
{
  switch (item->kind)
    {
    case ACCORD_DUE_NOTICE:
      return _("Notice deadline");
    case ACCORD_DUE_REVISIT:
      return _("Revisit");
    case ACCORD_DUE_TASK:
    case ACCORD_N_DUE_KINDS:
    default:
      if (item->playbook > ACCORD_PLAYBOOK_NONE && item->playbook < ACCORD_N_PLAYBOOKS)
        return accord_playbook_label (item->playbook);
      return _("Task");
    }
}

static const char *
kind_icon (const AccordDueItem *item)
{
  switch (item->kind)
    {
    case ACCORD_DUE_NOTICE:
      return "x-office-document-symbolic";
    case ACCORD_DUE_REVISIT:
      return "document-open-recent-symbolic";
    case ACCORD_DUE_TASK:
    case ACCORD_N_DUE_KINDS:
    default:
      return "checkbox-symbolic";
    }
}

static AccordDueItem *
find_task_item (AccordDueView *self,
                gint64         task_id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (self->items, i);

      if (item->kind == ACCORD_DUE_TASK && item->task_id == task_id)
        return item;
    }
  return NULL;
}

/* Done, undo, snooze */

typedef struct
{
  AccordStore *store;
  gint64 task_id;
} UndoDone;

static void
undo_done_free (gpointer data)
{
  UndoDone *undo = data;

  g_clear_object (&undo->store);
  g_free (undo);
}

static void
undo_done_cb (AdwToast *toast,
              UndoDone *undo)
{
  g_autoptr(GError) error = NULL;

  if (!accord_store_set_task_done (undo->store, undo->task_id, FALSE, &error))
    g_warning ("Could not reopen the task: %s", error->message);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordDueView *self = ACCORD_DUE_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  AccordDueItem *item = find_task_item (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoDone *undo;
  AdwToast *toast;

  if (self->store == NULL || item == NULL)
    return;
  /* Toast titles are markup. */
  title = g_markup_escape_text (item->title, -1);
  if (!accord_store_set_task_done (self->store, id, TRUE, &error))
    {
      accord_work_toast (widget, adw_toast_new (error->message));
      refresh (self);
      return;
    }

  /* Translators: %s is a task, as in "“Follow up” done". */
  toast = adw_toast_new_format (_("“%s” done"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoDone, 1);
  undo->store = g_object_ref (self->store);
  undo->task_id = id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_done_cb), undo,
                         (GClosureNotify) G_CALLBACK (undo_done_free), 0);
  accord_work_toast (widget, toast);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  AccordDueView  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "accord-task-id"));

  if (gtk_check_button_get_active (check))
    gtk_widget_activate_action (GTK_WIDGET (self), "due.done", "x", id);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordDueView *self = ACCORD_DUE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  gint64 id;
  int days;

  if (self->store == NULL)
    return;
  g_variant_get (parameter, "(xi)", &id, &days);
  until = accord_date_add_days (accord_store_get_today (self->store), days);
  if (!accord_store_snooze_task (self->store, id, until, &error))
    accord_work_toast (widget, adw_toast_new (error->message));
}

/* Rows */

static void
row_activated_cb (AdwActionRow  *row,
                  AccordDueView *self)
{
  gint64 partner_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "accord-partner-id"));
  AccordPartner *partner;

  if (self->store == NULL)
    return;
  partner = accord_store_lookup_partner (self->store, partner_id);
  if (partner != NULL)
    g_signal_emit (self, signals[SIGNAL_PARTNER_ACTIVATED], 0, partner);
}

static GtkWidget *
make_row (AccordDueView       *self,
          const AccordDueItem *item,
          const char          *today)
{
  g_autofree char *when = accord_work_date_words (item->due, today);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  /* Translators: a due item's partner, date and kind:
   * "Contoso · 2026-03-05, today · Outreach". */
  subtitle = g_strdup_printf (_("%s · %s · %s"), item->partner_name ? item->partner_name : "",
                              when, kind_label (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "accord-partner-id", GSIZE_TO_POINTER (item->partner_id));
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);

  if (item->kind == ACCORD_DUE_TASK)
    {
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *label = NULL;

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      accord_form_set_tooltip (check, _("Mark Done"));
      /* Translators: %s is a task. */
      label = g_strdup_printf (_("Mark “%s” done"), item->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (check), "accord-task-id", GSIZE_TO_POINTER (item->task_id));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 accord_work_snooze_button ("due.snooze", item->task_id,
                                                            item->title));
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kind_label (item), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  /* The arrow only says the row opens something: nothing to read out. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  return row;
}

static void
clear_rows (AccordDueView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
refresh (AccordDueView *self)
{
  g_autoptr(GError) error = NULL;
  guint counts[ACCORD_N_DUE_GROUPS] = { 0 };
  const char *today;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  today = accord_store_get_today (self->store);
  self->items = accord_store_list_due (self->store, -1, &error);
  if (self->items == NULL)
    {
      g_warning ("Could not list what is due: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (self->items, i);
      AccordDueGroup group = accord_due_group_for (item->due, today);
      GtkWidget *row;

      if (group >= ACCORD_N_DUE_GROUPS)
        group = ACCORD_DUE_LATER;
      row = make_row (self, item, today);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->groups[group], row);
      counts[group]++;
    }

  for (guint g = 0; g < ACCORD_N_DUE_GROUPS; g++)
    {
      g_autofree char *description = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->groups[g]), counts[g] > 0);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                  counts[g]), counts[g]);
      adw_preferences_group_set_description (self->groups[g], description);
    }
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  AccordDueView *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (AccordDueView *self)
{
  /* Hidden, it looks again when it is shown (see map); shown, once the
   * change (and the signal of the row that made it) is over. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
disconnect_store (AccordDueView *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_handlers_disconnect_by_data (accord_store_get_partners (self->store), self);
}

static void
accord_due_view_map (GtkWidget *widget)
{
  AccordDueView *self = ACCORD_DUE_VIEW (widget);

  GTK_WIDGET_CLASS (accord_due_view_parent_class)->map (widget);
  /* Even with no change in the store, the date may have moved on. */
  if (self->store != NULL)
    refresh (self);
}

static void
accord_due_view_dispose (GObject *object)
{
  AccordDueView *self = ACCORD_DUE_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  /* The bin lets go of its child before the template drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_DUE_VIEW);

  G_OBJECT_CLASS (accord_due_view_parent_class)->dispose (object);
}

static void
accord_due_view_finalize (GObject *object)
{
  AccordDueView *self = ACCORD_DUE_VIEW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (accord_due_view_parent_class)->finalize (object);
}

static void
accord_due_view_class_init (AccordDueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_due_view_dispose;
  object_class->finalize = accord_due_view_finalize;
  widget_class->map = accord_due_view_map;

  signals[SIGNAL_PARTNER_ACTIVATED] = g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-due-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordDueView, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordDueView, groups_box);
  gtk_widget_class_install_action (widget_class, "due.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "due.snooze", "(xi)", snooze_action);
}

static void
accord_due_view_init (AccordDueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  for (guint g = 0; g < ACCORD_N_DUE_GROUPS; g++)
    {
      self->groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[g], accord_due_group_label (g));
      gtk_widget_set_visible (GTK_WIDGET (self->groups[g]), FALSE);
      gtk_box_append (self->groups_box, GTK_WIDGET (self->groups[g]));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
accord_due_view_new (void)
{
  return g_object_new (ACCORD_TYPE_DUE_VIEW, NULL);
}

void
accord_due_view_set_store (AccordDueView *self,
                           AccordStore   *store)
{
  g_return_if_fail (ACCORD_IS_DUE_VIEW (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "work-changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "agreements-changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "partner-changed", G_CALLBACK (store_changed_cb), self);
      /* Trashing or restoring a partner takes its items along. */
      g_signal_connect_swapped (accord_store_get_partners (store), "items-changed",
                                G_CALLBACK (store_changed_cb), self);
    }
  refresh (self);
}
