/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-goal-dialog.h"
#include "accord-form.h"
#include "accord-store.h"

#define SAVE_DELAY_MS 400
#define N_GOAL_FIELDS 5

static const char *const keys[N_GOAL_FIELDS] = {
  ACCORD_SETTING_GOAL_OUTCOME, ACCORD_SETTING_GOAL_DEADLINE, ACCORD_SETTING_GOAL_METRIC,
  ACCORD_SETTING_GOAL_PARTNERS, ACCORD_SETTING_GOAL_WE_GIVE,
};

struct _AccordGoalDialog
{
  AdwPreferencesWindow parent_instance;

  AccordStore *store;
  AdwEntryRow *rows[N_GOAL_FIELDS];
  gboolean dirty[N_GOAL_FIELDS];
  guint save_source;
  gboolean loading;

  AdwEntryRow *outcome_row;
  AdwEntryRow *deadline_row;
  AdwEntryRow *metric_row;
  AdwEntryRow *partners_row;
  AdwEntryRow *we_give_row;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (AccordGoalDialog, accord_goal_dialog, ADW_TYPE_PREFERENCES_WINDOW)

gboolean
accord_goal_dialog_flush (AccordGoalDialog *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORD_IS_GOAL_DIALOG (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < N_GOAL_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!self->dirty[i])
        continue;
      if (!accord_store_set_setting (self->store, keys[i],
                                     gtk_editable_get_text (GTK_EDITABLE (self->rows[i])), &error))
        {
          /* The text stays in the field; the message says why. */
          accord_form_show_error (GTK_WIDGET (self->rows[i]), self->error_label, error);
          ok = FALSE;
          continue;
        }
      self->dirty[i] = FALSE;
      accord_form_show_error (GTK_WIDGET (self->rows[i]), self->error_label, NULL);
    }
  return ok;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AccordGoalDialog *self = data;

  self->save_source = 0;
  accord_goal_dialog_flush (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (GtkEditable      *editable,
            AccordGoalDialog *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < N_GOAL_FIELDS; i++)
    if (GTK_EDITABLE (self->rows[i]) == editable)
      self->dirty[i] = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static gboolean
accord_goal_dialog_close_request (GtkWindow *window)
{
  accord_goal_dialog_flush (ACCORD_GOAL_DIALOG (window));
  return GTK_WINDOW_CLASS (accord_goal_dialog_parent_class)->close_request (window);
}

static void
accord_goal_dialog_dispose (GObject *object)
{
  AccordGoalDialog *self = ACCORD_GOAL_DIALOG (object);

  if (self->store != NULL)
    accord_goal_dialog_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_GOAL_DIALOG);

  G_OBJECT_CLASS (accord_goal_dialog_parent_class)->dispose (object);
}

static void
accord_goal_dialog_class_init (AccordGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accord_goal_dialog_dispose;
  window_class->close_request = accord_goal_dialog_close_request;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, partners_row);
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, we_give_row);
  gtk_widget_class_bind_template_child (widget_class, AccordGoalDialog, error_label);
}

static void
accord_goal_dialog_init (AccordGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[0] = self->outcome_row;
  self->rows[1] = self->deadline_row;
  self->rows[2] = self->metric_row;
  self->rows[3] = self->partners_row;
  self->rows[4] = self->we_give_row;
  for (guint i = 0; i < N_GOAL_FIELDS; i++)
    {
      accord_form_label_entry_row (self->rows[i]);
      g_signal_connect (self->rows[i], "changed", G_CALLBACK (changed_cb), self);
    }
}

GtkWidget *
accord_goal_dialog_new (AccordStore *store)
{
  AccordGoalDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_GOAL_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->loading = TRUE;
  for (guint i = 0; i < N_GOAL_FIELDS; i++)
    {
      g_autofree char *value = accord_store_dup_setting (store, keys[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value);
    }
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
