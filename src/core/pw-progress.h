/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pw-assessment.h"

G_BEGIN_DECLS

/* Check-in scores gathered per area of life over time, for the progress
 * chart and "distance travelled". Not a class: pure functions. */

typedef enum
{
  PW_PROGRESS_HERS,   /* her own scores */
  PW_PROGRESS_WORKER, /* the worker's scores */
} PwProgressRater;

typedef struct
{
  int    day;        /* Julian day */
  char   date[11];   /* "YYYY-MM-DD" */
  double value;      /* the mean of the scores given that day, 1–5 */
  guint  n_scores;
} PwProgressPoint;

typedef struct
{
  char   *domain_id;
  GArray *points;    /* PwProgressPoint, oldest first */
} PwProgressSeries;

void       pw_progress_series_free     (PwProgressSeries         *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwProgressSeries, pw_progress_series_free)

/* @checkins: PwAssessment of kind check-in, in any order. @domain_of maps
 * an indicator id to its domain id (scores of unknown indicators are left
 * out). @domain_order: domain ids in the order to return them (others
 * follow in order of first use), or NULL. Returns a GPtrArray of
 * PwProgressSeries, one per domain with at least one score. */
GPtrArray *pw_progress_build_series    (GPtrArray                *checkins,
                                        GHashTable               *domain_of,
                                        const char * const       *domain_order,
                                        PwProgressRater           rater);
/* The latest value minus the first one; FALSE with fewer than two points. */
gboolean   pw_progress_series_distance (const PwProgressSeries   *series,
                                        double                   *change);

G_END_DECLS
