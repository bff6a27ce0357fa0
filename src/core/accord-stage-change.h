/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "accord-lifecycle.h"

G_BEGIN_DECLS

/* One entry of a partner's lifecycle history: the stage it moved to, on
 * which date, with an optional note (and, for a hold, the revisit date). */

#define ACCORD_TYPE_STAGE_CHANGE (accord_stage_change_get_type ())
G_DECLARE_FINAL_TYPE (AccordStageChange, accord_stage_change, ACCORD, STAGE_CHANGE, GObject)

AccordStageChange *accord_stage_change_new (AccordStage  stage,
                                            const char  *date,
                                            const char  *note,
                                            const char  *revisit_on);

AccordStage  accord_stage_change_get_stage      (AccordStageChange *self);
const char  *accord_stage_change_get_date       (AccordStageChange *self);
const char  *accord_stage_change_get_note       (AccordStageChange *self);
const char  *accord_stage_change_get_revisit_on (AccordStageChange *self);

G_END_DECLS
