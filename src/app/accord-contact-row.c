/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-contact-row.h"
#include "accord-form.h"
#include "accord-store.h"
#include "accord-validate.h"

/* Edits are saved this long after the last keystroke, or at once when the
 * field is left or the page changes. */
#define SAVE_DELAY_MS 400

struct _AccordContactRow
{
  AdwExpanderRow parent_instance;

  AccordStore *store;
  AccordContact *contact;
  guint save_source;
  gboolean dirty[ACCORD_N_CONTACT_FIELDS];
  gboolean invalid[ACCORD_N_CONTACT_FIELDS];
  gboolean loading;

  AdwEntryRow *rows[ACCORD_N_CONTACT_FIELDS];
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *profile_row;
  GtkWidget *error_row;
  GtkWidget *error_label;
  GtkWidget *primary_icon;
  GtkSwitch *primary_switch;
  GtkWidget *remove_button;
};

G_DEFINE_FINAL_TYPE (AccordContactRow, accord_contact_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_REMOVE,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_header (AccordContactRow *self)
{
  const char *role = accord_contact_get_role (self->contact);
  const char *email = accord_contact_get_email (self->contact);
  g_autofree char *subtitle = NULL;
  gboolean primary = accord_contact_get_is_primary (self->contact);

  if (*role && *email)
    subtitle = g_strdup_printf ("%s · %s", role, email);
  else
    subtitle = g_strdup (*role ? role : email);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), accord_contact_get_name (self->contact));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_opacity (self->primary_icon, primary ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  primary ? _("Primary contact") : _("Other contact"), -1);

  self->loading = TRUE;
  gtk_switch_set_active (self->primary_switch, primary);
  self->loading = FALSE;
  /* There is always one primary contact: make another one primary instead
   * of switching this one off. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->primary_switch), !primary);
}

static void
show_first_error (AccordContactRow *self,
                  const GError     *error)
{
  gboolean any = FALSE;

  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    {
      if (!self->invalid[f])
        gtk_widget_remove_css_class (GTK_WIDGET (self->rows[f]), "error");
      any |= self->invalid[f];
    }

  if (error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_row, TRUE);
    }
  else if (!any)
    gtk_widget_set_visible (self->error_row, FALSE);
}

static gboolean
save_field (AccordContactRow   *self,
            AccordContactField  field)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));

  if (!accord_store_set_contact_field (self->store, self->contact, field, text, &error))
    {
      self->invalid[field] = TRUE;
      accord_form_show_error (GTK_WIDGET (self->rows[field]), self->error_label, error);
      gtk_widget_set_visible (self->error_row, TRUE);
      /* A refusal from validation stays inline; a disk problem also goes to
       * the window, which shows it as a toast. */
      if (!g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID))
        g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
      return FALSE;
    }

  self->dirty[field] = FALSE;
  self->invalid[field] = FALSE;
  accord_form_show_error (GTK_WIDGET (self->rows[field]), self->error_label, NULL);
  show_first_error (self, NULL);
  update_header (self);
  return TRUE;
}

gboolean
accord_contact_row_flush (AccordContactRow *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORD_IS_CONTACT_ROW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    if (self->dirty[f] || self->invalid[f])
      ok &= save_field (self, f);
  return ok;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AccordContactRow *self = data;

  self->save_source = 0;
  accord_contact_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable      *editable,
                  AccordContactRow *self)
{
  g_autoptr(GError) error = NULL;
  guint field;

  if (self->loading)
    return;

  for (field = 0; field < ACCORD_N_CONTACT_FIELDS; field++)
    if (GTK_EDITABLE (self->rows[field]) == editable)
      break;
  g_assert (field < ACCORD_N_CONTACT_FIELDS);

  /* Check at once so the message appears while typing; save after a pause. */
  if (!accord_validate_contact_field (field, gtk_editable_get_text (editable), &error))
    {
      self->invalid[field] = TRUE;
      self->dirty[field] = FALSE;
      accord_form_show_error (GTK_WIDGET (editable), self->error_label, error);
      gtk_widget_set_visible (self->error_row, TRUE);
      return;
    }

  self->invalid[field] = FALSE;
  self->dirty[field] = TRUE;
  accord_form_show_error (GTK_WIDGET (editable), self->error_label, NULL);
  show_first_error (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_apply_cb (AdwEntryRow      *row,
                AccordContactRow *self)
{
  accord_contact_row_flush (self);
}

static void
primary_active_cb (GtkSwitch        *sw,
                   GParamSpec       *pspec,
                   AccordContactRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || !gtk_switch_get_active (sw))
    return;

  if (!accord_store_set_primary_contact (self->store, self->contact, &error))
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
  update_header (self);
}

static void
remove_clicked_cb (AccordContactRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
contact_notify_cb (AccordContactRow *self)
{
  update_header (self);
}

static void
accord_contact_row_dispose (GObject *object)
{
  AccordContactRow *self = ACCORD_CONTACT_ROW (object);

  /* Anything valid that waits for its pause is saved, never dropped. */
  if (self->store != NULL && self->contact != NULL && accord_contact_get_id (self->contact) != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
        if (self->dirty[f])
          save_field (self, f);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_CONTACT_ROW);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_contact_row_parent_class)->dispose (object);
}

static void
accord_contact_row_class_init (AccordContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_contact_row_dispose;

  /* The page owns removal, since it offers Undo. */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /* A save failed for a reason other than the text itself. */
  signals[SIGNAL_ERROR] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, email_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, primary_icon);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, remove_button);
}

static void
accord_contact_row_init (AccordContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accord_form_label_expander_row (ADW_EXPANDER_ROW (self));

  self->rows[ACCORD_CONTACT_FIELD_NAME] = self->name_row;
  self->rows[ACCORD_CONTACT_FIELD_ROLE] = self->role_row;
  self->rows[ACCORD_CONTACT_FIELD_EMAIL] = self->email_row;
  self->rows[ACCORD_CONTACT_FIELD_PHONE] = self->phone_row;
  self->rows[ACCORD_CONTACT_FIELD_PROFILE_URL] = self->profile_row;

  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    {
      accord_form_label_entry_row (self->rows[f]);
      g_signal_connect (self->rows[f], "changed", G_CALLBACK (entry_changed_cb), self);
      g_signal_connect (self->rows[f], "entry-activated", G_CALLBACK (entry_apply_cb), self);
    }
  g_signal_connect (self->primary_switch, "notify::active", G_CALLBACK (primary_active_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
}

GtkWidget *
accord_contact_row_new (AccordStore   *store,
                        AccordContact *contact)
{
  AccordContactRow *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), NULL);

  self = g_object_new (ACCORD_TYPE_CONTACT_ROW, NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  self->loading = TRUE;
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[f]), accord_contact_get_field (contact, f));
  self->loading = FALSE;

  g_signal_connect_object (contact, "notify", G_CALLBACK (contact_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_header (self);
  return GTK_WIDGET (self);
}

AccordContact *
accord_contact_row_get_contact (AccordContactRow *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT_ROW (self), NULL);
  return self->contact;
}
