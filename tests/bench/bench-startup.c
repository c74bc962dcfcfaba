/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to first frame of pathway against a bare AdwApplicationWindow,
 * measured alternately in one run; prints the median ratio. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static double
run_once (const char *program)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  enum { RUNS = 15 };
  double app[RUNS], bare[RUNS], ratio[RUNS];

  if (argc != 3)
    {
      g_printerr ("usage: %s PATHWAY BARE-WINDOW\n", argv[0]);
      return 2;
    }

  g_setenv ("PATHWAY_BENCH_FIRST_FRAME", "1", TRUE);

  /* Warm the page cache for both before measuring. */
  run_once (argv[1]);
  run_once (argv[2]);

  for (guint i = 0; i < RUNS; i++)
    {
      app[i] = run_once (argv[1]);
      bare[i] = run_once (argv[2]);
      ratio[i] = app[i] / bare[i];
    }

  printf ("startup: pathway median %.1f ms, bare window median %.1f ms\n",
          median (app, RUNS), median (bare, RUNS));
  printf ("startup ratio (pathway / bare window, median of %d): %.2f\n",
          RUNS, median (ratio, RUNS));
  return 0;
}
