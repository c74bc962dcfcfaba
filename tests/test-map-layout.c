/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-map-layout"

#include "config.h"

#include <string.h>

#include "pw-map-layout.h"
#include "pw-template-registry.h"

/* The geometry of the map, without a display: a fake measure that behaves
 * like wrapped text (narrower → taller) over the shipped templates. */

typedef struct
{
  guint       n_stages;
  guint       n_steps[8];
  const char *titles[8][64];
  int         banner;
  int         legend;
} Fixture;

static int
fake_measure (gpointer  user_data,
              PwMapPart part,
              guint     stage,
              guint     step,
              int       width)
{
  Fixture *f = user_data;
  int chars_per_line = MAX ((width - 70) / 8, 4);

  switch (part)
    {
    case PW_MAP_PART_STATION:
      {
        int length = (int) g_utf8_strlen (f->titles[stage][step], -1);
        int lines = MIN ((length + chars_per_line - 1) / chars_per_line, 3);

        return 20 + 18 * MAX (lines, 1) + (step % 3 == 0 ? 18 : 0);
      }
    case PW_MAP_PART_STAGE:
      return 64 + 18 * (stage % 2) + (width < 250 ? 18 : 0);
    case PW_MAP_PART_BANNER:
      return f->banner;
    case PW_MAP_PART_LEGEND:
      return f->legend + (width < 600 ? f->legend : 0);
    default:
      g_assert_not_reached ();
    }
}

static void
fixture_from_template (Fixture    *f,
                       PwTemplate *template)
{
  GListModel *stages = pw_template_get_stages (template);

  memset (f, 0, sizeof *f);
  f->n_stages = g_list_model_get_n_items (stages);
  g_assert_cmpuint (f->n_stages, <=, G_N_ELEMENTS (f->n_steps));
  for (guint i = 0; i < f->n_stages; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = pw_stage_get_steps (stage);

      f->n_steps[i] = g_list_model_get_n_items (steps);
      g_assert_cmpuint (f->n_steps[i], <=, G_N_ELEMENTS (f->titles[i]));
      for (guint j = 0; j < f->n_steps[i]; j++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, j);

          f->titles[i][j] = pw_step_get_title (step, "en");
        }
    }
  f->banner = 44;
  f->legend = 60;
}

static PwMapLayout *
compute (Fixture *f,
         int      width,
         gboolean rtl)
{
  PwMapLayoutInput input = {
    .n_stages = f->n_stages,
    .n_steps = f->n_steps,
    .width = width,
    .orientation = pw_map_layout_pick_orientation (f->n_stages, width),
    .rtl = rtl,
    .measure = fake_measure,
    .user_data = f,
  };

  return pw_map_layout_compute (&input);
}

static void
assert_inside_content (const PwMapLayout *layout,
                       const PwMapRect   *rect)
{
  PwMapRect content = { 0, 0, layout->width, layout->height };

  g_assert_true (pw_map_rect_contains_rect (&content, rect));
}

static void
check_layout (Fixture           *f,
              const PwMapLayout *layout,
              int                width)
{
  guint total = 0;

  for (guint i = 0; i < f->n_stages; i++)
    total += f->n_steps[i];
  g_assert_cmpuint (layout->n_stations, ==, total);
  g_assert_cmpuint (layout->n_stages, ==, f->n_stages);
  g_assert_cmpint (layout->width, >=, width);

  for (guint i = 0; i < layout->n_stations; i++)
    {
      const PwMapStationBox *a = &layout->stations[i];
      const PwMapStageBox *stage = &layout->stages[a->stage];

      /* Wide enough to read, inside its stage, below the stage's header. */
      g_assert_cmpint (a->rect.width, >=, 180);
      g_assert_cmpint (a->rect.height, >, 0);
      g_assert_true (pw_map_rect_contains_rect (&stage->region, &a->rect));
      g_assert_false (pw_map_rect_intersects (&stage->header, &a->rect));
      g_assert_false (pw_map_rect_intersects (&stage->marker, &a->rect));
      g_assert_cmpuint (i, ==, stage->first + a->step);

      for (guint j = i + 1; j < layout->n_stations; j++)
        if (pw_map_rect_intersects (&a->rect, &layout->stations[j].rect))
          g_error ("stations %u and %u overlap at width %d", i, j, width);
    }

  for (guint i = 0; i < layout->n_stages; i++)
    {
      const PwMapStageBox *stage = &layout->stages[i];

      assert_inside_content (layout, &stage->region);
      assert_inside_content (layout, &stage->marker);
      g_assert_true (pw_map_rect_contains_rect (&stage->region, &stage->header));
      g_assert_false (pw_map_rect_intersects (&stage->region, &layout->banner));
      g_assert_false (pw_map_rect_intersects (&stage->region, &layout->legend));
      for (guint j = i + 1; j < layout->n_stages; j++)
        g_assert_false (pw_map_rect_intersects (&stage->region, &layout->stages[j].region));
    }

  assert_inside_content (layout, &layout->banner);
  assert_inside_content (layout, &layout->legend);
  assert_inside_content (layout, &layout->road);
  g_assert_cmpint (layout->legend.height, >, 0);
}

/* Order on screen: stages along the road, steps in reading order. */
static void
check_order (const PwMapLayout *layout)
{
  int sign = layout->rtl ? -1 : 1;

  for (guint i = 1; i < layout->n_stages; i++)
    {
      const PwMapRect *prev = &layout->stages[i - 1].region;
      const PwMapRect *next = &layout->stages[i].region;

      if (layout->orientation == PW_MAP_ORIENTATION_HORIZONTAL)
        {
          g_assert_cmpint (sign * (next->x - prev->x), >, 0);
          g_assert_cmpint (next->y, ==, prev->y);
        }
      else
        g_assert_cmpint (next->y, >=, prev->y + prev->height);
    }

  for (guint i = 1; i < layout->n_stations; i++)
    {
      const PwMapStationBox *prev = &layout->stations[i - 1];
      const PwMapStationBox *next = &layout->stations[i];

      if (prev->stage != next->stage)
        continue;
      if (next->rect.y == prev->rect.y)
        g_assert_cmpint (sign * (next->rect.x - prev->rect.x), >, 0);
      else
        g_assert_cmpint (next->rect.y, >, prev->rect.y);
    }
}

static void
check_mirrored (const PwMapLayout *ltr,
                const PwMapLayout *rtl)
{
  g_assert_cmpint (ltr->width, ==, rtl->width);
  g_assert_cmpint (ltr->height, ==, rtl->height);
  g_assert_cmpint (ltr->orientation, ==, rtl->orientation);

#define ASSERT_MIRROR(a, b) G_STMT_START {                          \
    g_assert_cmpint ((b).x, ==, ltr->width - (a).x - (a).width);    \
    g_assert_cmpint ((b).y, ==, (a).y);                             \
    g_assert_cmpint ((b).width, ==, (a).width);                     \
    g_assert_cmpint ((b).height, ==, (a).height);                   \
  } G_STMT_END

  ASSERT_MIRROR (ltr->road, rtl->road);
  ASSERT_MIRROR (ltr->legend, rtl->legend);
  ASSERT_MIRROR (ltr->banner, rtl->banner);
  for (guint i = 0; i < ltr->n_stages; i++)
    {
      ASSERT_MIRROR (ltr->stages[i].region, rtl->stages[i].region);
      ASSERT_MIRROR (ltr->stages[i].marker, rtl->stages[i].marker);
    }
  for (guint i = 0; i < ltr->n_stations; i++)
    ASSERT_MIRROR (ltr->stations[i].rect, rtl->stations[i].rect);

#undef ASSERT_MIRROR
}

/* Every station can be reached with the arrows alone. */
static void
check_reachable (const PwMapLayout *layout)
{
  g_autofree gboolean *seen = g_new0 (gboolean, layout->n_stations);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (int));
  int start = pw_map_layout_navigate (layout, -1, PW_MAP_DIRECTION_HOME);
  guint n_seen = 0;

  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (pw_map_layout_navigate (layout, 0, PW_MAP_DIRECTION_END), ==,
                   (int) layout->n_stations - 1);

  g_array_append_val (queue, start);
  seen[start] = TRUE;
  while (queue->len > 0)
    {
      int from = g_array_index (queue, int, queue->len - 1);

      g_array_set_size (queue, queue->len - 1);
      n_seen++;
      for (PwMapDirection d = PW_MAP_DIRECTION_LEFT; d <= PW_MAP_DIRECTION_DOWN; d++)
        {
          int to = pw_map_layout_navigate (layout, from, d);

          g_assert_cmpint (to, <, (int) layout->n_stations);
          if (to >= 0 && !seen[to])
            {
              seen[to] = TRUE;
              g_array_append_val (queue, to);
            }
        }
    }
  g_assert_cmpuint (n_seen, ==, layout->n_stations);
}

static PwTemplate *
load_shipped (const char *id)
{
  static PwTemplateRegistry *registry;
  g_autoptr(GError) error = NULL;
  PwTemplate *template;

  if (registry == NULL)
    {
      registry = pw_template_registry_new ();
      g_assert_true (pw_template_registry_add_shipped (registry, &error));
      g_assert_no_error (error);
    }
  template = pw_template_registry_lookup (registry, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static const int widths[] = { 320, 360, 400, 640, 935, 936, 1024, 1400, 1920, 3000 };

static void
test_shipped (gconstpointer data)
{
  g_autoptr(PwTemplate) template = load_shipped (data);
  Fixture f;

  fixture_from_template (&f, template);
  g_assert_cmpuint (f.n_stages, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (int banner = 0; banner < 2; banner++)
      {
        g_autoptr(PwMapLayout) ltr = NULL;
        g_autoptr(PwMapLayout) rtl = NULL;

        f.banner = banner ? 44 : 0;
        ltr = compute (&f, widths[i], FALSE);
        rtl = compute (&f, widths[i], TRUE);

        check_layout (&f, ltr, widths[i]);
        check_layout (&f, rtl, widths[i]);
        check_order (ltr);
        check_order (rtl);
        check_mirrored (ltr, rtl);
        check_reachable (ltr);
        check_reachable (rtl);

        /* A narrow window scrolls down, never sideways. */
        if (widths[i] >= pw_map_layout_min_width (4, PW_MAP_ORIENTATION_VERTICAL))
          g_assert_cmpint (ltr->width, ==, widths[i]);
        if (banner)
          g_assert_cmpint (ltr->banner.height, ==, 44);
        else
          g_assert_cmpint (ltr->banner.height, ==, 0);
      }
}

static void
test_orientation (void)
{
  int min = pw_map_layout_min_width (4, PW_MAP_ORIENTATION_HORIZONTAL);

  g_assert_cmpint (pw_map_layout_pick_orientation (4, 1400), ==, PW_MAP_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (pw_map_layout_pick_orientation (4, min), ==, PW_MAP_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (pw_map_layout_pick_orientation (4, min - 1), ==, PW_MAP_ORIENTATION_VERTICAL);
  g_assert_cmpint (pw_map_layout_pick_orientation (4, 400), ==, PW_MAP_ORIENTATION_VERTICAL);
  g_assert_cmpint (pw_map_layout_min_width (4, PW_MAP_ORIENTATION_VERTICAL), <=, 360);
}

static Fixture *
small_fixture (void)
{
  static const char *title = "Step";
  Fixture *f = g_new0 (Fixture, 1);

  f->n_stages = 3;
  f->n_steps[0] = 3;
  f->n_steps[1] = 1;
  f->n_steps[2] = 2;
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      f->titles[i][j] = title;
  f->legend = 40;
  return f;
}

static void
test_navigate (void)
{
  g_autofree Fixture *f = small_fixture ();
  g_autoptr(PwMapLayout) ltr = compute (f, 1200, FALSE);
  g_autoptr(PwMapLayout) rtl = compute (f, 1200, TRUE);
  g_autoptr(PwMapLayout) narrow = compute (f, 400, FALSE);

  /* Stages 0 (3 steps), 1 (1 step), 2 (2 steps): indices 0-2, 3, 4-5. */
  g_assert_cmpint (ltr->orientation, ==, PW_MAP_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 0, PW_MAP_DIRECTION_DOWN), ==, 1);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 1, PW_MAP_DIRECTION_UP), ==, 0);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 0, PW_MAP_DIRECTION_UP), ==, -1);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 2, PW_MAP_DIRECTION_DOWN), ==, -1);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 2, PW_MAP_DIRECTION_RIGHT), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 3, PW_MAP_DIRECTION_RIGHT), ==, 4);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 5, PW_MAP_DIRECTION_LEFT), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 0, PW_MAP_DIRECTION_LEFT), ==, -1);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 4, PW_MAP_DIRECTION_RIGHT), ==, -1);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 4, PW_MAP_DIRECTION_HOME), ==, 0);
  g_assert_cmpint (pw_map_layout_navigate (ltr, 0, PW_MAP_DIRECTION_END), ==, 5);
  g_assert_cmpint (pw_map_layout_navigate (ltr, -1, PW_MAP_DIRECTION_DOWN), ==, 0);

  /* Right to left, the next stage is on the left. */
  g_assert_cmpint (pw_map_layout_navigate (rtl, 0, PW_MAP_DIRECTION_LEFT), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (rtl, 0, PW_MAP_DIRECTION_RIGHT), ==, -1);
  g_assert_cmpint (pw_map_layout_navigate (rtl, 4, PW_MAP_DIRECTION_RIGHT), ==, 3);

  /* Stacked: down runs on into the next stage; left and right still cross. */
  g_assert_cmpint (narrow->orientation, ==, PW_MAP_ORIENTATION_VERTICAL);
  g_assert_cmpint (pw_map_layout_navigate (narrow, 2, PW_MAP_DIRECTION_DOWN), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (narrow, 3, PW_MAP_DIRECTION_UP), ==, 2);
  g_assert_cmpint (pw_map_layout_navigate (narrow, 1, PW_MAP_DIRECTION_RIGHT), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (narrow, 5, PW_MAP_DIRECTION_LEFT), ==, 3);
  g_assert_cmpint (pw_map_layout_navigate (narrow, 5, PW_MAP_DIRECTION_DOWN), ==, -1);
}

static void
test_hit (void)
{
  g_autofree Fixture *f = small_fixture ();

  for (int rtl = 0; rtl < 2; rtl++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(PwMapLayout) layout = compute (f, widths[w], rtl);

        for (guint i = 0; i < layout->n_stations; i++)
          {
            const PwMapRect *r = &layout->stations[i].rect;

            g_assert_cmpint (pw_map_layout_hit (layout, r->x + r->width / 2, r->y + r->height / 2), ==, i);
            g_assert_cmpint (pw_map_layout_hit (layout, r->x, r->y), ==, i);
            g_assert_cmpint (pw_map_layout_hit (layout, r->x + r->width - 1, r->y + r->height - 1), ==, i);
            g_assert_cmpint (pw_map_layout_hit_stage (layout, r->x, r->y), ==, layout->stations[i].stage);
            /* The gap under a card belongs to no card. */
            g_assert_cmpint (pw_map_layout_hit (layout, r->x + 1, r->y + r->height + 1), ==, -1);
          }
        g_assert_cmpint (pw_map_layout_hit (layout, 0, 0), ==, -1);
        g_assert_cmpint (pw_map_layout_hit_stage (layout, 0, 0), ==, -1);
        g_assert_cmpint (pw_map_layout_hit (layout, -5, layout->height + 5), ==, -1);
      }
}

static void
test_zoom (void)
{
  double zoom = 1.0;
  guint n = 0;

  g_assert_cmpfloat (pw_map_zoom_clamp (0.1), ==, PW_MAP_ZOOM_MIN);
  g_assert_cmpfloat (pw_map_zoom_clamp (9.0), ==, PW_MAP_ZOOM_MAX);
  g_assert_cmpfloat (pw_map_zoom_clamp (1.3), ==, 1.3);

  while (zoom < PW_MAP_ZOOM_MAX && n++ < 100)
    {
      double next = pw_map_zoom_step (zoom, 1);

      g_assert_cmpfloat (next, >, zoom);
      g_assert_cmpfloat (pw_map_zoom_step (next, -1), ==, zoom);
      zoom = next;
    }
  g_assert_cmpfloat (zoom, ==, PW_MAP_ZOOM_MAX);
  g_assert_cmpfloat (pw_map_zoom_step (PW_MAP_ZOOM_MAX, 1), ==, PW_MAP_ZOOM_MAX);
  g_assert_cmpfloat (pw_map_zoom_step (PW_MAP_ZOOM_MIN, -1), ==, PW_MAP_ZOOM_MIN);
  g_assert_cmpfloat (pw_map_zoom_step (1.0, -1), <, 1.0);
  g_assert_cmpfloat (pw_map_zoom_step (1.05, -1), ==, 1.0);
  g_assert_cmpfloat (pw_map_zoom_step (1.0, 3), ==, pw_map_zoom_step (pw_map_zoom_step (pw_map_zoom_step (1.0, 1), 1), 1));

  /* A point at content x=500 shown 100 px from the edge at zoom 2. */
  g_assert_cmpfloat (pw_map_zoom_anchor (500, 100, 2.0), ==, 900);
  g_assert_cmpfloat (pw_map_zoom_anchor (10, 100, 1.0), ==, 0);
}

/* Zoom works by laying out a narrower logical width: the same guarantees. */
static void
test_zoomed_widths (void)
{
  g_autoptr(PwTemplate) template = load_shipped ("default");
  Fixture f;

  fixture_from_template (&f, template);
  for (double zoom = PW_MAP_ZOOM_MIN; zoom <= PW_MAP_ZOOM_MAX; zoom = pw_map_zoom_step (zoom, 1))
    {
      g_autoptr(PwMapLayout) layout = compute (&f, (int) (1400 / zoom), FALSE);

      check_layout (&f, layout, (int) (1400 / zoom));
      check_order (layout);
      if (zoom >= PW_MAP_ZOOM_MAX)
        break;
    }
}

static void
test_flow (void)
{
  const PwMapFlowItem items[] = {
    { 100, 20, FALSE }, { 120, 24, FALSE }, { 90, 20, FALSE },
    { 60, 20, TRUE }, { 500, 20, FALSE },
  };
  PwMapRect rects[G_N_ELEMENTS (items)];
  PwMapRect mirrored[G_N_ELEMENTS (items)];
  int height = pw_map_layout_flow (items, G_N_ELEMENTS (items), 300, 10, 5, FALSE, rects);

  /* 100 + 10 + 120 fit in 300; 90 more does not. */
  g_assert_cmpint (rects[0].x, ==, 0);
  g_assert_cmpint (rects[1].x, ==, 110);
  g_assert_cmpint (rects[0].y, ==, 2);   /* centred on the taller item */
  g_assert_cmpint (rects[1].y, ==, 0);
  g_assert_cmpint (rects[2].x, ==, 0);
  g_assert_cmpint (rects[2].y, ==, 29);
  /* A new row when asked, even with room left. */
  g_assert_cmpint (rects[3].x, ==, 0);
  g_assert_cmpint (rects[3].y, ==, 54);
  /* Too wide for any row: clipped to the width, alone on its row. */
  g_assert_cmpint (rects[4].width, ==, 300);
  g_assert_cmpint (rects[4].y, ==, 79);
  g_assert_cmpint (height, ==, 99);

  g_assert_cmpint (pw_map_layout_flow (items, G_N_ELEMENTS (items), 300, 10, 5, TRUE, mirrored), ==, height);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_assert_cmpint (mirrored[i].x, ==, 300 - rects[i].x - rects[i].width);
      g_assert_cmpint (mirrored[i].y, ==, rects[i].y);
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (items); j++)
      g_assert_false (pw_map_rect_intersects (&rects[i], &rects[j]));

  g_assert_cmpint (pw_map_layout_flow (NULL, 0, 300, 10, 5, FALSE, NULL), ==, 0);
  g_assert_cmpint (pw_map_layout_flow (items, 1, 300, 10, 5, FALSE, NULL), ==, 20);
}

static void
test_empty (void)
{
  PwMapLayoutInput input = { .n_stages = 0, .width = 500 };
  g_autoptr(PwMapLayout) layout = pw_map_layout_compute (&input);

  g_assert_cmpuint (layout->n_stations, ==, 0);
  g_assert_cmpint (pw_map_layout_navigate (layout, -1, PW_MAP_DIRECTION_HOME), ==, -1);
  g_assert_cmpint (pw_map_layout_hit (layout, 10, 10), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/map-layout/shipped/default", "default", test_shipped);
  g_test_add_data_func ("/map-layout/shipped/it", "it", test_shipped);
  g_test_add_data_func ("/map-layout/shipped/es", "es", test_shipped);
  g_test_add_func ("/map-layout/orientation", test_orientation);
  g_test_add_func ("/map-layout/navigate", test_navigate);
  g_test_add_func ("/map-layout/hit", test_hit);
  g_test_add_func ("/map-layout/zoom", test_zoom);
  g_test_add_func ("/map-layout/zoom/widths", test_zoomed_widths);
  g_test_add_func ("/map-layout/flow", test_flow);
  g_test_add_func ("/map-layout/empty", test_empty);

  return g_test_run ();
}
