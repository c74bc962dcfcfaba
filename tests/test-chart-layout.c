/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-chart-layout"

#include "config.h"

#include "pw-chart-layout.h"
#include "pw-progress.h"

/* The progress chart's geometry and the scores it draws, without a display. */

static void
test_frame_axes (void)
{
  PwChartFrame f;

  /* 400 × 300 with 30 at the start, 10 at the end, 20 above, 40 below. */
  pw_chart_frame_init (&f, 400, 300, 30, 10, 20, 40, 1000, 1100, FALSE);
  g_assert_cmpfloat (f.x, ==, 30);
  g_assert_cmpfloat (f.width, ==, 360);
  g_assert_cmpfloat (f.height, ==, 240);

  /* Time runs left to right; the first and last day sit on the edges. */
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1000), ==, 30);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1100), ==, 390);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1050), ==, 210);
  /* Outside the range: clamped to the edges, never drawn outside. */
  g_assert_cmpfloat (pw_chart_frame_x (&f, 900), ==, 30);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 2000), ==, 390);

  /* Scores run upwards: 5 at the top, 1 at the bottom, 3 halfway. */
  g_assert_cmpfloat (pw_chart_frame_y (&f, 5), ==, 20);
  g_assert_cmpfloat (pw_chart_frame_y (&f, 1), ==, 260);
  g_assert_cmpfloat (pw_chart_frame_y (&f, 3), ==, 140);
  g_assert_cmpfloat (pw_chart_frame_y (&f, 0), ==, 260);
  g_assert_cmpfloat (pw_chart_frame_y (&f, 9), ==, 20);
  /* Higher score, higher on screen. */
  g_assert_cmpfloat (pw_chart_frame_y (&f, 4), <, pw_chart_frame_y (&f, 2));
}

static void
test_frame_rtl (void)
{
  PwChartFrame f;

  /* In right-to-left locales time runs right to left, and the axis
   * labels' margin is on the right. */
  pw_chart_frame_init (&f, 400, 300, 30, 10, 20, 40, 1000, 1100, TRUE);
  g_assert_cmpfloat (f.x, ==, 10);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1000), ==, 370);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1100), ==, 10);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1025), ==, 280);
}

static void
test_frame_degenerate (void)
{
  PwChartFrame f;

  /* One check-in: in the middle. */
  pw_chart_frame_init (&f, 200, 100, 0, 0, 0, 0, 1500, 1500, FALSE);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1500), ==, 100);
  /* Days given backwards are put in order. */
  pw_chart_frame_init (&f, 200, 100, 0, 0, 0, 0, 1600, 1500, FALSE);
  g_assert_cmpint (f.first_day, ==, 1500);
  g_assert_cmpfloat (pw_chart_frame_x (&f, 1600), ==, 200);
  /* Too small for its margins: an empty plot, not a negative one. */
  pw_chart_frame_init (&f, 20, 10, 30, 10, 20, 40, 1, 2, FALSE);
  g_assert_cmpfloat (f.width, ==, 0);
  g_assert_cmpfloat (f.height, ==, 0);
}

static void
test_fit_labels (void)
{
  double xs[] = { 0, 30, 100, 160, 200 };
  double widths[] = { 40, 40, 40, 40, 40 };
  gboolean show[5];

  /* 40 wide plus a gap of 10: centres must be 50 apart. */
  pw_chart_fit_labels (xs, widths, 5, 10, show);
  g_assert_true (show[0]);   /* first */
  g_assert_false (show[1]);  /* 30 from the first */
  g_assert_true (show[2]);
  g_assert_false (show[3]);  /* 40 from the last */
  g_assert_true (show[4]);   /* last */

  /* Two that clash: the latest wins. */
  {
    double x2[] = { 0, 20 };
    double w2[] = { 40, 40 };
    gboolean s2[2];

    pw_chart_fit_labels (x2, w2, 2, 10, s2);
    g_assert_false (s2[0]);
    g_assert_true (s2[1]);
  }
  /* Right to left: positions decrease; the rule is the same. */
  {
    double x3[] = { 300, 200, 100 };
    double w3[] = { 60, 60, 60 };
    gboolean s3[3];

    pw_chart_fit_labels (x3, w3, 3, 10, s3);
    g_assert_true (s3[0] && s3[1] && s3[2]);
  }
  /* One label, and none. */
  {
    double x4[] = { 50 };
    double w4[] = { 500 };
    gboolean s4[1] = { FALSE };

    pw_chart_fit_labels (x4, w4, 1, 10, s4);
    g_assert_true (s4[0]);
    pw_chart_fit_labels (NULL, NULL, 0, 10, NULL);
  }
}

static void
test_flow (void)
{
  double widths[] = { 60, 60, 60, 200, 30 };
  double xs[5];
  guint rows[5];

  /* Rows of at most 150 with a gap of 10. */
  g_assert_cmpuint (pw_chart_flow (widths, 5, 150, 10, xs, rows), ==, 4);
  g_assert_cmpuint (rows[0], ==, 0);
  g_assert_cmpfloat (xs[0], ==, 0);
  g_assert_cmpuint (rows[1], ==, 0);
  g_assert_cmpfloat (xs[1], ==, 70);
  g_assert_cmpuint (rows[2], ==, 1);
  g_assert_cmpfloat (xs[2], ==, 0);
  /* Wider than a row: a row of its own, not lost. */
  g_assert_cmpuint (rows[3], ==, 2);
  g_assert_cmpfloat (xs[3], ==, 0);
  g_assert_cmpuint (rows[4], ==, 3);
  g_assert_cmpfloat (xs[4], ==, 0);
  g_assert_cmpuint (pw_chart_flow (NULL, 0, 150, 10, NULL, NULL), ==, 0);
}

static PwAssessment *
checkin (gint64      id,
         const char *date,
         const char *indicator1,
         int         her1,
         int         worker1,
         const char *indicator2,
         int         her2,
         int         worker2)
{
  PwAssessment *a = pw_assessment_new ();

  pw_assessment_set_id (a, id);
  pw_assessment_set_kind (a, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_set_date (a, date);
  pw_assessment_add_score (a, pw_checkin_score_new (indicator1, her1, worker1));
  if (indicator2 != NULL)
    pw_assessment_add_score (a, pw_checkin_score_new (indicator2, her2, worker2));
  return a;
}

static void
test_series (void)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) domain_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hers = NULL;
  g_autoptr(GPtrArray) worker = NULL;
  const char *order[] = { "safety", "housing", NULL };
  PwProgressSeries *s;
  double change = 0;

  g_hash_table_insert (domain_of, "housing-stability", "housing");
  g_hash_table_insert (domain_of, "housing-safety", "housing");
  g_hash_table_insert (domain_of, "feeling-safe", "safety");
  g_hash_table_insert (domain_of, "language-level", "language");

  /* Out of order on purpose; the chart goes by date. */
  g_ptr_array_add (checkins, checkin (3, "2026-03-03", "housing-stability", 4, 3, "housing-safety", 5, 4));
  g_ptr_array_add (checkins, checkin (1, "2026-01-05", "housing-stability", 2, 2, "feeling-safe", 1, 2));
  g_ptr_array_add (checkins, checkin (2, "2026-02-04", "housing-stability", 3, 0, "unknown-indicator", 5, 5));
  g_ptr_array_add (checkins, checkin (4, "2026-03-04", "language-level", 2, 2, NULL, 0, 0));

  hers = pw_progress_build_series (checkins, domain_of, order, PW_PROGRESS_HERS);
  g_assert_cmpuint (hers->len, ==, 3);

  /* Requested order first, then others as found. */
  s = g_ptr_array_index (hers, 0);
  g_assert_cmpstr (s->domain_id, ==, "safety");
  g_assert_cmpuint (s->points->len, ==, 1);
  g_assert_false (pw_progress_series_distance (s, &change));

  s = g_ptr_array_index (hers, 1);
  g_assert_cmpstr (s->domain_id, ==, "housing");
  g_assert_cmpuint (s->points->len, ==, 3);
  g_assert_cmpstr (g_array_index (s->points, PwProgressPoint, 0).date, ==, "2026-01-05");
  g_assert_cmpfloat (g_array_index (s->points, PwProgressPoint, 0).value, ==, 2.0);
  g_assert_cmpfloat (g_array_index (s->points, PwProgressPoint, 1).value, ==, 3.0);
  /* Two indicators of one area: their mean. */
  g_assert_cmpfloat (g_array_index (s->points, PwProgressPoint, 2).value, ==, 4.5);
  g_assert_cmpuint (g_array_index (s->points, PwProgressPoint, 2).n_scores, ==, 2);
  g_assert_cmpint (g_array_index (s->points, PwProgressPoint, 1).day, ==,
                   g_array_index (s->points, PwProgressPoint, 0).day + 30);
  /* Distance travelled since the first check-in. */
  g_assert_true (pw_progress_series_distance (s, &change));
  g_assert_cmpfloat (change, ==, 2.5);

  s = g_ptr_array_index (hers, 2);
  g_assert_cmpstr (s->domain_id, ==, "language");

  /* The worker's view: an unrated indicator (0) leaves that day out. */
  worker = pw_progress_build_series (checkins, domain_of, order, PW_PROGRESS_WORKER);
  s = g_ptr_array_index (worker, 1);
  g_assert_cmpstr (s->domain_id, ==, "housing");
  g_assert_cmpuint (s->points->len, ==, 2);
  g_assert_true (pw_progress_series_distance (s, &change));
  g_assert_cmpfloat (change, ==, 1.5);
}

static void
test_series_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GHashTable) domain_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) series = pw_progress_build_series (none, domain_of, NULL, PW_PROGRESS_HERS);

  g_assert_cmpuint (series->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-layout/frame/axes", test_frame_axes);
  g_test_add_func ("/chart-layout/frame/rtl", test_frame_rtl);
  g_test_add_func ("/chart-layout/frame/degenerate", test_frame_degenerate);
  g_test_add_func ("/chart-layout/labels/fit", test_fit_labels);
  g_test_add_func ("/chart-layout/legend/flow", test_flow);
  g_test_add_func ("/chart-layout/series/by-domain", test_series);
  g_test_add_func ("/chart-layout/series/empty", test_series_empty);

  return g_test_run ();
}
