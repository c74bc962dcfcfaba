/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-plan-item.h"
#include "pw-template.h"

G_BEGIN_DECLS

#define PW_TYPE_PLAN_ITEM_ROW (pw_plan_item_row_get_type ())

G_DECLARE_FINAL_TYPE (PwPlanItemRow, pw_plan_item_row, PW, PLAN_ITEM_ROW, GtkListBoxRow)

/* One goal of her plan: her words first, then its status, step, who helps
 * and when it is due. ::achieve asks to mark it achieved, ::move (int) to
 * move it in her order, ::dropped-on (gint64 id) says another goal was
 * dragged onto it. */
PwPlanItemRow *pw_plan_item_row_new            (PwPlanItem    *item,
                                                PwTemplate    *template);
PwPlanItem    *pw_plan_item_row_get_item       (PwPlanItemRow *self);
void           pw_plan_item_row_set_reorderable (PwPlanItemRow *self,
                                                 gboolean       reorderable);
/* The tooltip for @part of the row (a widget under the pointer or
 * focused) and in @area the widget it is about; NULL: none. */
const char    *pw_plan_item_row_get_tooltip    (PwPlanItemRow  *self,
                                                GtkWidget      *part,
                                                GtkWidget     **area);
/* Whether @query (folded words) matches anything the row shows. */
gboolean       pw_plan_item_row_matches        (PwPlanItemRow *self,
                                                const char    *query);
void           pw_plan_item_row_highlight      (PwPlanItemRow *self);

G_END_DECLS
