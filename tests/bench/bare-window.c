/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick for start-up measurements: the least a libadwaita app can
 * show, an AdwApplicationWindow holding an empty AdwStatusPage. At the first
 * after-paint of its frame clock it prints the same two lines as Accord with
 * ACCORD_FIRST_FRAME_EXIT=1 and quits:
 *
 *   first-frame-us <g_get_monotonic_time () in microseconds>
 *   rss-kb <VmRSS in KiB>
 *
 * build-aux/measure-startup runs it next to the app: machines are noisy, so
 * only the ratio between the two is worth comparing across runs. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

static long
resident_kb (void)
{
  char *status = NULL;
  const char *line;
  long kb = -1;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line != NULL)
    kb = strtol (line + strlen ("VmRSS:"), NULL, 10);
  g_free (status);
  return kb;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\nrss-kb %ld\n", now, resident_kb ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, map_cb, NULL);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 680);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_status_page_new ());
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  AdwApplication *app;
  int status;

  app = adw_application_new ("io.github.accordhq.Accord.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_object_unref (app);
  return status;
}
