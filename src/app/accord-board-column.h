/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "accord-app-types.h"
#include "accord-lifecycle.h"

G_BEGIN_DECLS

/* One column of the board: a header with the stage and its count, and the
 * cards of the partners in that stage. It takes drops of partners and
 * leaves the moving to the board ("partner-dropped"). */

#define ACCORD_TYPE_BOARD_COLUMN (accord_board_column_get_type ())
G_DECLARE_FINAL_TYPE (AccordBoardColumn, accord_board_column, ACCORD, BOARD_COLUMN, GtkWidget)

GtkWidget     *accord_board_column_new            (AccordStage stage);
AccordStage    accord_board_column_get_stage      (AccordBoardColumn *self);
void           accord_board_column_set_model      (AccordBoardColumn *self,
                                                   GListModel        *model);
/* Looks at every partner's stage again (after one changed). */
void           accord_board_column_refilter       (AccordBoardColumn *self);
guint          accord_board_column_get_count      (AccordBoardColumn *self);
gboolean       accord_board_column_focus_partner  (AccordBoardColumn *self,
                                                   AccordPartner     *partner);

G_END_DECLS
