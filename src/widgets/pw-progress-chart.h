/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pw-progress.h"

G_BEGIN_DECLS

#define PW_TYPE_PROGRESS_CHART (pw_progress_chart_get_type ())

G_DECLARE_FINAL_TYPE (PwProgressChart, pw_progress_chart, PW, PROGRESS_CHART, GtkWidget)

/* Check-in scores over time, one line per area of life, with a legend.
 * Colours come from the theme's named colours, and each line has its own
 * marker shape, so it reads in dark mode and without colour. Its
 * accessible description says what it shows in words. */
GtkWidget  *pw_progress_chart_new         (void);
/* @series: GPtrArray of PwProgressSeries (kept, not copied); @labels: the
 * name of each series' area of life, in the same order. NULL clears. */
void        pw_progress_chart_set_series  (PwProgressChart    *self,
                                           GPtrArray          *series,
                                           const char * const *labels);
guint       pw_progress_chart_get_n_series (PwProgressChart   *self);
/* The chart in words: a sentence per area, its scores and dates. */
const char *pw_progress_chart_get_summary (PwProgressChart    *self);

G_END_DECLS
