/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* "Never lose a partner": every read, write and sync that an operation
 * does is made to fail in turn, one run per operation, first as a fault
 * that happens once, then as one that lasts (a disk that stays full).
 * After each run the workspace must hold the state from before the
 * operation or the state after it, open cleanly and pass its integrity
 * check; the objects in memory must agree with what the store reported;
 * the failure must reach the caller as one clear line in
 * ACCORD_STORE_ERROR; and the same store must succeed once the disk is
 * back. */

#include "accord-contact.h"
#include "accord-import.h"
#include "accord-json.h"
#include "accord-store.h"
#include "faulty-vfs.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#define N_PARTNERS 20
#define N_IMPORT_ROWS 30

typedef enum
{
  OP_SAVE_WEBSITE,
  OP_SAVE_TAGS,
  OP_IMPORT,
  OP_ADD_CONTACT,
  OP_TRASH,
  OP_MIGRATE,
  OP_CLOSE,     /* closing a store with a committed save still in the WAL */
} Operation;

typedef struct
{
  const char *name;
  Operation op;
  FaultKind kind;
  gboolean sticky;  /* the disk stays broken until the operation returns */
} Case;

/* Per-case tallies, summed into the totals the last test prints. */
typedef struct
{
  guint n_ops;        /* operations of the kind in the dry run */
  guint injected;     /* faults that fired */
  guint runs_faulted; /* runs where at least one fired */
  guint failed;       /* runs where the operation reported the failure */
  guint absorbed;     /* runs where it succeeded although a fault fired */
  guint late_commit;  /* reported a failure, but the change was kept */
} Tally;

static struct
{
  char *dir;
  char *template_path;    /* N_PARTNERS partners, WAL checkpointed */
  char *fixture_path;     /* tests/fixtures/schema-1.accord */
  GBytes *csv;
  gint64 target_id;       /* the partner the saves edit and the trash takes */
  gint64 contact_target_id; /* a partner with two contacts already */
  guint total_injected;
  guint total_once;
  guint total_sticky;
  guint total_runs;
  GHashTable *per_scenario; /* "scenario (mode)" -> guint faults */
} global;

/* Helpers */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* The workspace and everything SQLite or the store put next to it: WAL,
 * shared memory, journals, backups (.bak-vN). */
static void
remove_workspace (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, base))
      {
        g_autofree char *file = g_build_filename (dir_path, name, NULL);
        g_unlink (file);
      }
}

static AccordStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static int
compare_contact_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 ia = json_object_get_int_member (json_node_get_object (*(JsonNode **) a), "id");
  gint64 ib = json_object_get_int_member (json_node_get_object (*(JsonNode **) b), "id");

  return (ia > ib) - (ia < ib);
}

/* The partners as JSON, reduced to what the user entered: the moments go
 * (a save stamps updated_at with the clock) and contacts are in id order
 * (the live model puts a new primary contact last, a reload puts it
 * first; the order is the view's business, not the file's). */
static char *
dump (AccordStore *store)
{
  g_autofree char *json = accord_json_dump_partners (store, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *partners;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  partners = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);
      JsonArray *contacts = json_object_get_array_member (partner, "contacts");
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      g_autoptr(JsonArray) replacement = json_array_new ();

      json_object_remove_member (partner, "created_at");
      json_object_remove_member (partner, "updated_at");
      for (guint j = 0; j < json_array_get_length (contacts); j++)
        g_ptr_array_add (sorted, json_array_dup_element (contacts, j));
      g_ptr_array_sort (sorted, compare_contact_ids);
      for (guint j = 0; j < sorted->len; j++)
        json_array_add_element (replacement, json_node_ref (sorted->pdata[j]));
      json_object_set_array_member (partner, "contacts", g_steal_pointer (&replacement));
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* Where two dumps part, for a message that fits on a screen. */
static char *
describe_difference (const char *got,
                     const char *want)
{
  gsize at = 0;
  gsize from;

  while (got[at] != '\0' && got[at] == want[at])
    at++;
  from = at > 80 ? at - 80 : 0;
  return g_strdup_printf ("at byte %" G_GSIZE_FORMAT ": got …%.160s…, expected …%.160s…", at,
                          got + from, want + from);
}

#define assert_state(what, got, want) \
  G_STMT_START { \
    if (g_strcmp0 ((got), (want)) != 0) \
      { \
        g_autofree char *difference = describe_difference ((got), (want)); \
        g_error ("%s: %s", (what), difference); \
      } \
  } G_STMT_END

static char *
dump_file (const char *path)
{
  g_autoptr(AccordStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_check (store, &error));
  g_assert_no_error (error);
  return dump (store);
}

static int
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

/* A store whose transaction stayed open after an error would keep the
 * write lock, and nobody else (the command line, a backup) could write
 * until the app quits. Another connection must get the lock at once. */
static void
assert_not_locked (const char *path)
{
  sqlite3 *db = raw_open (path);
  int rc;

  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_error ("the workspace is still locked after the failed operation: %s",
             sqlite3_errmsg (db));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* (a): one clear line for a person, in our domain. */
static void
assert_clear_error (const GError *error,
                    const Case   *c)
{
  g_assert_nonnull (error);
  if (error->domain != ACCORD_STORE_ERROR)
    g_error ("%s: error outside ACCORD_STORE_ERROR (%s): %s", c->name,
             g_quark_to_string (error->domain), error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  if (strchr (error->message, '\n') != NULL)
    g_error ("%s: error message has more than one line: %s", c->name, error->message);
  /* The code must say what happened to the disk, so the app can tell
   * "the disk is full" from "the disk failed". */
  if (error->code != (c->kind == FAULT_FULL ? ACCORD_STORE_ERROR_FULL : ACCORD_STORE_ERROR_IO))
    g_error ("%s (%s): the error has code %d, not %s: %s", c->name, faulty_vfs_describe (),
             error->code, c->kind == FAULT_FULL ? "FULL" : "IO", error->message);
}

/* The workspace before the operation: N_PARTNERS partners, some with
 * tags and contacts, one in the trash. */
static void
make_template (void)
{
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = accord_store_open (global.template_path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %02u Ltd", i);
      g_autofree char *website = g_strdup_printf ("partner%02u.example", i);
      g_autoptr(AccordPartner) partner = accord_partner_new (name);
      g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
      const char *tags[] = { "fault", i % 2 ? "odd" : "even", NULL };

      accord_partner_set_website (partner, website);
      accord_partner_set_notes (partner, "Met at the fair; follow up in spring.");
      accord_partner_set_tags (partner, tags);
      if (i % 3 == 0)
        {
          g_autofree char *email = g_strdup_printf ("ada%02u@partner%02u.example", i, i);
          AccordContact *contact = accord_contact_new ("Ada Rossi");

          accord_contact_set_email (contact, email);
          g_ptr_array_add (contacts, contact);
          g_ptr_array_add (contacts, accord_contact_new ("Ben Okafor"));
        }
      g_assert_true (accord_store_add_partner (store, partner, contacts, &error));
      g_assert_no_error (error);

      if (i == 6)
        global.contact_target_id = accord_partner_get_id (partner);
      if (i == 7)
        global.target_id = accord_partner_get_id (partner);
      if (i == N_PARTNERS - 1)
        {
          g_assert_true (accord_store_trash_partner (store, partner, &error));
          g_assert_no_error (error);
        }
    }
}

static GBytes *
make_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("name,website,notes,tags,tier,contact_name,contact_email\n");

  for (guint i = 0; i < N_IMPORT_ROWS; i++)
    g_string_append_printf (csv,
                            "Imported %02u GmbH,imported%02u.example,\"Row %u, from the fair\","
                            "\"import, batch\",%s,Carla %02u,carla%02u@imported.example\n",
                            i, i, i, i % 2 ? "premium" : "", i, i);
  return g_string_free_to_bytes (g_steal_pointer (&csv));
}

/* The operations */

static gboolean
run_operation (Operation     op,
               AccordStore  *store,
               GError      **error)
{
  AccordPartner *partner;

  switch (op)
    {
    case OP_SAVE_WEBSITE:
      partner = accord_store_lookup_partner (store, global.target_id);
      g_assert_nonnull (partner);
      return accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_WEBSITE,
                                             "https://saved.example/after", error);
    case OP_SAVE_TAGS:
      /* Several statements in one transaction: an UPDATE, a DELETE and
       * three INSERTs, so a half-done save would show. */
      partner = accord_store_lookup_partner (store, global.target_id);
      g_assert_nonnull (partner);
      return accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_TAGS,
                                             "renewal, q3, emea", error);
    case OP_IMPORT:
      return accord_import_csv (store, global.csv, ACCORD_IMPORT_DEFAULT, NULL, NULL, error);
    case OP_ADD_CONTACT:
      {
        /* A new primary contact: the old primary is demoted in the same
         * transaction. */
        g_autoptr(AccordContact) contact = accord_contact_new ("Dana Flores");

        accord_contact_set_email (contact, "dana@partner06.example");
        accord_contact_set_is_primary (contact, TRUE);
        partner = accord_store_lookup_partner (store, global.contact_target_id);
        g_assert_nonnull (partner);
        return accord_store_add_contact (store, partner, contact, error);
      }
    case OP_TRASH:
      partner = accord_store_lookup_partner (store, global.target_id);
      g_assert_nonnull (partner);
      return accord_store_trash_partner (store, partner, error);
    case OP_MIGRATE:
    case OP_CLOSE:
    default:
      g_assert_not_reached ();
    }
}

static const char *
template_for (Operation op)
{
  return op == OP_MIGRATE ? global.fixture_path : global.template_path;
}

/* Migration: look at the file with plain SQLite before any store opens
 * it again (which would finish the migration and hide the evidence). It
 * must be at a whole schema version, with every partner; the backup, if
 * one was written, a readable version 1 copy. */
static void
check_migration_leftovers (const char *path)
{
  g_autofree char *backup = g_strconcat (path, ".bak-v1", NULL);
  g_autofree char *integrity = NULL;
  sqlite3 *db = raw_open (path);
  int version;
  int n_settings;

  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  version = query_int (db, "PRAGMA user_version");
  n_settings = query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM partner"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contact"), ==, 1);
  sqlite3_close (db);

  /* Each migration is one transaction, so a stop between two of them
   * leaves a whole intermediate version, never part of one; the settings
   * table arrives with version 2. */
  if (version < 1 || version > ACCORD_SCHEMA_VERSION)
    g_error ("after a failed migration the workspace is at version %d", version);
  g_assert_cmpint (n_settings, ==, version >= 2 ? 1 : 0);

  if (g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      g_autofree char *backup_integrity = NULL;

      db = raw_open (backup);
      backup_integrity = query_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (backup_integrity, ==, "ok");
      if (query_int (db, "PRAGMA user_version") != 1 ||
          query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'partner'") != 1)
        g_error ("the backup left by a failed migration is not a version 1 workspace "
                 "(version %d, %d tables)", query_int (db, "PRAGMA user_version"),
                 query_int (db, "SELECT count(*) FROM sqlite_schema"));
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM partner"), ==, 2);
      sqlite3_close (db);
    }
}

/* One run: fault number @n of the case's kind (and, when sticky, every
 * later one until the operation returns). */
static void
run_with_fault (const Case *c,
                const char *path,
                guint       n,
                const char *before,
                const char *after,
                Tally      *tally)
{
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *final = NULL;
  gboolean ok = TRUE;
  gboolean committed;
  guint fired;

  remove_workspace (path);
  copy_file (template_for (c->op), path);

  if (c->op != OP_MIGRATE)
    store = open_ok (path);
  if (c->op == OP_CLOSE)
    {
      /* A committed save still in the WAL, for the close to move over. */
      g_assert_true (run_operation (OP_SAVE_WEBSITE, store, &error));
      g_assert_no_error (error);
    }

  if (c->sticky)
    faulty_vfs_arm_sticky (c->kind, n);
  else
    faulty_vfs_arm (c->kind, n);
  switch (c->op)
    {
    case OP_MIGRATE:
      store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
      ok = store != NULL;
      break;
    case OP_CLOSE:
      /* Nothing to report: closing cannot fail, it can only leave the
       * WAL for the next open to finish. */
      g_assert_finalize_object (g_steal_pointer (&store));
      break;
    case OP_SAVE_WEBSITE:
    case OP_SAVE_TAGS:
    case OP_IMPORT:
    case OP_ADD_CONTACT:
    case OP_TRASH:
    default:
      ok = run_operation (c->op, store, &error);
      break;
    }
  fired = faulty_vfs_fired ();
  faulty_vfs_disarm ();

  /* (a) */
  if (ok)
    g_assert_no_error (error);
  else
    assert_clear_error (error, c);
  if (!ok && fired == 0)
    g_error ("%s #%u: failed without a fault: %s", c->name, n, error->message);

  tally->injected += fired;
  tally->runs_faulted += fired > 0;
  if (!ok)
    tally->failed++;
  else if (fired > 0)
    tally->absorbed++;

  if (g_test_verbose ())
    g_test_message ("%s #%u: %u faults, first %s -> %s", c->name, n, fired,
                    faulty_vfs_describe (), ok ? "succeeded" : error->message);

  /* The objects in memory follow what the store reported, never what it
   * only tried. */
  if (store != NULL)
    {
      g_autofree char *memory = dump (store);
      g_autoptr(GError) check_error = NULL;

      if (g_strcmp0 (memory, ok ? after : before) != 0)
        {
          g_autofree char *difference = describe_difference (memory, ok ? after : before);

          g_error ("%s #%u (%s): the objects in memory do not show the state %s the operation, "
                   "which %s; %s", c->name, n, faulty_vfs_describe (), ok ? "after" : "before",
                   ok ? "succeeded" : "failed", difference);
        }
      /* The connection still reads after the error. */
      if (!accord_store_check (store, &check_error))
        g_error ("%s #%u (%s): the store no longer passes its check: %s", c->name, n,
                 faulty_vfs_describe (), check_error->message);
      assert_not_locked (path);
    }
  else if (c->op == OP_MIGRATE)
    check_migration_leftovers (path);

  /* (b) and (c): a fresh store opens the file, which passes the check and
   * holds one of the two states; after a reported success, the new one. */
  seen = dump_file (path);
  if (g_strcmp0 (seen, before) != 0 && g_strcmp0 (seen, after) != 0)
    {
      g_autofree char *from_before = describe_difference (seen, before);
      g_autofree char *from_after = describe_difference (seen, after);

      g_error ("%s #%u (%s): the workspace holds neither the state before (%s) nor the one "
               "after (%s)", c->name, n, faulty_vfs_describe (), from_before, from_after);
    }
  committed = g_strcmp0 (seen, after) == 0;
  if (ok && !committed)
    g_error ("%s #%u (%s): reported saved, but the change is not in the file", c->name, n,
             faulty_vfs_describe ());
  /* For a migration both dumps are equal: the version tells them apart,
   * and dump_file() has just finished the migration anyway. */
  if (c->op == OP_MIGRATE)
    committed = ok;
  if (!ok && committed && c->op != OP_MIGRATE)
    tally->late_commit++;

  /* The same store can try again once the disk is back, and succeeds: no
   * transaction was left open and no statement stuck. */
  if (!ok && !committed && store != NULL)
    {
      g_autoptr(GError) retry_error = NULL;
      g_autofree char *memory = NULL;

      if (!run_operation (c->op, store, &retry_error))
        g_error ("%s #%u (%s): retrying after the disk recovered failed: %s", c->name, n,
                 faulty_vfs_describe (), retry_error->message);
      memory = dump (store);
      assert_state ("memory after the retry", memory, after);
    }

  if (store != NULL)
    g_assert_finalize_object (g_steal_pointer (&store));

  /* Closed and opened once more: the kept change (or the retried one) is
   * there for good. */
  final = dump_file (path);
  assert_state ("the file, reopened at the end", final, after);

  global.total_runs++;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_build_filename (global.dir, "work.accord", NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Tally tally = { 0, };
  gboolean ok;

  /* The states to compare with, and the dry run that counts operations. */
  remove_workspace (path);
  copy_file (template_for (c->op), path);
  switch (c->op)
    {
    case OP_MIGRATE:
      {
        sqlite3 *db = raw_open (path);

        g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
        sqlite3_close (db);
        /* A version 1 file shows the same partners as its migrated copy. */
        faulty_vfs_disarm ();
        store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
        g_assert_no_error (error);
        tally.n_ops = faulty_vfs_count (c->kind);
        g_assert_cmpint (accord_store_get_schema_version (store), ==, ACCORD_SCHEMA_VERSION);
        before = dump (store);
        after = g_strdup (before);
        g_clear_object (&store);
      }
      break;
    case OP_CLOSE:
      /* Before and after are the same committed save: closing must keep
       * it whatever happens to the checkpoint. */
      store = open_ok (path);
      g_assert_true (run_operation (OP_SAVE_WEBSITE, store, &error));
      g_assert_no_error (error);
      before = dump (store);
      after = g_strdup (before);
      faulty_vfs_disarm ();
      g_assert_finalize_object (g_steal_pointer (&store));
      tally.n_ops = faulty_vfs_count (c->kind);
      break;
    case OP_SAVE_WEBSITE:
    case OP_SAVE_TAGS:
    case OP_IMPORT:
    case OP_ADD_CONTACT:
    case OP_TRASH:
    default:
      store = open_ok (path);
      before = dump (store);
      faulty_vfs_disarm ();
      ok = run_operation (c->op, store, &error);
      tally.n_ops = faulty_vfs_count (c->kind);
      g_assert_no_error (error);
      g_assert_true (ok);
      after = dump (store);
      g_assert_false (g_str_equal (before, after));
      g_clear_object (&store);
      break;
    }
  {
    g_autofree char *reopened = dump_file (path);
    assert_state ("the file after the dry run", reopened, after);
  }

  for (guint n = 1; n <= tally.n_ops; n++)
    run_with_fault (c, path, n, before, after, &tally);
  remove_workspace (path);

  /* Every armed fault should fire, the runs repeating the dry run up to
   * the fault. SQLite now and then touches one page more or less for the
   * same change (seen: 7 or 9 writes for the tag save, once in ~15
   * processes), so the last fault or two of a sweep may find nothing to
   * hit; such a run still went through every check above. */
  if (tally.runs_faulted < tally.n_ops)
    g_test_message ("%s: %u of %u armed faults did not fire", c->name,
                    tally.n_ops - tally.runs_faulted, tally.n_ops);
  g_assert_cmpuint (tally.runs_faulted + 2, >=, tally.n_ops);

  g_test_message ("%s%s: %u %s operations, %u faults injected; the operation reported a clear "
                  "error %u times, succeeded anyway %u times, and %u times the change was kept "
                  "although reported as failed",
                  c->sticky ? "sticky " : "", c->name, tally.n_ops,
                  fault_kind_to_string (c->kind), tally.injected, tally.failed, tally.absorbed,
                  tally.late_commit);

  if (c->sticky)
    global.total_sticky += tally.injected;
  else
    global.total_once += tally.injected;
  global.total_injected += tally.injected;
  g_hash_table_insert (global.per_scenario,
                       g_strconcat (c->name, c->sticky ? " (sticky)" : "", NULL),
                       GUINT_TO_POINTER (tally.injected));
}

static void
test_summary (void)
{
  g_autoptr(GList) names = g_hash_table_get_keys (global.per_scenario);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_test_message ("  %-36s %u faults", (const char *) l->data,
                    GPOINTER_TO_UINT (g_hash_table_lookup (global.per_scenario, l->data)));
  g_test_message ("total: %u faults injected in %u runs (%u one-off, %u sticky)",
                  global.total_injected, global.total_runs, global.total_once,
                  global.total_sticky);
}

static const Case cases[] = {
  { "save-website/write", OP_SAVE_WEBSITE, FAULT_WRITE },
  { "save-website/sync", OP_SAVE_WEBSITE, FAULT_SYNC },
  { "save-website/read", OP_SAVE_WEBSITE, FAULT_READ },
  { "save-tags/write", OP_SAVE_TAGS, FAULT_WRITE },
  { "save-tags/sync", OP_SAVE_TAGS, FAULT_SYNC },
  { "save-tags/read", OP_SAVE_TAGS, FAULT_READ },
  { "import/write", OP_IMPORT, FAULT_WRITE },
  { "import/sync", OP_IMPORT, FAULT_SYNC },
  { "import/read", OP_IMPORT, FAULT_READ },
  { "migration/write", OP_MIGRATE, FAULT_WRITE },
  { "migration/sync", OP_MIGRATE, FAULT_SYNC },
  { "migration/read", OP_MIGRATE, FAULT_READ },
  { "add-contact/write", OP_ADD_CONTACT, FAULT_WRITE },
  { "add-contact/sync", OP_ADD_CONTACT, FAULT_SYNC },
  { "add-contact/read", OP_ADD_CONTACT, FAULT_READ },
  { "trash/write", OP_TRASH, FAULT_WRITE },
  { "trash/sync", OP_TRASH, FAULT_SYNC },
  { "disk-full/save", OP_SAVE_WEBSITE, FAULT_FULL },
  { "disk-full/import", OP_IMPORT, FAULT_FULL },
  { "disk-full/migration", OP_MIGRATE, FAULT_FULL },
  { "close/write", OP_CLOSE, FAULT_WRITE },
  { "close/sync", OP_CLOSE, FAULT_SYNC },
  { "close/read", OP_CLOSE, FAULT_READ },
};

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Before any connection exists, so every one goes through the shim. */
  faulty_vfs_install ();

  global.dir = g_dir_make_tmp ("accord-faults-XXXXXX", NULL);
  g_assert_nonnull (global.dir);
  global.template_path = g_build_filename (global.dir, "template.accord", NULL);
  global.fixture_path = g_build_filename (FIXTURES_DIR, "schema-1.accord", NULL);
  global.csv = make_csv ();
  global.per_scenario = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  make_template ();

  /* Each case twice: a fault that happens once, then one that stays
   * until the operation has returned (a full disk stays full). */
  for (guint sticky = 0; sticky < 2; sticky++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *test_path = g_strconcat ("/faults/", sticky ? "sticky/" : "once/",
                                                  cases[i].name, NULL);
        Case *c = g_memdup2 (&cases[i], sizeof cases[i]);

        c->sticky = sticky;
        g_test_add_data_func_full (test_path, c, test_case, g_free);
      }
  /* A suite of its own, added last, so it runs after the others. */
  g_test_add_func ("/faults/summary/total", test_summary);

  status = g_test_run ();

  remove_workspace (global.template_path);
  g_rmdir (global.dir);
  g_free (global.dir);
  g_free (global.template_path);
  g_free (global.fixture_path);
  g_bytes_unref (global.csv);
  g_hash_table_unref (global.per_scenario);
  return status;
}
