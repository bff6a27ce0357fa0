/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-search-provider.h"
#include "accord-application.h"
#include "accord-search.h"
#include "accord-store.h"
#include "accord-window.h"

/* A workspace opened only to answer searches is closed after this long
 * without one: the shell asks again while a person types. */
#define IDLE_STORE_SECONDS 30

struct _AccordSearchProvider
{
  GObject parent_instance;

  GtkApplication *application;   /* weak */
  GDBusConnection *connection;
  guint registration_id;
  /* The last workspace, when no window has one open. */
  AccordStore *own_store;
  guint close_store_id;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AccordSearchProvider, accord_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static AccordWindow *
find_window (AccordSearchProvider *self)
{
  GtkWindow *active;

  if (self->application == NULL)
    return NULL;
  active = gtk_application_get_active_window (self->application);
  if (ACCORD_IS_WINDOW (active))
    return ACCORD_WINDOW (active);
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (ACCORD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
close_store_cb (gpointer data)
{
  AccordSearchProvider *self = data;

  self->close_store_id = 0;
  g_clear_object (&self->own_store);
  return G_SOURCE_REMOVE;
}

/* The workspace opened last, as the window would open it; NULL when there
 * is none yet (then nothing is found: a search never creates a file). */
static char *
dup_last_workspace (AccordSearchProvider *self)
{
  g_autofree char *path = NULL;

  if (self->settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
      if (schema != NULL)
        self->settings = g_settings_new (BASE_APPLICATION_ID);
    }
  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-workspace");
  if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = accord_application_dup_default_workspace ();
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

/* The store searches read: the window's, else the last workspace's. */
static AccordStore *
get_store (AccordSearchProvider *self)
{
  AccordWindow *window = find_window (self);
  AccordStore *store = window != NULL ? accord_window_get_store (window) : NULL;

  if (store != NULL)
    {
      /* The window's store sees every change; a second one is not needed. */
      g_clear_handle_id (&self->close_store_id, g_source_remove);
      g_clear_object (&self->own_store);
      return store;
    }

  if (self->own_store == NULL)
    {
      g_autofree char *path = dup_last_workspace (self);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        return NULL;
      self->own_store = accord_store_open (path, ACCORD_STORE_OPEN_DEFAULT, &error);
      if (self->own_store == NULL)
        {
          g_debug ("Search: cannot open %s: %s", path, error->message);
          return NULL;
        }
    }
  g_clear_handle_id (&self->close_store_id, g_source_remove);
  self->close_store_id = g_timeout_add_seconds (IDLE_STORE_SECONDS, close_store_cb, self);
  return self->own_store;
}

static GVariant *
search (AccordSearchProvider *self,
        const char * const   *terms,
        GArray               *within)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  AccordStore *store = get_store (self);

  if (store != NULL)
    ids = accord_store_search_partners (store, terms, within,
                                        ACCORD_SEARCH_PROVIDER_MAX_RESULTS, &error);
  if (error != NULL)
    g_debug ("Search: %s", error->message);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_variant_builder_add (builder, "s", id);
    }
  return g_variant_new ("(as)", builder);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static char *
describe (AccordPartner *partner)
{
  const char *stage = accord_stage_get_label (accord_partner_get_stage (partner));
  AccordPartnershipType type = accord_partner_get_partnership_type (partner);

  if (type == 0)
    return g_strdup (stage);
  /* Translators: a partner in search results: its stage, then its
   * partnership type, e.g. "Negotiating · Integration". */
  return g_strdup_printf (_("%s · %s"), stage, accord_partnership_type_get_label (type));
}

static GVariant *
result_metas (AccordSearchProvider *self,
              const char * const   *identifiers)
{
  g_autoptr(GVariantBuilder) metas = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autofree char *icon_name = g_icon_to_string (icon);
  AccordStore *store = get_store (self);

  for (guint i = 0; store != NULL && identifiers[i] != NULL; i++)
    {
      g_autofree char *description = NULL;
      AccordPartner *partner;
      gint64 id;

      /* An id the shell kept from before a partner was trashed is left out. */
      if (!parse_id (identifiers[i], &id) ||
          (partner = accord_store_lookup_partner (store, id)) == NULL ||
          accord_partner_get_trashed_at (partner) != NULL)
        continue;

      description = describe (partner);
      g_variant_builder_open (metas, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (metas, "{sv}", "id", g_variant_new_string (identifiers[i]));
      g_variant_builder_add (metas, "{sv}", "name",
                             g_variant_new_string (accord_partner_get_name (partner)));
      g_variant_builder_add (metas, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (metas, "{sv}", "gicon", g_variant_new_string (icon_name));
      g_variant_builder_close (metas);
    }
  return g_variant_new ("(aa{sv})", metas);
}

/* The window, with the last workspace open, shown to the person. */
static AccordWindow *
present_window (AccordSearchProvider *self,
                guint32               timestamp)
{
  AccordWindow *window;

  g_application_activate (G_APPLICATION (self->application));
  window = find_window (self);
  if (window != NULL)
    gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
  return window;
}

static void
activate_result (AccordSearchProvider *self,
                 const char           *identifier,
                 guint32               timestamp)
{
  AccordWindow *window = present_window (self, timestamp);
  AccordStore *store = window != NULL ? accord_window_get_store (window) : NULL;
  AccordPartner *partner = NULL;
  gint64 id;

  if (store != NULL && parse_id (identifier, &id))
    partner = accord_store_lookup_partner (store, id);
  if (partner != NULL && accord_partner_get_trashed_at (partner) == NULL)
    accord_window_show_partner (window, partner);
}

static void
launch_search (AccordSearchProvider *self,
               const char * const   *terms,
               guint32               timestamp)
{
  AccordWindow *window = present_window (self, timestamp);
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  if (window != NULL && accord_window_get_store (window) != NULL)
    accord_window_search (window, text);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  AccordSearchProvider *self = user_data;
  GApplication *app = G_APPLICATION (self->application);
  GVariant *reply = NULL;

  if (app == NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                     G_DBUS_ERROR_FAILED, "Quitting");
      return;
    }

  /* Started by the shell only to search, the app stays while asked. */
  g_application_hold (app);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      reply = search (self, terms, NULL);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;
      g_autoptr(GArray) within = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      for (guint i = 0; previous[i] != NULL; i++)
        {
          gint64 id;
          if (parse_id (previous[i], &id))
            g_array_append_val (within, id);
        }
      reply = search (self, terms, within);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **identifiers = NULL;

      g_variant_get (parameters, "(^a&s)", &identifiers);
      reply = result_metas (self, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *identifier = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(&sasu)", &identifier, NULL, &timestamp);
      activate_result (self, identifier, timestamp);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "Unknown method %s", method_name);
      g_application_release (app);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (app);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };

gboolean
accord_search_provider_export (AccordSearchProvider  *self,
                               GDBusConnection       *connection,
                               const char            *object_path,
                               GError               **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (ACCORD_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (object_path != NULL, FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;
  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  g_set_object (&self->connection, connection);
  return TRUE;
}

void
accord_search_provider_unexport (AccordSearchProvider *self)
{
  g_return_if_fail (ACCORD_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
  g_clear_handle_id (&self->close_store_id, g_source_remove);
  g_clear_object (&self->own_store);
}

static void
accord_search_provider_dispose (GObject *object)
{
  AccordSearchProvider *self = ACCORD_SEARCH_PROVIDER (object);

  accord_search_provider_unexport (self);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_search_provider_parent_class)->dispose (object);
}

static void
accord_search_provider_class_init (AccordSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accord_search_provider_dispose;
}

static void
accord_search_provider_init (AccordSearchProvider *self)
{
}

AccordSearchProvider *
accord_search_provider_new (GtkApplication *application)
{
  AccordSearchProvider *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (ACCORD_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}
