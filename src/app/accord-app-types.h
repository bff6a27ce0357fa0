/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "accord-types.h"

G_BEGIN_DECLS

typedef struct _AccordApplication  AccordApplication;
typedef struct _AccordWindow       AccordWindow;
typedef struct _AccordPartnerPage  AccordPartnerPage;
typedef struct _AccordPartnerRow   AccordPartnerRow;
typedef struct _AccordContactRow   AccordContactRow;
typedef struct _AccordBoard        AccordBoard;
typedef struct _AccordBoardColumn  AccordBoardColumn;
typedef struct _AccordBoardCard    AccordBoardCard;

G_END_DECLS
