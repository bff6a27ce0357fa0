/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-agreement-summary.h"

#include "accord-locale.h"
#include "accord-form.h"

#include "accord-agreement-dialog.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <glib/gi18n.h>

/* Within this many days before a notice deadline the page says so. */
#define URGENT_DAYS 30

struct _AccordAgreementSummary
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  gulong agreements_handler;
  gulong partner_handler;

  /* The agreement the rows describe (a copy), or NULL. */
  AccordAgreement *shown;
  GPtrArray *rows;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (AccordAgreementSummary, accord_agreement_summary, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (AccordAgreementSummary *self);

static gboolean
is_in_force_or_coming (const AccordAgreement *a)
{
  return a->status != ACCORD_AGREEMENT_EXPIRED && a->status != ACCORD_AGREEMENT_TERMINATED;
}

static GtkWidget *
add_row (AccordAgreementSummary *self,
         const char             *title,
         const char             *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static GtkWidget *
change_row (const AccordAgreementChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  AccordAgreementStatus status;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;

  if (g_strcmp0 (change->kind, "status") == 0 && change->status != NULL &&
      accord_agreement_status_from_key (change->status, &status))
    /* Translators: %s is an agreement status ("Active"). */
    title = g_strdup_printf (_("Status changed to %s"), accord_agreement_status_label (status));
  else if (g_strcmp0 (change->kind, "created") == 0)
    title = g_strdup (_("Recorded"));
  else if (change->summary != NULL && *change->summary != '\0')
    /* Translators: %s says which terms changed. */
    title = g_strdup_printf (_("Amended: %s"), change->summary);
  else
    title = g_strdup (_("Amended"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  when = accord_format_date_display (change->date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  return row;
}

static char *
describe_status (const AccordAgreement *a)
{
  if (a->status_since != NULL)
    {
      g_autofree char *since = accord_format_date_display (a->status_since);

      /* Translators: an agreement status ("Active"), then the date it began. */
      return g_strdup_printf (_("%s since %s"), accord_agreement_status_label (a->status),
                              since);
    }
  return g_strdup (accord_agreement_status_label (a->status));
}

static void
open_dialog (AccordAgreementSummary *self,
             const AccordAgreement  *agreement)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL || self->partner == NULL)
    return;
  dialog = accord_agreement_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, self->partner, agreement);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
earlier_activated_cb (AdwActionRow           *row,
                      AccordAgreementSummary *self)
{
  const AccordAgreement *a = g_object_get_data (G_OBJECT (row), "accord-agreement");

  open_dialog (self, a);
}

static void
show_agreement (AccordAgreementSummary *self,
                const AccordAgreement  *a)
{
  const char *today = accord_store_get_today (self->store);
  g_autofree char *status = describe_status (a);
  g_autofree char *revenue = accord_agreement_describe_revenue (a);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", status, revenue);
  g_autofree char *deadline = accord_agreement_notice_deadline (a, today);
  g_autofree char *end = accord_agreement_end_of_term (a);
  g_autofree char *review = accord_agreement_next_review (a, today);
  AccordAgreementWarnings warnings;
  GtkWidget *row, *box, *button, *menu_button;
  g_autoptr(GMenu) menu = NULL;

  row = add_row (self, a->title != NULL && *a->title != '\0' ? a->title : _("Agreement"), subtitle);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (button, _("Edit the agreement"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "summary.edit");
  gtk_box_append (GTK_BOX (box), button);
  menu = g_menu_new ();
  g_menu_append (menu, _("_Delete Agreement"), "summary.delete");
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (menu_button, _("More about the agreement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More about the agreement"), -1);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (box), menu_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  if (deadline != NULL)
    {
      g_autofree char *when = accord_agreement_describe_date (deadline, today);
      int days = accord_days_between (today, deadline);

      row = add_row (self, _("Notice deadline"), when);
      if (a->status == ACCORD_AGREEMENT_ACTIVE && days != ACCORD_DAYS_INVALID &&
          days <= URGENT_DAYS)
        {
          GtkWidget *badge = gtk_label_new (days < 0 ? _("Deadline passed")
                                                     : _("Decide within 30 days"));

          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (badge, "agreement-badge");
          gtk_widget_add_css_class (badge, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
    }
  else
    add_row (self, _("Notice deadline"), _("Needs a start date and a term"));

  if (a->renewal == ACCORD_RENEWAL_AUTOMATIC)
    {
      g_autofree char *renewal = accord_agreement_next_renewal (a, today);

      if (renewal != NULL)
        {
          g_autofree char *when = accord_agreement_describe_date (renewal, today);
          add_row (self, _("Next renewal"), when);
        }
    }
  else if (end != NULL)
    {
      g_autofree char *when = accord_agreement_describe_date (end, today);
      add_row (self, _("End of term"), when);
    }

  if (review != NULL)
    {
      g_autofree char *when = accord_agreement_describe_date (review, today);
      add_row (self, _("Next review"), when);
    }

  warnings = accord_agreement_get_warnings (a, accord_store_partner_has_results (self->store,
                                                                                self->partner));
  for (guint bit = 0; bit < ACCORD_N_AGREEMENT_WARNINGS; bit++)
    {
      AccordAgreementWarnings one = 1 << bit;
      GtkWidget *icon;

      if (!(warnings & one))
        continue;
      row = add_row (self, accord_agreement_warning_title (one),
                     accord_agreement_warning_explain (one));
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "agreement-warning");
    }
}

static void
show_history (AccordAgreementSummary *self,
              GPtrArray              *agreements)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *count = NULL;
  GtkWidget *expander;
  guint n_earlier = 0;
  guint n_changes;

  if (self->shown != NULL)
    changes = accord_store_list_agreement_changes (self->store, self->shown->id, NULL);
  n_changes = changes != NULL ? changes->len : 0;
  for (guint i = 0; i < agreements->len; i++)
    if (self->shown == NULL ||
        ((AccordAgreement *) g_ptr_array_index (agreements, i))->id != self->shown->id)
      n_earlier++;
  if (n_earlier == 0 && n_changes == 0)
    return;

  expander = adw_expander_row_new ();
  accord_form_label_expander_row (ADW_EXPANDER_ROW (expander));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("History"));
  /* Translators: %u is a number of earlier or later agreements with this partner. */
  earlier = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other agreement",
                                          "%u other agreements", n_earlier), n_earlier);
  /* Translators: %u is a number of dated changes to the agreement. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                           n_changes);
  if (n_earlier > 0 && n_changes > 0)
    /* Translators: "2 other agreements, 3 changes". */
    subtitle = g_strdup_printf (_("%s, %s"), earlier, count);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 subtitle != NULL ? subtitle : n_earlier > 0 ? earlier : count);

  /* Newest first, as the stage history reads. */
  for (guint i = n_changes; i > 0; i--)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              change_row (g_ptr_array_index (changes, i - 1)));

  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *a = g_ptr_array_index (agreements, i);
      g_autofree char *status = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *end = NULL;
      GtkWidget *row;

      if (self->shown != NULL && a->id == self->shown->id)
        continue;
      status = describe_status (a);
      end = a->ended_on != NULL ? g_strdup (a->ended_on) : accord_agreement_end_of_term (a);
      if (a->start != NULL && end != NULL)
        {
          g_autofree char *from = accord_format_date_display (a->start);
          g_autofree char *to = accord_format_date_display (end);

          /* Translators: a status, then the dates the agreement ran from and to. */
          dates = g_strdup_printf (_("%s, %s to %s"), status, from, to);
        }
      else
        dates = g_strdup (status);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     a->title != NULL && *a->title != '\0' ? a->title
                                                                           : _("Agreement"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      accord_form_set_tooltip (row, _("Open this agreement"));
      g_object_set_data_full (G_OBJECT (row), "accord-agreement", accord_agreement_copy (a),
                              (GDestroyNotify) accord_agreement_free);
      g_signal_connect (row, "activated", G_CALLBACK (earlier_activated_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), expander);
  g_ptr_array_add (self->rows, expander);
}

static void
refresh (AccordAgreementSummary *self)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GError) error = NULL;
  AccordAgreement *shown = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->shown, accord_agreement_free);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.add",
                                 self->store != NULL && self->partner != NULL);
  if (self->store == NULL || self->partner == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.delete", FALSE);
      return;
    }

  agreements = accord_store_list_agreements (self->store, self->partner, &error);
  if (agreements == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }

  /* The active agreement; else the newest one still to come. */
  for (guint i = 0; i < agreements->len && shown == NULL; i++)
    {
      AccordAgreement *a = g_ptr_array_index (agreements, i);
      if (a->status == ACCORD_AGREEMENT_ACTIVE)
        shown = a;
    }
  for (guint i = 0; i < agreements->len && shown == NULL; i++)
    {
      AccordAgreement *a = g_ptr_array_index (agreements, i);
      if (is_in_force_or_coming (a))
        shown = a;
    }
  if (shown != NULL)
    self->shown = accord_agreement_copy (shown);

  if (agreements->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("No agreement yet. Record what you agree on, such as "
                                             "the term, the notice period and the revenue split, "
                                             "and Accord keeps an eye on its deadlines."));
  else if (shown == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("No agreement in force. Earlier ones are kept "
                                             "under History."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.edit", shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.delete", shown != NULL);

  if (shown != NULL)
    show_agreement (self, shown);
  show_history (self, agreements);
}

static void
agreements_changed_cb (AccordStore            *store,
                       AccordPartner          *partner,
                       AccordAgreementSummary *self)
{
  if (partner == self->partner)
    refresh (self);
}

static void
partner_changed_cb (AccordStore            *store,
                    AccordPartner          *partner,
                    AccordAgreementSummary *self)
{
  /* A move to Growing brings results, which ends the early-exclusivity warning. */
  if (partner == self->partner && self->shown != NULL &&
      self->shown->exclusivity != ACCORD_EXCLUSIVITY_NONE)
    refresh (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (ACCORD_AGREEMENT_SUMMARY (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordAgreementSummary *self = ACCORD_AGREEMENT_SUMMARY (widget);

  if (self->shown != NULL)
    open_dialog (self, self->shown);
}

typedef struct
{
  AccordStore *store;
  AccordAgreement *agreement;
  GtkWidget *overlay;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->agreement, accord_agreement_free);
  g_clear_weak_pointer (&deleted->overlay);
  g_free (deleted);
}

static void
toast (GtkWidget  *overlay,
       AdwToast   *t)
{
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (t);
}

static AdwToast *
message_toast (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  return adw_toast_new (escaped);
}

static void
undo_delete_cb (AdwToast *t,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordAgreement) again = accord_agreement_copy (deleted->agreement);

  /* Saved afresh: the same terms under a new id. */
  again->id = 0;
  if (!accord_store_save_agreement (deleted->store, again, &error))
    toast (deleted->overlay, message_toast (error->message));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordAgreementSummary *self = ACCORD_AGREEMENT_SUMMARY (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  Deleted *deleted;
  AdwToast *t;

  if (self->shown == NULL || self->store == NULL)
    return;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (self->store);
  deleted->agreement = accord_agreement_copy (self->shown);
  g_set_weak_pointer (&deleted->overlay, overlay);

  if (!accord_store_delete_agreement (self->store, self->shown->id, &error))
    {
      toast (overlay, message_toast (error->message));
      deleted_free (deleted);
      return;
    }

  t = adw_toast_new (_("Agreement deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) G_CALLBACK (deleted_free), 0);
  toast (overlay, t);
}

/* GObject */

static void
disconnect_store (AccordAgreementSummary *self)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->agreements_handler, self->store);
      g_clear_signal_handler (&self->partner_handler, self->store);
    }
}

static void
accord_agreement_summary_dispose (GObject *object)
{
  AccordAgreementSummary *self = ACCORD_AGREEMENT_SUMMARY (object);

  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->shown, accord_agreement_free);

  G_OBJECT_CLASS (accord_agreement_summary_parent_class)->dispose (object);
}

static void
accord_agreement_summary_finalize (GObject *object)
{
  AccordAgreementSummary *self = ACCORD_AGREEMENT_SUMMARY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_agreement_summary_parent_class)->finalize (object);
}

static void
accord_agreement_summary_class_init (AccordAgreementSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_agreement_summary_dispose;
  object_class->finalize = accord_agreement_summary_finalize;

  gtk_widget_class_install_action (widget_class, "summary.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "summary.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "summary.delete", NULL, delete_action);
}

static void
accord_agreement_summary_init (AccordAgreementSummary *self)
{
  GtkWidget *content;

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Agreement"));

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Agreement"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  accord_form_set_tooltip (self->add_button, _("Record a new agreement with this partner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Agreement"), -1);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "summary.add");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  refresh (self);
}

GtkWidget *
accord_agreement_summary_new (void)
{
  return g_object_new (ACCORD_TYPE_AGREEMENT_SUMMARY, NULL);
}

void
accord_agreement_summary_set_store (AccordAgreementSummary *self,
                                    AccordStore            *store)
{
  g_return_if_fail (ACCORD_IS_AGREEMENT_SUMMARY (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->agreements_handler = g_signal_connect (store, "agreements-changed",
                                                   G_CALLBACK (agreements_changed_cb), self);
      self->partner_handler = g_signal_connect (store, "partner-changed",
                                                G_CALLBACK (partner_changed_cb), self);
    }
  refresh (self);
}

void
accord_agreement_summary_set_partner (AccordAgreementSummary *self,
                                      AccordPartner          *partner)
{
  g_return_if_fail (ACCORD_IS_AGREEMENT_SUMMARY (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (g_set_object (&self->partner, partner))
    refresh (self);
}
