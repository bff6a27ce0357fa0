/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-figures-dialog.h"

#include "accord-locale.h"
#include "accord-form.h"
#include "accord-results.h"
#include "accord-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* The largest count a field takes: far beyond any month's figures. */
#define MAX_COUNT 1000000000
/* What an empty NPS field reads as: no NPS that month. */
#define NO_NPS (-1000)

struct _AccordFiguresDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The partner's stored figures (AccordFigures), to show a stored
   * month and to say that saving replaces it. */
  GPtrArray *stored;
  /* The month whose stored figures the fields were filled with. */
  char *loaded_month;
  GtkWidget *marked;

  AdwEntryRow *month_row;
  AdwEntryRow *revenue_row;
  AdwEntryRow *referrals_row;
  AdwEntryRow *conversions_row;
  AdwEntryRow *nps_row;
  AdwEntryRow *response_row;
  AdwEntryRow *initiatives_row;
  GtkWidget *replace_hint;
  GtkWidget *error_label;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (AccordFiguresDialog, accord_figures_dialog, ADW_TYPE_WINDOW)

static void
show_error (AccordFiguresDialog *self,
            GtkWidget           *row,
            const GError        *error)
{
  if (self->marked != NULL)
    accord_form_show_error (self->marked, self->error_label, NULL);
  self->marked = NULL;
  if (row != NULL && error != NULL)
    {
      accord_form_show_error (row, self->error_label, error);
      self->marked = row;
      gtk_widget_grab_focus (row);
    }
}

static void
refuse (AccordFiguresDialog *self,
        AdwEntryRow         *row,
        const char          *message)
{
  g_autoptr(GError) error = g_error_new_literal (ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                                                 message);

  show_error (self, GTK_WIDGET (row), error);
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A whole number from @min to @max in @row; "" is @empty (unless that is
 * G_MININT: then the field is required). FALSE, with the row marked,
 * when it is not one. */
static gboolean
parse_number (AccordFiguresDialog *self,
              AdwEntryRow         *row,
              int                  min,
              int                  max,
              int                  empty,
              int                 *out)
{
  g_autofree char *text = text_of (row);
  g_autofree char *message = NULL;
  gint64 value;

  if (*text == '\0' && empty != G_MININT)
    {
      *out = empty;
      return TRUE;
    }
  /* U+2212, the minus sign, reads as a hyphen-minus. */
  if (g_str_has_prefix (text, "−"))
    {
      char *plain = g_strconcat ("-", text + strlen ("−"), NULL);

      g_free (text);
      text = plain;
    }
  if (g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      *out = (int) value;
      return TRUE;
    }
  if (min < 0)
    /* Translators: a field's name, then the range it takes. */
    message = g_strdup_printf (_("%s: enter a whole number from %d to %d."),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), min,
                               max);
  else
    /* Translators: %s is a field's name. */
    message = g_strdup_printf (_("%s: enter a whole number, 0 or more."),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  refuse (self, row, message);
  return FALSE;
}

static const AccordFigures *
find_stored (AccordFiguresDialog *self,
             const char          *month)
{
  for (guint i = 0; self->stored != NULL && i < self->stored->len; i++)
    {
      const AccordFigures *figures = g_ptr_array_index (self->stored, i);

      if (g_strcmp0 (figures->month, month) == 0)
        return figures;
    }
  return NULL;
}

gboolean
accord_figures_dialog_save (AccordFiguresDialog *self)
{
  g_autoptr(AccordFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *revenue = NULL;
  gint64 amount = 0;
  int nps;

  g_return_val_if_fail (ACCORD_IS_FIGURES_DIALOG (self), FALSE);

  month = text_of (self->month_row);
  if (!accord_month_is_valid (month))
    {
      g_autofree char *example = g_strndup (accord_store_get_today (self->store), 7);
      g_autofree char *message = NULL;

      /* Translators: %s is this month, as an example of the format. */
      message = g_strdup_printf (_("Enter the month as YYYY-MM, for example %s."), example);
      refuse (self, self->month_row, message);
      return FALSE;
    }

  figures = accord_figures_new (accord_partner_get_id (self->partner), month);
  revenue = text_of (self->revenue_row);
  if (*revenue != '\0' && !accord_parse_money (revenue, &amount, &error))
    {
      show_error (self, GTK_WIDGET (self->revenue_row), error);
      return FALSE;
    }
  figures->revenue_minor = amount;
  if (!parse_number (self, self->referrals_row, 0, MAX_COUNT, 0, &figures->referrals) ||
      !parse_number (self, self->conversions_row, 0, MAX_COUNT, 0, &figures->conversions) ||
      !parse_number (self, self->nps_row, -100, 100, NO_NPS, &nps) ||
      !parse_number (self, self->response_row, 0, MAX_COUNT, ACCORD_UNSET,
                     &figures->response_hours) ||
      !parse_number (self, self->initiatives_row, 0, MAX_COUNT, 0, &figures->joint_initiatives))
    return FALSE;
  figures->has_nps = nps != NO_NPS;
  figures->nps = figures->has_nps ? nps : 0;

  if (!accord_store_set_figures (self->store, figures, &error))
    {
      show_error (self, GTK_WIDGET (self->month_row), error);
      return FALSE;
    }

  show_error (self, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_figures_dialog_save (ACCORD_FIGURES_DIALOG (widget));
}

static void
set_number (AdwEntryRow *row,
            gboolean     has,
            gint64       value)
{
  g_autofree char *text = has ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load (AccordFiguresDialog *self,
      const AccordFigures *figures)
{
  g_autofree char *revenue = accord_format_money_display (figures->revenue_minor, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->revenue_row), revenue);
  set_number (self->referrals_row, TRUE, figures->referrals);
  set_number (self->conversions_row, TRUE, figures->conversions);
  set_number (self->nps_row, figures->has_nps, figures->nps);
  set_number (self->response_row, figures->response_hours != ACCORD_UNSET,
              figures->response_hours);
  set_number (self->initiatives_row, TRUE, figures->joint_initiatives);
  g_free (self->loaded_month);
  self->loaded_month = g_strdup (figures->month);
}

static void
month_changed_cb (AccordFiguresDialog *self)
{
  g_autofree char *month = text_of (self->month_row);
  const AccordFigures *stored = accord_month_is_valid (month) ? find_stored (self, month) : NULL;

  /* Say so before a stored month is overwritten with other numbers. */
  if (stored != NULL)
    {
      g_autofree char *hint = NULL;

      if (g_strcmp0 (month, self->loaded_month) == 0)
        /* Translators: %s is a month, YYYY-MM. */
        hint = g_strdup_printf (_("These are the figures stored for %s: saving replaces them."),
                                month);
      else
        /* Translators: %s is a month, YYYY-MM. */
        hint = g_strdup_printf (_("%s already has figures: saving replaces them with these."),
                                month);
      gtk_label_set_text (GTK_LABEL (self->replace_hint), hint);
    }
  gtk_widget_set_visible (self->replace_hint, stored != NULL);
}

static void
field_changed_cb (GtkEditable         *editable,
                  AccordFiguresDialog *self)
{
  if (self->marked == GTK_WIDGET (editable))
    show_error (self, NULL, NULL);
}

static void
accord_figures_dialog_dispose (GObject *object)
{
  AccordFiguresDialog *self = ACCORD_FIGURES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_FIGURES_DIALOG);

  G_OBJECT_CLASS (accord_figures_dialog_parent_class)->dispose (object);
}

static void
accord_figures_dialog_finalize (GObject *object)
{
  AccordFiguresDialog *self = ACCORD_FIGURES_DIALOG (object);

  g_free (self->loaded_month);

  G_OBJECT_CLASS (accord_figures_dialog_parent_class)->finalize (object);
}

static void
accord_figures_dialog_class_init (AccordFiguresDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_figures_dialog_dispose;
  object_class->finalize = accord_figures_dialog_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-figures-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, referrals_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, conversions_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, nps_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, response_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, initiatives_row);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, replace_hint);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordFiguresDialog, save_button);
  gtk_widget_class_install_action (widget_class, "figures.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "figures.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "figures.save", NULL);
}

static void
accord_figures_dialog_init (AccordFiguresDialog *self)
{
  AdwEntryRow *entries[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->month_row;
  entries[1] = self->revenue_row;
  entries[2] = self->referrals_row;
  entries[3] = self->conversions_row;
  entries[4] = self->nps_row;
  entries[5] = self->response_row;
  entries[6] = self->initiatives_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      accord_form_label_entry_row (entries[i]);
      g_signal_connect (entries[i], "changed", G_CALLBACK (field_changed_cb), self);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
accord_figures_dialog_new (AccordStore   *store,
                           AccordPartner *partner,
                           const char    *month,
                           const char    *currency)
{
  AccordFiguresDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *this_month = NULL;
  const AccordFigures *stored;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_FIGURES_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);
  self->stored = accord_store_list_figures (store, partner, &error);
  if (self->stored == NULL)
    g_warning ("Could not list the figures: %s", error->message);

  if (currency != NULL && *currency != '\0')
    {
      /* Translators: %s is a currency code ("EUR"). */
      g_autofree char *title = g_strdup_printf (_("Partner-sourced revenue (%s)"), currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revenue_row), title);
      accord_form_label_entry_row (self->revenue_row);
    }

  this_month = g_strndup (accord_store_get_today (store), 7);
  if (month == NULL)
    month = this_month;
  gtk_editable_set_text (GTK_EDITABLE (self->month_row), month);
  stored = find_stored (self, month);
  if (stored != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Figures"));
      load (self, stored);
    }
  month_changed_cb (self);
  g_signal_connect_swapped (self->month_row, "changed", G_CALLBACK (month_changed_cb), self);

  return GTK_WIDGET (self);
}
