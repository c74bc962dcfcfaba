/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-catalog.h"
#include "pw-store.h"
#include "pw-template-registry.h"

G_BEGIN_DECLS

/* What she herself is shown or given — on the survivor view and on paper —
 * read once from the store: her goals in her order and words, her next
 * dated steps, what she has achieved, where she stands on the pathway, all
 * in her preferred language. Nothing else about her (no risk, notes,
 * consents, alias or key worker) is read into it, so nothing else can
 * leak out of what is built on it. */

typedef struct
{
  char     *date;          /* "YYYY-MM-DD", or NULL */
  char     *text;          /* as written (her words, or a milestone's title) */
  char     *stage_id;      /* or NULL */
  gboolean  is_milestone;
} PwAchievement;

#define PW_TYPE_HER_PLAN (pw_her_plan_get_type ())
G_DECLARE_FINAL_TYPE (PwHerPlan, pw_her_plan, PW, HER_PLAN, GObject)

/* @language NULL: her preferred language (or, if she has none, the
 * interface language). */
PwHerPlan     *pw_her_plan_new                 (PwStore            *store,
                                                PwTemplateRegistry *templates,
                                                gint64              survivor_id,
                                                const char         *language,
                                                GError            **error);

gint64         pw_her_plan_get_survivor_id     (PwHerPlan   *self);
const char    *pw_her_plan_get_case_code       (PwHerPlan   *self);
/* The language pathway texts are shown in (never NULL). */
const char    *pw_her_plan_get_language        (PwHerPlan   *self);
/* Her interface strings; NULL when she shares the interface language. */
PwCatalog     *pw_her_plan_get_catalog         (PwHerPlan   *self);
PwTemplate    *pw_her_plan_get_template        (PwHerPlan   *self);

PwStageStatus  pw_her_plan_get_stage_status    (PwHerPlan   *self,
                                                const char  *stage_id);
/* The stage marked current (the latest one if several are), or NULL. */
const char    *pw_her_plan_get_current_stage   (PwHerPlan   *self);

/* PwPlanItem in her priority order: what she still works on (not
 * achieved, not dropped). */
GPtrArray     *pw_her_plan_get_goals           (PwHerPlan   *self);
/* PwPlanItem with a due date, still to do and not paused, soonest first. */
GPtrArray     *pw_her_plan_get_next_steps      (PwHerPlan   *self);
/* PwAchievement: achieved goals and milestones, newest first. */
GPtrArray     *pw_her_plan_get_achievements    (PwHerPlan   *self);

/* Her words for the goal, else the pathway step's title in her language,
 * else the worker's title. */
const char    *pw_her_plan_goal_text           (PwHerPlan   *self,
                                                PwPlanItem  *item);
/* The pathway step's title in her language, or NULL. */
const char    *pw_her_plan_step_title          (PwHerPlan   *self,
                                                PwPlanItem  *item);
/* A status as she is told it, in her language. */
const char    *pw_her_plan_status_label        (PwHerPlan   *self,
                                                PwPlanItemStatus status);
/* A date in her language's style, or NULL. */
char          *pw_her_plan_format_date         (PwHerPlan   *self,
                                                const char  *date);

G_END_DECLS
