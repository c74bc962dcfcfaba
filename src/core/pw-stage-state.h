/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_STAGE_STATE (pw_stage_state_get_type ())

G_DECLARE_FINAL_TYPE (PwStageState, pw_stage_state, PW, STAGE_STATE, GObject)

PwStageState  *pw_stage_state_new             (void);
PwStageState  *pw_stage_state_copy            (const PwStageState *self);
gint64         pw_stage_state_get_id          (const PwStageState *self);
void           pw_stage_state_set_id          (PwStageState *self,
                                               gint64        value);
gint64         pw_stage_state_get_survivor_id (const PwStageState *self);
void           pw_stage_state_set_survivor_id (PwStageState *self,
                                               gint64        value);
const char    *pw_stage_state_get_stage_id    (const PwStageState *self);
void           pw_stage_state_set_stage_id    (PwStageState *self,
                                               const char   *value);
PwStageStatus  pw_stage_state_get_status      (const PwStageState *self);
void           pw_stage_state_set_status      (PwStageState  *self,
                                               PwStageStatus  value);
const char    *pw_stage_state_get_since       (const PwStageState *self);
void           pw_stage_state_set_since       (PwStageState *self,
                                               const char   *value);
gint64         pw_stage_state_get_created_at  (const PwStageState *self);
void           pw_stage_state_set_created_at  (PwStageState *self,
                                               gint64        value);

G_END_DECLS
