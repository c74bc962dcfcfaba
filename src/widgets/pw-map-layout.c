/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-map-layout"

#include "config.h"

#include <math.h>

#include "pw-map-layout.h"

static const double zoom_levels[] = {
  0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0,
};

static int
horizontal_min_width (guint n_stages)
{
  guint n = MAX (n_stages, 1);

  return 2 * PW_MAP_MARGIN + n * PW_MAP_COLUMN_MIN + (n - 1) * PW_MAP_STAGE_GAP;
}

static int
vertical_min_width (void)
{
  return 2 * PW_MAP_MARGIN_NARROW + PW_MAP_LANE + PW_MAP_COLUMN_MIN_NARROW;
}

int
pw_map_layout_min_width (guint            n_stages,
                         PwMapOrientation orientation)
{
  if (orientation == PW_MAP_ORIENTATION_HORIZONTAL)
    return horizontal_min_width (n_stages);
  return vertical_min_width ();
}

PwMapOrientation
pw_map_layout_pick_orientation (guint n_stages,
                                int   width)
{
  return width >= horizontal_min_width (n_stages) ? PW_MAP_ORIENTATION_HORIZONTAL
                                                  : PW_MAP_ORIENTATION_VERTICAL;
}

static int
measure (const PwMapLayoutInput *input,
         PwMapPart               part,
         guint                   stage,
         guint                   step,
         int                     width)
{
  int height = input->measure != NULL
    ? input->measure (input->user_data, part, stage, step, width)
    : 0;

  return MAX (height, 0);
}

static PwMapLayout *
layout_new (const PwMapLayoutInput *input)
{
  PwMapLayout *layout = g_new0 (PwMapLayout, 1);
  guint n_stations = 0;

  for (guint i = 0; i < input->n_stages; i++)
    n_stations += input->n_steps[i];

  layout->orientation = input->orientation;
  layout->rtl = input->rtl;
  layout->n_stages = input->n_stages;
  layout->stages = g_new0 (PwMapStageBox, MAX (input->n_stages, 1));
  layout->n_stations = n_stations;
  layout->stations = g_new0 (PwMapStationBox, MAX (n_stations, 1));

  n_stations = 0;
  for (guint i = 0; i < input->n_stages; i++)
    {
      layout->stages[i].first = n_stations;
      layout->stages[i].n_steps = input->n_steps[i];
      for (guint j = 0; j < input->n_steps[i]; j++)
        {
          layout->stations[n_stations].stage = i;
          layout->stations[n_stations].step = j;
          n_stations++;
        }
    }
  return layout;
}

static void
compute_horizontal (PwMapLayout            *layout,
                    const PwMapLayoutInput *input)
{
  guint n = input->n_stages;
  int width = MAX (input->width, horizontal_min_width (n));
  int column, span, x0, y, top, header_height = 0, bottom = 0, station_width;

  column = (width - 2 * PW_MAP_MARGIN - (int) (n - 1) * PW_MAP_STAGE_GAP) / (int) n;
  column = CLAMP (column, PW_MAP_COLUMN_MIN, PW_MAP_COLUMN_MAX);
  span = n * column + (n - 1) * PW_MAP_STAGE_GAP;
  x0 = (width - span) / 2;
  station_width = column - 2 * PW_MAP_STAGE_PADDING;

  y = PW_MAP_MARGIN;
  layout->banner = (PwMapRect) { x0, y, span, measure (input, PW_MAP_PART_BANNER, 0, 0, span) };
  if (layout->banner.height > 0)
    y += layout->banner.height + PW_MAP_STAGE_GAP;
  top = y;

  /* One header row for all stages, so the road runs straight across. */
  for (guint i = 0; i < n; i++)
    header_height = MAX (header_height, measure (input, PW_MAP_PART_STAGE, i, 0, column));

  for (guint i = 0; i < n; i++)
    {
      PwMapStageBox *stage = &layout->stages[i];
      int x = x0 + i * (column + PW_MAP_STAGE_GAP);
      int sy = top + header_height + PW_MAP_ROAD_BAND;

      stage->header = (PwMapRect) { x, top, column, header_height };
      stage->marker = (PwMapRect) {
        x + (column - PW_MAP_MARKER_SIZE) / 2,
        top + header_height + (PW_MAP_ROAD_BAND - PW_MAP_MARKER_SIZE) / 2,
        PW_MAP_MARKER_SIZE, PW_MAP_MARKER_SIZE
      };

      for (guint j = 0; j < stage->n_steps; j++)
        {
          PwMapStationBox *station = &layout->stations[stage->first + j];
          int h = measure (input, PW_MAP_PART_STATION, i, j, station_width);

          station->rect = (PwMapRect) { x + PW_MAP_STAGE_PADDING, sy, station_width, h };
          sy += h + PW_MAP_STATION_GAP;
        }
      if (stage->n_steps > 0)
        sy -= PW_MAP_STATION_GAP;
      bottom = MAX (bottom, sy + PW_MAP_STAGE_PADDING);
    }

  for (guint i = 0; i < n; i++)
    layout->stages[i].region = (PwMapRect) {
      layout->stages[i].header.x, top, column, bottom - top
    };

  layout->road = (PwMapRect) {
    x0, top + header_height + (PW_MAP_ROAD_BAND - PW_MAP_ROAD_WIDTH) / 2,
    span, PW_MAP_ROAD_WIDTH
  };

  y = bottom + PW_MAP_STAGE_GAP;
  layout->legend = (PwMapRect) { x0, y, span, measure (input, PW_MAP_PART_LEGEND, 0, 0, span) };
  y += layout->legend.height;

  layout->width = width;
  layout->height = y + PW_MAP_MARGIN;
}

static void
compute_vertical (PwMapLayout            *layout,
                  const PwMapLayoutInput *input)
{
  int width = MAX (input->width, vertical_min_width ());
  int x = PW_MAP_MARGIN_NARROW + PW_MAP_LANE;
  int column = width - 2 * PW_MAP_MARGIN_NARROW - PW_MAP_LANE;
  int inner = column - 2 * PW_MAP_STAGE_PADDING;
  int lane_center = PW_MAP_MARGIN_NARROW + PW_MAP_LANE / 2;
  int per_row, station_width, y;

  /* Wide enough for cards side by side within a stage: use the room. */
  per_row = (inner + PW_MAP_STATION_GAP) / (PW_MAP_COLUMN_MIN_NARROW + PW_MAP_STATION_GAP);
  per_row = CLAMP (per_row, 1, 3);
  station_width = (inner - (per_row - 1) * PW_MAP_STATION_GAP) / per_row;

  y = PW_MAP_MARGIN_NARROW;
  layout->banner = (PwMapRect) {
    PW_MAP_MARGIN_NARROW, y, width - 2 * PW_MAP_MARGIN_NARROW,
    measure (input, PW_MAP_PART_BANNER, 0, 0, width - 2 * PW_MAP_MARGIN_NARROW)
  };
  if (layout->banner.height > 0)
    y += layout->banner.height + PW_MAP_STAGE_GAP;

  for (guint i = 0; i < input->n_stages; i++)
    {
      PwMapStageBox *stage = &layout->stages[i];
      int header_height = measure (input, PW_MAP_PART_STAGE, i, 0, column);
      int row_y = y + header_height;
      int row_height = 0;
      int bottom;

      stage->header = (PwMapRect) { x, y, column, header_height };
      stage->marker = (PwMapRect) {
        lane_center - PW_MAP_MARKER_SIZE / 2, y + PW_MAP_STAGE_PADDING,
        PW_MAP_MARKER_SIZE, PW_MAP_MARKER_SIZE
      };

      for (guint j = 0; j < stage->n_steps; j++)
        {
          PwMapStationBox *station = &layout->stations[stage->first + j];
          int column_index = j % per_row;
          int h = measure (input, PW_MAP_PART_STATION, i, j, station_width);

          if (column_index == 0 && j > 0)
            {
              row_y += row_height + PW_MAP_STATION_GAP;
              row_height = 0;
            }
          station->rect = (PwMapRect) {
            x + PW_MAP_STAGE_PADDING + column_index * (station_width + PW_MAP_STATION_GAP),
            row_y, station_width, h
          };
          row_height = MAX (row_height, h);
        }

      bottom = row_y + row_height + (stage->n_steps > 0 ? PW_MAP_STAGE_PADDING : 0);
      stage->region = (PwMapRect) { x, y, column, bottom - y };
      y = bottom + PW_MAP_STAGE_GAP;
    }

  if (input->n_stages > 0)
    {
      PwMapStageBox *first = &layout->stages[0];
      PwMapStageBox *last = &layout->stages[input->n_stages - 1];
      int road_top = first->marker.y + PW_MAP_MARKER_SIZE / 2;

      layout->road = (PwMapRect) {
        lane_center - PW_MAP_ROAD_WIDTH / 2, road_top, PW_MAP_ROAD_WIDTH,
        last->region.y + last->region.height - road_top
      };
    }

  layout->legend = (PwMapRect) {
    PW_MAP_MARGIN_NARROW, y, width - 2 * PW_MAP_MARGIN_NARROW,
    measure (input, PW_MAP_PART_LEGEND, 0, 0, width - 2 * PW_MAP_MARGIN_NARROW)
  };
  y += layout->legend.height;

  layout->width = width;
  layout->height = y + PW_MAP_MARGIN_NARROW;
}

static void
mirror (const PwMapLayout *layout,
        PwMapRect         *rect)
{
  rect->x = layout->width - rect->x - rect->width;
}

PwMapLayout *
pw_map_layout_compute (const PwMapLayoutInput *input)
{
  PwMapLayout *layout;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->n_stages == 0 || input->n_steps != NULL, NULL);

  layout = layout_new (input);
  if (input->n_stages == 0)
    {
      layout->width = MAX (input->width, 0);
      layout->height = 0;
      return layout;
    }

  if (input->orientation == PW_MAP_ORIENTATION_HORIZONTAL)
    compute_horizontal (layout, input);
  else
    compute_vertical (layout, input);

  if (input->rtl)
    {
      mirror (layout, &layout->banner);
      mirror (layout, &layout->legend);
      mirror (layout, &layout->road);
      for (guint i = 0; i < layout->n_stages; i++)
        {
          mirror (layout, &layout->stages[i].region);
          mirror (layout, &layout->stages[i].header);
          mirror (layout, &layout->stages[i].marker);
        }
      for (guint i = 0; i < layout->n_stations; i++)
        mirror (layout, &layout->stations[i].rect);
    }

  return layout;
}

void
pw_map_layout_free (PwMapLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->stages);
  g_free (layout->stations);
  g_free (layout);
}

static gboolean
rect_contains (const PwMapRect *rect,
               int              x,
               int              y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
pw_map_rect_intersects (const PwMapRect *a,
                        const PwMapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
pw_map_rect_contains_rect (const PwMapRect *outer,
                           const PwMapRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

int
pw_map_layout_hit (const PwMapLayout *layout,
                   int                x,
                   int                y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_stations; i++)
    if (rect_contains (&layout->stations[i].rect, x, y))
      return i;
  return -1;
}

int
pw_map_layout_hit_stage (const PwMapLayout *layout,
                         int                x,
                         int                y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_stages; i++)
    if (rect_contains (&layout->stages[i].region, x, y))
      return i;
  return -1;
}

int
pw_map_layout_station_index (const PwMapLayout *layout,
                             guint              stage,
                             guint              step)
{
  g_return_val_if_fail (layout != NULL, -1);

  if (stage >= layout->n_stages || step >= layout->stages[stage].n_steps)
    return -1;
  return layout->stages[stage].first + step;
}

/* The nearest station in a direction on screen: first the nearest column
 * (or row) in that direction, then the one best aligned with @from. */
static int
navigate_spatial (const PwMapLayout *layout,
                  int                from,
                  PwMapDirection     direction)
{
  const PwMapRect *f = &layout->stations[from].rect;
  gboolean horizontal = direction == PW_MAP_DIRECTION_LEFT || direction == PW_MAP_DIRECTION_RIGHT;
  int best = -1;
  int best_gap = G_MAXINT, best_offset = G_MAXINT;
  int fcx = f->x + f->width / 2, fcy = f->y + f->height / 2;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->n_stations; i++)
      {
        const PwMapRect *r = &layout->stations[i].rect;
        int rcx = r->x + r->width / 2, rcy = r->y + r->height / 2;
        int gap, offset;

        if ((int) i == from)
          continue;

        switch (direction)
          {
          case PW_MAP_DIRECTION_LEFT:
            gap = f->x - (r->x + r->width);
            break;
          case PW_MAP_DIRECTION_RIGHT:
            gap = r->x - (f->x + f->width);
            break;
          case PW_MAP_DIRECTION_UP:
            gap = f->y - (r->y + r->height);
            break;
          case PW_MAP_DIRECTION_DOWN:
            gap = r->y - (f->y + f->height);
            break;
          case PW_MAP_DIRECTION_HOME:
          case PW_MAP_DIRECTION_END:
          default:
            g_assert_not_reached ();
          }
        if (gap < 0)
          continue;

        /* Up and down stay in the column they start from. */
        if (!horizontal && (r->x + r->width <= f->x || r->x >= f->x + f->width))
          continue;

        offset = horizontal ? ABS (rcy - fcy) : ABS (rcx - fcx);

        if (pass == 0)
          {
            best_gap = MIN (best_gap, gap);
            continue;
          }

        /* The nearest column or row, give or take a card's own size. */
        if (gap > best_gap + (horizontal ? f->width / 2 : f->height / 2))
          continue;
        if (offset < best_offset || (offset == best_offset && gap < best_gap))
          {
            best = i;
            best_offset = offset;
          }
      }

  return best;
}

int
pw_map_layout_navigate (const PwMapLayout *layout,
                        int                from,
                        PwMapDirection     direction)
{
  int target;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_stations == 0)
    return -1;
  if (direction == PW_MAP_DIRECTION_HOME || from < 0 || from >= (int) layout->n_stations)
    return direction == PW_MAP_DIRECTION_END ? (int) layout->n_stations - 1 : 0;
  if (direction == PW_MAP_DIRECTION_END)
    return layout->n_stations - 1;

  target = navigate_spatial (layout, from, direction);

  /* Stacked stages: left and right still move across stages, along the
   * road (forward is right in LTR, left in RTL). */
  if (target < 0 && layout->orientation == PW_MAP_ORIENTATION_VERTICAL &&
      (direction == PW_MAP_DIRECTION_LEFT || direction == PW_MAP_DIRECTION_RIGHT))
    {
      gboolean forward = (direction == PW_MAP_DIRECTION_RIGHT) != layout->rtl;
      const PwMapStationBox *f = &layout->stations[from];
      int stage = (int) f->stage;

      do
        stage += forward ? 1 : -1;
      while (stage >= 0 && stage < (int) layout->n_stages && layout->stages[stage].n_steps == 0);

      if (stage >= 0 && stage < (int) layout->n_stages)
        target = layout->stages[stage].first +
                 MIN (f->step, layout->stages[stage].n_steps - 1);
    }

  return target;
}

int
pw_map_layout_flow (const PwMapFlowItem *items,
                    guint                n_items,
                    int                  width,
                    int                  column_gap,
                    int                  row_gap,
                    gboolean             rtl,
                    PwMapRect           *rects)
{
  int x = 0, y = 0, row_height = 0;
  guint row_start = 0;

  g_return_val_if_fail (n_items == 0 || items != NULL, 0);

  for (guint i = 0; i <= n_items; i++)
    {
      gboolean last = i == n_items;
      int w = last ? 0 : MIN (items[i].width, width);

      if (last || (i > row_start && (items[i].new_row || x + w > width)))
        {
          /* Close the row: centre its items on one line. */
          for (guint j = row_start; rects != NULL && j < i; j++)
            rects[j].y = y + (row_height - rects[j].height) / 2;
          if (last)
            break;
          y += row_height + row_gap;
          x = 0;
          row_height = 0;
          row_start = i;
        }

      if (rects != NULL)
        rects[i] = (PwMapRect) { rtl ? width - x - w : x, y, w, items[i].height };
      x += w + column_gap;
      row_height = MAX (row_height, items[i].height);
    }

  return n_items > 0 ? y + row_height : 0;
}

double
pw_map_zoom_clamp (double zoom)
{
  if (isnan (zoom))
    return 1.0;
  return CLAMP (zoom, PW_MAP_ZOOM_MIN, PW_MAP_ZOOM_MAX);
}

double
pw_map_zoom_step (double zoom,
                  int    steps)
{
  zoom = pw_map_zoom_clamp (zoom);

  while (steps > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom + 0.001)
          {
            zoom = zoom_levels[i];
            break;
          }
      steps--;
    }
  while (steps < 0)
    {
      for (int i = G_N_ELEMENTS (zoom_levels) - 1; i >= 0; i--)
        if (zoom_levels[i] < zoom - 0.001)
          {
            zoom = zoom_levels[i];
            break;
          }
      steps++;
    }
  return zoom;
}

double
pw_map_zoom_anchor (double content,
                    double screen,
                    double zoom)
{
  return MAX (content * zoom - screen, 0.0);
}
