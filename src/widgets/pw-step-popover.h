/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pw-catalog.h"
#include "pw-template.h"

G_BEGIN_DECLS

#define PW_TYPE_STEP_POPOVER (pw_step_popover_get_type ())
G_DECLARE_FINAL_TYPE (PwStepPopover, pw_step_popover, PW, STEP_POPOVER, GtkPopover)

/* What a pathway step means, and her plan items on it. Each item row
 * activates `win.show-plan-item` (int64 id); "Add to Plan" emits
 * ::add-to-plan for the owner to store. */
GtkWidget  *pw_step_popover_new            (void);
void        pw_step_popover_set_step       (PwStepPopover *self,
                                            PwTemplate    *template,
                                            PwStep        *step,
                                            const char    *language);
PwStep     *pw_step_popover_get_step       (PwStepPopover *self);
/* @items: PwPlanItem linked to the step; %NULL for the bare pathway (no
 * survivor: no plan section). */
void        pw_step_popover_set_plan_items (PwStepPopover *self,
                                            GPtrArray     *items);
guint       pw_step_popover_get_n_plan_items (PwStepPopover *self);
/* @milestones: PwMilestone celebrated on this step; NULL or empty hides them. */
void        pw_step_popover_set_milestones (PwStepPopover *self,
                                            GPtrArray     *milestones);
/* Her own view: headings and texts from @catalog (NULL: the interface's
 * own gettext), worded for her, nothing to add or open. Set it before the
 * plan items and milestones. */
void        pw_step_popover_set_voice      (PwStepPopover *self,
                                            PwCatalog     *catalog,
                                            gboolean       survivor_facing);

G_END_DECLS
