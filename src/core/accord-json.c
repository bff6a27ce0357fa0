/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-json.h"

#include "accord-agreement.h"
#include "accord-contact.h"
#include "accord-partner.h"
#include "accord-results.h"
#include "accord-stage-change.h"
#include "accord-store.h"
#include "accord-store-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* A partner with the key it sorts by, computed once rather than on every
 * comparison. */
typedef struct
{
  AccordPartner *partner;
  char          *collate_key;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  gint64 ida, idb;
  int cmp;

  cmp = strcmp (ea->collate_key, eb->collate_key);
  if (cmp != 0)
    return cmp;

  ida = accord_partner_get_id (ea->partner);
  idb = accord_partner_get_id (eb->partner);
  return (ida > idb) - (ida < idb);
}

/* The JSON text written straight into a string, laid out exactly as
 * JsonGenerator lays it out (two spaces of indent and " : " when pretty):
 * building a JsonNode tree for every partner and then walking it cost
 * more than everything else together. The tests parse the output and
 * generate it again with json-glib to keep the two the same. */
typedef struct
{
  GString  *out;
  gboolean  pretty;
  guint     depth;
  gboolean  member;       /* a member name was just written */
  guint     counts[64];   /* values so far in each open container */
} JsonWriter;

static void
writer_escape (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  /* Most text needs no escape: it is copied in runs, not byte by byte. */
  for (p = text; *p != '\0'; p++)
    {
      char c = *p;

      /* json-glib leaves 0x1f as it is, and so do we. */
      if (c != '"' && c != '\\' && (c < 0 || c >= 0x1f) && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u00%.2x", (guint) c); break;
        }
    }
  g_string_append_len (out, run, p - run);
}

static void
writer_indent (JsonWriter *w)
{
  for (guint i = 0; i < w->depth * 2; i++)
    g_string_append_c (w->out, ' ');
}

/* What comes before a value: the comma after the previous one, the new
 * line and the indent, unless a member name already wrote them. */
static void
writer_before_value (JsonWriter *w)
{
  if (w->member)
    {
      w->member = FALSE;
      return;
    }
  if (w->depth > 0)
    {
      if (w->counts[w->depth] > 0)
        g_string_append_c (w->out, ',');
      if (w->pretty)
        {
          g_string_append_c (w->out, '\n');
          writer_indent (w);
        }
      w->counts[w->depth]++;
    }
}

static void
json_writer_set_member_name (JsonWriter *w,
                             const char *name)
{
  writer_before_value (w);
  g_string_append_c (w->out, '"');
  writer_escape (w->out, name);
  g_string_append (w->out, w->pretty ? "\" : " : "\":");
  w->member = TRUE;
}

static void
writer_open (JsonWriter *w,
             char        bracket)
{
  writer_before_value (w);
  g_string_append_c (w->out, bracket);
  g_assert (w->depth + 1 < G_N_ELEMENTS (w->counts));
  w->depth++;
  w->counts[w->depth] = 0;
}

static void
writer_close (JsonWriter *w,
              char        bracket)
{
  gboolean empty = w->counts[w->depth] == 0;

  w->depth--;
  if (!empty && w->pretty)
    {
      g_string_append_c (w->out, '\n');
      writer_indent (w);
    }
  g_string_append_c (w->out, bracket);
}

#define json_writer_begin_object(w) writer_open ((w), '{')
#define json_writer_end_object(w) writer_close ((w), '}')
#define json_writer_begin_array(w) writer_open ((w), '[')
#define json_writer_end_array(w) writer_close ((w), ']')

static void
json_writer_add_string_value (JsonWriter *w,
                              const char *value)
{
  writer_before_value (w);
  g_string_append_c (w->out, '"');
  writer_escape (w->out, value);
  g_string_append_c (w->out, '"');
}

static void
json_writer_add_int_value (JsonWriter *w,
                           gint64      value)
{
  writer_before_value (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
json_writer_add_boolean_value (JsonWriter *w,
                               gboolean    value)
{
  writer_before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

static void
json_writer_add_null_value (JsonWriter *w)
{
  writer_before_value (w);
  g_string_append (w->out, "null");
}

static void
add_nullable_string (JsonWriter  *builder,
                     const char  *member,
                     const char  *value)
{
  json_writer_set_member_name (builder, member);
  if (value != NULL)
    json_writer_add_string_value (builder, value);
  else
    json_writer_add_null_value (builder);
}

static void
add_contact (JsonWriter    *builder,
             AccordContact *contact)
{
  json_writer_begin_object (builder);

  json_writer_set_member_name (builder, "id");
  json_writer_add_int_value (builder, accord_contact_get_id (contact));
  add_nullable_string (builder, "name", accord_contact_get_name (contact));
  add_nullable_string (builder, "role", accord_contact_get_role (contact));
  add_nullable_string (builder, "email", accord_contact_get_email (contact));
  add_nullable_string (builder, "phone", accord_contact_get_phone (contact));
  add_nullable_string (builder, "profile_url", accord_contact_get_profile_url (contact));
  json_writer_set_member_name (builder, "is_primary");
  json_writer_add_boolean_value (builder, accord_contact_get_is_primary (contact));

  json_writer_end_object (builder);
}

/* Text that is empty is not set: null. */
static void
add_text_or_null (JsonWriter  *builder,
                  const char  *member,
                  const char  *value)
{
  add_nullable_string (builder, member, value != NULL && *value != '\0' ? value : NULL);
}

static void
add_int_or_null (JsonWriter  *builder,
                 const char  *member,
                 gint64       value)
{
  json_writer_set_member_name (builder, member);
  if (value == ACCORD_UNSET)
    json_writer_add_null_value (builder);
  else
    json_writer_add_int_value (builder, value);
}

static void
add_boolean (JsonWriter  *builder,
             const char  *member,
             gboolean     value)
{
  json_writer_set_member_name (builder, member);
  json_writer_add_boolean_value (builder, value);
}

/* A derived date, owned by us: null when it cannot be computed. */
static void
add_derived_date (JsonWriter  *builder,
                  const char  *member,
                  char        *date)
{
  add_nullable_string (builder, member, date);
  g_free (date);
}

/* One agreement: every stored term under its CLI column name (enums as
 * their keys, unset as null), then what is derived from it against the
 * store's today. */
static void
add_agreement (JsonWriter            *builder,
               AccordStore           *store,
               AccordPartner         *partner,
               const AccordAgreement *a)
{
  const char *today = accord_store_get_today (store);
  AccordAgreementWarnings warnings;
  gboolean has_results = FALSE;

  json_writer_begin_object (builder);

  json_writer_set_member_name (builder, "id");
  json_writer_add_int_value (builder, a->id);
  json_writer_set_member_name (builder, "title");
  json_writer_add_string_value (builder, a->title != NULL ? a->title : "");
  add_nullable_string (builder, "status", accord_agreement_status_to_key (a->status));
  add_text_or_null (builder, "status_since", a->status_since);

  add_text_or_null (builder, "start", a->start);
  add_int_or_null (builder, "term_months", a->term_months);
  add_nullable_string (builder, "renewal", accord_renewal_to_key (a->renewal));
  add_int_or_null (builder, "notice_days", a->notice_days);
  add_int_or_null (builder, "termination_notice_days", a->termination_notice_days);
  add_text_or_null (builder, "termination_effect", a->termination_effect);
  add_text_or_null (builder, "ended_on", a->ended_on);

  add_nullable_string (builder, "revenue_model", accord_revenue_model_to_key (a->revenue_model));
  add_nullable_string (builder, "payer", accord_payer_to_key (a->payer));
  add_text_or_null (builder, "currency", a->currency);
  add_int_or_null (builder, "rate_bp", a->rate_bp);
  add_int_or_null (builder, "share_months", a->share_months);
  add_int_or_null (builder, "amount_minor", a->amount_minor);
  add_nullable_string (builder, "period", accord_period_to_key (a->period));
  json_writer_set_member_name (builder, "tiers");
  json_writer_begin_array (builder);
  for (guint i = 0; a->tiers != NULL && i < a->tiers->len; i++)
    {
      const AccordRateTier *tier = &g_array_index (a->tiers, AccordRateTier, i);

      json_writer_begin_object (builder);
      json_writer_set_member_name (builder, "threshold");
      json_writer_add_int_value (builder, tier->threshold);
      json_writer_set_member_name (builder, "rate_bp");
      json_writer_add_int_value (builder, tier->rate_bp);
      json_writer_end_object (builder);
    }
  json_writer_end_array (builder);

  add_nullable_string (builder, "exclusivity", accord_exclusivity_to_key (a->exclusivity));
  add_text_or_null (builder, "exclusivity_scope", a->exclusivity_scope);
  add_text_or_null (builder, "exclusivity_until", a->exclusivity_until);

  add_text_or_null (builder, "ip_terms", a->ip_terms);
  add_text_or_null (builder, "brand_usage", a->brand_usage);
  add_boolean (builder, "confidential", a->confidential);
  add_int_or_null (builder, "confidentiality_months", a->confidentiality_months);
  add_nullable_string (builder, "review_cadence", accord_cadence_to_key (a->review_cadence));
  add_boolean (builder, "legal_review_needed", a->legal_review_needed);
  add_text_or_null (builder, "legal_requested_on", a->legal_requested_on);
  add_text_or_null (builder, "legal_done_on", a->legal_done_on);

  json_writer_set_member_name (builder, "kpis");
  json_writer_begin_array (builder);
  for (guint i = 0; a->kpis != NULL && i < a->kpis->len; i++)
    {
      const AccordKpi *kpi = a->kpis->pdata[i];

      json_writer_begin_object (builder);
      add_text_or_null (builder, "metric", kpi->metric);
      add_text_or_null (builder, "target", kpi->target);
      add_text_or_null (builder, "date", kpi->date);
      json_writer_end_object (builder);
    }
  json_writer_end_array (builder);

  json_writer_set_member_name (builder, "deliverables");
  json_writer_begin_array (builder);
  for (guint i = 0; a->deliverables != NULL && i < a->deliverables->len; i++)
    {
      const AccordDeliverable *d = a->deliverables->pdata[i];

      json_writer_begin_object (builder);
      add_nullable_string (builder, "side", accord_side_to_key (d->side));
      add_text_or_null (builder, "title", d->title);
      add_text_or_null (builder, "due", d->due);
      add_boolean (builder, "done", d->done);
      json_writer_end_object (builder);
    }
  json_writer_end_array (builder);

  add_derived_date (builder, "end_of_term", accord_agreement_end_of_term (a));
  add_derived_date (builder, "notice_deadline", accord_agreement_notice_deadline (a, today));
  add_derived_date (builder, "next_renewal", accord_agreement_next_renewal (a, today));
  add_derived_date (builder, "next_review", accord_agreement_next_review (a, today));

  /* Results only matter to exclusivity; ask the store only then. */
  if (a->exclusivity != ACCORD_EXCLUSIVITY_NONE)
    has_results = accord_store_partner_has_results (store, partner);
  warnings = accord_agreement_get_warnings (a, has_results);
  json_writer_set_member_name (builder, "warnings");
  json_writer_begin_array (builder);
  for (guint i = 0; i < ACCORD_N_AGREEMENT_WARNINGS; i++)
    if (warnings & (1u << i))
      json_writer_add_string_value (builder, accord_agreement_warning_to_key (1u << i));
  json_writer_end_array (builder);

  json_writer_end_object (builder);
}

static gboolean
field_is_rating (AccordPartnerField field)
{
  return field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
         field <= ACCORD_PARTNER_FIELD_READINESS;
}

/* The history oldest first; "revisit_on" only for the holds that have
 * one, so a consumer can test for the member rather than for null. */
static void
add_stage_history (JsonWriter *builder,
                   GPtrArray  *history)
{
  json_writer_set_member_name (builder, "stage_history");
  json_writer_begin_array (builder);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      AccordStageChange *change = history->pdata[i];
      const char *revisit_on = accord_stage_change_get_revisit_on (change);

      json_writer_begin_object (builder);
      json_writer_set_member_name (builder, "stage");
      json_writer_add_string_value (builder,
                                     accord_stage_to_key (accord_stage_change_get_stage (change)));
      add_nullable_string (builder, "date", accord_stage_change_get_date (change));
      json_writer_set_member_name (builder, "note");
      json_writer_add_string_value (builder, accord_stage_change_get_note (change));
      if (revisit_on != NULL && *revisit_on != '\0')
        {
          json_writer_set_member_name (builder, "revisit_on");
          json_writer_add_string_value (builder, revisit_on);
        }
      json_writer_end_object (builder);
    }
  json_writer_end_array (builder);
}

/* What the scorecard and the lifecycle derive, computed here rather than
 * by every consumer: a script should not need to know the weights. */
static void
add_derived (JsonWriter    *builder,
             AccordPartner *partner,
             GPtrArray     *history)
{
  AccordPriority priority = accord_partner_get_priority (partner);
  int score = 0;

  json_writer_set_member_name (builder, "stage");
  json_writer_add_string_value (builder, accord_stage_to_key (accord_partner_get_stage (partner)));
  add_nullable_string (builder, "stage_since", accord_partner_get_stage_since (partner));

  /* An incomplete card has no score: null, never a misleading number. */
  json_writer_set_member_name (builder, "fit_score");
  if (accord_partner_get_fit_score (partner, &score))
    json_writer_add_int_value (builder, score);
  else
    json_writer_add_null_value (builder);
  add_nullable_string (builder, "fit_band",
                       accord_fit_band_to_key (accord_partner_get_fit_band (partner)));
  add_nullable_string (builder, "priority",
                       priority != ACCORD_PRIORITY_AUTOMATIC ?
                       accord_priority_to_key (priority) : NULL);

  add_stage_history (builder, history);
}

/* Health, the suggested tier and the commission balances, computed for
 * every partner at once by the store. */
static void
add_results (JsonWriter                 *builder,
             const AccordPartnerResults *results)
{
  json_writer_set_member_name (builder, "health_score");
  json_writer_add_int_value (builder, results->health.score);
  add_nullable_string (builder, "health_band", accord_health_band_to_key (results->health.band));

  /* Only the inputs that took points, each with what it took. */
  json_writer_set_member_name (builder, "health_reasons");
  json_writer_begin_array (builder);
  for (guint i = 0; i < ACCORD_N_HEALTH_INPUTS; i++)
    {
      const AccordHealthReason *reason = &results->health.reasons[i];

      if (reason->points <= 0)
        continue;
      json_writer_begin_object (builder);
      add_nullable_string (builder, "input", accord_health_input_to_key (reason->input));
      json_writer_set_member_name (builder, "effect");
      json_writer_add_int_value (builder, -reason->points);
      json_writer_end_object (builder);
    }
  json_writer_end_array (builder);

  add_nullable_string (builder, "suggested_tier", accord_tier_to_key (results->suggested_tier));
  json_writer_set_member_name (builder, "commission_owed_to_partner");
  json_writer_add_int_value (builder,
                              results->ledger[ACCORD_LEDGER_OWED_TO_PARTNER].balance_minor);
  json_writer_set_member_name (builder, "commission_owed_by_partner");
  json_writer_add_int_value (builder,
                              results->ledger[ACCORD_LEDGER_OWED_BY_PARTNER].balance_minor);
}

/* @contacts, @history and @agreements are the partner's, or NULL for
 * none. */
static void
add_partner (JsonWriter                 *builder,
             AccordStore                *store,
             AccordPartner              *partner,
             GPtrArray                  *contacts,
             GPtrArray                  *history,
             GPtrArray                  *agreements,
             const AccordPartnerResults *results)
{
  json_writer_begin_object (builder);

  json_writer_set_member_name (builder, "id");
  json_writer_add_int_value (builder, accord_partner_get_id (partner));

  for (guint field = 0; field < ACCORD_N_PARTNER_FIELDS; field++)
    {
      json_writer_set_member_name (builder, accord_partner_field_to_key (field));

      /* Tags are a list to a program; the joined text form is for
       * people and would make every consumer split it again. */
      if (field == ACCORD_PARTNER_FIELD_TAGS)
        {
          const char * const *tags = accord_partner_get_tags (partner);

          json_writer_begin_array (builder);
          for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
            json_writer_add_string_value (builder, tags[i]);
          json_writer_end_array (builder);
        }
      /* Ratings are numbers to a program, and unrated is no number. */
      else if (field_is_rating (field))
        {
          int rating = accord_partner_get_rating (partner,
                                                  field - ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT);

          if (rating == ACCORD_RATING_UNRATED)
            json_writer_add_null_value (builder);
          else
            json_writer_add_int_value (builder, rating);
        }
      else
        {
          /* Enums come out as their stable keys, never as labels, so the
           * output does not change with the reader's language. */
          g_autofree char *text = accord_partner_dup_field_text (partner, field);

          json_writer_add_string_value (builder, text != NULL ? text : "");
        }
    }

  add_nullable_string (builder, "created_at", accord_partner_get_created_at (partner));
  add_nullable_string (builder, "updated_at", accord_partner_get_updated_at (partner));

  add_derived (builder, partner, history);

  json_writer_set_member_name (builder, "contacts");
  json_writer_begin_array (builder);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    add_contact (builder, contacts->pdata[i]);
  json_writer_end_array (builder);

  json_writer_set_member_name (builder, "agreements");
  json_writer_begin_array (builder);
  for (guint i = 0; agreements != NULL && i < agreements->len; i++)
    add_agreement (builder, store, partner, agreements->pdata[i]);
  json_writer_end_array (builder);

  if (results != NULL)
    add_results (builder, results);

  json_writer_end_object (builder);
}

static void
sort_entry_clear (gpointer data)
{
  SortEntry *entry = data;

  g_clear_object (&entry->partner);
  g_clear_pointer (&entry->collate_key, g_free);
}

/* Partners are written into a buffer that is handed to the sink each time
 * it holds this much: a dump of 100,000 partners is about 370 MB, and a
 * sink that writes it out keeps only this in memory. */
#define SINK_CHUNK (64 * 1024)

static gboolean
write_partners (AccordStore     *store,
                gboolean         pretty,
                GString         *out,
                AccordJsonSink   sink,
                gpointer         sink_data,
                GError         **error)
{
  JsonWriter writer = { NULL, };
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GHashTable) by_partner = NULL;
  g_autoptr(GHashTable) results = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  g_autoptr(GHashTable) histories = NULL;
  GListModel *partners;
  guint n_partners;

  partners = accord_store_get_partners (store);
  n_partners = g_list_model_get_n_items (partners);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), n_partners);
  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < n_partners; i++)
    {
      SortEntry entry;

      entry.partner = g_list_model_get_item (partners, i);
      entry.collate_key = g_utf8_collate_key (accord_partner_get_name (entry.partner), -1);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  /* Every agreement in one query, grouped by partner (in the store's
   * order: newest start first), rather than one query per partner. */
  agreements = accord_store_list_all_agreements (store, error);
  if (agreements == NULL)
    return FALSE;
  by_partner = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordAgreement *a = agreements->pdata[i];
      GPtrArray *list = g_hash_table_lookup (by_partner, &a->partner_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_partner, &a->partner_id, list);
        }
      g_ptr_array_add (list, a);
    }

  /* Health and commission for every partner at once, too, and likewise
   * the contacts and the stage histories: a query per partner, in name
   * order, jumps around the file, and grew faster than the workspace. */
  results = accord_store_list_results (store, error);
  if (results == NULL)
    return FALSE;
  contacts = _accord_store_list_all_contacts (store, error);
  if (contacts == NULL)
    return FALSE;
  histories = _accord_store_list_all_stage_changes (store, error);
  if (histories == NULL)
    return FALSE;

  writer.out = out;
  writer.pretty = pretty;
  json_writer_begin_array (&writer);
  for (guint i = 0; i < entries->len; i++)
    {
      const SortEntry *entry = &g_array_index (entries, SortEntry, i);
      gint64 id = accord_partner_get_id (entry->partner);

      add_partner (&writer, store, entry->partner, g_hash_table_lookup (contacts, &id),
                   g_hash_table_lookup (histories, &id), g_hash_table_lookup (by_partner, &id),
                   g_hash_table_lookup (results, &id));
      if (sink != NULL && out->len >= SINK_CHUNK)
        {
          if (!sink (out->str, out->len, sink_data, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  json_writer_end_array (&writer);

  return sink == NULL || sink (out->str, out->len, sink_data, error);
}

/**
 * accord_json_dump_partners_full:
 * @store: a workspace
 * @pretty: whether to indent the output for people
 * @error: return location for a #GError
 *
 * Writes the workspace's partners (not the trash) as a JSON array, ordered
 * by name and then by id so the output is stable from run to run. Each
 * object has "id"; every field under the key of
 * accord_partner_field_to_key() (enums as their stable keys, tags as an
 * array, the five ratings as integers 1 to 5 or null when unrated);
 * "created_at" and "updated_at"; what is derived from them: "stage" (its
 * stable key), "stage_since", "fit_score" (an integer, null while the card
 * is incomplete), "fit_band" ("pursue", "worth", "radar" or null),
 * "priority" (the override, else the band's: "high", "medium", "low", or
 * null when neither says); "stage_history", the stage changes oldest first
 * as {"stage", "date", "note"} plus "revisit_on" for a hold that has one;
 * "contacts"; and "agreements", newest start first (drafts without a start
 * before them). An agreement has every stored term under the name of its
 * CSV column ("id", "title", "status", "status_since", "start",
 * "term_months", "renewal", "notice_days", "termination_notice_days",
 * "termination_effect", "ended_on", "revenue_model", "payer", "currency",
 * "rate_bp", "share_months", "amount_minor", "period", "tiers" as
 * [{"threshold", "rate_bp"}], "exclusivity", "exclusivity_scope",
 * "exclusivity_until", "ip_terms", "brand_usage", "confidential",
 * "confidentiality_months", "review_cadence", "legal_review_needed",
 * "legal_requested_on", "legal_done_on", "kpis" as [{"metric", "target",
 * "date"}], "deliverables" as [{"side", "title", "due", "done"}]), enums
 * as their keys and null for what is not set; then, computed against the
 * store's today, "end_of_term", "notice_deadline", "next_renewal" (null for
 * mutual renewal), "next_review" and "warnings", a list of "no-term",
 * "no-termination", "no-kpi" and "early-exclusivity". Last, the partner's
 * results against the store's today (accord_store_list_results()):
 * "health_score" (0 to 100), "health_band" ("healthy", "watch" or
 * "at-risk"), "health_reasons", one {"input", "effect"} per input that
 * took points ("ratings", "results", "contact" or "red-flags", and the
 * points taken as a negative integer), "suggested_tier" (a tier key) and
 * "commission_owed_to_partner" and "commission_owed_by_partner" (the
 * commission earned minus the ledger's entries, in minor units; negative
 * when overpaid).
 *
 * Returns: (transfer full) (nullable): the JSON text, in UTF-8, or %NULL
 *   when a partner's history cannot be read
 */
char *
accord_json_dump_partners_full (AccordStore  *store,
                                gboolean      pretty,
                                GError      **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* About 3.7 kB per partner, pretty. */
  out = g_string_sized_new (MAX (g_list_model_get_n_items (accord_store_get_partners (store)),
                                 1) * 4096);
  if (!write_partners (store, pretty, out, NULL, NULL, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * accord_json_write_partners:
 * @store: a workspace
 * @pretty: whether to indent the output for people
 * @sink: (scope call): receives the text, a piece at a time, in order
 * @sink_data: data for @sink
 * @error: return location for a #GError
 *
 * Writes what accord_json_dump_partners_full() returns, byte for byte,
 * through @sink in pieces of about 64 KiB, so that the whole text is never
 * in memory at once. The first piece comes once every partner's results
 * have been read. When @sink fails (returns %FALSE, setting @error),
 * nothing more is written.
 *
 * Returns: %TRUE if every piece was written
 */
gboolean
accord_json_write_partners (AccordStore     *store,
                            gboolean         pretty,
                            AccordJsonSink   sink,
                            gpointer         sink_data,
                            GError         **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_sized_new (SINK_CHUNK + 16 * 1024);
  return write_partners (store, pretty, out, sink, sink_data, error);
}

/**
 * accord_json_dump_partners:
 * @store: a workspace
 * @pretty: whether to indent the output for people
 *
 * As accord_json_dump_partners_full(), for callers that treat an
 * unreadable workspace as a bug (tests): the reason goes to the log.
 *
 * Returns: (transfer full) (nullable): the JSON text, in UTF-8
 */
char *
accord_json_dump_partners (AccordStore *store,
                           gboolean     pretty)
{
  g_autoptr(GError) error = NULL;
  char *json;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  json = accord_json_dump_partners_full (store, pretty, &error);
  if (json == NULL)
    g_warning ("Could not write the partners as JSON: %s", error->message);
  return json;
}
