/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-board-card.h"

#include "accord-board.h"
#include "accord-form.h"
#include "accord-partner.h"

struct _AccordBoardCard
{
  GtkWidget parent_instance;

  AccordPartner *partner;
  gulong notify_id;
  double drag_x;
  double drag_y;

  GtkLabel *name_label;
  GtkLabel *type_label;
  GtkLabel *band_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (AccordBoardCard, accord_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The band's colour says how keen we are; the text says it too, so the
 * colour is never the only cue. Theme classes keep dark mode right. */
static const char *band_classes[] = { "success", "accent", "dim-label" };

static void
set_band (AccordBoardCard *self,
          AccordFitBand    band)
{
  const char *css_class;

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), band_classes[i]);

  switch (band)
    {
    case ACCORD_FIT_BAND_PURSUE:
      css_class = "success";
      break;
    case ACCORD_FIT_BAND_WORTH:
      css_class = "accent";
      break;
    case ACCORD_FIT_BAND_RADAR:
    case ACCORD_FIT_BAND_INCOMPLETE:
    case ACCORD_N_FIT_BANDS:
    default:
      css_class = "dim-label";
      break;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), css_class);

  if (band == ACCORD_FIT_BAND_INCOMPLETE)
    gtk_label_set_text (self->band_label, _("Not rated"));
  else
    gtk_label_set_text (self->band_label, accord_fit_band_get_label (band));
}

/* Only the moves the lifecycle allows, in the board's column order. Each
 * item names the partner by id so the board's action can find it. */
static GMenuModel *
build_move_menu (AccordPartner *partner)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  AccordStage from = accord_partner_get_stage (partner);
  AccordStage held_from = accord_partner_get_held_from (partner);
  gint64 id = accord_partner_get_id (partner);

  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    {
      AccordStage to = accord_board_get_column_stage (i);
      g_autoptr(GMenuItem) item = NULL;

      if (!accord_stage_can_move (from, to, held_from, NULL))
        continue;
      item = g_menu_item_new (accord_stage_get_label (to), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move",
                                               g_variant_new ("(xi)", id, (gint32) to));
      g_menu_append_item (section, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, _("Move To"), G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  AccordBoardCard *self = user_data;
  g_autoptr(GMenuModel) menu = NULL;

  if (self->partner == NULL)
    return;
  menu = build_move_menu (self->partner);
  gtk_menu_button_set_menu_model (button, menu);
}

static void
update (AccordBoardCard *self)
{
  AccordPartnershipType type;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *menu_label = NULL;
  const char *name;
  const char *type_text;
  gboolean can_move;

  if (self->partner == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->type_label, "");
      gtk_label_set_text (self->band_label, "");
      return;
    }

  name = accord_partner_get_name (self->partner);
  type = accord_partner_get_partnership_type (self->partner);
  if (type == ACCORD_PARTNERSHIP_TYPE_UNSET)
    type_text = _("Type not set");
  else
    type_text = accord_partnership_type_get_label (type);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->type_label, type_text);
  set_band (self, accord_partner_get_fit_band (self->partner));

  /* The menu itself is built when it opens: a popover per card would make
   * a board of thousands slow to show. */
  can_move = FALSE;
  for (int to = 0; to < ACCORD_N_STAGES && !can_move; to++)
    can_move = accord_stage_can_move (accord_partner_get_stage (self->partner), to,
                                      accord_partner_get_held_from (self->partner), NULL);
  /* Only an ended partnership has nowhere to go. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), can_move);

  /* Translators: a card's accessible name: partner name, then its stage. */
  label = g_strdup_printf (_("%s, %s"), name,
                           accord_stage_get_label (accord_partner_get_stage (self->partner)));
  /* Translators: a card's accessible description: partnership type, fit band. */
  description = g_strdup_printf (_("%s, %s"), type_text,
                                 gtk_label_get_text (self->band_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* The row of the column's list that holds the card. */
  accord_form_label_list_row (GTK_WIDGET (self), label);

  /* Translators: accessible name of a card's menu button; %s is the partner. */
  menu_label = g_strdup_printf (_("Move “%s” to…"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

static void
partner_notify_cb (AccordBoardCard *self)
{
  update (self);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 AccordBoardCard *self)
{
  if (self->partner == NULL)
    return NULL;

  self->drag_x = x;
  self->drag_y = y;
  /* The partner itself, not its id: a drop in another window (another
   * workspace) can then tell it is not one of its own. */
  return gdk_content_provider_new_typed (ACCORD_TYPE_PARTNER, self->partner);
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               AccordBoardCard *self)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (GTK_WIDGET (self));
  /* A still picture: the card itself fades while it is carried. */
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource   *source,
             GdkDrag         *drag,
             gboolean         delete_data,
             AccordBoardCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
accord_board_card_dispose (GObject *object)
{
  AccordBoardCard *self = ACCORD_BOARD_CARD (object);
  GtkWidget *child;

  accord_board_card_set_partner (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_BOARD_CARD);
  /* GTK 4.8 leaves a plain widget's children to the widget itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_board_card_parent_class)->dispose (object);
}

static void
accord_board_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordBoardCard *self = ACCORD_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      g_value_set_object (value, accord_board_card_get_partner (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordBoardCard *self = ACCORD_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      accord_board_card_set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_card_class_init (AccordBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_board_card_dispose;
  object_class->get_property = accord_board_card_get_property;
  object_class->set_property = accord_board_card_set_property;

  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, ACCORD_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordBoardCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardCard, type_label);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardCard, band_label);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardCard, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accord_board_card_init (AccordBoardCard *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  /* A successful drop moves the partner to another column: this card may
   * be gone by the time the drag ends, while the drag source lives on. */
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
accord_board_card_new (void)
{
  return g_object_new (ACCORD_TYPE_BOARD_CARD, NULL);
}

AccordPartner *
accord_board_card_get_partner (AccordBoardCard *self)
{
  g_return_val_if_fail (ACCORD_IS_BOARD_CARD (self), NULL);
  return self->partner;
}

void
accord_board_card_set_partner (AccordBoardCard *self,
                               AccordPartner   *partner)
{
  g_return_if_fail (ACCORD_IS_BOARD_CARD (self));
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
