/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-demo.h"
#include "accord-export.h"
#include "accord-export-dialog.h"
#include "accord-overlap.h"
#include "accord-overlap-dialog.h"
#include "accord-partner-page.h"
#include "accord-report-dialog.h"
#include "accord-window.h"
#include "test-app-helpers.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define TODAY "2026-03-16"

typedef struct
{
  char         *dir;
  char         *path;
  AccordStore  *store;
  AccordWindow *window;
} Fixture;

/* ---- The workspace and its window ---- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = test_store_new (&f->path);
  f->dir = g_path_get_dirname (f->path);
  accord_store_set_today (f->store, TODAY);
  g_assert_true (accord_demo_fill (f->store, 12, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (f->store)), >, 0);

  f->window = accord_window_new (NULL);
  accord_window_set_store (f->window, f->store);
  /* The view is remembered in the settings: start each test on the list. */
  accord_window_set_view (f->window, "list");
  gtk_window_present (GTK_WINDOW (f->window));
  spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  /* Let a toast finish sliding in: destroying the overlay in the middle
   * of its animation trips libadwaita 1.2. */
  spin_for (500);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_for (50);
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->dir);
}

static AccordPartner *
first_partner (Fixture *f)
{
  GListModel *partners = accord_store_get_partners (f->store);
  g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, 0);

  return partner;  /* the store's model holds it */
}

static GFile *
file_in (Fixture    *f,
         const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
load (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* ---- Finding things ---- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
need_named (gpointer    root,
            const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* A label whose text holds @text (a toast's title, say). */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return find_label (search->root, search->text) != NULL;
}

static const char *
wait_for_toast (Fixture    *f,
                const char *text)
{
  LabelSearch search = { GTK_WIDGET (f->window), text };
  GtkWidget *label;

  spin_until (label_shown, &search, 5000);
  label = find_label (GTK_WIDGET (f->window), text);
  if (label == NULL)
    g_error ("no toast saying “%s”", text);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Every control a person can reach has a name for screen readers: a
 * label or a title of its own, an accessible label, or a labelling
 * relation. */
static void
assert_controls_named (GtkWidget *root)
{
  gboolean control = GTK_IS_BUTTON (root) || GTK_IS_CHECK_BUTTON (root) ||
                     GTK_IS_SWITCH (root) || GTK_IS_EDITABLE (root) ||
                     ADW_IS_PREFERENCES_ROW (root);

  if (control && gtk_widget_get_visible (root) && gtk_widget_get_focusable (root))
    {
      gboolean named = FALSE;

      if (ADW_IS_PREFERENCES_ROW (root))
        named = *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) != '\0';
      else if (GTK_IS_BUTTON (root))
        named = gtk_button_get_label (GTK_BUTTON (root)) != NULL;
      else if (GTK_IS_CHECK_BUTTON (root))
        named = gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) != NULL;
      named = named ||
              gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL) ||
              gtk_test_accessible_has_relation (GTK_ACCESSIBLE (root),
                                                GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      if (!named)
        g_error ("a %s (named “%s”) has no accessible name", G_OBJECT_TYPE_NAME (root),
                 gtk_widget_get_name (root));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_controls_named (child);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* ---- Export ---- */

/* The dialog asks for the format, and for CSV what to export. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *dialog = accord_export_dialog_present (f->window);
  GtkWidget *format, *what;

  g_assert_nonnull (dialog);
  format = need_named (dialog, "export-format");
  what = need_named (dialog, "export-what");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (format)), ==,
                    ACCORD_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_get_visible (what));
  assert_controls_named (GTK_WIDGET (dialog));

  adw_combo_row_set_selected (ADW_COMBO_ROW (format), ACCORD_EXPORT_FORMAT_JSON);
  g_assert_false (gtk_widget_get_visible (what));
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), ACCORD_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_get_visible (what));

  gtk_window_close (dialog);
}

typedef struct
{
  AccordExportFormat  format;
  AccordExportWhat    what;
  const char         *file_name;
} ExportCase;

static const ExportCase export_cases[] = {
  { ACCORD_EXPORT_FORMAT_CSV, ACCORD_EXPORT_PARTNERS, "partners.csv" },
  { ACCORD_EXPORT_FORMAT_CSV, ACCORD_EXPORT_CONTACTS, "contacts.csv" },
  { ACCORD_EXPORT_FORMAT_JSON, ACCORD_EXPORT_PARTNERS, "workspace & co.json" },
  { ACCORD_EXPORT_FORMAT_ICS, ACCORD_EXPORT_PARTNERS, "due.ics" },
  { ACCORD_EXPORT_FORMAT_VCF, ACCORD_EXPORT_PARTNERS, "contacts.vcf" },
};

static void
check_csv (const char *text)
{
  g_autofree char *header = NULL;
  g_auto(GStrv) columns = NULL;

  /* A byte order mark first, so that spreadsheets read UTF-8. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  text += 3;
  header = g_strndup (text, strcspn (text, "\r\n"));
  columns = g_strsplit (header, ",", -1);

  g_assert_true (g_strv_contains ((const char * const *) columns, "name"));
}

static void
check_json (Fixture    *f,
            const char *text,
            guint       n)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *partners;
  const char *name = accord_partner_get_name (first_partner (f));
  gboolean found = FALSE;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  partners = json_object_get_array_member (root, "partners");
  g_assert_nonnull (partners);
  g_assert_cmpuint (json_array_get_length (partners), ==, n);
  g_assert_cmpuint (n, >=, g_list_model_get_n_items (accord_store_get_partners (f->store)));
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);

      found = found || g_strcmp0 (json_object_get_string_member_with_default (partner, "name",
                                                                             NULL), name) == 0;
    }
  g_assert_true (found);
}

/* Each format writes a file that starts as it should, then a toast says so. */
static void
test_export_writes (Fixture       *f,
                    gconstpointer  data)
{
  const ExportCase *c = data;
  g_autoptr(GFile) file = file_in (f, c->file_name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  guint n = 0;

  accord_export_dialog_export_to_file (f->window, c->format, c->what, file,
                                       store_result_cb, &result);
  spin_until (has_result, &result, 20000);
  g_assert_nonnull (result);
  g_assert_true (accord_export_dialog_export_finish (f->window, result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);

  text = load (file);
  switch (c->format)
    {
    case ACCORD_EXPORT_FORMAT_CSV:
      check_csv (text);
      break;
    case ACCORD_EXPORT_FORMAT_JSON:
      check_json (f, text, n);
      break;
    case ACCORD_EXPORT_FORMAT_ICS:
      g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
      break;
    case ACCORD_EXPORT_FORMAT_VCF:
      g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
      break;
    case ACCORD_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }

  /* The toast counts what was written and names the file, "&" and all. */
  count = accord_export_dup_count_text (c->format, c->what, n);
  expected = g_strdup_printf ("Exported %s to %s", count, c->file_name);
  g_assert_cmpstr (wait_for_toast (f, "Exported"), ==, expected);
}

/* A file that cannot be written gives an error toast and an error. */
static void
test_export_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", "partners.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  accord_export_dialog_export_to_file (f->window, ACCORD_EXPORT_FORMAT_CSV,
                                       ACCORD_EXPORT_PARTNERS, file, store_result_cb, &result);
  spin_until (has_result, &result, 20000);
  g_assert_nonnull (result);
  g_assert_false (accord_export_dialog_export_finish (f->window, result, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (file, NULL));
  wait_for_toast (f, "Could not export");
}

/* ---- Report ---- */

static void
save_report (Fixture   *f,
             GtkWindow *dialog,
             GFile     *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = g_strdup (accord_window_get_page (f->window));

  accord_report_dialog_save_to_file (dialog, file, store_result_cb, &result);
  spin_until (has_result, &result, 30000);
  g_assert_nonnull (result);
  g_assert_true (accord_report_dialog_save_finish (result, &error));
  g_assert_no_error (error);
  text = load (file);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  /* The busy page gave way to what was there before. */
  g_assert_cmpstr (accord_window_get_page (f->window), ==, page);
}

/* With no partner on show (the board is), only the portfolio report can
 * be chosen. */
static void
test_report_portfolio (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (f, "portfolio.pdf");
  GtkWindow *dialog;
  GtkWidget *partner;

  /* A wide window starts on the first partner; the board hides it. */
  g_assert_nonnull (accord_partner_page_get_partner (accord_window_get_partner_page (f->window)));
  accord_window_set_view (f->window, "board");
  spin_for (50);
  g_assert_cmpstr (accord_window_get_page (f->window), ==, "board");
  dialog = accord_report_dialog_present (f->window);
  g_assert_nonnull (dialog);
  assert_controls_named (GTK_WIDGET (dialog));
  partner = need_named (dialog, "report-partner");
  g_assert_false (gtk_widget_is_sensitive (partner));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (partner)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (need_named (dialog,
                                                                            "report-portfolio"))));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Open a partner to report on it"));

  save_report (f, dialog, file);
  g_assert_cmpstr (wait_for_toast (f, "Saved"), ==, "Saved “portfolio.pdf”");
}

/* With a partner on show, its one-page report is the default choice. */
static void
test_report_partner (Fixture       *f,
                     gconstpointer  data)
{
  AccordPartner *shown = first_partner (f);
  g_autoptr(GFile) file = file_in (f, "partner.pdf");
  g_autofree char *subtitle = g_strdup_printf ("One page on %s", accord_partner_get_name (shown));
  g_autofree char *portfolio_text = NULL;
  g_autofree char *partner_text = NULL;
  GtkWindow *dialog;
  GtkWidget *partner;

  accord_window_select_partner (f->window, shown);
  spin_for (50);
  g_assert_cmpstr (accord_window_get_page (f->window), ==, "partners");
  g_assert_true (accord_partner_page_get_partner (accord_window_get_partner_page (f->window)) ==
                 shown);
  dialog = accord_report_dialog_present (f->window);
  g_assert_nonnull (dialog);
  assert_controls_named (GTK_WIDGET (dialog));
  partner = need_named (dialog, "report-partner");
  g_assert_true (gtk_widget_is_sensitive (partner));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (partner)));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), subtitle));
  save_report (f, dialog, file);
  wait_for_toast (f, "Saved “partner.pdf”");

  /* The portfolio report, chosen in the same situation, is another
   * document: the choice is honoured. */
  {
    g_autoptr(GFile) other = file_in (f, "portfolio.pdf");

    dialog = accord_report_dialog_present (f->window);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (need_named (dialog, "report-portfolio")),
                                 TRUE);
    save_report (f, dialog, other);
    portfolio_text = load (other);
    partner_text = load (file);
    g_assert_cmpstr (portfolio_text, !=, partner_text);
  }
}

/* ---- Overlap ---- */

static const char ours_csv[] =
  "Company,Website,Status\n"
  "Acme Ltd,acme.example,customer\n"
  "Globex,globex.example,customer\n"
  "Initech,initech.example,prospect\n"
  "Umbrella Corp,umbrella.example,customer\n"
  "Hooli,hooli.example,customer\n";

static const char theirs_csv[] =
  "Name,Domain,Stage\n"
  "ACME,acme.example,Customer\n"
  "Globex Inc,https://www.globex.example/,Customer\n"
  "Initech,initech.example,Customer\n"
  "Umbrella,umbrella.example,Lead\n"
  "Starkwood Industries,starkwood.example,Customer\n"
  "Wayneford,wayneford.example,Customer\n";

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  GFile *file = file_in (f, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return file;
}

static gboolean
overlap_idle (gpointer dialog)
{
  return !accord_overlap_dialog_is_busy (dialog);
}

static void
compare (GtkWindow *dialog)
{
  GtkWidget *button = need_named (dialog, "overlap-compare");

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (accord_overlap_dialog_is_busy (dialog));
  g_assert_false (gtk_widget_get_sensitive (button));
  spin_until (overlap_idle, dialog, 20000);
  g_assert_false (accord_overlap_dialog_is_busy (dialog));
}

static const char *
count_text (GtkWindow  *dialog,
            const char *key)
{
  g_autofree char *name = g_strdup_printf ("overlap-count-%s", key);

  return gtk_label_get_text (GTK_LABEL (need_named (dialog, name)));
}

static guint
partner_position (GtkWidget     *row,
                  AccordPartner *partner)
{
  GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                     accord_partner_get_name (partner)))
      return i;
  g_assert_not_reached ();
}

static void
assert_names (GPtrArray  *names,
              const char *expected)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "|" : "", (char *) names->pdata[i]);
  g_assert_cmpstr (joined->str, ==, expected);
}

/* The workspace file holds none of the companies that matched nothing. */
static void
assert_not_in_workspace (Fixture    *f,
                         const char *text)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_assert_null (g_strstr_len (contents, length, text));
    }
}

static void
test_overlap (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) ours = write_file (f, "ours.csv", ours_csv);
  g_autoptr(GFile) theirs = write_file (f, "theirs.csv", theirs_csv);
  g_autoptr(AccordOverlap) kept = NULL;
  g_autoptr(GError) error = NULL;
  AccordPartner *partner = first_partner (f);
  GtkWindow *dialog;
  GtkWidget *keep, *partner_row;
  g_autoptr(GtkWidget) dialog_ref = NULL;

  /* The toast names the partner: markup characters must come through. */
  g_assert_true (accord_store_set_partner_field (f->store, partner, ACCORD_PARTNER_FIELD_NAME,
                                                 "Northwind & <Co>", &error));
  g_assert_no_error (error);
  dialog = accord_overlap_dialog_present (f->window);
  g_assert_nonnull (dialog);
  keep = need_named (dialog, "overlap-keep");
  partner_row = need_named (dialog, "overlap-partner");
  g_assert_false (gtk_widget_get_sensitive (need_named (dialog, "overlap-compare")));
  g_assert_false (gtk_widget_get_sensitive (keep));
  g_assert_false (gtk_widget_get_visible (need_named (dialog, "overlap-result")));
  assert_controls_named (GTK_WIDGET (dialog));

  g_assert_true (accord_overlap_dialog_set_file (dialog, 0, ours));
  g_assert_false (gtk_widget_get_sensitive (need_named (dialog, "overlap-compare")));
  g_assert_true (accord_overlap_dialog_set_file (dialog, 1, theirs));
  compare (dialog);

  g_assert_false (gtk_widget_get_visible (need_named (dialog, "overlap-error")));
  g_assert_true (gtk_widget_get_visible (need_named (dialog, "overlap-result")));
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (need_named (dialog, "overlap-result"))), ==,
                   "Our list has 5 companies, theirs 6.");
  g_assert_cmpstr (count_text (dialog, "overlap"), ==, "2");
  g_assert_cmpstr (count_text (dialog, "our-prospects"), ==, "1");
  g_assert_cmpstr (count_text (dialog, "their-prospects"), ==, "1");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Umbrella Corp"));
  assert_controls_named (GTK_WIDGET (dialog));

  kept = accord_store_get_overlap (f->store, partner, &error);
  g_assert_no_error (error);
  g_assert_null (kept);

  adw_combo_row_set_selected (ADW_COMBO_ROW (partner_row), partner_position (partner_row, partner));
  g_assert_true (gtk_widget_get_sensitive (keep));
  dialog_ref = g_object_ref_sink (GTK_WIDGET (dialog));
  g_signal_emit_by_name (keep, "clicked");
  /* Kept: the dialog has closed. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_clear_object (&dialog_ref);

  kept = accord_store_get_overlap (f->store, partner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->computed_on, ==, TODAY);
  g_assert_cmpuint (kept->n_ours, ==, 5);
  g_assert_cmpuint (kept->n_theirs, ==, 6);
  assert_names (kept->names[ACCORD_OVERLAP_BOTH_CUSTOMERS], "Acme Ltd|Globex");
  assert_names (kept->names[ACCORD_OVERLAP_OUR_PROSPECTS], "Initech");
  assert_names (kept->names[ACCORD_OVERLAP_THEIR_PROSPECTS], "Umbrella Corp");
  /* Only the counts and the matched names: not the lists. */
  assert_not_in_workspace (f, "Hooli");
  assert_not_in_workspace (f, "Starkwood");
  assert_not_in_workspace (f, "wayneford.example");

  g_assert_cmpstr (wait_for_toast (f, "Overlap kept on"), ==,
                   "Overlap kept on “Northwind & <Co>”");
}

/* A list it cannot read is explained in the dialog, and nothing can be kept. */
static void
test_overlap_bad_list (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) ours = write_file (f, "ours.csv", ours_csv);
  g_autoptr(GFile) theirs = write_file (f, "numbers.csv", "Amount,Quantity\n12,3\n");
  GtkWindow *dialog = accord_overlap_dialog_present (f->window);
  GtkWidget *error_label;

  g_assert_true (accord_overlap_dialog_set_file (dialog, 0, ours));
  g_assert_true (accord_overlap_dialog_set_file (dialog, 1, theirs));
  compare (dialog);
  error_label = need_named (dialog, "overlap-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)), "numbers.csv: "));
  g_assert_false (gtk_widget_get_visible (need_named (dialog, "overlap-result")));
  g_assert_false (gtk_widget_get_sensitive (need_named (dialog, "overlap-keep")));
  /* It can be tried again once a good file is chosen. */
  g_assert_true (accord_overlap_dialog_set_file (dialog, 1, ours));
  g_assert_false (gtk_widget_get_visible (error_label));
  compare (dialog);
  g_assert_cmpstr (count_text (dialog, "overlap"), ==, "4");
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
#define ADD(path, func, data) \
      g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

      ADD ("/data-dialogs/export/dialog", test_export_dialog, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
        {
          g_autofree char *path = g_strdup_printf ("/data-dialogs/export/%s",
                                                   export_cases[i].file_name);

          g_strdelimit (path + 1, " &", '-');
          ADD (path, test_export_writes, &export_cases[i]);
        }
      ADD ("/data-dialogs/export/fails", test_export_fails, NULL);
      ADD ("/data-dialogs/report/portfolio", test_report_portfolio, NULL);
      ADD ("/data-dialogs/report/partner", test_report_partner, NULL);
      ADD ("/data-dialogs/overlap/keep", test_overlap, NULL);
      ADD ("/data-dialogs/overlap/bad-list", test_overlap_bad_list, NULL);
#undef ADD
    }
  return g_test_run ();
}
