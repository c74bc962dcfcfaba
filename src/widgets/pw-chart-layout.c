/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-chart-layout"

#include "config.h"

#include <math.h>

#include "pw-chart-layout.h"

void
pw_chart_frame_init (PwChartFrame *frame,
                     double        width,
                     double        height,
                     double        start,
                     double        end,
                     double        top,
                     double        bottom,
                     int           first_day,
                     int           last_day,
                     gboolean      rtl)
{
  g_return_if_fail (frame != NULL);

  frame->width = MAX (0.0, width - start - end);
  frame->height = MAX (0.0, height - top - bottom);
  frame->x = rtl ? end : start;
  frame->y = top;
  frame->first_day = MIN (first_day, last_day);
  frame->last_day = MAX (first_day, last_day);
  frame->rtl = rtl;
}

double
pw_chart_frame_x (const PwChartFrame *frame,
                  int                 day)
{
  double t;

  g_return_val_if_fail (frame != NULL, 0.0);

  if (frame->last_day == frame->first_day)
    t = 0.5;
  else
    t = (double) (CLAMP (day, frame->first_day, frame->last_day) - frame->first_day) /
        (double) (frame->last_day - frame->first_day);
  if (frame->rtl)
    t = 1.0 - t;
  return frame->x + t * frame->width;
}

double
pw_chart_frame_y (const PwChartFrame *frame,
                  double              score)
{
  double t;

  g_return_val_if_fail (frame != NULL, 0.0);

  score = CLAMP (score, PW_CHART_MIN_SCORE, PW_CHART_MAX_SCORE);
  t = (score - PW_CHART_MIN_SCORE) / (PW_CHART_MAX_SCORE - PW_CHART_MIN_SCORE);
  return frame->y + (1.0 - t) * frame->height;
}

static gboolean
clashes (double x1,
         double w1,
         double x2,
         double w2,
         double gap)
{
  return fabs (x1 - x2) < (w1 + w2) / 2.0 + gap;
}

void
pw_chart_fit_labels (const double *xs,
                     const double *widths,
                     guint         n,
                     double        gap,
                     gboolean     *show)
{
  g_return_if_fail (n == 0 || (xs != NULL && widths != NULL && show != NULL));

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    show[i] = FALSE;

  /* The latest check-in is the one that matters most. */
  show[n - 1] = TRUE;
  if (n > 1 && !clashes (xs[0], widths[0], xs[n - 1], widths[n - 1], gap))
    show[0] = TRUE;

  for (guint i = 1; i + 1 < n; i++)
    {
      gboolean fits = TRUE;

      for (guint j = 0; j < n && fits; j++)
        if (show[j] && clashes (xs[i], widths[i], xs[j], widths[j], gap))
          fits = FALSE;
      show[i] = fits;
    }
}

guint
pw_chart_flow (const double *widths,
               guint         n,
               double        max_width,
               double        gap,
               double       *xs,
               guint        *rows)
{
  double x = 0.0;
  guint row = 0;

  g_return_val_if_fail (n == 0 || (widths != NULL && xs != NULL && rows != NULL), 0);

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      if (x > 0.0 && x + widths[i] > max_width)
        {
          row++;
          x = 0.0;
        }
      xs[i] = x;
      rows[i] = row;
      x += widths[i] + gap;
    }
  return row + 1;
}
