/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-ledger-dialog.h"

#include "accord-form.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordLedgerDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  GtkWidget *marked;
  /* Set while the code picks the kind, so a choice the user made stays. */
  gboolean choosing;
  gboolean kind_chosen;

  AdwComboRow *side_row;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *note_row;
  GtkWidget *error_label;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (AccordLedgerDialog, accord_ledger_dialog, ADW_TYPE_WINDOW)

const char *
accord_ledger_dialog_side_title (AccordLedgerSide side)
{
  switch (side)
    {
    case ACCORD_LEDGER_OWED_BY_PARTNER:
      return _("They owe us");
    case ACCORD_LEDGER_OWED_TO_PARTNER:
    case ACCORD_N_LEDGER_SIDES:
    default:
      return _("We owe them");
    }
}

const char *
accord_ledger_dialog_kind_title (AccordLedgerKind kind)
{
  switch (kind)
    {
    case ACCORD_LEDGER_RECEIVED:
      return _("Received from them");
    case ACCORD_LEDGER_PAID:
    case ACCORD_N_LEDGER_KINDS:
    default:
      return _("Paid to them");
    }
}

static void
show_error (AccordLedgerDialog *self,
            GtkWidget          *row,
            const GError       *error)
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

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
accord_ledger_dialog_save (AccordLedgerDialog *self)
{
  g_autoptr(AccordLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount_text = NULL;
  const char *today;
  guint side, kind;
  gint64 amount = 0;

  g_return_val_if_fail (ACCORD_IS_LEDGER_DIALOG (self), FALSE);

  today = accord_store_get_today (self->store);
  date = text_of (self->date_row);
  if (!accord_date_is_valid (date))
    {
      /* Translators: %s is today's date, as an example of the format. */
      g_set_error (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Enter the date as YYYY-MM-DD, for example %s."), today);
      show_error (self, GTK_WIDGET (self->date_row), error);
      return FALSE;
    }

  amount_text = text_of (self->amount_row);
  if (*amount_text == '\0')
    {
      g_set_error_literal (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("Enter the amount, for example 250.00."));
      show_error (self, GTK_WIDGET (self->amount_row), error);
      return FALSE;
    }
  if (!accord_parse_money (amount_text, &amount, &error))
    {
      show_error (self, GTK_WIDGET (self->amount_row), error);
      return FALSE;
    }
  if (amount == 0)
    {
      g_set_error_literal (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("The amount must be more than zero."));
      show_error (self, GTK_WIDGET (self->amount_row), error);
      return FALSE;
    }

  side = adw_combo_row_get_selected (self->side_row);
  kind = adw_combo_row_get_selected (self->kind_row);
  entry = accord_ledger_entry_new (accord_partner_get_id (self->partner),
                                   side < ACCORD_N_LEDGER_SIDES ? side : 0,
                                   kind < ACCORD_N_LEDGER_KINDS ? kind : 0,
                                   date, amount);
  g_free (entry->note);
  entry->note = text_of (self->note_row);

  if (!accord_store_add_ledger_entry (self->store, entry, &error))
    {
      show_error (self, GTK_WIDGET (self->amount_row), error);
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
  accord_ledger_dialog_save (ACCORD_LEDGER_DIALOG (widget));
}

static void
side_changed_cb (AccordLedgerDialog *self)
{
  /* The usual payment on each side, until the user picks one: we pay
   * the commission we owe, we receive what they owe. */
  if (self->kind_chosen)
    return;
  self->choosing = TRUE;
  adw_combo_row_set_selected (self->kind_row,
                              adw_combo_row_get_selected (self->side_row)
                              == ACCORD_LEDGER_OWED_BY_PARTNER ? ACCORD_LEDGER_RECEIVED
                                                               : ACCORD_LEDGER_PAID);
  self->choosing = FALSE;
}

static void
kind_changed_cb (AccordLedgerDialog *self)
{
  if (!self->choosing)
    self->kind_chosen = TRUE;
}

static void
field_changed_cb (GtkEditable        *editable,
                  AccordLedgerDialog *self)
{
  if (self->marked == GTK_WIDGET (editable))
    show_error (self, NULL, NULL);
}

static void
accord_ledger_dialog_dispose (GObject *object)
{
  AccordLedgerDialog *self = ACCORD_LEDGER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_LEDGER_DIALOG);

  G_OBJECT_CLASS (accord_ledger_dialog_parent_class)->dispose (object);
}

static void
accord_ledger_dialog_class_init (AccordLedgerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_ledger_dialog_dispose;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-ledger-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordLedgerDialog, save_button);
  gtk_widget_class_install_action (widget_class, "ledger.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "ledger.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "ledger.save", NULL);
}

static void
accord_ledger_dialog_init (AccordLedgerDialog *self)
{
  g_autoptr(GtkStringList) sides = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwEntryRow *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ACCORD_N_LEDGER_SIDES; i++)
    gtk_string_list_append (sides, accord_ledger_dialog_side_title (i));
  adw_combo_row_set_model (self->side_row, G_LIST_MODEL (sides));
  for (guint i = 0; i < ACCORD_N_LEDGER_KINDS; i++)
    gtk_string_list_append (kinds, accord_ledger_dialog_kind_title (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  entries[0] = self->date_row;
  entries[1] = self->amount_row;
  entries[2] = self->note_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      accord_form_label_entry_row (entries[i]);
      g_signal_connect (entries[i], "changed", G_CALLBACK (field_changed_cb), self);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_swapped (self->side_row, "notify::selected", G_CALLBACK (side_changed_cb),
                            self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
}

GtkWidget *
accord_ledger_dialog_new (AccordStore      *store,
                          AccordPartner    *partner,
                          AccordLedgerSide  side,
                          const char       *currency)
{
  AccordLedgerDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);
  g_return_val_if_fail ((guint) side < ACCORD_N_LEDGER_SIDES, NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_LEDGER_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);

  if (currency != NULL && *currency != '\0')
    {
      /* Translators: %s is a currency code ("EUR"). */
      g_autofree char *title = g_strdup_printf (_("Amount (%s)"), currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
      accord_form_label_entry_row (self->amount_row);
    }
  adw_combo_row_set_selected (self->side_row, side);
  side_changed_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), accord_store_get_today (store));

  return GTK_WIDGET (self);
}
