/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-work.h"

G_BEGIN_DECLS

/* Small pieces the guided-work widgets share: how a date reads next to
 * today, the icon of an activity kind, the snooze menu, toasts. */

/* "today", "tomorrow", "in 3 days", "2 days ago". @due and @today are
 * "YYYY-MM-DD"; NULL when either is not a date. */
char       *accord_work_relative_day   (const char *due,
                                        const char *today);
/* "2026-03-05, in 3 days". */
char       *accord_work_date_words     (const char *due,
                                        const char *today);
const char *accord_work_activity_icon  (AccordActivityKind kind);

/* Shows the text as it is: rows parse markup by default. */
void        accord_work_plain_row      (AdwPreferencesRow *row);

/* A menu button offering "Tomorrow" and "Next Week", activating @action
 * with the target (@task_id, days) as "(xi)". */
GtkWidget  *accord_work_snooze_button  (const char *action,
                                        gint64      task_id,
                                        const char *task_title);

/* Adds @toast to the nearest AdwToastOverlay above @widget (or drops it). */
void        accord_work_toast          (GtkWidget *widget,
                                        AdwToast  *toast);

/* Asks for a date in a small dialog, starting from @initial; the confirm
 * button stays off until the text is a real date. Calls @callback with
 * it on confirm. */
typedef void (*AccordDateCallback) (const char *date, gpointer user_data);
void        accord_work_ask_date       (GtkWidget          *parent,
                                        const char         *heading,
                                        const char         *body,
                                        const char         *initial,
                                        const char         *confirm_label,
                                        AccordDateCallback  callback,
                                        gpointer            user_data,
                                        GDestroyNotify      destroy);

/* The window a dialog opened from @widget belongs to, or NULL. */
GtkWindow  *accord_work_parent_window  (GtkWidget *widget);

G_END_DECLS
