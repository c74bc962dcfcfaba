/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pw-session.h"
#include "pw-template.h"

G_BEGIN_DECLS

#define PW_TYPE_PATHWAY_MAP (pw_pathway_map_get_type ())
G_DECLARE_FINAL_TYPE (PwPathwayMap, pw_pathway_map, PW, PATHWAY_MAP, GtkWidget)

/* The interactive map of the pathway. It implements GtkScrollable: put it
 * straight into a GtkScrolledWindow (no viewport). Without a survivor it
 * shows the bare pathway with each stage's summary.
 *
 * Properties: "template" (PwTemplate), "survivor-id" (gint64, 0 = none),
 * "language" (content language; NULL = interface language), "zoom",
 * "show-risk" (FALSE for the survivor's own view: no risk review alert),
 * "survivor-facing" (her own view: interface texts in "language" too,
 * worded for her, no overdue marks, and nothing to change — no stage
 * status menu, no "Add to Plan", no link into the Plan page).
 *
 * Survivor data is read from the session's store and followed live; it is
 * dropped, and survivor-id reset to 0, as soon as the session locks.
 * ::error (const char *message) reports a write the store refused, in
 * words for the user (e.g. for a toast). */
GtkWidget  *pw_pathway_map_new              (PwSession    *session);

PwSession  *pw_pathway_map_get_session      (PwPathwayMap *self);
PwTemplate *pw_pathway_map_get_template     (PwPathwayMap *self);
void        pw_pathway_map_set_template     (PwPathwayMap *self,
                                             PwTemplate   *template);
gint64      pw_pathway_map_get_survivor_id  (PwPathwayMap *self);
void        pw_pathway_map_set_survivor_id  (PwPathwayMap *self,
                                             gint64        survivor_id);
const char *pw_pathway_map_get_language     (PwPathwayMap *self);
void        pw_pathway_map_set_language     (PwPathwayMap *self,
                                             const char   *language);
double      pw_pathway_map_get_zoom         (PwPathwayMap *self);
void        pw_pathway_map_set_zoom         (PwPathwayMap *self,
                                             double        zoom);
gboolean    pw_pathway_map_get_show_risk    (PwPathwayMap *self);
void        pw_pathway_map_set_show_risk    (PwPathwayMap *self,
                                             gboolean      show_risk);
gboolean    pw_pathway_map_get_survivor_facing (PwPathwayMap *self);
void        pw_pathway_map_set_survivor_facing (PwPathwayMap *self,
                                                gboolean      survivor_facing);

/* Moves the focus to a step (scrolling it into view); FALSE if the
 * template has no such step. */
gboolean    pw_pathway_map_focus_step       (PwPathwayMap *self,
                                             const char   *step_id);
/* Opens the step's popover. */
gboolean    pw_pathway_map_open_step        (PwPathwayMap *self,
                                             const char   *step_id);

/* For tests and the benchmark: the step cards in template order. */
guint       pw_pathway_map_get_n_stations   (PwPathwayMap *self);
GtkWidget  *pw_pathway_map_get_station      (PwPathwayMap *self,
                                             guint         index);
GtkWidget  *pw_pathway_map_get_popover      (PwPathwayMap *self);
/* The stage header's status menu button, NULL without a survivor. */
GtkWidget  *pw_pathway_map_get_stage_menu_button (PwPathwayMap *self,
                                                  const char   *stage_id);

G_END_DECLS
