/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-work.h"
#include "accord-lifecycle.h"

/* Activities */

static const char *const activity_keys[ACCORD_N_ACTIVITY_KINDS] = {
  "email", "call", "meeting", "event", "intro", "note",
};

static const char *const activity_labels[ACCORD_N_ACTIVITY_KINDS] = {
  N_("Email"), N_("Call"), N_("Meeting"), N_("Event"), N_("Introduction"), N_("Note"),
};

const char *
accord_activity_kind_to_key (AccordActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < ACCORD_N_ACTIVITY_KINDS, NULL);
  return activity_keys[kind];
}

gboolean
accord_activity_kind_from_key (const char         *key,
                               AccordActivityKind *out)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < ACCORD_N_ACTIVITY_KINDS; i++)
    if (strcmp (key, activity_keys[i]) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_activity_kind_label (AccordActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < ACCORD_N_ACTIVITY_KINDS, NULL);
  return _(activity_labels[kind]);
}

AccordActivity *
accord_activity_new (gint64              partner_id,
                     AccordActivityKind  kind,
                     const char         *date)
{
  AccordActivity *self = g_new0 (AccordActivity, 1);

  self->partner_id = partner_id;
  self->kind = kind;
  self->date = g_strdup (date);
  self->summary = g_strdup ("");
  self->outcome = g_strdup ("");
  return self;
}

void
accord_activity_free (AccordActivity *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->summary);
  g_free (self->outcome);
  g_free (self);
}

/* Playbooks */

static const char *const playbook_keys[ACCORD_N_PLAYBOOKS] = {
  "", "outreach", "launch", "reviews", "exit",
};

static const char *const playbook_labels[ACCORD_N_PLAYBOOKS] = {
  N_("Task"), N_("Outreach"), N_("Launch"), N_("Reviews"), N_("Exit"),
};

const char *
accord_playbook_to_key (AccordPlaybook playbook)
{
  g_return_val_if_fail ((guint) playbook < ACCORD_N_PLAYBOOKS, NULL);
  return playbook_keys[playbook];
}

gboolean
accord_playbook_from_key (const char     *key,
                          AccordPlaybook *out)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < ACCORD_N_PLAYBOOKS; i++)
    if (strcmp (key, playbook_keys[i]) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_playbook_label (AccordPlaybook playbook)
{
  g_return_val_if_fail ((guint) playbook < ACCORD_N_PLAYBOOKS, NULL);
  return _(playbook_labels[playbook]);
}

/* Tasks and runs */

AccordTask *
accord_task_new (gint64      partner_id,
                 const char *title,
                 const char *due)
{
  AccordTask *self = g_new0 (AccordTask, 1);

  self->partner_id = partner_id;
  self->playbook = ACCORD_PLAYBOOK_NONE;
  self->step = g_strdup ("");
  self->phase = g_strdup ("");
  self->title = g_strdup (title ? title : "");
  self->anchor = g_strdup ("");
  self->due = g_strdup (due);
  self->notes = g_strdup ("");
  return self;
}

AccordTask *
accord_task_copy (const AccordTask *self)
{
  AccordTask *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AccordTask, 1);
  copy->id = self->id;
  copy->partner_id = self->partner_id;
  copy->run_id = self->run_id;
  copy->playbook = self->playbook;
  copy->step = g_strdup (self->step);
  copy->phase = g_strdup (self->phase);
  copy->title = g_strdup (self->title);
  copy->anchor = g_strdup (self->anchor);
  copy->offset_days = self->offset_days;
  copy->due = g_strdup (self->due);
  copy->done_on = g_strdup (self->done_on);
  copy->snoozed_until = g_strdup (self->snoozed_until);
  copy->cancelled_on = g_strdup (self->cancelled_on);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
accord_task_free (AccordTask *self)
{
  if (self == NULL)
    return;
  g_free (self->step);
  g_free (self->phase);
  g_free (self->title);
  g_free (self->anchor);
  g_free (self->due);
  g_free (self->done_on);
  g_free (self->snoozed_until);
  g_free (self->cancelled_on);
  g_free (self->notes);
  g_free (self);
}

const char *
accord_task_effective_due (const AccordTask *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->snoozed_until != NULL && *self->snoozed_until != '\0')
    return self->snoozed_until;
  return self->due;
}

void
accord_run_free (AccordRun *self)
{
  if (self == NULL)
    return;
  g_free (self->anchor_date);
  g_free (self->name);
  g_free (self->stopped_on);
  g_free (self);
}

/* What is due */

static const char *const due_kind_keys[ACCORD_N_DUE_KINDS] = {
  "task", "notice", "revisit",
};

const char *
accord_due_kind_to_key (AccordDueKind kind)
{
  g_return_val_if_fail ((guint) kind < ACCORD_N_DUE_KINDS, NULL);
  return due_kind_keys[kind];
}

AccordDueGroup
accord_due_group_for (const char *due,
                      const char *today)
{
  int days = accord_days_between (today, due);

  /* Something without a readable date is safest shown as later. */
  if (days == ACCORD_DAYS_INVALID)
    return ACCORD_DUE_LATER;
  if (days < 0)
    return ACCORD_DUE_OVERDUE;
  if (days == 0)
    return ACCORD_DUE_TODAY;
  if (days <= 7)
    return ACCORD_DUE_THIS_WEEK;
  return ACCORD_DUE_LATER;
}

static const char *const due_group_labels[ACCORD_N_DUE_GROUPS] = {
  N_("Overdue"), N_("Today"), N_("This Week"), N_("Later"),
};

const char *
accord_due_group_label (AccordDueGroup group)
{
  g_return_val_if_fail ((guint) group < ACCORD_N_DUE_GROUPS, NULL);
  return _(due_group_labels[group]);
}

void
accord_due_item_free (AccordDueItem *self)
{
  if (self == NULL)
    return;
  g_free (self->partner_name);
  g_free (self->title);
  g_free (self->due);
  g_free (self);
}

/* Tracking */

#define TRACKING_CODE_MAX 32

char *
accord_tracking_code_from_name (const char *name)
{
  g_autofree char *folded = NULL;
  GString *code = g_string_new (NULL);
  gboolean dash = FALSE;

  /* Accents become their base letters ("Café" -> "cafe") where the
   * locale's transliteration knows them; anything else is a separator. */
  if (name != NULL && g_utf8_validate (name, -1, NULL))
    folded = g_str_to_ascii (name, "C");

  for (const char *p = folded ? folded : ""; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (dash && code->len > 0)
            {
              if (code->len + 1 >= TRACKING_CODE_MAX)
                break;
              g_string_append_c (code, '-');
            }
          if (code->len >= TRACKING_CODE_MAX)
            break;
          g_string_append_c (code, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (code->len == 0)
    g_string_assign (code, "partner");
  return g_string_free (code, FALSE);
}

/* RFC 3986 unreserved characters stay; everything else is %XX. */
static void
append_query_value (GString    *out,
                    const char *value)
{
  for (const unsigned char *p = (const unsigned char *) value; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~')
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

static gboolean
is_our_tag (const char *param)
{
  static const char *const names[] = { "utm_source", "utm_medium", "utm_campaign" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = strlen (names[i]);

      if (strncmp (param, names[i], len) == 0 && (param[len] == '=' || param[len] == '\0'))
        return TRUE;
    }
  return FALSE;
}

char *
accord_utm_link (const char *base,
                 const char *code,
                 const char *campaign)
{
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *head = NULL;
  g_auto(GStrv) params = NULL;
  const char *fragment;
  char *query;
  GString *out;

  if (base == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (base));
  /* Spaces and control characters have no place in a link to share. */
  for (const unsigned char *p = (const unsigned char *) trimmed; *p != '\0'; p++)
    if (*p <= ' ' || *p == 0x7f)
      return NULL;
  if (!g_uri_split (trimmed, G_URI_FLAGS_NONE, &scheme, NULL, &host, NULL, NULL, NULL,
                    NULL, NULL))
    return NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || *host == '\0')
    return NULL;

  fragment = strchr (trimmed, '#');
  head = fragment ? g_strndup (trimmed, fragment - trimmed) : g_strdup (trimmed);
  query = strchr (head, '?');
  if (query != NULL)
    {
      *query = '\0';
      params = g_strsplit (query + 1, "&", -1);
    }

  /* The existing query is kept as written, except earlier tags of ours,
   * which the new ones replace. */
  out = g_string_new (head);
  g_string_append_c (out, '?');
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    {
      if (*params[i] == '\0' || is_our_tag (params[i]))
        continue;
      g_string_append (out, params[i]);
      g_string_append_c (out, '&');
    }
  g_string_append (out, "utm_source=");
  append_query_value (out, code ? code : "");
  g_string_append (out, "&utm_medium=partner&utm_campaign=");
  append_query_value (out, campaign ? campaign : "");
  if (fragment != NULL)
    g_string_append (out, fragment);
  return g_string_free (out, FALSE);
}
