/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-merge-dialog.h"
#include "accord-form.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "accord-merge.h"
#include "accord-store.h"
#include "accord-window.h"

/* Two pages in a window: the duplicate to merge (a searchable list of the
 * other partners), then the fields both have and differ on, each a pair
 * of radio buttons (this partner's value or the duplicate's). Merging is
 * one transaction (accord_merge_partners()); the toast's Undo reverses it
 * (accord_merge_undo()). */

typedef struct
{
  GWeakRef       window;
  AccordPartner *partner;
  AccordPartner *other;
  GtkWindow     *dialog;
  GtkStack      *stack;
  GtkWidget     *search;
  GtkWidget     *candidates;
  GtkWidget     *fields_box;
  GtkWidget     *fields_group;
  GtkWidget     *take_other[ACCORD_N_PARTNER_FIELDS];
  GtkWidget     *end_agreement;
  GtkWidget     *figures_other;
  GtkWidget     *merge_button;
  GtkWidget     *error_label;
  GtkWidget     *back;
} MergeDialog;

typedef struct
{
  GWeakRef         window;
  AccordMergeUndo *undo;
} UndoData;

static void
merge_dialog_free (gpointer data)
{
  MergeDialog *m = data;

  g_weak_ref_clear (&m->window);
  g_clear_object (&m->partner);
  g_clear_object (&m->other);
  g_free (m);
}

static void
undo_data_free (gpointer data)
{
  UndoData *u = data;

  g_weak_ref_clear (&u->window);
  g_clear_pointer (&u->undo, accord_merge_undo_free);
  g_free (u);
}

static MergeDialog *
get_dialog (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "accord-merge-dialog");
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *u)
{
  g_autoptr(AccordWindow) window = g_weak_ref_get (&u->window);
  g_autoptr(GError) error = NULL;

  if (window == NULL || u->undo == NULL)
    return;
  if (!accord_merge_undo (accord_window_get_store (window), u->undo, &error))
    accord_window_add_toast (window, adw_toast_new (error->message));
  g_clear_pointer (&u->undo, accord_merge_undo_free);
}

static void
merge_clicked_cb (MergeDialog *m)
{
  g_autoptr(AccordWindow) window = g_weak_ref_get (&m->window);
  gboolean take_other[ACCORD_N_PARTNER_FIELDS] = { FALSE, };
  g_autoptr(AccordMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  AccordMergeFlags flags = ACCORD_MERGE_DEFAULT;
  AdwToast *toast;
  UndoData *u;
  g_autofree char *title = NULL;

  if (window == NULL || m->other == NULL)
    return;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    take_other[f] = m->take_other[f] != NULL &&
                    gtk_check_button_get_active (GTK_CHECK_BUTTON (m->take_other[f]));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (m->end_agreement)))
    flags |= ACCORD_MERGE_DEMOTE_AGREEMENT;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (m->figures_other)))
    flags |= ACCORD_MERGE_FIGURES_OTHER;

  if (!accord_merge_partners (accord_window_get_store (window), m->partner, m->other,
                              take_other, flags, &undo, &error))
    {
      /* Inline, keeping every choice made. */
      gtk_label_set_text (GTK_LABEL (m->error_label), error->message);
      gtk_widget_set_visible (m->error_label, TRUE);
      return;
    }

  title = g_strdup_printf (_("Merged “%s” into “%s”"), accord_partner_get_name (m->other),
                           accord_partner_get_name (m->partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  u = g_new0 (UndoData, 1);
  g_weak_ref_init (&u->window, window);
  u->undo = g_steal_pointer (&undo);
  g_object_set_data_full (G_OBJECT (toast), "accord-merge-undo", u, undo_data_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), u);
  accord_window_add_toast (window, toast);
  gtk_window_close (m->dialog);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (*text != '\0' ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  if (*text == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
accord_merge_dialog_choose (GtkWindow     *dialog,
                            AccordPartner *other)
{
  MergeDialog *m = get_dialog (dialog);
  GtkWidget *grid;
  guint row = 1;

  g_return_if_fail (m != NULL);
  g_return_if_fail (ACCORD_IS_PARTNER (other));

  g_set_object (&m->other, other);
  memset (m->take_other, 0, sizeof m->take_other);
  gtk_widget_set_visible (m->error_label, FALSE);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  {
    GtkWidget *a = gtk_label_new (accord_partner_get_name (m->partner));
    GtkWidget *b = gtk_label_new (accord_partner_get_name (other));

    gtk_widget_add_css_class (a, "heading");
    gtk_widget_add_css_class (b, "heading");
    gtk_label_set_xalign (GTK_LABEL (a), 0);
    gtk_label_set_xalign (GTK_LABEL (b), 0);
    gtk_grid_attach (GTK_GRID (grid), a, 1, 0, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), b, 2, 0, 1, 1);
  }

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autofree char *mine = accord_partner_dup_field_text (m->partner, f);
      g_autofree char *theirs = accord_partner_dup_field_text (other, f);
      g_autofree char *name = NULL;
      g_autofree char *keep_label = NULL;
      g_autofree char *take_label = NULL;
      const char *label = accord_partner_field_get_label (f);
      GtkWidget *field, *keep, *take;

      if (g_strcmp0 (mine, theirs) == 0)
        continue;

      field = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (field), 0);
      gtk_widget_set_valign (field, GTK_ALIGN_START);
      gtk_widget_add_css_class (field, "dim-label");
      keep = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (keep), value_label (mine));
      take = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (take), value_label (theirs));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (take), GTK_CHECK_BUTTON (keep));
      /* An empty value never wins by default over a filled one. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (*mine == '\0' ? take : keep), TRUE);
      keep_label = g_strdup_printf (_("%s: keep “%s”"), label, mine);
      take_label = g_strdup_printf (_("%s: take “%s”"), label, theirs);
      gtk_accessible_update_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      keep_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (take), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      take_label, -1);
      name = g_strdup_printf ("merge-take-other-%s", accord_partner_field_to_key (f));
      gtk_widget_set_name (take, name);
      gtk_grid_attach (GTK_GRID (grid), field, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), keep, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), take, 2, row, 1, 1);
      m->take_other[f] = take;
      row++;
    }

  if (row == 1)
    {
      GtkWidget *same = gtk_label_new (_("The two partners have the same values in every field."));

      gtk_widget_add_css_class (same, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), same, 0, 1, 3, 1);
    }

  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (m->fields_box)) != NULL)
      gtk_box_remove (GTK_BOX (m->fields_box), child);
  }
  gtk_box_append (GTK_BOX (m->fields_box), grid);
  gtk_stack_set_visible_child_name (m->stack, "fields");
  gtk_widget_set_visible (m->back, TRUE);
  gtk_widget_set_visible (m->merge_button, TRUE);
}

static gboolean
candidate_filter (gpointer item,
                  gpointer user_data)
{
  MergeDialog *m = user_data;
  AccordPartner *partner = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (m->search));
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (partner == m->partner)
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;
  name = g_utf8_casefold (accord_partner_get_name (partner), -1);
  needle = g_utf8_casefold (text, -1);
  return strstr (name, needle) != NULL;
}

static GtkWidget *
candidate_row (gpointer item,
               gpointer user_data)
{
  AccordPartner *partner = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (accord_partner_get_name (partner), -1);
  g_autofree char *subtitle = g_markup_escape_text (accord_partner_get_website (partner), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "partner", g_object_ref (partner), g_object_unref);
  return row;
}

static void
candidate_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        MergeDialog   *m)
{
  accord_merge_dialog_choose (m->dialog, g_object_get_data (G_OBJECT (row), "partner"));
}

static void
search_changed_cb (MergeDialog *m)
{
  GtkFilter *filter = g_object_get_data (G_OBJECT (m->candidates), "filter");

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
back_clicked_cb (MergeDialog *m)
{
  gtk_stack_set_visible_child_name (m->stack, "pick");
  gtk_widget_set_visible (m->back, FALSE);
  gtk_widget_set_visible (m->merge_button, FALSE);
}

static GtkWidget *
option_row (const char  *title,
            const char  *subtitle,
            const char  *name,
            GtkWidget  **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = check;
  return row;
}

/* Escape in the search field clears it, or closes the dialog when empty. */
static void
search_stop_cb (GtkEditable *search,
                GtkWindow   *dialog)
{
  if (*gtk_editable_get_text (search) != '\0')
    gtk_editable_set_text (search, "");
  else
    gtk_window_close (dialog);
}

GtkWindow *
accord_merge_dialog_present (AccordWindow  *window,
                             AccordPartner *partner)
{
  AccordStore *store;
  MergeDialog *m;
  GtkWidget *dialog, *content, *header, *pick, *fields, *scrolled, *clamp, *group, *options;
  GtkCustomFilter *filter;
  GtkFilterListModel *model;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  store = accord_window_get_store (window);
  m = g_new0 (MergeDialog, 1);
  g_weak_ref_init (&m->window, window);
  m->partner = g_object_ref (partner);

  dialog = g_object_new (ADW_TYPE_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  m->dialog = GTK_WINDOW (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "accord-merge-dialog", m, merge_dialog_free);
  gtk_window_set_title (m->dialog, _("Merge Partners"));
  gtk_window_set_transient_for (m->dialog, GTK_WINDOW (window));
  gtk_window_set_modal (m->dialog, TRUE);
  gtk_window_set_default_size (m->dialog, 640, 600);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    /* Escape closes without merging. */
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (dialog, shortcuts);
  }

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  subtitle = g_strdup_printf (_("Into “%s”"), accord_partner_get_name (partner));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Merge Partners"), subtitle));
  m->back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  accord_form_set_tooltip (m->back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back"), -1);
  gtk_widget_set_visible (m->back, FALSE);
  g_signal_connect_swapped (m->back, "clicked", G_CALLBACK (back_clicked_cb), m);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), m->back);
  m->merge_button = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_set_name (m->merge_button, "merge-button");
  gtk_widget_add_css_class (m->merge_button, "suggested-action");
  gtk_widget_set_visible (m->merge_button, FALSE);
  g_signal_connect_swapped (m->merge_button, "clicked", G_CALLBACK (merge_clicked_cb), m);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), m->merge_button);
  gtk_box_append (GTK_BOX (content), header);

  m->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (m->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (m->stack), TRUE);

  /* Page 1: the duplicate. */
  pick = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  m->search = gtk_search_entry_new ();
  gtk_widget_set_name (m->search, "merge-search");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search partners"), -1);
  g_object_set (m->search, "placeholder-text", _("Search for the duplicate"), NULL);
  g_signal_connect (m->search, "stop-search", G_CALLBACK (search_stop_cb), dialog);
  gtk_box_append (GTK_BOX (pick), m->search);
  m->candidates = gtk_list_box_new ();
  gtk_widget_set_name (m->candidates, "merge-candidates");
  gtk_widget_add_css_class (m->candidates, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->candidates), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partners"), -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (m->candidates), GTK_SELECTION_NONE);
  {
    GtkWidget *empty = gtk_label_new (_("No other partner matches"));

    gtk_widget_add_css_class (empty, "dim-label");
    gtk_widget_set_margin_top (empty, 12);
    gtk_widget_set_margin_bottom (empty, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (m->candidates), empty);
  }
  filter = gtk_custom_filter_new (candidate_filter, m, NULL);
  g_object_set_data (G_OBJECT (m->candidates), "filter", filter);
  model = gtk_filter_list_model_new (g_object_ref (accord_store_get_partners (store)),
                                     GTK_FILTER (filter));
  gtk_list_box_bind_model (GTK_LIST_BOX (m->candidates), G_LIST_MODEL (model), candidate_row,
                           NULL, NULL);
  g_object_unref (model);
  g_signal_connect (m->candidates, "row-activated", G_CALLBACK (candidate_activated_cb), m);
  g_signal_connect_swapped (m->search, "search-changed", G_CALLBACK (search_changed_cb), m);
  gtk_box_append (GTK_BOX (pick), m->candidates);
  scrolled = gtk_scrolled_window_new ();
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (pick, 18);
  gtk_widget_set_margin_bottom (pick, 18);
  gtk_widget_set_margin_start (pick, 12);
  gtk_widget_set_margin_end (pick, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), pick);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (m->stack, scrolled, "pick");

  /* Page 2: field by field. */
  fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  m->error_label = gtk_label_new (NULL);
  gtk_widget_set_name (m->error_label, "merge-error");
  gtk_widget_add_css_class (m->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (m->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (m->error_label), 0);
  gtk_widget_set_visible (m->error_label, FALSE);
  gtk_box_append (GTK_BOX (fields), m->error_label);
  m->fields_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (m->fields_group), _("Fields"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (m->fields_group),
                                         _("Choose the value to keep where the two differ. "
                                           "Contacts, activities, agreements, tasks, referrals, "
                                           "reviews, figures and payments all move over; the "
                                           "duplicate goes to the trash."));
  m->fields_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (m->fields_group), m->fields_box);
  gtk_box_append (GTK_BOX (fields), m->fields_group);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("When Both Have One"));
  options = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (options), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (options, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (options),
                       option_row (_("End the Duplicate’s Active Agreement"),
                                   _("A partner has one active agreement; without this the "
                                     "merge stops when both have one"),
                                   "merge-end-agreement", &m->end_agreement));
  gtk_list_box_append (GTK_LIST_BOX (options),
                       option_row (_("Keep the Duplicate’s Monthly Figures"),
                                   _("For months both have figures for; otherwise this "
                                     "partner’s stay"),
                                   "merge-figures-other", &m->figures_other));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), options);
  gtk_box_append (GTK_BOX (fields), group);
  scrolled = gtk_scrolled_window_new ();
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (fields, 18);
  gtk_widget_set_margin_bottom (fields, 18);
  gtk_widget_set_margin_start (fields, 12);
  gtk_widget_set_margin_end (fields, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), fields);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (m->stack, scrolled, "fields");

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (m->stack));
  adw_window_set_content (ADW_WINDOW (dialog), content);
  gtk_stack_set_visible_child_name (m->stack, "pick");
  gtk_window_present (m->dialog);
  gtk_widget_grab_focus (m->search);
  return m->dialog;
}
