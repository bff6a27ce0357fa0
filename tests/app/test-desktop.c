/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-about.h"
#include "accord-window.h"
#include "accord-partner-page.h"
#include "test-app-helpers.h"

static GSettings *
app_settings (void)
{
  GSettings *settings = g_settings_new (BASE_APPLICATION_ID);

  /* Every test starts from the defaults. */
  for (guint i = 0; i < 2; i++)
    {
      const char *keys[] = { "window-width", "window-height", "window-maximized", "view",
                             "selected-partner" };
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_settings_reset (settings, keys[k]);
    }
  return settings;
}

static void
add_partners (AccordStore *store,
              const char  *first,
              ...)
{
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autoptr(AccordPartner) partner = accord_partner_new (name);
      g_autoptr(GError) error = NULL;

      g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
      g_assert_no_error (error);
    }
  va_end (args);
}

static AccordPartner *
find_partner (AccordStore *store,
              const char  *name)
{
  GListModel *partners = accord_store_get_partners (store);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      if (g_strcmp0 (accord_partner_get_name (partner), name) == 0)
        return partner;
    }
  g_assert_not_reached ();
}

static const char *
shown_name (AccordWindow *window)
{
  AccordPartner *partner = accord_partner_page_get_partner (accord_window_get_partner_page (window));

  return partner != NULL ? accord_partner_get_name (partner) : NULL;
}

static void
close_window (AccordWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  /* As a person closes it: the window saves its state and goes away. */
  gtk_window_close (GTK_WINDOW (window));
  spin_for (50);
  g_assert_null (window);
}

static void
test_size_comes_back (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(AccordStore) store = test_store_new (NULL);
  AccordWindow *window = accord_window_new (NULL);
  int width = 0, height = 0;

  add_partners (store, "Alpha", NULL);
  accord_window_set_store (window, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 980);
  g_assert_cmpint (height, ==, 680);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 604);
  spin_for (100);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);

  window = accord_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_maximized_comes_back (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  AccordWindow *window;

  /* Maximized last time: making and showing the next window keeps the
   * key (a binding would read the unshown window's FALSE back into it). */
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = accord_window_new (NULL);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_present (GTK_WINDOW (window));
  spin_for (200);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  /* With a window manager it is maximized now; Xvfb has none to do it. */
  if (gtk_window_is_maximized (GTK_WINDOW (window)))
    g_test_message ("the window manager maximized the window");

  /* Once shown, the state the window manager reports is what is kept:
   * here, not maximized. */
  g_object_notify (G_OBJECT (window), "maximized");
  g_assert_cmpint (g_settings_get_boolean (settings, "window-maximized"), ==,
                   gtk_window_is_maximized (GTK_WINDOW (window)));
  close_window (window);

  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = accord_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (100);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_view_and_partner_come_back (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *path = NULL;
  g_autoptr(AccordStore) store = test_store_new (&path);
  g_autoptr(AccordStore) other = test_store_new (NULL);
  AccordWindow *window = accord_window_new (NULL);

  add_partners (store, "Alpha", "Bravo", "Charlie", NULL);
  add_partners (other, "Alpha", "Bravo", "Charlie", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (shown_name (window), ==, "Alpha");

  accord_window_select_partner (window, find_partner (store, "Charlie"));
  g_assert_cmpstr (shown_name (window), ==, "Charlie");
  accord_window_set_view (window, "due");
  close_window (window);
  {
    g_autofree char *view = g_settings_get_string (settings, "view");
    g_assert_cmpstr (view, ==, "due");
  }

  /* The same workspace opens on the same view and partner. */
  window = accord_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_cmpstr (accord_window_get_view (window), ==, "due");
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (shown_name (window), ==, "Charlie");
  accord_window_set_view (window, "list");

  /* Another workspace, whose partner with that id is another one, starts
   * on its first partner. */
  accord_window_set_store (window, other);
  g_assert_cmpstr (shown_name (window), ==, "Alpha");

  /* A partner since trashed is not chosen: the first one is. */
  accord_window_set_store (window, store);
  accord_window_select_partner (window, find_partner (store, "Charlie"));
  accord_window_set_store (window, NULL);
  accord_window_set_store (window, store);
  g_assert_cmpstr (shown_name (window), ==, "Charlie");
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (accord_store_trash_partner (store, find_partner (store, "Charlie"), &error));
    g_assert_no_error (error);
  }
  accord_window_set_store (window, NULL);
  accord_window_set_store (window, store);
  g_assert_cmpstr (shown_name (window), ==, "Alpha");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

static gboolean
focus_within (GtkWidget *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_ctrl_f_focuses_search (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(AccordStore) store = test_store_new (NULL);
  AccordWindow *window = accord_window_new (NULL);
  GtkWidget *search = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "search_entry");
  GtkWidget *list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  AdwLeaflet *leaflet = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "leaflet");
  GtkWidget *sidebar = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "sidebar");
  g_autoptr(GListModel) controllers = NULL;
  gboolean bound = FALSE;

  add_partners (store, "Alpha", "Bravo", NULL);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  accord_window_select_partner (window, find_partner (store, "Bravo"));
  gtk_widget_grab_focus (list_view);
  g_assert_false (focus_within (GTK_WIDGET (window), search));

  /* Ctrl+F is bound to the search action on the window. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (trigger, "<Control>f"))
            {
              g_assert_cmpstr (action, ==, "action(win.search)");
              bound = TRUE;
            }
        }
    }
  g_assert_true (bound);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (focus_within (GTK_WIDGET (window), search));

  /* Narrow, with a partner's page in front, the list comes forward too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  spin_until (is_folded, leaflet, 3000);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  accord_window_select_partner (window, find_partner (store, "Alpha"));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_true (focus_within (GTK_WIDGET (window), search));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_partner_and_search (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(AccordStore) store = test_store_new (NULL);
  AccordWindow *window = accord_window_new (NULL);
  GtkEditable *search = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "search_entry");
  GtkListView *list_view = TEMPLATE_CHILD (window, ACCORD_TYPE_WINDOW, "list_view");
  GListModel *shown;

  add_partners (store, "Alpha", "Bravo", "Charlie", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  accord_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  /* The shell's "search in the app". */
  accord_window_set_view (window, "board");
  accord_window_search (window, "brav");
  g_assert_cmpstr (accord_window_get_view (window), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "brav");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* A result the search hides still opens: the search is cleared. */
  accord_window_show_partner (window, find_partner (store, "Charlie"));
  g_assert_cmpstr (shown_name (window), ==, "Charlie");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwAboutWindow *
about_from (const char  *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  GtkWidget *about = accord_about_window_new_from_metainfo (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  return ADW_ABOUT_WINDOW (about);
}

static void
test_about_from_metainfo (void)
{
  g_autoptr(GBytes) metainfo = NULL;
  g_autoptr(GError) error = NULL;
  AdwAboutWindow *about;

  accord_about_ensure_resources ();
  metainfo = g_resources_lookup_data (ACCORD_METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                      &error);
  g_assert_no_error (error);
  about = ADW_ABOUT_WINDOW (accord_about_window_new_from_metainfo (metainfo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (about);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Accord");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_window_get_comments (about), ==,
                   "Run your partnerships from first contact to renewal");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Accord authors");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
  /* The newest release is this version, and its notes are shown. */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about), "<p>"));
  gtk_window_destroy (GTK_WINDOW (about));
}

static const char translated_metainfo[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<component type='desktop-application'>"
  "  <id>org.example.App</id>"
  "  <name>Accord</name><name xml:lang='de'>Akkord</name><name xml:lang='fr'>Accorde</name>"
  "  <summary>Partners</summary><summary xml:lang='de'>Partner</summary>"
  "  <project_license>MIT</project_license>"
  "  <developer><name>Someone &amp; Co</name></developer>"
  "  <url type='homepage'>https://example.org/</url>"
  "  <releases>"
  "    <release version='2.0' date='2027-01-01'><description>"
  "      <p>New <em>things</em> &lt;3</p><p xml:lang='de'>Neue Dinge</p><p xml:lang='fr'>Nouveau</p>"
  "      <ul><li>One</li><li xml:lang='de'>Eins</li><li>Two</li></ul>"
  "    </description></release>"
  "    <release version='1.0' date='2026-01-01'><description><p>Old</p></description></release>"
  "  </releases>"
  "</component>";

static void
test_about_translated (void)
{
  AdwAboutWindow *about;

  g_setenv ("LANGUAGE", "de", TRUE);
  about = about_from (translated_metainfo);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Akkord");
  g_assert_cmpstr (adw_about_window_get_comments (about), ==, "Partner");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Someone & Co");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_MIT_X11);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, "2.0");
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==,
                   "<p>Neue Dinge</p><ul><li>Eins</li><li>Two</li></ul>");
  gtk_window_destroy (GTK_WINDOW (about));

  g_unsetenv ("LANGUAGE");
  about = about_from (translated_metainfo);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Accord");
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==,
                   "<p>New <em>things</em> &lt;3</p><ul><li>One</li><li>Two</li></ul>");
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_about_refuses_bad_metainfo (void)
{
  const char *bad[] = { "<component><name>Unclosed</component>", "<component/>" };
  const int codes[] = { G_MARKUP_ERROR_PARSE, G_MARKUP_ERROR_INVALID_CONTENT };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;

      g_assert_null (accord_about_window_new_from_metainfo (bytes, &error));
      g_assert_error (error, G_MARKUP_ERROR, codes[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (test_app_init (&argc, &argv))
    {
      g_test_add_func ("/desktop/size-comes-back", test_size_comes_back);
      g_test_add_func ("/desktop/maximized-comes-back", test_maximized_comes_back);
      g_test_add_func ("/desktop/view-and-partner-come-back", test_view_and_partner_come_back);
      g_test_add_func ("/desktop/ctrl-f-focuses-search", test_ctrl_f_focuses_search);
      g_test_add_func ("/desktop/show-partner-and-search", test_show_partner_and_search);
      g_test_add_func ("/desktop/about-from-metainfo", test_about_from_metainfo);
      g_test_add_func ("/desktop/about-translated", test_about_translated);
      g_test_add_func ("/desktop/about-refuses-bad-metainfo", test_about_refuses_bad_metainfo);
    }
  return g_test_run ();
}
