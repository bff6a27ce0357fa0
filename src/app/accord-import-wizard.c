/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-import-wizard.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accord-csv.h"
#include "accord-import.h"
#include "accord-store.h"
#include "accord-window.h"

/* The wizard: a window of its own with a stack of pages (mapping, match
 * key, preview with the dry run's report, progress, done) and Back/Next in
 * the header. The dry run and the import run in a GTask thread on a store
 * connection of their own; the window's store reloads its partners after
 * the import commits (accord_store_reload_partners()). */

#define N_SAMPLE_ROWS 5

typedef struct
{
  GWeakRef            window;     /* AccordWindow */
  GtkWindow          *dialog;
  GBytes             *data;
  char               *file_name;
  GPtrArray          *headers;    /* char * */
  GPtrArray          *samples;    /* GPtrArray of char *, per row */
  const char * const *targets;    /* accord_import_list_targets() */

  GtkStack           *stack;
  GtkWidget          *back;
  GtkWidget          *next;
  AdwWindowTitle     *title;
  GPtrArray          *combos;     /* AdwComboRow, per column */
  GtkWidget          *match_buttons[4];
  GtkWidget          *summary;
  GtkWidget          *problems_group;
  GtkStringList      *problems;
  GtkWidget          *skip_invalid;
  GtkWidget          *preview_grid_parent;
  GtkWidget          *preview_grid;
  GtkWidget          *progress_bar;
  GtkWidget          *progress_label;
  GtkWidget          *result;

  GCancellable       *cancellable;
  gboolean            busy;
  gboolean            closing;
  gboolean            checked;    /* the dry run for the current choices ended */
  guint               check_serial;
  AccordImportReport *report;     /* the latest dry run's */
} Wizard;

typedef struct
{
  char              *path;
  char              *today;
  GBytes            *data;
  GHashTable        *mapping;
  AccordImportMatch  match;
  AccordImportFlags  flags;
  GtkWindow         *dialog;      /* owned ref, for progress */
  guint              serial;
  AccordImportReport *report;
} Job;

typedef struct
{
  GtkWindow         *dialog;
  AccordImportPhase  phase;
  guint              done;
  guint              total;
} ProgressUpdate;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->today);
  g_bytes_unref (job->data);
  g_clear_pointer (&job->mapping, g_hash_table_unref);
  g_clear_object (&job->dialog);
  g_clear_pointer (&job->report, accord_import_report_free);
  g_free (job);
}

static void
wizard_free (gpointer data)
{
  Wizard *w = data;

  g_weak_ref_clear (&w->window);
  g_clear_pointer (&w->data, g_bytes_unref);
  g_free (w->file_name);
  g_clear_pointer (&w->headers, g_ptr_array_unref);
  g_clear_pointer (&w->samples, g_ptr_array_unref);
  g_clear_pointer (&w->combos, g_ptr_array_unref);
  g_clear_object (&w->problems);
  g_clear_object (&w->cancellable);
  g_clear_pointer (&w->report, accord_import_report_free);
  g_free (w);
}

static Wizard *
get_wizard (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "accord-import-wizard");
}

/* The target key a column's combo row shows ("ignore" for the first). */
static const char *
column_target (Wizard *w,
               guint   column)
{
  guint selected = adw_combo_row_get_selected (w->combos->pdata[column]);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "ignore";
  return w->targets[selected - 1];
}

static GHashTable *
dup_mapping (Wizard *w)
{
  GHashTable *mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < w->headers->len; i++)
    g_hash_table_insert (mapping, g_strdup (w->headers->pdata[i]),
                         g_strdup (column_target (w, i)));
  return mapping;
}

static AccordImportMatch
chosen_match (Wizard *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (w->match_buttons); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (w->match_buttons[i])))
      return i;
  return ACCORD_IMPORT_MATCH_NONE;
}

static const char *const page_names[] = { "mapping", "match", "preview", "progress", "done" };

static guint
page_index (Wizard *w)
{
  const char *name = gtk_stack_get_visible_child_name (w->stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return 0;
}

static gboolean
can_import (Wizard *w)
{
  if (!w->checked || w->busy || w->report == NULL)
    return FALSE;
  if (w->report->n_created + w->report->n_updated == 0)
    return FALSE;
  return w->report->problems->len == 0 ||
         gtk_check_button_get_active (GTK_CHECK_BUTTON (w->skip_invalid));
}

static void
update_buttons (Wizard *w)
{
  guint page = page_index (w);

  gtk_widget_set_visible (w->back, page > 0 && page < 3);
  gtk_widget_set_visible (w->next, page < 3 || page == 4);
  gtk_widget_remove_css_class (w->next, "suggested-action");
  switch (page)
    {
    case 2:
      gtk_button_set_label (GTK_BUTTON (w->next), _("_Import"));
      gtk_widget_add_css_class (w->next, "suggested-action");
      gtk_widget_set_sensitive (w->next, can_import (w));
      break;
    case 4:
      gtk_button_set_label (GTK_BUTTON (w->next), _("_Done"));
      gtk_widget_add_css_class (w->next, "suggested-action");
      gtk_widget_set_sensitive (w->next, TRUE);
      break;
    default:
      gtk_button_set_label (GTK_BUTTON (w->next), _("_Next"));
      gtk_widget_set_sensitive (w->next, TRUE);
      break;
    }
  /* The focus is lost while the focused Next is hidden or insensitive
   * (checking, importing): give it back, so that Enter goes on. */
  if (gtk_widget_get_visible (w->next) && gtk_widget_get_sensitive (w->next) &&
      gtk_window_get_focus (w->dialog) == NULL)
    gtk_widget_grab_focus (w->next);
}

/* ---- Threads ---- */

static gboolean
progress_idle (gpointer data)
{
  ProgressUpdate *update = data;
  Wizard *w = get_wizard (update->dialog);

  if (w != NULL && !w->closing && w->busy && update->total > 0)
    {
      /* Checking is the first half of the bar, writing the second. */
      double fraction = ((double) update->done / update->total) / 2.0 +
                        (update->phase == ACCORD_IMPORT_PHASE_WRITE ? 0.5 : 0.0);
      g_autofree char *text = NULL;

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (w->progress_bar), fraction);
      text = g_strdup_printf (update->phase == ACCORD_IMPORT_PHASE_CHECK
                              ? _("Checking row %u of %u…") : _("Writing row %u of %u…"),
                              update->done, update->total);
      gtk_label_set_text (GTK_LABEL (w->progress_label), text);
    }
  g_object_unref (update->dialog);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
job_progress (AccordImportPhase phase,
              guint             done,
              guint             total,
              gpointer          user_data)
{
  Job *job = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->dialog = g_object_ref (job->dialog);
  update->phase = phase;
  update->done = done;
  update->total = total;
  g_idle_add (progress_idle, update);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AccordImportOptions options = { 0, };

  store = accord_store_open (job->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  accord_store_set_today (store, job->today);

  options.flags = job->flags;
  options.match = job->match;
  options.mapping = job->mapping;
  options.progress = job_progress;
  options.progress_data = job;
  if (!accord_import_csv_full (store, job->data, &options, &job->report, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_job (Wizard *w, gboolean dry_run, GAsyncReadyCallback callback);

/* ---- Preview ---- */

static void
fill_preview (Wizard *w)
{
  GtkWidget *grid = gtk_grid_new ();
  guint col = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 12);

  for (guint i = 0; i < w->headers->len; i++)
    {
      const char *target = column_target (w, i);
      GtkWidget *label;

      if (g_str_equal (target, "ignore"))
        continue;
      label = gtk_label_new (accord_import_target_get_label (target));
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, col, 0, 1, 1);
      for (guint r = 0; r < w->samples->len; r++)
        {
          GPtrArray *fields = w->samples->pdata[r];
          const char *value = i < fields->len ? fields->pdata[i] : "";
          GtkWidget *cell = gtk_label_new (value);

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 24);
          gtk_label_set_single_line_mode (GTK_LABEL (cell), TRUE);
          gtk_grid_attach (GTK_GRID (grid), cell, col, r + 1, 1, 1);
        }
      col++;
    }

  if (col == 0)
    {
      GtkWidget *label = gtk_label_new (_("No column is imported: choose a field for at least one"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
    }

  if (w->preview_grid != NULL)
    gtk_box_remove (GTK_BOX (w->preview_grid_parent), w->preview_grid);
  w->preview_grid = grid;
  gtk_box_append (GTK_BOX (w->preview_grid_parent), grid);
}

static void
show_report (Wizard *w)
{
  AccordImportReport *report = w->report;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (report == NULL)
    return;

  g_string_append_printf (summary,
                          ngettext ("%u new partner", "%u new partners", report->n_created),
                          report->n_created);
  g_string_append (summary, ", ");
  g_string_append_printf (summary,
                          ngettext ("%u updated", "%u updated", report->n_updated),
                          report->n_updated);
  if (report->problems->len > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary,
                              ngettext ("%u problem", "%u problems", report->problems->len),
                              report->problems->len);
    }
  gtk_label_set_text (GTK_LABEL (w->summary), summary->str);

  for (guint i = 0; i < report->problems->len; i++)
    {
      const AccordImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_ptr_array_add (lines, g_strdup_printf (_("Line %u: %s"), problem->line, problem->message));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (w->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (w->problems)),
                          (const char * const *) lines->pdata);
  gtk_widget_set_visible (w->problems_group, report->problems->len > 0);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GtkWindow *dialog = GTK_WINDOW (source);
  Wizard *w = get_wizard (dialog);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (w == NULL || w->closing)
    return;
  w->busy = FALSE;
  if (job->serial != w->check_serial)
    return;   /* the choices changed meanwhile; a newer check runs */

  g_clear_pointer (&w->report, accord_import_report_free);
  w->report = g_steal_pointer (&job->report);
  w->checked = TRUE;
  if (error != NULL && w->report != NULL && w->report->problems->len == 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Not a row problem (the file could not be opened): say so in the
       * report, which is where the person is looking. */
      AccordImportProblem *problem = g_new0 (AccordImportProblem, 1);

      problem->line = 1;
      problem->message = g_strdup (error->message);
      g_ptr_array_add (w->report->problems, problem);
    }
  show_report (w);
  update_buttons (w);
}

static void
run_check (Wizard *w)
{
  w->checked = FALSE;
  w->check_serial++;
  gtk_label_set_text (GTK_LABEL (w->summary), _("Checking every row…"));
  gtk_widget_set_visible (w->problems_group, FALSE);
  fill_preview (w);
  start_job (w, TRUE, check_done);
  update_buttons (w);
}

/* ---- Import ---- */

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWindow *dialog = GTK_WINDOW (source);
  Wizard *w = get_wizard (dialog);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(AccordWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reload_error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (w == NULL)
    return;
  w->busy = FALSE;
  window = g_weak_ref_get (&w->window);

  /* Committed: the window's store learns the new and updated partners,
   * even when the wizard was closed meanwhile. */
  if (ok && window != NULL &&
      !accord_store_reload_partners (accord_window_get_store (window), &reload_error))
    accord_window_add_toast (window, adw_toast_new (reload_error->message));

  if (w->closing)
    return;

  if (ok)
    {
      AccordImportReport *report = job->report;

      if (report->n_updated > 0)
        text = g_strdup_printf (ngettext ("Imported %u partner: %u new, %u updated.",
                                          "Imported %u partners: %u new, %u updated.",
                                          report->n_imported),
                                report->n_imported, report->n_created, report->n_updated);
      else
        text = g_strdup_printf (ngettext ("Imported %u partner.", "Imported %u partners.",
                                          report->n_imported),
                                report->n_imported);
      if (report->n_skipped > 0)
        {
          g_autofree char *with_skipped =
            g_strdup_printf (ngettext ("%s %u row with a problem was left out.",
                                       "%s %u rows with a problem were left out.",
                                       report->n_skipped),
                             text, report->n_skipped);

          g_free (text);
          text = g_steal_pointer (&with_skipped);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("Import cancelled. Nothing was imported."));
  else
    text = g_strdup_printf (_("Nothing was imported: %s"), error->message);

  adw_status_page_set_title (ADW_STATUS_PAGE (w->result),
                             ok ? _("Import Complete") : _("Nothing Imported"));
  adw_status_page_set_description (ADW_STATUS_PAGE (w->result), text);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (w->result),
                                 ok ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  gtk_stack_set_visible_child_name (w->stack, "done");
  update_buttons (w);
  gtk_widget_grab_focus (w->next);
}

static void
start_job (Wizard              *w,
           gboolean             dry_run,
           GAsyncReadyCallback  callback)
{
  g_autoptr(AccordWindow) window = g_weak_ref_get (&w->window);
  g_autoptr(GTask) task = NULL;
  AccordStore *store;
  Job *job;

  if (window == NULL)
    return;
  store = accord_window_get_store (window);

  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
  g_clear_object (&w->cancellable);
  w->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->path = g_strdup (accord_store_get_path (store));
  job->today = g_strdup (accord_store_get_today (store));
  job->data = g_bytes_ref (w->data);
  job->mapping = dup_mapping (w);
  job->match = chosen_match (w);
  job->flags = dry_run ? ACCORD_IMPORT_DRY_RUN : ACCORD_IMPORT_DEFAULT;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (w->skip_invalid)))
    job->flags |= ACCORD_IMPORT_SKIP_INVALID;
  job->dialog = g_object_ref (w->dialog);
  job->serial = w->check_serial;

  w->busy = TRUE;
  task = g_task_new (w->dialog, w->cancellable, callback, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ---- Navigation ---- */

static void
go_to (Wizard     *w,
       const char *page)
{
  gtk_stack_set_visible_child_name (w->stack, page);
  if (g_str_equal (page, "preview"))
    run_check (w);
  update_buttons (w);
}

static void
next_clicked_cb (Wizard *w)
{
  switch (page_index (w))
    {
    case 0:
      go_to (w, "match");
      break;
    case 1:
      go_to (w, "preview");
      break;
    case 2:
      if (!can_import (w))
        return;
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (w->progress_bar), 0);
      gtk_label_set_text (GTK_LABEL (w->progress_label), _("Starting…"));
      gtk_stack_set_visible_child_name (w->stack, "progress");
      update_buttons (w);
      start_job (w, FALSE, import_done);
      break;
    case 4:
      gtk_window_close (w->dialog);
      break;
    default:
      break;
    }
}

static void
back_clicked_cb (Wizard *w)
{
  guint page = page_index (w);

  if (page == 0 || page > 2)
    return;
  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
  w->check_serial++;
  gtk_stack_set_visible_child_name (w->stack, page_names[page - 1]);
  update_buttons (w);
}

static void
cancel_clicked_cb (Wizard *w)
{
  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
  gtk_label_set_text (GTK_LABEL (w->progress_label), _("Cancelling…"));
}

static void
skip_toggled_cb (Wizard *w)
{
  update_buttons (w);
}

static gboolean
close_request_cb (GtkWindow *dialog,
                  Wizard    *w)
{
  /* Closing while importing cancels it: nothing is written. */
  w->closing = TRUE;
  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
  return FALSE;
}

/* ---- Building ---- */

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static char *
dup_samples_text (Wizard *w,
                  guint   column)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < w->samples->len && r < 3; r++)
    {
      GPtrArray *fields = w->samples->pdata[r];
      g_autofree char *value = NULL;

      if (column >= fields->len)
        continue;
      value = g_strstrip (g_strdup (fields->pdata[column]));
      if (*value == '\0')
        continue;
      g_strdelimit (value, "\r\n", ' ');
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, value);
    }
  if (text->len == 0)
    return g_strdup (_("No values in the first rows"));
  return g_markup_escape_text (text->str, -1);
}

static GtkWidget *
build_mapping_page (Wizard *w)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GtkStringList) model = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Choose the field each column fills. Accord guessed "
                                           "from the column names."));
  g_ptr_array_add (labels, (gpointer) _("Leave out"));
  for (guint i = 0; w->targets[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) accord_import_target_get_label (w->targets[i]));
  g_ptr_array_add (labels, NULL);
  model = gtk_string_list_new ((const char * const *) labels->pdata);

  w->combos = g_ptr_array_new ();
  for (guint i = 0; i < w->headers->len; i++)
    {
      const char *header = w->headers->pdata[i];
      const char *guess = accord_import_guess_target (header);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *name = g_strdup_printf ("import-column-%u", i);
      g_autofree char *samples = dup_samples_text (w, i);
      g_autofree char *title = g_markup_escape_text (*header ? header : _("(no name)"), -1);
      guint selected = 0;

      for (guint t = 0; guess != NULL && w->targets[t] != NULL; t++)
        if (g_str_equal (w->targets[t], guess))
          selected = t + 1;

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (w->combos, row);
    }

  gtk_box_append (GTK_BOX (box), group);
  return scrolled_page (box);
}

static GtkWidget *
build_match_page (Wizard *w)
{
  static const struct
  {
    const char *name;
    const char *title;
    const char *subtitle;
  } choices[] = {
    { "import-match-none", N_("Always Add New Partners"),
      N_("Every row becomes a new partner, even when one with the same name exists") },
    { "import-match-name", N_("Same Name"),
      N_("A row updates the partner with the same name, ignoring case") },
    { "import-match-domain", N_("Same Website Domain"),
      N_("A row updates the partner whose website has the same domain") },
    { "import-match-email", N_("Same Contact Email"),
      N_("A row updates the partner with a contact with the same email address") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Existing Partners"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A row that matches a partner you have updates it "
                                           "with the cells it fills, instead of adding a "
                                           "duplicate."));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, choices[i].name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(choices[i].title), -1);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    GTK_CHECK_BUTTON (w->match_buttons[0]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(choices[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(choices[i].subtitle));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      w->match_buttons[i] = check;
    }
  /* Updating the partner with the same name is what people expect of a
   * second import of the same list. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (w->match_buttons[ACCORD_IMPORT_MATCH_NAME]),
                               TRUE);

  gtk_box_append (GTK_BOX (box), group);
  return scrolled_page (box);
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (item, label);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (line));
}

static GtkWidget *
build_preview_page (Wizard *w)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *rows_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid_scroll = gtk_scrolled_window_new ();
  GtkWidget *skip_row = adw_action_row_new ();
  GtkWidget *list_view;
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  w->summary = gtk_label_new (NULL);
  gtk_widget_set_name (w->summary, "import-summary");
  gtk_widget_add_css_class (w->summary, "title-4");
  gtk_label_set_wrap (GTK_LABEL (w->summary), TRUE);
  gtk_box_append (GTK_BOX (box), w->summary);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows_group), _("First Rows"));
  w->preview_grid_parent = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (grid_scroll), w->preview_grid_parent);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grid_scroll), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_frame_set_child (GTK_FRAME (frame), grid_scroll);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows_group), frame);
  gtk_box_append (GTK_BOX (box), rows_group);

  w->problems_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (w->problems_group), _("Problems"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (w->problems_group),
                                         _("Fix these rows in the file and open it again, or "
                                           "import the other rows and leave these out."));
  w->problems = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind_cb), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                   G_LIST_MODEL (g_object_ref (w->problems)))), factory);
  gtk_widget_set_name (list_view, "import-problems");
  gtk_widget_add_css_class (list_view, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (list_scroll), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (list_scroll), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (list_scroll), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (w->problems_group), list_scroll);

  w->skip_invalid = gtk_check_button_new ();
  gtk_widget_set_name (w->skip_invalid, "import-skip-invalid");
  gtk_widget_set_valign (w->skip_invalid, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->skip_invalid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skip Invalid Rows"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip_row), _("Skip Invalid Rows"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (skip_row),
                               _("Import the other rows and leave these out"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (skip_row), w->skip_invalid);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (skip_row), w->skip_invalid);
  g_signal_connect_swapped (w->skip_invalid, "toggled", G_CALLBACK (skip_toggled_cb), w);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_widget_set_margin_top (list, 12);
    gtk_list_box_append (GTK_LIST_BOX (list), skip_row);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (w->problems_group), list);
  }
  gtk_widget_set_visible (w->problems_group, FALSE);
  gtk_box_append (GTK_BOX (box), w->problems_group);

  return scrolled_page (box);
}

static GtkWidget *
build_progress_page (Wizard *w)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Importing…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Nothing is written until every row is in; cancelling "
                                     "leaves the workspace as it was."));
  w->progress_bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  w->progress_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->progress_label, "dim-label");
  gtk_widget_set_name (cancel, "import-cancel");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), w);
  gtk_box_append (GTK_BOX (box), w->progress_bar);
  gtk_box_append (GTK_BOX (box), w->progress_label);
  gtk_box_append (GTK_BOX (box), cancel);
  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 360);
    adw_clamp_set_child (ADW_CLAMP (clamp), box);
    adw_status_page_set_child (ADW_STATUS_PAGE (status), clamp);
  }
  return status;
}

/* Reads the header and the first rows for the mapping page. */
static gboolean
read_head (Wizard  *w,
           GError **error)
{
  g_autoptr(AccordCsvReader) reader = accord_csv_reader_new (w->data, error);

  if (reader == NULL)
    return FALSE;

  w->headers = g_ptr_array_new_with_free_func (g_free);
  w->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  while (w->samples->len < N_SAMPLE_ROWS)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean blank = TRUE;
      guint line;

      /* A broken quote later on is for the report to show, with its line. */
      if (!accord_csv_reader_next_row (reader, &fields, &line, &local_error))
        break;
      for (guint i = 0; i < fields->len && blank; i++)
        {
          g_autofree char *value = g_strstrip (g_strdup (fields->pdata[i]));

          blank = *value == '\0';
        }
      if (blank)
        continue;
      if (w->headers->len == 0)
        {
          for (guint i = 0; i < fields->len; i++)
            g_ptr_array_add (w->headers, g_strstrip (g_strdup (fields->pdata[i])));
          continue;
        }
      g_ptr_array_add (w->samples, g_steal_pointer (&fields));
    }

  if (w->headers->len == 0)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("The file is empty"));
      return FALSE;
    }
  return TRUE;
}

GtkWindow *
accord_import_wizard_present_file (AccordWindow *window,
                                   GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *basename = NULL;
  Wizard *w;
  GtkWidget *dialog, *content, *header, *cancel;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = g_file_load_bytes (file, NULL, NULL, &error);
  if (data == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the file: %s"),
                                                  error->message);

      accord_window_add_toast (window, adw_toast_new (message));
      return NULL;
    }

  w = g_new0 (Wizard, 1);
  g_weak_ref_init (&w->window, window);
  w->data = g_steal_pointer (&data);
  w->targets = accord_import_list_targets ();
  basename = g_file_get_basename (file);
  w->file_name = g_strdup (basename);
  if (!read_head (w, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"),
                                                  basename, error->message);

      accord_window_add_toast (window, adw_toast_new (message));
      wizard_free (w);
      return NULL;
    }

  dialog = g_object_new (ADW_TYPE_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  w->dialog = GTK_WINDOW (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "accord-import-wizard", w, wizard_free);
  gtk_window_set_title (w->dialog, _("Import Partners"));
  gtk_window_set_transient_for (w->dialog, GTK_WINDOW (window));
  gtk_window_set_modal (w->dialog, TRUE);
  gtk_window_set_default_size (w->dialog, 720, 640);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), w);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    /* Escape closes, as "Close" does. */
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (dialog, shortcuts);
  }

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  w->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import Partners"), basename));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (w->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Close"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  w->back = gtk_button_new_with_mnemonic (_("_Back"));
  gtk_widget_set_name (w->back, "import-back");
  g_signal_connect_swapped (w->back, "clicked", G_CALLBACK (back_clicked_cb), w);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), w->back);
  w->next = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_widget_set_name (w->next, "import-next");
  g_signal_connect_swapped (w->next, "clicked", G_CALLBACK (next_clicked_cb), w);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), w->next);
  gtk_window_set_default_widget (w->dialog, w->next);
  gtk_box_append (GTK_BOX (content), header);

  w->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (w->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_titled (w->stack, build_mapping_page (w), "mapping", _("Columns"));
  gtk_stack_add_titled (w->stack, build_match_page (w), "match", _("Existing Partners"));
  gtk_stack_add_titled (w->stack, build_preview_page (w), "preview", _("Preview"));
  gtk_stack_add_titled (w->stack, build_progress_page (w), "progress", _("Importing"));
  w->result = adw_status_page_new ();
  gtk_widget_set_name (w->result, "import-result");
  gtk_stack_add_titled (w->stack, w->result, "done", _("Done"));
  gtk_widget_set_vexpand (GTK_WIDGET (w->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (w->stack));
  adw_window_set_content (ADW_WINDOW (dialog), content);

  gtk_stack_set_visible_child_name (w->stack, "mapping");
  update_buttons (w);
  gtk_window_present (w->dialog);
  /* Enter goes on from page to page; Tab reaches the page's controls. */
  gtk_widget_grab_focus (w->next);
  return w->dialog;
}

const char *
accord_import_wizard_get_page (GtkWindow *wizard)
{
  Wizard *w = get_wizard (wizard);

  g_return_val_if_fail (w != NULL, NULL);
  return page_names[page_index (w)];
}

gboolean
accord_import_wizard_is_busy (GtkWindow *wizard)
{
  Wizard *w = get_wizard (wizard);

  g_return_val_if_fail (w != NULL, FALSE);
  return w->busy;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AccordWindow    *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        accord_import_wizard_present_file (window, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (window);
}

void
accord_import_wizard_present (AccordWindow *window)
{
  const char *test_file = g_getenv ("ACCORD_IMPORT_FILE");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (ACCORD_IS_WINDOW (window));

  /* Test hook (see the header): the portal file chooser cannot be driven
   * through AT-SPI. */
  if (test_file != NULL && *test_file != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_file);

      accord_import_wizard_present_file (window, file);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Partners from CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb),
                    g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
