/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"

G_BEGIN_DECLS

/* A partner on the board: name, partnership type and fit band, a menu of
 * the stages it may move to, and a drag source carrying the partner. */

#define ACCORD_TYPE_BOARD_CARD (accord_board_card_get_type ())
G_DECLARE_FINAL_TYPE (AccordBoardCard, accord_board_card, ACCORD, BOARD_CARD, GtkWidget)

GtkWidget     *accord_board_card_new         (void);
AccordPartner *accord_board_card_get_partner (AccordBoardCard *self);
void           accord_board_card_set_partner (AccordBoardCard *self,
                                              AccordPartner   *partner);

G_END_DECLS
