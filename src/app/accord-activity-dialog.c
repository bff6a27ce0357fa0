/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-activity-dialog.h"

#include "accord-form.h"
#include "accord-store.h"

#include <glib/gi18n.h>

struct _AccordActivityDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  /* The contacts offered, in the combo's order after "No one". */
  GPtrArray *contacts;

  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwComboRow *contact_row;
  AdwEntryRow *summary_row;
  AdwEntryRow *outcome_row;
  GtkSwitch *reply_switch;
  GtkWidget *log_button;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (AccordActivityDialog, accord_activity_dialog, ADW_TYPE_WINDOW)

static void
show_error (AccordActivityDialog *self,
            GtkWidget            *row,
            const GError         *error)
{
  accord_form_show_error (GTK_WIDGET (self->date_row), self->error_label, NULL);
  if (error != NULL)
    accord_form_show_error (row, self->error_label, error);
}

gboolean
accord_activity_dialog_log (AccordActivityDialog *self)
{
  g_autoptr(AccordActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  guint kind, contact;

  g_return_val_if_fail (ACCORD_IS_ACTIVITY_DIALOG (self), FALSE);

  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!accord_date_is_valid (date))
    {
      g_set_error (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("Enter the date as YYYY-MM-DD, for example %s."),
                   accord_store_get_today (self->store));
      show_error (self, GTK_WIDGET (self->date_row), error);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  kind = adw_combo_row_get_selected (self->kind_row);
  if (kind >= ACCORD_N_ACTIVITY_KINDS)
    kind = ACCORD_ACTIVITY_NOTE;
  activity = accord_activity_new (accord_partner_get_id (self->partner), kind, date);
  contact = adw_combo_row_get_selected (self->contact_row);
  if (contact != GTK_INVALID_LIST_POSITION && contact >= 1 && contact - 1 < self->contacts->len)
    activity->contact_id = accord_contact_get_id (g_ptr_array_index (self->contacts, contact - 1));
  g_free (activity->summary);
  activity->summary = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row)));
  g_strstrip (activity->summary);
  g_free (activity->outcome);
  activity->outcome = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outcome_row)));
  g_strstrip (activity->outcome);
  activity->is_reply = gtk_switch_get_active (self->reply_switch);

  if (!accord_store_add_activity (self->store, activity, &error))
    {
      /* The store says what it refused; everything typed stays. */
      show_error (self, GTK_WIDGET (self->summary_row), error);
      return FALSE;
    }

  show_error (self, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  accord_activity_dialog_log (ACCORD_ACTIVITY_DIALOG (widget));
}

static void
date_changed_cb (AccordActivityDialog *self)
{
  /* The message goes as soon as the date reads right again. */
  if (gtk_widget_get_visible (self->error_label) &&
      accord_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row))))
    show_error (self, NULL, NULL);
}

static void
accord_activity_dialog_dispose (GObject *object)
{
  AccordActivityDialog *self = ACCORD_ACTIVITY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_ACTIVITY_DIALOG);

  G_OBJECT_CLASS (accord_activity_dialog_parent_class)->dispose (object);
}

static void
accord_activity_dialog_class_init (AccordActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_activity_dialog_dispose;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-activity-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, reply_switch);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, log_button);
  gtk_widget_class_bind_template_child (widget_class, AccordActivityDialog, error_label);
  gtk_widget_class_install_action (widget_class, "activity.log", NULL, log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_activity_dialog_init (AccordActivityDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ACCORD_N_ACTIVITY_KINDS; i++)
    gtk_string_list_append (kinds, accord_activity_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  accord_form_label_entry_row (self->date_row);
  accord_form_label_entry_row (self->summary_row);
  accord_form_label_entry_row (self->outcome_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->log_button);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
accord_activity_dialog_new (AccordStore   *store,
                            AccordPartner *partner)
{
  AccordActivityDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *contacts;
  guint selected = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_ACTIVITY_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);

  /* Translators: the contact of an activity when it was with no one in particular. */
  gtk_string_list_append (names, _("No one in particular"));
  contacts = accord_store_get_contacts (store, partner);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, i);

      gtk_string_list_append (names, accord_contact_get_name (contact));
      if (selected == 0 && accord_contact_get_is_primary (contact))
        selected = i + 1;
      g_ptr_array_add (self->contacts, g_steal_pointer (&contact));
    }
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->contact_row, selected);
  adw_combo_row_set_selected (self->kind_row, ACCORD_ACTIVITY_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), accord_store_get_today (store));

  return GTK_WIDGET (self);
}
