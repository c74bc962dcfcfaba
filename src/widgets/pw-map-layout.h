/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geometry of the pathway map, in logical pixels (before zoom). Pure
 * arithmetic: the widget measures its children through a callback and
 * places them where the layout says; tests use a fake measure. */

typedef struct
{
  int x, y, width, height;
} PwMapRect;

typedef enum
{
  /* Stages side by side, the road running across under their headers. */
  PW_MAP_ORIENTATION_HORIZONTAL,
  /* Narrow windows: stages stacked, the road running down the start edge. */
  PW_MAP_ORIENTATION_VERTICAL,
} PwMapOrientation;

typedef enum
{
  PW_MAP_PART_STATION, /* stage, step: a step's card */
  PW_MAP_PART_STAGE,   /* stage: the stage's header block, padding included */
  PW_MAP_PART_BANNER,  /* 0 when there is nothing to say */
  PW_MAP_PART_LEGEND,
} PwMapPart;

typedef enum
{
  PW_MAP_DIRECTION_LEFT,  /* on screen: mirrored in RTL */
  PW_MAP_DIRECTION_RIGHT,
  PW_MAP_DIRECTION_UP,
  PW_MAP_DIRECTION_DOWN,
  PW_MAP_DIRECTION_HOME,
  PW_MAP_DIRECTION_END,
} PwMapDirection;

/* The natural height of @part for @width. */
typedef int (*PwMapMeasureFunc) (gpointer  user_data,
                                 PwMapPart part,
                                 guint     stage,
                                 guint     step,
                                 int       width);

typedef struct
{
  guint             n_stages;
  const guint      *n_steps;      /* n_stages counts */
  int               width;        /* available width, logical pixels */
  PwMapOrientation  orientation;  /* see pw_map_layout_pick_orientation() */
  gboolean          rtl;
  PwMapMeasureFunc  measure;
  gpointer          user_data;
} PwMapLayoutInput;

typedef struct
{
  PwMapRect region;   /* the stage's background, its header at the top */
  PwMapRect header;   /* the header block inside the region */
  PwMapRect marker;   /* the numbered stop on the road */
  guint     first;    /* index of its first station in stations[] */
  guint     n_steps;
} PwMapStageBox;

typedef struct
{
  PwMapRect rect;
  guint     stage;
  guint     step;     /* index within its stage */
} PwMapStationBox;

typedef struct
{
  PwMapOrientation  orientation;
  gboolean          rtl;
  int               width;        /* content size; width >= the input width */
  int               height;
  PwMapRect         banner;       /* zero height when absent */
  PwMapRect         legend;
  PwMapRect         road;
  guint             n_stages;
  PwMapStageBox    *stages;
  guint             n_stations;
  PwMapStationBox  *stations;     /* in template order: stage by stage */
} PwMapLayout;

/* Metrics, exposed for the widget's CSS and for tests. */
#define PW_MAP_MARGIN           24
#define PW_MAP_MARGIN_NARROW    12
#define PW_MAP_STAGE_GAP        16
#define PW_MAP_STAGE_PADDING    12
#define PW_MAP_STATION_GAP       8
#define PW_MAP_ROAD_BAND        56
#define PW_MAP_ROAD_WIDTH        8
#define PW_MAP_MARKER_SIZE      36
#define PW_MAP_LANE             44
#define PW_MAP_COLUMN_MIN      210
#define PW_MAP_COLUMN_MAX      380
#define PW_MAP_COLUMN_MIN_NARROW 220

#define PW_MAP_ZOOM_MIN 0.5
#define PW_MAP_ZOOM_MAX 2.0

PwMapOrientation pw_map_layout_pick_orientation (guint                    n_stages,
                                                 int                      width);
int              pw_map_layout_min_width        (guint                    n_stages,
                                                 PwMapOrientation         orientation);
PwMapLayout     *pw_map_layout_compute          (const PwMapLayoutInput  *input);
void             pw_map_layout_free             (PwMapLayout             *layout);

/* The station at (@x, @y), or -1. */
int              pw_map_layout_hit              (const PwMapLayout       *layout,
                                                 int                      x,
                                                 int                      y);
/* The stage whose region holds (@x, @y), or -1. */
int              pw_map_layout_hit_stage        (const PwMapLayout       *layout,
                                                 int                      x,
                                                 int                      y);
/* Where the keyboard goes from station @from (-1: none yet) in
 * @direction; -1 when there is nowhere to go. */
int              pw_map_layout_navigate         (const PwMapLayout       *layout,
                                                 int                      from,
                                                 PwMapDirection           direction);
int              pw_map_layout_station_index    (const PwMapLayout       *layout,
                                                 guint                    stage,
                                                 guint                    step);

/* Wrapping rows (the legend): items in order, a new row when @width is
 * full or an item asks for one. Fills @rects (may be NULL) relative to
 * the flow's origin, mirrored in RTL; returns the height. */
typedef struct
{
  int      width;
  int      height;
  gboolean new_row;
} PwMapFlowItem;

int              pw_map_layout_flow             (const PwMapFlowItem     *items,
                                                 guint                    n_items,
                                                 int                      width,
                                                 int                      column_gap,
                                                 int                      row_gap,
                                                 gboolean                 rtl,
                                                 PwMapRect               *rects);

double           pw_map_zoom_clamp              (double                   zoom);
/* The next zoom level in @steps direction (+1 in, -1 out) from @zoom. */
double           pw_map_zoom_step               (double                   zoom,
                                                 int                      steps);
/* The scroll offset that keeps a content point at @content (logical) on
 * screen at @screen (pixels from the viewport's edge) at @zoom. */
double           pw_map_zoom_anchor             (double                   content,
                                                 double                   screen,
                                                 double                   zoom);

gboolean         pw_map_rect_intersects         (const PwMapRect         *a,
                                                 const PwMapRect         *b);
gboolean         pw_map_rect_contains_rect      (const PwMapRect         *outer,
                                                 const PwMapRect         *inner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwMapLayout, pw_map_layout_free)

G_END_DECLS
