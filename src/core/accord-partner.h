/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-types.h"
#include "accord-enums.h"
#include "accord-lifecycle.h"
#include "accord-scorecard.h"

G_BEGIN_DECLS

/* The editable fields of a partner, in the order the form shows them. */
typedef enum
{
  ACCORD_PARTNER_FIELD_NAME,
  ACCORD_PARTNER_FIELD_WEBSITE,
  ACCORD_PARTNER_FIELD_DESCRIPTION,
  ACCORD_PARTNER_FIELD_NOTES,
  ACCORD_PARTNER_FIELD_TAGS,          /* comma-separated on input */
  ACCORD_PARTNER_FIELD_OWNER,
  ACCORD_PARTNER_FIELD_SOURCE,
  ACCORD_PARTNER_FIELD_POSITION,
  ACCORD_PARTNER_FIELD_TYPE,
  ACCORD_PARTNER_FIELD_WHY_FIT,
  ACCORD_PARTNER_FIELD_TIER,
  /* The fit scorecard: "" (unrated) or 1..5 as text; see accord-scorecard.h. */
  ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT,
  ACCORD_PARTNER_FIELD_VALUE_EXCHANGE,
  ACCORD_PARTNER_FIELD_REACH,
  ACCORD_PARTNER_FIELD_OPERATIONAL_FIT,
  ACCORD_PARTNER_FIELD_READINESS,
  /* The priority override: "" follows the fit band. */
  ACCORD_PARTNER_FIELD_PRIORITY,
  /* The value proposition canvas: one item per line. */
  ACCORD_PARTNER_FIELD_THEIR_GAINS,
  ACCORD_PARTNER_FIELD_OUR_OFFERINGS,
  ACCORD_PARTNER_FIELD_THEIR_PAINS,
  ACCORD_PARTNER_FIELD_OUR_RELIEVERS,
  ACCORD_PARTNER_FIELD_VALUE_PROPOSITION,
  ACCORD_N_PARTNER_FIELDS
} AccordPartnerField;

#define ACCORD_TYPE_PARTNER (accord_partner_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartner, accord_partner, ACCORD, PARTNER, GObject)

/* A partner not yet in any store (id 0). Give it to accord_store_add_partner(). */
AccordPartner         *accord_partner_new                  (const char *name);

gint64                 accord_partner_get_id               (AccordPartner *self);
const char            *accord_partner_get_name             (AccordPartner *self);
const char            *accord_partner_get_sort_key         (AccordPartner *self);
const char            *accord_partner_get_search_key       (AccordPartner *self);
char                  *accord_partner_fold_for_search      (const char *text);
const char            *accord_partner_get_website          (AccordPartner *self);
const char            *accord_partner_get_description      (AccordPartner *self);
const char            *accord_partner_get_notes            (AccordPartner *self);
const char * const    *accord_partner_get_tags             (AccordPartner *self);
const char            *accord_partner_get_owner            (AccordPartner *self);
AccordSource           accord_partner_get_source           (AccordPartner *self);
AccordPosition         accord_partner_get_position         (AccordPartner *self);
AccordPartnershipType  accord_partner_get_partnership_type (AccordPartner *self);
const char            *accord_partner_get_why_fit          (AccordPartner *self);
AccordTier             accord_partner_get_tier             (AccordPartner *self);
/* UTC ISO-8601 moments; NULL until stored / while not trashed. */
const char            *accord_partner_get_created_at       (AccordPartner *self);
const char            *accord_partner_get_updated_at       (AccordPartner *self);
const char            *accord_partner_get_trashed_at       (AccordPartner *self);

/* Any text field (name, notes, canvas lists...) by its field id. */
const char            *accord_partner_get_text             (AccordPartner *self,
                                                            AccordPartnerField field);
/* The field for a scorecard criterion. */
AccordPartnerField     accord_partner_field_for_criterion  (AccordCriterion criterion);

/* The scorecard: 0 = unrated, else 1..5. */
int                    accord_partner_get_rating           (AccordPartner *self,
                                                            AccordCriterion criterion);
void                   accord_partner_get_ratings          (AccordPartner *self,
                                                            int ratings[ACCORD_N_CRITERIA]);
/* Derived, never stored: the score (FALSE while incomplete), the band, and
 * the priority (the override when set, else the band's). */
gboolean               accord_partner_get_fit_score        (AccordPartner *self, int *score);
AccordFitBand          accord_partner_get_fit_band         (AccordPartner *self);
AccordPriority         accord_partner_get_priority_override (AccordPartner *self);
AccordPriority         accord_partner_get_priority         (AccordPartner *self);

/* The lifecycle: the current stage and the date (YYYY-MM-DD) it began;
 * for a partner on hold, the stage it was in and the revisit date. Only
 * the store changes them (accord_store_move_partner()). */
AccordStage            accord_partner_get_stage            (AccordPartner *self);
const char            *accord_partner_get_stage_since      (AccordPartner *self);
AccordStage            accord_partner_get_held_from        (AccordPartner *self);
const char            *accord_partner_get_revisit_on       (AccordPartner *self);

/* Setters are for partners that are not in a store yet (building one
 * for import or creation). A stored partner is changed only through
 * accord_store_set_partner_field(), which validates and saves first. */
void accord_partner_set_name             (AccordPartner *self, const char *value);
void accord_partner_set_website          (AccordPartner *self, const char *value);
void accord_partner_set_description      (AccordPartner *self, const char *value);
void accord_partner_set_notes            (AccordPartner *self, const char *value);
void accord_partner_set_tags             (AccordPartner *self, const char * const *tags);
void accord_partner_set_owner            (AccordPartner *self, const char *value);
void accord_partner_set_source           (AccordPartner *self, AccordSource value);
void accord_partner_set_position         (AccordPartner *self, AccordPosition value);
void accord_partner_set_partnership_type (AccordPartner *self, AccordPartnershipType value);
void accord_partner_set_why_fit          (AccordPartner *self, const char *value);
void accord_partner_set_tier             (AccordPartner *self, AccordTier value);
void accord_partner_set_rating           (AccordPartner *self, AccordCriterion criterion,
                                          int rating);
void accord_partner_set_priority_override (AccordPartner *self, AccordPriority value);
/* The stage a new partner starts in (before it is stored). */
void accord_partner_set_initial_stage    (AccordPartner *self, AccordStage stage);

/* The field as the text the form and CSV use: enums as their stable key,
 * tags joined with ", ". Free with g_free(). */
char       *accord_partner_dup_field_text (AccordPartner *self, AccordPartnerField field);
/* Sets a field from that text form (no validation: see accord-validate.h).
 * Returns FALSE for an unknown enum key. */
gboolean    accord_partner_set_field_text (AccordPartner *self, AccordPartnerField field,
                                           const char *text);

/* "name", "website", ..., "partnership_type", "why_fit", "tier": the field
 * names used by list --json, CSV headers and the database columns. */
const char *accord_partner_field_to_key   (AccordPartnerField field);
gboolean    accord_partner_field_from_key (const char *key, AccordPartnerField *out);
/* Translated label for the form and error messages ("Website"). */
const char *accord_partner_field_get_label (AccordPartnerField field);

/* Splits "a, b,,c " into a normalised, de-duplicated tag list. */
char      **accord_tags_parse (const char *text);

G_END_DECLS
