/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-window.h"
#include "accord-agreements-view.h"
#include "accord-backup-dialog.h"
#include "accord-board.h"
#include "accord-export-dialog.h"
#include "accord-import-wizard.h"
#include "accord-merge-dialog.h"
#include "accord-overlap-dialog.h"
#include "accord-report-dialog.h"
#include "accord-workspace-dialog.h"
#include "accord-workspace.h"
#include "accord-lifecycle.h"
#include "accord-dashboard-view.h"
#include "accord-due-view.h"
#include "accord-form.h"
#include "accord-goal-dialog.h"
#include "accord-partner-page.h"
#include "accord-partner-filter.h"
#include "accord-partner-row.h"
#include "accord-store.h"

struct _AccordWindow
{
  AdwApplicationWindow parent_instance;

  AccordStore *store;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;       /* the search: folded names containing search_key */
  char *search_key;
  AccordPartnerFilter *partner_filter;
  GtkEveryFilter *every_filter;
  GtkSortListModel *sort_model;
  /* The sorted partners as the list shows them: only the first few for
   * a newly shown list's first frame (show_first_rows()). */
  GtkSliceListModel *rows;
  guint every_row_tick;
  guint every_row_idle;
  gboolean first_frame_ticked;
  GtkGrid *filter_grid;
  GtkPopover *filter_popover;
  AdwButtonContent *filter_button_content;
  GtkDropDown *sort_dropdown;
  gboolean close_confirmed;
  /* Set while the window itself moves the selection, so only a person's
   * choice opens the partner page when the window is narrow. */
  gboolean selecting;
  GBinding *title_binding;
  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *problem_page;
  AdwStatusPage *none_page;
  AdwStatusPage *welcome_page;
  AdwStatusPage *busy_page;
  GtkSpinner *busy_spinner;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkStack *content_stack;
  AdwWindowTitle *content_title;
  AdwWindowTitle *welcome_title;
  AccordPartnerPage *partner_page;
  GMenu *recent_section;
  /* Each view's header has its own main menu button; the menu is put in
   * the first time it opens (create_main_menu()). */
  GMenuModel *primary_menu;
  GtkMenuButton *welcome_menu_button;
  GtkMenuButton *problem_menu_button;
  GtkMenuButton *board_menu_button;
  GtkMenuButton *agreements_menu_button;
  GtkMenuButton *due_menu_button;
  GtkMenuButton *dashboard_menu_button;
  GtkMenuButton *list_menu_button;
  /* Made the first time the board is shown: start-up does not pay for it. */
  AccordBoard *board;
  AdwBin *board_bin;
  /* Made the first time they are shown, too. */
  AccordAgreementsView *agreements_view;
  AdwBin *agreements_bin;
  AccordDueView *due_view;
  AdwBin *due_bin;
  AccordDashboardView *dashboard_view;
  AdwBin *dashboard_bin;
  /* "list", "board", "agreements", "due" or "dashboard". */
  char *view;
};

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AccordPartner *
selected_partner (AccordWindow *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
clear_title_binding (AccordWindow *self)
{
  if (self->title_binding == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->title_binding), (gpointer *) &self->title_binding);
  g_binding_unbind (g_steal_pointer (&self->title_binding));
}

static void
update_title (AccordWindow *self)
{
  AccordPartner *partner = accord_partner_page_get_partner (self->partner_page);
  g_autofree char *basename = NULL;

  /* The workspace's display name, when it has one, else its file name. */
  if (self->store != NULL && (basename = accord_workspace_dup_name (self->store)) == NULL)
    basename = g_path_get_basename (accord_store_get_path (self->store));

  /* The title follows renames through a binding on the partner's name. */
  clear_title_binding (self);
  if (partner != NULL)
    {
      self->title_binding = g_object_bind_property (partner, "name", self->content_title, "title",
                                                    G_BINDING_SYNC_CREATE);
      /* The binding dies with the partner; forget it then. */
      g_object_add_weak_pointer (G_OBJECT (self->title_binding), (gpointer *) &self->title_binding);
    }
  else
    adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, basename);
  adw_window_title_set_subtitle (self->welcome_title, basename);
}

/* The board shows the same filtered, sorted partners as the list, but only
 * while it is shown: its cards cost time and memory the list view does not
 * need at start-up. */
static void board_activated_cb (AccordWindow *self, AccordPartner *partner);

static void
update_board_model (AccordWindow *self)
{
  gboolean shown = self->sort_model != NULL && g_strcmp0 (self->view, "board") == 0;

  if (shown && self->board == NULL)
    {
      self->board = ACCORD_BOARD (accord_board_new ());
      adw_bin_set_child (self->board_bin, GTK_WIDGET (self->board));
      g_signal_connect_swapped (self->board, "partner-activated",
                                G_CALLBACK (board_activated_cb), self);
    }
  if (self->board == NULL)
    return;
  accord_board_set_store (self->board, self->store);
  accord_board_set_model (self->board, shown ? G_LIST_MODEL (self->sort_model) : NULL);
}

static void
update_other_views (AccordWindow *self)
{
  if (self->store == NULL)
    return;

  if (self->agreements_view == NULL && g_strcmp0 (self->view, "agreements") == 0)
    {
      self->agreements_view = ACCORD_AGREEMENTS_VIEW (accord_agreements_view_new ());
      adw_bin_set_child (self->agreements_bin, GTK_WIDGET (self->agreements_view));
      g_signal_connect_swapped (self->agreements_view, "partner-activated",
                                G_CALLBACK (board_activated_cb), self);
    }
  if (self->agreements_view != NULL)
    accord_agreements_view_set_store (self->agreements_view, self->store);

  if (self->due_view == NULL && g_strcmp0 (self->view, "due") == 0)
    {
      self->due_view = ACCORD_DUE_VIEW (accord_due_view_new ());
      adw_bin_set_child (self->due_bin, GTK_WIDGET (self->due_view));
      g_signal_connect_swapped (self->due_view, "partner-activated",
                                G_CALLBACK (board_activated_cb), self);
    }
  if (self->due_view != NULL)
    accord_due_view_set_store (self->due_view, self->store);

  if (self->dashboard_view == NULL && g_strcmp0 (self->view, "dashboard") == 0)
    {
      self->dashboard_view = ACCORD_DASHBOARD_VIEW (accord_dashboard_view_new ());
      adw_bin_set_child (self->dashboard_bin, GTK_WIDGET (self->dashboard_view));
      g_signal_connect_swapped (self->dashboard_view, "partner-activated",
                                G_CALLBACK (board_activated_cb), self);
    }
  if (self->dashboard_view != NULL)
    accord_dashboard_view_set_store (self->dashboard_view, self->store);
}

static void
update_pages (AccordWindow *self)
{
  GListModel *partners;
  guint n_all, n_shown;

  if (self->store == NULL)
    return;

  partners = accord_store_get_partners (self->store);
  n_all = g_list_model_get_n_items (partners);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->main_stack,
                                    n_all == 0 ? "welcome"
                                    : g_strcmp0 (self->view, "list") == 0 ? "partners"
                                    : self->view);
  gtk_stack_set_visible_child_name (self->list_stack, n_shown == 0 ? "no-match" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-partner",
                                 selected_partner (self) != NULL);
}

/* The partner last shown comes back with its workspace on the next start. */
static void
remember_selection (AccordWindow  *self,
                    AccordPartner *partner)
{
  if (self->settings == NULL || self->store == NULL || partner == NULL)
    return;
  g_settings_set (self->settings, "selected-partner", "(sx)",
                  accord_store_get_path (self->store), accord_partner_get_id (partner));
}

static guint
remembered_position (AccordWindow *self,
                     GListModel   *model)
{
  g_autofree char *path = NULL;
  gint64 id = 0;
  guint n = g_list_model_get_n_items (model);

  if (self->settings == NULL)
    return GTK_INVALID_LIST_POSITION;
  g_settings_get (self->settings, "selected-partner", "(sx)", &path, &id);
  if (id <= 0 || g_strcmp0 (path, accord_store_get_path (self->store)) != 0)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) item = g_list_model_get_item (model, i);
      if (accord_partner_get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
selection_changed_cb (AccordWindow *self)
{
  AccordPartner *partner = selected_partner (self);

  remember_selection (self, partner);

  accord_partner_page_set_partner (self->partner_page, partner);
  gtk_stack_set_visible_child_name (self->content_stack, partner ? "partner" : "none");
  update_title (self);
  update_pages (self);

  if (partner != NULL && !self->selecting && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
folded_cb (AccordWindow *self)
{
  /* Narrow, the list stands alone: nothing may look chosen, or clicking
   * the chosen partner would not open it. */
  if (self->selection != NULL && adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
    }
}

static void
list_activate_cb (GtkListView  *list_view,
                  guint         position,
                  AccordWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
items_changed_cb (AccordWindow *self)
{
  update_pages (self);
}

static gboolean
name_matches (gpointer item,
              gpointer user_data)
{
  AccordWindow *self = user_data;

  return self->search_key == NULL
         || strstr (accord_partner_get_search_key (item), self->search_key) != NULL;
}

/* Sets what the partner list is searched for. A longer search only looks
 * again at the partners that matched the shorter one (and the other way
 * round), as a keystroke usually adds or removes one character. */
static void
set_search (AccordWindow *self,
            const char   *text)
{
  g_autofree char *old = g_steal_pointer (&self->search_key);
  g_autofree char *key = accord_partner_fold_for_search (text);
  GtkFilterChange change;

  if (*key != '\0')
    self->search_key = g_strdup (key);
  if (g_strcmp0 (old, self->search_key) == 0)
    return;
  if (old == NULL || (self->search_key != NULL && strstr (self->search_key, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_key == NULL || strstr (old, self->search_key) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   AccordWindow   *self)
{
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    AccordWindow   *self)
{
  /* Enter in the search field opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      accord_partner_page_focus_name (self->partner_page);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, accord_partner_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AccordPartner *partner = gtk_list_item_get_item (item);

  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (gtk_list_item_get_child (item)), partner);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accord_partner_get_name (partner), -1);
  accord_form_label_list_row (gtk_list_item_get_child (item), accord_partner_get_name (partner));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  accord_partner_row_set_partner (ACCORD_PARTNER_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Filters and sorting */

typedef enum
{
  SORT_NAME,
  SORT_SCORE,
  SORT_STAGE,
  SORT_UPDATED,
} SortBy;

static const char *const sort_keys[] = { "name", "score", "stage", "updated" };

static gboolean
sort_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *key = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
    if (g_str_equal (key, sort_keys[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, SORT_NAME);
  return TRUE;
}

static GVariant *
sort_set_mapping (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (sort_keys[i < G_N_ELEMENTS (sort_keys) ? i : SORT_NAME]);
}

static int
compare_names (AccordPartner *a,
               AccordPartner *b)
{
  return strcmp (accord_partner_get_sort_key (a), accord_partner_get_sort_key (b));
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  AccordPartner *pa = (AccordPartner *) a;
  AccordPartner *pb = (AccordPartner *) b;
  SortBy by = GPOINTER_TO_INT (user_data);
  int result = 0;

  switch (by)
    {
    case SORT_SCORE:
      {
        /* Highest score first; incomplete cards last. */
        int sa = -1, sb = -1;
        accord_partner_get_fit_score (pa, &sa);
        accord_partner_get_fit_score (pb, &sb);
        result = (sb > sa) - (sb < sa);
      }
      break;
    case SORT_STAGE:
      result = (int) accord_partner_get_stage (pa) - (int) accord_partner_get_stage (pb);
      break;
    case SORT_UPDATED:
      /* Most recently changed first; the moments are ISO-8601, so text
       * order is time order. */
      result = g_strcmp0 (accord_partner_get_updated_at (pb), accord_partner_get_updated_at (pa));
      break;
    case SORT_NAME:
    default:
      break;
    }

  if (result == 0)
    result = compare_names (pa, pb);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
make_sorter (guint by)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_partners, GINT_TO_POINTER (by), NULL));
}

static void
sort_changed_cb (AccordWindow *self)
{
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_sorter (self->sort_model,
                                    make_sorter (gtk_drop_down_get_selected (self->sort_dropdown)));
}

static void
partner_changed_cb (AccordWindow  *self,
                    AccordPartner *partner)
{
  GtkSorter *sorter;

  /* A saved change may move the partner in the order or out of the
   * filters: ask both to look again. */
  if (accord_partner_filter_is_active (self->partner_filter))
    gtk_filter_changed (GTK_FILTER (self->partner_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->search_key != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->sort_model != NULL && (sorter = gtk_sort_list_model_get_sorter (self->sort_model)))
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
update_filter_button (AccordWindow *self)
{
  gboolean active = accord_partner_filter_is_active (self->partner_filter);

  adw_button_content_set_label (self->filter_button_content,
                                active ? _("Filtered") : _("Filters"));
  adw_button_content_set_icon_name (self->filter_button_content,
                                    active ? "edit-find-symbolic" : "view-list-symbolic");
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  accord_partner_filter_clear (ACCORD_WINDOW (widget)->partner_filter);
}

static gboolean
index_to_value (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint index = g_value_get_uint (from);

  g_value_set_int (to, index == 0 || index == GTK_INVALID_LIST_POSITION ? -1 : (int) index - 1);
  return TRUE;
}

static gboolean
value_to_index (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  int value = g_value_get_int (from);

  g_value_set_uint (to, value < 0 ? 0 : (guint) value + 1);
  return TRUE;
}

static void
add_filter_row (AccordWindow  *self,
                int            row,
                const char    *label_text,
                const char    *property,
                const char   *(*item_label) (int),
                int            n)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkStringList *items = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (items, _("Any"));
  for (int i = 0; i < n; i++)
    gtk_string_list_append (items, item_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (items), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label_text, -1);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->filter_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, row, 1, 1);
  g_object_bind_property_full (self->partner_filter, property, dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_index, index_to_value, NULL, NULL);
}

/* Made the first time the filters are shown: the drop-downs are not
 * needed for the first frame. */
static void
build_filter_controls (AccordWindow *self)
{
  GtkWidget *label, *entry;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->filter_grid)) != NULL)
    return;

  add_filter_row (self, 0, _("Stage"), "stage", (gpointer) accord_stage_get_label, ACCORD_N_STAGES);
  add_filter_row (self, 1, _("Fit"), "band", (gpointer) accord_fit_band_get_label, ACCORD_N_FIT_BANDS);
  add_filter_row (self, 2, _("Type"), "type", (gpointer) accord_partnership_type_get_label,
                  ACCORD_N_PARTNERSHIP_TYPES);
  add_filter_row (self, 3, _("Position"), "position", (gpointer) accord_position_get_label,
                  ACCORD_N_POSITIONS);
  add_filter_row (self, 4, _("Tier"), "tier", (gpointer) accord_tier_get_label, ACCORD_N_TIERS);

  label = gtk_label_new (_("Tag"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Any"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tag"), -1);
  gtk_grid_attach (self->filter_grid, label, 0, 5, 1, 1);
  gtk_grid_attach (self->filter_grid, entry, 1, 5, 1, 1);
  g_object_bind_property (self->partner_filter, "tag", entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Actions */

static void
add_partner_named (const char *name,
                   gpointer    user_data)
{
  AccordWindow *self = user_data;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  partner = accord_partner_new (name);
  if (!accord_store_add_partner (self->store, partner, NULL, &error))
    {
      accord_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* A new partner must be visible even when the search would hide it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  accord_window_select_partner (self, partner);
  accord_partner_page_focus_name (self->partner_page);
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  if (self->store == NULL)
    return;
  accord_form_ask_name (widget, _("New Partner"), _("Partner name"), _("_Add"),
                        add_partner_named, g_object_ref (self), g_object_unref);
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  AccordPartner *partner;

  if (self->store == NULL)
    return;
  partner = accord_store_lookup_partner (self->store, g_variant_get_int64 (parameter));
  if (partner == NULL || accord_partner_get_trashed_at (partner) == NULL)
    return;

  if (!accord_store_restore_partner (self->store, partner, &error))
    {
      accord_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  accord_window_select_partner (self, partner);
}

static void
trash_partner_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (selected_partner (self) == NULL)
    return;

  partner = g_object_ref (selected_partner (self));
  /* Save what was typed first, so Undo brings back the latest version. */
  accord_partner_page_flush (self->partner_page);
  if (!accord_store_trash_partner (self->store, partner, &error))
    {
      accord_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* Translators: %s is a partner's name. */
  title = g_strdup_printf (_("“%s” moved to the trash"), accord_partner_get_name (partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-trash");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new_int64 (accord_partner_get_id (partner)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  accord_window_add_toast (self, toast);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
edit_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = accord_goal_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The data actions: each opens its own dialog, from its own file. */
static void
data_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "win.import-csv"))
    accord_import_wizard_present (self);
  else if (g_str_equal (action_name, "win.export"))
    accord_export_dialog_present (self);
  else if (g_str_equal (action_name, "win.report"))
    accord_report_dialog_present (self);
  else if (g_str_equal (action_name, "win.overlap"))
    accord_overlap_dialog_present (self);
  else if (g_str_equal (action_name, "win.backups"))
    accord_backup_dialog_present (self);
  else if (g_str_equal (action_name, "win.workspace-settings"))
    accord_workspace_dialog_present (self);
  else if (g_str_equal (action_name, "win.merge-partner") && selected_partner (self) != NULL)
    accord_merge_dialog_present (self, selected_partner (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  folded_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The shortcuts window, made the first time it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/accordhq/Accord/ui/shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Kept with the window, above it, hidden rather than destroyed on close. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
toggle_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  accord_window_set_view (self, g_strcmp0 (self->view, "board") == 0 ? "list" : "board");
}

/* Closing: nothing typed is dropped silently. */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AccordWindow     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
accord_window_close_request (GtkWindow *window)
{
  AccordWindow *self = ACCORD_WINDOW (window);
  g_autofree char *unsaved = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->store == NULL)
    return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);

  if (accord_partner_page_flush (self->partner_page))
    return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);

  unsaved = accord_partner_page_describe_unsaved (self->partner_page);
  dialog = adw_message_dialog_new (window, _("Some Changes Cannot Be Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("These entries were refused and are not saved yet:\n%s"),
                                  unsaved ? unsaved : _("a field on this page"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard and Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  accord_window_set_store (self, NULL);
  clear_title_binding (self);
  /* The filter may outlive the window (a model may still hold it): it
   * must stop talking to the settings and to this window. */
  if (self->partner_filter != NULL)
    {
      const char *props[] = { "stage", "band", "type", "position", "tier", "tag" };

      for (guint i = 0; i < G_N_ELEMENTS (props); i++)
        g_settings_unbind (self->partner_filter, props[i]);
      g_signal_handlers_disconnect_by_data (self->partner_filter, self);
    }
  if (self->sort_dropdown != NULL)
    g_settings_unbind (self->sort_dropdown, "selected");
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_object (&self->every_filter);
  g_clear_object (&self->partner_filter);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
board_activated_cb (AccordWindow  *self,
                    AccordPartner *partner)
{
  /* Opening a card shows its page in the list view. */
  accord_window_set_view (self, "list");
  accord_window_select_partner (self, partner);
  accord_partner_page_focus_name (self->partner_page);
}

static void
accord_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, accord_window_get_view (ACCORD_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VIEW:
      accord_window_set_view (ACCORD_WINDOW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accord_window_dispose;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;
  window_class->close_request = accord_window_close_request;

  /* "list" or "board". */
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "list",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  g_type_ensure (ACCORD_TYPE_PARTNER_PAGE);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, partner_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, problem_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, board_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, agreements_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, due_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, dashboard_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, list_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, agreements_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, due_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, dashboard_bin);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.toggle-view", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-view", NULL, toggle_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.overlap", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.workspace-settings", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.merge-partner", NULL, data_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.view", "s", "board");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.view", "s", "agreements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.view", "s", "due");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "win.view", "s", "dashboard");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, filter_button_content);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, sort_dropdown);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_install_action (widget_class, "win.add-partner", NULL, add_partner_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-partner", NULL);
  gtk_widget_class_install_action (widget_class, "win.trash-partner", NULL, trash_partner_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.trash-partner", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo-trash", "x", undo_trash_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.edit-goal", NULL, edit_goal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
maximized_changed_cb (AccordWindow *self)
{
  /* Only what the window manager reports once the window is shown. */
  if (self->settings != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    g_settings_set_boolean (self->settings, "window-maximized",
                            gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* The large status icons are set when their page first shows: at this
 * size GTK 4.8 takes them from the icon theme's SVG, and the SVG loader
 * (librsvg, with libxml2) costs start-up time and several MB of memory
 * for pages that most starts never show. */
static void
status_icon_on_map (AdwStatusPage *page,
                    const char    *icon_name)
{
  if (adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, icon_name);
}

/* A menu button given its model makes the whole popover with every item
 * at once: seven of them took several per cent of the window's start-up. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  AccordWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
accord_window_init (AccordWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  /* Before the template: its buttons read the view action's state. */
  self->view = g_strdup ("list");
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkMenuButton *menu_buttons[] = {
      self->welcome_menu_button, self->problem_menu_button, self->board_menu_button,
      self->agreements_menu_button, self->due_menu_button, self->dashboard_menu_button,
      self->list_menu_button,
    };

    for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
      gtk_menu_button_set_create_popup_func (menu_buttons[i], create_main_menu, self, NULL);
  }
  g_signal_connect (self->problem_page, "map", G_CALLBACK (status_icon_on_map),
                    (gpointer) "dialog-warning-symbolic");
  g_signal_connect (self->none_page, "map", G_CALLBACK (status_icon_on_map),
                    (gpointer) "system-users-symbolic");
  g_signal_connect (self->welcome_page, "map", G_CALLBACK (status_icon_on_map),
                    (gpointer) BASE_APPLICATION_ID);

  /* Window size comes back between runs when the schema is installed. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
    if (schema != NULL)
      {
        self->settings = g_settings_new (BASE_APPLICATION_ID);
        g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
        g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
        /* Not bound: asking to maximize a window not shown yet notifies
         * "maximized" while it still reads FALSE, which would overwrite
         * the key before it is used. */
        if (g_settings_get_boolean (self->settings, "window-maximized"))
          gtk_window_maximize (GTK_WINDOW (self));
        g_signal_connect (self, "notify::maximized", G_CALLBACK (maximized_changed_cb), NULL);
      }
    else
      gtk_window_set_default_size (GTK_WINDOW (self), 980, 680);
  }

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->filter = gtk_custom_filter_new (name_matches, self, NULL);

  self->partner_filter = accord_partner_filter_new ();
  self->every_filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter), g_object_ref (GTK_FILTER (self->filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter),
                           g_object_ref (GTK_FILTER (self->partner_filter)));
  g_signal_connect_object (self->filter_popover, "show", G_CALLBACK (build_filter_controls), self,
                           G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      accord_partner_filter_bind_settings (self->partner_filter, self->settings);
      g_settings_bind_with_mapping (self->settings, "sort-by", self->sort_dropdown, "selected",
                                    G_SETTINGS_BIND_DEFAULT, sort_get_mapping, sort_set_mapping,
                                    NULL, NULL);
    }
  g_signal_connect_swapped (self->partner_filter, "notify::active",
                            G_CALLBACK (update_filter_button), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected",
                            G_CALLBACK (sort_changed_cb), self);
  update_filter_button (self);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "view", self, "view", G_SETTINGS_BIND_DEFAULT);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-partner", FALSE);
}

AccordWindow *
accord_window_new (GtkApplication *application)
{
  return g_object_new (ACCORD_TYPE_WINDOW, "application", application, NULL);
}

AccordStore *
accord_window_get_store (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return self->store;
}

/* GTK 4.8's list view makes 200 rows (GTK_LIST_VIEW_MAX_LIST_ITEMS) as
 * soon as it has that many items, however few fit in the window. At
 * start-up, making, styling and measuring them all costs about a sixth of
 * the time to the first frame. So a newly shown list holds only its first
 * FIRST_FRAME_ROWS partners, more than fit on any screen, for its first
 * frame; every partner is in from the next frame on. Whatever needs a
 * partner further down (choosing it, the partner shown last time) shows
 * them all first, and so does a window that is never shown, once the main
 * loop has nothing else to do. */
#define FIRST_FRAME_ROWS 60

static void
show_every_row (AccordWindow *self)
{
  g_clear_handle_id (&self->every_row_idle, g_source_remove);
  if (self->every_row_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->every_row_tick);
      self->every_row_tick = 0;
    }
  if (self->rows != NULL && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
}

static gboolean
every_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  AccordWindow *self = user_data;

  /* The first tick comes as the first frame starts, the second once it
   * has been drawn. */
  if (!self->first_frame_ticked)
    {
      self->first_frame_ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->every_row_tick = 0;
  show_every_row (self);
  return G_SOURCE_REMOVE;
}

static gboolean
every_row_idle_cb (gpointer user_data)
{
  AccordWindow *self = user_data;

  self->every_row_idle = 0;
  show_every_row (self);
  return G_SOURCE_REMOVE;
}

static void
show_first_rows (AccordWindow *self)
{
  gtk_slice_list_model_set_size (self->rows, FIRST_FRAME_ROWS);
  self->first_frame_ticked = FALSE;
  self->every_row_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                       every_row_tick_cb, self, NULL);
  self->every_row_idle = g_idle_add_full (G_PRIORITY_LOW, every_row_idle_cb, self, NULL);
}

void
accord_window_set_store (AccordWindow *self,
                         AccordStore  *store)
{
  guint position;
  GtkSortListModel *sorted;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      accord_partner_page_flush (self->partner_page);
      g_signal_handlers_disconnect_by_data (accord_store_get_partners (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  accord_partner_page_set_partner (self->partner_page, NULL);
  accord_partner_page_set_store (self->partner_page, store);
  gtk_list_view_set_model (self->list_view, NULL);
  if (self->board != NULL)
    {
      accord_board_set_model (self->board, NULL);
      accord_board_set_store (self->board, store);
    }
  if (self->agreements_view != NULL)
    accord_agreements_view_set_store (self->agreements_view, store);
  if (self->due_view != NULL)
    accord_due_view_set_store (self->due_view, store);
  if (self->dashboard_view != NULL)
    accord_dashboard_view_set_store (self->dashboard_view, store);
  show_every_row (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter_model);
  self->sort_model = NULL;
  g_set_object (&self->store, store);

  if (store == NULL)
    return;

  self->filter_model = gtk_filter_list_model_new (g_object_ref (accord_store_get_partners (store)),
                                                  g_object_ref (GTK_FILTER (self->every_filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                    make_sorter (gtk_drop_down_get_selected (self->sort_dropdown)));
  self->sort_model = sorted;
  self->rows = gtk_slice_list_model_new (G_LIST_MODEL (sorted), 0, G_MAXUINT);
  position = remembered_position (self, G_LIST_MODEL (sorted));
  if (g_list_model_get_n_items (G_LIST_MODEL (sorted)) > FIRST_FRAME_ROWS &&
      (position == GTK_INVALID_LIST_POSITION || position < FIRST_FRAME_ROWS))
    show_first_rows (self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_board_model (self);
  update_other_views (self);

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (accord_store_get_partners (store), "items-changed",
                            G_CALLBACK (items_changed_cb), self);
  g_signal_connect_object (store, "partner-changed", G_CALLBACK (partner_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  update_title (self);
  update_pages (self);

  /* Like other GNOME apps, a wide window starts on the partner shown last
   * time, else on the first item. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection,
                                         position != GTK_INVALID_LIST_POSITION ? position : 0);
      self->selecting = FALSE;
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                    position);
    }
}

void
accord_window_show_problem (AccordWindow *self,
                            const char   *message)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  accord_window_set_store (self, NULL);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

void
accord_window_show_busy (AccordWindow *self,
                         const char   *title)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  if (title != NULL)
    {
      adw_status_page_set_title (self->busy_page, title);
      gtk_spinner_start (self->busy_spinner);
      gtk_stack_set_visible_child_name (self->main_stack, "busy");
    }
  else
    {
      gtk_spinner_stop (self->busy_spinner);
      update_pages (self);
    }
}

void
accord_window_add_toast (AccordWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AccordPartnerPage *
accord_window_get_partner_page (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return self->partner_page;
}

void
accord_window_select_partner (AccordWindow  *self,
                              AccordPartner *partner)
{
  GListModel *model;
  guint n;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ACCORD_IS_PARTNER (partner));

  if (self->selection == NULL)
    return;

  show_every_row (self);
  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) item = g_list_model_get_item (model, i);
      if (item == partner)
        {
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->selecting = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          adw_leaflet_set_visible_child (self->leaflet, self->content);
          return;
        }
    }
}

void
accord_window_show_partner (AccordWindow  *self,
                            AccordPartner *partner)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ACCORD_IS_PARTNER (partner));

  accord_window_set_view (self, "list");
  accord_window_select_partner (self, partner);
  if (selected_partner (self) == partner)
    return;

  /* Hidden by the search or the filters: show everything, then choose it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_search (self, "");
  accord_partner_filter_clear (self->partner_filter);
  accord_window_select_partner (self, partner);
}

void
accord_window_search (AccordWindow *self,
                      const char   *text)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  accord_window_set_view (self, "list");
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* At once, not after the entry's typing delay. */
  set_search (self, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

const char *
accord_window_get_page (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

GMenu *
accord_window_get_recent_section (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return self->recent_section;
}

gboolean
accord_window_open_workspace (AccordWindow  *self,
                              const char    *path,
                              gboolean       create,
                              GError       **error)
{
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = accord_store_open (path, create ? ACCORD_STORE_OPEN_CREATE : ACCORD_STORE_OPEN_DEFAULT,
                             &local_error);
  return accord_window_show_workspace (self, store, local_error, error);
}

gboolean
accord_window_show_workspace (AccordWindow  *self,
                              AccordStore   *store,
                              const GError  *open_error,
                              GError       **error)
{
  const char *today;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (store == NULL || ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (store != NULL || open_error != NULL, FALSE);

  if (store == NULL)
    {
      /* The page says what is wrong and offers a way on; the file is left
       * exactly as it was. */
      accord_window_show_problem (self, open_error->message);
      if (error != NULL)
        *error = g_error_copy (open_error);
      return FALSE;
    }

  /* Tests and screenshots pin the day every date is computed from. */
  today = g_getenv ("ACCORD_TODAY");
  if (today != NULL && accord_date_is_valid (today))
    accord_store_set_today (store, today);

  accord_window_set_store (self, store);
  return TRUE;
}

const char *
accord_window_get_problem (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return adw_status_page_get_description (self->problem_page);
}

const char *
accord_window_get_view (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return self->view;
}

void
accord_window_set_view (AccordWindow *self,
                        const char   *view)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  if (g_strcmp0 (view, "board") != 0 && g_strcmp0 (view, "agreements") != 0 &&
      g_strcmp0 (view, "due") != 0 && g_strcmp0 (view, "dashboard") != 0)
    view = "list";
  if (g_strcmp0 (self->view, view) == 0)
    return;

  /* Leaving the list saves what is typed on the partner page. */
  accord_partner_page_flush (self->partner_page);
  g_free (self->view);
  self->view = g_strdup (view);
  update_board_model (self);
  update_other_views (self);
  update_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

AccordBoard *
accord_window_get_board (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);
  return self->board;
}
