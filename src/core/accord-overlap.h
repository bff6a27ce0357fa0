/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* Account overlap: our customer list against a partner's, both CSV files,
 * matched on this machine. Nothing here opens a connection, and the store
 * keeps only the counts and the names that matched, never the lists.
 *
 * Columns are guessed from the header row (case, spaces and punctuation
 * do not matter): the name from "name", "company", "account",
 * "organisation", "customer", "client"...; the domain from "domain",
 * "website", "url", "site", "homepage"...; an e-mail address from
 * "email", "e-mail", "mail"...; the status from "status", "type",
 * "stage", "lifecycle stage", "relationship"... A list needs a name, a
 * domain or an e-mail column.
 *
 * Normalising, so that the same company matches however it is written:
 *
 *   domain  lower case; the scheme ("https://"), a user ("user@"), "www.",
 *           the port, the path, query and fragment and a final dot go; an
 *           e-mail address gives the part after its "@". A domain needs a
 *           dot. Free mail providers (gmail.com, outlook.com...) say
 *           nothing about the company, so an e-mail address there gives no
 *           domain (a domain column is taken as it is).
 *   name    case folded, accents removed, punctuation to spaces, "&" to
 *           "and", a leading "the" dropped, then legal suffixes dropped
 *           from the end (Inc, Ltd, LLC, GmbH, SA, AG, BV, PLC, Co,
 *           Corp...) as long as a word remains.
 *
 * Two rows match when their domains are equal, or when their names are
 * equal (a row with neither matches nothing). Each row of either list
 * matches at most one row of the other: repeats of a company in a list
 * count once.
 *
 * The prospects rule: a row is a prospect when its status column says
 * prospect, lead, opportunity, trial, pipeline, potential or target (any
 * case, anywhere in the value); every other row is a customer, and so is
 * every row of a list without a status column, since a customer list
 * holds customers. Then:
 *
 *   overlap          customers on both lists;
 *   our prospects    our prospects who are their customers;
 *   their prospects  their prospects who are our customers.
 *
 * Prospects on both lists count in none of the three. The names kept are
 * those of our list, in its order. */

#define ACCORD_OVERLAP_ERROR (accord_overlap_error_quark ())

typedef enum
{
  ACCORD_OVERLAP_ERROR_NO_COLUMNS,  /* no name, domain or e-mail column */
  ACCORD_OVERLAP_ERROR_EMPTY,       /* no header row */
} AccordOverlapError;

GQuark accord_overlap_error_quark (void);

typedef enum
{
  ACCORD_ACCOUNT_CUSTOMER,
  ACCORD_ACCOUNT_PROSPECT,
} AccordAccountStatus;

typedef struct
{
  char               *name;     /* as written, trimmed; may be "" */
  char               *name_key; /* normalised; NULL when nothing is left */
  char               *domain;   /* normalised; NULL when none */
  AccordAccountStatus status;
} AccordAccount;

typedef struct
{
  GPtrArray *accounts;       /* of AccordAccount */
  /* The columns guessed (indexes into the header), -1 when absent. */
  int        name_column;
  int        domain_column;
  int        email_column;
  int        status_column;
  guint      n_skipped;      /* rows with neither a name nor a domain */
} AccordAccountList;

/* Reads a CSV list (see accord-csv.h for what CSV is accepted). */
AccordAccountList *accord_account_list_load      (GBytes      *data,
                                                  GError     **error);
AccordAccountList *accord_account_list_load_file (const char  *path,
                                                  GError     **error);
void               accord_account_list_free      (AccordAccountList *list);

/* The normalised forms described above; NULL when nothing is left. */
char *accord_overlap_normalize_domain (const char *text);
char *accord_overlap_normalize_email  (const char *text);
char *accord_overlap_normalize_name   (const char *text);
/* What a status value says (the prospects rule). */
AccordAccountStatus accord_overlap_parse_status (const char *text);

typedef enum
{
  ACCORD_OVERLAP_BOTH_CUSTOMERS,
  ACCORD_OVERLAP_OUR_PROSPECTS,    /* our prospects who are their customers */
  ACCORD_OVERLAP_THEIR_PROSPECTS,  /* their prospects who are our customers */
  ACCORD_OVERLAP_N_KINDS
} AccordOverlapKind;

/* A comparison: what is kept on a partner. */
typedef struct
{
  char      *computed_on;   /* "YYYY-MM-DD"; NULL until saved or given */
  guint      n_ours;        /* companies on our list */
  guint      n_theirs;      /* on theirs */
  GPtrArray *names[ACCORD_OVERLAP_N_KINDS];  /* of char *: our names that matched */
} AccordOverlap;

/* Matches @ours against @theirs. */
AccordOverlap *accord_overlap_compute  (const AccordAccountList *ours,
                                        const AccordAccountList *theirs);
AccordOverlap *accord_overlap_new      (void);
void           accord_overlap_free     (AccordOverlap *self);
guint          accord_overlap_get_count (const AccordOverlap *self,
                                         AccordOverlapKind    kind);
/* "Customers of both", ... */
const char    *accord_overlap_kind_label (AccordOverlapKind kind);
const char    *accord_overlap_kind_to_key (AccordOverlapKind kind);  /* "overlap", "our-prospects", "their-prospects" */

/* Keeps the counts and matched names of @overlap on @partner, dated with
 * the store's today, replacing what was kept before. */
gboolean       accord_store_save_overlap (AccordStore          *store,
                                          AccordPartner        *partner,
                                          const AccordOverlap  *overlap,
                                          GError              **error);
/* What is kept on @partner, or NULL (no error) when nothing is. */
AccordOverlap *accord_store_get_overlap  (AccordStore    *store,
                                          AccordPartner  *partner,
                                          GError        **error);
gboolean       accord_store_delete_overlap (AccordStore    *store,
                                            AccordPartner  *partner,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordAccountList, accord_account_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordOverlap, accord_overlap_free)

G_END_DECLS
