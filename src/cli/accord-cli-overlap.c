/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accord-cli-private.h"
#include "accord-overlap.h"

/* overlap: our customer list against a partner's, matched here (see
 * accord-overlap.h for the rules). Prints the counts and the names that
 * matched; --partner keeps those, and only those, on the partner. */

static void
print_json (const AccordOverlap *overlap)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ours");
  json_builder_add_int_value (builder, overlap->n_ours);
  json_builder_set_member_name (builder, "theirs");
  json_builder_add_int_value (builder, overlap->n_theirs);
  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    {
      json_builder_set_member_name (builder, accord_overlap_kind_to_key (k));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, overlap->names[k]->len);
      json_builder_set_member_name (builder, "names");
      json_builder_begin_array (builder);
      for (guint i = 0; i < overlap->names[k]->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (overlap->names[k], i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_text (const AccordOverlap *overlap)
{
  g_autofree char *ours = g_strdup_printf (ngettext ("%u company", "%u companies", overlap->n_ours),
                                           overlap->n_ours);
  g_autofree char *theirs = g_strdup_printf (ngettext ("%u company", "%u companies",
                                                       overlap->n_theirs),
                                             overlap->n_theirs);

  /* Translators: the sizes of the two lists compared: "12 companies". */
  printf (_("Our list: %s; theirs: %s\n"), ours, theirs);
  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    {
      printf ("%s: %u\n", accord_overlap_kind_label (k), overlap->names[k]->len);
      for (guint i = 0; i < overlap->names[k]->len; i++)
        printf ("  %s\n", (const char *) g_ptr_array_index (overlap->names[k], i));
    }
}

int
cli_command_overlap (Cli   *cli,
                     int    argc,
                     char **argv)
{
  g_autofree char *opt_partner = NULL;
  gboolean opt_json = FALSE;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("Keep the counts and matched names on the partner called NAME"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("overlap OURS.csv THEIRS.csv [--partner NAME] [--json]"),
                  _("Compare our customer list with a partner’s, on this machine. Nothing is "
                    "sent anywhere; with --partner only the counts and the matched names are "
                    "kept."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordAccountList) ours = NULL;
  g_autoptr(AccordAccountList) theirs = NULL;
  g_autoptr(AccordOverlap) overlap = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return usage_error (_("overlap needs two CSV files: ours, then the partner’s"));

  ours = accord_account_list_load_file (argv[1], &error);
  if (ours == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      g_prefix_error (&error, "%s: ", display);
      return fail (error);
    }
  theirs = accord_account_list_load_file (argv[2], &error);
  if (theirs == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[2]);

      g_prefix_error (&error, "%s: ", display);
      return fail (error);
    }
  overlap = accord_overlap_compute (ours, theirs);

  if (opt_partner != NULL)
    {
      g_autoptr(AccordStore) store = open_workspace (cli, FALSE, &error);
      g_autoptr(AccordPartner) partner = NULL;

      if (store == NULL)
        return fail (error);
      partner = find_one_partner (store, opt_partner, &error);
      if (partner == NULL || !accord_store_save_overlap (store, partner, overlap, &error))
        return fail (error);
    }

  if (opt_json)
    print_json (overlap);
  else
    print_text (overlap);
  if (opt_partner != NULL && !opt_json)
    /* Translators: after saving the overlap on a partner. */
    printf (_("Kept on the partner: the counts and the matched names only.\n"));
  return EXIT_SUCCESS;
}
