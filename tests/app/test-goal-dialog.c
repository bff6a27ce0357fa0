/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-goal-dialog.h"
#include "accord-validate.h"
#include "test-app-helpers.h"

static void
test_goal_saves (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  g_autoptr(AccordStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *too_long = g_strnfill (ACCORD_MAX_TEXT_LENGTH + 1, 'x');
  GtkWidget *dialog = accord_goal_dialog_new (store);
  GtkEditable *outcome_row = TEMPLATE_CHILD (dialog, ACCORD_TYPE_GOAL_DIALOG, "outcome_row");
  GtkEditable *metric_row = TEMPLATE_CHILD (dialog, ACCORD_TYPE_GOAL_DIALOG, "metric_row");
  GtkWidget *error_label = TEMPLATE_CHILD (dialog, ACCORD_TYPE_GOAL_DIALOG, "error_label");

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (outcome_row, "500 new business customers");
  gtk_editable_set_text (metric_row, too_long);
  g_assert_false (accord_goal_dialog_flush (ACCORD_GOAL_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (metric_row), ==, too_long);

  gtk_editable_set_text (metric_row, "Revenue from partner referrals");
  g_assert_true (accord_goal_dialog_flush (ACCORD_GOAL_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (error_label));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_clear_object (&store);
  again = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  outcome = accord_store_dup_setting (again, ACCORD_SETTING_GOAL_OUTCOME);
  g_assert_cmpstr (outcome, ==, "500 new business customers");
  {
    g_autofree char *metric = accord_store_dup_setting (again, ACCORD_SETTING_GOAL_METRIC);
    g_assert_cmpstr (metric, ==, "Revenue from partner referrals");
  }
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    g_test_add_func ("/goal-dialog/saves", test_goal_saves);
  return g_test_run ();
}
