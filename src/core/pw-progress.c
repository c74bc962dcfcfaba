/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-progress"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pw-progress.h"

void
pw_progress_series_free (PwProgressSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->domain_id);
  g_clear_pointer (&series->points, g_array_unref);
  g_free (series);
}

static int
julian_day (const char *date)
{
  unsigned y, m, d;
  char tail;
  GDate gdate;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, d, m, y);
  return (int) g_date_get_julian (&gdate);
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  PwAssessment *x = *(PwAssessment **) a;
  PwAssessment *y = *(PwAssessment **) b;
  int c = g_strcmp0 (pw_assessment_get_date (x), pw_assessment_get_date (y));

  if (c != 0)
    return c;
  return pw_assessment_get_id (x) < pw_assessment_get_id (y) ? -1
         : pw_assessment_get_id (x) > pw_assessment_get_id (y);
}

static PwProgressSeries *
series_for (GPtrArray  *list,
            GHashTable *by_domain,
            const char *domain_id)
{
  PwProgressSeries *series = g_hash_table_lookup (by_domain, domain_id);

  if (series == NULL)
    {
      series = g_new0 (PwProgressSeries, 1);
      series->domain_id = g_strdup (domain_id);
      series->points = g_array_new (FALSE, TRUE, sizeof (PwProgressPoint));
      g_hash_table_insert (by_domain, series->domain_id, series);
      g_ptr_array_add (list, series);
    }
  return series;
}

GPtrArray *
pw_progress_build_series (GPtrArray          *checkins,
                          GHashTable         *domain_of,
                          const char * const *domain_order,
                          PwProgressRater     rater)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) by_domain = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_progress_series_free);

  g_return_val_if_fail (checkins != NULL, result);
  g_return_val_if_fail (domain_of != NULL, result);

  /* Not g_ptr_array_copy(): it would take the caller's free function. */
  sorted = g_ptr_array_sized_new (checkins->len);
  for (guint i = 0; i < checkins->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (checkins, i));
  g_ptr_array_sort (sorted, compare_by_date);

  for (guint i = 0; i < sorted->len; i++)
    {
      PwAssessment *checkin = g_ptr_array_index (sorted, i);
      GPtrArray *scores = pw_assessment_get_scores (checkin);
      g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      int day = julian_day (pw_assessment_get_date (checkin));

      if (day == 0)
        continue;

      /* [0] the sum, [1] how many scores, per domain, for this check-in. */
      for (guint s = 0; s < scores->len; s++)
        {
          PwCheckinScore *score = g_ptr_array_index (scores, s);
          const char *domain = g_hash_table_lookup (domain_of, score->indicator_id);
          int value = rater == PW_PROGRESS_HERS ? score->her_score : score->worker_score;
          double *acc;

          if (domain == NULL || value < 1 || value > 5)
            continue;
          acc = g_hash_table_lookup (sums, domain);
          if (acc == NULL)
            {
              acc = g_new0 (double, 2);
              g_hash_table_insert (sums, (gpointer) domain, acc);
              g_ptr_array_add (order, (gpointer) domain);
            }
          acc[0] += value;
          acc[1] += 1;
        }

      for (guint d = 0; d < order->len; d++)
        {
          const char *domain = g_ptr_array_index (order, d);
          double *acc = g_hash_table_lookup (sums, domain);
          PwProgressSeries *series = series_for (found, by_domain, domain);
          PwProgressPoint point = { 0, };

          point.day = day;
          g_strlcpy (point.date, pw_assessment_get_date (checkin), sizeof point.date);
          point.value = acc[0] / acc[1];
          point.n_scores = (guint) acc[1];
          g_array_append_val (series->points, point);
        }
    }

  /* The requested order first, then the rest as found. */
  for (guint i = 0; domain_order != NULL && domain_order[i] != NULL; i++)
    {
      PwProgressSeries *series = g_hash_table_lookup (by_domain, domain_order[i]);

      if (series != NULL && g_ptr_array_remove (found, series))
        g_ptr_array_add (result, series);
    }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (result, g_ptr_array_index (found, i));

  return result;
}

gboolean
pw_progress_series_distance (const PwProgressSeries *series,
                             double                 *change)
{
  const PwProgressPoint *first, *last;

  g_return_val_if_fail (series != NULL, FALSE);

  if (series->points->len < 2)
    return FALSE;
  first = &g_array_index (series->points, PwProgressPoint, 0);
  last = &g_array_index (series->points, PwProgressPoint, series->points->len - 1);
  if (change != NULL)
    *change = last->value - first->value;
  return TRUE;
}
