/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-referral-dialog.h"

#include "accord-locale.h"
#include "accord-form.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordReferralDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The referral edited, or NULL for a new one. */
  AccordReferral *original;
  /* The row that shows the current message, if any. */
  GtkWidget *marked;

  AdwEntryRow *date_row;
  AdwEntryRow *customer_row;
  AdwComboRow *status_row;
  AdwEntryRow *converted_row;
  AdwEntryRow *revenue_row;
  AdwEntryRow *code_row;
  GtkWidget *error_label;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (AccordReferralDialog, accord_referral_dialog, ADW_TYPE_WINDOW)

static void
show_error (AccordReferralDialog *self,
            GtkWidget            *row,
            const GError         *error)
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
refuse (AccordReferralDialog *self,
        AdwEntryRow          *row,
        const char           *message)
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

static AccordReferralStatus
chosen_status (AccordReferralDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < ACCORD_N_REFERRAL_STATUSES ? (AccordReferralStatus) selected
                                               : ACCORD_REFERRAL_LEAD;
}

gboolean
accord_referral_dialog_save (AccordReferralDialog *self)
{
  g_autoptr(AccordReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *revenue = NULL;
  const char *today;
  gint64 amount = 0;

  g_return_val_if_fail (ACCORD_IS_REFERRAL_DIALOG (self), FALSE);

  today = accord_store_get_today (self->store);
  date = text_of (self->date_row);
  if (!accord_date_is_valid (date))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is today's date, as an example of the format. */
      message = g_strdup_printf (_("Enter the date as YYYY-MM-DD, for example %s."), today);
      refuse (self, self->date_row, message);
      return FALSE;
    }

  converted = text_of (self->converted_row);
  if (chosen_status (self) == ACCORD_REFERRAL_CONVERTED && *converted != '\0')
    {
      if (!accord_date_is_valid (converted))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Enter the date as YYYY-MM-DD, for example %s."), today);
          refuse (self, self->converted_row, message);
          return FALSE;
        }
      if (g_strcmp0 (converted, date) < 0)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is the date the referral came in. */
          message = g_strdup_printf (_("It cannot convert before it came in on %s."), date);
          refuse (self, self->converted_row, message);
          return FALSE;
        }
    }

  revenue = text_of (self->revenue_row);
  if (*revenue != '\0' && !accord_parse_money (revenue, &amount, &error))
    {
      show_error (self, GTK_WIDGET (self->revenue_row), error);
      return FALSE;
    }

  referral = accord_referral_new (accord_partner_get_id (self->partner), date);
  if (self->original != NULL)
    referral->id = self->original->id;
  g_free (referral->customer);
  referral->customer = text_of (self->customer_row);
  referral->status = chosen_status (self);
  referral->revenue_minor = amount;
  g_free (referral->code);
  referral->code = text_of (self->code_row);
  if (referral->status == ACCORD_REFERRAL_CONVERTED && *converted != '\0')
    referral->converted_on = g_strdup (converted);

  if (!accord_store_save_referral (self->store, referral, &error))
    {
      /* The store says what it refused; everything typed stays. */
      show_error (self, GTK_WIDGET (self->customer_row), error);
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
  accord_referral_dialog_save (ACCORD_REFERRAL_DIALOG (widget));
}

static void
status_changed_cb (AccordReferralDialog *self)
{
  gboolean converted = chosen_status (self) == ACCORD_REFERRAL_CONVERTED;

  gtk_widget_set_visible (GTK_WIDGET (self->converted_row), converted);
  /* Marking a lead converted: it converted today, unless it came in later. */
  if (converted && *gtk_editable_get_text (GTK_EDITABLE (self->converted_row)) == '\0')
    {
      g_autofree char *date = text_of (self->date_row);
      const char *today = accord_store_get_today (self->store);

      gtk_editable_set_text (GTK_EDITABLE (self->converted_row),
                             accord_date_is_valid (date) && g_strcmp0 (date, today) > 0
                             ? date : today);
    }
  if (!converted && self->marked == GTK_WIDGET (self->converted_row))
    show_error (self, NULL, NULL);
}

static void
field_changed_cb (GtkEditable          *editable,
                  AccordReferralDialog *self)
{
  /* The message goes once the field it is about changes. */
  if (self->marked == GTK_WIDGET (editable))
    show_error (self, NULL, NULL);
}

static void
accord_referral_dialog_dispose (GObject *object)
{
  AccordReferralDialog *self = ACCORD_REFERRAL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->original, accord_referral_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_REFERRAL_DIALOG);

  G_OBJECT_CLASS (accord_referral_dialog_parent_class)->dispose (object);
}

static void
accord_referral_dialog_class_init (AccordReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_referral_dialog_dispose;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-referral-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, converted_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordReferralDialog, save_button);
  gtk_widget_class_install_action (widget_class, "referral.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "referral.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "referral.save", NULL);
}

static void
accord_referral_dialog_init (AccordReferralDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwEntryRow *entries[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ACCORD_N_REFERRAL_STATUSES; i++)
    gtk_string_list_append (statuses, accord_referral_status_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  entries[0] = self->date_row;
  entries[1] = self->customer_row;
  entries[2] = self->converted_row;
  entries[3] = self->revenue_row;
  entries[4] = self->code_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      accord_form_label_entry_row (entries[i]);
      g_signal_connect (entries[i], "changed", G_CALLBACK (field_changed_cb), self);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
accord_referral_dialog_new (AccordStore          *store,
                            AccordPartner        *partner,
                            const AccordReferral *referral,
                            const char           *currency)
{
  AccordReferralDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_REFERRAL_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);

  if (currency != NULL && *currency != '\0')
    {
      /* Translators: %s is a currency code ("EUR"). */
      g_autofree char *title = g_strdup_printf (_("Revenue (%s)"), currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revenue_row), title);
      accord_form_label_entry_row (self->revenue_row);
    }

  if (referral != NULL)
    {
      g_autofree char *revenue = accord_format_money_display (referral->revenue_minor, NULL);

      self->original = accord_referral_copy (referral);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Referral"));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), referral->date);
      gtk_editable_set_text (GTK_EDITABLE (self->customer_row),
                             referral->customer != NULL ? referral->customer : "");
      gtk_editable_set_text (GTK_EDITABLE (self->converted_row),
                             referral->converted_on != NULL ? referral->converted_on : "");
      gtk_editable_set_text (GTK_EDITABLE (self->revenue_row), revenue);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row),
                             referral->code != NULL ? referral->code : "");
      adw_combo_row_set_selected (self->status_row, referral->status);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = accord_store_dup_tracking_code (store, partner, &error);

      if (code == NULL)
        g_warning ("Could not make the partner's tracking code: %s", error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), accord_store_get_today (store));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
      adw_combo_row_set_selected (self->status_row, ACCORD_REFERRAL_LEAD);
    }
  status_changed_cb (self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb),
                            self);

  return GTK_WIDGET (self);
}
