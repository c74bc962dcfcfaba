/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_PLAN_ITEM (pw_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (PwPlanItem, pw_plan_item, PW, PLAN_ITEM, GObject)

PwPlanItem      *pw_plan_item_new               (void);
PwPlanItem      *pw_plan_item_copy              (const PwPlanItem *self);
gint64           pw_plan_item_get_id            (const PwPlanItem *self);
void             pw_plan_item_set_id            (PwPlanItem *self,
                                                 gint64      value);
gint64           pw_plan_item_get_survivor_id   (const PwPlanItem *self);
void             pw_plan_item_set_survivor_id   (PwPlanItem *self,
                                                 gint64      value);
const char      *pw_plan_item_get_step_id       (const PwPlanItem *self);
void             pw_plan_item_set_step_id       (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_stage_id      (const PwPlanItem *self);
void             pw_plan_item_set_stage_id      (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_domain        (const PwPlanItem *self);
void             pw_plan_item_set_domain        (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_title         (const PwPlanItem *self);
void             pw_plan_item_set_title         (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_her_words     (const PwPlanItem *self);
void             pw_plan_item_set_her_words     (PwPlanItem *self,
                                                 const char *value);
int              pw_plan_item_get_priority      (const PwPlanItem *self);
void             pw_plan_item_set_priority      (PwPlanItem *self,
                                                 int         value);
const char      *pw_plan_item_get_responsible   (const PwPlanItem *self);
void             pw_plan_item_set_responsible   (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_due_date      (const PwPlanItem *self);
void             pw_plan_item_set_due_date      (PwPlanItem *self,
                                                 const char *value);
PwPlanItemStatus pw_plan_item_get_status        (const PwPlanItem *self);
void             pw_plan_item_set_status        (PwPlanItem       *self,
                                                 PwPlanItemStatus  value);
const char      *pw_plan_item_get_achieved_date (const PwPlanItem *self);
void             pw_plan_item_set_achieved_date (PwPlanItem *self,
                                                 const char *value);
const char      *pw_plan_item_get_notes         (const PwPlanItem *self);
void             pw_plan_item_set_notes         (PwPlanItem *self,
                                                 const char *value);
gint64           pw_plan_item_get_created_at    (const PwPlanItem *self);
void             pw_plan_item_set_created_at    (PwPlanItem *self,
                                                 gint64      value);
gint64           pw_plan_item_get_updated_at    (const PwPlanItem *self);
void             pw_plan_item_set_updated_at    (PwPlanItem *self,
                                                 gint64      value);

G_END_DECLS
