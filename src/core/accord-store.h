/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"
#include "accord-partner.h"
#include "accord-contact.h"

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
#define ACCORD_SCHEMA_VERSION 3

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
char       *accord_store_dup_setting  (AccordStore *self, const char *key);
gboolean    accord_store_set_setting  (AccordStore *self, const char *key, const char *value,
                                       GError **error);

G_END_DECLS
