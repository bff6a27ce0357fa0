/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "accord-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_STORE_PRAGMA_SYNCHRONOUS,
  ACCORD_STORE_PRAGMA_FOREIGN_KEYS,
  ACCORD_STORE_PRAGMA_BUSY_TIMEOUT,
} AccordStorePragma;

/* Every contact and every stage change in the workspace (trash included),
 * each in one query, grouped by partner: a (gint64 *) partner id -> a
 * GPtrArray of AccordContact or AccordStageChange, in the order
 * accord_store_get_contacts() and accord_store_get_stage_history() give.
 * For writers of every partner at once, where a query per partner would
 * jump around the file. */
GHashTable *_accord_store_list_all_contacts      (AccordStore *self, GError **error);
GHashTable *_accord_store_list_all_stage_changes (AccordStore *self, GError **error);

/* For tests: the connection's setting, or -1. */
int _accord_store_get_pragma (AccordStore *self, AccordStorePragma pragma);

/* Shared with the store's other files. Statements are cached by their SQL
 * text, which must be a string literal. Errors are one-line GErrors in
 * ACCORD_STORE_ERROR, "@doing: reason (sqlite message)". */
sqlite3      *_accord_store_get_db    (AccordStore *self);
sqlite3_stmt *_accord_store_get_stmt  (AccordStore *self, const char *sql, GError **error);
gboolean      _accord_store_step_done (AccordStore *self, sqlite3_stmt *stmt,
                                       const char *doing, GError **error);
gboolean      _accord_store_set_error (AccordStore *self, int rc, const char *doing,
                                       GError **error);
gboolean      _accord_store_begin     (AccordStore *self, GError **error);   /* BEGIN IMMEDIATE */
gboolean      _accord_store_commit    (AccordStore *self, GError **error);
void          _accord_store_rollback  (AccordStore *self);
char         *_accord_store_now_utc   (void);   /* "2026-11-21T13:00:00Z" */
/* A text column: NULL (column_dup) or "" (column_text) for SQL NULL. */
char         *_accord_store_column_dup  (sqlite3_stmt *stmt, int col);
char         *_accord_store_column_text (sqlite3_stmt *stmt, int col);
/* Sets ACCORD_STORE_ERROR_INVALID with @message; returns FALSE. */
gboolean      _accord_store_invalid     (GError **error, const char *message);
/* The stored partner for @partner_id, refused when unknown or trashed. */
AccordPartner *_accord_store_live_partner (AccordStore *self, gint64 partner_id, GError **error);
void          _accord_store_emit_agreements_changed (AccordStore *self, AccordPartner *partner);
void          _accord_store_emit_work_changed       (AccordStore *self, AccordPartner *partner);
void          _accord_store_emit_results_changed    (AccordStore *self, AccordPartner *partner);

/* PRAGMA application_id of every workspace ("ACRD"). */
#define ACCORD_STORE_APPLICATION_ID 0x41435244
/* For connections other than the store's (backups): the same one-line
 * GError from an SQLite code and @db's message (@db may be NULL). */
gboolean      _accord_store_set_sqlite_error (GError **error, sqlite3 *db, int rc,
                                              const char *doing);

G_END_DECLS
