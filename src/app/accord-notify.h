/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* The desktop notification for overdue work: when a workspace opens and
 * once a day while the app runs, one notification says how many things
 * are overdue, naming at most a few partners and task titles. It never
 * carries notes, summaries or outcomes. Its default action shows What Is
 * Due (app.show-due). ACCORD_NO_NOTIFY=1 turns it off. */

/* The notification's title and body for @due (AccordDueItem) on @today.
 * Returns FALSE, and sets nothing, when nothing is overdue. */
gboolean       accord_notify_describe (GPtrArray   *due,
                                       const char  *today,
                                       char       **title,
                                       char       **body);
/* The notification for @due on @today, or NULL when nothing is overdue. */
GNotification *accord_notify_build    (GPtrArray  *due,
                                       const char *today);

#define ACCORD_TYPE_NOTIFIER (accord_notifier_get_type ())
G_DECLARE_FINAL_TYPE (AccordNotifier, accord_notifier, ACCORD, NOTIFIER, GObject)

/* Adds app.show-due to @application and checks once a day (the
 * application owns the notifier). */
AccordNotifier *accord_notifier_new   (GtkApplication *application);
/* Notifies about @store's overdue work, at most once a day per workspace. */
void            accord_notifier_check (AccordNotifier *self,
                                       AccordStore    *store);

G_END_DECLS
