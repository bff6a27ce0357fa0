/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The shortcuts window (gtk/help-overlay.ui) lists every accelerator the
 * app sets, and nothing else: the application's accelerators, the key
 * bindings Accord's widget classes add to what their parent classes have,
 * the shortcut controllers Accord's widgets add, and F10 for the primary
 * menu. */

#include "accord-activity-dialog.h"
#include "accord-activity-group.h"
#include "accord-agreement-dialog.h"
#include "accord-agreement-summary.h"
#include "accord-agreements-view.h"
#include "accord-application.h"
#include "accord-backup-dialog.h"
#include "accord-board.h"
#include "accord-board-card.h"
#include "accord-board-column.h"
#include "accord-contact-row.h"
#include "accord-dashboard-view.h"
#include "accord-due-view.h"
#include "accord-figures-dialog.h"
#include "accord-form.h"
#include "accord-goal-dialog.h"
#include "accord-health-group.h"
#include "accord-ledger-dialog.h"
#include "accord-partner-chart.h"
#include "accord-partner-page.h"
#include "accord-partner-row.h"
#include "accord-playbook-dialog.h"
#include "accord-portfolio-view.h"
#include "accord-referral-dialog.h"
#include "accord-review-dialog.h"
#include "accord-task-group.h"
#include "accord-template-dialog.h"
#include "accord-window.h"
#include "accord-workspace-dialog.h"
#include "test-app-helpers.h"

#define HELP_OVERLAY "/io/github/accordhq/Accord/ui/shortcuts.ui"

/* An accelerator as text, the same for the same key: the keypad's and
 * the ISO keyboard's keys count as the main keyboard's. Returns NULL for
 * something that is not an accelerator. */
static char *
normalize (guint           keyval,
           GdkModifierType mods)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      keyval = GDK_KEY_Return;
      break;
    case GDK_KEY_KP_Left:
      keyval = GDK_KEY_Left;
      break;
    case GDK_KEY_KP_Right:
      keyval = GDK_KEY_Right;
      break;
    case GDK_KEY_KP_Up:
      keyval = GDK_KEY_Up;
      break;
    case GDK_KEY_KP_Down:
      keyval = GDK_KEY_Down;
      break;
    case GDK_KEY_KP_Delete:
      keyval = GDK_KEY_Delete;
      break;
    default:
      keyval = gdk_keyval_to_lower (keyval);
      break;
    }
  if (keyval == 0)
    return NULL;
  return gtk_accelerator_name (keyval, mods & gtk_accelerator_get_default_mod_mask ());
}

static char *
parse (const char *accel,
       const char *where)
{
  guint keyval = 0;
  GdkModifierType mods = 0;
  char *name;

  if (!gtk_accelerator_parse (accel, &keyval, &mods))
    g_error ("%s: “%s” is not an accelerator", where, accel);
  name = normalize (keyval, mods);
  g_assert_nonnull (name);
  return name;
}

static void
add_parsed (GHashTable *set,
            const char *accel,
            const char *where)
{
  g_hash_table_add (set, parse (accel, where));
}

/* The key triggers of every shortcut controller of a widget: its class's
 * key bindings and any controller added to it. */
static void
collect_triggers (GtkWidget  *widget,
                  GHashTable *set)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutTrigger *alternatives[2] = { trigger, NULL };

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            {
              alternatives[0] = gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger));
              alternatives[1] = gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger));
            }
          for (guint k = 0; k < G_N_ELEMENTS (alternatives); k++)
            {
              GtkKeyvalTrigger *key;
              char *name;

              if (alternatives[k] == NULL || !GTK_IS_KEYVAL_TRIGGER (alternatives[k]))
                continue;
              key = GTK_KEYVAL_TRIGGER (alternatives[k]);
              name = normalize (gtk_keyval_trigger_get_keyval (key),
                                gtk_keyval_trigger_get_modifiers (key));
              if (name != NULL)
                g_hash_table_add (set, name);
            }
        }
    }
}

static void
dispose_widget (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);
}

static GtkWidget *
new_widget (GType type)
{
  GtkWidget *widget = g_object_new (type, NULL);

  g_object_ref_sink (widget);
  return widget;
}

/* What an Accord widget type adds to the shortcuts of the first parent
 * type that is not Accord's own (the parent's, such as a window's Tab and
 * arrow keys, are GTK's). */
static void
collect_type (GType       type,
              GHashTable *registered,
              GHashTable *where)
{
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GType parent = g_type_parent (type);
  GHashTableIter iter;
  GtkWidget *widget;
  const char *name;

  while (g_str_has_prefix (g_type_name (parent), "Accord"))
    parent = g_type_parent (parent);

  widget = new_widget (type);
  collect_triggers (widget, own);
  dispose_widget (widget);
  if (!G_TYPE_IS_ABSTRACT (parent))
    {
      widget = new_widget (parent);
      collect_triggers (widget, inherited);
      dispose_widget (widget);
    }

  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (inherited, name))
      {
        g_hash_table_add (registered, g_strdup (name));
        g_hash_table_insert (where, g_strdup (name), g_strdup (g_type_name (type)));
      }
}

static void
collect_accord_types (GType      type,
                      GPtrArray *types)
{
  g_autofree GType *children = NULL;
  guint n = 0;

  if (g_str_has_prefix (g_type_name (type), "Accord") && !G_TYPE_IS_ABSTRACT (type))
    g_ptr_array_add (types, GSIZE_TO_POINTER (type));
  children = g_type_children (type, &n);
  for (guint i = 0; i < n; i++)
    collect_accord_types (children[i], types);
}

static gboolean
has_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_primary_menu (child))
      return TRUE;
  return FALSE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
set_to_string (GHashTable *set,
               GHashTable *where)
{
  guint n = 0;
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, &n);
  GString *out = g_string_new (NULL);

  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *from = where != NULL ? g_hash_table_lookup (where, keys[i]) : NULL;

      g_string_append_printf (out, "%s%s%s%s", i > 0 ? ", " : "", keys[i],
                              from != NULL ? " from " : "", from != NULL ? from : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_overlay_lists_every_accelerator (void)
{
  g_autoptr(AccordApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) where = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_auto(GStrv) actions = NULL;
  g_autoptr(GSList) objects = NULL;
  GHashTableIter iter;
  const char *name;
  AccordWindow *window;
  guint n_shortcuts = 0;

  app = accord_application_new ();
  /* Registering runs the application's start-up, which sets its accelerators. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = accord_window_new (GTK_APPLICATION (app));

  /* The application's accelerators. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_nonnull (actions);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          add_parsed (registered, accels[j], actions[i]);
          g_hash_table_insert (where, parse (accels[j], actions[i]), g_strdup (actions[i]));
        }
    }
  g_assert_cmpuint (g_hash_table_size (registered), >, 0);

  /* The key bindings and shortcut controllers of Accord's widgets. */
  {
    GType ensure[] = {
      ACCORD_TYPE_WINDOW, ACCORD_TYPE_PARTNER_PAGE, ACCORD_TYPE_PARTNER_ROW,
      ACCORD_TYPE_CONTACT_ROW, ACCORD_TYPE_ACTIVITY_GROUP, ACCORD_TYPE_AGREEMENT_SUMMARY,
      ACCORD_TYPE_HEALTH_GROUP, ACCORD_TYPE_PARTNER_CHART, ACCORD_TYPE_TASK_GROUP,
      ACCORD_TYPE_BOARD, ACCORD_TYPE_BOARD_CARD, ACCORD_TYPE_BOARD_COLUMN,
      ACCORD_TYPE_AGREEMENTS_VIEW, ACCORD_TYPE_DUE_VIEW, ACCORD_TYPE_DASHBOARD_VIEW,
      ACCORD_TYPE_PORTFOLIO_VIEW, ACCORD_TYPE_ACTIVITY_DIALOG, ACCORD_TYPE_AGREEMENT_DIALOG,
      ACCORD_TYPE_BACKUP_DIALOG, ACCORD_TYPE_FIGURES_DIALOG, ACCORD_TYPE_GOAL_DIALOG,
      ACCORD_TYPE_LEDGER_DIALOG, ACCORD_TYPE_PLAYBOOK_DIALOG, ACCORD_TYPE_REFERRAL_DIALOG,
      ACCORD_TYPE_REVIEW_DIALOG, ACCORD_TYPE_TEMPLATE_DIALOG, ACCORD_TYPE_WORKSPACE_DIALOG,
    };

    for (guint i = 0; i < G_N_ELEMENTS (ensure); i++)
      g_type_ensure (ensure[i]);
  }
  /* Also any other widget type of Accord's registered by now. */
  collect_accord_types (GTK_TYPE_WIDGET, types);
  g_assert_cmpuint (types->len, >=, 27);
  for (guint i = 0; i < types->len; i++)
    if (GPOINTER_TO_SIZE (types->pdata[i]) != ACCORD_TYPE_WINDOW)
      collect_type (GPOINTER_TO_SIZE (types->pdata[i]), registered, where);
  /* The window itself: a plain application window has none of these. */
  {
    g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GtkWidget *plain = adw_application_window_new (GTK_APPLICATION (app));

    collect_triggers (GTK_WIDGET (window), own);
    collect_triggers (plain, inherited);
    gtk_window_destroy (GTK_WINDOW (plain));
    g_hash_table_iter_init (&iter, own);
    while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
      if (!g_hash_table_contains (inherited, name))
        {
          g_hash_table_add (registered, g_strdup (name));
          g_hash_table_insert (where, g_strdup (name), g_strdup ("AccordWindow"));
        }
  }

  /* A primary menu button opens with F10. */
  if (has_primary_menu (GTK_WIDGET (window)))
    {
      g_hash_table_add (registered, g_strdup ("F10"));
      g_hash_table_insert (where, g_strdup ("F10"), g_strdup ("the primary menu"));
    }

  /* What the shortcuts window lists; the app shows that window, made when
   * first asked for (GtkApplication would make it with every window). */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (window)))));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (window)))) == GTK_WINDOW (window));
  builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      n_shortcuts++;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action,
                    "title", &title, NULL);
      if (accelerator != NULL && *accelerator != '\0')
        {
          g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (*parts[i] != '\0')
              add_parsed (listed, parts[i], title);
        }
      else if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        action);

          if (accels[0] == NULL)
            g_error ("the shortcut “%s” names the action %s, which has no accelerator",
                     title, action);
          for (guint i = 0; accels[i] != NULL; i++)
            add_parsed (listed, accels[i], title);
        }
      else
        g_error ("the shortcut “%s” has neither an accelerator nor an action", title);
    }
  g_assert_cmpuint (n_shortcuts, >, 0);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  g_hash_table_iter_init (&iter, registered);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (listed, name))
      g_hash_table_add (missing, g_strdup (name));
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (registered, name))
      g_hash_table_add (extra, g_strdup (name));

  {
    g_autofree char *all = set_to_string (registered, where);
    g_autofree char *missing_text = set_to_string (missing, where);
    g_autofree char *extra_text = set_to_string (extra, NULL);

    g_test_message ("registered: %s", all);
    if (g_hash_table_size (missing) > 0)
      g_test_message ("not in the shortcuts window: %s", missing_text);
    if (g_hash_table_size (extra) > 0)
      g_test_message ("in the shortcuts window but set nowhere: %s", extra_text);
    g_assert_cmpstr (missing_text, ==, "");
    g_assert_cmpstr (extra_text, ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Other tests may run the app at the same time. */
  g_setenv ("ACCORD_NON_UNIQUE", "1", TRUE);
  if (!test_app_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/shortcuts/overlay-lists-every-accelerator",
                   test_overlay_lists_every_accelerator);
  return g_test_run ();
}
