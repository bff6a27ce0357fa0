/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer harness for the CSV import. Built by build-aux/fuzz, not by
 * meson: it needs clang's -fsanitize=fuzzer.
 *
 * Every input is imported into one workspace that stays open, as in the
 * app. What must hold, whatever the bytes:
 *
 * - nothing crashes, leaks or trips a g_return_if_fail;
 * - a failed import adds no partner, and says why in its report;
 * - a successful import adds exactly report->n_imported valid partners,
 *   and the file passes accord_store_check();
 * - what the store holds in memory is what reached the file: the
 *   imported partners, read back through a second store on the same file,
 *   are the same field for field and contact for contact.
 *
 * The imported partners are then deleted again (which exercises trash and
 * delete too), and every ACCORD_FUZZ_RECYCLE runs (default 1000) the
 * workspace is replaced by a fresh one, so it does not grow without end.
 *
 * The workspace lives in $ACCORD_FUZZ_WORKDIR (build-aux/fuzz points it
 * at a tmpfs, since synchronous=FULL would otherwise make every import
 * wait for the disk), or in a new temporary folder. */

#include "config.h"

#include "accord-contact.h"
#include "accord-import.h"
#include "accord-partner.h"
#include "accord-store.h"
#include "accord-validate.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *workdir;
static gboolean own_workdir;
static char *store_path;
static AccordStore *store;
static guint recycle_every = 1000;
static guint n_runs;

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "fuzz-import: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  abort ();
}

static void
remove_workspace_files (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
clean_up (void)
{
  g_clear_object (&store);
  if (store_path != NULL)
    remove_workspace_files ();
  if (own_workdir && workdir != NULL)
    g_rmdir (workdir);
}

static AccordStore *
open_store (AccordStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  AccordStore *opened = accord_store_open (store_path, flags, &error);

  if (opened == NULL)
    fail ("cannot open the workspace %s: %s", store_path, error->message);
  return opened;
}

static void
new_workspace (void)
{
  g_clear_object (&store);
  remove_workspace_files ();
  store = open_store (ACCORD_STORE_OPEN_CREATE);
}

/* Everything the person sees of a partner, as one string. */
static char *
describe_partner (AccordStore   *from,
                  AccordPartner *partner)
{
  GString *text = g_string_new (NULL);
  GListModel *contacts = accord_store_get_contacts (from, partner);

  g_string_append_printf (text, "id %" G_GINT64_FORMAT, accord_partner_get_id (partner));
  for (guint f = 0; f < ACCORD_N_PARTNER_FIELDS; f++)
    {
      g_autofree char *value = accord_partner_dup_field_text (partner, f);

      g_string_append_printf (text, "|%s=%s", accord_partner_field_to_key (f), value);
    }
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(AccordContact) contact = g_list_model_get_item (contacts, i);

      g_string_append_printf (text, "|contact%s", accord_contact_get_is_primary (contact) ? "*" : "");
      for (guint f = 0; f < ACCORD_N_CONTACT_FIELDS; f++)
        g_string_append_printf (text, "|%s=%s", accord_contact_field_to_key (f),
                                accord_contact_get_field (contact, f));
    }

  return g_string_free (text, FALSE);
}

/* Opens the file a second time, as another program would, and checks that
 * the partners just imported read back exactly as the store holds them. */
static void
check_written (GListModel *partners,
               guint       from,
               guint       to)
{
  g_autoptr(AccordStore) second = open_store (ACCORD_STORE_OPEN_DEFAULT);

  for (guint i = from; i < to; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      AccordPartner *read_back = accord_store_lookup_partner (second, accord_partner_get_id (partner));
      g_autofree char *held = describe_partner (store, partner);
      g_autofree char *written = NULL;

      if (read_back == NULL)
        fail ("an imported partner is not in the file: %s", held);
      written = describe_partner (second, read_back);
      if (g_strcmp0 (held, written) != 0)
        fail ("an imported partner reads back differently:\n  held:    %s\n  written: %s",
              held, written);
    }
}

/* Deletes the partners just imported, so the workspace stays small and
 * each run ends with the memory it started with: libFuzzer takes a run
 * that keeps memory for a leak, and checking for one is slow. */
static void
delete_imported (GListModel *partners,
                 guint       from)
{
  while (g_list_model_get_n_items (partners) > from)
    {
      g_autoptr(AccordPartner) partner =
        g_list_model_get_item (partners, g_list_model_get_n_items (partners) - 1);
      g_autoptr(GError) error = NULL;

      if (!accord_store_trash_partner (store, partner, &error) ||
          !accord_store_delete_partner (store, partner, &error))
        fail ("cannot delete an imported partner: %s", error->message);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *env;

  /* A critical (a failed g_return_if_fail) is a bug the fuzzer must
   * report, not a message to scroll past. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  env = g_getenv ("ACCORD_FUZZ_RECYCLE");
  if (env != NULL && atoi (env) > 0)
    recycle_every = atoi (env);

  env = g_getenv ("ACCORD_FUZZ_WORKDIR");
  if (env != NULL && *env != '\0')
    workdir = g_strdup (env);
  else
    {
      workdir = g_dir_make_tmp ("accord-fuzz-import-XXXXXX", &error);
      if (workdir == NULL)
        fail ("cannot make a temporary folder: %s", error->message);
      own_workdir = TRUE;
    }
  /* One workspace per process, so parallel jobs (-jobs=N) do not share. */
  {
    g_autofree char *name = g_strdup_printf ("fuzz-%d.accord", (int) getpid ());

    store_path = g_build_filename (workdir, name, NULL);
  }

  atexit (clean_up);
  new_workspace ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(AccordImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  GListModel *partners = accord_store_get_partners (store);
  guint n_before = g_list_model_get_n_items (partners);
  guint n_after;
  /* The flags come from the input's length, so a crash reproduces from
   * the saved input alone. */
  AccordImportFlags flags = size % 2 ? ACCORD_IMPORT_SKIP_INVALID : ACCORD_IMPORT_DEFAULT;
  gboolean ok;

  if (n_runs > 0 && n_runs % recycle_every == 0)
    {
      new_workspace ();
      partners = accord_store_get_partners (store);
      n_before = g_list_model_get_n_items (partners);
    }
  n_runs++;

  ok = accord_import_csv (store, bytes, flags, &report, NULL, &error);
  n_after = g_list_model_get_n_items (partners);

  if (report == NULL)
    fail ("no report");
  if (!ok)
    {
      if (error == NULL)
        fail ("failed without an error");
      if (n_after != n_before)
        fail ("a failed import added %u partners", n_after - n_before);
      /* Every failure is a problem of the file, which the report lists
       * for the person to fix; a refusal from the store itself would mean
       * the import let through a row the store does not accept. */
      if (!g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID))
        fail ("failed with an unexpected error: %s", error->message);
      if (report->problems->len == 0)
        fail ("failed without a problem in the report: %s", error->message);
      return 0;
    }

  if (error != NULL)
    fail ("succeeded with an error set: %s", error->message);
  if (n_after - n_before != report->n_imported)
    fail ("report says %u imported, the store gained %u", report->n_imported, n_after - n_before);
  if (!(flags & ACCORD_IMPORT_SKIP_INVALID) && report->n_skipped > 0)
    fail ("skipped %u rows without --skip-invalid", report->n_skipped);
  if (report->problems->len < report->n_skipped)
    fail ("%u rows skipped but only %u problems", report->n_skipped, report->problems->len);

  for (guint i = n_before; i < n_after; i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GError) invalid = NULL;

      if (accord_partner_get_id (partner) <= 0)
        fail ("an imported partner has no id");
      if (!accord_validate_partner (partner, &invalid))
        fail ("an imported partner is invalid: %s", invalid->message);
      if (accord_store_lookup_partner (store, accord_partner_get_id (partner)) != partner)
        fail ("an imported partner cannot be looked up by its id");
    }

  if (report->n_imported > 0)
    {
      if (!accord_store_check (store, &check_error))
        fail ("the workspace fails its check: %s", check_error->message);
      check_written (partners, n_before, n_after);
      delete_imported (partners, n_before);
    }

  return 0;
}
