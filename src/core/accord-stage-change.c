/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-stage-change.h"

/* Immutable once made: history is never edited, only appended to. */
struct _AccordStageChange
{
  GObject parent_instance;

  AccordStage stage;
  char *date;
  char *note;
  char *revisit_on;
};

G_DEFINE_FINAL_TYPE (AccordStageChange, accord_stage_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_DATE,
  PROP_NOTE,
  PROP_REVISIT_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accord_stage_change_finalize (GObject *object)
{
  AccordStageChange *self = ACCORD_STAGE_CHANGE (object);

  g_free (self->date);
  g_free (self->note);
  g_free (self->revisit_on);

  G_OBJECT_CLASS (accord_stage_change_parent_class)->finalize (object);
}

static void
accord_stage_change_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordStageChange *self = ACCORD_STAGE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, accord_stage_change_get_stage (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, accord_stage_change_get_date (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, accord_stage_change_get_note (self));
      break;
    case PROP_REVISIT_ON:
      g_value_set_string (value, accord_stage_change_get_revisit_on (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_stage_change_class_init (AccordStageChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_stage_change_finalize;
  object_class->get_property = accord_stage_change_get_property;

  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, ACCORD_N_STAGES - 1, 0, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_REVISIT_ON] = g_param_spec_string ("revisit-on", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_stage_change_init (AccordStageChange *self)
{
}

AccordStageChange *
accord_stage_change_new (AccordStage  stage,
                         const char  *date,
                         const char  *note,
                         const char  *revisit_on)
{
  AccordStageChange *self;

  g_return_val_if_fail ((guint) stage < ACCORD_N_STAGES, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (ACCORD_TYPE_STAGE_CHANGE, NULL);
  self->stage = stage;
  self->date = g_strdup (date);
  self->note = g_strdup (note ? note : "");
  self->revisit_on = g_strdup (revisit_on);
  return self;
}

AccordStage
accord_stage_change_get_stage (AccordStageChange *self)
{
  g_return_val_if_fail (ACCORD_IS_STAGE_CHANGE (self), ACCORD_STAGE_IDENTIFIED);
  return self->stage;
}

const char *
accord_stage_change_get_date (AccordStageChange *self)
{
  g_return_val_if_fail (ACCORD_IS_STAGE_CHANGE (self), NULL);
  return self->date;
}

const char *
accord_stage_change_get_note (AccordStageChange *self)
{
  g_return_val_if_fail (ACCORD_IS_STAGE_CHANGE (self), NULL);
  return self->note;
}

const char *
accord_stage_change_get_revisit_on (AccordStageChange *self)
{
  g_return_val_if_fail (ACCORD_IS_STAGE_CHANGE (self), NULL);
  return self->revisit_on;
}
