/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* Tooltips without asking the display where the pointer is.
 *
 * GTK asks (under X11, XIGetClientPointer and XIQueryPointer: a round
 * trip to the server each) whenever a visible widget's tooltip is set.
 * This program defines those two functions itself and is linked so that
 * GTK's calls land here: they are counted, then passed on to libXi. */

#include "accord-activity-group.h"
#include "accord-contact-row.h"
#include "accord-form.h"
#include "accord-task-group.h"
#include "accord-work.h"
#include "test-app-helpers.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>

static guint pointer_queries;

typedef int (*QueryPointerFunc) (void *, int, unsigned long, void *, void *, double *,
                                 double *, double *, double *, void *, void *, void *);
typedef int (*ClientPointerFunc) (void *, unsigned long, int *);

int XIQueryPointer (void *display, int device, unsigned long window, void *root, void *child,
                    double *root_x, double *root_y, double *x, double *y, void *buttons,
                    void *modifiers, void *group);
int XIGetClientPointer (void *display, unsigned long window, int *device);

int
XIQueryPointer (void          *display,
                int            device,
                unsigned long  window,
                void          *root,
                void          *child,
                double        *root_x,
                double        *root_y,
                double        *x,
                double        *y,
                void          *buttons,
                void          *modifiers,
                void          *group)
{
  static QueryPointerFunc real;

  if (real == NULL)
    real = (QueryPointerFunc) dlsym (RTLD_NEXT, "XIQueryPointer");
  pointer_queries++;
  return real (display, device, window, root, child, root_x, root_y, x, y, buttons, modifiers,
               group);
}

int
XIGetClientPointer (void          *display,
                    unsigned long  window,
                    int           *device)
{
  static ClientPointerFunc real;

  if (real == NULL)
    real = (ClientPointerFunc) dlsym (RTLD_NEXT, "XIGetClientPointer");
  pointer_queries++;
  return real (display, window, device);
}

/* The counting only works on X11; elsewhere the test says so. */
static gboolean
need_x11 (void)
{
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return TRUE;
  g_test_skip ("the pointer queries counted here are X11's");
  return FALSE;
}

/* The control: GTK's own setter asks, so the counting works and the
 * other tests can fail. */
static void
test_gtk_asks (void)
{
  GtkWidget *button;
  guint before;

  if (!need_x11 ())
    return;
  button = g_object_ref_sink (gtk_button_new ());
  before = pointer_queries;
  gtk_widget_set_tooltip_text (button, "Plain");
  g_assert_cmpuint (pointer_queries, >, before);
  g_object_unref (button);
}

static void
test_helper (void)
{
  GtkWidget *window;
  GtkWidget *button;
  GtkWidget *hidden;
  guint before;

  if (!need_x11 ())
    return;

  /* A new widget, visible and hidden: the text, no query, and the
   * visibility it had. */
  button = g_object_ref_sink (gtk_button_new ());
  hidden = g_object_ref_sink (gtk_button_new ());
  gtk_widget_set_visible (hidden, FALSE);
  before = pointer_queries;
  accord_form_set_tooltip (button, "Remove Activity");
  accord_form_set_tooltip (hidden, "Snooze");
  g_assert_cmpuint (pointer_queries, ==, before);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove Activity");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hidden), ==, "Snooze");
  g_assert_false (gtk_widget_get_visible (hidden));

  /* On screen, a tooltip may be showing: GTK is asked to refresh it. */
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (button))
    g_main_context_iteration (NULL, TRUE);
  accord_form_set_tooltip (button, "Mark Done");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Mark Done");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_mapped (button));

  /* Nor does it take the focus from a widget that holds it. */
  gtk_widget_unmap (window);
  gtk_widget_grab_focus (button);
  accord_form_set_tooltip (button, "Back");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (button);
  g_object_unref (hidden);
}

static guint
count_tooltips (GtkWidget *widget)
{
  guint n = gtk_widget_get_tooltip_text (widget) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_tooltips (child);
  return n;
}

/* Widgets from our templates, and the rows made in code, ask nothing. */
static void
test_templates (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  g_autoptr(AccordPartner) partner = accord_partner_new ("Northwind Analytics");
  g_autoptr(AccordContact) contact = accord_contact_new ("Jane Doe");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *row;
  GtkWidget *activities;
  GtkWidget *tasks;
  guint before;

  if (!need_x11 ())
    return;

  accord_store_set_today (store, "2026-03-10");
  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-0%d", i + 1);
      g_autoptr(AccordActivity) activity =
        accord_activity_new (accord_partner_get_id (partner), ACCORD_ACTIVITY_CALL, date);
      g_autoptr(AccordTask) task = accord_task_new (accord_partner_get_id (partner), "Send the deck",
                                                    "2026-03-20");

      g_assert_true (accord_store_add_activity (store, activity, &error));
      g_assert_no_error (error);
      g_assert_true (accord_store_add_task (store, task, &error));
      g_assert_no_error (error);
    }

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (GTK_WINDOW (window), box);

  before = pointer_queries;
  row = accord_contact_row_new (store, contact);
  activities = accord_activity_group_new ();
  tasks = accord_task_group_new ();
  accord_activity_group_set_store (ACCORD_ACTIVITY_GROUP (activities), store);
  accord_activity_group_set_partner (ACCORD_ACTIVITY_GROUP (activities), partner);
  accord_task_group_set_store (ACCORD_TASK_GROUP (tasks), store);
  accord_task_group_set_partner (ACCORD_TASK_GROUP (tasks), partner);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), activities);
  gtk_box_append (GTK_BOX (box), tasks);
  g_assert_cmpuint (pointer_queries, ==, before);

  /* The rows are there, with their tooltips. */
  g_assert_cmpuint (count_tooltips (row), >=, 1);
  g_assert_cmpuint (count_tooltips (activities), >=, 10);
  g_assert_cmpuint (count_tooltips (tasks), >=, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!test_app_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/tooltips/gtk-asks", test_gtk_asks);
  g_test_add_func ("/tooltips/helper", test_helper);
  g_test_add_func ("/tooltips/templates", test_templates);
  return g_test_run ();
}
