/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-agreements-view.h"

#include "accord-locale.h"
#include "accord-agreement-dialog.h"
#include "accord-form.h"
#include "accord-lifecycle.h"
#include "accord-store.h"

#include <glib/gi18n.h>
#include <string.h>

struct _AccordAgreementsView
{
  AdwBin parent_instance;

  AccordStore *store;
  GListModel *partners;
  gulong agreements_handler;
  gulong partner_handler;
  gulong items_handler;
  /* Changes that came while the view was hidden wait until it shows. */
  gboolean stale;
  /* Partner ids with an agreement listed: only their renames matter. */
  GHashTable *listed_partners;

  GtkStack *stack;
  GtkListBox *list;
  GtkLabel *summary_label;
};

G_DEFINE_FINAL_TYPE (AccordAgreementsView, accord_agreements_view, ADW_TYPE_BIN)

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How soon a decision is due, for highlighting. */
typedef enum
{
  URGENCY_NONE,
  URGENCY_90,
  URGENCY_60,
  URGENCY_30,
} Urgency;

typedef struct
{
  AccordAgreement *agreement;  /* owned by the list it came from */
  AccordPartner *partner;      /* owned by the store */
  char *deadline;              /* NULL: none, or not in force */
  int days;                    /* to the deadline */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->deadline);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int order;

  /* Soonest deadline first; those without one last. */
  if (x->deadline != NULL && y->deadline == NULL)
    return -1;
  if (x->deadline == NULL && y->deadline != NULL)
    return 1;
  if (x->deadline != NULL && (order = strcmp (x->deadline, y->deadline)) != 0)
    return order;
  order = g_utf8_collate (accord_partner_get_name (x->partner),
                          accord_partner_get_name (y->partner));
  if (order != 0)
    return order;
  return g_utf8_collate (x->agreement->title ? x->agreement->title : "",
                         y->agreement->title ? y->agreement->title : "");
}

static Urgency
urgency_of (const Entry *entry)
{
  /* Only a signed agreement calls for a decision: a draft's dates are
   * still proposals. A missed deadline is as urgent as it gets. */
  if (entry->deadline == NULL || entry->agreement->status != ACCORD_AGREEMENT_ACTIVE ||
      entry->days == ACCORD_DAYS_INVALID)
    return URGENCY_NONE;
  if (entry->days <= 30)
    return URGENCY_30;
  if (entry->days <= 60)
    return URGENCY_60;
  if (entry->days <= 90)
    return URGENCY_90;
  return URGENCY_NONE;
}

static GtkWidget *
line_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_new (AccordAgreementsView *self,
         const Entry          *entry)
{
  const AccordAgreement *a = entry->agreement;
  const char *today = accord_store_get_today (self->store);
  const char *partner_name = accord_partner_get_name (entry->partner);
  Urgency urgency = urgency_of (entry);
  AccordAgreementWarnings warnings;
  g_autofree char *what = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *accessible = NULL;
  const char *badge_text = NULL;
  GtkWidget *row, *box, *top, *name, *badge;
  guint n_warnings = 0;

  row = gtk_list_box_row_new ();
  {
    gint64 id = accord_partner_get_id (entry->partner);
    g_object_set_data_full (G_OBJECT (row), "accord-partner-id", g_memdup2 (&id, sizeof id), g_free);
  }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  name = gtk_label_new (partner_name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* Wrapped, not cut: on a phone the badge leaves the name little room. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (box), top);

  switch (urgency)
    {
    case URGENCY_30:
      badge_text = entry->days < 0 ? _("Deadline passed") : _("Decide within 30 days");
      gtk_widget_add_css_class (row, "agreement-due-30");
      break;
    case URGENCY_60:
      badge_text = _("Decide within 60 days");
      gtk_widget_add_css_class (row, "agreement-due-60");
      break;
    case URGENCY_90:
      badge_text = _("Decide within 90 days");
      gtk_widget_add_css_class (row, "agreement-due-90");
      break;
    case URGENCY_NONE:
    default:
      break;
    }
  if (badge_text != NULL)
    {
      badge = gtk_label_new (badge_text);
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_widget_add_css_class (badge, "agreement-badge");
      gtk_widget_add_css_class (badge, urgency == URGENCY_30 ? "error"
                                       : urgency == URGENCY_60 ? "warning" : "dim-label");
      gtk_box_append (GTK_BOX (top), badge);
    }

  if (a->title != NULL && *a->title != '\0')
    /* Translators: an agreement's title, then its status ("Reseller agreement · Active"). */
    what = g_strdup_printf (_("%s · %s"), a->title, accord_agreement_status_label (a->status));
  else
    what = g_strdup (accord_agreement_status_label (a->status));
  gtk_box_append (GTK_BOX (box), line_new (what, "dim-label"));

  if (entry->deadline != NULL)
    {
      g_autofree char *when = accord_agreement_describe_date (entry->deadline, today);
      /* Translators: %s is a date and how far away it is ("1 Dec 2026, in 23 days"). */
      deadline_text = g_strdup_printf (_("Notice deadline: %s"), when);
    }
  else if (a->status == ACCORD_AGREEMENT_EXPIRED || a->status == ACCORD_AGREEMENT_TERMINATED)
    {
      if (a->ended_on != NULL)
        {
          g_autofree char *ended = accord_format_date_display (a->ended_on);

          /* Translators: %s is the date an agreement ended. */
          deadline_text = g_strdup_printf (_("Ended on %s"), ended);
        }
      else
        deadline_text = g_strdup (_("Ended"));
    }
  else
    deadline_text = g_strdup (_("No notice deadline yet: it needs a start date and a term"));
  gtk_box_append (GTK_BOX (box), line_new (deadline_text, NULL));

  if (a->status != ACCORD_AGREEMENT_EXPIRED && a->status != ACCORD_AGREEMENT_TERMINATED)
    {
      if (a->renewal == ACCORD_RENEWAL_AUTOMATIC)
        {
          g_autofree char *renewal = accord_agreement_next_renewal (a, today);
          if (renewal != NULL)
            {
              g_autofree char *shown = accord_format_date_display (renewal);

              /* Translators: %s is a date. */
              next_text = g_strdup_printf (_("Renews automatically on %s"), shown);
            }
        }
      else
        {
          g_autofree char *end = accord_agreement_end_of_term (a);
          if (end != NULL)
            {
              g_autofree char *shown = accord_format_date_display (end);

              /* Translators: %s is a date. */
              next_text = g_strdup_printf (_("Ends on %s unless both sides renew"), shown);
            }
        }
    }
  if (next_text != NULL)
    gtk_box_append (GTK_BOX (box), line_new (next_text, "dim-label"));

  warnings = accord_agreement_get_warnings (a, accord_store_partner_has_results (self->store,
                                                                                entry->partner));
  for (guint bit = 0; bit < ACCORD_N_AGREEMENT_WARNINGS; bit++)
    if (warnings & (1 << bit))
      n_warnings++;
  if (n_warnings > 0)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *count = NULL;
      g_autoptr(GString) tooltip = g_string_new (NULL);

      /* Translators: %u is a number of warnings about an agreement. */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                            n_warnings), n_warnings);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), line_new (count, "caption"));
      for (guint bit = 0; bit < ACCORD_N_AGREEMENT_WARNINGS; bit++)
        if (warnings & (1 << bit))
          g_string_append_printf (tooltip, "%s%s", tooltip->len > 0 ? "\n" : "",
                                  accord_agreement_warning_title (1 << bit));
      accord_form_set_tooltip (line, tooltip->str);
      gtk_box_append (GTK_BOX (box), line);
    }

  /* One sentence for screen readers: who, when, and how urgent. */
  if (badge_text != NULL)
    /* Translators: a partner's name, the notice deadline line, then e.g. "Decide within 30 days". */
    accessible = g_strdup_printf (_("%s, %s, %s"), partner_name, deadline_text, badge_text);
  else
    /* Translators: a partner's name, then the notice deadline line. */
    accessible = g_strdup_printf (_("%s, %s"), partner_name, deadline_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
refresh (AccordAgreementsView *self)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  const char *today;
  guint n_urgent = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->listed_partners);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  agreements = accord_store_list_all_agreements (self->store, &error);
  if (agreements == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  today = accord_store_get_today (self->store);
  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *a = g_ptr_array_index (agreements, i);
      Entry entry = { a, accord_store_lookup_partner (self->store, a->partner_id), NULL, 0 };

      if (entry.partner == NULL)
        continue;
      if (a->status != ACCORD_AGREEMENT_EXPIRED && a->status != ACCORD_AGREEMENT_TERMINATED)
        entry.deadline = accord_agreement_notice_deadline (a, today);
      entry.days = entry.deadline != NULL ? accord_days_between (today, entry.deadline)
                                          : ACCORD_DAYS_INVALID;
      g_array_append_val (entries, entry);
      g_hash_table_add (self->listed_partners, GINT_TO_POINTER ((int) a->partner_id));
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (urgency_of (entry) == URGENCY_30)
        n_urgent++;
      gtk_list_box_append (self->list, row_new (self, entry));
    }

  if (n_urgent > 0)
    {
      /* Translators: %u is how many agreements need a decision within 30 days. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Sorted by notice deadline. %u agreement needs a decision within 30 days.",
                                                            "Sorted by notice deadline. %u agreements need a decision within 30 days.",
                                                            n_urgent),
                                               n_urgent);
      gtk_label_set_text (self->summary_label, text);
    }
  else
    gtk_label_set_text (self->summary_label, _("Sorted by notice deadline, soonest first."));

  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
}

static void
agreements_changed_cb (AccordStore          *store,
                       AccordPartner        *partner,
                       AccordAgreementsView *self)
{
  refresh (self);
}

static void
partner_changed_cb (AccordStore          *store,
                    AccordPartner        *partner,
                    AccordAgreementsView *self)
{
  /* A rename, or a move that brings results, shows in the listed rows. */
  if (g_hash_table_contains (self->listed_partners,
                             GINT_TO_POINTER ((int) accord_partner_get_id (partner))))
    refresh (self);
}

static void
partners_changed_cb (GListModel           *model,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     AccordAgreementsView *self)
{
  refresh (self);
}

static void
row_activated_cb (GtkListBox           *list,
                  GtkListBoxRow        *row,
                  AccordAgreementsView *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "accord-partner-id");
  AccordPartner *partner;

  if (self->store == NULL || id == NULL)
    return;
  partner = accord_store_lookup_partner (self->store, *id);
  if (partner != NULL)
    g_signal_emit (self, signals[SIGNAL_PARTNER_ACTIVATED], 0, partner);
}

static void
accord_agreements_view_map (GtkWidget *widget)
{
  AccordAgreementsView *self = ACCORD_AGREEMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (accord_agreements_view_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
disconnect_store (AccordAgreementsView *self)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->agreements_handler, self->store);
      g_clear_signal_handler (&self->partner_handler, self->store);
    }
  if (self->partners != NULL)
    g_clear_signal_handler (&self->items_handler, self->partners);
  g_clear_object (&self->partners);
}

static void
accord_agreements_view_dispose (GObject *object)
{
  AccordAgreementsView *self = ACCORD_AGREEMENTS_VIEW (object);

  disconnect_store (self);
  g_clear_object (&self->store);
  /* The bin would drop its child a second time after the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_AGREEMENTS_VIEW);

  G_OBJECT_CLASS (accord_agreements_view_parent_class)->dispose (object);
}

static void
accord_agreements_view_finalize (GObject *object)
{
  AccordAgreementsView *self = ACCORD_AGREEMENTS_VIEW (object);

  g_clear_pointer (&self->listed_partners, g_hash_table_unref);

  G_OBJECT_CLASS (accord_agreements_view_parent_class)->finalize (object);
}

static void
accord_agreements_view_class_init (AccordAgreementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_agreements_view_dispose;
  object_class->finalize = accord_agreements_view_finalize;
  widget_class->map = accord_agreements_view_map;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-agreements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordAgreementsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordAgreementsView, list);
  gtk_widget_class_bind_template_child (widget_class, AccordAgreementsView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /**
   * AccordAgreementsView::partner-activated:
   * @partner: the partner of the agreement a person chose
   */
  signals[SIGNAL_PARTNER_ACTIVATED] = g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);
}

static void
accord_agreements_view_init (AccordAgreementsView *self)
{
  self->listed_partners = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_agreements_view_new (void)
{
  return g_object_new (ACCORD_TYPE_AGREEMENTS_VIEW, NULL);
}

void
accord_agreements_view_set_store (AccordAgreementsView *self,
                                  AccordStore          *store)
{
  g_return_if_fail (ACCORD_IS_AGREEMENTS_VIEW (self));
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
      self->partners = g_object_ref (accord_store_get_partners (store));
      self->items_handler = g_signal_connect (self->partners, "items-changed",
                                              G_CALLBACK (partners_changed_cb), self);
    }
  refresh (self);
}
