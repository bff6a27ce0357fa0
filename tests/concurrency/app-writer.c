/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* One of the two writers of tests/concurrency/test-concurrent.py: does what
 * the app does to a workspace, as fast as it can. It keeps one AccordStore
 * open for its whole life, edits fields of the partners it knows (those in
 * the file when it opened it, and those it added) and adds partners, while
 * accord-cli imports into the same file from other processes.
 *
 *   app-writer WORKSPACE SECONDS SEED
 *
 * Prints one line per committed change, tab-separated, so the test can
 * check afterwards that each one reached the file:
 *
 *   ADD  ID  NAME
 *   SET  ID  FIELD-KEY  VALUE
 *
 * and for each failed call "ERROR CALL CODE MESSAGE" (it goes on after
 * one), then "DONE ADDS SETS ERRORS". Exits 1 if any call failed. */

#include "config.h"

#include "accord-partner.h"
#include "accord-store.h"

#include <stdio.h>
#include <stdlib.h>

/* Free-text fields the form saves as the person types. */
static const AccordPartnerField edited_fields[] = {
  ACCORD_PARTNER_FIELD_NOTES,
  ACCORD_PARTNER_FIELD_OWNER,
  ACCORD_PARTNER_FIELD_DESCRIPTION,
  ACCORD_PARTNER_FIELD_WHY_FIT,
};

static guint n_errors;

static void
report_error (const char   *call,
              const GError *error)
{
  g_autofree char *message = g_strdup (error->message);

  /* One line per error, whatever the message holds. */
  g_strdelimit (message, "\t\r\n", ' ');
  printf ("ERROR\t%s\t%s:%d\t%s\n", call, g_quark_to_string (error->domain), error->code,
          message);
  n_errors++;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  GListModel *partners;
  gint64 deadline;
  guint n_adds = 0;
  guint n_sets = 0;
  guint seq = 0;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s WORKSPACE SECONDS SEED\n", argv[0]);
      return 2;
    }

  /* Line-buffered even into a pipe: the test reads the lines as they come,
   * and a line printed is a change committed, even if we die after it. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  deadline = g_get_monotonic_time () + (gint64) (g_ascii_strtod (argv[2], NULL) * G_USEC_PER_SEC);
  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[3], NULL, 10));

  store = accord_store_open (argv[1], ACCORD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      report_error ("accord_store_open", error);
      printf ("DONE\t0\t0\t%u\n", n_errors);
      return 1;
    }
  partners = accord_store_get_partners (store);

  while (g_get_monotonic_time () < deadline)
    {
      guint n = g_list_model_get_n_items (partners);

      seq++;
      /* One add for every four edits, about the mix of someone filling in
       * a new partner's page. */
      if (n == 0 || g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autofree char *name = g_strdup_printf ("app-%s-%u", argv[3], seq);
          g_autoptr(AccordPartner) partner = accord_partner_new (name);
          g_autoptr(GError) local_error = NULL;

          accord_partner_set_notes (partner, "added by app-writer");
          if (!accord_store_add_partner (store, partner, NULL, &local_error))
            report_error ("accord_store_add_partner", local_error);
          else
            {
              printf ("ADD\t%" G_GINT64_FORMAT "\t%s\n", accord_partner_get_id (partner), name);
              n_adds++;
            }
        }
      else
        {
          g_autoptr(AccordPartner) partner = g_list_model_get_item (partners,
                                                                    g_rand_int_range (rand, 0, n));
          AccordPartnerField field =
            edited_fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (edited_fields))];
          g_autofree char *value = g_strdup_printf ("value %u", seq);
          g_autoptr(GError) local_error = NULL;

          if (!accord_store_set_partner_field (store, partner, field, value, &local_error))
            report_error ("accord_store_set_partner_field", local_error);
          else
            {
              printf ("SET\t%" G_GINT64_FORMAT "\t%s\t%s\n", accord_partner_get_id (partner),
                      accord_partner_field_to_key (field), value);
              n_sets++;
            }
        }
    }

  printf ("DONE\t%u\t%u\t%u\n", n_adds, n_sets, n_errors);
  return n_errors > 0 ? 1 : 0;
}
