/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-application.h"
#include "accord-about.h"
#include "accord-backup-dialog.h"
#include "accord-demo.h"
#include "accord-form.h"
#include "accord-notify.h"
#include "accord-search-provider.h"
#include "accord-store.h"
#include "accord-partner-page.h"
#include "accord-window.h"

/* How many partners "Explore a sample workspace" creates. */
#define SAMPLE_PARTNERS 60
#define SAMPLE_SEED 1
#define MAX_RECENT 8

struct _AccordApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GMenu *recent_menu;
  GCancellable *cancellable;
  char *requested_workspace;
  AccordNotifier *notifier;
  AccordSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (AccordApplication, accord_application, ADW_TYPE_APPLICATION)

static AccordWindow *
get_window (AccordApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
      for (; windows != NULL; windows = windows->next)
        if (ACCORD_IS_WINDOW (windows->data))
          return windows->data;
      window = GTK_WINDOW (accord_window_new (GTK_APPLICATION (self)));
      g_menu_append_section (accord_window_get_recent_section (ACCORD_WINDOW (window)), NULL,
                             G_MENU_MODEL (self->recent_menu));
    }
  return ACCORD_WINDOW (window);
}

char *
accord_application_dup_default_workspace (void)
{
  return g_build_filename (g_get_user_data_dir (), "accord", "workspace.accord", NULL);
}

static char *
dup_sample_workspace (void)
{
  return g_build_filename (g_get_user_data_dir (), "accord", "sample.accord", NULL);
}

/* Recent workspaces */

static void
rebuild_recent_menu (AccordApplication *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
remember_workspace (AccordApplication *self,
                    const char        *path)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-workspace", path);
  rebuild_recent_menu (self);
}

void
accord_application_rename_recent (AccordApplication *self,
                                  const char        *old_path,
                                  const char        *new_path)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *last = NULL;
  gboolean found = FALSE;

  g_return_if_fail (ACCORD_IS_APPLICATION (self));
  g_return_if_fail (old_path != NULL);
  g_return_if_fail (new_path != NULL);

  if (self->settings == NULL)
    return;

  builder = g_strv_builder_new ();
  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (g_strcmp0 (recent[i], old_path) == 0)
        {
          if (!found)
            g_strv_builder_add (builder, new_path);
          found = TRUE;
        }
      else if (g_strcmp0 (recent[i], new_path) != 0)
        g_strv_builder_add (builder, recent[i]);
    }
  if (!found)
    {
      /* Not among the recent ones: it is the one in use, so it leads. */
      remember_workspace (self, new_path);
      return;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);

  last = g_settings_get_string (self->settings, "last-workspace");
  if (g_strcmp0 (last, old_path) == 0)
    g_settings_set_string (self->settings, "last-workspace", new_path);
  rebuild_recent_menu (self);
}

/* The daily backup copies the whole file, and the check for what is due
 * reads every agreement and task. Started with the window, they competed
 * with drawing it, so they start once the window has drawn its next frame
 * (or after a while, if nothing draws). */
#define START_FALLBACK_SECONDS 3

typedef struct
{
  AccordApplication *application; /* weak */
  AccordStore       *store;
  GdkFrameClock     *clock;
  gulong             paint_id;
  guint              timeout_id;
} PendingStart;

static void
pending_start_run (PendingStart *pending)
{
  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  if (pending->clock != NULL)
    g_clear_signal_handler (&pending->paint_id, pending->clock);
  g_clear_object (&pending->clock);
  accord_backup_auto_in_background (pending->store);
  if (pending->application != NULL && pending->application->notifier != NULL)
    accord_notifier_check (pending->application->notifier, pending->store);
  g_clear_weak_pointer (&pending->application);
  g_object_unref (pending->store);
  g_free (pending);
}

static void
pending_start_painted_cb (GdkFrameClock *clock,
                          PendingStart  *pending)
{
  pending_start_run (pending);
}

static gboolean
pending_start_timeout_cb (gpointer data)
{
  PendingStart *pending = data;

  pending->timeout_id = 0;
  pending_start_run (pending);
  return G_SOURCE_REMOVE;
}

static void
start_after_next_frame (AccordApplication *self,
                        AccordWindow      *window,
                        AccordStore       *store)
{
  PendingStart *pending;
  GdkFrameClock *clock;

  if (store == NULL)
    return;
  pending = g_new0 (PendingStart, 1);
  g_set_weak_pointer (&pending->application, self);
  pending->store = g_object_ref (store);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock != NULL)
    {
      pending->clock = g_object_ref (clock);
      pending->paint_id = g_signal_connect (clock, "after-paint",
                                            G_CALLBACK (pending_start_painted_cb), pending);
    }
  pending->timeout_id = g_timeout_add_seconds (START_FALLBACK_SECONDS,
                                               pending_start_timeout_cb, pending);
}

/* What follows opening @path in @window: %TRUE when it @opened, else
 * the window shows why not. */
static gboolean
finish_open (AccordApplication *self,
             AccordWindow      *window,
             const char        *path,
             gboolean           opened)
{
  gtk_window_present (GTK_WINDOW (window));
  if (!opened)
    return FALSE;

  remember_workspace (self, path);
  /* Once a day, a copy into the backup folder, in a thread, silently;
   * and a notification of what is overdue. */
  start_after_next_frame (self, window, accord_window_get_store (window));
  return TRUE;
}

gboolean
accord_application_open_workspace (AccordApplication *self,
                                   const char        *path,
                                   gboolean           create)
{
  AccordWindow *window;

  g_return_val_if_fail (ACCORD_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  window = get_window (self);
  return finish_open (self, window, path,
                      accord_window_open_workspace (window, path, create, NULL));
}

/* At start-up the workspace is read in a thread while the window is
 * built: at ten thousand partners each takes about as long as the other. */
typedef struct
{
  const char  *path;
  AccordStore *store;
  GError      *error;
} OpenJob;

static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;

  job->store = accord_store_open (job->path, ACCORD_STORE_OPEN_CREATE, &job->error);
  return NULL;
}

/* Actions */

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     AccordApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                        GTK_FILE_CHOOSER_ACTION_SAVE;

      if (path != NULL)
        {
          /* A new workspace keeps its extension, so it is easy to find again. */
          if (create && !g_str_has_suffix (path, ".accord"))
            {
              char *with_ext = g_strconcat (path, ".accord", NULL);
              g_free (path);
              path = with_ext;
            }
          accord_application_open_workspace (self, path, create);
        }
    }
  g_object_unref (chooser);
}

static void
run_chooser (AccordApplication    *self,
             GtkFileChooserAction  action)
{
  AccordWindow *window = get_window (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  chooser = gtk_file_chooser_native_new (save ? _("New Workspace") : _("Open Workspace"),
                                         GTK_WINDOW (window), action,
                                         save ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Accord workspaces"));
  gtk_file_filter_add_pattern (filter, "*.accord");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Workspace.accord"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_workspace_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  run_chooser (user_data, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_workspace_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  run_chooser (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_recent_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  accord_application_open_workspace (user_data, g_variant_get_string (parameter, NULL), FALSE);
}

static void
sample_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;

  /* Its own connection, in this thread: the window's stays free. */
  if (!accord_demo_write (path, SAMPLE_PARTNERS, SAMPLE_SEED, cancellable, &error))
    {
      g_unlink (path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
sample_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AccordApplication *self = ACCORD_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  AccordWindow *window = get_window (self);
  const char *path = g_task_get_task_data (G_TASK (result));

  accord_window_show_busy (window, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        accord_window_show_problem (window, error->message);
      return;
    }
  accord_application_open_workspace (self, path, FALSE);
}

static void
explore_sample_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AccordApplication *self = user_data;
  g_autofree char *path = dup_sample_workspace ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GTask) task = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      accord_application_open_workspace (self, path, FALSE);
      return;
    }

  g_mkdir_with_parents (dir, 0700);
  accord_window_show_busy (get_window (self), _("Preparing the Sample Workspace"));

  task = g_task_new (self, self->cancellable, sample_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, sample_thread);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  AccordApplication *self = user_data;
  const char *developers[] = { _("The Accord authors"), NULL };
  g_autoptr(GBytes) metainfo = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *about;

  /* Name, summary, links and release notes come from the metainfo, the
   * same text software centres show. */
  accord_about_ensure_resources ();
  metainfo = g_resources_lookup_data (ACCORD_METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                      &error);
  about = metainfo != NULL ? accord_about_window_new_from_metainfo (metainfo, &error) : NULL;
  if (about == NULL)
    {
      g_warning ("Cannot read the metainfo: %s", error->message);
      return;
    }
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing the windows lets each save, or ask about, what is typed. A
   * closed window leaves the application's list, so walk a copy. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_cb },
  { "open-workspace", open_workspace_cb },
  { "open-recent", open_recent_cb, "s" },
  { "explore-sample", explore_sample_cb },
  { "about", about_cb },
  { "quit", quit_cb },
};

/* Test and measurement hooks, all driven by environment variables so the
 * shipped behaviour is unchanged when they are unset. */

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static gboolean
screenshot_timeout_cb (gpointer data)
{
  GtkWidget *window = data;
  const char *path = g_getenv ("ACCORD_SCREENSHOT");

  if (!save_screenshot (window, path))
    g_printerr ("accord: could not save %s\n", path);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_mapped_widget (GtkWidget *widget,
                    GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ACCORD_SCROLL_TO=TypeName scrolls the first shown widget of that type
 * to the top of its scrolled window, e.g. AccordPartnerChart. */
static void
scroll_to_hook (GtkWidget *window)
{
  const char *type_name = g_getenv ("ACCORD_SCROLL_TO");
  GType type = type_name != NULL ? g_type_from_name (type_name) : G_TYPE_INVALID;
  GtkWidget *target;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (type == G_TYPE_INVALID || !g_type_is_a (type, GTK_TYPE_WIDGET))
    return;
  target = find_mapped_widget (window, type);
  if (target == NULL)
    return;
  /* Every scrolled window around it, innermost first. */
  for (scrolled = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW); scrolled != NULL;
       scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled),
                                           GTK_TYPE_SCROLLED_WINDOW))
    {
      if (!gtk_widget_compute_point (target, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
        return;
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
    }
}

/* ACCORD_PARTNER=NAME opens that partner's page once the workspace is open;
 * ACCORD_SECTION=overview|fit|work|agreement|health shows that section
 * of the page. */
static void
partner_hook (AccordWindow *window)
{
  const char *name = g_getenv ("ACCORD_PARTNER");
  const char *section = g_getenv ("ACCORD_SECTION");

  if (section != NULL)
    accord_partner_page_show_section (accord_window_get_partner_page (window), section);
  AccordStore *store = accord_window_get_store (window);
  GListModel *partners;

  if (name == NULL || store == NULL)
    return;
  partners = accord_store_get_partners (store);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AccordPartner) partner = g_list_model_get_item (partners, i);
      if (g_strcmp0 (accord_partner_get_name (partner), name) == 0)
        {
          accord_window_select_partner (window, partner);
          return;
        }
    }
  g_printerr ("accord: no partner named %s\n", name);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);

  if (g_getenv ("ACCORD_FIRST_FRAME_EXIT") != NULL)
    {
      g_print ("first-frame-us %" G_GINT64_FORMAT "\nrss-kb %ld\n",
               g_get_monotonic_time (), resident_kb ());
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
      return;
    }
  if (g_getenv ("ACCORD_SCREENSHOT") != NULL)
    {
      scroll_to_hook (window);
      g_timeout_add (600, screenshot_timeout_cb, window);
    }
}

static void
window_map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_map_cb, NULL);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
install_hooks (AccordApplication *self,
               AccordWindow      *window)
{
  const char *scheme = g_getenv ("ACCORD_COLOR_SCHEME");
  const char *size = g_getenv ("ACCORD_WINDOW_SIZE");

  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (size != NULL)
    {
      int w = 0, h = 0;
      if (sscanf (size, "%dx%d", &w, &h) == 2 && w > 0 && h > 0)
        gtk_window_set_default_size (GTK_WINDOW (window), w, h);
    }

  if (g_getenv ("ACCORD_FIRST_FRAME_EXIT") != NULL || g_getenv ("ACCORD_SCREENSHOT") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (window_map_cb), NULL);
}

/* Before any window exists: right-to-left layout and larger text, so
 * screenshots can check both without changing the desktop's settings. */
static void
install_display_hooks (void)
{
  const char *scale = g_getenv ("ACCORD_TEXT_SCALE");

  if (g_strcmp0 (g_getenv ("ACCORD_TEXT_DIR"), "rtl") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  if (scale != NULL)
    {
      double factor = g_ascii_strtod (scale, NULL);

      if (factor >= 0.5 && factor <= 4.0)
        g_object_set (gtk_settings_get_default (),
                      "gtk-xft-dpi", (int) (96 * 1024 * factor),
                      NULL);
    }
}

/* GApplication */

static int
accord_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->requested_workspace);
      self->requested_workspace = g_file_get_path (file);
    }
  return -1;
}

static void
accord_application_activate (GApplication *app)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  g_autofree char *path = NULL;
  OpenJob job = { NULL, NULL, NULL };
  AccordWindow *window;
  GThread *thread;

  if (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL &&
      self->requested_workspace == NULL)
    {
      gtk_window_present (gtk_application_get_active_window (GTK_APPLICATION (app)));
      return;
    }

  if (self->requested_workspace != NULL)
    path = g_steal_pointer (&self->requested_workspace);
  else if (self->settings != NULL)
    {
      path = g_settings_get_string (self->settings, "last-workspace");
      if (*path == '\0' || !g_file_test (path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    {
      g_autofree char *dir = NULL;

      /* Only the default workspace's folder is made here; a folder named
       * on the command line must exist. */
      path = accord_application_dup_default_workspace ();
      dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0700);
    }

  /* The default workspace is created on first start; a named one must
   * exist, except when given on the command line (then it is created). */
  job.path = path;
  thread = g_thread_new ("accord-open", open_thread, &job);
  window = get_window (self);
  install_hooks (self, window);
  g_thread_join (thread);

  if (finish_open (self, window, path,
                   accord_window_show_workspace (window, job.store, job.error, NULL)))
    partner_hook (window);
  g_clear_object (&job.store);
  g_clear_error (&job.error);
}

static void
accord_application_startup (GApplication *app)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (accord_application_parent_class)->startup (app);
  install_display_hooks ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (BASE_APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);

  rebuild_recent_menu (self);
  self->notifier = accord_notifier_new (GTK_APPLICATION (app));

  /* Started by D-Bus (a search from GNOME Shell), without a window: stay
   * a little between searches instead of starting again for each. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 20000);
}

static void
accord_application_shutdown (GApplication *app)
{
  AccordApplication *self = ACCORD_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (accord_application_parent_class)->shutdown (app);
}

/* GNOME Shell finds partners through the search provider, exported next
 * to the application's own objects. */
static gboolean
accord_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (accord_application_parent_class)->dbus_register (app, connection,
                                                                             object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = accord_search_provider_new (GTK_APPLICATION (app));
  return accord_search_provider_export (self->search_provider, connection, path, error);
}

static void
accord_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  AccordApplication *self = ACCORD_APPLICATION (app);

  if (self->search_provider != NULL)
    accord_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (accord_application_parent_class)->dbus_unregister (app, connection,
                                                                          object_path);
}

static void
accord_application_dispose (GObject *object)
{
  AccordApplication *self = ACCORD_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notifier);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (accord_application_parent_class)->dispose (object);
}

static void
accord_application_finalize (GObject *object)
{
  AccordApplication *self = ACCORD_APPLICATION (object);

  g_free (self->requested_workspace);

  G_OBJECT_CLASS (accord_application_parent_class)->finalize (object);
}

static void
accord_application_class_init (AccordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  accord_form_ensure_resources ();

  object_class->dispose = accord_application_dispose;
  object_class->finalize = accord_application_finalize;
  app_class->activate = accord_application_activate;
  app_class->startup = accord_application_startup;
  app_class->shutdown = accord_application_shutdown;
  app_class->handle_local_options = accord_application_handle_local_options;
  app_class->dbus_register = accord_application_dbus_register;
  app_class->dbus_unregister = accord_application_dbus_unregister;
}

static void
accord_application_init (AccordApplication *self)
{
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the workspace file PATH (created when missing)"), N_("PATH") },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  self->recent_menu = g_menu_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

AccordApplication *
accord_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  /* Tests and benchmarks start many copies at once. */
  if (g_getenv ("ACCORD_NON_UNIQUE") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  /* libadwaita reads this once, when it starts, before the desktop's own
   * high-contrast setting; set it here, before any thread is running. */
  if (g_strcmp0 (g_getenv ("ACCORD_HIGH_CONTRAST"), "1") == 0)
    g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);

  return g_object_new (ACCORD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/accordhq/Accord",
                       "flags", flags,
                       NULL);
}
