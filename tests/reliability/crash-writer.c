/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The victim of test-crash.py: writes to a workspace as fast as it can
 * until it is killed, and after every call that returned success prints
 * one line saying what is now committed:
 *
 *   P crash-000012                  partner added
 *   E crash-000007 edit-000013      its notes now say edit-000013
 *   C crash-000007 contact-000014   contact added to it
 *
 * Every number comes from one counter that starts at argv[2], so a later
 * edit of a partner always carries a bigger number than an earlier one:
 * the harness can tell "a newer edit overwrote it" from "it was lost".
 *
 * Usage: crash-writer WORKSPACE START [MAX-OPERATIONS]
 * Without MAX-OPERATIONS it never stops by itself. */

#include "accord-contact.h"
#include "accord-store.h"

#include <stdio.h>
#include <stdlib.h>

/* A line is printed only after the call returned, and flushed at once:
 * what the harness reads is what was reported committed, no more. */
static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
  fflush (stdout);
}

static G_GNUC_NORETURN void
die (const char   *doing,
     const GError *error)
{
  fprintf (stderr, "crash-writer: %s: %s\n", doing, error->message);
  exit (EXIT_FAILURE);
}

static AccordPartner *
pick_partner (AccordStore *store,
              GRand       *rand)
{
  GListModel *partners = accord_store_get_partners (store);
  guint n = g_list_model_get_n_items (partners);

  if (n == 0)
    return NULL;
  return g_list_model_get_item (partners, g_rand_int_range (rand, 0, n));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  guint64 seq;
  guint64 max_ops = G_MAXUINT64;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: crash-writer WORKSPACE START [MAX-OPERATIONS]\n");
      return 2;
    }
  seq = g_ascii_strtoull (argv[2], NULL, 10);
  if (argc == 4)
    max_ops = g_ascii_strtoull (argv[3], NULL, 10);

  store = accord_store_open (argv[1], ACCORD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    die ("open", error);

  rand = g_rand_new_with_seed ((guint32) seq);

  for (guint64 op = 0; op < max_ops; op++, seq++)
    {
      g_autoptr(AccordPartner) partner = pick_partner (store, rand);
      int roll = g_rand_int_range (rand, 0, 10);

      if (partner == NULL || roll < 6)
        {
          g_autofree char *name = g_strdup_printf ("crash-%06" G_GUINT64_FORMAT, seq);
          g_autoptr(AccordPartner) added = accord_partner_new (name);
          g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

          accord_partner_set_website (added, "crash.example");
          /* Some arrive with a contact: partner and contact in one
           * transaction. */
          if (roll % 2 == 0)
            g_ptr_array_add (contacts, accord_contact_new ("First Contact"));
          if (!accord_store_add_partner (store, added, contacts, &error))
            die ("add a partner", error);
          report ("P %s\n", name);
        }
      else if (roll < 8)
        {
          g_autofree char *notes = g_strdup_printf ("edit-%06" G_GUINT64_FORMAT, seq);

          if (!accord_store_set_partner_field (store, partner, ACCORD_PARTNER_FIELD_NOTES,
                                               notes, &error))
            die ("edit a partner", error);
          report ("E %s %s\n", accord_partner_get_name (partner), notes);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("contact-%06" G_GUINT64_FORMAT, seq);
          g_autoptr(AccordContact) contact = accord_contact_new (name);

          if (!accord_store_add_contact (store, partner, contact, &error))
            die ("add a contact", error);
          report ("C %s %s\n", accord_partner_get_name (partner), name);
        }
    }

  return EXIT_SUCCESS;
}
