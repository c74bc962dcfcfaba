/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_MILESTONE (pw_milestone_get_type ())

G_DECLARE_FINAL_TYPE (PwMilestone, pw_milestone, PW, MILESTONE, GObject)

PwMilestone  *pw_milestone_new              (void);
PwMilestone  *pw_milestone_copy             (const PwMilestone *self);
gint64        pw_milestone_get_id           (const PwMilestone *self);
void          pw_milestone_set_id           (PwMilestone *self,
                                             gint64       value);
gint64        pw_milestone_get_survivor_id  (const PwMilestone *self);
void          pw_milestone_set_survivor_id  (PwMilestone *self,
                                             gint64       value);
const char   *pw_milestone_get_date         (const PwMilestone *self);
void          pw_milestone_set_date         (PwMilestone *self,
                                             const char  *value);
const char   *pw_milestone_get_title        (const PwMilestone *self);
void          pw_milestone_set_title        (PwMilestone *self,
                                             const char  *value);
const char   *pw_milestone_get_stage_id     (const PwMilestone *self);
void          pw_milestone_set_stage_id     (PwMilestone *self,
                                             const char  *value);
const char   *pw_milestone_get_domain       (const PwMilestone *self);
void          pw_milestone_set_domain       (PwMilestone *self,
                                             const char  *value);
gint64        pw_milestone_get_plan_item_id (const PwMilestone *self);
void          pw_milestone_set_plan_item_id (PwMilestone *self,
                                             gint64       value);
gint64        pw_milestone_get_created_at   (const PwMilestone *self);
void          pw_milestone_set_created_at   (PwMilestone *self,
                                             gint64       value);

G_END_DECLS
