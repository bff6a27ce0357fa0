/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "accord-store.h"

/* Widget tests need a display; without one they report a skip (never a
 * pass). Returns FALSE when the caller should run only that skip. */
static inline void
skip_no_display (void)
{
  g_test_skip ("no display: widget tests need X11 or Wayland (run them under xvfb-run)");
}

static inline gboolean
test_app_init (int    *argc,
               char ***argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and with it
   * the MIME database that SVG icons need. Files go to g_dir_make_tmp(). */
  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/app/skipped", skip_no_display);
      return FALSE;
    }

  gtk_init ();
  adw_init ();
  return TRUE;
}

static inline void
spin_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static inline AccordStore *
test_store_new (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-app-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "work.accord", NULL);
  AccordStore *store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

#define TEMPLATE_CHILD(widget, type, name) \
  ((gpointer) gtk_widget_get_template_child (GTK_WIDGET (widget), type, name))
