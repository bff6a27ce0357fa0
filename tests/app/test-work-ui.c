/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-locale.h"
#include "accord-activity-dialog.h"
#include "accord-activity-group.h"
#include "accord-due-view.h"
#include "accord-notify.h"
#include "accord-playbook-dialog.h"
#include "accord-task-group.h"
#include "accord-template-dialog.h"
#include "test-app-helpers.h"

#include <string.h>

#define TODAY "2026-03-10"

typedef struct
{
  char *path;
  AccordStore *store;
  AccordPartner *partner;
  AccordContact *contact;
  GtkWidget *window;
  GtkBox *box;
  /* The widget under test: it must go with the window (no cycles). */
  GtkWidget *watched;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *overlay;

  f->store = test_store_new (&f->path);
  accord_store_set_today (f->store, TODAY);
  f->partner = accord_partner_new ("Northwind Analytics");
  f->contact = accord_contact_new ("Jane Doe");
  accord_contact_set_email (f->contact, "jane@northwind.example");
  accord_contact_set_is_primary (f->contact, TRUE);
  g_ptr_array_add (contacts, g_object_ref (f->contact));
  g_assert_true (accord_store_add_partner (f->store, f->partner, contacts, &error));
  g_assert_no_error (error);

  /* Toasts need an overlay above the widgets, as in the window. */
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 900);
  overlay = adw_toast_overlay_new ();
  f->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->box));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->watched != NULL)
    g_object_ref (f->watched);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_for (50);
  if (f->watched != NULL)
    g_assert_finalize_object (f->watched);
  g_clear_object (&f->contact);
  g_clear_object (&f->partner);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  /* Groups refresh in an idle after the change that asked for it, which
   * comes after any drawing that is due. */
  spin_for (20);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Finding widgets */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (gpointer row)
{
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (row);
  return adw_action_row_get_subtitle (row);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The open task rows of a task group: expander rows carrying a task. */
static GPtrArray *
open_task_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = find_all (group, ADW_TYPE_EXPANDER_ROW);
  GPtrArray *open = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (rows, i), "accord-task-id") != NULL)
      g_ptr_array_add (open, g_ptr_array_index (rows, i));
  return open;
}

static GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) all = find_all (root, type);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static AccordTask *
store_task (AccordStore   *store,
            AccordPartner *partner,
            const char    *title,
            GPtrArray    **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = accord_store_list_tasks (store, partner, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      AccordTask *task = g_ptr_array_index (*keep, i);

      if (g_strcmp0 (task->title, title) == 0)
        return task;
    }
  return NULL;
}

/* Activity */

static void
test_log_activity (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordActivity) earlier = accord_activity_new (accord_partner_get_id (f->partner),
                                                           ACCORD_ACTIVITY_CALL, "2026-03-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *group = accord_activity_group_new ();
  GtkWidget *dialog, *bad;
  GtkEditable *summary, *date;
  GtkSwitch *reply;
  GtkWidget *newest;

  gtk_box_append (f->box, group);
  f->watched = group;
  accord_activity_group_set_store (ACCORD_ACTIVITY_GROUP (group), f->store);
  accord_activity_group_set_partner (ACCORD_ACTIVITY_GROUP (group), f->partner);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "No contact logged yet");
  g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "Nothing logged yet"));

  g_assert_true (accord_store_add_activity (f->store, earlier, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "No contact for 9 days");
  g_assert_null (find_row (group, ADW_TYPE_ACTION_ROW, "Nothing logged yet"));
  g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "Call"));

  /* A date that is no date is refused; what was typed stays. */
  bad = accord_activity_dialog_new (f->store, f->partner);
  date = TEMPLATE_CHILD (bad, ACCORD_TYPE_ACTIVITY_DIALOG, "date_row");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, TODAY);
  gtk_editable_set_text (date, "2026-02-30");
  g_assert_false (accord_activity_dialog_log (ACCORD_ACTIVITY_DIALOG (bad)));
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (bad, ACCORD_TYPE_ACTIVITY_DIALOG,
                                                         "error_label")));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-02-30");
  gtk_window_destroy (GTK_WINDOW (bad));

  /* Logging a reply through the dialog: a new row on top, contact reset. */
  dialog = accord_activity_dialog_new (f->store, f->partner);
  gtk_window_present (GTK_WINDOW (dialog));
  summary = TEMPLATE_CHILD (dialog, ACCORD_TYPE_ACTIVITY_DIALOG, "summary_row");
  reply = TEMPLATE_CHILD (dialog, ACCORD_TYPE_ACTIVITY_DIALOG, "reply_switch");
  g_assert_cmpuint (adw_combo_row_get_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_ACTIVITY_DIALOG,
                                                                "kind_row")), ==,
                    ACCORD_ACTIVITY_EMAIL);
  /* The primary contact is chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (TEMPLATE_CHILD (dialog, ACCORD_TYPE_ACTIVITY_DIALOG,
                                                                "contact_row")), ==, 1);
  gtk_editable_set_text (summary, "They want a call next week");
  gtk_switch_set_active (reply, TRUE);
  g_assert_true (accord_activity_dialog_log (ACCORD_ACTIVITY_DIALOG (dialog)));
  settle ();

  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Last contact today");
  newest = find_row (group, ADW_TYPE_ACTION_ROW, "They want a call next week");
  g_assert_nonnull (newest);
  g_assert_true (g_str_has_prefix (row_subtitle (newest), "Email · 10 Mar 2026, today"));
  g_assert_nonnull (strstr (row_subtitle (newest), "with Jane Doe"));
  {
    g_autoptr(GPtrArray) labels = find_all (newest, GTK_TYPE_LABEL);
    gboolean badge = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "Reply") == 0)
        badge = TRUE;
    g_assert_true (badge);
  }
  /* Newest first. */
  rows = find_all (group, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_ptr_array_index (rows, 0) == newest);

  /* Removing it, with Undo. */
  {
    g_autoptr(GPtrArray) listed = accord_store_list_activities (f->store, f->partner, &error);
    gint64 id = ((AccordActivity *) g_ptr_array_index (listed, 0))->id;
    GtkWidget *undo;

    gtk_widget_activate_action (group, "activity.remove", "x", id);
    settle ();
    g_assert_null (find_row (group, ADW_TYPE_ACTION_ROW, "They want a call next week"));
    g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                     "No contact for 9 days");
    undo = find_button_labelled (f->window, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    settle ();
    g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "They want a call next week"));
    g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                     "Last contact today");
  }
}

/* Playbooks and tasks */

static GtkWidget *
start_outreach (Fixture    *f,
                const char *first_email)
{
  GtkWidget *group = accord_task_group_new ();
  GtkWidget *dialog;
  GtkEditable *date;
  GtkWidget *steps;

  gtk_box_append (f->box, group);
  f->watched = group;
  accord_task_group_set_store (ACCORD_TASK_GROUP (group), f->store);
  accord_task_group_set_partner (ACCORD_TASK_GROUP (group), f->partner);
  g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "No next steps"));

  dialog = accord_playbook_dialog_new (f->store, f->partner, ACCORD_PLAYBOOK_OUTREACH);
  gtk_window_present (GTK_WINDOW (dialog));
  date = TEMPLATE_CHILD (dialog, ACCORD_TYPE_PLAYBOOK_DIALOG, "date_row");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, TODAY);
  gtk_editable_set_text (date, first_email);

  /* The dialog shows the dates before anything is saved. */
  steps = TEMPLATE_CHILD (dialog, ACCORD_TYPE_PLAYBOOK_DIALOG, "steps_group");
  g_assert_nonnull (find_row (steps, ADW_TYPE_ACTION_ROW, "Follow up with a gentle nudge"));
  {
    g_autofree char *day14 = accord_date_add_days (first_email, 14);
    g_autofree char *shown = accord_format_date_display (day14);
    g_autofree char *expected = g_strconcat ("Follow-ups · ", shown, ", ", NULL);

    g_assert_true (g_str_has_prefix (row_subtitle (find_row (steps, ADW_TYPE_ACTION_ROW,
                                                             "Offer to close the loop")),
                                     expected));
  }

  g_assert_cmpint (accord_playbook_dialog_start (ACCORD_PLAYBOOK_DIALOG (dialog)), >, 0);
  settle ();
  return group;
}

static void
test_start_outreach (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *group = start_outreach (f, "2026-03-02");
  g_autoptr(GPtrArray) open = open_task_rows (group);
  const char *follow_ups[][2] = {
    { "Follow up with a gentle nudge", "Follow-ups · 5 Mar 2026, 5 days ago" },
    { "Follow up with something of value", "Follow-ups · 9 Mar 2026, yesterday" },
    { "Offer to close the loop", "Follow-ups · 16 Mar 2026, in 6 days" },
  };
  guint n_follow_ups = 0;

  g_assert_null (find_row (group, ADW_TYPE_ACTION_ROW, "No next steps"));
  for (guint i = 0; i < open->len; i++)
    if (g_str_has_prefix (row_subtitle (g_ptr_array_index (open, i)), "Follow-ups"))
      n_follow_ups++;
  g_assert_cmpuint (n_follow_ups, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (follow_ups); i++)
    {
      GtkWidget *row = find_row (group, ADW_TYPE_EXPANDER_ROW, follow_ups[i][0]);

      g_assert_nonnull (row);
      g_assert_cmpstr (row_subtitle (row), ==, follow_ups[i][1]);
    }

  /* Overdue steps say so in words, not only in colour. */
  {
    GtkWidget *late = find_row (group, ADW_TYPE_EXPANDER_ROW, "Follow up with a gentle nudge");
    GtkWidget *soon = find_row (group, ADW_TYPE_EXPANDER_ROW, "Offer to close the loop");
    g_autoptr(GPtrArray) late_labels = find_all (late, GTK_TYPE_LABEL);
    g_autoptr(GPtrArray) soon_labels = find_all (soon, GTK_TYPE_LABEL);
    gboolean late_says = FALSE, soon_says = FALSE;

    for (guint i = 0; i < late_labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (late_labels, i)), "Overdue") == 0)
        late_says = gtk_widget_has_css_class (g_ptr_array_index (late_labels, i), "error");
    for (guint i = 0; i < soon_labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (soon_labels, i)), "Overdue") == 0)
        soon_says = TRUE;
    g_assert_true (late_says);
    g_assert_false (soon_says);
  }

  /* Open steps come by date: the first email first. */
  g_assert_cmpstr (row_title (g_ptr_array_index (open, 0)), ==, "Send the first email");
  /* The outreach offers its outcome and the first call. */
  g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "Outcome"));
  g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "First call"));

  /* A reply logged anywhere stops the follow-ups. */
  {
    g_autoptr(AccordActivity) reply = accord_activity_new (accord_partner_get_id (f->partner),
                                                           ACCORD_ACTIVITY_EMAIL, TODAY);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) after = NULL;

    reply->is_reply = TRUE;
    g_assert_true (accord_store_add_activity (f->store, reply, &error));
    settle ();
    after = open_task_rows (group);
    /* The follow-ups and the revisit go; the first email counts as sent. */
    g_assert_cmpuint (after->len, ==, 0);
    g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "No next steps"));
    g_assert_nonnull (find_row (find_row (group, ADW_TYPE_EXPANDER_ROW, "Done"),
                                ADW_TYPE_ACTION_ROW, "Send the first email"));
    /* What comes next: the outcome of the conversation. */
    g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, "Outcome"));
  }
}

static void
test_done_undo (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *group = start_outreach (f, TODAY);
  GtkWidget *row = find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email");
  GtkWidget *past, *undo;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GPtrArray) keep_again = NULL;
  AccordTask *task;

  g_assert_nonnull (row);
  g_assert_null (find_row (group, ADW_TYPE_EXPANDER_ROW, "Done"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first_of_type (row, GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  settle ();

  task = store_task (f->store, f->partner, "Send the first email", &keep);
  g_assert_nonnull (task);
  g_assert_cmpstr (task->done_on, ==, TODAY);
  g_assert_null (find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email"));
  past = find_row (group, ADW_TYPE_EXPANDER_ROW, "Done");
  g_assert_nonnull (past);
  g_assert_cmpstr (row_subtitle (past), ==, "1 done");
  g_assert_nonnull (find_row (past, ADW_TYPE_ACTION_ROW, "Send the first email"));

  undo = find_button_labelled (f->window, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  settle ();

  task = store_task (f->store, f->partner, "Send the first email", &keep_again);
  g_assert_null (task->done_on);
  g_assert_nonnull (find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email"));
  g_assert_null (find_row (group, ADW_TYPE_EXPANDER_ROW, "Done"));
}

static void
test_task_notes (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *group = start_outreach (f, TODAY);
  GtkWidget *row = find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email");
  GtkWidget *notes = first_of_type (row, ADW_TYPE_ENTRY_ROW);
  g_autoptr(GPtrArray) keep = NULL;
  AccordTask *task;

  g_assert_nonnull (notes);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (notes), "Mention their new API");
  spin_for (600);
  task = store_task (f->store, f->partner, "Send the first email", &keep);
  g_assert_cmpstr (task->notes, ==, "Mention their new API");
  /* Saving the notes left the row (and its focus) alone. */
  g_assert_true (find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email") == row);

  /* After any other change the notes stay open. */
  gtk_widget_activate_action (group, "tasks.snooze", "(xi)", task->id, 1);
  settle ();
  row = find_row (group, ADW_TYPE_EXPANDER_ROW, "Send the first email");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (row_subtitle (row), ==, "First email · Snoozed to 11 Mar 2026, tomorrow");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_launch (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *group = accord_task_group_new ();
  GtkWidget *dialog, *row, *tracking;
  AdwMessageDialog *ask;
  GtkEditable *date, *entry;
  g_autoptr(GPtrArray) keep = NULL;
  AccordTask *task;

  gtk_box_append (f->box, group);
  f->watched = group;
  accord_task_group_set_store (ACCORD_TASK_GROUP (group), f->store);
  accord_task_group_set_partner (ACCORD_TASK_GROUP (group), f->partner);

  dialog = accord_playbook_dialog_new (f->store, f->partner, ACCORD_PLAYBOOK_LAUNCH);
  gtk_window_present (GTK_WINDOW (dialog));
  date = TEMPLATE_CHILD (dialog, ACCORD_TYPE_PLAYBOOK_DIALOG, "date_row");
  /* Far enough out that the first readiness step (L - 42) is not late. */
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-04-21");
  gtk_editable_set_text (date, "2026-04-20");
  gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_PLAYBOOK_DIALOG, "name_row"),
                         "Spring Launch");
  g_assert_cmpint (accord_playbook_dialog_start (ACCORD_PLAYBOOK_DIALOG (dialog)), >, 0);
  settle ();

  row = find_row (group, ADW_TYPE_ACTION_ROW, "Launch “Spring Launch”");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==, "Launch date 20 Apr 2026, in 41 days");
  /* The long checklist keeps its far steps folded away. */
  g_assert_nonnull (find_row (group, ADW_TYPE_EXPANDER_ROW, "Brief the stakeholders"));
  g_assert_nonnull (find_row (group, ADW_TYPE_EXPANDER_ROW, "Later Steps"));
  g_assert_nonnull (find_row (find_row (group, ADW_TYPE_EXPANDER_ROW, "Later Steps"),
                              ADW_TYPE_ACTION_ROW, "Plan the next phase"));

  /* Moving L asks for a date, refuses a wrong one and re-dates the steps. */
  gtk_widget_activate_action (group, "tasks.move-launch", NULL);
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  entry = GTK_EDITABLE (first_of_type (adw_message_dialog_get_extra_child (ask), GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "2026-04-20");
  gtk_editable_set_text (entry, "2026-04-31");
  g_assert_false (adw_message_dialog_get_response_enabled (ask, "confirm"));
  gtk_editable_set_text (entry, "2026-05-04");
  g_assert_true (adw_message_dialog_get_response_enabled (ask, "confirm"));
  adw_message_dialog_response (ask, "confirm");
  gtk_window_destroy (GTK_WINDOW (ask));
  settle ();

  row = find_row (group, ADW_TYPE_ACTION_ROW, "Launch “Spring Launch”");
  g_assert_cmpstr (row_subtitle (row), ==, "Launch date 4 May 2026, in 55 days");
  task = store_task (f->store, f->partner, "Brief the stakeholders", &keep);
  g_assert_cmpstr (task->due, ==, "2026-03-23");
  g_assert_cmpstr (row_subtitle (find_row (group, ADW_TYPE_EXPANDER_ROW, "Brief the stakeholders")),
                   ==, "Internal readiness · 23 Mar 2026, in 13 days");

  /* Tracking: the code is made when the row is opened; the link carries
   * it and the launch's name. */
  tracking = find_row (group, ADW_TYPE_EXPANDER_ROW, "Tracking");
  g_assert_nonnull (tracking);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (tracking), TRUE);
  g_assert_cmpstr (row_subtitle (find_row (tracking, ADW_TYPE_ACTION_ROW, "Code")), ==,
                   "northwind-analytics");
  gtk_editable_set_text (GTK_EDITABLE (first_of_type (tracking, ADW_TYPE_ENTRY_ROW)),
                         "https://example.com/partners");
  row = find_row (tracking, ADW_TYPE_ACTION_ROW, "Tracking link, campaign “Spring Launch”");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==,
                   "https://example.com/partners?utm_source=northwind-analytics"
                   "&utm_medium=partner&utm_campaign=Spring%20Launch");
  gtk_widget_activate_action (group, "tasks.copy-link", NULL);
  {
    g_autofree char *saved = accord_store_dup_setting (f->store, ACCORD_SETTING_TRACKING_URL);
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (group));
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_cmpstr (saved, ==, "https://example.com/partners");
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, row_subtitle (row));
  }
}

/* What is due */

static gint64
add_task (Fixture    *f,
          const char *title,
          const char *due)
{
  g_autoptr(AccordTask) task = accord_task_new (accord_partner_get_id (f->partner), title, due);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task->id, >, 0);
  return task->id;
}

static GtkWidget *
due_group (GtkWidget  *view,
           const char *title)
{
  g_autoptr(GPtrArray) groups = find_all (view, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      return g_ptr_array_index (groups, i);
  return NULL;
}

/* The titles of the rows of a group of the due view, "" when it is hidden. */
static char *
due_titles (GtkWidget  *view,
            const char *title)
{
  GtkWidget *group = due_group (view, title);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_nonnull (group);
  if (!gtk_widget_get_visible (group))
    return g_strdup ("");
  rows = find_all (group, ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "", row_title (g_ptr_array_index (rows, i)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
partner_activated_cb (AccordDueView  *view,
                      AccordPartner  *partner,
                      AccordPartner **out)
{
  *out = partner;
}

static void
test_due_view (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = accord_due_view_new ();
  GtkStack *stack = TEMPLATE_CHILD (view, ACCORD_TYPE_DUE_VIEW, "stack");
  AccordPartner *activated = NULL;
  gint64 late;

  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (f->box, view);
  f->watched = view;
  accord_due_view_set_store (ACCORD_DUE_VIEW (view), f->store);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  late = add_task (f, "Send the proposal", "2026-03-01");
  add_task (f, "Call Jane", TODAY);
  add_task (f, "Share the deck", "2026-03-14");
  add_task (f, "Plan the next quarter", "2026-05-01");
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  {
    g_autofree char *overdue = due_titles (view, "Overdue");
    g_autofree char *today = due_titles (view, "Today");
    g_autofree char *week = due_titles (view, "This Week");
    g_autofree char *later = due_titles (view, "Later");

    g_assert_cmpstr (overdue, ==, "Send the proposal");
    g_assert_cmpstr (today, ==, "Call Jane");
    g_assert_cmpstr (week, ==, "Share the deck");
    g_assert_cmpstr (later, ==, "Plan the next quarter");
  }
  g_assert_cmpstr (row_subtitle (find_row (view, ADW_TYPE_ACTION_ROW, "Send the proposal")), ==,
                   "Northwind Analytics · 1 Mar 2026, 9 days ago · Task");

  /* Snoozing to tomorrow moves it into this week. */
  gtk_widget_activate_action (view, "due.snooze", "(xi)", late, 1);
  settle ();
  {
    g_autofree char *overdue = due_titles (view, "Overdue");
    g_autofree char *week = due_titles (view, "This Week");

    g_assert_cmpstr (overdue, ==, "");
    g_assert_cmpstr (week, ==, "Send the proposal|Share the deck");
  }

  /* Done with its check, and back with Undo. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first_of_type (find_row (view,
                                                                          ADW_TYPE_ACTION_ROW,
                                                                          "Call Jane"),
                                                                GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  settle ();
  {
    g_autofree char *today = due_titles (view, "Today");
    g_assert_cmpstr (today, ==, "");
  }
  g_signal_emit_by_name (find_button_labelled (f->window, "_Undo"), "clicked");
  settle ();
  {
    g_autofree char *today = due_titles (view, "Today");
    g_assert_cmpstr (today, ==, "Call Jane");
  }

  /* A row opens its partner. */
  g_signal_connect (view, "partner-activated", G_CALLBACK (partner_activated_cb), &activated);
  g_signal_emit_by_name (find_row (view, ADW_TYPE_ACTION_ROW, "Share the deck"), "activated");
  g_assert_true (activated == f->partner);
}

/* Templates */

/* How many times @needle appears in @buffer, and how many of those are
 * highlighted as missing from end to end. */
static void
count_marked (GtkTextBuffer *buffer,
              const char    *needle,
              guint         *n_found,
              guint         *n_marked)
{
  GtkTextIter start, match_start, match_end;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "missing");

  g_assert_nonnull (tag);
  *n_found = *n_marked = 0;
  gtk_text_buffer_get_start_iter (buffer, &start);
  while (gtk_text_iter_forward_search (&start, needle, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start,
                                       &match_end, NULL))
    {
      GtkTextIter last = match_end;

      (*n_found)++;
      gtk_text_iter_backward_char (&last);
      if (gtk_text_iter_has_tag (&match_start, tag) && gtk_text_iter_has_tag (&last, tag))
        (*n_marked)++;
      start = match_end;
    }
}

static void
test_template_missing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) missing_after = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog = accord_template_dialog_new (f->store, f->partner,
                                                  ACCORD_TEMPLATE_FIRST_EMAIL);
  GtkTextView *view = TEMPLATE_CHILD (dialog, ACCORD_TYPE_TEMPLATE_DIALOG, "body_view");
  GtkLabel *missing_label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_TEMPLATE_DIALOG, "missing_label");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  guint n_found, n_marked, n_in_body = 0;

  gtk_window_present (GTK_WINDOW (dialog));

  /* Known: the partner and Jane. Not known: our company and the canvas. */
  missing = accord_template_dialog_dup_missing (ACCORD_TEMPLATE_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (missing), >, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (missing_label), "Still missing: "));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (missing_label), "warning"));
  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_autofree char *m = g_strconcat (accord_template_missing_prefix (), missing[i],
                                        accord_template_missing_suffix (), NULL);

      count_marked (buffer, m, &n_found, &n_marked);
      g_assert_cmpuint (n_marked, ==, n_found);
      n_in_body += n_found;
      g_assert_nonnull (strstr (gtk_label_get_text (missing_label), missing[i]));
    }
  g_assert_cmpuint (n_in_body, >, 0);
  /* What is known is not marked. */
  count_marked (buffer, "Jane", &n_found, &n_marked);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_marked, ==, 0);

  /* Filling a field in by hand takes it off the list and the highlight. */
  marker = g_strconcat (accord_template_missing_prefix (), missing[0],
                        accord_template_missing_suffix (), NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  {
    g_auto(GStrv) parts = g_strsplit (body, marker, -1);
    g_autofree char *filled = g_strjoinv ("Accord Ltd", parts);
    const char *subject = gtk_editable_get_text (TEMPLATE_CHILD (dialog,
                                                                 ACCORD_TYPE_TEMPLATE_DIALOG,
                                                                 "subject_row"));
    g_auto(GStrv) subject_parts = g_strsplit (subject, marker, -1);
    g_autofree char *subject_filled = g_strjoinv ("Accord Ltd", subject_parts);

    gtk_text_buffer_set_text (buffer, filled, -1);
    gtk_editable_set_text (TEMPLATE_CHILD (dialog, ACCORD_TYPE_TEMPLATE_DIALOG, "subject_row"),
                           subject_filled);
  }
  missing_after = accord_template_dialog_dup_missing (ACCORD_TEMPLATE_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (missing_after), ==, g_strv_length (missing) - 1);
  g_assert_false (g_strv_contains ((const char * const *) missing_after, missing[0]));

  /* Copying logs one email, with the subject as its summary. */
  accord_template_dialog_copy (ACCORD_TEMPLATE_DIALOG (dialog));
  accord_template_dialog_copy (ACCORD_TEMPLATE_DIALOG (dialog));
  activities = accord_store_list_activities (f->store, f->partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpint (((AccordActivity *) g_ptr_array_index (activities, 0))->kind, ==,
                   ACCORD_ACTIVITY_EMAIL);
  g_assert_cmpint (((AccordActivity *) g_ptr_array_index (activities, 0))->contact_id, ==,
                   accord_contact_get_id (f->contact));
  {
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (dialog));
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_null (strstr (g_value_get_string (&value), marker));
    g_assert_nonnull (strstr (g_value_get_string (&value), "Accord Ltd"));
  }
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* Notifications */

static void
test_notification_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(AccordActivity) activity = accord_activity_new (accord_partner_get_id (f->partner),
                                                            ACCORD_ACTIVITY_CALL, "2026-03-02");
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 late;

  /* Only today's work: nothing to say. */
  add_task (f, "Call Jane", TODAY);
  due = accord_store_list_due (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_false (accord_notify_describe (due, TODAY, &title, &body));
  g_assert_null (title);
  g_assert_null (accord_notify_build (due, TODAY));
  g_clear_pointer (&due, g_ptr_array_unref);

  late = add_task (f, "Send the proposal", "2026-03-01");
  g_assert_true (accord_store_set_task_notes (f->store, late, "Their budget is 40k, secret",
                                              &error));
  g_free (activity->summary);
  activity->summary = g_strdup ("Private chat about layoffs");
  g_free (activity->outcome);
  activity->outcome = g_strdup ("Confidential outcome");
  g_assert_true (accord_store_add_activity (f->store, activity, &error));
  g_assert_no_error (error);

  due = accord_store_list_due (f->store, 0, &error);
  g_assert_true (accord_notify_describe (due, TODAY, &title, &body));
  g_assert_cmpstr (title, ==, "1 thing is overdue");
  g_assert_cmpstr (body, ==, "Northwind Analytics: Send the proposal");
  g_assert_null (strstr (body, "secret"));
  g_assert_null (strstr (body, "layoffs"));
  g_assert_null (strstr (body, "Confidential"));
  notification = accord_notify_build (due, TODAY);
  g_assert_nonnull (notification);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  /* Many: a few named, the rest counted. */
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Old step %d", i);
      add_task (f, name, "2026-02-01");
    }
  due = accord_store_list_due (f->store, 0, &error);
  g_assert_true (accord_notify_describe (due, TODAY, &title, &body));
  g_assert_cmpstr (title, ==, "5 things are overdue");
  g_assert_true (g_str_has_suffix (body, "\nand 2 more"));
  {
    g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!test_app_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/work-ui/log-activity", Fixture, NULL, fixture_set_up, test_log_activity,
              fixture_tear_down);
  g_test_add ("/work-ui/start-outreach", Fixture, NULL, fixture_set_up, test_start_outreach,
              fixture_tear_down);
  g_test_add ("/work-ui/done-undo", Fixture, NULL, fixture_set_up, test_done_undo,
              fixture_tear_down);
  g_test_add ("/work-ui/task-notes", Fixture, NULL, fixture_set_up, test_task_notes,
              fixture_tear_down);
  g_test_add ("/work-ui/launch", Fixture, NULL, fixture_set_up, test_launch, fixture_tear_down);
  g_test_add ("/work-ui/due-view", Fixture, NULL, fixture_set_up, test_due_view,
              fixture_tear_down);
  g_test_add ("/work-ui/template-missing", Fixture, NULL, fixture_set_up, test_template_missing,
              fixture_tear_down);
  g_test_add ("/work-ui/notification-text", Fixture, NULL, fixture_set_up,
              test_notification_text, fixture_tear_down);
  return g_test_run ();
}
