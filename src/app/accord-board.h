/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-lifecycle.h"

G_BEGIN_DECLS

/* The pipeline board: one column per stage, cards that move between them
 * by dragging, from the keyboard (Ctrl+Left, Ctrl+Right) or from each
 * card's menu. Every move is recorded through accord_store_move_partner(). */

#define ACCORD_TYPE_BOARD (accord_board_get_type ())
G_DECLARE_FINAL_TYPE (AccordBoard, accord_board, ACCORD, BOARD, GtkWidget)

/* The stage shown in column @column (0 .. ACCORD_N_STAGES - 1): the
 * pipeline in order, then On hold and Ended. */
AccordStage    accord_board_get_column_stage (guint column);

GtkWidget     *accord_board_new              (void);

AccordStore   *accord_board_get_store        (AccordBoard *self);
void           accord_board_set_store        (AccordBoard *self,
                                              AccordStore *store);
/* The partners to show (AccordPartner), already filtered and sorted: each
 * column shows those in its stage, in this order. */
GListModel    *accord_board_get_model        (AccordBoard *self);
void           accord_board_set_model        (AccordBoard *self,
                                              GListModel  *model);

/* Moves @partner to @to today and records it. On FALSE, @error says why
 * (a refused move, a failed write) and nothing changed. */
gboolean       accord_board_move_partner     (AccordBoard   *self,
                                              AccordPartner *partner,
                                              AccordStage    to,
                                              GError       **error);

/* How many cards the column for @stage shows. */
guint          accord_board_get_column_count (AccordBoard *self,
                                              AccordStage  stage);

/* Gives keyboard focus to @partner's card (scrolling to it). Returns FALSE
 * when the card is not shown. */
gboolean       accord_board_focus_partner    (AccordBoard   *self,
                                              AccordPartner *partner);
/* The partner whose card has keyboard focus, or NULL. */
AccordPartner *accord_board_get_focused_partner (AccordBoard *self);

G_END_DECLS
