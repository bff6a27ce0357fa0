/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-playbook-dialog.h"

#include "accord-form.h"
#include "accord-store.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>

struct _AccordPlaybookDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The rows of the steps preview, removed when it is redrawn. */
  GPtrArray *step_rows;
  /* Set once the user types a date: changing the playbook keeps it. */
  gboolean date_edited;
  gboolean setting_date;

  AdwComboRow *playbook_row;
  AdwEntryRow *date_row;
  AdwEntryRow *name_row;
  AdwActionRow *revisit_row;
  GtkSpinButton *revisit_spin;
  GtkWidget *start_button;
  GtkWidget *error_label;
  AdwPreferencesGroup *steps_group;
};

G_DEFINE_FINAL_TYPE (AccordPlaybookDialog, accord_playbook_dialog, ADW_TYPE_WINDOW)

static AccordPlaybook
selected_playbook (AccordPlaybookDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->playbook_row);

  /* The combo lists the playbooks in enum order, without "none". */
  if (selected == GTK_INVALID_LIST_POSITION || selected + 1 >= ACCORD_N_PLAYBOOKS)
    return ACCORD_PLAYBOOK_OUTREACH;
  return selected + 1;
}

static const char *
date_title (AccordPlaybook playbook)
{
  switch (playbook)
    {
    case ACCORD_PLAYBOOK_LAUNCH:
      return _("Launch date (YYYY-MM-DD)");
    case ACCORD_PLAYBOOK_REVIEWS:
      return _("Reviews dated from (YYYY-MM-DD)");
    case ACCORD_PLAYBOOK_EXIT:
      return _("Exit starts on (YYYY-MM-DD)");
    case ACCORD_PLAYBOOK_OUTREACH:
    case ACCORD_PLAYBOOK_NONE:
    case ACCORD_N_PLAYBOOKS:
    default:
      return _("First email on (YYYY-MM-DD)");
    }
}

static const char *
playbook_description (AccordPlaybook playbook)
{
  switch (playbook)
    {
    case ACCORD_PLAYBOOK_LAUNCH:
      return _("A checklist in phases, dated from the launch date. When the launch date moves, "
               "every open step moves with it.");
    case ACCORD_PLAYBOOK_REVIEWS:
      return _("Monthly check-ins, quarterly business reviews and annual strategic reviews. "
               "Completing one schedules the next.");
    case ACCORD_PLAYBOOK_EXIT:
      return _("A graceful exit: the honest conversation, the wind-down, the commitments to "
               "customers and the learnings.");
    case ACCORD_PLAYBOOK_OUTREACH:
    case ACCORD_PLAYBOOK_NONE:
    case ACCORD_N_PLAYBOOKS:
    default:
      return _("Follow-ups on days 3, 7 and 14 when the first email gets no answer, then a "
               "revisit. Logging their reply stops them.");
    }
}

/* The day a playbook is dated from unless the user says otherwise: the
 * active agreement's start for reviews, else today. */
static char *
default_date (AccordPlaybookDialog *self,
              AccordPlaybook        playbook)
{
  if (playbook == ACCORD_PLAYBOOK_REVIEWS)
    {
      g_autoptr(AccordAgreement) agreement = NULL;

      agreement = accord_store_get_active_agreement (self->store, self->partner, NULL);
      if (agreement != NULL && accord_date_is_valid (agreement->start))
        return g_strdup (agreement->start);
    }
  if (playbook == ACCORD_PLAYBOOK_LAUNCH)
    {
      const AccordPlaybookStep *steps;
      guint n_steps = 0;
      int lead = 0;

      /* Far enough out that the first readiness step is not already late. */
      steps = accord_playbook_get_steps (playbook, &n_steps);
      for (guint i = 0; i < n_steps; i++)
        if (steps[i].unit == ACCORD_OFFSET_DAYS)
          lead = MAX (lead, -steps[i].offset);
      return accord_date_add_days (accord_store_get_today (self->store), lead);
    }
  return g_strdup (accord_store_get_today (self->store));
}

static char *
step_due (AccordPlaybookDialog     *self,
          AccordPlaybook            playbook,
          const AccordPlaybookStep *step,
          const char               *anchor)
{
  if (playbook == ACCORD_PLAYBOOK_OUTREACH && g_strcmp0 (step->key, "revisit") == 0)
    return accord_date_add_months (anchor, gtk_spin_button_get_value_as_int (self->revisit_spin));
  return accord_playbook_step_due (step, anchor);
}

static void
update_steps (AccordPlaybookDialog *self)
{
  AccordPlaybook playbook = selected_playbook (self);
  const char *today = accord_store_get_today (self->store);
  g_autofree char *anchor = NULL;
  const AccordPlaybookStep *steps;
  guint n_steps = 0;

  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_remove (self->steps_group, g_ptr_array_index (self->step_rows, i));
  g_ptr_array_set_size (self->step_rows, 0);

  adw_preferences_group_set_description (self->steps_group, playbook_description (playbook));
  anchor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  steps = accord_playbook_get_steps (playbook, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *due = step_due (self, playbook, &steps[i], anchor);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      accord_work_plain_row (ADW_PREFERENCES_ROW (row));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gettext (steps[i].title));
      if (due != NULL)
        {
          when = accord_work_date_words (due, today);
          /* Translators: a step's phase and its date: "Follow-ups · 2026-03-05, in 3 days". */
          if (steps[i].phase != NULL)
            subtitle = g_strdup_printf (_("%s · %s"), gettext (steps[i].phase), when);
          else
            subtitle = g_strdup (when);
        }
      else
        subtitle = g_strdup (steps[i].phase ? gettext (steps[i].phase) : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_ptr_array_add (self->step_rows, row);
      adw_preferences_group_add (self->steps_group, row);
    }
}

static void
set_date (AccordPlaybookDialog *self,
          const char           *date)
{
  self->setting_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  self->setting_date = FALSE;
}

static void
playbook_changed_cb (AccordPlaybookDialog *self)
{
  AccordPlaybook playbook = selected_playbook (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), date_title (playbook));
  accord_form_label_entry_row (self->date_row);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), playbook == ACCORD_PLAYBOOK_LAUNCH);
  gtk_widget_set_visible (GTK_WIDGET (self->revisit_row), playbook == ACCORD_PLAYBOOK_OUTREACH);
  if (!self->date_edited && self->store != NULL)
    {
      g_autofree char *date = default_date (self, playbook);
      set_date (self, date);
    }
  accord_form_show_error (GTK_WIDGET (self->date_row), self->error_label, NULL);
  if (self->store != NULL)
    update_steps (self);
}

static void
date_changed_cb (AccordPlaybookDialog *self)
{
  if (!self->setting_date)
    self->date_edited = TRUE;
  if (gtk_widget_get_visible (self->error_label) &&
      accord_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row))))
    accord_form_show_error (GTK_WIDGET (self->date_row), self->error_label, NULL);
  if (self->store != NULL)
    update_steps (self);
}

gint64
accord_playbook_dialog_start (AccordPlaybookDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  AccordPlaybook playbook;
  gint64 run_id;
  int months;

  g_return_val_if_fail (ACCORD_IS_PLAYBOOK_DIALOG (self), 0);

  playbook = selected_playbook (self);
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!accord_date_is_valid (date))
    {
      g_set_error (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Enter the date as YYYY-MM-DD, for example %s."),
                   accord_store_get_today (self->store));
      accord_form_show_error (GTK_WIDGET (self->date_row), self->error_label, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return 0;
    }
  if (playbook == ACCORD_PLAYBOOK_LAUNCH)
    name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  run_id = accord_store_start_playbook (self->store, self->partner, playbook, date, name, &error);
  if (run_id == 0)
    {
      accord_form_show_error (GTK_WIDGET (self->date_row), self->error_label, error);
      return 0;
    }

  months = gtk_spin_button_get_value_as_int (self->revisit_spin);
  if (playbook == ACCORD_PLAYBOOK_OUTREACH && months != ACCORD_REVISIT_DEFAULT_MONTHS &&
      !accord_store_set_revisit_months (self->store, run_id, months, &error))
    {
      /* The run stands; only its revisit keeps the default. */
      g_warning ("Could not date the revisit: %s", error->message);
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return run_id;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  accord_playbook_dialog_start (ACCORD_PLAYBOOK_DIALOG (widget));
}

static void
accord_playbook_dialog_dispose (GObject *object)
{
  AccordPlaybookDialog *self = ACCORD_PLAYBOOK_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PLAYBOOK_DIALOG);

  G_OBJECT_CLASS (accord_playbook_dialog_parent_class)->dispose (object);
}

static void
accord_playbook_dialog_finalize (GObject *object)
{
  AccordPlaybookDialog *self = ACCORD_PLAYBOOK_DIALOG (object);

  g_ptr_array_unref (self->step_rows);

  G_OBJECT_CLASS (accord_playbook_dialog_parent_class)->finalize (object);
}

static void
accord_playbook_dialog_class_init (AccordPlaybookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_playbook_dialog_dispose;
  object_class->finalize = accord_playbook_dialog_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-playbook-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, revisit_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, revisit_spin);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPlaybookDialog, steps_group);
  gtk_widget_class_install_action (widget_class, "playbook.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_playbook_dialog_init (AccordPlaybookDialog *self)
{
  g_autoptr(GtkStringList) playbooks = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->step_rows = g_ptr_array_new ();

  for (guint i = ACCORD_PLAYBOOK_OUTREACH; i < ACCORD_N_PLAYBOOKS; i++)
    gtk_string_list_append (playbooks, accord_playbook_label (i));
  adw_combo_row_set_model (self->playbook_row, G_LIST_MODEL (playbooks));

  accord_form_label_entry_row (self->date_row);
  accord_form_label_entry_row (self->name_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  g_signal_connect_swapped (self->playbook_row, "notify::selected",
                            G_CALLBACK (playbook_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->revisit_spin, "value-changed", G_CALLBACK (update_steps), self);
}

GtkWidget *
accord_playbook_dialog_new (AccordStore    *store,
                            AccordPartner  *partner,
                            AccordPlaybook  playbook)
{
  AccordPlaybookDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  if (playbook <= ACCORD_PLAYBOOK_NONE || playbook >= ACCORD_N_PLAYBOOKS)
    playbook = ACCORD_PLAYBOOK_OUTREACH;

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_PLAYBOOK_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);
  if (adw_combo_row_get_selected (self->playbook_row) == playbook - 1)
    playbook_changed_cb (self);
  else
    adw_combo_row_set_selected (self->playbook_row, playbook - 1);
  return GTK_WIDGET (self);
}
