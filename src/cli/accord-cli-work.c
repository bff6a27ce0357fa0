/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accord-cli-private.h"

/* Guided work from the command line: start a playbook, log an activity,
 * list what is due, print a filled template. */

static gboolean
check_date_option (const char  *option,
                   const char  *text,
                   int         *status)
{
  GDate date;

  if (text == NULL || parse_iso_date (text, &date))
    return TRUE;
  {
    g_autofree char *message =
      g_strdup_printf (_("%s: “%s” is not a date; use YYYY-MM-DD"), option, text);

    *status = usage_error (message);
  }
  return FALSE;
}

static char *
dup_keys (const char *(*to_key) (int),
          int          first,
          int          n)
{
  GString *keys = g_string_new (NULL);

  for (int i = first; i < n; i++)
    g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", to_key (i));
  return g_string_free (keys, FALSE);
}

static const char *
playbook_key (int i)
{
  return accord_playbook_to_key (i);
}

static const char *
activity_key (int i)
{
  return accord_activity_kind_to_key (i);
}

static const char *
template_key (int i)
{
  return accord_template_to_key (i);
}

/* start */

int
cli_command_start (Cli   *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *opt_partner = NULL;
  g_autofree char *opt_date = NULL;
  g_autofree char *opt_name = NULL;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("The partner called NAME (any case)"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &opt_date,
      N_("The date to count from: the first email, the launch, the start (default: today)"),
      N_("YYYY-MM-DD") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name,
      N_("For a launch: its name, used as the campaign of tracking links"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("start outreach|launch|reviews|exit --partner NAME [--date DATE]"),
                  _("Start a playbook on a partner: its dated tasks are added."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *anchor = NULL;
  AccordPlaybook playbook;
  gint64 run_id;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("start needs one playbook: outreach, launch, reviews or exit"));
  if (!accord_playbook_from_key (argv[1], &playbook) || playbook == ACCORD_PLAYBOOK_NONE)
    {
      g_autofree char *keys = dup_keys (playbook_key, ACCORD_PLAYBOOK_NONE + 1,
                                        ACCORD_N_PLAYBOOKS);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a playbook; use one of: %s"), argv[1], keys);

      return usage_error (message);
    }
  if (opt_partner == NULL || *g_strstrip (opt_partner) == '\0')
    return usage_error (_("start needs --partner NAME"));
  if (!check_date_option ("--date", opt_date, &status))
    return status;
  if (opt_name != NULL && playbook != ACCORD_PLAYBOOK_LAUNCH)
    return usage_error (_("--name goes only with a launch"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  partner = find_one_partner (store, opt_partner, &error);
  if (partner == NULL)
    return fail (error);

  anchor = opt_date ? g_strdup (opt_date) : format_date (&cli->today);
  run_id = accord_store_start_playbook (store, partner, playbook, anchor, opt_name, &error);
  if (run_id == 0)
    return fail (error);

  g_print (_("Started %s for “%s” from %s:\n"), accord_playbook_label (playbook),
           accord_partner_get_name (partner), anchor);
  tasks = accord_store_list_tasks (store, partner, &error);
  if (tasks == NULL)
    return fail (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      AccordTask *task = g_ptr_array_index (tasks, i);

      if (task->run_id == run_id)
        g_print ("  %s  %s\n", task->due, task->title);
    }
  return EXIT_SUCCESS;
}

/* log */

int
cli_command_log (Cli   *cli,
                 int    argc,
                 char **argv)
{
  g_autofree char *opt_partner = NULL;
  g_autofree char *opt_kind = NULL;
  g_autofree char *opt_date = NULL;
  g_autofree char *opt_summary = NULL;
  g_autofree char *opt_outcome = NULL;
  gboolean opt_reply = FALSE;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("The partner called NAME (any case)"), N_("NAME") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &opt_kind,
      N_("What it was: email, call, meeting, event, intro or note"), N_("KIND") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &opt_date,
      N_("When it happened (default: today)"), N_("YYYY-MM-DD") },
    { "reply", 0, 0, G_OPTION_ARG_NONE, &opt_reply,
      N_("The partner answered: stops the follow-ups"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &opt_summary,
      N_("What was said or done"), N_("TEXT") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &opt_outcome,
      N_("What came of it"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("log --partner NAME --kind KIND [--date DATE] [--reply]"),
                  _("Record an activity with a partner."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(AccordActivity) activity = NULL;
  g_autofree char *date = NULL;
  AccordActivityKind kind;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("log takes no arguments besides its options"));
  if (opt_partner == NULL || *g_strstrip (opt_partner) == '\0')
    return usage_error (_("log needs --partner NAME"));
  if (opt_kind == NULL)
    return usage_error (_("log needs --kind KIND"));
  if (!accord_activity_kind_from_key (opt_kind, &kind))
    {
      g_autofree char *keys = dup_keys (activity_key, 0, ACCORD_N_ACTIVITY_KINDS);
      g_autofree char *message =
        g_strdup_printf (_("--kind: “%s” is not a kind of activity; use one of: %s"),
                         opt_kind, keys);

      return usage_error (message);
    }
  if (!check_date_option ("--date", opt_date, &status))
    return status;

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  partner = find_one_partner (store, opt_partner, &error);
  if (partner == NULL)
    return fail (error);

  date = opt_date ? g_strdup (opt_date) : format_date (&cli->today);
  activity = accord_activity_new (accord_partner_get_id (partner), kind, date);
  activity->is_reply = opt_reply;
  g_free (activity->summary);
  activity->summary = g_strdup (opt_summary ? opt_summary : "");
  g_free (activity->outcome);
  activity->outcome = g_strdup (opt_outcome ? opt_outcome : "");
  if (!accord_store_add_activity (store, activity, &error))
    return fail (error);

  if (opt_reply)
    g_print (_("Logged a reply (%s) from “%s” on %s; the follow-ups are stopped.\n"),
             accord_activity_kind_label (kind), accord_partner_get_name (partner), date);
  else
    g_print (_("Logged %s with “%s” on %s.\n"),
             accord_activity_kind_label (kind), accord_partner_get_name (partner), date);
  return EXIT_SUCCESS;
}

/* due */

static char *
due_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      AccordDueItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "partner");
      json_builder_add_string_value (builder, item->partner_name);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, item->title);
      json_builder_set_member_name (builder, "due");
      json_builder_add_string_value (builder, item->due);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, accord_due_kind_to_key (item->kind));
      json_builder_set_member_name (builder, "playbook");
      if (item->playbook != ACCORD_PLAYBOOK_NONE)
        json_builder_add_string_value (builder, accord_playbook_to_key (item->playbook));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

int
cli_command_due (Cli   *cli,
                 int    argc,
                 char **argv)
{
  int opt_days = 7;
  gboolean opt_all = FALSE;
  gboolean opt_json = FALSE;
  const GOptionEntry entries[] = {
    { "days", 'n', 0, G_OPTION_ARG_INT, &opt_days,
      N_("Show what falls due in the next N days, overdue included (default: 7)"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all,
      N_("Show everything, however far ahead"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("Print an array of {partner, title, due, kind, playbook} as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("due [--days N] [--json]"),
                  _("Show what is due across all partners: tasks, notice deadlines and "
                    "revisit dates."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = NULL;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return usage_error (_("due takes no arguments besides its options"));
  if (opt_days < 0 || opt_days > 36600)
    return usage_error (_("--days: use a number of days from 0 to 36600"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  items = accord_store_list_due (store, opt_all ? -1 : opt_days, &error);
  if (items == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autofree char *json = due_json (items);

      /* Bytes, as list --json does: JSON is UTF-8 whatever the locale. */
      fputs (json, stdout);
      fputc ('\n', stdout);
      return EXIT_SUCCESS;
    }

  if (items->len == 0)
    {
      g_print (_("Nothing is due.\n"));
      return EXIT_SUCCESS;
    }

  today = format_date (&cli->today);
  for (guint g = 0; g < ACCORD_N_DUE_GROUPS; g++)
    {
      gboolean heading = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          AccordDueItem *item = g_ptr_array_index (items, i);

          if (accord_due_group_for (item->due, today) != g)
            continue;
          if (!heading)
            {
              g_print ("%s\n", accord_due_group_label (g));
              heading = TRUE;
            }
          g_print ("  %s  %s: %s\n", item->due, item->partner_name, item->title);
        }
    }
  return EXIT_SUCCESS;
}

/* template */

int
cli_command_template (Cli   *cli,
                      int    argc,
                      char **argv)
{
  g_autofree char *opt_partner = NULL;
  gboolean opt_mailto = FALSE;
  const GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &opt_partner,
      N_("The partner called NAME (any case)"), N_("NAME") },
    { "mailto", 0, 0, G_OPTION_ARG_NONE, &opt_mailto,
      N_("Print a mailto: link to the primary contact instead"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("template NAME --partner NAME"),
                  _("Print a template filled in for a partner; what is missing is marked.\n"
                    "Templates: first-email, follow-up-1, follow-up-2, follow-up-3, "
                    "call-summary, announcement, exit."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPartner) partner = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *to = NULL;
  AccordFilled filled = { NULL, NULL };
  AccordTemplate t;
  int status;

  if ((status = parse_command_line (cli, context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("template needs one template name, such as first-email"));
  if (!accord_template_from_key (argv[1], &t))
    {
      g_autofree char *keys = dup_keys (template_key, 0, ACCORD_N_TEMPLATES);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a template; use one of: %s"), argv[1], keys);

      return usage_error (message);
    }
  if (opt_partner == NULL || *g_strstrip (opt_partner) == '\0')
    return usage_error (_("template needs --partner NAME"));

  store = open_workspace (cli, FALSE, &error);
  if (store == NULL)
    return fail (error);
  partner = find_one_partner (store, opt_partner, &error);
  if (partner == NULL)
    return fail (error);

  accord_store_fill_template (store, partner, t, &filled, missing, &to);

  if (opt_mailto)
    {
      g_autofree char *uri = accord_mailto_build (to, filled.subject, filled.body);

      accord_filled_clear (&filled);
      if (uri == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a single email address"), to);

          print_failure (message);
          return EXIT_FAILED;
        }
      g_print ("%s\n", uri);
      return EXIT_SUCCESS;
    }

  g_print (_("Subject: %s\n"), filled.subject);
  g_print ("\n%s\n", filled.body);
  accord_filled_clear (&filled);

  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (missing, i));
      g_printerr (_("Missing: %s\n"), list->str);
    }
  return EXIT_SUCCESS;
}
