/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-partner-page.h"

#include "accord-locale.h"
#include "accord-activity-group.h"
#include "accord-agreement-summary.h"
#include "accord-health-group.h"
#include "accord-partner-chart.h"
#include "accord-task-group.h"
#include "accord-contact-row.h"
#include "accord-form.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-stage-change.h"

#include <stdio.h>

#define SAVE_DELAY_MS 400

struct _AccordPartnerPage
{
  AdwBin parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  gulong partner_notify_id;

  /* Groups with their own files: next steps, agreement, activity. */
  AccordTaskGroup *task_group;
  AccordAgreementSummary *agreement_summary;
  AccordActivityGroup *activity_group;
  AccordHealthGroup *health_group;
  AccordPartnerChart *partner_chart;

  /* Per field: the widget, whether it waits to be saved, whether its text
   * was refused. */
  GtkWidget *widgets[ACCORD_N_PARTNER_FIELDS];
  GtkWidget *error_labels[ACCORD_N_PARTNER_FIELDS];
  gboolean dirty[ACCORD_N_PARTNER_FIELDS];
  gboolean invalid[ACCORD_N_PARTNER_FIELDS];
  guint save_source;
  gboolean loading;
  /* The Fit section's fields (most of them) are filled only while it is
   * shown: whether it shows the current partner, and which fields are its. */
  gboolean fit_loaded;
  gboolean in_fit[ACCORD_N_PARTNER_FIELDS];

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
  GtkLabel *role_hint;
  AdwPreferencesPage *fit_page;
  AdwPreferencesGroup *fit_group;
  AdwActionRow *score_row;
  GtkLabel *score_label;
  AdwComboRow *priority_row;
  AdwActionRow *stage_row;
  GtkMenuButton *move_button;
  AdwExpanderRow *history_row;
  GListModel *history;
  GPtrArray *history_rows;
  GtkGrid *canvas_grid;
  AdwEntryRow *value_proposition_row;
  GtkWidget *canvas_error;
  /* Per criterion, the five toggle buttons for ratings 1..5. */
  GtkToggleButton *rating_buttons[ACCORD_N_CRITERIA][ACCORD_RATING_MAX];
  GtkListBox *contacts_list;
  GListModel *contacts;             /* the partner's, shown in contacts_list */
  gulong contacts_changed_id;
  AdwPreferencesPage *preferences_page;
  GtkStack *tab_stack;
  GtkStackSwitcher *tab_switcher;
  GtkScrolledWindow *tab_scroller;
};

G_DEFINE_FINAL_TYPE (AccordPartnerPage, accord_partner_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_fit   (AccordPartnerPage *self);
static void update_stage (AccordPartnerPage *self);
static void toast        (AccordPartnerPage *self, AdwToast *t);

static gboolean
field_is_combo (AccordPartnerField field)
{
  return field == ACCORD_PARTNER_FIELD_SOURCE || field == ACCORD_PARTNER_FIELD_POSITION ||
         field == ACCORD_PARTNER_FIELD_TYPE || field == ACCORD_PARTNER_FIELD_TIER ||
         field == ACCORD_PARTNER_FIELD_PRIORITY;
}

static gboolean
field_is_rating (AccordPartnerField field)
{
  return field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
         field <= ACCORD_PARTNER_FIELD_READINESS;
}

static char *
widget_text (AccordPartnerPage  *self,
             AccordPartnerField  field)
{
  GtkWidget *widget = self->widgets[field];

  if (GTK_IS_TEXT_VIEW (widget))
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
        case ACCORD_PARTNER_FIELD_PRIORITY:
          return g_strdup (accord_priority_to_key (selected));
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

  if (GTK_IS_TEXT_VIEW (widget))
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
  adw_combo_row_set_selected (self->priority_row,
                              accord_partner_get_priority_override (self->partner));
}

/* The hint is a label of the page's own, not the group's description:
 * that one breaks between any two letters, so GTK measured it at widths
 * of a few pixels, a line per letter, whenever it changed, which took a
 * tenth of a partner switch. This one breaks between words and is at
 * least 20 characters wide. */
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
  gtk_label_set_label (self->role_hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_hint), hint != NULL);
}

static void
mark_field (AccordPartnerPage  *self,
            AccordPartnerField  field,
            const GError       *error)
{
  GtkWidget *label = self->error_labels[field];

  if (self->widgets[field] == NULL)
    return;
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
text_buffer_changed_cb (GtkTextBuffer     *buffer,
                        AccordPartnerPage *self)
{
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->widgets[f] != NULL && GTK_IS_TEXT_VIEW (self->widgets[f]) &&
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widgets[f])) == buffer)
      field_changed (self, f);
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
  else if (g_str_equal (pspec->name, "fit-score") || g_str_equal (pspec->name, "priority") ||
           g_str_equal (pspec->name, "priority-override"))
    {
      if (self->fit_loaded)
        update_fit (self);
    }
  else if (g_str_equal (pspec->name, "stage") || g_str_equal (pspec->name, "stage-since"))
    update_stage (self);
  else if (g_str_equal (pspec->name, "tier") && self->fit_loaded)
    {
      /* Set elsewhere (the suggested tier, its undo): show it, without saving it again. */
      gboolean was_loading = self->loading;

      self->loading = TRUE;
      adw_combo_row_set_selected (self->tier_row, accord_partner_get_tier (self->partner));
      self->loading = was_loading;
    }
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
      /* A valid draft was kept because the disk refused it: try again. */
      if (error == NULL)
        self->dirty[field] = TRUE;
    }
  g_hash_table_remove (self->drafts, &id);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
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

/* One row per contact, in the model's order. Rows are kept and given
 * another contact rather than made anew (see accord_contact_row_set_contact()),
 * and rows beyond the last contact are kept too, hidden, for the next
 * partner with more contacts: making and dropping them was a twentieth
 * of a partner switch. */
static void
sync_contact_rows (AccordPartnerPage *self)
{
  guint n = self->contacts != NULL ? g_list_model_get_n_items (self->contacts) : 0;
  GtkListBoxRow *row;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (self->contacts, i);

      row = gtk_list_box_get_row_at_index (self->contacts_list, i);
      if (row != NULL)
        accord_contact_row_set_contact (ACCORD_CONTACT_ROW (row), contact);
      else
        gtk_list_box_append (self->contacts_list, create_contact_row (contact, self));
    }
  for (guint i = n; (row = gtk_list_box_get_row_at_index (self->contacts_list, i)) != NULL; i++)
    accord_contact_row_set_contact (ACCORD_CONTACT_ROW (row), NULL);
}

static void
bind_contacts (AccordPartnerPage *self,
               GListModel        *contacts)
{
  if (self->contacts != NULL)
    {
      g_clear_signal_handler (&self->contacts_changed_id, self->contacts);
      g_clear_object (&self->contacts);
    }
  if (contacts != NULL)
    {
      self->contacts = g_object_ref (contacts);
      self->contacts_changed_id = g_signal_connect_swapped (contacts, "items-changed",
                                                            G_CALLBACK (sync_contact_rows), self);
    }
  sync_contact_rows (self);
}

static void
add_contact_named (const char *name,
                   gpointer    user_data)
{
  AccordPartnerPage *self = user_data;
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
                        add_contact_named, g_object_ref (self), g_object_unref);
}

/* The scorecard */

static void
update_fit (AccordPartnerPage *self)
{
  g_autofree char *score_text = NULL;
  g_autofree char *priority_subtitle = NULL;
  AccordFitBand band;
  AccordPriority priority;
  int score;

  if (self->partner == NULL)
    return;

  self->loading = TRUE;
  for (guint c = 0; c < ACCORD_N_CRITERIA; c++)
    {
      int rating = accord_partner_get_rating (self->partner, c);
      for (int r = 0; r < ACCORD_RATING_MAX; r++)
        gtk_toggle_button_set_active (self->rating_buttons[c][r], r + 1 == rating);
    }
  self->loading = FALSE;

  band = accord_partner_get_fit_band (self->partner);
  if (accord_partner_get_fit_score (self->partner, &score))
    {
      /* Translators: a fit score out of the maximum, e.g. "42 of 55". */
      score_text = g_strdup_printf (_("%d of %d"), score, ACCORD_FIT_SCORE_MAX);
      adw_action_row_set_subtitle (self->score_row, accord_fit_band_get_label (band));
    }
  else
    {
      score_text = g_strdup (_("Incomplete"));
      adw_action_row_set_subtitle (self->score_row,
                                   _("Rate all five criteria to see the score and its band"));
    }
  gtk_label_set_text (self->score_label, score_text);

  priority = accord_partner_get_priority (self->partner);
  if (accord_partner_get_priority_override (self->partner) != ACCORD_PRIORITY_AUTOMATIC)
    /* Translators: %s is the priority the fit band would give. */
    priority_subtitle = g_strdup_printf (_("Set by you. The fit suggests: %s"),
                                         band == ACCORD_FIT_BAND_INCOMPLETE
                                         ? _("nothing yet")
                                         : accord_priority_get_label (accord_priority_for_band (band)));
  else if (priority != ACCORD_PRIORITY_AUTOMATIC)
    /* Translators: %s is a priority, e.g. "High". */
    priority_subtitle = g_strdup_printf (_("%s, from the fit"), accord_priority_get_label (priority));
  else
    priority_subtitle = g_strdup (_("Follows the fit once it is complete"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->priority_row), priority_subtitle);
}

static void
rating_toggled_cb (GtkToggleButton   *button,
                   AccordPartnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int criterion = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "criterion"));
  int rating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rating"));
  int current;

  if (self->loading || self->partner == NULL)
    return;

  /* Clicking the current rating again clears it. */
  current = accord_partner_get_rating (self->partner, criterion);
  if (gtk_toggle_button_get_active (button))
    text = g_strdup_printf ("%d", rating);
  else if (current == rating)
    text = g_strdup ("");
  else
    return;

  if (!accord_store_set_partner_field (self->store, self->partner,
                                       accord_partner_field_for_criterion (criterion), text, &error))
    toast (self, adw_toast_new (error->message));
  update_fit (self);
}

static void
build_ratings (AccordPartnerPage *self)
{
  for (guint c = 0; c < ACCORD_N_CRITERIA; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *title = NULL;

      /* Translators: criterion name and its weight, e.g. "Reach and influence (×2)". */
      title = g_strdup_printf (_("%s (×%d)"), accord_criterion_get_label (c),
                               accord_criterion_get_weight (c));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), accord_criterion_get_questions (c));
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_add_css_class (box, "rating");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      for (int r = 0; r < ACCORD_RATING_MAX; r++)
        {
          g_autofree char *label = g_strdup_printf ("%d", r + 1);
          /* Translators: accessible name of a rating button, e.g. "Reach and influence: 3 of 5". */
          g_autofree char *name = g_strdup_printf (_("%s: %d of 5"), accord_criterion_get_label (c),
                                                   r + 1);
          GtkWidget *button = gtk_toggle_button_new_with_label (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          accord_form_set_tooltip (button, name);
          g_object_set_data (G_OBJECT (button), "criterion", GINT_TO_POINTER (c));
          g_object_set_data (G_OBJECT (button), "rating", GINT_TO_POINTER (r + 1));
          g_signal_connect (button, "toggled", G_CALLBACK (rating_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), button);
          self->rating_buttons[c][r] = GTK_TOGGLE_BUTTON (button);
        }

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->fit_group, row);
    }
}

/* The value proposition canvas */

static void
build_canvas (AccordPartnerPage *self)
{
  static const AccordPartnerField quadrants[] = {
    ACCORD_PARTNER_FIELD_THEIR_GAINS, ACCORD_PARTNER_FIELD_OUR_OFFERINGS,
    ACCORD_PARTNER_FIELD_THEIR_PAINS, ACCORD_PARTNER_FIELD_OUR_RELIEVERS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      AccordPartnerField field = quadrants[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (accord_partner_field_get_label (field));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      /* Long in some languages: it wraps, and a one-line heading beside a
       * two-line one sits at the bottom so the two fields still line up. */
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_yalign (GTK_LABEL (heading), 1.0);
      gtk_widget_set_vexpand (heading, TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      /* Tab moves on to the next field instead of typing a tab. */
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 80);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accord_partner_field_get_label (field), -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), frame);
      gtk_grid_attach (self->canvas_grid, box, i % 2, i / 2, 1, 1);
      self->widgets[field] = view;
    }
}

/* The lifecycle */

/* The moves the lifecycle allows from the partner's stage. */
static GMenu *
build_move_menu (AccordPartnerPage *self)
{
  GMenu *menu = g_menu_new ();
  AccordStage stage;

  if (self->partner == NULL)
    return menu;

  stage = accord_partner_get_stage (self->partner);
  for (int to = 0; to < ACCORD_N_STAGES; to++)
    if (accord_stage_can_move (stage, to, accord_partner_get_held_from (self->partner), NULL))
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (accord_stage_get_label (to), NULL);
        g_menu_item_set_action_and_target_value (item, "page.move-to", g_variant_new_int32 (to));
        g_menu_append_item (menu, item);
      }
  return menu;
}

static void
update_stage (AccordPartnerPage *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  AccordStage stage;
  const char *since;
  int days;

  if (self->partner == NULL || self->store == NULL)
    return;

  stage = accord_partner_get_stage (self->partner);
  since = accord_partner_get_stage_since (self->partner);
  days = accord_days_between (since, accord_store_get_today (self->store));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_row),
                                 accord_stage_get_label (stage));
  if (stage == ACCORD_STAGE_ON_HOLD && accord_partner_get_revisit_on (self->partner) != NULL)
    {
      shown = accord_format_date_display (accord_partner_get_revisit_on (self->partner));
      /* Translators: the date a partner on hold is looked at again. */
      subtitle = g_strdup_printf (_("Revisit on %s"), shown);
    }
  else if (days >= 0)
    {
      shown = accord_format_date_display (since);
      /* Translators: %s is a date, %d a number of days in the current stage. */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Since %s, %d day",
                                               "Since %s, %d days", days),
                                  shown, days);
    }
  adw_action_row_set_subtitle (self->stage_row, subtitle);

  /* The menu is built when it opens (a popover is costly); here only
   * whether there is anywhere to go. */
  menu = build_move_menu (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
move_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  AccordPartnerPage *self = user_data;
  g_autoptr(GMenu) menu = build_move_menu (self);

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The rows are made only while the history is expanded: GTK measures what
 * a collapsed row holds as well, at every partner switch. */
static void
rebuild_history (AccordPartnerPage *self)
{
  gboolean expanded;
  guint n;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, self->history_rows->pdata[i]);
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->history == NULL)
    return;

  /* Newest first: what happened last matters most. */
  n = g_list_model_get_n_items (self->history);
  expanded = adw_expander_row_get_expanded (self->history_row);
  for (guint i = n; expanded && i > 0; i--)
    {
      g_autoptr(AccordStageChange) change = g_list_model_get_item (self->history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      const char *note = accord_stage_change_get_note (change);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     accord_stage_get_label (accord_stage_change_get_stage (change)));
      g_autofree char *date = accord_format_date_display (accord_stage_change_get_date (change));

      if (note != NULL && *note != '\0')
        subtitle = g_strdup_printf ("%s — %s", date, note);
      else
        subtitle = g_steal_pointer (&date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  {
    /* Translators: the number of recorded stage changes. */
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change",
                                                           "%u changes", n), n);
    adw_expander_row_set_subtitle (self->history_row, count);
  }
}

static void
history_expanded_cb (AccordPartnerPage *self)
{
  if (adw_expander_row_get_expanded (self->history_row) && self->history_rows->len == 0)
    rebuild_history (self);
}

static void
history_changed_cb (AccordPartnerPage *self)
{
  rebuild_history (self);
}

static void
unbind_history (AccordPartnerPage *self)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_changed_cb, self);
  g_clear_object (&self->history);
}

static void
bind_history (AccordPartnerPage *self)
{
  g_autoptr(GError) error = NULL;

  unbind_history (self);
  if (self->partner != NULL && self->store != NULL)
    {
      GListModel *history = accord_store_get_stage_history (self->store, self->partner, &error);

      if (history != NULL)
        {
          self->history = g_object_ref (history);
          g_signal_connect_swapped (history, "items-changed", G_CALLBACK (history_changed_cb), self);
        }
      else
        toast (self, adw_toast_new (error->message));
    }
  rebuild_history (self);
}

typedef struct
{
  AccordPartnerPage *page;
  AccordPartner *partner;
  AccordStage to;
  GtkEditable *note;
  GtkEditable *revisit;
} MoveRequest;

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MoveRequest      *request)
{
  if (g_strcmp0 (response, "move") == 0)
    {
      g_autoptr(GError) error = NULL;
      const char *revisit = request->revisit ? gtk_editable_get_text (request->revisit) : NULL;

      if (!accord_store_move_partner (request->page->store, request->partner, request->to, NULL,
                                      gtk_editable_get_text (request->note), revisit, &error))
        toast (request->page, adw_toast_new (error->message));
    }
  g_object_unref (request->page);
  g_object_unref (request->partner);
  g_free (request);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (widget);
  AccordStage to = g_variant_get_int32 (parameter);
  MoveRequest *request;
  GtkWidget *dialog, *box, *note;
  g_autofree char *heading = NULL;

  if (self->partner == NULL || (guint) to >= ACCORD_N_STAGES)
    return;

  /* Translators: %s is a stage, e.g. "Move to Negotiating". */
  heading = g_strdup_printf (_("Move to %s"), accord_stage_get_label (to));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("The move is dated %s."),
                                  accord_store_get_today (self->store));

  request = g_new0 (MoveRequest, 1);
  request->page = g_object_ref (self);
  request->partner = g_object_ref (self->partner);
  request->to = to;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  gtk_box_append (GTK_BOX (box), note);
  request->note = GTK_EDITABLE (note);

  if (to == ACCORD_STAGE_ON_HOLD)
    {
      GtkWidget *label = gtk_label_new (_("Revisit on (YYYY-MM-DD)"));
      GtkWidget *revisit = gtk_entry_new ();
      g_autofree char *suggested = accord_date_add_months (accord_store_get_today (self->store),
                                                           ACCORD_HOLD_DEFAULT_MONTHS);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_editable_set_text (GTK_EDITABLE (revisit), suggested);
      gtk_accessible_update_property (GTK_ACCESSIBLE (revisit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Revisit on"), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), revisit);
      request->revisit = GTK_EDITABLE (revisit);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (move_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note);
}

/* Loading a partner */

/* The Fit section's fields from the partner, but for those holding what
 * the user typed (a kept draft, or text waiting to be saved). */
static void
load_fit (AccordPartnerPage *self)
{
  gboolean was_loading = self->loading;

  if (self->partner == NULL)
    return;
  self->loading = TRUE;
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    if (self->in_fit[f] && !field_is_combo (f) && !self->dirty[f] && !self->invalid[f])
      {
        g_autofree char *text = accord_partner_dup_field_text (self->partner, f);
        set_widget_text (self, f, text);
      }
  load_combo (self);
  update_fit (self);
  self->loading = was_loading;
  self->fit_loaded = TRUE;
}

static gboolean
fit_shown (AccordPartnerPage *self)
{
  return gtk_stack_get_visible_child (self->tab_stack) == GTK_WIDGET (self->fit_page);
}

static void
load_partner (AccordPartnerPage *self)
{
  self->loading = TRUE;
  /* Filled when shown: GTK would lay none of it out now, but setting
   * the combos and entries alone took a third of a partner switch. */
  self->fit_loaded = FALSE;
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      self->dirty[f] = FALSE;
      mark_field (self, f, NULL);
      if (self->partner != NULL && self->widgets[f] != NULL && !self->in_fit[f])
        {
          g_autofree char *text = accord_partner_dup_field_text (self->partner, f);
          set_widget_text (self, f, text);
        }
    }

  if (self->partner != NULL)
    {
      bind_contacts (self, accord_store_get_contacts (self->store, self->partner));
      restore_drafts (self);
    }
  else
    bind_contacts (self, NULL);
  if (fit_shown (self))
    load_fit (self);

  update_role_hint (self);
  update_stage (self);
  bind_history (self);
  self->loading = FALSE;
}

/* GObject */

static void
accord_partner_page_dispose (GObject *object)
{
  AccordPartnerPage *self = ACCORD_PARTNER_PAGE (object);

  if (self->partner != NULL)
    accord_partner_page_set_partner (self, NULL);
  unbind_history (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->contacts_list != NULL)
    bind_contacts (self, NULL);
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
  g_ptr_array_unref (self->history_rows);

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
  g_type_ensure (ACCORD_TYPE_TASK_GROUP);
  g_type_ensure (ACCORD_TYPE_AGREEMENT_SUMMARY);
  g_type_ensure (ACCORD_TYPE_ACTIVITY_GROUP);
  g_type_ensure (ACCORD_TYPE_HEALTH_GROUP);
  g_type_ensure (ACCORD_TYPE_PARTNER_CHART);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, health_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, partner_chart);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, task_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, agreement_summary);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, activity_group);
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
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, role_hint);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, tab_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, tab_switcher);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, tab_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, fit_page);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, fit_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, score_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, move_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, canvas_grid);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, value_proposition_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerPage, canvas_error);

  gtk_widget_class_install_action (widget_class, "page.move-to", "i", move_to_action);

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

/* The sections with their own groups fill from the store, and then take
 * long to lay out: only the section on show holds the partner. The others
 * let go of the one they showed (so they do not refresh it in the
 * background) and fill when their tab is chosen. */
static void
fill_sections (AccordPartnerPage *self)
{
  const char *section = gtk_stack_get_visible_child_name (self->tab_stack);
  AccordPartner *partner = self->partner;
  gboolean work = g_strcmp0 (section, "work") == 0;
  gboolean agreement = g_strcmp0 (section, "agreement") == 0;
  gboolean health = g_strcmp0 (section, "health") == 0;

  if (partner != NULL && !self->fit_loaded && g_strcmp0 (section, "fit") == 0)
    load_fit (self);
  accord_task_group_set_partner (self->task_group, work ? partner : NULL);
  accord_activity_group_set_partner (self->activity_group, work ? partner : NULL);
  accord_agreement_summary_set_partner (self->agreement_summary, agreement ? partner : NULL);
  accord_health_group_set_partner (self->health_group, health ? partner : NULL);
  accord_partner_chart_set_partner (self->partner_chart, health ? partner : NULL);
}

static void
section_changed_cb (AccordPartnerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *shown = gtk_stack_get_visible_child (self->tab_stack);

  for (GtkWidget *tab = gtk_widget_get_first_child (GTK_WIDGET (self->tab_switcher));
       tab != NULL; tab = gtk_widget_get_next_sibling (tab))
    {
      graphene_rect_t bounds;

      if (!GTK_IS_TOGGLE_BUTTON (tab) || !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tab)))
        continue;
      /* The focus must not stay in a section that is no longer shown: it
       * goes to the chosen tab, where a click on the tab would have put it. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tab_stack))
          && (shown == NULL || !gtk_widget_is_ancestor (focus, shown)))
        gtk_widget_grab_focus (tab);
      /* In a narrow window the tabs scroll: keep the chosen one in view. */
      if (gtk_widget_compute_bounds (tab, GTK_WIDGET (self->tab_switcher), &bounds))
        gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->tab_scroller),
                                   bounds.origin.x - 12,
                                   bounds.origin.x + bounds.size.width + 12);
    }
  if (self->store != NULL)
    fill_sections (self);
}

static void
accord_partner_page_init (AccordPartnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->tab_stack, "notify::visible-child",
                           G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_row, "notify::expanded",
                           G_CALLBACK (history_expanded_cb), self, G_CONNECT_SWAPPED);

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
  self->widgets[ACCORD_PARTNER_FIELD_PRIORITY] = GTK_WIDGET (self->priority_row);
  self->widgets[ACCORD_PARTNER_FIELD_VALUE_PROPOSITION] = GTK_WIDGET (self->value_proposition_row);
  build_canvas (self);
  build_ratings (self);
  gtk_menu_button_set_create_popup_func (self->move_button, move_popup_cb, self, NULL);
  self->history_rows = g_ptr_array_new ();

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      GtkWidget *w = self->widgets[f];

      /* Ratings have their own buttons; every other field has a widget. */
      g_assert (w != NULL || field_is_rating (f));
      if (w == NULL)
        continue;
      self->in_fit[f] = gtk_widget_is_ancestor (w, GTK_WIDGET (self->fit_page));
      if (f == ACCORD_PARTNER_FIELD_NOTES)
        self->error_labels[f] = self->notes_error;
      else if (f >= ACCORD_PARTNER_FIELD_THEIR_GAINS)
        self->error_labels[f] = self->canvas_error;
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
      else if (GTK_IS_TEXT_VIEW (w))
        g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), "changed",
                          G_CALLBACK (text_buffer_changed_cb), self);
    }

  adw_combo_row_set_model (self->position_row,
                           labels_model ((gpointer) accord_position_get_label, ACCORD_N_POSITIONS));
  adw_combo_row_set_model (self->type_row,
                           labels_model ((gpointer) accord_partnership_type_get_label,
                                         ACCORD_N_PARTNERSHIP_TYPES));
  adw_combo_row_set_model (self->source_row,
                           labels_model ((gpointer) accord_source_get_label, ACCORD_N_SOURCES));
  adw_combo_row_set_model (self->tier_row,
                           labels_model ((gpointer) accord_tier_get_label, ACCORD_N_TIERS));
  adw_combo_row_set_model (self->priority_row,
                           labels_model ((gpointer) accord_priority_get_label, ACCORD_N_PRIORITIES));
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
  accord_task_group_set_store (self->task_group, store);
  accord_agreement_summary_set_store (self->agreement_summary, store);
  accord_activity_group_set_store (self->activity_group, store);
  accord_health_group_set_store (self->health_group, store);
  accord_partner_chart_set_store (self->partner_chart, store);
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
  fill_sections (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

/**
 * accord_partner_page_show_section:
 * @name: "overview", "fit", "work", "agreement" or "health"
 *
 * Shows that section of the page, as choosing its tab does.
 */
void
accord_partner_page_show_section (AccordPartnerPage *self,
                                  const char        *name)
{
  g_return_if_fail (ACCORD_IS_PARTNER_PAGE (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->tab_stack, name) != NULL);

  gtk_stack_set_visible_child_name (self->tab_stack, name);
}

const char *
accord_partner_page_get_section (AccordPartnerPage *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->tab_stack);
}

void
accord_partner_page_focus_name (AccordPartnerPage *self)
{
  g_return_if_fail (ACCORD_IS_PARTNER_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
