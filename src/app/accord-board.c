/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "accord-board.h"

#include "accord-board-card.h"
#include "accord-board-column.h"
#include "accord-form.h"
#include "accord-partner.h"
#include "accord-store.h"

#include <string.h>

struct _AccordBoard
{
  GtkWidget parent_instance;

  AccordStore *store;
  GListModel *model;
  gulong items_changed_id;
  /* The model's partners, in its order, each watched for stage changes:
   * filters do not watch their items, so the columns are told. */
  GPtrArray *watched;
  /* Owned by columns_box; indexed by stage, not by column. */
  AccordBoardColumn *columns[ACCORD_N_STAGES];

  GtkBox *columns_box;
};

G_DEFINE_FINAL_TYPE (AccordBoard, accord_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PARTNER_ACTIVATED,
  MOVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Left to right: the pipeline, then the two ways out of it. */
static const AccordStage column_stages[] = {
  ACCORD_STAGE_IDENTIFIED,
  ACCORD_STAGE_OUTREACH,
  ACCORD_STAGE_NEGOTIATING,
  ACCORD_STAGE_LAUNCHING,
  ACCORD_STAGE_GROWING,
  ACCORD_STAGE_OPTIMIZING,
  ACCORD_STAGE_RENEWING,
  ACCORD_STAGE_ON_HOLD,
  ACCORD_STAGE_ENDED,
};

G_STATIC_ASSERT (G_N_ELEMENTS (column_stages) == ACCORD_N_STAGES);

AccordStage
accord_board_get_column_stage (guint column)
{
  g_return_val_if_fail (column < ACCORD_N_STAGES, ACCORD_STAGE_IDENTIFIED);
  return column_stages[column];
}

static guint
column_of_stage (AccordStage stage)
{
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    if (column_stages[i] == stage)
      return i;
  g_assert_not_reached ();
}

/* Watching stages */

static void
partner_stage_cb (AccordBoard *self)
{
  /* The old stage is gone by now, so every column looks again; a column
   * is a filter over the shown partners, cheap next to a redraw. */
  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    accord_board_column_refilter (self->columns[i]);
}

static void
model_items_changed_cb (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        AccordBoard *self)
{
  g_assert (position + removed <= self->watched->len);

  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, position + i),
                                          partner_stage_cb, self);
  g_ptr_array_remove_range (self->watched, position, removed);

  for (guint i = 0; i < added; i++)
    {
      AccordPartner *partner = g_list_model_get_item (model, position + i);

      g_signal_connect_swapped (partner, "notify::stage", G_CALLBACK (partner_stage_cb), self);
      g_ptr_array_insert (self->watched, position + i, partner);
    }
}

/* Reporting */

static void
report_failure (AccordBoard *self,
                const char  *message)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[MOVE_FAILED], 0, message, &handled);
}

static gboolean
accord_board_real_move_failed (AccordBoard *self,
                               const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;

  if (overlay == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  /* Toast titles are markup; partner names may hold "&" or "<". */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  return TRUE;
}

/* Moves from a gesture: the person is told when it is refused, and the
 * card keeps keyboard focus in its new column. */
static gboolean
move_and_report (AccordBoard   *self,
                 AccordPartner *partner,
                 AccordStage    to,
                 gboolean       keep_focus)
{
  g_autoptr(GError) error = NULL;

  if (!accord_board_move_partner (self, partner, to, &error))
    {
      report_failure (self, error->message);
      return FALSE;
    }
  if (keep_focus)
    accord_board_focus_partner (self, partner);
  return TRUE;
}

/* The nearest stage in @direction (+1 right, -1 left) that @partner may
 * move to; columns it may not enter are skipped. */
static gboolean
find_next_stage (AccordPartner *partner,
                 int            direction,
                 AccordStage   *out,
                 GError       **error)
{
  AccordStage from = accord_partner_get_stage (partner);
  AccordStage held_from = accord_partner_get_held_from (partner);
  int column = column_of_stage (from);

  for (int i = column + direction; i >= 0 && i < ACCORD_N_STAGES; i += direction)
    if (accord_stage_can_move (from, column_stages[i], held_from, NULL))
      {
        *out = column_stages[i];
        return TRUE;
      }

  /* Nothing that way: say why the neighbour refuses, or that there is no
   * neighbour. An ended partnership explains itself either way. */
  if (column + direction >= 0 && column + direction < ACCORD_N_STAGES)
    accord_stage_can_move (from, column_stages[column + direction], held_from, error);
  else if (from == ACCORD_STAGE_ENDED)
    accord_stage_can_move (from, column_stages[column - direction], held_from, error);
  else if (direction > 0)
    g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                 _("No stage comes after %s"), accord_stage_get_label (from));
  else
    g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                 _("No stage comes before %s"), accord_stage_get_label (from));
  return FALSE;
}

static void
move_focused (AccordBoard *self,
              int          direction)
{
  AccordPartner *partner = accord_board_get_focused_partner (self);
  g_autoptr(GError) error = NULL;
  AccordStage to;

  if (partner == NULL)
    return;

  if (!find_next_stage (partner, direction, &to, &error))
    {
      report_failure (self, error->message);
      return;
    }
  move_and_report (self, partner, to, TRUE);
}

/* Ctrl+Left and Ctrl+Right. They have to be seen on the way down (capture):
 * the list view under the card would otherwise take them to move focus. */
static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  AccordBoard *self = ACCORD_BOARD (widget);
  int direction = GPOINTER_TO_INT (user_data);

  if (accord_board_get_focused_partner (self) == NULL)
    return FALSE;

  /* Right to left, the columns run the other way round. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    direction = -direction;
  move_focused (self, direction);
  return TRUE;
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordBoard *self = ACCORD_BOARD (widget);
  AccordPartner *partner;
  gint64 id;
  gint32 to;

  g_variant_get (parameter, "(xi)", &id, &to);
  if (self->store == NULL || to < 0 || to >= ACCORD_N_STAGES)
    return;
  partner = accord_store_lookup_partner (self->store, id);
  if (partner == NULL)
    return;
  move_and_report (self, partner, to, TRUE);
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_focused (ACCORD_BOARD (widget), 1);
}

static void
move_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_focused (ACCORD_BOARD (widget), -1);
}

/* Columns */

static void
column_partner_activated_cb (AccordBoardColumn *column,
                             AccordPartner     *partner,
                             AccordBoard       *self)
{
  g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, partner);
}

static gboolean
column_partner_dropped_cb (AccordBoardColumn *column,
                           AccordPartner     *partner,
                           AccordBoard       *self)
{
  /* A card dragged from another window belongs to another workspace. */
  if (self->store == NULL ||
      accord_store_lookup_partner (self->store, accord_partner_get_id (partner)) != partner)
    return FALSE;

  return move_and_report (self, partner, accord_board_column_get_stage (column), FALSE);
}

/* GObject */

static void
accord_board_dispose (GObject *object)
{
  AccordBoard *self = ACCORD_BOARD (object);
  GtkWidget *child;

  accord_board_set_model (self, NULL);
  g_clear_object (&self->store);
  memset (self->columns, 0, sizeof self->columns);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_BOARD);
  /* GTK 4.8 leaves a plain widget's children to the widget itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_board_parent_class)->dispose (object);
}

static void
accord_board_finalize (GObject *object)
{
  AccordBoard *self = ACCORD_BOARD (object);

  g_ptr_array_unref (self->watched);

  G_OBJECT_CLASS (accord_board_parent_class)->finalize (object);
}

static void
accord_board_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordBoard *self = ACCORD_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, accord_board_get_store (self));
      break;
    case PROP_MODEL:
      g_value_set_object (value, accord_board_get_model (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordBoard *self = ACCORD_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      accord_board_set_store (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      accord_board_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_board_class_init (AccordBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_board_dispose;
  object_class->finalize = accord_board_finalize;
  object_class->get_property = accord_board_get_property;
  object_class->set_property = accord_board_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ACCORD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordBoard::partner-activated:
   * @partner: the partner whose card was activated (Enter, double click)
   *
   * The window opens the partner's page.
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ACCORD_TYPE_PARTNER);

  /**
   * AccordBoard::move-failed:
   * @message: why a move the person asked for did not happen, as a sentence
   *
   * By default the message shows as a toast in the nearest
   * AdwToastOverlay above the board (or the display beeps when there is
   * none). Return %TRUE from a handler to show it some other way.
   *
   * Returns: %TRUE when the message has been shown
   */
  signals[MOVE_FAILED] =
    g_signal_new_class_handler ("move-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (accord_board_real_move_failed),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /* The card menus' items: move partner (id) to stage. */
  gtk_widget_class_install_action (widget_class, "board.move", "(xi)", move_action);
  /* The focused card to the nearest stage it may enter, right or left.
   * Their keys (Ctrl+Right, Ctrl+Left) are bound in init, see there. */
  gtk_widget_class_install_action (widget_class, "board.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "board.move-previous", NULL,
                                   move_previous_action);

  g_type_ensure (ACCORD_TYPE_BOARD_COLUMN);

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/accord-board.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordBoard, columns_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_move_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   int                    direction)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                      gtk_callback_action_new (move_shortcut_cb, GINT_TO_POINTER (direction),
                                               NULL)));
}

static void
accord_board_init (AccordBoard *self)
{
  GtkEventController *shortcuts;

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    {
      GtkWidget *column = accord_board_column_new (column_stages[i]);

      self->columns[column_stages[i]] = ACCORD_BOARD_COLUMN (column);
      g_signal_connect (column, "partner-activated",
                        G_CALLBACK (column_partner_activated_cb), self);
      g_signal_connect (column, "partner-dropped", G_CALLBACK (column_partner_dropped_cb), self);
      gtk_box_append (self->columns_box, column);
    }

  /* A class binding would run after the list view's own Ctrl+arrow keys
   * (bubble phase), so this controller listens in the capture phase. It
   * passes the keys on when no card has focus. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, 1);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Right, 1);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, -1);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Left, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

GtkWidget *
accord_board_new (void)
{
  return g_object_new (ACCORD_TYPE_BOARD, NULL);
}

AccordStore *
accord_board_get_store (AccordBoard *self)
{
  g_return_val_if_fail (ACCORD_IS_BOARD (self), NULL);
  return self->store;
}

void
accord_board_set_store (AccordBoard *self,
                        AccordStore *store)
{
  g_return_if_fail (ACCORD_IS_BOARD (self));
  g_return_if_fail (store == NULL || ACCORD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GListModel *
accord_board_get_model (AccordBoard *self)
{
  g_return_val_if_fail (ACCORD_IS_BOARD (self), NULL);
  return self->model;
}

void
accord_board_set_model (AccordBoard *self,
                        GListModel  *model)
{
  g_return_if_fail (ACCORD_IS_BOARD (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->model);
      model_items_changed_cb (self->model, 0, self->watched->len, 0, self);
    }

  g_set_object (&self->model, model);

  if (model != NULL)
    {
      self->items_changed_id = g_signal_connect (model, "items-changed",
                                                 G_CALLBACK (model_items_changed_cb), self);
      model_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
    }

  for (guint i = 0; i < ACCORD_N_STAGES; i++)
    if (self->columns[i] != NULL)
      accord_board_column_set_model (self->columns[i], model);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
accord_board_move_partner (AccordBoard   *self,
                           AccordPartner *partner,
                           AccordStage    to,
                           GError       **error)
{
  g_return_val_if_fail (ACCORD_IS_BOARD (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail ((guint) to < ACCORD_N_STAGES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL ||
      accord_store_lookup_partner (self->store, accord_partner_get_id (partner)) != partner)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in this workspace"), accord_partner_get_name (partner));
      return FALSE;
    }

  /* The partner notifies its new stage, and the columns follow. */
  return accord_store_move_partner (self->store, partner, to, NULL, NULL, NULL, error);
}

guint
accord_board_get_column_count (AccordBoard *self,
                               AccordStage  stage)
{
  g_return_val_if_fail (ACCORD_IS_BOARD (self), 0);
  g_return_val_if_fail ((guint) stage < ACCORD_N_STAGES, 0);

  return accord_board_column_get_count (self->columns[stage]);
}

gboolean
accord_board_focus_partner (AccordBoard   *self,
                            AccordPartner *partner)
{
  g_return_val_if_fail (ACCORD_IS_BOARD (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  return accord_board_column_focus_partner (self->columns[accord_partner_get_stage (partner)],
                                            partner);
}

AccordPartner *
accord_board_get_focused_partner (AccordBoard *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *card;

  g_return_val_if_fail (ACCORD_IS_BOARD (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Focus in a card's open menu (another surface) is not on the card. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
      gtk_widget_get_native (focus) != gtk_widget_get_native (GTK_WIDGET (self)))
    return NULL;

  /* The list's row takes focus and holds the card; or focus is inside
   * the card (its menu button). */
  card = gtk_widget_get_first_child (focus);
  if (card == NULL || !ACCORD_IS_BOARD_CARD (card))
    card = gtk_widget_get_ancestor (focus, ACCORD_TYPE_BOARD_CARD);
  if (card == NULL)
    return NULL;
  return accord_board_card_get_partner (ACCORD_BOARD_CARD (card));
}
