/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "accord-store.h"

/* A fresh path in the test's isolated temporary folder. */
static inline char *
test_temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static inline GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline void
test_write_file (const char *path,
                 const void *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static inline void
test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);

          test_remove_tree (child);
          g_free (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A fresh workspace in its own temporary folder, dated 2026-01-31, for
 * g_test_add() fixtures; the folder goes away with it. */
typedef struct
{
  char        *dir;
  char        *path;
  AccordStore *store;
} TestWorkspace;

static inline void
test_workspace_set_up (TestWorkspace *fixture,
                       gconstpointer  data)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("accord-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.accord", NULL);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  accord_store_set_today (fixture->store, "2026-01-31");
}

static inline void
test_workspace_tear_down (TestWorkspace *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Closes the workspace and opens it again, so what follows is what reached
 * the file; returns the partner with @id there. */
static inline AccordPartner *
test_workspace_reopen_and_find (TestWorkspace *fixture,
                                gint64         id)
{
  GError *error = NULL;
  AccordPartner *partner;

  g_clear_object (&fixture->store);
  fixture->store = accord_store_open (fixture->path, ACCORD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  partner = accord_store_lookup_partner (fixture->store, id);
  g_assert_nonnull (partner);
  return partner;
}

/* A move that must succeed. */
static inline void
test_move_ok (AccordStore   *store,
              AccordPartner *partner,
              AccordStage    to,
              const char    *date,
              const char    *note,
              const char    *revisit_on)
{
  GError *error = NULL;

  g_assert_true (accord_store_move_partner (store, partner, to, date, note, revisit_on, &error));
  g_assert_no_error (error);
}
