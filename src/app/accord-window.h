/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WINDOW (accord_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordWindow, accord_window, ACCORD, WINDOW, AdwApplicationWindow)

AccordWindow      *accord_window_new         (GtkApplication *application);
AccordStore       *accord_window_get_store   (AccordWindow *self);
/* Shows the workspace: the welcome page while it is empty, else the list. */
void               accord_window_set_store   (AccordWindow *self, AccordStore *store);
/* Opens the workspace at @path in this window (creating it when @create),
 * or shows why it cannot be opened. */
gboolean           accord_window_open_workspace (AccordWindow *self, const char *path,
                                                 gboolean create, GError **error);
/* The same for a workspace opened elsewhere (in a thread): shows @store,
 * or, when it is NULL, the problem page with @open_error. */
gboolean           accord_window_show_workspace (AccordWindow *self, AccordStore *store,
                                                 const GError *open_error, GError **error);
/* The message on the problem page. */
const char        *accord_window_get_problem (AccordWindow *self);
/* Shows why a workspace could not be opened, with ways forward. */
void               accord_window_show_problem (AccordWindow *self, const char *message);
/* Shows a spinner page while long work runs (NULL title ends it). */
void               accord_window_show_busy   (AccordWindow *self, const char *title);
void               accord_window_add_toast   (AccordWindow *self, AdwToast *toast);
AccordPartnerPage *accord_window_get_partner_page (AccordWindow *self);
/* Selects @partner in the list and shows its page. */
void               accord_window_select_partner (AccordWindow *self, AccordPartner *partner);
/* Shows @partner's page in the list view, first clearing the search and
 * the filters when they hide it. */
void               accord_window_show_partner (AccordWindow *self, AccordPartner *partner);
/* Shows the list view with @text in the partner search, focused. */
void               accord_window_search      (AccordWindow *self, const char *text);
/* The visible page name: "welcome", "problem", "busy" or "partners". */
const char        *accord_window_get_page    (AccordWindow *self);
/* The menu section that lists recent workspaces; the application fills it. */
GMenu             *accord_window_get_recent_section (AccordWindow *self);

/* "list" (the sidebar and a partner's page) or "board" (the pipeline). */
const char        *accord_window_get_view   (AccordWindow *self);
void               accord_window_set_view   (AccordWindow *self, const char *view);
/* The board, or NULL until it was first shown. */
AccordBoard       *accord_window_get_board  (AccordWindow *self);

G_END_DECLS
