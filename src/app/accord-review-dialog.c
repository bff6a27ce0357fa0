/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-review-dialog.h"

#include "accord-form.h"
#include "accord-lifecycle.h"
#include "accord-results.h"
#include "accord-store.h"

#include <glib/gi18n.h>

#define RATING_MAX 5

struct _AccordReviewDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;

  /* Per rating, its row and the five toggle buttons for 1..5. */
  GtkWidget *rating_rows[ACCORD_N_REVIEW_RATINGS];
  GtkToggleButton *rating_buttons[ACCORD_N_REVIEW_RATINGS][RATING_MAX];
  GtkCheckButton *flag_checks[ACCORD_N_RED_FLAGS];

  AdwEntryRow *date_row;
  GtkWidget *date_error;
  AdwPreferencesGroup *ratings_group;
  GtkWidget *ratings_error;
  AdwPreferencesGroup *flags_group;
  AdwEntryRow *notes_row;
  GtkWidget *general_error;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (AccordReviewDialog, accord_review_dialog, ADW_TYPE_WINDOW)

static int
rating_of (AccordReviewDialog *self,
           AccordReviewRating  rating)
{
  for (int r = 0; r < RATING_MAX; r++)
    if (gtk_toggle_button_get_active (self->rating_buttons[rating][r]))
      return r + 1;
  return 0;
}

static void
clear_errors (AccordReviewDialog *self)
{
  accord_form_show_error (GTK_WIDGET (self->date_row), self->date_error, NULL);
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    accord_form_show_error (self->rating_rows[i], self->ratings_error, NULL);
  accord_form_show_error (GTK_WIDGET (self->notes_row), self->general_error, NULL);
}

static void
refuse (GtkWidget  *row,
        GtkWidget  *label,
        const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                                                 message);

  accord_form_show_error (row, label, error);
}

gboolean
accord_review_dialog_save (AccordReviewDialog *self)
{
  g_autoptr(AccordReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const char *today;
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORD_IS_REVIEW_DIALOG (self), FALSE);

  clear_errors (self);
  today = accord_store_get_today (self->store);
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!accord_date_is_valid (date))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is today's date, as an example of the format. */
      message = g_strdup_printf (_("Enter the date as YYYY-MM-DD, for example %s."), today);
      refuse (GTK_WIDGET (self->date_row), self->date_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      ok = FALSE;
    }
  else if (accord_days_between (today, date) > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is today's date. */
      message = g_strdup_printf (_("A review records what happened: date it %s or earlier."),
                                 today);
      refuse (GTK_WIDGET (self->date_row), self->date_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      ok = FALSE;
    }

  review = accord_review_new (accord_partner_get_id (self->partner), date);
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    {
      review->ratings[i] = rating_of (self, i);
      if (review->ratings[i] == 0 && ok)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a rating's name ("Trust"). */
          message = g_strdup_printf (_("Rate all five from 1 to 5: %s has no rating yet."),
                                     accord_review_rating_label (i));
          refuse (self->rating_rows[i], self->ratings_error, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->rating_buttons[i][0]));
          ok = FALSE;
        }
    }
  if (!ok)
    return FALSE;

  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    if (gtk_check_button_get_active (self->flag_checks[i]))
      review->red_flags |= 1u << i;
  g_free (review->notes);
  review->notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));

  if (!accord_store_save_review (self->store, review, &error))
    {
      /* The store says what it refused; everything chosen stays. */
      accord_form_show_error (GTK_WIDGET (self->notes_row), self->general_error, error);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_review_dialog_save (ACCORD_REVIEW_DIALOG (widget));
}

static void
date_changed_cb (AccordReviewDialog *self)
{
  /* The message goes as soon as the date reads right again. */
  if (gtk_widget_get_visible (self->date_error) &&
      accord_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row))))
    accord_form_show_error (GTK_WIDGET (self->date_row), self->date_error, NULL);
}

static void
rating_toggled_cb (GtkToggleButton    *button,
                   AccordReviewDialog *self)
{
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "accord-rating"));

  if (gtk_toggle_button_get_active (button) && rating < ACCORD_N_REVIEW_RATINGS)
    accord_form_show_error (self->rating_rows[rating], self->ratings_error, NULL);
}

static void
build_ratings (AccordReviewDialog *self)
{
  for (guint i = 0; i < ACCORD_N_REVIEW_RATINGS; i++)
    {
      const char *label = accord_review_rating_label (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_add_css_class (box, "rating");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      for (int r = 0; r < RATING_MAX; r++)
        {
          g_autofree char *text = g_strdup_printf ("%d", r + 1);
          /* Translators: accessible name of a rating button: "Trust: 3 of 5". */
          g_autofree char *name = g_strdup_printf (_("%s: %d of 5"), label, r + 1);
          GtkWidget *button = gtk_toggle_button_new_with_label (text);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          accord_form_set_tooltip (button, name);
          g_object_set_data (G_OBJECT (button), "accord-rating", GUINT_TO_POINTER (i));
          if (r > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->rating_buttons[i][0]);
          g_signal_connect (button, "toggled", G_CALLBACK (rating_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), button);
          self->rating_buttons[i][r] = GTK_TOGGLE_BUTTON (button);
        }

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->ratings_group, row);
      self->rating_rows[i] = row;
    }
}

static void
build_flags (AccordReviewDialog *self)
{
  for (guint i = 0; i < ACCORD_N_RED_FLAGS; i++)
    {
      const char *label = accord_red_flag_label (1u << i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->flags_group, row);
      self->flag_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
accord_review_dialog_dispose (GObject *object)
{
  AccordReviewDialog *self = ACCORD_REVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_REVIEW_DIALOG);

  G_OBJECT_CLASS (accord_review_dialog_parent_class)->dispose (object);
}

static void
accord_review_dialog_class_init (AccordReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_review_dialog_dispose;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-review-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, ratings_error);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, flags_group);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, AccordReviewDialog, save_button);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.save", NULL);
}

static void
accord_review_dialog_init (AccordReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_ratings (self);
  build_flags (self);
  accord_form_label_entry_row (self->date_row);
  accord_form_label_entry_row (self->notes_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
}

GtkWidget *
accord_review_dialog_new (AccordStore   *store,
                          AccordPartner *partner)
{
  AccordReviewDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_REVIEW_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), accord_store_get_today (store));

  return GTK_WIDGET (self);
}
