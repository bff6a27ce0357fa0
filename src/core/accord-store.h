/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"
#include "accord-partner.h"
#include "accord-contact.h"
#include "accord-agreement.h"
#include "accord-work.h"
#include "accord-results.h"

G_BEGIN_DECLS

#define ACCORD_STORE_ERROR (accord_store_error_quark ())

typedef enum
{
  ACCORD_STORE_ERROR_FAILED,        /* any other SQLite failure */
  ACCORD_STORE_ERROR_NOT_FOUND,     /* the file or folder does not exist */
  ACCORD_STORE_ERROR_NOT_WORKSPACE, /* not an SQLite file, or not Accord's */
  ACCORD_STORE_ERROR_CORRUPT,       /* damaged database */
  ACCORD_STORE_ERROR_NEWER_VERSION, /* made by a newer Accord */
  ACCORD_STORE_ERROR_READ_ONLY,     /* no permission to write */
  ACCORD_STORE_ERROR_BUSY,          /* locked by another program */
  ACCORD_STORE_ERROR_FULL,          /* disk full */
  ACCORD_STORE_ERROR_IO,            /* an I/O error */
  ACCORD_STORE_ERROR_INVALID,       /* a value failed validation */
} AccordStoreError;

GQuark accord_store_error_quark (void);

/* The newest schema version this build knows (PRAGMA user_version). */
#define ACCORD_SCHEMA_VERSION 7

typedef enum
{
  ACCORD_STORE_OPEN_DEFAULT = 0,
  /* Create the file (mode 0600) when it does not exist yet. */
  ACCORD_STORE_OPEN_CREATE  = 1 << 0,
} AccordStoreOpenFlags;

#define ACCORD_TYPE_STORE (accord_store_get_type ())
G_DECLARE_FINAL_TYPE (AccordStore, accord_store, ACCORD, STORE, GObject)

/* Opens a workspace: sets WAL, synchronous=FULL, foreign_keys and a busy
 * timeout, then migrates to ACCORD_SCHEMA_VERSION after copying the file
 * to PATH.bak-vN (N = its old version). A file that is not a workspace, or
 * from a newer version, is refused and left byte-identical. Loads the
 * partners. Main thread; bulk work opens its own store in its thread. */
AccordStore *accord_store_open          (const char           *path,
                                         AccordStoreOpenFlags  flags,
                                         GError              **error);
const char  *accord_store_get_path      (AccordStore *self);
int          accord_store_get_schema_version (AccordStore *self);

/* Runs PRAGMA integrity_check and foreign_key_check; on a problem returns
 * FALSE with ACCORD_STORE_ERROR_CORRUPT and what is wrong. */
gboolean     accord_store_check         (AccordStore *self, GError **error);

/* Live models of AccordPartner, sorted by nothing in particular (views
 * sort). Emit items-changed with exact positions. */
GListModel  *accord_store_get_partners  (AccordStore *self);
GListModel  *accord_store_get_trash     (AccordStore *self);
AccordPartner *accord_store_lookup_partner (AccordStore *self, gint64 id);

/* Catches up with writes made through another connection (an import or a
 * merge in a thread): updates the partner objects in place, adds new ones,
 * moves trashed or restored ones and drops deleted ones. Main thread. */
gboolean     accord_store_reload_partners (AccordStore *self, GError **error);

/* Adds an unsaved partner (validated), with optional contacts
 * (AccordContact, unsaved), in one transaction. On success the partner has
 * its id and sits in the partners model. */
gboolean accord_store_add_partner   (AccordStore   *self,
                                     AccordPartner *partner,
                                     GPtrArray     *contacts,
                                     GError       **error);
/* Adds many in one all-or-nothing transaction. @contacts is NULL or holds,
 * per partner, a GPtrArray of AccordContact or NULL. */
gboolean accord_store_add_partners  (AccordStore   *self,
                                     GPtrArray     *partners,
                                     GPtrArray     *contacts,
                                     GError       **error);

/* Validates @text for @field, saves it in one transaction, then updates
 * the object (which notifies). On failure nothing changes. */
gboolean accord_store_set_partner_field (AccordStore       *self,
                                         AccordPartner     *partner,
                                         AccordPartnerField field,
                                         const char        *text,
                                         GError           **error);

/* Moves to the trash (and back). Trashed partners keep everything. */
gboolean accord_store_trash_partner   (AccordStore *self, AccordPartner *partner, GError **error);
gboolean accord_store_restore_partner (AccordStore *self, AccordPartner *partner, GError **error);
/* Deletes for good, with its contacts. Only from the trash. */
gboolean accord_store_delete_partner  (AccordStore *self, AccordPartner *partner, GError **error);

/* The partner's contacts (AccordContact), primary first, then by name.
 * Loaded on first use; live afterwards. */
GListModel *accord_store_get_contacts (AccordStore *self, AccordPartner *partner);
/* Number of partners with a stored contact, etc. cheap helpers for reports. */
guint       accord_store_count_contacts (AccordStore *self);

gboolean accord_store_add_contact       (AccordStore   *self,
                                         AccordPartner *partner,
                                         AccordContact *contact,
                                         GError       **error);
gboolean accord_store_set_contact_field (AccordStore       *self,
                                         AccordContact     *contact,
                                         AccordContactField field,
                                         const char        *text,
                                         GError           **error);
/* Makes @contact the partner's only primary contact. */
gboolean accord_store_set_primary_contact (AccordStore   *self,
                                           AccordContact *contact,
                                           GError       **error);
gboolean accord_store_remove_contact    (AccordStore   *self,
                                         AccordContact *contact,
                                         GError       **error);

/* The date new records and moves are dated with (YYYY-MM-DD); the real
 * local date unless set (accord-cli --today, tests). */
void        accord_store_set_today (AccordStore *self, const char *today);
const char *accord_store_get_today (AccordStore *self);

/* Moves @partner to @to on @date (NULL: today) with an optional note,
 * recording it in the history. The move must be allowed
 * (accord_stage_can_move()) and not dated before the current stage began.
 * A hold takes @revisit_on (NULL: ACCORD_HOLD_DEFAULT_MONTHS later). */
gboolean    accord_store_move_partner (AccordStore   *self,
                                       AccordPartner *partner,
                                       AccordStage    to,
                                       const char    *date,
                                       const char    *note,
                                       const char    *revisit_on,
                                       GError       **error);
/* The partner's stage changes (AccordStageChange), oldest first; live. */
GListModel *accord_store_get_stage_history (AccordStore   *self,
                                            AccordPartner *partner,
                                            GError       **error);

/* Workspace-wide settings by key ("" when unset): the goal statement... */
#define ACCORD_SETTING_GOAL_OUTCOME    "goal.outcome"
#define ACCORD_SETTING_GOAL_DEADLINE   "goal.deadline"
#define ACCORD_SETTING_GOAL_METRIC     "goal.metric"
#define ACCORD_SETTING_GOAL_PARTNERS   "goal.partners-bring"
#define ACCORD_SETTING_GOAL_WE_GIVE    "goal.we-give"
/* Ours, for templates: the company the user works for. */
#define ACCORD_SETTING_OUR_COMPANY     "our.company"
/* Base link for the UTM builder ("https://example.com/"). */
#define ACCORD_SETTING_TRACKING_URL    "tracking.url"
char       *accord_store_dup_setting  (AccordStore *self, const char *key);
gboolean    accord_store_set_setting  (AccordStore *self, const char *key, const char *value,
                                       GError **error);

/* ---- Agreements (accord-store-agreements.c) ----
 * Every change emits "agreements-changed" with the partner. */

/* The partner's agreements (AccordAgreement, owned by the array), newest
 * start first (unstarted drafts first of all). */
GPtrArray  *accord_store_list_agreements (AccordStore   *self,
                                          AccordPartner *partner,
                                          GError       **error);
/* Every agreement of every partner not in the trash; for the Agreements
 * view, the CLI and JSON. */
GPtrArray  *accord_store_list_all_agreements (AccordStore *self,
                                              GError     **error);
/* The partner's active agreement, or NULL (no error) when there is none. */
AccordAgreement *accord_store_get_active_agreement (AccordStore   *self,
                                                    AccordPartner *partner,
                                                    GError       **error);
/* Validates (accord_agreement_validate() and: at most one active per
 * partner), then inserts (id 0; sets @agreement->id) or updates it in one
 * transaction. A status change is recorded as a dated change, as is an
 * amendment to an agreement that is not a draft (its summary names the
 * terms that changed). Dated with accord_store_get_today(). */
gboolean    accord_store_save_agreement   (AccordStore     *self,
                                           AccordAgreement *agreement,
                                           GError         **error);
/* Saves several as accord_store_save_agreement() does, all or nothing, in
 * one transaction (an import). On failure @failed_index (optional) is the
 * index of the agreement refused (@agreements->len when committing
 * failed) and nothing is saved. */
gboolean    accord_store_save_agreements  (AccordStore  *self,
                                           GPtrArray    *agreements,
                                           guint        *failed_index,
                                           GError      **error);
gboolean    accord_store_delete_agreement (AccordStore *self,
                                           gint64       agreement_id,
                                           GError     **error);
/* The dated changes of an agreement, oldest first. */
typedef struct
{
  char *date;
  char *kind;     /* "created", "status", "amendment" */
  char *status;   /* the new status key for "status", else NULL */
  char *summary;
} AccordAgreementChange;
void        accord_agreement_change_free  (AccordAgreementChange *change);
GPtrArray  *accord_store_list_agreement_changes (AccordStore *self,
                                                 gint64       agreement_id,
                                                 GError     **error);
/* Whether the partnership has shown results yet: it has reached Growing or
 * Optimizing at some point, or has a converted referral. */
gboolean    accord_store_partner_has_results (AccordStore   *self,
                                              AccordPartner *partner);

/* ---- Guided work (accord-store-work.c) ----
 * Every change emits "work-changed" with the partner. */

gboolean    accord_store_add_activity    (AccordStore    *self,
                                          AccordActivity *activity,
                                          GError        **error);
gboolean    accord_store_delete_activity (AccordStore *self,
                                          gint64       activity_id,
                                          GError     **error);
/* Newest first. */
GPtrArray  *accord_store_list_activities (AccordStore   *self,
                                          AccordPartner *partner,
                                          GError       **error);
/* The date of the partner's latest activity, or NULL. */
char       *accord_store_dup_last_contact (AccordStore   *self,
                                           AccordPartner *partner);

/* Starts @playbook on @partner anchored on @anchor_date (NULL: today),
 * adding its dated tasks. @name names a launch (UTM campaign). Returns
 * the run id, or 0 with @error. */
gint64      accord_store_start_playbook  (AccordStore     *self,
                                          AccordPartner   *partner,
                                          AccordPlaybook   playbook,
                                          const char      *anchor_date,
                                          const char      *name,
                                          GError         **error);
/* Moves a run's anchor (a launch date L moving): every task of the run not
 * yet done is re-dated to the new anchor + its offset. */
gboolean    accord_store_move_anchor     (AccordStore *self,
                                          gint64       run_id,
                                          const char  *anchor_date,
                                          GError     **error);
GPtrArray  *accord_store_list_runs       (AccordStore   *self,
                                          AccordPartner *partner,
                                          GError       **error);
/* Open and done tasks of a partner (AccordTask), by due date. */
GPtrArray  *accord_store_list_tasks      (AccordStore   *self,
                                          AccordPartner *partner,
                                          GError       **error);
gboolean    accord_store_add_task        (AccordStore *self,
                                          AccordTask  *task,
                                          GError     **error);
/* Marks done on today. Completing a review schedules the next one (from
 * the anchor: k + 1 periods, never chained). Undo with @done FALSE. */
gboolean    accord_store_set_task_done   (AccordStore *self,
                                          gint64       task_id,
                                          gboolean     done,
                                          GError     **error);
gboolean    accord_store_snooze_task     (AccordStore *self,
                                          gint64       task_id,
                                          const char  *until,
                                          GError     **error);
gboolean    accord_store_set_task_notes  (AccordStore *self,
                                          gint64       task_id,
                                          const char  *notes,
                                          GError     **error);

/* Outreach: dates the run's revisit (step "revisit") @months (6..12,
 * ACCORD_REVISIT_MIN_MONTHS..MAX) after the run's anchor. */
gboolean    accord_store_set_revisit_months (AccordStore *self,
                                             gint64       run_id,
                                             int          months,
                                             GError     **error);
/* Outreach: plans the first call on @date: a "first-call" task whose notes
 * hold the agenda, and one task per discovery question (steps
 * "discovery-1".., phase "First call", due on @date) whose notes are the
 * answers to that question. Joins the partner's latest outreach run, if
 * any. Returns the call task's id, or 0 with @error. */
gint64      accord_store_plan_first_call (AccordStore   *self,
                                          AccordPartner *partner,
                                          const char    *date,
                                          GError       **error);
/* Outreach: the outcome of the conversation on @date (NULL: today). Stops
 * the follow-up sequence either way. Interested: a follow-up task due the
 * next day (sum up, propose dates). Not interested: tasks to thank them,
 * ask why and ask for other partners (due the next day), and the partner
 * goes On hold with a revisit ACCORD_REVISIT_DEFAULT_MONTHS after @date. */
gboolean    accord_store_record_outcome  (AccordStore   *self,
                                          AccordPartner *partner,
                                          gboolean       interested,
                                          const char    *date,
                                          GError       **error);

/* The partner's tracking code, made (unique, from its name) on first use. */
char       *accord_store_dup_tracking_code (AccordStore   *self,
                                            AccordPartner *partner,
                                            GError       **error);

/* Fills template @t with what the workspace knows of @partner: its name,
 * the primary contact's first name and address, our company
 * (ACCORD_SETTING_OUR_COMPANY), the benefits from the canvas (their gains,
 * else our offerings), why they fit (admire), the value proposition and
 * the latest launch's name. See accord_template_fill() for @out and
 * @missing. @to (may be NULL) gets the primary contact's address, or
 * NULL when there is none. */
void        accord_store_fill_template   (AccordStore    *self,
                                          AccordPartner  *partner,
                                          AccordTemplate  t,
                                          AccordFilled   *out,
                                          GPtrArray      *missing,
                                          char          **to);
/* The partner's tracking link: ACCORD_SETTING_TRACKING_URL tagged with
 * its tracking code and the latest launch's name (accord_utm_link()).
 * NULL with @error when the setting is not an http(s) link. */
char       *accord_store_dup_tracking_link (AccordStore   *self,
                                            AccordPartner *partner,
                                            GError       **error);

/* What is due across all partners (AccordDueItem), up to @today + @days
 * (overdue included; @days < 0: no limit), by date: open tasks (snoozed
 * ones from their snooze date), agreement notice deadlines and revisit
 * dates of partners on hold. */
GPtrArray  *accord_store_list_due        (AccordStore *self,
                                          int          days,
                                          GError     **error);

/* ---- Results (accord-store-results.c) ----
 * Referrals, reviews, monthly figures and the ledger. Every change emits
 * "results-changed" with the partner. Saving validates the record (see
 * accord-results.h) and refuses a partner that is unknown or in the trash. */

/* Inserts (id 0; sets @referral->id) or updates, normalized first
 * (accord_referral_normalize(), written back to @referral). */
gboolean    accord_store_save_referral    (AccordStore    *self,
                                           AccordReferral *referral,
                                           GError        **error);
/* Several, all or nothing, in one transaction (an import). On failure
 * @failed_index (optional) is the index of the one refused
 * (@referrals->len when committing failed) and nothing is saved. */
gboolean    accord_store_save_referrals   (AccordStore  *self,
                                           GPtrArray    *referrals,
                                           guint        *failed_index,
                                           GError      **error);
gboolean    accord_store_delete_referral  (AccordStore *self,
                                           gint64       referral_id,
                                           GError     **error);
/* The partner's referrals (AccordReferral), newest first. */
GPtrArray  *accord_store_list_referrals   (AccordStore   *self,
                                           AccordPartner *partner,
                                           GError       **error);

/* Reviews: as referrals. Listed newest first (by date, then entry). */
gboolean    accord_store_save_review      (AccordStore  *self,
                                           AccordReview *review,
                                           GError      **error);
gboolean    accord_store_save_reviews     (AccordStore  *self,
                                           GPtrArray    *reviews,
                                           guint        *failed_index,
                                           GError      **error);
gboolean    accord_store_delete_review    (AccordStore *self,
                                           gint64       review_id,
                                           GError     **error);
GPtrArray  *accord_store_list_reviews     (AccordStore   *self,
                                           AccordPartner *partner,
                                           GError       **error);
/* The latest review on or before today, or NULL (no error) when none. */
AccordReview *accord_store_get_latest_review (AccordStore   *self,
                                              AccordPartner *partner,
                                              GError       **error);

/* Monthly figures, one row per partner and month: setting a month that
 * has figures replaces them. */
gboolean    accord_store_set_figures      (AccordStore   *self,
                                           AccordFigures *figures,
                                           GError       **error);
gboolean    accord_store_set_figures_many (AccordStore  *self,
                                           GPtrArray    *figures,
                                           guint        *failed_index,
                                           GError      **error);
gboolean    accord_store_delete_figures   (AccordStore   *self,
                                           AccordPartner *partner,
                                           const char    *month,
                                           GError       **error);
/* The partner's figures (AccordFigures), oldest month first. */
GPtrArray  *accord_store_list_figures     (AccordStore   *self,
                                           AccordPartner *partner,
                                           GError       **error);

/* The ledger: payments the user records (sets @entry->id). */
gboolean    accord_store_add_ledger_entry    (AccordStore       *self,
                                              AccordLedgerEntry *entry,
                                              GError           **error);
gboolean    accord_store_delete_ledger_entry (AccordStore *self,
                                              gint64       entry_id,
                                              GError     **error);
/* The partner's entries (AccordLedgerEntry), newest first. */
GPtrArray  *accord_store_list_ledger_entries (AccordStore   *self,
                                              AccordPartner *partner,
                                              GError       **error);

/* Health against today: the latest review on or before today, the active
 * agreement's KPIs against the figures from its start to today's month
 * (accord_kpi_achievements()) and the latest activity on or before today.
 * The reasons say what each input took. */
gboolean    accord_store_get_health       (AccordStore   *self,
                                           AccordPartner *partner,
                                           AccordHealth  *out,
                                           GError       **error);
/* The health as of each review on or before today (AccordHealthPoint),
 * oldest first: that review, the figures and contacts up to its date,
 * the KPIs of the agreement active today. Empty without reviews. */
GArray     *accord_store_list_health_history (AccordStore   *self,
                                              AccordPartner *partner,
                                              GError       **error);
/* Health, suggested tier and commission balances (commission earned under
 * the partner's agreements minus the ledger entries), against today. */
gboolean    accord_store_get_results      (AccordStore          *self,
                                           AccordPartner        *partner,
                                           AccordPartnerResults *out,
                                           GError              **error);
/* The same for every partner not in the trash, in a fixed number of
 * queries however many partners there are: a table from the partner id
 * (gint64 *) to its AccordPartnerResults (owned by the table). */
GHashTable *accord_store_list_results     (AccordStore  *self,
                                           GError      **error);
/* Only the health of every partner not in the trash, as in
 * accord_store_list_results() but without the queries and sums the
 * commission and the tier need: a table from the partner id (gint64 *) to
 * its AccordHealth, both owned by the table. */
GHashTable *accord_store_list_health      (AccordStore  *self,
                                           GError      **error);

G_END_DECLS
