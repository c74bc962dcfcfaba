/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-step.h"

G_BEGIN_DECLS

#define PW_TYPE_STAGE (pw_stage_get_type ())
G_DECLARE_FINAL_TYPE (PwStage, pw_stage, PW, STAGE, GObject)

const char *pw_stage_get_id             (PwStage    *self);
guint       pw_stage_get_index          (PwStage    *self);
const char *pw_stage_get_name           (PwStage    *self,
                                         const char *lang);
const char *pw_stage_get_summary        (PwStage    *self,
                                         const char *lang);
const char *pw_stage_get_survivor_role  (PwStage    *self,
                                         const char *lang);
const char *pw_stage_get_community_role (PwStage    *self,
                                         const char *lang);
GListModel *pw_stage_get_steps          (PwStage    *self);

G_END_DECLS
