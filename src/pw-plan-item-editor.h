/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-survivor.h"

G_BEGIN_DECLS

#define PW_TYPE_PLAN_ITEM_EDITOR (pw_plan_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (PwPlanItemEditor, pw_plan_item_editor, PW, PLAN_ITEM_EDITOR, AdwWindow)

/* Adds a goal to her plan (@item NULL, optionally on step @step_id) or
 * edits @item. Emits ::saved (gint64 item id) after a successful save,
 * then closes; closes itself when the vault locks. */
PwPlanItemEditor *pw_plan_item_editor_new (GtkWindow  *parent,
                                           PwSession  *session,
                                           PwSurvivor *survivor,
                                           PwPlanItem *item,
                                           const char *step_id);
/* For tests: what the form would save. */
gboolean          pw_plan_item_editor_save (PwPlanItemEditor *self);

G_END_DECLS
