/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-store-private.h"
#include "accord-partner-private.h"
#include "accord-validate.h"
#include "accord-core-resources.h"
#include "accord-stage-change.h"
#include <stdio.h>
#include <stdlib.h>

/* "ACRD": marks a file as an Accord workspace in the SQLite header. */
#define ACCORD_APPLICATION_ID ACCORD_STORE_APPLICATION_ID
#define BUSY_TIMEOUT_MS 5000

struct _AccordStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  int schema_version;
  /* How long busy_cb() waits for another program's lock, and since when
   * the current wait has lasted. */
  int busy_timeout_ms;
  gint64 busy_since;

  /* SQL text -> prepared statement; every SQL string is a literal. */
  GHashTable *statements;

  GListStore *partners;
  GListStore *trash;
  /* id -> AccordPartner (borrowed from the two lists above). */
  GHashTable *by_id;
  /* id -> GListStore of AccordStageChange, loaded on first use. */
  GHashTable *histories;
  /* The date new records are dated with (YYYY-MM-DD). */
  char *today;
};

G_DEFINE_FINAL_TYPE (AccordStore, accord_store, G_TYPE_OBJECT)

enum {
  SIGNAL_PARTNER_CHANGED,
  SIGNAL_AGREEMENTS_CHANGED,
  SIGNAL_WORK_CHANGED,
  SIGNAL_RESULTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (accord-store-error-quark, accord_store_error)

/* Partner columns in AccordPartnerField order; tags live in their own table
 * so their slot is NULL. Column names are fixed here, never user text. */
static const char *const partner_columns[ACCORD_N_PARTNER_FIELDS] = {
  [ACCORD_PARTNER_FIELD_NAME] = "name",
  [ACCORD_PARTNER_FIELD_WEBSITE] = "website",
  [ACCORD_PARTNER_FIELD_DESCRIPTION] = "description",
  [ACCORD_PARTNER_FIELD_NOTES] = "notes",
  [ACCORD_PARTNER_FIELD_TAGS] = NULL,
  [ACCORD_PARTNER_FIELD_OWNER] = "owner",
  [ACCORD_PARTNER_FIELD_SOURCE] = "source",
  [ACCORD_PARTNER_FIELD_POSITION] = "position",
  [ACCORD_PARTNER_FIELD_TYPE] = "partnership_type",
  [ACCORD_PARTNER_FIELD_WHY_FIT] = "why_fit",
  [ACCORD_PARTNER_FIELD_TIER] = "tier",
  [ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT] = "strategic_alignment",
  [ACCORD_PARTNER_FIELD_VALUE_EXCHANGE] = "value_exchange",
  [ACCORD_PARTNER_FIELD_REACH] = "reach",
  [ACCORD_PARTNER_FIELD_OPERATIONAL_FIT] = "operational_fit",
  [ACCORD_PARTNER_FIELD_READINESS] = "readiness",
  [ACCORD_PARTNER_FIELD_PRIORITY] = "priority_override",
  [ACCORD_PARTNER_FIELD_THEIR_GAINS] = "their_gains",
  [ACCORD_PARTNER_FIELD_OUR_OFFERINGS] = "our_offerings",
  [ACCORD_PARTNER_FIELD_THEIR_PAINS] = "their_pains",
  [ACCORD_PARTNER_FIELD_OUR_RELIEVERS] = "our_pain_relievers",
  [ACCORD_PARTNER_FIELD_VALUE_PROPOSITION] = "value_proposition",
};

static const char *const update_partner_sql[ACCORD_N_PARTNER_FIELDS] = {
  [ACCORD_PARTNER_FIELD_NAME] = "UPDATE partner SET name = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_WEBSITE] = "UPDATE partner SET website = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_DESCRIPTION] = "UPDATE partner SET description = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_NOTES] = "UPDATE partner SET notes = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_TAGS] = "UPDATE partner SET updated_at = ?2 WHERE id = ?3 AND ?1 IS NOT NULL",
  [ACCORD_PARTNER_FIELD_OWNER] = "UPDATE partner SET owner = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_SOURCE] = "UPDATE partner SET source = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_POSITION] = "UPDATE partner SET position = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_TYPE] = "UPDATE partner SET partnership_type = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_WHY_FIT] = "UPDATE partner SET why_fit = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_TIER] = "UPDATE partner SET tier = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT] = "UPDATE partner SET strategic_alignment = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_VALUE_EXCHANGE] = "UPDATE partner SET value_exchange = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_REACH] = "UPDATE partner SET reach = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_OPERATIONAL_FIT] = "UPDATE partner SET operational_fit = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_READINESS] = "UPDATE partner SET readiness = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_PRIORITY] = "UPDATE partner SET priority_override = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_THEIR_GAINS] = "UPDATE partner SET their_gains = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_OUR_OFFERINGS] = "UPDATE partner SET our_offerings = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_THEIR_PAINS] = "UPDATE partner SET their_pains = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_OUR_RELIEVERS] = "UPDATE partner SET our_pain_relievers = ?1, updated_at = ?2 WHERE id = ?3",
  [ACCORD_PARTNER_FIELD_VALUE_PROPOSITION] = "UPDATE partner SET value_proposition = ?1, updated_at = ?2 WHERE id = ?3",
};

/* Ratings are stored as integers, NULL when unrated; everything else as
 * text. Binds the field's text form accordingly. */
static void
bind_field (sqlite3_stmt       *stmt,
            int                 index,
            AccordPartnerField  field,
            char               *text /* owned */)
{
  if (field >= ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT &&
      field <= ACCORD_PARTNER_FIELD_READINESS)
    {
      if (text == NULL || *text == '\0')
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, atoi (text));
      g_free (text);
      return;
    }
  sqlite3_bind_text (stmt, index, text, -1, g_free);
}

static const char *const update_contact_sql[ACCORD_N_CONTACT_FIELDS] = {
  [ACCORD_CONTACT_FIELD_NAME] = "UPDATE contact SET name = ?1 WHERE id = ?2",
  [ACCORD_CONTACT_FIELD_ROLE] = "UPDATE contact SET role = ?1 WHERE id = ?2",
  [ACCORD_CONTACT_FIELD_EMAIL] = "UPDATE contact SET email = ?1 WHERE id = ?2",
  [ACCORD_CONTACT_FIELD_PHONE] = "UPDATE contact SET phone = ?1 WHERE id = ?2",
  [ACCORD_CONTACT_FIELD_PROFILE_URL] = "UPDATE contact SET profile_url = ?1 WHERE id = ?2",
};

/* Error handling: every SQLite failure becomes a GError in our domain. */

static AccordStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return ACCORD_STORE_ERROR_NOT_WORKSPACE;
    case SQLITE_CORRUPT:
      return ACCORD_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ACCORD_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ACCORD_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return ACCORD_STORE_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return ACCORD_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return ACCORD_STORE_ERROR_INVALID;
    default:
      return ACCORD_STORE_ERROR_FAILED;
    }
}

static const char *
error_reason (AccordStoreError code)
{
  switch (code)
    {
    case ACCORD_STORE_ERROR_NOT_WORKSPACE:
      return _("the file is not an Accord workspace");
    case ACCORD_STORE_ERROR_CORRUPT:
      return _("the workspace file is damaged");
    case ACCORD_STORE_ERROR_READ_ONLY:
      return _("the workspace file cannot be written to");
    case ACCORD_STORE_ERROR_BUSY:
      return _("another program is holding the workspace locked");
    case ACCORD_STORE_ERROR_FULL:
      return _("the disk is full");
    case ACCORD_STORE_ERROR_IO:
      return _("the disk reported an error");
    case ACCORD_STORE_ERROR_INVALID:
      return _("a value was refused");
    case ACCORD_STORE_ERROR_NOT_FOUND:
    case ACCORD_STORE_ERROR_NEWER_VERSION:
    case ACCORD_STORE_ERROR_FAILED:
    default:
      return _("the database reported an error");
    }
}

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *doing)
{
  AccordStoreError code = error_code_for (rc);

  /* "Could not save: the disk is full (database or disk is full)". */
  g_set_error (error, ACCORD_STORE_ERROR, code, "%s: %s (%s)",
               doing, error_reason (code),
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static sqlite3_stmt *
get_stmt (AccordStore  *self,
          const char   *sql,
          GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the workspace"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (AccordStore   *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (error, self->db, rc, doing);
  return TRUE;
}

static gboolean
exec_literal (sqlite3     *db,
              const char  *sql,
              const char  *doing,
              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, doing);
  return TRUE;
}

static gboolean
begin (AccordStore  *self,
       GError      **error)
{
  return exec_literal (self->db, "BEGIN IMMEDIATE", _("Could not save"), error);
}

static gboolean
commit (AccordStore  *self,
        GError      **error)
{
  if (!exec_literal (self->db, "COMMIT", _("Could not save"), error))
    {
      /* A failed COMMIT can leave the transaction open; end it. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (AccordStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* GObject */

static void
accord_store_dispose (GObject *object)
{
  AccordStore *self = ACCORD_STORE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->histories, g_hash_table_unref);
  g_clear_object (&self->partners);
  g_clear_object (&self->trash);

  G_OBJECT_CLASS (accord_store_parent_class)->dispose (object);
}

static void
accord_store_finalize (GObject *object)
{
  AccordStore *self = ACCORD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->today);

  G_OBJECT_CLASS (accord_store_parent_class)->finalize (object);
}

static void
accord_store_class_init (AccordStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_store_dispose;
  object_class->finalize = accord_store_finalize;

  /**
   * AccordStore::partner-changed:
   * @partner: the partner whose saved fields or stage changed
   *
   * Emitted after a change to a partner is committed, so views that sort
   * or filter by its fields can update.
   */
  signals[SIGNAL_PARTNER_CHANGED] = g_signal_new ("partner-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /**
   * AccordStore::agreements-changed:
   * @partner: the partner one of whose agreements was saved or deleted
   */
  signals[SIGNAL_AGREEMENTS_CHANGED] = g_signal_new ("agreements-changed", G_TYPE_FROM_CLASS (klass),
                                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                     G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /**
   * AccordStore::work-changed:
   * @partner: the partner whose activities, tasks or playbooks changed
   */
  signals[SIGNAL_WORK_CHANGED] = g_signal_new ("work-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /**
   * AccordStore::results-changed:
   * @partner: the partner whose referrals, reviews, figures or ledger changed
   */
  signals[SIGNAL_RESULTS_CHANGED] = g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /* The migrations live in resources; a static library does not keep a
   * constructor alive, so register them by hand, once. */
  accord_core_register_resource ();
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
accord_store_init (AccordStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
  self->partners = g_list_store_new (ACCORD_TYPE_PARTNER);
  self->trash = g_list_store_new (ACCORD_TYPE_PARTNER);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->histories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    self->today = g_date_time_format (now, "%Y-%m-%d");
  }
}

/* Opening and migrating */

static int
read_pragma_int (sqlite3     *db,
                 const char  *sql,
                 int         *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* A copy that could not be finished is no copy: remove it, and the journal
 * its rollback may have left, so nobody later restores an empty or partial
 * file taking it for the backup. The workspace itself is untouched. */
static void
discard_backup (sqlite3    *dest,
                const char *dest_path)
{
  g_autofree char *journal = g_strconcat (dest_path, "-journal", NULL);

  sqlite3_close_v2 (dest);
  g_unlink (dest_path);
  g_unlink (journal);
}

static gboolean
backup_to (sqlite3     *db,
           const char  *dest_path,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  /* Opening creates the file before reading its header, which can fail. */
  gboolean existed = g_file_test (dest_path, G_FILE_TEST_EXISTS);
  int rc;

  /* Made private from its first byte: a backup holds the same data. */
  if (!existed)
    {
      int fd = g_open (dest_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        close (fd);
    }

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc, _("Could not copy the workspace before updating it"));
      if (existed)
        sqlite3_close_v2 (dest);
      else
        discard_backup (dest, dest_path);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest),
                        _("Could not copy the workspace before updating it"));
      discard_backup (dest, dest_path);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, rc, _("Could not copy the workspace before updating it"));
      discard_backup (dest, dest_path);
      return FALSE;
    }

  g_chmod (dest_path, 0600);
  sqlite3_close_v2 (dest);
  return TRUE;
}

static gboolean
migrate (AccordStore  *self,
         GError      **error)
{
  int version = self->schema_version;

  if (version > 0 && version < ACCORD_SCHEMA_VERSION)
    {
      g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);

      if (!backup_to (self->db, backup_path, error))
        return FALSE;
    }

  for (int next = version + 1; next <= ACCORD_SCHEMA_VERSION; next++)
    {
      g_autofree char *resource = NULL;
      g_autofree char *pragmas = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) names = NULL;
      const char *prefix = "/io/github/accordhq/Accord/core/migrations";

      /* Migrations are named NNNN-what.sql; find the one for @next. */
      names = g_resources_enumerate_children (prefix, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (names == NULL)
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                       _("Could not update the workspace: %s"), local_error->message);
          return FALSE;
        }
      for (guint i = 0; names[i] != NULL && resource == NULL; i++)
        if (atoi (names[i]) == next)
          resource = g_strdup_printf ("%s/%s", prefix, names[i]);
      if (resource != NULL)
        bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                       _("Could not update the workspace: no migration to version %d"), next);
          return FALSE;
        }

      if (!begin (self, error))
        return FALSE;

      if (!exec_literal (self->db, g_bytes_get_data (bytes, NULL),
                         _("Could not update the workspace"), error))
        {
          rollback (self);
          return FALSE;
        }

      /* PRAGMA cannot take bound parameters; both values are integers of ours. */
      pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 next, ACCORD_APPLICATION_ID);
      if (!exec_literal (self->db, pragmas, _("Could not update the workspace"), error) ||
          !commit (self, error))
        {
          rollback (self);
          return FALSE;
        }

      self->schema_version = next;
    }

  return TRUE;
}

static void
index_partner (AccordStore   *self,
               AccordPartner *partner)
{
  gint64 id = accord_partner_get_id (partner);

  g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), partner);
}

static AccordPartner *
partner_from_row (sqlite3_stmt *stmt)
{
  AccordPartner *partner = g_object_new (ACCORD_TYPE_PARTNER, NULL);
  int col = 1;

  _accord_partner_begin_load (partner);
  _accord_partner_set_id (partner, sqlite3_column_int64 (stmt, 0));
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      if (partner_columns[f] == NULL)
        continue;
      /* Unknown enum keys (from a hand-edited file) fall back to "not set". */
      if (!_accord_partner_load_field (partner, f, (const char *) sqlite3_column_text (stmt, col)))
        _accord_partner_load_field (partner, f, "");
      col++;
    }
  _accord_partner_set_moments (partner,
                               (const char *) sqlite3_column_text (stmt, col),
                               (const char *) sqlite3_column_text (stmt, col + 1),
                               (const char *) sqlite3_column_text (stmt, col + 2));
  {
    AccordStage stage = ACCORD_STAGE_IDENTIFIED;
    AccordStage held = ACCORD_STAGE_IDENTIFIED;

    accord_stage_from_key ((const char *) sqlite3_column_text (stmt, col + 3), &stage);
    accord_stage_from_key ((const char *) sqlite3_column_text (stmt, col + 5), &held);
    _accord_partner_set_stage (partner, stage,
                               (const char *) sqlite3_column_text (stmt, col + 4), held,
                               (const char *) sqlite3_column_text (stmt, col + 6));
  }
  _accord_partner_end_load (partner);
  return partner;
}

#define PARTNER_COLUMNS \
  "name, website, description, notes, owner, source, position, partnership_type, why_fit, " \
  "tier, strategic_alignment, value_exchange, reach, operational_fit, readiness, " \
  "priority_override, their_gains, our_offerings, their_pains, our_pain_relievers, " \
  "value_proposition"
#define N_PARTNER_COLUMNS 21

#define PARTNER_SELECT \
  "SELECT id, " PARTNER_COLUMNS ", created_at, updated_at, trashed_at, stage, stage_since, " \
  "held_from, revisit_on FROM partner"

/* Reads every partner row into new objects, live and trashed apart. */
static gboolean
read_partners (AccordStore  *self,
               GPtrArray    *live,
               GPtrArray    *trashed,
               GError      **error)
{
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) g_strv_builder_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = get_stmt (self, "SELECT partner_id, tag FROM partner_tag ORDER BY partner_id, position",
                   error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (tags, &id);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (tags, g_memdup2 (&id, sizeof id), builder);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the workspace"));

  stmt = get_stmt (self, PARTNER_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordPartner *partner = partner_from_row (stmt);
      gint64 id = accord_partner_get_id (partner);
      GStrvBuilder *builder = g_hash_table_lookup (tags, &id);

      if (builder != NULL)
        {
          g_auto(GStrv) list = g_strv_builder_end (builder);
          accord_partner_set_tags (partner, (const char * const *) list);
        }
      g_ptr_array_add (accord_partner_get_trashed_at (partner) ? trashed : live, partner);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the workspace"));

  return TRUE;
}

static gboolean
load_partners (AccordStore  *self,
               GError      **error)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) trashed = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_partners (self, live, trashed, error))
    return FALSE;

  g_list_store_splice (self->partners, 0, 0, live->pdata, live->len);
  g_list_store_splice (self->trash, 0, 0, trashed->pdata, trashed->len);
  for (guint i = 0; i < live->len; i++)
    index_partner (self, live->pdata[i]);
  for (guint i = 0; i < trashed->len; i++)
    index_partner (self, trashed->pdata[i]);
  return TRUE;
}

static gboolean
file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ACCORD_STORE_ERROR,
                   saved == ENOENT ? ACCORD_STORE_ERROR_NOT_FOUND
                   : saved == EACCES || saved == EROFS ? ACCORD_STORE_ERROR_READ_ONLY
                   : ACCORD_STORE_ERROR_IO,
                   _("Could not create the workspace “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Reads the header without writing anything, so a refused file stays
 * byte-identical. */
static gboolean
check_header (AccordStore  *self,
              gboolean      fresh,
              GError      **error)
{
  int app_id = 0;
  int version = 0;
  int n_tables = 0;
  int rc;

  rc = read_pragma_int (self->db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = read_pragma_int (self->db, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK)
    rc = read_pragma_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_tables);
  if (rc != SQLITE_OK)
    {
      if (error_code_for (rc) == ACCORD_STORE_ERROR_NOT_WORKSPACE)
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE,
                       _("“%s” is not an Accord workspace"), self->path);
          return FALSE;
        }
      return set_sqlite_error (error, self->db, rc, _("Could not open the workspace"));
    }

  if (!fresh && app_id == 0 && version == 0 && n_tables == 0 && file_is_empty (self->path))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is an empty file, not an Accord workspace"), self->path);
      return FALSE;
    }

  if (n_tables > 0 && app_id != ACCORD_APPLICATION_ID)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is a database of another program, not an Accord workspace"),
                   self->path);
      return FALSE;
    }

  if (version > ACCORD_SCHEMA_VERSION)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Accord (workspace version %d, this "
                     "version reads up to %d); update Accord to open it"),
                   self->path, version, ACCORD_SCHEMA_VERSION);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

/* PRAGMA integrity_check and quick_check report a page they could not read
 * as a row of text ("Page 5: unable to get the page. error code=266")
 * rather than by failing: that is the disk failing, not the file being
 * damaged, and calling it damage would send the user to restore a backup
 * of a sound file. Returns the SQLite code such a row names, or
 * SQLITE_OK. */
static int
check_row_read_error (const char *line)
{
  const char *code = line != NULL ? strstr (line, "error code=") : NULL;
  int rc;

  if (code == NULL)
    return SQLITE_OK;
  rc = atoi (code + strlen ("error code="));
  return (rc & 0xff) == SQLITE_CORRUPT ? SQLITE_OK : rc;
}

static gboolean
quick_check (AccordStore  *self,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  int read_rc = SQLITE_OK;
  gboolean ok = FALSE;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      read_rc = check_row_read_error ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
    return set_sqlite_error (error, self->db, rc, _("Could not open the workspace"));
  /* The statement succeeded, so the connection holds no message for it. */
  if (read_rc != SQLITE_OK)
    return set_sqlite_error (error, NULL, read_rc, _("Could not open the workspace"));
  if (!ok)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged; it was left as it is"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Waits up to busy_timeout_ms for another program (the app, accord-cli)
 * to finish writing. SQLite's own handler (sqlite3_busy_timeout) backs off
 * to one try every 100 ms and gets the lock only if it is free at that
 * instant, so against a program that commits back to back it can miss
 * every gap for the whole timeout and fail with "database is locked".
 * Trying every millisecond takes the first gap. */
static int
busy_cb (void *data,
         int   n_calls)
{
  AccordStore *self = data;
  gint64 now = g_get_monotonic_time ();

  if (n_calls == 0)
    self->busy_since = now;
  if (now - self->busy_since >= (gint64) self->busy_timeout_ms * 1000)
    return 0;
  g_usleep (1000);
  return 1;
}

AccordStore *
accord_store_open (const char            *path,
                   AccordStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(AccordStore) self = NULL;
  gboolean fresh = FALSE;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ACCORD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (g_stat (path, &st) != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!(flags & ACCORD_STORE_OPEN_CREATE))
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                       _("The workspace “%s” does not exist"), path);
          return NULL;
        }
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                       _("The folder “%s” does not exist"), dir);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      fresh = TRUE;
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is a folder, not an Accord workspace"), path);
      return NULL;
    }
  else if (access (path, R_OK | W_OK) != 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be opened for writing: %s"), path, g_strerror (errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not open the workspace"));
      if (fresh)
        g_unlink (path);
      return NULL;
    }

  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
  sqlite3_busy_handler (self->db, busy_cb, self);

  if (!check_header (self, fresh, error))
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be opened for writing"), path);
      return NULL;
    }

  /* Nothing may be written to a damaged file. A current file is read in
   * full (loading the partners) before the first write; an older one is
   * checked before it is converted and migrated. */
  if (self->schema_version == ACCORD_SCHEMA_VERSION)
    {
      if (!load_partners (self, error))
        return NULL;
    }
  else if (self->schema_version > 0 && !quick_check (self, error))
    return NULL;

  /* WAL so the CLI can read while the app writes; FULL so a committed edit
   * survives a power cut. */
  if (!exec_literal (self->db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;",
                     _("Could not open the workspace"), error))
    return NULL;

  if (self->schema_version < ACCORD_SCHEMA_VERSION)
    {
      if (!migrate (self, error) || !load_partners (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
accord_store_get_path (AccordStore *self)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  return self->path;
}

int
accord_store_get_schema_version (AccordStore *self)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
accord_store_check (AccordStore  *self,
                    GError      **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int read_rc = SQLITE_OK;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  stmt = get_stmt (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (read_rc == SQLITE_OK)
        read_rc = check_row_read_error (line);
      if (g_strcmp0 (line, "ok") != 0)
        {
          /* SQLite starts with "*** in database main ***\n": the message
           * stays one line. */
          g_autofree char *flat = g_strdelimit (g_strdup (line), "\r\n", ' ');
          g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", flat);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not check the workspace"));
  if (read_rc != SQLITE_OK)
    return set_sqlite_error (error, NULL, read_rc, _("Could not check the workspace"));

  stmt = get_stmt (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (problems, _("%sa row in “%s” points to a missing row in “%s”"),
                            problems->len ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not check the workspace"));

  if (problems->len > 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT,
                   _("The workspace is damaged: %s"), problems->str);
      return FALSE;
    }

  return TRUE;
}

GListModel *
accord_store_get_partners (AccordStore *self)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->partners);
}

GListModel *
accord_store_get_trash (AccordStore *self)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->trash);
}

AccordPartner *
accord_store_lookup_partner (AccordStore *self,
                             gint64       id)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Partners */

static gboolean
write_tags (AccordStore         *self,
            gint64               partner_id,
            const char * const  *tags,
            GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (self, "DELETE FROM partner_tag WHERE partner_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (!step_done (self, stmt, _("Could not save"), error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = get_stmt (self,
                       "INSERT INTO partner_tag (partner_id, position, tag) VALUES (?1, ?2, ?3)",
                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, tags[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, _("Could not save"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_contact (AccordStore    *self,
                gint64          partner_id,
                AccordContact  *contact,
                gint64         *id_out,
                GError        **error)
{
  sqlite3_stmt *stmt = get_stmt (self,
                                 "INSERT INTO contact (partner_id, name, role, email, phone, "
                                 "profile_url, is_primary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    sqlite3_bind_text (stmt, 2 + f, accord_contact_get_field (contact, f), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, accord_contact_get_is_primary (contact));
  if (!step_done (self, stmt, _("Could not save the contact"), error))
    return FALSE;

  *id_out = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Makes exactly one contact of @contacts primary: the first one marked, or
 * the first one. Only for contacts that are not stored yet. */
static void
settle_primary (GPtrArray *contacts)
{
  gboolean seen = FALSE;

  if (contacts == NULL || contacts->len == 0)
    return;

  for (guint i = 0; i < contacts->len; i++)
    {
      AccordContact *c = contacts->pdata[i];
      if (accord_contact_get_is_primary (c) && !seen)
        seen = TRUE;
      else
        accord_contact_set_is_primary (c, FALSE);
    }
  if (!seen)
    accord_contact_set_is_primary (contacts->pdata[0], TRUE);
}

static gboolean
insert_stage_change (AccordStore  *self,
                     gint64        partner_id,
                     AccordStage   stage,
                     const char   *date,
                     const char   *note,
                     const char   *revisit_on,
                     GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (self,
                                 "INSERT INTO stage_change (partner_id, stage, date, note, "
                                 "revisit_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, accord_stage_to_key (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, note ? note : "", -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 5, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 5);
  return step_done (self, stmt, _("Could not save the stage"), error);
}

/* A hold without a date to revisit gets the default one. */
static char *
default_revisit (const char *date)
{
  return accord_date_add_months (date, ACCORD_HOLD_DEFAULT_MONTHS);
}

static gboolean
insert_partner (AccordStore    *self,
                AccordPartner  *partner,
                GPtrArray      *contacts,
                const char     *now,
                gint64         *id_out,
                GArray         *contact_ids,
                GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int col = 1;
  g_autofree char *revisit_on = NULL;

  if (accord_partner_get_stage (partner) == ACCORD_STAGE_ON_HOLD)
    revisit_on = default_revisit (self->today);

  stmt = get_stmt (self,
                   "INSERT INTO partner (" PARTNER_COLUMNS ", created_at, updated_at, stage, "
                   "stage_since, revisit_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                   "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?25)",
                   error);
  if (stmt == NULL)
    return FALSE;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      if (partner_columns[f] == NULL)
        continue;
      bind_field (stmt, col++, f, accord_partner_dup_field_text (partner, f));
    }
  g_assert (col == N_PARTNER_COLUMNS + 1);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, accord_stage_to_key (accord_partner_get_stage (partner)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 24, self->today, -1, SQLITE_STATIC);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 25, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 25);
  if (!step_done (self, stmt, _("Could not save the partner"), error))
    return FALSE;

  id = sqlite3_last_insert_rowid (self->db);
  if (!insert_stage_change (self, id, accord_partner_get_stage (partner), self->today, NULL,
                            revisit_on, error))
    return FALSE;
  if (!write_tags (self, id, accord_partner_get_tags (partner), error))
    return FALSE;

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      gint64 contact_id;

      if (!insert_contact (self, id, contacts->pdata[i], &contact_id, error))
        return FALSE;
      g_array_append_val (contact_ids, contact_id);
    }

  *id_out = id;
  return TRUE;
}

gboolean
accord_store_add_partners (AccordStore  *self,
                           GPtrArray    *partners,
                           GPtrArray    *contacts,
                           GError      **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) contact_ids = NULL;
  guint k = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (partners != NULL, FALSE);
  g_return_val_if_fail (contacts == NULL || contacts->len == partners->len, FALSE);

  for (guint i = 0; i < partners->len; i++)
    {
      AccordPartner *partner = partners->pdata[i];
      GPtrArray *list = contacts ? contacts->pdata[i] : NULL;

      g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
      g_return_val_if_fail (accord_partner_get_id (partner) == 0, FALSE);

      if (!accord_validate_partner (partner, error))
        return FALSE;
      for (guint j = 0; list != NULL && j < list->len; j++)
        if (!accord_validate_contact (list->pdata[j], error))
          return FALSE;
      settle_primary (list);
    }

  now = now_utc ();
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), partners->len);
  contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < partners->len; i++)
    {
      gint64 id;

      if (!insert_partner (self, partners->pdata[i], contacts ? contacts->pdata[i] : NULL,
                           now, &id, contact_ids, error))
        {
          rollback (self);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }

  if (!commit (self, error))
    return FALSE;

  /* Committed: now the objects may learn their ids. */
  for (guint i = 0; i < partners->len; i++)
    {
      AccordPartner *partner = partners->pdata[i];
      GPtrArray *list = contacts ? contacts->pdata[i] : NULL;
      g_autoptr(GListStore) cache = g_list_store_new (ACCORD_TYPE_CONTACT);

      _accord_partner_set_id (partner, g_array_index (ids, gint64, i));
      _accord_partner_set_moments (partner, now, now, NULL);
      {
        g_autofree char *revisit_on = NULL;

        if (accord_partner_get_stage (partner) == ACCORD_STAGE_ON_HOLD)
          revisit_on = default_revisit (self->today);
        _accord_partner_set_stage (partner, accord_partner_get_stage (partner), self->today,
                                   accord_partner_get_held_from (partner), revisit_on);
      }
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          AccordContact *c = list->pdata[j];
          _accord_contact_set_id (c, g_array_index (contact_ids, gint64, k++));
          _accord_contact_set_partner_id (c, accord_partner_get_id (partner));
          g_list_store_append (cache, c);
        }
      _accord_partner_set_contact_cache (partner, cache);
      index_partner (self, partner);
    }

  g_list_store_splice (self->partners, g_list_model_get_n_items (G_LIST_MODEL (self->partners)),
                       0, partners->pdata, partners->len);
  return TRUE;
}

gboolean
accord_store_add_partner (AccordStore    *self,
                          AccordPartner  *partner,
                          GPtrArray      *contacts,
                          GError        **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_contacts = g_ptr_array_new ();

  g_ptr_array_add (partners, partner);
  g_ptr_array_add (all_contacts, contacts);
  return accord_store_add_partners (self, partners, all_contacts, error);
}

gboolean
accord_store_set_partner_field (AccordStore         *self,
                                AccordPartner       *partner,
                                AccordPartnerField   field,
                                const char          *text,
                                GError             **error)
{
  g_autoptr(AccordPartner) probe = NULL;
  g_autofree char *value = NULL;
  g_autofree char *current = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (accord_partner_get_id (partner) != 0, FALSE);
  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, FALSE);

  if (!accord_validate_partner_field (field, text, error))
    return FALSE;

  /* Normalise through a scratch partner so the stored text is exactly what
   * the object will hold. */
  probe = accord_partner_new ("probe");
  accord_partner_set_field_text (probe, field, text);
  value = accord_partner_dup_field_text (probe, field);
  current = accord_partner_dup_field_text (partner, field);
  if (g_strcmp0 (value, current) == 0)
    return TRUE;

  now = now_utc ();
  if (!begin (self, error))
    return FALSE;

  stmt = get_stmt (self, update_partner_sql[field], error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  bind_field (stmt, 1, field, g_strdup (value));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, accord_partner_get_id (partner));
  if (!step_done (self, stmt, _("Could not save"), error) ||
      (field == ACCORD_PARTNER_FIELD_TAGS &&
       !write_tags (self, accord_partner_get_id (partner), accord_partner_get_tags (probe), error)) ||
      !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  accord_partner_set_field_text (partner, field, value);
  _accord_partner_set_moments (partner, accord_partner_get_created_at (partner), now,
                               accord_partner_get_trashed_at (partner));
  g_signal_emit (self, signals[SIGNAL_PARTNER_CHANGED], 0, partner);
  return TRUE;
}

static gboolean
move_partner (AccordStore    *self,
              AccordPartner  *partner,
              GListStore     *from,
              GListStore     *to,
              const char     *trashed_at,
              GError        **error)
{
  sqlite3_stmt *stmt;
  guint position;

  if (!g_list_store_find (from, partner, &position))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           to == self->trash ? _("This partner is already in the trash")
                                             : _("This partner is not in the trash"));
      return FALSE;
    }

  stmt = get_stmt (self, "UPDATE partner SET trashed_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  if (trashed_at != NULL)
    sqlite3_bind_text (stmt, 1, trashed_at, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, accord_partner_get_id (partner));
  /* A single statement is its own transaction. */
  if (!step_done (self, stmt, _("Could not move the partner"), error))
    return FALSE;

  g_object_ref (partner);
  _accord_partner_set_moments (partner, accord_partner_get_created_at (partner),
                               accord_partner_get_updated_at (partner), trashed_at);
  g_list_store_remove (from, position);
  g_list_store_append (to, partner);
  g_object_unref (partner);
  return TRUE;
}

gboolean
accord_store_trash_partner (AccordStore    *self,
                            AccordPartner  *partner,
                            GError        **error)
{
  g_autofree char *now = now_utc ();

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  return move_partner (self, partner, self->partners, self->trash, now, error);
}

gboolean
accord_store_restore_partner (AccordStore    *self,
                              AccordPartner  *partner,
                              GError        **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  return move_partner (self, partner, self->trash, self->partners, NULL, error);
}

gboolean
accord_store_delete_partner (AccordStore    *self,
                             AccordPartner  *partner,
                             GError        **error)
{
  sqlite3_stmt *stmt;
  guint position;
  gint64 id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  if (!g_list_store_find (self->trash, partner, &position))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("Only partners in the trash can be deleted for good"));
      return FALSE;
    }

  id = accord_partner_get_id (partner);
  stmt = get_stmt (self, "DELETE FROM partner WHERE id = ?1 AND trashed_at IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not delete the partner"), error))
    return FALSE;

  g_hash_table_remove (self->by_id, &id);
  /* SQLite may give the id to the next new partner: forget its history. */
  g_hash_table_remove (self->histories, &id);
  g_list_store_remove (self->trash, position);
  return TRUE;
}

/* Contacts */

static AccordContact *
contact_from_row (sqlite3_stmt *stmt)
{
  AccordContact *contact = g_object_new (ACCORD_TYPE_CONTACT, NULL);

  _accord_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  _accord_contact_set_partner_id (contact, sqlite3_column_int64 (stmt, 1));
  for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
    accord_contact_set_field (contact, f, (const char *) sqlite3_column_text (stmt, 2 + f));
  accord_contact_set_is_primary (contact, sqlite3_column_int (stmt, 7));
  return contact;
}

static GHashTable *
new_groups (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

/* Adds @item to the group of @partner_id; rows come sorted by partner, so
 * the group of the previous row is kept at hand. */
static void
add_to_group (GHashTable  *groups,
              GPtrArray  **current,
              gint64      *current_id,
              gint64       partner_id,
              gpointer     item)
{
  if (*current == NULL || *current_id != partner_id)
    {
      *current = g_ptr_array_new_with_free_func (g_object_unref);
      *current_id = partner_id;
      g_hash_table_insert (groups, g_memdup2 (&partner_id, sizeof partner_id), *current);
    }
  g_ptr_array_add (*current, item);
}

/* A stage change from the columns stage, date, note and revisit_on,
 * starting at @first. */
static gpointer
stage_change_from_row (sqlite3_stmt *stmt,
                       int           first)
{
  AccordStage stage = ACCORD_STAGE_IDENTIFIED;

  accord_stage_from_key ((const char *) sqlite3_column_text (stmt, first), &stage);
  return accord_stage_change_new (stage,
                                  (const char *) sqlite3_column_text (stmt, first + 1),
                                  (const char *) sqlite3_column_text (stmt, first + 2),
                                  (const char *) sqlite3_column_text (stmt, first + 3));
}

static gpointer
contact_item (sqlite3_stmt *stmt)
{
  return contact_from_row (stmt);
}

static gpointer
stage_change_after_partner (sqlite3_stmt *stmt)
{
  return stage_change_from_row (stmt, 1);
}

/* Every row of @sql (partner_id in column @partner_column, sorted by it)
 * made into an object by @make and grouped by partner, as
 * _accord_store_list_all_contacts() describes. */
static GHashTable *
read_groups (AccordStore    *self,
             const char     *sql,
             int             partner_column,
             gpointer      (*make) (sqlite3_stmt *stmt),
             const char     *doing,
             GError        **error)
{
  g_autoptr(GHashTable) groups = new_groups ();
  GPtrArray *current = NULL;
  gint64 current_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_to_group (groups, &current, &current_id, sqlite3_column_int64 (stmt, partner_column),
                  make (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, doing);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

GHashTable *
_accord_store_list_all_contacts (AccordStore  *self,
                                 GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  return read_groups (self,
                      "SELECT id, partner_id, name, role, email, phone, profile_url, is_primary "
                      "FROM contact ORDER BY partner_id, is_primary DESC, id",
                      1, contact_item,
                      _("Could not read the contacts"), error);
}

GHashTable *
_accord_store_list_all_stage_changes (AccordStore  *self,
                                      GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  return read_groups (self,
                      "SELECT partner_id, stage, date, note, revisit_on FROM stage_change "
                      "ORDER BY partner_id, id",
                      0, stage_change_after_partner,
                      _("Could not read the stage history"), error);
}

static GListStore *
ensure_contacts (AccordStore    *self,
                 AccordPartner  *partner,
                 GError        **error)
{
  g_autoptr(GListStore) cache = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (_accord_partner_get_contact_cache (partner) != NULL)
    return _accord_partner_get_contact_cache (partner);

  stmt = get_stmt (self,
                   "SELECT id, partner_id, name, role, email, phone, profile_url, is_primary "
                   "FROM contact WHERE partner_id = ?1 ORDER BY is_primary DESC, id",
                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, contact_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the contacts"));
      return NULL;
    }

  cache = g_list_store_new (ACCORD_TYPE_CONTACT);
  g_list_store_splice (cache, 0, 0, rows->pdata, rows->len);
  _accord_partner_set_contact_cache (partner, cache);
  return cache;
}

/* Rereads a loaded contact list in place, so views bound to it follow. */
static gboolean
refresh_contacts (AccordStore    *self,
                  AccordPartner  *partner,
                  GError        **error)
{
  g_autoptr(GListStore) old = NULL;
  GListStore *fresh;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (_accord_partner_get_contact_cache (partner) == NULL)
    return TRUE;

  old = g_object_ref (_accord_partner_get_contact_cache (partner));
  _accord_partner_set_contact_cache (partner, NULL);
  fresh = ensure_contacts (self, partner, error);
  if (fresh == NULL)
    {
      _accord_partner_set_contact_cache (partner, old);
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));
  g_list_store_splice (old, 0, g_list_model_get_n_items (G_LIST_MODEL (old)),
                       items->pdata, items->len);
  _accord_partner_set_contact_cache (partner, old);
  return TRUE;
}

/* Copies what @fresh holds into @partner; TRUE when anything changed. */
static gboolean
sync_partner (AccordPartner *partner,
              AccordPartner *fresh)
{
  gboolean changed = FALSE;

  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autofree char *now = accord_partner_dup_field_text (fresh, f);
      g_autofree char *was = accord_partner_dup_field_text (partner, f);

      if (g_strcmp0 (now, was) != 0)
        {
          accord_partner_set_field_text (partner, f, now);
          changed = TRUE;
        }
    }
  if (g_strcmp0 (accord_partner_get_updated_at (partner), accord_partner_get_updated_at (fresh)) != 0 ||
      g_strcmp0 (accord_partner_get_trashed_at (partner), accord_partner_get_trashed_at (fresh)) != 0)
    {
      _accord_partner_set_moments (partner, accord_partner_get_created_at (fresh),
                                   accord_partner_get_updated_at (fresh),
                                   accord_partner_get_trashed_at (fresh));
      changed = TRUE;
    }
  if (accord_partner_get_stage (partner) != accord_partner_get_stage (fresh) ||
      g_strcmp0 (accord_partner_get_stage_since (partner),
                 accord_partner_get_stage_since (fresh)) != 0 ||
      accord_partner_get_held_from (partner) != accord_partner_get_held_from (fresh) ||
      g_strcmp0 (accord_partner_get_revisit_on (partner),
                 accord_partner_get_revisit_on (fresh)) != 0)
    {
      _accord_partner_set_stage (partner, accord_partner_get_stage (fresh),
                                 accord_partner_get_stage_since (fresh),
                                 accord_partner_get_held_from (fresh),
                                 accord_partner_get_revisit_on (fresh));
      changed = TRUE;
    }

  return changed;
}

static void
remove_from (GListStore    *list,
             AccordPartner *partner)
{
  guint position;

  if (g_list_store_find (list, partner, &position))
    g_list_store_remove (list, position);
}

/**
 * accord_store_reload_partners:
 * @self: a store
 * @error: return location for a #GError
 *
 * Brings the partner models up to date with the file after another
 * connection (an import or merge in a thread) wrote to it: existing
 * objects are updated in place (emitting "partner-changed" when they
 * change), new partners are appended, trashed or restored ones move
 * between the two models and deleted ones are removed. Loaded contact
 * lists are reread in place; stage histories are read again on next use.
 *
 * Returns: %TRUE on success
 */
gboolean
accord_store_reload_partners (AccordStore  *self,
                              GError      **error)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) trashed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_live = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_trashed = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if (!read_partners (self, live, trashed, error))
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *rows = pass == 0 ? live : trashed;

      for (guint i = 0; i < rows->len; i++)
        {
          AccordPartner *fresh = rows->pdata[i];
          gint64 id = accord_partner_get_id (fresh);
          AccordPartner *partner = g_hash_table_lookup (self->by_id, &id);

          if (partner == NULL)
            {
              g_ptr_array_add (pass == 0 ? new_live : new_trashed, fresh);
              g_hash_table_add (seen, fresh);
              continue;
            }
          g_hash_table_add (seen, partner);
          {
            gboolean was_trashed = accord_partner_get_trashed_at (partner) != NULL;

            if (!sync_partner (partner, fresh))
              continue;
            g_ptr_array_add (changed, g_object_ref (partner));
            if (was_trashed != (pass == 1))
              {
                g_object_ref (partner);
                remove_from (was_trashed ? self->trash : self->partners, partner);
                g_list_store_append (was_trashed ? self->partners : self->trash, partner);
                g_object_unref (partner);
              }
          }
        }
    }

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (seen, value))
      {
        g_ptr_array_add (gone, g_object_ref (value));
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < gone->len; i++)
    {
      remove_from (self->partners, gone->pdata[i]);
      remove_from (self->trash, gone->pdata[i]);
    }

  for (guint i = 0; i < new_live->len; i++)
    index_partner (self, new_live->pdata[i]);
  for (guint i = 0; i < new_trashed->len; i++)
    index_partner (self, new_trashed->pdata[i]);
  g_list_store_splice (self->partners, g_list_model_get_n_items (G_LIST_MODEL (self->partners)),
                       0, new_live->pdata, new_live->len);
  g_list_store_splice (self->trash, g_list_model_get_n_items (G_LIST_MODEL (self->trash)),
                       0, new_trashed->pdata, new_trashed->len);

  /* Another connection may have moved stages, contacts or anything else. */
  g_hash_table_remove_all (self->histories);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!refresh_contacts (self, value, error))
      return FALSE;

  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[SIGNAL_PARTNER_CHANGED], 0, changed->pdata[i]);
  return TRUE;
}

GListModel *
accord_store_get_contacts (AccordStore   *self,
                           AccordPartner *partner)
{
  g_autoptr(GError) error = NULL;
  GListStore *contacts;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  contacts = ensure_contacts (self, partner, &error);
  if (contacts == NULL)
    {
      /* Reading failed (a damaged file); show no contacts rather than crash,
       * and keep the reason in the log. */
      g_warning ("%s", error->message);
      contacts = g_list_store_new (ACCORD_TYPE_CONTACT);
      _accord_partner_set_contact_cache (partner, contacts);
      g_object_unref (contacts);
    }
  return G_LIST_MODEL (contacts);
}

guint
accord_store_count_contacts (AccordStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (self), 0);

  stmt = get_stmt (self,
                   "SELECT count(*) FROM contact JOIN partner ON partner.id = contact.partner_id "
                   "WHERE partner.trashed_at IS NULL",
                   &error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static AccordPartner *
partner_of (AccordStore   *self,
            AccordContact *contact)
{
  return accord_store_lookup_partner (self, accord_contact_get_partner_id (contact));
}

static gboolean
clear_primary (AccordStore  *self,
               gint64        partner_id,
               GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (self,
                                 "UPDATE contact SET is_primary = 0 "
                                 "WHERE partner_id = ?1 AND is_primary = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  return step_done (self, stmt, _("Could not save the contact"), error);
}

/* Mirrors a committed primary change in memory, and keeps the primary
 * contact first, as a reload would list it. */
static void
mirror_primary (GListStore    *contacts,
                AccordContact *primary)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
  guint position;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordContact) c = g_list_model_get_item (G_LIST_MODEL (contacts), i);
      accord_contact_set_is_primary (c, c == primary);
    }

  if (g_list_store_find (contacts, primary, &position) && position > 0)
    {
      g_autoptr(AccordContact) moved = g_object_ref (primary);

      g_list_store_remove (contacts, position);
      g_list_store_insert (contacts, 0, moved);
    }
}

gboolean
accord_store_add_contact (AccordStore    *self,
                          AccordPartner  *partner,
                          AccordContact  *contact,
                          GError        **error)
{
  GListStore *contacts;
  gboolean primary;
  gint64 id;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (accord_contact_get_id (contact) == 0, FALSE);

  if (!accord_validate_contact (contact, error))
    return FALSE;

  contacts = ensure_contacts (self, partner, error);
  if (contacts == NULL)
    return FALSE;

  /* The first contact is the primary one until the user says otherwise. */
  primary = accord_contact_get_is_primary (contact) ||
            g_list_model_get_n_items (G_LIST_MODEL (contacts)) == 0;

  if (!begin (self, error))
    return FALSE;
  if (primary && !clear_primary (self, accord_partner_get_id (partner), error))
    {
      rollback (self);
      return FALSE;
    }
  accord_contact_set_is_primary (contact, primary);
  if (!insert_contact (self, accord_partner_get_id (partner), contact, &id, error) ||
      !commit (self, error))
    {
      rollback (self);
      accord_contact_set_is_primary (contact, FALSE);
      return FALSE;
    }

  _accord_contact_set_id (contact, id);
  _accord_contact_set_partner_id (contact, accord_partner_get_id (partner));
  g_list_store_append (contacts, contact);
  if (primary)
    mirror_primary (contacts, contact);
  return TRUE;
}

gboolean
accord_store_set_contact_field (AccordStore         *self,
                                AccordContact       *contact,
                                AccordContactField   field,
                                const char          *text,
                                GError             **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (accord_contact_get_id (contact) != 0, FALSE);
  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, FALSE);

  if (!accord_validate_contact_field (field, text, error))
    return FALSE;

  value = g_strstrip (g_strdup (text ? text : ""));
  if (g_strcmp0 (value, accord_contact_get_field (contact, field)) == 0)
    return TRUE;

  stmt = get_stmt (self, update_contact_sql[field], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, accord_contact_get_id (contact));
  if (!step_done (self, stmt, _("Could not save the contact"), error))
    return FALSE;

  accord_contact_set_field (contact, field, value);
  return TRUE;
}

gboolean
accord_store_set_primary_contact (AccordStore    *self,
                                  AccordContact  *contact,
                                  GError        **error)
{
  AccordPartner *partner;
  GListStore *contacts;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), FALSE);

  partner = partner_of (self, contact);
  g_return_val_if_fail (partner != NULL, FALSE);

  if (accord_contact_get_is_primary (contact))
    return TRUE;

  contacts = ensure_contacts (self, partner, error);
  if (contacts == NULL || !begin (self, error))
    return FALSE;

  stmt = NULL;
  if (!clear_primary (self, accord_partner_get_id (partner), error) ||
      (stmt = get_stmt (self, "UPDATE contact SET is_primary = 1 WHERE id = ?1", error)) == NULL)
    {
      rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, accord_contact_get_id (contact));
  if (!step_done (self, stmt, _("Could not save the contact"), error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  mirror_primary (contacts, contact);
  return TRUE;
}

gboolean
accord_store_remove_contact (AccordStore    *self,
                             AccordContact  *contact,
                             GError        **error)
{
  AccordPartner *partner;
  GListStore *contacts;
  AccordContact *successor = NULL;
  sqlite3_stmt *stmt;
  guint position;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), FALSE);

  partner = partner_of (self, contact);
  g_return_val_if_fail (partner != NULL, FALSE);
  contacts = ensure_contacts (self, partner, error);
  if (contacts == NULL)
    return FALSE;
  if (!g_list_store_find (contacts, contact, &position))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("This contact was already removed"));
      return FALSE;
    }

  /* Removing the primary contact hands the role to the next one. */
  if (accord_contact_get_is_primary (contact) &&
      g_list_model_get_n_items (G_LIST_MODEL (contacts)) > 1)
    successor = g_list_model_get_item (G_LIST_MODEL (contacts), position == 0 ? 1 : 0);

  if (!begin (self, error))
    {
      g_clear_object (&successor);
      return FALSE;
    }
  stmt = get_stmt (self, "DELETE FROM contact WHERE id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, accord_contact_get_id (contact));
  if (stmt == NULL || !step_done (self, stmt, _("Could not remove the contact"), error))
    goto fail;
  if (successor != NULL)
    {
      stmt = get_stmt (self, "UPDATE contact SET is_primary = 1 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, accord_contact_get_id (successor));
      if (!step_done (self, stmt, _("Could not remove the contact"), error))
        goto fail;
    }
  if (!commit (self, error))
    goto fail;

  g_object_ref (contact);
  g_list_store_remove (contacts, position);
  /* The removed object keeps its fields so Undo can add it again. */
  _accord_contact_set_id (contact, 0);
  accord_contact_set_is_primary (contact, FALSE);
  g_object_unref (contact);
  if (successor != NULL)
    mirror_primary (contacts, successor);
  g_clear_object (&successor);
  return TRUE;

fail:
  rollback (self);
  g_clear_object (&successor);
  return FALSE;
}

int
_accord_store_get_pragma (AccordStore       *self,
                          AccordStorePragma  pragma)
{
  static const char *const sql[] = {
    [ACCORD_STORE_PRAGMA_SYNCHRONOUS] = "PRAGMA synchronous",
    [ACCORD_STORE_PRAGMA_FOREIGN_KEYS] = "PRAGMA foreign_keys",
    [ACCORD_STORE_PRAGMA_BUSY_TIMEOUT] = "PRAGMA busy_timeout",
  };
  int value = -1;

  g_return_val_if_fail (ACCORD_IS_STORE (self), -1);
  g_return_val_if_fail ((guint) pragma < G_N_ELEMENTS (sql), -1);

  /* With a busy handler of our own, PRAGMA busy_timeout reads 0. */
  if (pragma == ACCORD_STORE_PRAGMA_BUSY_TIMEOUT)
    return self->busy_timeout_ms;

  if (read_pragma_int (self->db, sql[pragma], &value) != SQLITE_OK)
    return -1;
  return value;
}

/* Lifecycle */

void
accord_store_set_today (AccordStore *self,
                        const char  *today)
{
  g_return_if_fail (ACCORD_IS_STORE (self));
  g_return_if_fail (accord_date_is_valid (today));

  _accord_set_str (&self->today, today);
}

const char *
accord_store_get_today (AccordStore *self)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  return self->today;
}

static GListStore *
ensure_history (AccordStore    *self,
                AccordPartner  *partner,
                GError        **error)
{
  gint64 id = accord_partner_get_id (partner);
  g_autoptr(GListStore) history = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *cached = g_hash_table_lookup (self->histories, &id);
  sqlite3_stmt *stmt;
  int rc;

  if (cached != NULL)
    return cached;

  stmt = get_stmt (self,
                   "SELECT stage, date, note, revisit_on FROM stage_change "
                   "WHERE partner_id = ?1 ORDER BY id",
                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, stage_change_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the stage history"));
      return NULL;
    }

  history = g_list_store_new (ACCORD_TYPE_STAGE_CHANGE);
  g_list_store_splice (history, 0, 0, rows->pdata, rows->len);
  g_hash_table_insert (self->histories, g_memdup2 (&id, sizeof id), g_object_ref (history));
  return history;
}

GListModel *
accord_store_get_stage_history (AccordStore    *self,
                                AccordPartner  *partner,
                                GError        **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  return G_LIST_MODEL (ensure_history (self, partner, error));
}

gboolean
accord_store_move_partner (AccordStore    *self,
                           AccordPartner  *partner,
                           AccordStage     to,
                           const char     *date,
                           const char     *note,
                           const char     *revisit_on,
                           GError        **error)
{
  g_autofree char *trimmed_note = NULL;
  g_autofree char *default_date = NULL;
  g_autofree char *now = NULL;
  AccordStage from;
  AccordStage held_from;
  GListStore *history;
  sqlite3_stmt *stmt;
  const char *since;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (accord_partner_get_id (partner) != 0, FALSE);
  g_return_val_if_fail ((guint) to < ACCORD_N_STAGES, FALSE);

  if (accord_partner_get_trashed_at (partner) != NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("This partner is in the trash; restore it first"));
      return FALSE;
    }

  if (date == NULL)
    date = self->today;
  from = accord_partner_get_stage (partner);
  held_from = accord_partner_get_held_from (partner);

  if (!accord_stage_can_move (from, to, held_from, error))
    return FALSE;

  if (!accord_date_is_valid (date))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), date);
      return FALSE;
    }
  since = accord_partner_get_stage_since (partner);
  if (since != NULL && strcmp (date, since) < 0)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The move cannot be dated %s, before the current stage began on %s"),
                   date, since);
      return FALSE;
    }

  trimmed_note = g_strstrip (g_strdup (note ? note : ""));
  if (g_utf8_strlen (trimmed_note, -1) > ACCORD_MAX_TEXT_LENGTH)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The note is too long: at most %d characters"), ACCORD_MAX_TEXT_LENGTH);
      return FALSE;
    }

  if (to == ACCORD_STAGE_ON_HOLD)
    {
      if (revisit_on == NULL || *revisit_on == '\0')
        revisit_on = default_date = default_revisit (date);
      if (!accord_date_is_valid (revisit_on) || strcmp (revisit_on, date) <= 0)
        {
          g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                       _("A hold needs a date to revisit after %s"), date);
          return FALSE;
        }
      held_from = from;
    }
  else
    {
      revisit_on = NULL;
      held_from = ACCORD_STAGE_IDENTIFIED;
    }

  history = ensure_history (self, partner, error);
  if (history == NULL)
    return FALSE;

  now = now_utc ();
  if (!begin (self, error))
    return FALSE;
  if (!insert_stage_change (self, accord_partner_get_id (partner), to, date, trimmed_note,
                            revisit_on, error))
    goto fail;

  stmt = get_stmt (self,
                   "UPDATE partner SET stage = ?1, stage_since = ?2, held_from = ?3, "
                   "revisit_on = ?4, updated_at = ?5 WHERE id = ?6",
                   error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, accord_stage_to_key (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (to == ACCORD_STAGE_ON_HOLD)
    sqlite3_bind_text (stmt, 3, accord_stage_to_key (held_from), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  if (revisit_on != NULL)
    sqlite3_bind_text (stmt, 4, revisit_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, accord_partner_get_id (partner));
  if (!step_done (self, stmt, _("Could not save the stage"), error) || !commit (self, error))
    goto fail;

  {
    g_autoptr(AccordStageChange) change = accord_stage_change_new (to, date, trimmed_note,
                                                                   revisit_on);
    g_list_store_append (history, change);
  }
  _accord_partner_set_moments (partner, accord_partner_get_created_at (partner), now,
                               accord_partner_get_trashed_at (partner));
  _accord_partner_set_stage (partner, to, date, held_from, revisit_on);
  g_signal_emit (self, signals[SIGNAL_PARTNER_CHANGED], 0, partner);
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/* Workspace settings */

char *
accord_store_dup_setting (AccordStore *self,
                          const char  *key)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = get_stmt (self, "SELECT value FROM setting WHERE key = ?1", &error);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value ? value : g_strdup ("");
}

gboolean
accord_store_set_setting (AccordStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (!g_utf8_validate (trimmed, -1, NULL) ||
      g_utf8_strlen (trimmed, -1) > ACCORD_MAX_TEXT_LENGTH)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("The text is too long: at most %d characters"), ACCORD_MAX_TEXT_LENGTH);
      return FALSE;
    }

  stmt = get_stmt (self,
                   "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  return step_done (self, stmt, _("Could not save the setting"), error);
}

/* For the store's other files (accord-store-agreements.c and
 * accord-store-work.c): the same helpers the partner code uses. */

sqlite3 *
_accord_store_get_db (AccordStore *self)
{
  return self->db;
}

sqlite3_stmt *
_accord_store_get_stmt (AccordStore  *self,
                        const char   *sql,
                        GError      **error)
{
  return get_stmt (self, sql, error);
}

gboolean
_accord_store_step_done (AccordStore   *self,
                         sqlite3_stmt  *stmt,
                         const char    *doing,
                         GError       **error)
{
  return step_done (self, stmt, doing, error);
}

gboolean
_accord_store_set_error (AccordStore  *self,
                         int           rc,
                         const char   *doing,
                         GError      **error)
{
  return set_sqlite_error (error, self->db, rc, doing);
}

gboolean
_accord_store_begin (AccordStore  *self,
                     GError      **error)
{
  return begin (self, error);
}

gboolean
_accord_store_commit (AccordStore  *self,
                      GError      **error)
{
  return commit (self, error);
}

void
_accord_store_rollback (AccordStore *self)
{
  rollback (self);
}

char *
_accord_store_now_utc (void)
{
  return now_utc ();
}

gboolean
_accord_store_set_sqlite_error (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *doing)
{
  return set_sqlite_error (error, db, rc, doing);
}

void
_accord_store_emit_agreements_changed (AccordStore   *self,
                                       AccordPartner *partner)
{
  g_signal_emit (self, signals[SIGNAL_AGREEMENTS_CHANGED], 0, partner);
}

void
_accord_store_emit_work_changed (AccordStore   *self,
                                 AccordPartner *partner)
{
  g_signal_emit (self, signals[SIGNAL_WORK_CHANGED], 0, partner);
}

void
_accord_store_emit_results_changed (AccordStore   *self,
                                    AccordPartner *partner)
{
  g_signal_emit (self, signals[SIGNAL_RESULTS_CHANGED], 0, partner);
}

char *
_accord_store_column_dup (sqlite3_stmt *stmt,
                          int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

char *
_accord_store_column_text (sqlite3_stmt *stmt,
                           int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

gboolean
_accord_store_invalid (GError     **error,
                       const char  *message)
{
  g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID, message);
  return FALSE;
}

AccordPartner *
_accord_store_live_partner (AccordStore  *self,
                            gint64        partner_id,
                            GError      **error)
{
  AccordPartner *partner = accord_store_lookup_partner (self, partner_id);

  if (partner == NULL)
    {
      _accord_store_invalid (error, _("There is no such partner"));
      return NULL;
    }
  if (accord_partner_get_trashed_at (partner) != NULL)
    {
      _accord_store_invalid (error, _("This partner is in the trash; restore it first"));
      return NULL;
    }
  return partner;
}
