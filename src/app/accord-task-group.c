/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-task-group.h"

#include "accord-locale.h"
#include "accord-form.h"
#include "accord-playbook-dialog.h"
#include "accord-store.h"
#include "accord-template-dialog.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>

#define NOTES_SAVE_DELAY_MS 400
/* Open steps due within this many days always show; at least MIN_SHOWN do. */
#define SOON_DAYS 14
#define MIN_SHOWN 5

struct _AccordTaskGroup
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The rows made for the partner, removed on each refresh. */
  GPtrArray *rows;
  /* The partner's tasks (AccordTask) the rows show. */
  GPtrArray *tasks;
  /* Task ids (gint64) whose notes are open: a refresh keeps them open. */
  GHashTable *expanded;
  gboolean past_expanded;
  gboolean later_expanded;
  guint refresh_source;
  /* The stage the rows were made for: the next moves depend on it. */
  AccordStage stage;

  /* The latest launch: its run, date and name (the UTM campaign). */
  gint64 launch_run_id;
  char *launch_date;
  char *launch_name;

  /* Notes wait a moment after the last key before they are saved. */
  guint notes_source;
  gint64 notes_task_id;
  AdwEntryRow *notes_row;   /* weak */
  gboolean saving_notes;

  /* The tracking rows live as long as the group; the code is made the
   * first time they are opened. */
  AdwExpanderRow *tracking_row;
  AdwActionRow *code_row;
  AdwEntryRow *url_row;
  AdwActionRow *link_row;
  GtkWidget *copy_link_button;
  char *code;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (AccordTaskGroup, accord_task_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (AccordTaskGroup *self);

static AccordTask *
find_task (AccordTaskGroup *self,
           gint64           id)
{
  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (self->tasks, i);

      if (task->id == id)
        return task;
    }
  return NULL;
}

static gboolean
task_is_open (const AccordTask *task)
{
  return task->done_on == NULL && task->cancelled_on == NULL;
}

/* Notes */

static void
flush_notes (AccordTaskGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->notes_source == 0)
    return;
  g_clear_handle_id (&self->notes_source, g_source_remove);
  if (self->store == NULL || self->notes_row == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  /* Saving notes changes nothing else the group shows: the row being
   * typed in stays as it is. */
  self->saving_notes = TRUE;
  if (!accord_store_set_task_notes (self->store, self->notes_task_id, text, &error))
    accord_work_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  self->saving_notes = FALSE;
}

static gboolean
notes_timeout_cb (gpointer data)
{
  AccordTaskGroup *self = data;

  flush_notes (self);
  self->notes_source = 0;
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (AdwEntryRow     *row,
                  AccordTaskGroup *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "accord-task-id"));

  if (g_object_get_data (G_OBJECT (row), "accord-loading") != NULL)
    return;
  if (self->notes_row != row || self->notes_task_id != id)
    flush_notes (self);
  g_set_weak_pointer (&self->notes_row, row);
  self->notes_task_id = id;
  g_clear_handle_id (&self->notes_source, g_source_remove);
  self->notes_source = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
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
set_done (AccordTaskGroup *self,
          gint64           id,
          gboolean         done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AccordTask *task = find_task (self, id);
  UndoDone *undo;
  AdwToast *toast;

  if (self->store == NULL || task == NULL)
    return;
  /* Toast titles are markup. */
  title = g_markup_escape_text (task->title, -1);
  if (!accord_store_set_task_done (self->store, id, done, &error))
    {
      accord_work_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      refresh (self);
      return;
    }
  if (!done)
    return;

  /* Translators: %s is a task, as in "“Follow up” done". */
  toast = adw_toast_new_format (_("“%s” done"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoDone, 1);
  undo->store = g_object_ref (self->store);
  undo->task_id = id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_done_cb), undo,
                         (GClosureNotify) G_CALLBACK (undo_done_free), 0);
  accord_work_toast (GTK_WIDGET (self), toast);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 id;
  gboolean done;

  g_variant_get (parameter, "(xb)", &id, &done);
  set_done (ACCORD_TASK_GROUP (widget), id, done);
}

static void
check_toggled_cb (GtkCheckButton  *check,
                  AccordTaskGroup *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "accord-task-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "tasks.set-done", "(xb)", id,
                              gtk_check_button_get_active (check));
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);
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

/* Playbooks, outcome, launch date, first call */

static AccordPlaybook
playbook_for_stage (AccordStage stage)
{
  switch (stage)
    {
    case ACCORD_STAGE_NEGOTIATING:
    case ACCORD_STAGE_LAUNCHING:
      return ACCORD_PLAYBOOK_LAUNCH;
    case ACCORD_STAGE_GROWING:
    case ACCORD_STAGE_OPTIMIZING:
    case ACCORD_STAGE_RENEWING:
      return ACCORD_PLAYBOOK_REVIEWS;
    case ACCORD_STAGE_ENDED:
      return ACCORD_PLAYBOOK_EXIT;
    case ACCORD_STAGE_IDENTIFIED:
    case ACCORD_STAGE_OUTREACH:
    case ACCORD_STAGE_ON_HOLD:
    case ACCORD_N_STAGES:
    default:
      return ACCORD_PLAYBOOK_OUTREACH;
    }
}

static void
start_playbook_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);
  AccordPlaybook playbook;
  GtkWidget *dialog;

  if (self->store == NULL || self->partner == NULL)
    return;
  playbook = playbook_for_stage (accord_partner_get_stage (self->partner));
  dialog = accord_playbook_dialog_new (self->store, self->partner, playbook);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), accord_work_parent_window (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The template that fits the next open step best. */
static AccordTemplate
template_for_tasks (AccordTaskGroup *self)
{
  static const struct { const char *step; AccordTemplate template; } fits[] = {
    { "first-email", ACCORD_TEMPLATE_FIRST_EMAIL },
    { "follow-up-3", ACCORD_TEMPLATE_FOLLOW_UP_1 },
    { "follow-up-7", ACCORD_TEMPLATE_FOLLOW_UP_2 },
    { "follow-up-14", ACCORD_TEMPLATE_FOLLOW_UP_3 },
    { "first-call", ACCORD_TEMPLATE_CALL_SUMMARY },
    { "week-announcement", ACCORD_TEMPLATE_ANNOUNCEMENT },
    { "exit-message", ACCORD_TEMPLATE_EXIT },
  };

  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (self->tasks, i);

      if (!task_is_open (task))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (fits); j++)
        if (g_strcmp0 (task->step, fits[j].step) == 0)
          return fits[j].template;
    }
  return ACCORD_TEMPLATE_FIRST_EMAIL;
}

static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->partner == NULL)
    return;
  dialog = accord_template_dialog_new (self->store, self->partner, template_for_tasks (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), accord_work_parent_window (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
outcome_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);
  gboolean interested = g_variant_get_boolean (parameter);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->partner == NULL)
    return;
  if (!accord_store_record_outcome (self->store, self->partner, interested, NULL, &error))
    {
      accord_work_toast (widget, adw_toast_new (error->message));
      return;
    }
  accord_work_toast (widget,
                     adw_toast_new (interested
                                    ? _("Interested: follow up within 24 hours")
                                    : _("Not interested: on hold, with a date to revisit")));
}

typedef struct
{
  AccordStore *store;
  AccordPartner *partner;
  AccordTaskGroup *group;  /* weak */
  gint64 run_id;
} DateRequest;

static void
date_request_free (gpointer data)
{
  DateRequest *request = data;

  g_clear_object (&request->store);
  g_clear_object (&request->partner);
  g_clear_weak_pointer (&request->group);
  g_free (request);
}

static DateRequest *
date_request_new (AccordTaskGroup *self,
                  gint64           run_id)
{
  DateRequest *request = g_new0 (DateRequest, 1);

  request->store = g_object_ref (self->store);
  request->partner = g_object_ref (self->partner);
  g_set_weak_pointer (&request->group, self);
  request->run_id = run_id;
  return request;
}

static void
report_error (DateRequest  *request,
              const GError *error)
{
  if (request->group != NULL)
    accord_work_toast (GTK_WIDGET (request->group), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static void
move_launch_cb (const char *date,
                gpointer    user_data)
{
  DateRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!accord_store_move_anchor (request->store, request->run_id, date, &error))
    report_error (request, error);
}

static void
move_launch_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);

  if (self->store == NULL || self->launch_run_id == 0)
    return;
  accord_work_ask_date (widget, _("Move the Launch Date"),
                        _("Every open step of the launch moves with it."),
                        self->launch_date, _("_Move"), move_launch_cb,
                        date_request_new (self, self->launch_run_id), date_request_free);
}

static void
plan_call_cb (const char *date,
              gpointer    user_data)
{
  DateRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (accord_store_plan_first_call (request->store, request->partner, date, &error) == 0)
    report_error (request, error);
}

static void
plan_call_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);

  if (self->store == NULL || self->partner == NULL)
    return;
  accord_work_ask_date (widget, _("Plan the First Call"),
                        _("Twenty to thirty minutes: introductions, discovery questions, your "
                          "proposal and next steps. Each question gets its own notes."),
                        accord_store_get_today (self->store), _("_Plan"), plan_call_cb,
                        date_request_new (self, 0), date_request_free);
}

/* Tracking */

static char *
dup_link (AccordTaskGroup *self)
{
  return accord_utm_link (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), self->code,
                          self->launch_name);
}

static void
update_link (AccordTaskGroup *self)
{
  g_autofree char *link = NULL;
  g_autofree char *title = NULL;

  if (self->code == NULL)
    return;
  link = dup_link (self);
  adw_action_row_set_subtitle (self->code_row, self->code);
  adw_expander_row_set_subtitle (self->tracking_row, self->code);
  if (self->launch_name != NULL && *self->launch_name != '\0')
    /* Translators: %s is the launch's name, used as the UTM campaign. */
    title = g_strdup_printf (_("Tracking link, campaign “%s”"), self->launch_name);
  else
    title = g_strdup (_("Tracking link"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_row), title);
  adw_action_row_set_subtitle (self->link_row,
                               link ? link : _("Enter your web address, starting with https://"));
  gtk_widget_set_sensitive (self->copy_link_button, link != NULL);
  if (link == NULL && *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
load_tracking (AccordTaskGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;

  if (self->code != NULL || self->store == NULL || self->partner == NULL ||
      !adw_expander_row_get_expanded (self->tracking_row))
    return;

  self->code = accord_store_dup_tracking_code (self->store, self->partner, &error);
  if (self->code == NULL)
    {
      accord_work_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  base = accord_store_dup_setting (self->store, ACCORD_SETTING_TRACKING_URL);
  g_object_set_data (G_OBJECT (self->url_row), "accord-loading", GINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), base);
  g_object_set_data (G_OBJECT (self->url_row), "accord-loading", NULL);
  update_link (self);
}

static void
reset_tracking (AccordTaskGroup *self)
{
  g_clear_pointer (&self->code, g_free);
  adw_expander_row_set_expanded (self->tracking_row, FALSE);
  adw_expander_row_set_subtitle (self->tracking_row,
                                 _("A code and a link that credit this partner"));
}

static void
url_apply_cb (AccordTaskGroup *self)
{
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autofree char *text = g_strstrip (g_strdup (typed));

  if (self->store == NULL)
    return;
  if (!accord_store_set_setting (self->store, ACCORD_SETTING_TRACKING_URL, text, &error))
    accord_work_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
copy_text (AccordTaskGroup *self,
           const char      *text,
           const char      *message)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  accord_work_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static void
copy_code_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);

  if (self->code != NULL)
    copy_text (self, self->code, _("Tracking code copied"));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (widget);
  g_autofree char *link = NULL;

  if (self->code == NULL)
    return;
  link = dup_link (self);
  if (link != NULL)
    {
      /* The address it was made from is worth keeping for next time. */
      url_apply_cb (self);
      copy_text (self, link, _("Tracking link copied"));
    }
}

static GtkWidget *
copy_button (const char *action,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  accord_form_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
build_tracking (AccordTaskGroup *self)
{
  self->tracking_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_object_ref_sink (self->tracking_row);
  accord_form_label_expander_row (self->tracking_row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tracking_row), _("Tracking"));
  accord_work_plain_row (ADW_PREFERENCES_ROW (self->tracking_row));
  adw_expander_row_add_prefix (self->tracking_row,
                               g_object_new (GTK_TYPE_IMAGE,
                                             "icon-name", "web-browser-symbolic",
                                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                             NULL));

  self->code_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Code"));
  accord_work_plain_row (ADW_PREFERENCES_ROW (self->code_row));
  gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "property");
  adw_action_row_add_suffix (self->code_row, copy_button ("tasks.copy-code", _("Copy Code")));
  adw_expander_row_add_row (self->tracking_row, GTK_WIDGET (self->code_row));

  self->url_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Your web address"));
  adw_entry_row_set_show_apply_button (self->url_row, TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->url_row), TRUE);
  accord_form_label_entry_row (self->url_row);
  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (update_link), self);
  g_signal_connect_swapped (self->url_row, "apply", G_CALLBACK (url_apply_cb), self);
  adw_expander_row_add_row (self->tracking_row, GTK_WIDGET (self->url_row));

  self->link_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_row), _("Tracking link"));
  accord_work_plain_row (ADW_PREFERENCES_ROW (self->link_row));
  gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "property");
  self->copy_link_button = copy_button ("tasks.copy-link", _("Copy Link"));
  adw_action_row_add_suffix (self->link_row, self->copy_link_button);
  adw_expander_row_add_row (self->tracking_row, GTK_WIDGET (self->link_row));

  g_signal_connect_swapped (self->tracking_row, "notify::expanded",
                            G_CALLBACK (load_tracking), self);
  reset_tracking (self);
}

/* Rows */

static void
expanded_cb (AdwExpanderRow  *row,
             GParamSpec      *pspec,
             AccordTaskGroup *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "accord-task-id"));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static GtkWidget *
make_task_row (AccordTaskGroup  *self,
               const AccordTask *task,
               const char       *today)
{
  const char *due = accord_task_effective_due (task);
  g_autofree char *when = accord_work_date_words (due, today);
  g_autofree char *dated = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *check_label = NULL;
  int days = accord_days_between (today, due);
  GtkWidget *row, *check, *notes;

  row = adw_expander_row_new ();
  accord_form_label_expander_row (ADW_EXPANDER_ROW (row));
  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task->title);
  if (task->snoozed_until != NULL)
    /* Translators: %s is a date with words, "2026-03-05, in 3 days". */
    dated = g_strdup_printf (_("Snoozed to %s"), when);
  else
    dated = g_steal_pointer (&when);
  if (task->phase != NULL && *task->phase != '\0')
    subtitle = g_strdup_printf (_("%s · %s"), task->phase, dated);
  else
    subtitle = g_steal_pointer (&dated);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "accord-task-id", GSIZE_TO_POINTER (task->id));

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: %s is a task. */
  check_label = g_strdup_printf (_("Mark “%s” done"), task->title);
  accord_form_set_tooltip (check, _("Mark Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  g_object_set_data (G_OBJECT (check), "accord-task-id", GSIZE_TO_POINTER (task->id));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  /* Actions go in front of the ones added before: "Overdue" reads first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               accord_work_snooze_button ("tasks.snooze", task->id, task->title));
  if (days != ACCORD_DAYS_INVALID && days < 0)
    {
      GtkWidget *label = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
    }

  notes = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notes), _("Notes"));
  accord_form_label_entry_row (ADW_ENTRY_ROW (notes));
  g_object_set_data (G_OBJECT (notes), "accord-task-id", GSIZE_TO_POINTER (task->id));
  g_object_set_data (G_OBJECT (notes), "accord-loading", GINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (notes), task->notes ? task->notes : "");
  g_object_set_data (G_OBJECT (notes), "accord-loading", NULL);
  g_signal_connect (notes, "changed", G_CALLBACK (notes_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes);

  if (g_hash_table_contains (self->expanded, &task->id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

static GtkWidget *
make_past_row (AccordTaskGroup  *self,
               const AccordTask *task)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task->title);
  if (task->done_on != NULL)
    {
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *label = NULL;

      g_autofree char *done = accord_format_date_display (task->done_on);

      /* Translators: %s is a date ("21 Nov 2026"). */
      subtitle = g_strdup_printf (_("Done on %s"), done);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      accord_form_set_tooltip (check, _("Reopen"));
      /* Translators: %s is a task. */
      label = g_strdup_printf (_("Reopen “%s”"), task->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (check), "accord-task-id", GSIZE_TO_POINTER (task->id));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("mail-replied-symbolic");

      g_autofree char *stopped = accord_format_date_display (task->cancelled_on);

      /* Translators: %s is a date ("21 Nov 2026"): a reply or an outcome stopped the step. */
      subtitle = g_strdup_printf (_("Stopped on %s"), stopped);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Stopped"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* How many of the open steps (by date) the group shows: those due within
 * two weeks, and at least a few; a long launch checklist keeps the rest
 * in "Later Steps". */
static guint
n_soon (GPtrArray  *open,
        const char *today)
{
  guint n = 0;

  for (guint i = 0; i < open->len; i++)
    {
      int days = accord_days_between (today,
                                      accord_task_effective_due (g_ptr_array_index (open, i)));

      if (days != ACCORD_DAYS_INVALID && days <= SOON_DAYS)
        n = i + 1;
    }
  n = MAX (n, MIN (MIN_SHOWN, open->len));
  /* Folding one or two steps away saves nothing. */
  if (open->len - n <= 2)
    n = open->len;
  return n;
}

static GtkWidget *
make_later_row (AccordTaskGroup  *self,
                const AccordTask *task,
                const char       *today)
{
  g_autofree char *when = accord_work_date_words (accord_task_effective_due (task), today);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task->title);
  if (task->phase != NULL && *task->phase != '\0')
    subtitle = g_strdup_printf (_("%s · %s"), task->phase, when);
  else
    subtitle = g_steal_pointer (&when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (check, _("Mark Done"));
  /* Translators: %s is a task. */
  label = g_strdup_printf (_("Mark “%s” done"), task->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (check), "accord-task-id", GSIZE_TO_POINTER (task->id));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  return row;
}

static void
later_expanded_cb (AdwExpanderRow  *row,
                   GParamSpec      *pspec,
                   AccordTaskGroup *self)
{
  self->later_expanded = adw_expander_row_get_expanded (row);
}

static void
past_expanded_cb (AdwExpanderRow  *row,
                  GParamSpec      *pspec,
                  AccordTaskGroup *self)
{
  self->past_expanded = adw_expander_row_get_expanded (row);
}

static int
compare_open (gconstpointer a,
              gconstpointer b)
{
  const AccordTask *ta = *(AccordTask **) a;
  const AccordTask *tb = *(AccordTask **) b;
  int result = g_strcmp0 (accord_task_effective_due (ta), accord_task_effective_due (tb));

  return result != 0 ? result : (ta->id > tb->id) - (ta->id < tb->id);
}

static int
compare_past (gconstpointer a,
              gconstpointer b)
{
  const AccordTask *ta = *(AccordTask **) a;
  const AccordTask *tb = *(AccordTask **) b;
  const char *da = ta->done_on ? ta->done_on : ta->cancelled_on;
  const char *db = tb->done_on ? tb->done_on : tb->cancelled_on;
  int result = g_strcmp0 (db, da);

  return result != 0 ? result : (tb->id > ta->id) - (tb->id < ta->id);
}

static void
add_row (AccordTaskGroup *self,
         GtkWidget       *row)
{
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static GtkWidget *
make_button_row (const char *title,
                 const char *subtitle,
                 GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  accord_work_plain_row (ADW_PREFERENCES_ROW (row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static GtkWidget *
text_button (const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
add_run_rows (AccordTaskGroup *self,
              const char      *today)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  AccordRun *outreach = NULL;
  AccordRun *launch = NULL;
  AccordStage stage = accord_partner_get_stage (self->partner);
  gboolean call_planned = FALSE;

  runs = accord_store_list_runs (self->store, self->partner, &error);
  if (runs == NULL)
    {
      g_warning ("Could not list the playbooks: %s", error->message);
      return;
    }
  for (guint i = 0; i < runs->len; i++)
    {
      AccordRun *run = g_ptr_array_index (runs, i);

      if (run->playbook == ACCORD_PLAYBOOK_OUTREACH && (outreach == NULL || run->id > outreach->id))
        outreach = run;
      if (run->playbook == ACCORD_PLAYBOOK_LAUNCH && (launch == NULL || run->id > launch->id))
        launch = run;
    }
  for (guint i = 0; i < self->tasks->len; i++)
    if (g_strcmp0 (((AccordTask *) g_ptr_array_index (self->tasks, i))->step, "first-call") == 0)
      call_planned = TRUE;

  g_clear_pointer (&self->launch_date, g_free);
  g_clear_pointer (&self->launch_name, g_free);
  self->launch_run_id = 0;
  if (launch != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *when = accord_work_date_words (launch->anchor_date, today);
      g_autofree char *subtitle = NULL;

      self->launch_run_id = launch->id;
      self->launch_date = g_strdup (launch->anchor_date);
      self->launch_name = g_strdup (launch->name);
      if (launch->name != NULL && *launch->name != '\0')
        /* Translators: %s is the launch's name. */
        title = g_strdup_printf (_("Launch “%s”"), launch->name);
      else
        title = g_strdup (_("Launch"));
      /* Translators: %s is a date with words, "2026-05-01, in 40 days". */
      subtitle = g_strdup_printf (_("Launch date %s"), when);
      add_row (self, make_button_row (title, subtitle,
                                      text_button (_("_Move…"), "tasks.move-launch")));
    }

  /* The outreach's next moves, while the partner is still being reached. */
  if (outreach != NULL && (stage == ACCORD_STAGE_IDENTIFIED || stage == ACCORD_STAGE_OUTREACH))
    {
      if (!call_planned)
        add_row (self, make_button_row (_("First call"),
                                        _("An agenda and discovery questions, each with notes"),
                                        text_button (_("_Plan…"), "tasks.plan-call")));
      {
        g_autoptr(GMenu) menu = g_menu_new ();
        GtkWidget *button = gtk_menu_button_new ();

        g_menu_append (menu, _("_Interested"), "tasks.record-outcome(true)");
        g_menu_append (menu, _("_Not Interested"), "tasks.record-outcome(false)");
        gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Record _Outcome"));
        gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
        add_row (self, make_button_row (_("Outcome"),
                                        _("Interested or not, Accord plans what comes next"),
                                        button));
      }
    }
}

static void
clear_rows (AccordTaskGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (gtk_widget_get_parent (GTK_WIDGET (self->tracking_row)) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->tracking_row));
}

static void
refresh (AccordTaskGroup *self)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) past = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean ready = self->store != NULL && self->partner != NULL;
  const char *today;
  guint n_shown;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  flush_notes (self);
  clear_rows (self);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.start-playbook", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.templates", ready);
  if (!ready)
    return;

  today = accord_store_get_today (self->store);
  self->stage = accord_partner_get_stage (self->partner);
  self->tasks = accord_store_list_tasks (self->store, self->partner, &error);
  if (self->tasks == NULL)
    {
      g_warning ("Could not list the tasks: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (self->tasks, i);

      g_ptr_array_add (task_is_open (task) ? open : past, task);
    }
  g_ptr_array_sort (open, compare_open);
  g_ptr_array_sort (past, compare_past);

  if (open->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No next steps"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Start a playbook to plan follow-ups, a launch, reviews or "
                                     "an exit as dated steps."));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
    }
  n_shown = n_soon (open, today);
  for (guint i = 0; i < n_shown; i++)
    add_row (self, make_task_row (self, g_ptr_array_index (open, i), today));
  if (n_shown < open->len)
    {
      GtkWidget *expander = adw_expander_row_new ();
      const AccordTask *next = g_ptr_array_index (open, n_shown);
      g_autofree char *subtitle = NULL;
      guint n_later = open->len - n_shown;

      accord_form_label_expander_row (ADW_EXPANDER_ROW (expander));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Later Steps"));
      /* Translators: how many steps come later, and the date of the first. */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step, from %s",
                                               "%u steps, from %s", n_later),
                                  n_later, accord_task_effective_due (next));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      for (guint i = n_shown; i < open->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  make_later_row (self, g_ptr_array_index (open, i), today));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), self->later_expanded);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (later_expanded_cb), self);
      add_row (self, expander);
    }

  if (past->len > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      guint n_done = 0;
      g_autofree char *subtitle = NULL;

      accord_form_label_expander_row (ADW_EXPANDER_ROW (expander));

      for (guint i = 0; i < past->len; i++)
        if (((AccordTask *) g_ptr_array_index (past, i))->done_on != NULL)
          n_done++;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Done"));
      if (n_done == past->len)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", n_done),
                                    n_done);
      else
        /* Translators: counts of steps done and steps a reply or an outcome stopped. */
        subtitle = g_strdup_printf (_("%u done, %u stopped"), n_done, past->len - n_done);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      for (guint i = 0; i < past->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  make_past_row (self, g_ptr_array_index (past, i)));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), self->past_expanded);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (past_expanded_cb), self);
      add_row (self, expander);
    }

  add_run_rows (self, today);
  {
    GtkWidget *button = text_button (_("_Templates…"), "tasks.templates");

    accord_form_set_tooltip (button, _("Open the email templates"));
    add_row (self, make_button_row (_("Emails"),
                                    _("Filled in with what Accord knows"),
                                    button));
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->tracking_row));
  update_link (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  AccordTaskGroup *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AccordTaskGroup *self)
{
  /* After the change that asked for it is over: a check button may be
   * the one that changed, and its row goes. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
work_changed_cb (AccordStore     *store,
                 AccordPartner   *partner,
                 AccordTaskGroup *self)
{
  if (self->saving_notes)
    return;
  if (partner == NULL || partner == self->partner)
    queue_refresh (self);
}

static void
partner_changed_cb (AccordStore     *store,
                    AccordPartner   *partner,
                    AccordTaskGroup *self)
{
  /* A new stage changes which next moves fit; other edits change nothing
   * here (and come at every pause in typing). */
  if (partner == self->partner && accord_partner_get_stage (partner) != self->stage)
    queue_refresh (self);
}

static void
accord_task_group_dispose (GObject *object)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (object);

  flush_notes (self);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_weak_pointer (&self->notes_row);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_object (&self->tracking_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_TASK_GROUP);

  G_OBJECT_CLASS (accord_task_group_parent_class)->dispose (object);
}

static void
accord_task_group_finalize (GObject *object)
{
  AccordTaskGroup *self = ACCORD_TASK_GROUP (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->expanded);
  g_free (self->launch_date);
  g_free (self->launch_name);
  g_free (self->code);

  G_OBJECT_CLASS (accord_task_group_parent_class)->finalize (object);
}

static void
accord_task_group_class_init (AccordTaskGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_task_group_dispose;
  object_class->finalize = accord_task_group_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-task-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordTaskGroup, start_button);
  gtk_widget_class_install_action (widget_class, "tasks.start-playbook", NULL,
                                   start_playbook_action);
  gtk_widget_class_install_action (widget_class, "tasks.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "tasks.set-done", "(xb)", done_action);
  gtk_widget_class_install_action (widget_class, "tasks.snooze", "(xi)", snooze_action);
  gtk_widget_class_install_action (widget_class, "tasks.record-outcome", "b", outcome_action);
  gtk_widget_class_install_action (widget_class, "tasks.move-launch", NULL, move_launch_action);
  gtk_widget_class_install_action (widget_class, "tasks.plan-call", NULL, plan_call_action);
  gtk_widget_class_install_action (widget_class, "tasks.copy-code", NULL, copy_code_action);
  gtk_widget_class_install_action (widget_class, "tasks.copy-link", NULL, copy_link_action);
}

static void
accord_task_group_init (AccordTaskGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  build_tracking (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.start-playbook", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.templates", FALSE);
}

GtkWidget *
accord_task_group_new (void)
{
  return g_object_new (ACCORD_TYPE_TASK_GROUP, NULL);
}

void
accord_task_group_set_store (AccordTaskGroup *self,
                             AccordStore     *store)
{
  g_return_if_fail (ACCORD_IS_TASK_GROUP (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  flush_notes (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect (store, "work-changed", G_CALLBACK (work_changed_cb), self);
      g_signal_connect (store, "partner-changed", G_CALLBACK (partner_changed_cb), self);
    }
  reset_tracking (self);
  refresh (self);
}

void
accord_task_group_set_partner (AccordTaskGroup *self,
                               AccordPartner   *partner)
{
  g_return_if_fail (ACCORD_IS_TASK_GROUP (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (self->partner == partner)
    return;
  flush_notes (self);
  g_set_object (&self->partner, partner);
  g_hash_table_remove_all (self->expanded);
  self->past_expanded = FALSE;
  self->later_expanded = FALSE;
  reset_tracking (self);
  refresh (self);
}
