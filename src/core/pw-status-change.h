/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_STATUS_CHANGE (pw_status_change_get_type ())

G_DECLARE_FINAL_TYPE (PwStatusChange, pw_status_change, PW, STATUS_CHANGE, GObject)

PwStatusChange  *pw_status_change_new              (void);
PwStatusChange  *pw_status_change_copy             (const PwStatusChange *self);
gint64           pw_status_change_get_id           (const PwStatusChange *self);
void             pw_status_change_set_id           (PwStatusChange *self,
                                                    gint64          value);
gint64           pw_status_change_get_plan_item_id (const PwStatusChange *self);
void             pw_status_change_set_plan_item_id (PwStatusChange *self,
                                                    gint64          value);
PwPlanItemStatus pw_status_change_get_status       (const PwStatusChange *self);
void             pw_status_change_set_status       (PwStatusChange   *self,
                                                    PwPlanItemStatus  value);
const char      *pw_status_change_get_changed_on   (const PwStatusChange *self);
void             pw_status_change_set_changed_on   (PwStatusChange *self,
                                                    const char     *value);
gint64           pw_status_change_get_created_at   (const PwStatusChange *self);
void             pw_status_change_set_created_at   (PwStatusChange *self,
                                                    gint64          value);

G_END_DECLS
