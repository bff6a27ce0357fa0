/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-contact-row.h"
#include "accord-form.h"
#include "accord-store.h"
#include "accord-validate.h"

/* The fields inside the row (five entries, the primary switch and Remove)
 * are made the first time it is expanded: a partner page shows every
 * contact collapsed, and GTK measures what a collapsed row holds too, so
 * making them for every contact made switching partners slow.
 *
 * Edits are saved this long after the last keystroke, or at once when the
 * field is left or the page changes. */
#define SAVE_DELAY_MS 400

struct _AccordContactRow
{
  AdwExpanderRow parent_instance;

  AccordStore *store;
  AccordContact *contact;
  gulong notify_id;
  guint save_source;
  gboolean dirty[ACCORD_N_CONTACT_FIELDS];
  gboolean invalid[ACCORD_N_CONTACT_FIELDS];
  gboolean loading;

  /* NULL until the row is first expanded. */
  AdwEntryRow *rows[ACCORD_N_CONTACT_FIELDS];
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

  if (self->primary_switch == NULL)
    return;
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
  if (self->rows[0] == NULL)
    return TRUE;
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
  if (self->store != NULL && self->contact != NULL && accord_contact_get_id (self->contact) != 0 &&
      self->rows[0] != NULL)
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
  gtk_widget_class_bind_template_child (widget_class, AccordContactRow, primary_icon);
}

static GtkWidget *
action_row_new (const char *title,
                GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
ensure_fields (AccordContactRow *self)
{
  static const struct {
    const char *title;
    GtkInputPurpose purpose;
  } fields[ACCORD_N_CONTACT_FIELDS] = {
    [ACCORD_CONTACT_FIELD_NAME] = { N_("Name"), GTK_INPUT_PURPOSE_FREE_FORM },
    [ACCORD_CONTACT_FIELD_ROLE] = { N_("Role"), GTK_INPUT_PURPOSE_FREE_FORM },
    [ACCORD_CONTACT_FIELD_EMAIL] = { N_("Email"), GTK_INPUT_PURPOSE_EMAIL },
    [ACCORD_CONTACT_FIELD_PHONE] = { N_("Phone"), GTK_INPUT_PURPOSE_PHONE },
    [ACCORD_CONTACT_FIELD_PROFILE_URL] = { N_("Profile link"), GTK_INPUT_PURPOSE_URL },
  };
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GtkWidget *row;

  if (self->rows[0] != NULL)
    return;

  self->loading = TRUE;
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    {
      row = adw_entry_row_new ();
      self->rows[f] = ADW_ENTRY_ROW (row);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[f].title));
      adw_entry_row_set_input_purpose (self->rows[f], fields[f].purpose);
      gtk_editable_set_text (GTK_EDITABLE (row), accord_contact_get_field (self->contact, f));
      accord_form_label_entry_row (self->rows[f]);
      g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (entry_apply_cb), self);
      adw_expander_row_add_row (expander, row);
    }
  self->loading = FALSE;

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  g_object_set (self->error_label, "margin-start", 12, "margin-end", 12,
                "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  self->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->error_row), self->error_label);
  gtk_widget_set_visible (self->error_row, FALSE);
  adw_expander_row_add_row (expander, self->error_row);

  self->primary_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Primary contact"), -1);
  row = action_row_new (_("Primary contact"), GTK_WIDGET (self->primary_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->primary_switch));
  adw_expander_row_add_row (expander, row);
  g_signal_connect (self->primary_switch, "notify::active", G_CALLBACK (primary_active_cb), self);

  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  adw_expander_row_add_row (expander, action_row_new (_("Remove this contact"),
                                                      self->remove_button));
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);

  update_header (self);
}

static void
expanded_cb (AccordContactRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    ensure_fields (self);
}

/* The header's subtitle label (libadwaita 1.2 has no property for it). */
static GtkLabel *
find_subtitle_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        return GTK_LABEL (child);
      /* Not into the rows it expands to. */
      if (GTK_IS_REVEALER (child))
        continue;
      if ((found = find_subtitle_label (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
accord_contact_row_init (AccordContactRow *self)
{
  GtkLabel *subtitle;

  gtk_widget_init_template (GTK_WIDGET (self));
  accord_form_label_expander_row (ADW_EXPANDER_ROW (self));

  /* "Role · email" on one line, ellipsized: the whole of it is in the
   * fields below. Wrapped, GTK measured the email at every width it
   * tried, breaking it after each letter, and that was a third of
   * switching partners. */
  subtitle = find_subtitle_label (GTK_WIDGET (self));
  if (subtitle != NULL)
    {
      gtk_label_set_wrap (subtitle, FALSE);
      gtk_label_set_lines (subtitle, 1);
      gtk_label_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
    }
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
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
  accord_contact_row_set_contact (self, contact);
  return GTK_WIDGET (self);
}

/**
 * accord_contact_row_set_contact:
 * @contact: (nullable): the contact to show, or %NULL to hide the row
 *
 * Shows @contact in the row instead, collapsed: the partner page keeps
 * its rows from one partner to the next, since making new ones (each a
 * dozen widgets to style) took much of switching partners. Edits waiting
 * for their pause are saved to the contact shown before. A row without a
 * contact is hidden until it is given one.
 */
void
accord_contact_row_set_contact (AccordContactRow *self,
                                AccordContact    *contact)
{
  g_return_if_fail (ACCORD_IS_CONTACT_ROW (self));
  g_return_if_fail (contact == NULL || ACCORD_IS_CONTACT (contact));

  if (self->contact == contact)
    return;

  if (self->contact != NULL)
    {
      accord_contact_row_flush (self);
      g_clear_signal_handler (&self->notify_id, self->contact);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
    }
  g_set_object (&self->contact, contact);
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    {
      self->dirty[f] = FALSE;
      self->invalid[f] = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), contact != NULL);
  if (contact == NULL)
    return;

  self->notify_id = g_signal_connect_object (contact, "notify", G_CALLBACK (contact_notify_cb),
                                             self, G_CONNECT_SWAPPED);
  if (self->rows[0] != NULL)
    {
      self->loading = TRUE;
      for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->rows[f]), accord_contact_get_field (contact, f));
          gtk_widget_remove_css_class (GTK_WIDGET (self->rows[f]), "error");
        }
      self->loading = FALSE;
      gtk_widget_set_visible (self->error_row, FALSE);
    }
  update_header (self);
}

AccordContact *
accord_contact_row_get_contact (AccordContactRow *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT_ROW (self), NULL);
  return self->contact;
}

/**
 * accord_contact_row_get_field:
 *
 * The entry for @field inside the row, made now if the row was never
 * expanded.
 */
GtkEditable *
accord_contact_row_get_field (AccordContactRow   *self,
                              AccordContactField  field)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT_ROW (self), NULL);
  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, NULL);

  ensure_fields (self);
  return GTK_EDITABLE (self->rows[field]);
}

/**
 * accord_contact_row_get_error:
 *
 * The message shown under the fields for text that was refused, or %NULL
 * when none is shown.
 */
const char *
accord_contact_row_get_error (AccordContactRow *self)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT_ROW (self), NULL);

  if (self->error_row == NULL || !gtk_widget_get_visible (self->error_row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}
