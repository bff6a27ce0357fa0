/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Guided work: the activity log, playbooks and their dated tasks, what is
 * due, templates with merge fields, and tracking links. Plain records with
 * public fields; dates are "YYYY-MM-DD". Pure functions here (accord-work.c,
 * accord-playbook.c, accord-template.c); persistence in the store. */

typedef enum
{
  ACCORD_ACTIVITY_EMAIL,
  ACCORD_ACTIVITY_CALL,
  ACCORD_ACTIVITY_MEETING,
  ACCORD_ACTIVITY_EVENT,
  ACCORD_ACTIVITY_INTRO,
  ACCORD_ACTIVITY_NOTE,
  ACCORD_N_ACTIVITY_KINDS
} AccordActivityKind;

const char *accord_activity_kind_to_key   (AccordActivityKind kind); /* "email", "call", "meeting", "event", "intro", "note" */
gboolean    accord_activity_kind_from_key (const char *key, AccordActivityKind *out);
const char *accord_activity_kind_label    (AccordActivityKind kind);

typedef struct
{
  gint64             id;
  gint64             partner_id;
  char              *date;
  AccordActivityKind kind;
  gint64             contact_id;  /* 0 = none */
  char              *summary;
  char              *outcome;
  gboolean           is_reply;    /* the partner answered: stops follow-ups */
} AccordActivity;

AccordActivity *accord_activity_new  (gint64 partner_id, AccordActivityKind kind, const char *date);
void            accord_activity_free (AccordActivity *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordActivity, accord_activity_free)

typedef enum
{
  ACCORD_PLAYBOOK_NONE,      /* a task the user added by hand */
  ACCORD_PLAYBOOK_OUTREACH,
  ACCORD_PLAYBOOK_LAUNCH,
  ACCORD_PLAYBOOK_REVIEWS,
  ACCORD_PLAYBOOK_EXIT,
  ACCORD_N_PLAYBOOKS
} AccordPlaybook;

const char *accord_playbook_to_key   (AccordPlaybook playbook); /* "", "outreach", "launch", "reviews", "exit" */
gboolean    accord_playbook_from_key (const char *key, AccordPlaybook *out);
const char *accord_playbook_label    (AccordPlaybook playbook);

/* How a step is dated from its run's anchor. */
typedef enum
{
  ACCORD_OFFSET_DAYS,    /* anchor + offset days */
  ACCORD_OFFSET_MONTHS,  /* anchor + offset months (month rule of DOMAIN.md 6) */
} AccordOffsetUnit;

/* One item of a playbook table. Titles are N_() marked; show them with
 * gettext(). Steps with a "sequence" flag are outreach follow-ups that a
 * reply stops. Review steps repeat: @repeat_months > 0. */
typedef struct
{
  const char      *key;          /* "follow-up-3", "pre-agreements-final"... */
  const char      *phase;        /* N_() phase name, or NULL */
  const char      *title;        /* N_() */
  int              offset;
  AccordOffsetUnit unit;
  gboolean         sequence;     /* stopped by a reply */
  int              repeat_months;/* reviews: next one k x this from the anchor */
} AccordPlaybookStep;

/* The playbook's table and its length. */
const AccordPlaybookStep *accord_playbook_get_steps (AccordPlaybook playbook, guint *n_steps);
/* The step's due date from @anchor ("YYYY-MM-DD"); NULL if @anchor is not a date. */
char *accord_playbook_step_due (const AccordPlaybookStep *step, const char *anchor);
/* The step of @playbook with @key, or NULL (a key no table has any more). */
const AccordPlaybookStep *accord_playbook_find_step (AccordPlaybook playbook, const char *key);

/* Outreach: the revisit after the last follow-up may be set 6..12 months
 * out from the first email. */
#define ACCORD_REVISIT_DEFAULT_MONTHS 6
#define ACCORD_REVISIT_MIN_MONTHS 6
#define ACCORD_REVISIT_MAX_MONTHS 12

/* The first call: its agenda (minutes) and the bank of discovery questions
 * (N_() marked), each of which gets its own notes. */
typedef struct
{
  int         from_minute;
  int         to_minute;
  const char *title;  /* N_() */
} AccordAgendaItem;
const AccordAgendaItem *accord_first_call_agenda (guint *n_items);
const char * const     *accord_discovery_questions (guint *n_questions);

typedef struct
{
  gint64         id;
  gint64         partner_id;
  gint64         run_id;        /* 0 = none */
  AccordPlaybook playbook;
  char          *step;          /* the playbook step's key, "" by hand */
  char          *phase;         /* translated when made, "" if none */
  char          *title;         /* translated when made */
  char          *anchor;        /* what it was dated from, in words */
  int            offset_days;   /* from the anchor */
  char          *due;
  char          *done_on;       /* NULL = open */
  char          *snoozed_until; /* NULL = not snoozed */
  char          *cancelled_on;  /* NULL = live */
  char          *notes;
} AccordTask;

AccordTask *accord_task_new  (gint64 partner_id, const char *title, const char *due);
AccordTask *accord_task_copy (const AccordTask *self);
void        accord_task_free (AccordTask *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordTask, accord_task_free)
/* The date it shows as due: the snooze date when snoozed, else @due. */
const char *accord_task_effective_due (const AccordTask *self);

typedef struct
{
  gint64         id;
  gint64         partner_id;
  AccordPlaybook playbook;
  char          *anchor_date;
  char          *name;
  char          *stopped_on;
} AccordRun;
void accord_run_free (AccordRun *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordRun, accord_run_free)

/* An item of the "what is due" list. */
typedef enum
{
  ACCORD_DUE_TASK,
  ACCORD_DUE_NOTICE,    /* an agreement's notice deadline */
  ACCORD_DUE_REVISIT,   /* a partner on hold to look at again */
  ACCORD_N_DUE_KINDS
} AccordDueKind;
const char *accord_due_kind_to_key (AccordDueKind kind); /* "task", "notice", "revisit" */

typedef enum
{
  ACCORD_DUE_OVERDUE,
  ACCORD_DUE_TODAY,
  ACCORD_DUE_THIS_WEEK,  /* the next 7 days after today */
  ACCORD_DUE_LATER,
  ACCORD_N_DUE_GROUPS
} AccordDueGroup;
AccordDueGroup accord_due_group_for (const char *due, const char *today);
const char    *accord_due_group_label (AccordDueGroup group);

typedef struct
{
  AccordDueKind  kind;
  gint64         partner_id;
  char          *partner_name;
  char          *title;
  char          *due;
  AccordPlaybook playbook;
  gint64         task_id;       /* ACCORD_DUE_TASK */
  gint64         agreement_id;  /* ACCORD_DUE_NOTICE */
} AccordDueItem;
void accord_due_item_free (AccordDueItem *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDueItem, accord_due_item_free)

/* ---- Templates (accord-template.c) ---- */

typedef enum
{
  ACCORD_TEMPLATE_FIRST_EMAIL,
  ACCORD_TEMPLATE_FOLLOW_UP_1,   /* day 3: a gentle nudge */
  ACCORD_TEMPLATE_FOLLOW_UP_2,   /* day 7: something of value */
  ACCORD_TEMPLATE_FOLLOW_UP_3,   /* day 14: shall I close the loop? */
  ACCORD_TEMPLATE_CALL_SUMMARY,
  ACCORD_TEMPLATE_ANNOUNCEMENT,
  ACCORD_TEMPLATE_EXIT,
  ACCORD_N_TEMPLATES
} AccordTemplate;
const char *accord_template_to_key   (AccordTemplate t); /* "first-email", "follow-up-1".., "call-summary", "announcement", "exit" */
gboolean    accord_template_from_key (const char *key, AccordTemplate *out);
const char *accord_template_label    (AccordTemplate t);

/* What the app knows for the merge. NULL or "" = missing. */
typedef struct
{
  const char *partner;
  const char *first_name;   /* of the primary contact */
  const char *email;        /* the primary contact's address */
  const char *our_company;
  const char *benefits;     /* from the canvas, one per line (at most 3 used) */
  const char *admire;       /* why they fit */
  const char *proposal;     /* the value proposition sentence */
  const char *launch_name;
} AccordMergeFields;

/* The filled template. Missing fields appear as "[missing: partner name]"
 * style markers (translated); each missing field's label is added once to
 * @missing (if not NULL) as a new string: make it with
 * g_ptr_array_new_with_free_func (g_free). Subject and body are plain
 * text; merged values lose their line breaks (benefits: one per line, up
 * to three, as a list), so a value cannot add lines to the subject. Words
 * in [square brackets] are left for the user to write. */
typedef struct
{
  char *subject;
  char *body;
} AccordFilled;
void      accord_filled_clear (AccordFilled *filled);
void      accord_template_fill (AccordTemplate           t,
                                const AccordMergeFields *fields,
                                AccordFilled            *out,
                                GPtrArray               *missing);
/* The marker text for a missing field, so views can highlight it: the
 * returned prefix/suffix wrap the label ("[missing: ", "]" in English). */
const char *accord_template_missing_prefix (void);
const char *accord_template_missing_suffix (void);

/* A mailto: URI for @to with @subject and @body, percent-encoded per
 * RFC 6068 (every reserved character encoded; CR/LF as %0D%0A). NULL when
 * @to is not a single plain address (no "?", "&", ",", "%", spaces or line
 * breaks): a merge field cannot add recipients or headers. @to may be NULL
 * or "" for a mail with no recipient yet. */
char *accord_mailto_build (const char *to, const char *subject, const char *body);

/* ---- Tracking ---- */

/* A code from a name: lowercase ASCII letters and digits joined by "-",
 * at most 32 characters ("Acme & Co." -> "acme-co"); "partner" if empty. */
char *accord_tracking_code_from_name (const char *name);
/* @base with utm_source=@code, utm_medium=partner, utm_campaign=@campaign
 * (percent-encoded; an existing query is kept). NULL if @base is not an
 * http(s) URL. */
char *accord_utm_link (const char *base, const char *code, const char *campaign);

G_END_DECLS
