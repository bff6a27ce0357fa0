/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-partner-chart.h"

#include "accord-chart-data.h"
#include "accord-chart-ui.h"
#include "accord-form.h"
#include "accord-store.h"

#include <glib/gi18n.h>

/* The data is read when the partner or its records change (in an idle,
 * so a burst of changes reads once), laid out when the data or the size
 * or the direction change, and drawn from that layout; tooltips hit-test
 * the same layout. */

struct _AccordPartnerChart
{
  AdwPreferencesGroup parent_instance;

  AccordStore *store;
  AccordPartner *partner;

  AccordLifecycleSource *source;
  AccordLifecycleLayout *layout;
  guint reload_id;
  gboolean show_table;

  GtkStack *stack;
  GtkDrawingArea *area;
  GtkColumnView *table;
  GtkToggleButton *table_button;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (AccordPartnerChart, accord_partner_chart, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
relayout (AccordPartnerChart *self)
{
  GtkWidget *area = GTK_WIDGET (self->area);
  int width = gtk_widget_get_width (area);
  int height = gtk_widget_get_height (area);
  AccordChartOptions options = { 0, };

  g_clear_pointer (&self->layout, accord_lifecycle_layout_free);
  if (self->source != NULL && width > 0 && height > 0)
    {
      options.rtl = gtk_widget_get_direction (area) == GTK_TEXT_DIR_RTL;
      self->layout = accord_lifecycle_chart_layout (&self->source->data, width, height,
                                                    gtk_widget_get_pango_context (area), &options);
    }
  gtk_widget_queue_draw (area);
}

static void
update_accessible (AccordPartnerChart *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->source != NULL)
    {
      description = accord_lifecycle_chart_describe (&self->source->data);
      /* Translators: the chart's accessible name; the partner's name. */
      label = g_strdup_printf (_("Lifecycle and health chart of %s"), self->source->data.name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Lifecycle and health chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
reload (AccordPartnerChart *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordChartTable) table = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->source, accord_lifecycle_source_free);

  if (self->store != NULL && self->partner != NULL)
    {
      self->source = accord_lifecycle_source_new (self->store, self->partner, &error);
      if (self->source == NULL)
        g_warning ("Could not read the chart's data: %s", error->message);
    }

  if (self->source != NULL)
    {
      table = accord_lifecycle_chart_table (&self->source->data);
      accord_chart_ui_fill_table (self->table, table);
    }
  else
    gtk_column_view_set_model (self->table, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->source != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print", self->source != NULL);
  update_accessible (self);
  relayout (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  AccordPartnerChart *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (AccordPartnerChart *self)
{
  /* Before the redraw, so a change never paints stale data. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

static void
store_changed_cb (AccordPartnerChart *self,
                  AccordPartner      *partner)
{
  if (partner != NULL && partner == self->partner)
    queue_reload (self);
}

static void
area_resize_cb (AccordPartnerChart *self,
                int                 width,
                int                 height)
{
  relayout (self);
}

static void
area_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  AccordPartnerChart *self = data;
  AccordChartPalette palette;

  if (self->layout == NULL ||
      accord_lifecycle_layout_get_width (self->layout) != width ||
      accord_lifecycle_layout_get_height (self->layout) != height)
    relayout (self);
  if (self->layout == NULL)
    return;

  accord_chart_ui_get_palette (&palette);
  accord_lifecycle_chart_draw (cr, self->layout, &palette);
}

static gboolean
area_query_tooltip_cb (AccordPartnerChart *self,
                       int                 x,
                       int                 y,
                       gboolean            keyboard_mode,
                       GtkTooltip         *tooltip)
{
  AccordLifecycleHit hit;
  AccordChartRect rect;
  g_autofree char *text = NULL;

  if (self->layout == NULL || keyboard_mode ||
      !accord_lifecycle_chart_hit_test (self->layout, x, y, &hit))
    return FALSE;
  text = accord_lifecycle_chart_tooltip (&self->source->data, &hit);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  /* Moving onto another item asks again. */
  if (accord_lifecycle_chart_hit_rect (self->layout, &hit, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.x, (int) rect.y,
                                                         MAX ((int) rect.width, 1),
                                                         MAX ((int) rect.height, 1) });
  return TRUE;
}

static void
direction_changed_cb (AccordPartnerChart *self)
{
  relayout (self);
}

static void
style_changed_cb (AccordPartnerChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* Export and printing draw with the light palette, for paper. */

static char *
export_basename (AccordPartnerChart *self)
{
  g_autofree char *name = g_strdup (self->source != NULL ? self->source->data.name : "");

  /* Translators: the file name an exported chart is offered under; the partner's name. */
  return g_strdelimit (g_strdup_printf (_("%s lifecycle"), name), "/\\", '-');
}

gboolean
accord_partner_chart_export (AccordPartnerChart  *self,
                             const char          *path,
                             GError             **error)
{
  g_autoptr(AccordLifecycleSource) source = NULL;
  AccordChartOptions options = { 0, };

  g_return_val_if_fail (ACCORD_IS_PARTNER_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL || self->partner == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no chart to export"));
      return FALSE;
    }
  source = accord_lifecycle_source_new (self->store, self->partner, error);
  if (source == NULL)
    return FALSE;

  options.rtl = gtk_widget_get_direction (GTK_WIDGET (self->area)) == GTK_TEXT_DIR_RTL;
  options.show_title = TRUE;
  options.font = ACCORD_CHART_DEFAULT_FONT;
  return accord_lifecycle_chart_export (&source->data, path,
                                        ACCORD_LIFECYCLE_EXPORT_WIDTH,
                                        ACCORD_LIFECYCLE_EXPORT_HEIGHT,
                                        &options,
                                        accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT),
                                        error);
}

static gboolean
export_func (GtkWidget   *widget,
             const char  *path,
             GError     **error)
{
  return accord_partner_chart_export (ACCORD_PARTNER_CHART (widget), path, error);
}

typedef struct
{
  AccordLifecycleSource *source;
  gboolean               rtl;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  accord_lifecycle_source_free (print->source);
  g_free (print);
}

static void
print_render_cb (cairo_t  *cr,
                 int       width,
                 int       height,
                 gpointer  data)
{
  PrintData *print = data;
  AccordChartOptions options = {
    .rtl = print->rtl,
    .show_title = TRUE,
    .font = ACCORD_CHART_DEFAULT_FONT,
  };

  accord_lifecycle_chart_render (cr, &print->source->data, width, height, &options,
                                 accord_chart_palette_get (ACCORD_CHART_THEME_LIGHT));
}

void
accord_partner_chart_print (AccordPartnerChart *self,
                            const char         *pdf_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  PrintData *print;

  g_return_if_fail (ACCORD_IS_PARTNER_CHART (self));

  if (self->store == NULL || self->partner == NULL)
    return;

  print = g_new0 (PrintData, 1);
  /* Its own copy: the page may change partner while the dialog is open. */
  print->source = accord_lifecycle_source_new (self->store, self->partner, &error);
  if (print->source == NULL)
    {
      g_warning ("Could not read the chart's data: %s", error->message);
      g_free (print);
      return;
    }
  print->rtl = gtk_widget_get_direction (GTK_WIDGET (self->area)) == GTK_TEXT_DIR_RTL;
  job_name = export_basename (self);
  accord_chart_ui_print (GTK_WIDGET (self), job_name, pdf_path, print_render_cb, print,
                         print_data_free);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordPartnerChart *self = ACCORD_PARTNER_CHART (widget);
  g_autofree char *basename = NULL;
  AccordChartFormat format;

  if (!accord_chart_ui_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;
  basename = export_basename (self);
  accord_chart_ui_export (widget, format, basename, export_func);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  accord_partner_chart_print (ACCORD_PARTNER_CHART (widget), NULL);
}

/* GObject */

static void
accord_partner_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordPartnerChart *self = ACCORD_PARTNER_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, accord_partner_chart_get_show_table (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AccordPartnerChart *self = ACCORD_PARTNER_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      accord_partner_chart_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_chart_dispose (GObject *object)
{
  AccordPartnerChart *self = ACCORD_PARTNER_CHART (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->layout, accord_lifecycle_layout_free);
  g_clear_pointer (&self->source, accord_lifecycle_source_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PARTNER_CHART);

  G_OBJECT_CLASS (accord_partner_chart_parent_class)->dispose (object);
}

static void
accord_partner_chart_class_init (AccordPartnerChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_partner_chart_dispose;
  object_class->get_property = accord_partner_chart_get_property;
  object_class->set_property = accord_partner_chart_set_property;

  /**
   * AccordPartnerChart:show-table:
   *
   * Whether the chart's data shows as a table instead of the chart.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/accordhq/Accord/ui/accord-partner-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerChart, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerChart, area);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerChart, table);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerChart, table_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerChart, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, area_resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_query_tooltip_cb);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
}

static void
accord_partner_chart_init (AccordPartnerChart *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  menu = accord_chart_ui_menu_new ();
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_drawing_area_set_draw_func (self->area, area_draw_cb, self, NULL);
  g_signal_connect_swapped (self->area, "direction-changed", G_CALLBACK (direction_changed_cb),
                            self);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);

  reload (self);
}

GtkWidget *
accord_partner_chart_new (void)
{
  return g_object_new (ACCORD_TYPE_PARTNER_CHART, NULL);
}

void
accord_partner_chart_set_store (AccordPartnerChart *self,
                                AccordStore        *store)
{
  static const char *const signals[] = {
    "partner-changed", "results-changed", "agreements-changed", "work-changed",
  };

  g_return_if_fail (ACCORD_IS_PARTNER_CHART (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
      g_signal_connect_swapped (store, signals[i], G_CALLBACK (store_changed_cb), self);
  reload (self);
}

void
accord_partner_chart_set_partner (AccordPartnerChart *self,
                                  AccordPartner      *partner)
{
  g_return_if_fail (ACCORD_IS_PARTNER_CHART (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (!g_set_object (&self->partner, partner))
    return;
  reload (self);
}

gboolean
accord_partner_chart_get_show_table (AccordPartnerChart *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_CHART (self), FALSE);
  return self->show_table;
}

void
accord_partner_chart_set_show_table (AccordPartnerChart *self,
                                     gboolean            show_table)
{
  g_return_if_fail (ACCORD_IS_PARTNER_CHART (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  gtk_stack_set_visible_child_name (self->stack, show_table ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

char *
accord_partner_chart_dup_tooltip_at (AccordPartnerChart *self,
                                     double              x,
                                     double              y)
{
  AccordLifecycleHit hit;

  g_return_val_if_fail (ACCORD_IS_PARTNER_CHART (self), NULL);

  if (self->layout == NULL || !accord_lifecycle_chart_hit_test (self->layout, x, y, &hit))
    return NULL;
  return accord_lifecycle_chart_tooltip (&self->source->data, &hit);
}
