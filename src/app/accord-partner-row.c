/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-form.h"

#include "accord-partner-row.h"
#include "accord-partner.h"

struct _AccordPartnerRow
{
  GtkWidget parent_instance;

  AccordPartner *partner;
  gulong notify_id;

  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *stage_label;
};

G_DEFINE_FINAL_TYPE (AccordPartnerRow, accord_partner_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (AccordPartnerRow *self)
{
  AccordPartnershipType type;
  AccordPosition position;
  g_autofree char *details = NULL;

  /* A row without a partner is not on show, so it keeps its text: GTK 4.8
   * unbinds and binds again every row on show whenever the selection
   * changes, and a row that emptied its labels in between laid its text
   * out again each time, for every row on screen. GtkLabel ignores text
   * equal to what it has. */
  if (self->partner == NULL)
    return;

  type = accord_partner_get_partnership_type (self->partner);
  position = accord_partner_get_position (self->partner);

  if (type != ACCORD_PARTNERSHIP_TYPE_UNSET && position != ACCORD_POSITION_UNSET)
    /* Translators: partnership type and position, e.g. "Integration · Parallel". */
    details = g_strdup_printf (_("%s · %s"), accord_partnership_type_get_label (type),
                               accord_position_get_label (position));
  else if (type != ACCORD_PARTNERSHIP_TYPE_UNSET)
    details = g_strdup (accord_partnership_type_get_label (type));
  else if (position != ACCORD_POSITION_UNSET)
    details = g_strdup (accord_position_get_label (position));
  else
    details = g_strdup (_("Type and position not set"));

  gtk_label_set_text (self->name_label, accord_partner_get_name (self->partner));
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->stage_label,
                      accord_stage_get_label (accord_partner_get_stage (self->partner)));
}

static void
partner_notify_cb (AccordPartnerRow *self)
{
  update (self);
}

static void
accord_partner_row_dispose (GObject *object)
{
  AccordPartnerRow *self = ACCORD_PARTNER_ROW (object);

  GtkWidget *child;

  accord_partner_row_set_partner (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PARTNER_ROW);
  /* GTK 4.8 leaves a plain widget's children to the widget itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_partner_row_parent_class)->dispose (object);
}

static void
accord_partner_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AccordPartnerRow *self = ACCORD_PARTNER_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_object (value, accord_partner_row_get_partner (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AccordPartnerRow *self = ACCORD_PARTNER_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      accord_partner_row_set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_partner_row_class_init (AccordPartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_partner_row_dispose;
  object_class->get_property = accord_partner_row_get_property;
  object_class->set_property = accord_partner_row_set_property;

  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, ACCORD_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-partner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPartnerRow, stage_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
accord_partner_row_init (AccordPartnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_partner_row_new (void)
{
  return g_object_new (ACCORD_TYPE_PARTNER_ROW, NULL);
}

AccordPartner *
accord_partner_row_get_partner (AccordPartnerRow *self)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER_ROW (self), NULL);
  return self->partner;
}

void
accord_partner_row_set_partner (AccordPartnerRow *self,
                                AccordPartner    *partner)
{
  g_return_if_fail (ACCORD_IS_PARTNER_ROW (self));
  g_return_if_fail (partner == NULL || ACCORD_IS_PARTNER (partner));

  if (self->partner == partner)
    return;

  if (self->partner != NULL)
    g_clear_signal_handler (&self->notify_id, self->partner);
  g_set_object (&self->partner, partner);
  if (partner != NULL)
    self->notify_id = g_signal_connect_object (partner, "notify", G_CALLBACK (partner_notify_cb),
                                               self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}
