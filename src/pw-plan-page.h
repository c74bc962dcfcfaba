/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-survivor.h"

G_BEGIN_DECLS

#define PW_TYPE_PLAN_PAGE (pw_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (PwPlanPage, pw_plan_page, PW, PLAN_PAGE, GtkWidget)

/* Her plan: her goals in her words, grouped by stage and domain or in her
 * own order; add, edit, reorder, achieve, search (Ctrl+F). */
void      pw_plan_page_set_session       (PwPlanPage *self,
                                          PwSession  *session);
void      pw_plan_page_set_survivor      (PwPlanPage *self,
                                          PwSurvivor *survivor);
void      pw_plan_page_start_search      (PwPlanPage *self);
/* Scrolls to her goal @item_id, focuses and highlights it. */
gboolean  pw_plan_page_show_item         (PwPlanPage *self,
                                          gint64      item_id);
void      pw_plan_page_add_item          (PwPlanPage *self,
                                          const char *step_id);
/* For tests: the rows shown, in order (PwPlanItemRow). */
GPtrArray *pw_plan_page_get_rows         (PwPlanPage *self);

G_END_DECLS
