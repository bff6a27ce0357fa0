/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* Giving a widget the style classes it already has does nothing.
 *
 * libadwaita 1.2's AdwLeaflet gives the four parts of its shadow their
 * style classes again every time it is allocated, and it is allocated
 * after any change inside the partner page, since GTK lays out every
 * ancestor of a widget whose size may have changed. Setting classes
 * always marks a widget's style out of date, even to the same list, so
 * each partner switch was followed by two more frames: one restyling and
 * laying out the window again for nothing, one to stop. That was about a
 * sixth of a switch's work. Later libadwaita releases only set the
 * classes when the direction of the shadow changes.
 *
 * This file defines gtk_widget_set_css_classes() in the program itself.
 * A definition in the executable comes before GTK's for every library
 * that calls the function, so libadwaita reaches this one, which returns
 * early when the classes are the same and otherwise calls GTK's own. The
 * meson build links it whole into everything that links the app's
 * widgets, the app, its tests and its benchmark alike. */

#define _GNU_SOURCE /* RTLD_NEXT */

#include <dlfcn.h>
#include <gtk/gtk.h>

typedef void (*SetCssClasses) (GtkWidget   *widget,
                               const char **classes);

/* GTK keeps a widget's classes in an order of its own, and once each. */
static gboolean
same_classes (GtkWidget   *widget,
              const char **classes)
{
  g_auto(GStrv) current = gtk_widget_get_css_classes (widget);
  guint distinct = 0;

  for (guint i = 0; classes != NULL && classes[i] != NULL; i++)
    {
      if (!gtk_widget_has_css_class (widget, classes[i]))
        return FALSE;
      if (!g_strv_contains ((const char * const *) classes + i + 1, classes[i]))
        distinct++;
    }
  return distinct == g_strv_length (current);
}

void
gtk_widget_set_css_classes (GtkWidget   *widget,
                            const char **classes)
{
  static SetCssClasses gtk_set_css_classes;

  if (gtk_set_css_classes == NULL)
    gtk_set_css_classes = (SetCssClasses) dlsym (RTLD_NEXT, "gtk_widget_set_css_classes");
  g_return_if_fail (gtk_set_css_classes != NULL);

  if (GTK_IS_WIDGET (widget) && same_classes (widget, classes))
    return;
  gtk_set_css_classes (widget, classes);
}
