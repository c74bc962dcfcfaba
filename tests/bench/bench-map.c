/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-bench-map"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pw-pathway-map.h"
#include "pw-template-registry.h"
#include "pw-test-util.h"

/* Snapshot and render of the pathway map: default template, a fictional
 * survivor with 150 plan items, 1920×1080, offscreen with the cairo
 * renderer. Prints the median frame as a share of a 16.7 ms frame.
 *
 * "warm": the map redraws (scrolling, panning), its cards keep their nodes,
 * as GTK does between frames. "cold": every widget of the map redraws
 * (after a theme change), the worst case. Times are this thread's CPU time
 * so that other processes on a busy machine do not count. */

enum { WARMUP = 20, FRAMES = 300, WIDTH = 1920, HEIGHT = 1080 };

static const double frame_ms = 1000.0 / 60.0;

/* This thread's CPU time: other processes on a busy machine (a CI runner,
 * parallel tests) do not count against the map. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
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

static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

static void
fill_survivor (PwStore    *store,
               PwTemplate *template,
               gint64      survivor_id)
{
  static const PwPlanItemStatus statuses[] = {
    PW_PLAN_ITEM_STATUS_ACHIEVED, PW_PLAN_ITEM_STATUS_IN_PROGRESS, PW_PLAN_ITEM_STATUS_AGREED,
    PW_PLAN_ITEM_STATUS_PROPOSED, PW_PLAN_ITEM_STATUS_ACHIEVED, PW_PLAN_ITEM_STATUS_PAUSED,
    PW_PLAN_ITEM_STATUS_DROPPED,
  };
  static const char * const stages[] = { "detection", "rights", "recovery", "autonomy" };
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  GListModel *stage_list = pw_template_get_stages (template);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (stage_list); i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stage_list, i);
      GListModel *list = pw_stage_get_steps (stage);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (list, j);

          g_ptr_array_add (steps, step);
        }
    }

  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(PwPlanItem) item = pw_plan_item_new ();
      PwStep *step = g_ptr_array_index (steps, (i * 7) % steps->len);
      g_autofree char *words = g_strdup_printf ("Example goal TEST-%03u", i);

      pw_plan_item_set_survivor_id (item, survivor_id);
      pw_plan_item_set_step_id (item, pw_step_get_id (step));
      pw_plan_item_set_stage_id (item, pw_step_get_stage_id (step));
      pw_plan_item_set_domain (item, pw_step_get_domain_id (step));
      pw_plan_item_set_title (item, pw_step_get_title (step, "en"));
      pw_plan_item_set_her_words (item, words);
      pw_plan_item_set_status (item, statuses[i % G_N_ELEMENTS (statuses)]);
      if (i % 11 == 0)
        pw_plan_item_set_due_date (item, "2020-02-02");
      if (pw_store_add_plan_item (store, item, &error) == 0)
        g_error ("%s", error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    pw_store_set_stage_status (store, survivor_id, stages[i],
                               i < 2 ? PW_STAGE_STATUS_COMPLETED : i == 2 ? PW_STAGE_STATUS_CURRENT
                                                                          : PW_STAGE_STATUS_NOT_REACHED,
                               "2025-05-05", NULL);
}

static double
measure (GtkWidget   *map,
         GskRenderer *renderer,
         gboolean     cold,
         double      *snapshot_median,
         double      *render_median)
{
  double total[FRAMES], snap[FRAMES], render[FRAMES];
  int width = gtk_widget_get_width (map);
  int height = gtk_widget_get_height (map);

  for (guint i = 0; i < WARMUP + FRAMES; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start, middle, end;

      if (cold)
        queue_draw_all (map);

      /* What a frame asks of the map: its snapshot, each child giving its
       * node (cached unless it was queued for drawing). */
      start = cpu_time ();
      GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
      node = gtk_snapshot_to_node (snapshot);
      g_assert_nonnull (node);
      middle = cpu_time ();
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      end = cpu_time ();

      if (i >= WARMUP)
        {
          snap[i - WARMUP] = (middle - start) / 1000.0;
          render[i - WARMUP] = (end - middle) / 1000.0;
          total[i - WARMUP] = (end - start) / 1000.0;
        }
    }

  *snapshot_median = median (snap, FRAMES);
  *render_median = median (render, FRAMES);
  return median (total, FRAMES);
}


/* The least any frame costs: one colour over the whole texture. */
static double
measure_floor (GskRenderer *renderer)
{
  g_autoptr(GskRenderNode) node = gsk_color_node_new (&(GdkRGBA) { 0.98, 0.98, 0.98, 1 },
                                                      &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  double total[FRAMES];

  for (guint i = 0; i < WARMUP + FRAMES; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start = cpu_time ();

      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
      if (i >= WARMUP)
        total[i - WARMUP] = (cpu_time () - start) / 1000.0;
    }
  return median (total, FRAMES);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(PwSession) session = NULL;
  g_autoptr(PwTemplateRegistry) registry = NULL;
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *recovery = NULL;
  GtkWidget *window, *scroller, *map;
  PwStore *store;
  gint64 survivor_id;
  double floor_ms, warm, cold, warm_snap, warm_render, cold_snap, cold_render;
  double plain, plain_snap, plain_render;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The window's renderer decides whether the map keeps card images. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  pw_test_init_gtk (&argc, &argv);

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/pathwaytool/Pathway/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  dir = g_dir_make_tmp ("pw-bench-map-XXXXXX", &error);
  g_assert_no_error (error);
  vault = pw_vault_new (dir);
  recovery = pw_vault_create (vault, "Test", "a long test passphrase", pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  settings = g_settings_new (BASE_ID);
  session = pw_session_new (vault, settings);
  store = pw_session_get_store (session);

  registry = pw_template_registry_new ();
  g_assert_true (pw_template_registry_add_shipped (registry, &error));
  template = pw_template_registry_lookup (registry, "default", &error);
  g_assert_no_error (error);

  survivor = pw_survivor_new ();
  pw_survivor_set_case_code (survivor, "TEST-BENCH");
  survivor_id = pw_store_add_survivor (store, survivor, &error);
  g_assert_no_error (error);
  fill_survivor (store, template, survivor_id);

  map = pw_pathway_map_new (session);
  pw_pathway_map_set_template (PW_PATHWAY_MAP (map), template);
  pw_pathway_map_set_survivor_id (PW_PATHWAY_MAP (map), survivor_id);

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scroller, WIDTH, HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), map);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (map);
  pw_test_iterate (50);
  pw_test_wait_for_frame (map);

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("cairo renderer: %s", error->message);

  floor_ms = measure_floor (renderer);
  warm = measure (map, renderer, FALSE, &warm_snap, &warm_render);
  cold = measure (map, renderer, TRUE, &cold_snap, &cold_render);

  /* The same map drawing every card every frame, for comparison. */
  g_setenv ("PATHWAY_MAP_NO_CACHE", "1", TRUE);
  map = pw_pathway_map_new (session);
  pw_pathway_map_set_template (PW_PATHWAY_MAP (map), template);
  pw_pathway_map_set_survivor_id (PW_PATHWAY_MAP (map), survivor_id);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), map);
  pw_test_wait_for_frame (map);
  plain = measure (map, renderer, FALSE, &plain_snap, &plain_render);

  printf ("map %dx%d, %u steps, 150 plan items, cairo renderer, median of %d frames\n",
          gtk_widget_get_width (map), gtk_widget_get_height (map),
          pw_pathway_map_get_n_stations (PW_PATHWAY_MAP (map)), FRAMES);
  printf ("floor (one colour, same size): %.2f ms = %.1f %% of a frame\n", floor_ms, 100.0 * floor_ms / frame_ms);
  printf ("warm frame: %.2f ms (snapshot %.2f + render %.2f) = %.1f %% of a 16.7 ms frame (target < 10 %%)\n",
          warm, warm_snap, warm_render, 100.0 * warm / frame_ms);
  printf ("cold frame: %.2f ms (snapshot %.2f + render %.2f) = %.1f %% of a 16.7 ms frame\n",
          cold, cold_snap, cold_render, 100.0 * cold / frame_ms);
  printf ("warm frame without the card image cache: %.2f ms (snapshot %.2f + render %.2f) = %.1f %%\n",
          plain, plain_snap, plain_render, 100.0 * plain / frame_ms);

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  pw_session_lock (session);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
