/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-overlap-dialog.h"
#include "accord-form.h"

#include <glib/gi18n.h>

#include "accord-overlap.h"
#include "accord-partner-page.h"
#include "accord-window.h"

/* Account overlap: our customer list and a partner's, both CSV files,
 * read and matched in a worker thread on this machine (accord-overlap.h).
 * The result shows the counts and the matched names; "Keep on Partner"
 * saves those, and nothing else, on the chosen partner. */

/* Names listed per kind; the count says how many there are in all. */
#define MAX_NAMES_SHOWN 200

typedef struct
{
  AdwWindow      *dialog;
  AccordWindow   *window;        /* weak */
  AccordStore    *store;
  GPtrArray      *partners;      /* AccordPartner, as the combo row lists them */
  char           *paths[2];      /* ours, theirs */
  AdwActionRow   *file_rows[2];
  AdwComboRow    *partner_row;
  GtkLabel       *error_label;
  GtkButton      *compare_button;
  GtkButton      *keep_button;
  AdwPreferencesGroup *result_group;
  GPtrArray      *result_rows;   /* rows added to result_group */
  AccordOverlap  *overlap;
  GCancellable   *cancellable;   /* of the comparison running, if any */
  gboolean        busy;
} OverlapDialog;

static void
overlap_dialog_free (OverlapDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_free (self->paths[0]);
  g_free (self->paths[1]);
  g_clear_pointer (&self->result_rows, g_ptr_array_unref);
  g_clear_pointer (&self->overlap, accord_overlap_free);
  g_free (self);
}

static void
show_error (OverlapDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_buttons (OverlapDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button),
                            !self->busy && self->paths[0] != NULL && self->paths[1] != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button),
                            self->overlap != NULL && self->partners->len > 0);
}

static void
clear_result (OverlapDialog *self)
{
  for (guint i = 0; i < self->result_rows->len; i++)
    adw_preferences_group_remove (self->result_group, g_ptr_array_index (self->result_rows, i));
  g_ptr_array_set_size (self->result_rows, 0);
  g_clear_pointer (&self->overlap, accord_overlap_free);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
}

static void
show_result (OverlapDialog *self)
{
  g_autofree char *sizes = NULL;

  /* Translators: the sizes of the lists compared. */
  sizes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Our list has %u company, theirs %u.",
                                        "Our list has %u companies, theirs %u.",
                                        self->overlap->n_ours),
                           self->overlap->n_ours, self->overlap->n_theirs);
  adw_preferences_group_set_description (self->result_group, sizes);

  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    {
      GPtrArray *names = self->overlap->names[k];
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *count;
      g_autofree char *text = g_strdup_printf ("%u", names->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accord_overlap_kind_label (k));
      accord_form_label_expander_row (ADW_EXPANDER_ROW (row));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      count = gtk_label_new (text);
      {
        g_autofree char *name = g_strdup_printf ("overlap-count-%s",
                                                 accord_overlap_kind_to_key (k));

        gtk_widget_set_name (count, name);
      }
      gtk_widget_add_css_class (count, "numeric");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), count);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), names->len > 0);
      for (guint i = 0; i < names->len && i < MAX_NAMES_SHOWN; i++)
        {
          GtkWidget *name = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), g_ptr_array_index (names, i));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (name), FALSE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
        }
      if (names->len > MAX_NAMES_SHOWN)
        {
          GtkWidget *more = adw_action_row_new ();
          g_autofree char *title =
            g_strdup_printf (_("And %u more"), names->len - MAX_NAMES_SHOWN);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
          gtk_widget_add_css_class (more, "dim-label");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
        }
      adw_preferences_group_add (self->result_group, row);
      g_ptr_array_add (self->result_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}

/* Comparing, in a worker thread: reading the files is the slow part. */

typedef struct
{
  char *paths[2];
} CompareJob;

static void
compare_job_free (CompareJob *job)
{
  g_free (job->paths[0]);
  g_free (job->paths[1]);
  g_free (job);
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareJob *job = task_data;
  g_autoptr(AccordAccountList) ours = NULL;
  g_autoptr(AccordAccountList) theirs = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      AccordAccountList *list = accord_account_list_load_file (job->paths[i], &error);

      if (i == 0)
        ours = list;
      else
        theirs = list;
      if (list == NULL)
        {
          g_autofree char *base = g_path_get_basename (job->paths[i]);
          g_autofree char *display = g_filename_display_name (base);

          g_prefix_error (&error, "%s: ", display);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_pointer (task, accord_overlap_compute (ours, theirs),
                         (GDestroyNotify) accord_overlap_free);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OverlapDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  AccordOverlap *overlap = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the dialog is gone, or a file changed meanwhile */
  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  gtk_button_set_label (self->compare_button, _("_Compare"));
  update_buttons (self);
  if (overlap == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->overlap = overlap;
  show_result (self);
  update_buttons (self);
}

static void
compare_cb (GtkButton     *button,
            OverlapDialog *self)
{
  g_autoptr(GTask) task = NULL;
  CompareJob *job;

  if (self->paths[0] == NULL || self->paths[1] == NULL)
    return;
  clear_result (self);
  show_error (self, NULL);
  self->busy = TRUE;
  update_buttons (self);
  gtk_button_set_label (self->compare_button, _("Comparing…"));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (CompareJob, 1);
  job->paths[0] = g_strdup (self->paths[0]);
  job->paths[1] = g_strdup (self->paths[1]);
  task = g_task_new (NULL, self->cancellable, compare_done_cb, self);
  g_task_set_source_tag (task, compare_cb);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) compare_job_free);
  g_task_run_in_thread (task, compare_thread);
}

static void
keep_cb (GtkButton     *button,
         OverlapDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->partner_row);
  AccordPartner *partner;
  g_autofree char *message = NULL;

  if (self->overlap == NULL || selected >= self->partners->len)
    return;
  partner = g_ptr_array_index (self->partners, selected);
  if (!accord_store_save_overlap (self->store, partner, self->overlap, &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: after keeping an overlap, "Overlap kept on “Northwind”". */
  message = g_strdup_printf (_("Overlap kept on “%s”"), accord_partner_get_name (partner));
  if (self->window != NULL)
    {
      /* Toast titles are markup: a name may hold "&". */
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      accord_window_add_toast (self->window, adw_toast_new (escaped));
    }
  gtk_window_destroy (GTK_WINDOW (self->dialog));
}

/* Choosing files */

typedef struct
{
  OverlapDialog *self;
  guint          which;
} FileRequest;

static gboolean
set_file (OverlapDialog *self,
          guint          which,
          GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (base);

  if (path == NULL)
    {
      show_error (self, _("Choose a file on this computer"));
      return FALSE;
    }
  /* A comparison still running is of the old file: drop it. */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->busy = FALSE;
      gtk_button_set_label (self->compare_button, _("_Compare"));
    }
  g_free (self->paths[which]);
  self->paths[which] = g_steal_pointer (&path);
  adw_action_row_set_subtitle (self->file_rows[which], display);
  clear_result (self);
  show_error (self, NULL);
  update_buttons (self);
  return TRUE;
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                FileRequest     *request)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file != NULL)
    set_file (request->self, request->which, file);
  g_free (request);
}

static void
choose_cb (GtkButton     *button,
           OverlapDialog *self)
{
  guint which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "accord-which"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  FileRequest *request;

  native = gtk_file_chooser_native_new (which == 0 ? _("Our Customers") : _("Their Customers"),
                                        GTK_WINDOW (self->dialog), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  request = g_new0 (FileRequest, 1);
  request->self = self;
  request->which = which;
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkWidget *
file_row (OverlapDialog *self,
          guint          which,
          const char    *title,
          const char    *button_tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No file chosen"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (button, button_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_tooltip, -1);
  g_object_set_data (G_OBJECT (button), "accord-which", GUINT_TO_POINTER (which));
  g_signal_connect (button, "clicked", G_CALLBACK (choose_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  self->file_rows[which] = ADW_ACTION_ROW (row);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  AccordPartner *x = *(AccordPartner **) a;
  AccordPartner *y = *(AccordPartner **) b;

  return g_utf8_collate (accord_partner_get_name (x), accord_partner_get_name (y));
}

/**
 * accord_overlap_dialog_present:
 * @window: the window
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when no
 *   workspace is open
 */
GtkWindow *
accord_overlap_dialog_present (AccordWindow *window)
{
  OverlapDialog *self;
  AccordStore *store;
  AccordPartnerPage *page;
  AccordPartner *shown = NULL;
  GListModel *partners;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *scroller, *prefs, *lists, *result, *buttons, *partner_group;
  guint selected = 0;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);

  store = accord_window_get_store (window);
  if (store == NULL)
    return NULL;
  page = accord_window_get_partner_page (window);
  if (page != NULL && g_str_equal (accord_window_get_page (window), "partners"))
    shown = accord_partner_page_get_partner (page);

  self = g_new0 (OverlapDialog, 1);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (store);
  self->result_rows = g_ptr_array_new ();
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
  partners = accord_store_get_partners (store);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    g_ptr_array_add (self->partners, g_list_model_get_item (partners, i));
  g_ptr_array_sort (self->partners, compare_names);
  for (guint i = 0; i < self->partners->len; i++)
    {
      AccordPartner *partner = g_ptr_array_index (self->partners, i);

      gtk_string_list_append (names, accord_partner_get_name (partner));
      if (partner == shown)
        selected = i;
    }

  self->dialog = ADW_WINDOW (adw_window_new ());
  gtk_window_set_title (GTK_WINDOW (self->dialog), _("Account Overlap"));
  gtk_window_set_transient_for (GTK_WINDOW (self->dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (self->dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self->dialog), 560, 640);
  g_object_set_data_full (G_OBJECT (self->dialog), "accord-overlap-dialog", self,
                          (GDestroyNotify) overlap_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  prefs = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), prefs);

  lists = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (lists), _("Customer Lists"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (lists),
                                         _("Two CSV files with a column of company names, "
                                           "domains or e-mail addresses, and optionally a "
                                           "status (customer, prospect, lead). They are read "
                                           "and matched on this computer: nothing is sent "
                                           "anywhere."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (lists),
                             file_row (self, 0, _("Our Customers"), _("Choose our customer list")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (lists),
                             file_row (self, 1, _("Partner’s Customers"),
                                       _("Choose the partner’s customer list")));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "overlap-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (lists), GTK_WIDGET (self->error_label));

  self->compare_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Compare")));
  gtk_widget_set_name (GTK_WIDGET (self->compare_button), "overlap-compare");
  gtk_widget_add_css_class (GTK_WIDGET (self->compare_button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->compare_button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->compare_button), 12);
  g_signal_connect (self->compare_button, "clicked", G_CALLBACK (compare_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (lists), GTK_WIDGET (self->compare_button));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (lists));

  result = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (result), _("Overlap"));
  self->result_group = ADW_PREFERENCES_GROUP (result);
  gtk_widget_set_name (result, "overlap-result");
  gtk_widget_set_visible (result, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (result));

  partner_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (partner_group), _("Partner"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (partner_group),
                                         _("Only the counts and the matched names are kept on "
                                           "the partner, never the lists."));
  self->partner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->partner_row), "overlap-partner");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row), _("Partner"));
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (names));
  if (self->partners->len > 0)
    adw_combo_row_set_selected (self->partner_row, selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (partner_group),
                             GTK_WIDGET (self->partner_row));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 12);
  self->keep_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Keep on Partner")));
  gtk_widget_set_name (GTK_WIDGET (self->keep_button), "overlap-keep");
  gtk_widget_add_css_class (GTK_WIDGET (self->keep_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->keep_button), "suggested-action");
  g_signal_connect (self->keep_button, "clicked", G_CALLBACK (keep_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->keep_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (partner_group), buttons);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (partner_group));

  adw_window_set_content (self->dialog, box);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (GTK_WIDGET (self->dialog), shortcuts);
  }
  update_buttons (self);
  gtk_window_present (GTK_WINDOW (self->dialog));
  return GTK_WINDOW (self->dialog);
}

static OverlapDialog *
get_dialog (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "accord-overlap-dialog");
}

/**
 * accord_overlap_dialog_set_file:
 * @dialog: a dialog from accord_overlap_dialog_present()
 * @which: 0 for our list, 1 for the partner's
 * @file: the CSV file
 *
 * What choosing a file does once the file chooser returned @file.
 *
 * Returns: whether @file was taken (a local file)
 */
gboolean
accord_overlap_dialog_set_file (GtkWindow *dialog,
                                guint      which,
                                GFile     *file)
{
  OverlapDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);
  g_return_val_if_fail (which < 2, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  self = get_dialog (dialog);
  g_return_val_if_fail (self != NULL, FALSE);

  return set_file (self, which, file);
}

/**
 * accord_overlap_dialog_is_busy:
 * @dialog: a dialog from accord_overlap_dialog_present()
 *
 * Returns: whether a comparison is running in its thread
 */
gboolean
accord_overlap_dialog_is_busy (GtkWindow *dialog)
{
  OverlapDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);
  self = get_dialog (dialog);
  g_return_val_if_fail (self != NULL, FALSE);

  return self->busy;
}
