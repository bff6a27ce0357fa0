/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-partner-page.h"
#include "accord-contact-row.h"
#include "accord-form.h"
#include "accord-store.h"
#include "accord-validate.h"

#define SAVE_DELAY_MS 400

struct _AccordPartnerPage
{
  AdwBin parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  gulong partner_notify_id;

  /* Per field: the widget, whether it waits to be saved, whether its text
   * was refused. */
  GtkWidget *widgets[ACCORD_N_PARTNER_FIELDS];
  GtkWidget *error_labels[ACCORD_N_PARTNER_FIELDS];
  gboolean dirty[ACCORD_N_PARTNER_FIELDS];
  gboolean invalid[ACCORD_N_PARTNER_FIELDS];
  guint save_source;
  gboolean loading;

  /* partner id -> GHashTable (field -> refused text): what the user typed
   * that could not be saved, kept until it is fixed. */
  GHashTable *drafts;

  AdwEntryRow *name_row;
  AdwEntryRow *website_row;
  AdwEntryRow *description_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *tags_row;
  AdwEntryRow *why_fit_row;
  AdwComboRow *position_row;
  AdwComboRow *type_row;
  AdwComboRow *source_row;
  AdwComboRow *tier_row;
  GtkTextView *notes_view;
  GtkWidget *identity_error;
  GtkWidget *relationship_error;
  GtkWidget *notes_error;
  AdwPreferencesGroup *contacts_group;
  GtkListBox *contacts_list;
  AdwPreferencesPage *preferences_page;
};

G_DEFINE_FINAL_TYPE (AccordPartnerPage, accord_partner_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
field_is_combo (AccordPartnerField field)
{
  return field == ACCORD_PARTNER_FIELD_SOURCE || field == ACCORD_PARTNER_FIELD_POSITION ||
         field == ACCORD_PARTNER_FIELD_TYPE || field == ACCORD_PARTNER_FIELD_TIER;
}

static char *
widget_text (AccordPartnerPage  *self,
             AccordPartnerField  field)
{
  GtkWidget *widget = self->widgets[field];

  if (field == ACCORD_PARTNER_FIELD_NOTES)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (field_is_combo (field))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

      /* The combo's items are in enum order, so the index is the value. */
      switch (field)
        {
        case ACCORD_PARTNER_FIELD_SOURCE:
          return g_strdup (accord_source_to_key (selected));
        case ACCORD_PARTNER_FIELD_POSITION:
          return g_strdup (accord_position_to_key (selected));
        case ACCORD_PARTNER_FIELD_TYPE:
          return g_strdup (accord_partnership_type_to_key (selected));
        case ACCORD_PARTNER_FIELD_TIER:
        default:
          return g_strdup (accord_tier_to_key (selected));
        }
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_widget_text (AccordPartnerPage  *self,
                 AccordPartnerField  field,
                 const char         *text)
{
  GtkWidget *widget = self->widgets[field];

  if (field == ACCORD_PARTNER_FIELD_NOTES)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else if (!field_is_combo (field))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
load_combo (AccordPartnerPage *self)
{
  if (self->partner == NULL)
    return;
  adw_combo_row_set_selected (self->source_row, accord_partner_get_source (self->partner));
  adw_combo_row_set_selected (self->position_row, accord_partner_get_position (self->partner));
  adw_combo_row_set_selected (self->type_row, accord_partner_get_partnership_type (self->partner));
  adw_combo_row_set_selected (self->tier_row, accord_partner_get_tier (self->partner));
}

static void
update_role_hint (AccordPartnerPage *self)
{
  const char *role = NULL;
  g_autofree char *hint = NULL;

  if (self->partner != NULL)
    role = accord_partnership_type_suggested_role (accord_partner_get_partnership_type (self->partner));
  if (role != NULL)
    /* Translators: %s is a role, e.g. "Head of product or CTO". */
    hint = g_strdup_printf (_("For this kind of partnership, look for: %s."), role);
  adw_preferences_group_set_description (self->contacts_group, hint);
}

static void
mark_field (AccordPartnerPage  *self,
            AccordPartnerField  field,
            const GError       *error)
{
  GtkWidget *label = self->error_labels[field];

  self->invalid[field] = error != NULL;
  if (error != NULL)
    {
      accord_form_show_error (self->widgets[field], label, error);
      return;
    }

  accord_form_show_error (self->widgets[field], label, NULL);
  /* Another field sharing this label may still be refused: show its message. */
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->invalid[f] && self->error_labels[f] == label)
      {
        g_autoptr(GError) other = NULL;
        g_autofree char *text = widget_text (self, f);

        accord_validate_partner_field (f, text, &other);
        if (other != NULL)
          accord_form_show_error (self->widgets[f], label, other);
      }
}

static void
toast (AccordPartnerPage *self,
       AdwToast          *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (t);
}

static gboolean
save_field (AccordPartnerPage  *self,
            AccordPartnerField  field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = widget_text (self, field);

  if (!accord_store_set_partner_field (self->store, self->partner, field, text, &error))
    {
      mark_field (self, field, error);
      if (!g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID))
        toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  self->dirty[field] = FALSE;
  mark_field (self, field, NULL);
  return TRUE;
}

gboolean
accord_partner_page_flush (AccordPartnerPage *self)
{
  gboolean ok = TRUE;
  GtkWidget *child;

  g_return_val_if_fail (ACCORD_IS_PARTNER_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->partner == NULL)
    return g_hash_table_size (self->drafts) == 0;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->dirty[f] || self->invalid[f])
      ok &= save_field (self, f);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ACCORD_IS_CONTACT_ROW (child))
      ok &= accord_contact_row_flush (ACCORD_CONTACT_ROW (child));

  return ok && g_hash_table_size (self->drafts) == 0;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AccordPartnerPage *self = data;

  self->save_source = 0;
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->dirty[f])
      save_field (self, f);
  return G_SOURCE_REMOVE;
}

static void
field_changed (AccordPartnerPage  *self,
               AccordPartnerField  field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->loading || self->partner == NULL)
    return;

  text = widget_text (self, field);
  /* Check at once so the message shows while typing; save after a pause. */
  if (!accord_validate_partner_field (field, text, &error))
    {
      self->dirty[field] = FALSE;
      mark_field (self, field, error);
      return;
    }

  mark_field (self, field, NULL);
  self->dirty[field] = TRUE;
  if (field_is_combo (field))
    {
      save_field (self, field);
      return;
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_changed_cb (GtkWidget         *widget,
                  AccordPartnerPage *self)
{
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->widgets[f] == widget)
      field_changed (self, f);
}

static void
notes_changed_cb (GtkTextBuffer     *buffer,
                  AccordPartnerPage *self)
{
  field_changed (self, ACCORD_PARTNER_FIELD_NOTES);
}

static void
combo_selected_cb (GtkWidget         *widget,
                   GParamSpec        *pspec,
                   AccordPartnerPage *self)
{
  entry_changed_cb (widget, self);
}

static void
entry_activated_cb (AdwEntryRow       *row,
                    AccordPartnerPage *self)
{
  accord_partner_page_flush (self);
}

static void
partner_notify_cb (AccordPartnerPage *self,
                   GParamSpec        *pspec)
{
  if (g_strcmp0 (pspec->name, "partnership-type") == 0)
    update_role_hint (self);
}

/* Drafts */

static void
keep_drafts (AccordPartnerPage *self)
{
  GHashTable *fields = NULL;
  gint64 id;

  if (self->partner == NULL)
    return;

  id = accord_partner_get_id (self->partner);
  g_hash_table_remove (self->drafts, &id);
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      if (!self->invalid[f])
        continue;
      if (fields == NULL)
        {
          fields = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
          g_hash_table_insert (self->drafts, g_memdup2 (&id, sizeof id), fields);
        }
      g_hash_table_insert (fields, GUINT_TO_POINTER (f), widget_text (self, f));
    }
}

static void
restore_drafts (AccordPartnerPage *self)
{
  gint64 id = accord_partner_get_id (self->partner);
  GHashTable *fields = g_hash_table_lookup (self->drafts, &id);
  GHashTableIter iter;
  gpointer key, value;

  if (fields == NULL)
    return;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AccordPartnerField field = GPOINTER_TO_UINT (key);
      g_autoptr(GError) error = NULL;

      set_widget_text (self, field, value);
      accord_validate_partner_field (field, value, &error);
      mark_field (self, field, error);
    }
  g_hash_table_remove (self->drafts, &id);
}

char *
accord_partner_page_describe_unsaved (AccordPartnerPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ACCORD_IS_PARTNER_PAGE (self), NULL);

  keep_drafts (self);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AccordPartner *partner = accord_store_lookup_partner (self->store, *(gint64 *) key);
      GHashTableIter fields;
      gpointer field, draft;

      g_hash_table_iter_init (&fields, value);
      while (g_hash_table_iter_next (&fields, &field, &draft))
        /* Translators: partner name, field name, the text that was refused. */
        g_string_append_printf (text, _("%s — %s: “%s”\n"),
                                partner ? accord_partner_get_name (partner) : "",
                                accord_partner_field_get_label (GPOINTER_TO_UINT (field)),
                                (const char *) draft);
    }
  /* The current partner's drafts stay on screen, not in the table. */
  if (self->partner != NULL)
    {
      gint64 id = accord_partner_get_id (self->partner);
      g_hash_table_remove (self->drafts, &id);
    }

  if (text->len == 0)
    return NULL;
  g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Contacts */

typedef struct
{
  AccordStore *store;
  AccordPartner *partner;
  AccordContact *contact;
  gboolean was_primary;
} RemovedContact;

static void
removed_contact_free (gpointer data)
{
  RemovedContact *removed = data;

  g_object_unref (removed->store);
  g_object_unref (removed->partner);
  g_object_unref (removed->contact);
  g_free (removed);
}

static void
undo_remove_contact_cb (AdwToast       *t,
                        RemovedContact *removed)
{
  g_autoptr(GError) error = NULL;

  accord_contact_set_is_primary (removed->contact, removed->was_primary);
  if (!accord_store_add_contact (removed->store, removed->partner, removed->contact, &error))
    g_warning ("Could not restore the contact: %s", error->message);
}

static void
contact_remove_requested_cb (AccordContactRow  *row,
                             AccordPartnerPage *self)
{
  g_autoptr(GError) error = NULL;
  AccordContact *contact = accord_contact_row_get_contact (row);
  RemovedContact *removed;
  g_autofree char *title = NULL;
  AdwToast *t;

  removed = g_new0 (RemovedContact, 1);
  removed->store = g_object_ref (self->store);
  removed->partner = g_object_ref (self->partner);
  removed->contact = g_object_ref (contact);
  removed->was_primary = accord_contact_get_is_primary (contact);

  if (!accord_store_remove_contact (self->store, contact, &error))
    {
      removed_contact_free (removed);
      toast (self, adw_toast_new (error->message));
      return;
    }

  /* Translators: %s is a person's name. */
  title = g_strdup_printf (_("“%s” removed"), accord_contact_get_name (contact));
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_remove_contact_cb), removed,
                         (GClosureNotify) G_CALLBACK (removed_contact_free), 0);
  toast (self, t);
}

static void
contact_save_failed_cb (AccordContactRow  *row,
                        const char        *message,
                        AccordPartnerPage *self)
{
  toast (self, adw_toast_new (message));
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  AccordPartnerPage *self = user_data;
  GtkWidget *row = accord_contact_row_new (self->store, item);

  g_signal_connect_object (row, "remove-requested", G_CALLBACK (contact_remove_requested_cb),
                           self, 0);
  g_signal_connect_object (row, "save-failed", G_CALLBACK (contact_save_failed_cb), self, 0);
  return row;
}

static void
add_contact_named (const char *name,
                   gpointer    user_data)
{
  g_autoptr(AccordPartnerPage) self = user_data;
  g_autoptr(AccordContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint n;

  if (self->partner == NULL || self->store == NULL)
    return;

  contact = accord_contact_new (name);
  if (!accord_store_add_contact (self->store, self->partner, contact, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }

  /* Open the new contact so the next fields are one Tab away. */
  n = g_list_model_get_n_items (accord_store_get_contacts (self->store, self->partner));
  row = gtk_list_box_get_row_at_index (self->contacts_list, n - 1);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (widget);

  if (self->partner == NULL)
    return;
  accord_form_ask_name (widget, _("New Contact"), _("Name"), _("_Add"),
                        add_contact_named, g_object_ref (self));
}

/* Loading a partner */

static void
load_partner (AccordPartnerPage *self)
{
  self->loading = TRUE;
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      self->dirty[f] = FALSE;
      mark_field (self, f, NULL);
      if (self->partner != NULL && !field_is_combo (f))
        {
          g_autofree char *text = accord_partner_dup_field_text (self->partner, f);
          set_widget_text (self, f, text);
        }
    }
  load_combo (self);

  if (self->partner != NULL)
    {
      gtk_list_box_bind_model (self->contacts_list,
                               accord_store_get_contacts (self->store, self->partner),
                               create_contact_row, self, NULL);
      restore_drafts (self);
    }
  else
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);

  update_role_hint (self);
  self->loading = FALSE;
}

/* GObject */

static void
accord_partner_page_dispose (GObject *object)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (object);

  if (self->partner != NULL)
    accord_partner_page_set_partner (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->contacts_list != NULL)
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  /* AdwBin unparents its child itself; only the template's pointers go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PARTNER_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_partner_page_parent_class)->dispose (object);
}

static void
accord_partner_page_finalize (GObject *object)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (object);

  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (accord_partner_page_parent_class)->finalize (object);
}

static void
accord_partner_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, accord_partner_page_get_store (self));
      break;
    case PROP_PARTNER:
      g_value_set_object (value, accord_partner_page_get_partner (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      accord_partner_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTNER:
      accord_partner_page_set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_page_class_init (AccordPartnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_partner_page_dispose;
  object_class->finalize = accord_partner_page_finalize;
  object_class->get_property = accord_partner_page_get_property;
  object_class->set_property = accord_partner_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ACCORD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, ACCORD_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-partner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, website_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, tags_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, why_fit_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, position_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, identity_error);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, relationship_error);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, notes_error);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, preferences_page);

  gtk_widget_class_install_action (widget_class, "page.add-contact", NULL, add_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.add-contact", NULL);
}

static GListModel *
labels_model (const char *(*label) (int),
              int          n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static void
accord_partner_page_init (AccordPartnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);

  self->widgets[ACCORD_PARTNER_FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->widgets[ACCORD_PARTNER_FIELD_WEBSITE] = GTK_WIDGET (self->website_row);
  self->widgets[ACCORD_PARTNER_FIELD_DESCRIPTION] = GTK_WIDGET (self->description_row);
  self->widgets[ACCORD_PARTNER_FIELD_OWNER] = GTK_WIDGET (self->owner_row);
  self->widgets[ACCORD_PARTNER_FIELD_TAGS] = GTK_WIDGET (self->tags_row);
  self->widgets[ACCORD_PARTNER_FIELD_WHY_FIT] = GTK_WIDGET (self->why_fit_row);
  self->widgets[ACCORD_PARTNER_FIELD_POSITION] = GTK_WIDGET (self->position_row);
  self->widgets[ACCORD_PARTNER_FIELD_TYPE] = GTK_WIDGET (self->type_row);
  self->widgets[ACCORD_PARTNER_FIELD_SOURCE] = GTK_WIDGET (self->source_row);
  self->widgets[ACCORD_PARTNER_FIELD_TIER] = GTK_WIDGET (self->tier_row);
  self->widgets[ACCORD_PARTNER_FIELD_NOTES] = GTK_WIDGET (self->notes_view);

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      GtkWidget *w = self->widgets[f];

      g_assert (w != NULL);
      if (f == ACCORD_PARTNER_FIELD_NOTES)
        self->error_labels[f] = self->notes_error;
      else if (f == ACCORD_PARTNER_FIELD_WHY_FIT || field_is_combo (f))
        self->error_labels[f] = self->relationship_error;
      else
        self->error_labels[f] = self->identity_error;

      if (ADW_IS_ENTRY_ROW (w))
        {
          accord_form_label_entry_row (ADW_ENTRY_ROW (w));
          g_signal_connect (w, "changed", G_CALLBACK (entry_changed_cb), self);
          g_signal_connect (w, "entry-activated", G_CALLBACK (entry_activated_cb), self);
        }
      else if (ADW_IS_COMBO_ROW (w))
        g_signal_connect (w, "notify::selected", G_CALLBACK (combo_selected_cb), self);
    }

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);

  adw_combo_row_set_model (self->position_row,
                           labels_model ((gpointer) accord_position_get_label, ACCORD_N_POSITIONS));
  adw_combo_row_set_model (self->type_row,
                           labels_model ((gpointer) accord_partnership_type_get_label,
                                         ACCORD_N_PARTNERSHIP_TYPES));
  adw_combo_row_set_model (self->source_row,
                           labels_model ((gpointer) accord_source_get_label, ACCORD_N_SOURCES));
  adw_combo_row_set_model (self->tier_row,
                           labels_model ((gpointer) accord_tier_get_label, ACCORD_N_TIERS));
}

GtkWidget *
accord_partner_page_new (void)
{
  return g_object_new (ACCORD_TYPE_PARTNER_PAGE, NULL);
}

AccordStore *
accord_partner_page_get_store (AccordPartnerPage *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_PAGE (self), NULL);
  return self->store;
}

void
accord_partner_page_set_store (AccordPartnerPage *self,
                               AccordStore       *store)
{
  g_return_if_fail (ACCORD_IS_PARTNER_PAGE (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;

  accord_partner_page_set_partner (self, NULL);
  g_hash_table_remove_all (self->drafts);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AccordPartner *
accord_partner_page_get_partner (AccordPartnerPage *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_PAGE (self), NULL);
  return self->partner;
}

void
accord_partner_page_set_partner (AccordPartnerPage *self,
                                 AccordPartner     *partner)
{
  g_return_if_fail (ACCORD_IS_PARTNER_PAGE (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));
  g_return_if_fail (partner == NULL || self->store != NULL);

  if (self->partner == partner)
    return;

  if (self->partner != NULL)
    {
      accord_partner_page_flush (self);
      keep_drafts (self);
      g_clear_signal_handler (&self->partner_notify_id, self->partner);
    }

  g_set_object (&self->partner, partner);
  if (partner != NULL)
    self->partner_notify_id = g_signal_connect_object (partner, "notify",
                                                       G_CALLBACK (partner_notify_cb), self,
                                                       G_CONNECT_SWAPPED);
  load_partner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

void
accord_partner_page_focus_name (AccordPartnerPage *self)
{
  g_return_if_fail (ACCORD_IS_PARTNER_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
