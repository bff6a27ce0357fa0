/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "accord-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AccordApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* A test hook: an uninstalled build finds its catalogues in build/po
   * (build-aux/screenshots --locale uses it). */
  localedir = g_getenv ("ACCORD_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = accord_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
