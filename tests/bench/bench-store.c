/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* How long saving one edit takes, next to the least SQLite itself needs
 * for the same write: run by build-aux/bench on a copy of a workspace.
 *
 *   bench-store WORKSPACE [EDITS]
 *
 * Each round saves a new note on a partner twice, alternating:
 *
 *   store   accord_store_set_partner_field (NOTES): what the partner page
 *           calls when a field is saved; validation, its own transaction
 *           (BEGIN IMMEDIATE, UPDATE, COMMIT), the partner object updated
 *           and "partner-changed" emitted (nothing listens here);
 *   sqlite  the same UPDATE statement (prepared once) in its own
 *           BEGIN IMMEDIATE ... COMMIT, through the SQLite C library on a
 *           second connection to the same file with the pragmas the store
 *           sets (journal_mode = WAL, synchronous = FULL, foreign_keys = ON).
 *
 * Both wait for the disk on COMMIT, as a real save does. Prints
 * `store-ms MEDIAN`, `sqlite-ms MEDIAN` and `edits N` (MEDIAN of EDITS
 * rounds, 50 by default), and every sample as `sample store|sqlite MS`. */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "accord-partner.h"
#include "accord-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-store: %s: %s\n", sql, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GArray) store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *partners;
  sqlite3 *db = NULL;
  sqlite3_stmt *update = NULL;
  guint n_partners;
  int edits = 50;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: bench-store WORKSPACE [EDITS]\n");
      return 2;
    }
  if (argc == 3)
    edits = atoi (argv[2]);
  if (edits < 1)
    {
      g_printerr ("bench-store: EDITS must be at least 1\n");
      return 2;
    }

  store = accord_store_open (argv[1], ACCORD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  partners = accord_store_get_partners (store);
  n_partners = g_list_model_get_n_items (partners);
  if (n_partners < 2)
    {
      g_printerr ("bench-store: the workspace needs at least two partners\n");
      return 1;
    }

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                 "PRAGMA foreign_keys = ON;") ||
      sqlite3_prepare_v2 (db, "UPDATE partner SET notes = ?1, updated_at = ?2 WHERE id = ?3",
                          -1, &update, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-store: %s\n", sqlite3_errmsg (db));
      sqlite3_close (db);
      return 1;
    }
  sqlite3_busy_timeout (db, 5000);

  for (int i = 0; i < edits; i++)
    {
      /* Two different partners a round, spread over the list. */
      g_autoptr(AccordPartner) a = g_list_model_get_item (partners, (i * 7919u) % n_partners);
      g_autoptr(AccordPartner) b = g_list_model_get_item (partners, (i * 7919u + 1) % n_partners);
      g_autofree char *note_a = g_strdup_printf ("Edited in round %d: call them back on Monday", i);
      g_autofree char *note_b = g_strdup_printf ("Edited in round %d: send the price list", i);
      g_autoptr(GDateTime) now_dt = g_date_time_new_now_utc ();
      g_autofree char *now = g_date_time_format (now_dt, "%Y-%m-%dT%H:%M:%SZ");
      gint64 start, end;
      double ms;

      start = g_get_monotonic_time ();
      if (!accord_store_set_partner_field (store, a, ACCORD_PARTNER_FIELD_NOTES, note_a, &error))
        {
          g_printerr ("bench-store: %s\n", error->message);
          return 1;
        }
      end = g_get_monotonic_time ();
      ms = (end - start) / 1000.0;
      g_array_append_val (store_ms, ms);

      start = g_get_monotonic_time ();
      if (!exec (db, "BEGIN IMMEDIATE"))
        return 1;
      sqlite3_bind_text (update, 1, note_b, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, accord_partner_get_id (b));
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          g_printerr ("bench-store: %s\n", sqlite3_errmsg (db));
          return 1;
        }
      sqlite3_reset (update);
      if (!exec (db, "COMMIT"))
        return 1;
      end = g_get_monotonic_time ();
      ms = (end - start) / 1000.0;
      g_array_append_val (sqlite_ms, ms);
    }

  for (guint i = 0; i < store_ms->len; i++)
    printf ("sample store %.3f\nsample sqlite %.3f\n", g_array_index (store_ms, double, i),
            g_array_index (sqlite_ms, double, i));
  printf ("store-ms %.3f\n", median (store_ms));
  printf ("sqlite-ms %.3f\n", median (sqlite_ms));
  printf ("edits %d\n", edits);

  sqlite3_finalize (update);
  sqlite3_close (db);
  return 0;
}
