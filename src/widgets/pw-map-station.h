/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pw-catalog.h"
#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_N_PLAN_ITEM_STATUSES (PW_PLAN_ITEM_STATUS_DROPPED + 1)

/* What a step shows of her plan. */
typedef struct
{
  guint counts[PW_N_PLAN_ITEM_STATUSES];
  guint n_overdue;
  guint n_milestones;
} PwStationPlan;

#define PW_TYPE_MAP_STATION (pw_map_station_get_type ())
G_DECLARE_FINAL_TYPE (PwMapStation, pw_map_station, PW, MAP_STATION, GtkWidget)

/* A step of the pathway on the map: a card that can take the focus, opens
 * the step's popover when activated, and tells a screen reader what it is
 * and what she has on it. */
GtkWidget        *pw_map_station_new               (void);
void              pw_map_station_set_step          (PwMapStation        *self,
                                                    const char          *title,
                                                    const char          *domain_id,
                                                    const char          *domain_name,
                                                    const char          *domain_icon,
                                                    const char          *stage_description);
/* @plan NULL: the bare pathway, no survivor. */
void              pw_map_station_set_plan          (PwMapStation        *self,
                                                    const PwStationPlan *plan);
/* Her own view (PwPathwayMap:survivor-facing): interface texts from
 * @catalog (NULL: the interface's own gettext), worded for her, and no
 * overdue marks. */
void              pw_map_station_set_voice         (PwMapStation        *self,
                                                    PwCatalog           *catalog,
                                                    gboolean             survivor_facing);
const char       *pw_map_station_get_title         (PwMapStation        *self);
/* The sentence a screen reader speaks (also the tooltip's first line). */
const char       *pw_map_station_get_label         (PwMapStation        *self);

/* Shared with the popover and the legend: a status told by shape and icon,
 * not only by colour. */
GtkWidget        *pw_status_glyph_new              (int                  status,
                                                    gboolean             small);
const char       *pw_plan_item_status_to_string    (PwPlanItemStatus     status);
/* The same in @catalog's language (NULL: the interface's). */
const char       *pw_plan_item_status_to_string_in (PwCatalog           *catalog,
                                                    PwPlanItemStatus     status);
/* The status a step shows when she has several items on it; -1 for none. */
int               pw_station_plan_primary_status   (const PwStationPlan *plan);
guint             pw_station_plan_total            (const PwStationPlan *plan);

/* "2026-03-05" as "5 March 2026" (@with_day) or "March 2026", in the
 * interface language; %NULL if @date is not a date. */
char             *pw_map_format_date               (const char          *date,
                                                    gboolean             with_day);
char             *pw_map_format_date_in            (PwCatalog           *catalog,
                                                    const char          *date,
                                                    gboolean             with_day);

/* Not a plan item status: a step that is not (yet) in her plan. */
#define PW_STATUS_GLYPH_NONE (-1)

G_END_DECLS
