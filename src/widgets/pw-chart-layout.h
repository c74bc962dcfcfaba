/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geometry of the progress chart, in logical pixels. Pure arithmetic, so
 * tests check it without a display. Time runs along x by calendar day
 * (mirrored in right-to-left locales); scores 1–5 run up the y axis. */

#define PW_CHART_MIN_SCORE 1.0
#define PW_CHART_MAX_SCORE 5.0

typedef struct
{
  double   x, y, width, height; /* the plot area */
  int      first_day, last_day; /* Julian days at its two ends */
  gboolean rtl;
} PwChartFrame;

/* The plot area inside a @width × @height widget, leaving @start (the
 * axis labels' side), @end, @top and @bottom free. A single day is drawn
 * in the middle. */
void     pw_chart_frame_init  (PwChartFrame *frame,
                               double        width,
                               double        height,
                               double        start,
                               double        end,
                               double        top,
                               double        bottom,
                               int           first_day,
                               int           last_day,
                               gboolean      rtl);
double   pw_chart_frame_x     (const PwChartFrame *frame,
                               int                 day);
/* Scores outside 1–5 are clamped onto the frame. */
double   pw_chart_frame_y     (const PwChartFrame *frame,
                               double              score);

/* Of @n labels centred at @xs (in any order on screen) with @widths,
 * which to show so that no two are closer than @gap: the first and the
 * last always (the last wins over the first if they clash), then each of
 * the others that fits, from first to last. */
void     pw_chart_fit_labels  (const double *xs,
                               const double *widths,
                               guint         n,
                               double        gap,
                               gboolean     *show);

/* Places @n items of @widths in rows no wider than @max_width, @gap
 * apart: @xs their start offsets within the row, @rows their row.
 * Returns the number of rows (an item wider than a row gets its own). */
guint    pw_chart_flow        (const double *widths,
                               guint         n,
                               double        max_width,
                               double        gap,
                               double       *xs,
                               guint        *rows);

G_END_DECLS
