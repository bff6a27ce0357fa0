/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-board-column.h"

#include "accord-board-card.h"
#include "accord-form.h"
#include "accord-partner.h"

struct _AccordBoardColumn
{
  GtkWidget parent_instance;

  AccordStage stage;
  GtkCustomFilter *filter;

  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListView *list_view;
  GtkFilterListModel *filter_model;
};

G_DEFINE_FINAL_TYPE (AccordBoardColumn, accord_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PARTNER_ACTIVATED,
  PARTNER_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
in_stage (gpointer item,
          gpointer user_data)
{
  AccordBoardColumn *self = user_data;

  return accord_partner_get_stage (ACCORD_PARTNER (item)) == self->stage;
}

static void
update_count (AccordBoardColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "cards" : "empty");

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
list_activate_cb (GtkListView       *list_view,
                  guint              position,
                  AccordBoardColumn *self)
{
  g_autoptr(AccordPartner) partner = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                            position);

  if (partner != NULL)
    g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, partner);
}

/* The partner being dragged over us, once its value has arrived. */
static AccordPartner *
dragged_partner (GtkDropTarget *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value == NULL || !G_VALUE_HOLDS (value, ACCORD_TYPE_PARTNER))
    return NULL;
  return g_value_get_object (value);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget     *target,
                double             x,
                double             y,
                AccordBoardColumn *self)
{
  AccordPartner *partner = dragged_partner (target);

  /* Its own column is no destination: dropping there changes nothing. */
  if (partner != NULL && accord_partner_get_stage (partner) == self->stage)
    return 0;
  return GDK_ACTION_MOVE;
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         AccordBoardColumn *self)
{
  AccordPartner *partner;
  gboolean moved = FALSE;

  if (!G_VALUE_HOLDS (value, ACCORD_TYPE_PARTNER))
    return FALSE;
  partner = g_value_get_object (value);
  if (partner == NULL || accord_partner_get_stage (partner) == self->stage)
    return FALSE;

  g_signal_emit (self, signals[PARTNER_DROPPED], 0, partner, &moved);
  return moved;
}

static void
accord_board_column_dispose (GObject *object)
{
  AccordBoardColumn *self = ACCORD_BOARD_COLUMN (object);
  GtkWidget *child;

  /* The filter points back at us: make sure it can no longer run. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_BOARD_COLUMN);
  /* GTK 4.8 leaves a plain widget's children to the widget itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_board_column_parent_class)->dispose (object);
}

static void
accord_board_column_constructed (GObject *object)
{
  AccordBoardColumn *self = ACCORD_BOARD_COLUMN (object);
  const char *label = accord_stage_get_label (self->stage);

  G_OBJECT_CLASS (accord_board_column_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  update_count (self);
}

static void
accord_board_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordBoardColumn *self = ACCORD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, accord_board_column_get_stage (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordBoardColumn *self = ACCORD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      /* Construct-only, so set here rather than through an accessor. */
      self->stage = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_column_class_init (AccordBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_board_column_dispose;
  object_class->constructed = accord_board_column_constructed;
  object_class->get_property = accord_board_column_get_property;
  object_class->set_property = accord_board_column_set_property;

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, 0, ACCORD_N_STAGES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordBoardColumn::partner-activated:
   * @partner: the partner whose card was activated (Enter, double click)
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /**
   * AccordBoardColumn::partner-dropped:
   * @partner: the partner dropped on this column (from another column)
   *
   * Returns: %TRUE when the partner moved here, which ends the drag
   */
  signals[PARTNER_DROPPED] =
    g_signal_new ("partner-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, ACCORD_TYPE_PARTNER);

  /* The list item template names the card by its type name. */
  g_type_ensure (ACCORD_TYPE_BOARD_CARD);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordBoardColumn, filter_model);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accord_board_column_init (AccordBoardColumn *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rest of the model chain is in the template; this filter needs a
   * C function and our stage, so it is made here. */
  self->filter = gtk_custom_filter_new (in_stage, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_count), self);

  /* Preloaded, so that hovering can already tell the card's own column. */
  target = gtk_drop_target_new (ACCORD_TYPE_PARTNER, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
accord_board_column_new (AccordStage stage)
{
  g_return_val_if_fail ((guint) stage < ACCORD_N_STAGES, NULL);

  return g_object_new (ACCORD_TYPE_BOARD_COLUMN, "stage", (int) stage, NULL);
}

AccordStage
accord_board_column_get_stage (AccordBoardColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_BOARD_COLUMN (self), ACCORD_STAGE_IDENTIFIED);
  return self->stage;
}

void
accord_board_column_set_model (AccordBoardColumn *self,
                               GListModel        *model)
{
  g_return_if_fail (ACCORD_IS_BOARD_COLUMN (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  gtk_filter_list_model_set_model (self->filter_model, model);
}

void
accord_board_column_refilter (AccordBoardColumn *self)
{
  g_return_if_fail (ACCORD_IS_BOARD_COLUMN (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
accord_board_column_get_count (AccordBoardColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_BOARD_COLUMN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/* The list row (GTK's own widget, the one that takes focus) that holds
 * @partner's card, if it exists yet. */
static GtkWidget *
find_row (AccordBoardColumn *self,
          AccordPartner     *partner)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (card != NULL && ACCORD_IS_BOARD_CARD (card) &&
          accord_board_card_get_partner (ACCORD_BOARD_CARD (card)) == partner)
        return row;
    }
  return NULL;
}

gboolean
accord_board_column_focus_partner (AccordBoardColumn *self,
                                   AccordPartner     *partner)
{
  GListModel *model;
  GtkWidget *row;
  guint n;

  g_return_val_if_fail (ACCORD_IS_BOARD_COLUMN (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordPartner) item = g_list_model_get_item (model, i);

      if (item != partner)
        continue;

      /* GTK 4.8 has no gtk_list_view_scroll_to (): scrolling to the item
       * makes the list create its row, which then takes focus. */
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      row = find_row (self, partner);
      return row != NULL && gtk_widget_grab_focus (row);
    }
  return FALSE;
}
