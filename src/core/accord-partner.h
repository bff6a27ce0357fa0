/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-types.h"
#include "accord-enums.h"

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
  ACCORD_N_PARTNER_FIELDS
} AccordPartnerField;

#define ACCORD_TYPE_PARTNER (accord_partner_get_type ())
G_DECLARE_FINAL_TYPE (AccordPartner, accord_partner, ACCORD, PARTNER, GObject)

/* A partner not yet in any store (id 0). Give it to accord_store_add_partner(). */
AccordPartner         *accord_partner_new                  (const char *name);

gint64                 accord_partner_get_id               (AccordPartner *self);
const char            *accord_partner_get_name             (AccordPartner *self);
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
