/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-progress-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pw-casework-util.h"
#include "pw-chart-layout.h"
#include "pw-progress-chart.h"

#define AXIS_START 30.0
#define AXIS_END 18.0
#define AXIS_TOP 14.0
#define AXIS_BOTTOM 30.0
#define LEGEND_ROW 22.0
#define LEGEND_GAP 18.0
#define MARKER 4.5
#define PLOT_MIN_HEIGHT 160
#define PLOT_NAT_HEIGHT 220

struct _PwProgressChart
{
  GtkWidget  parent_instance;

  GPtrArray *series;   /* PwProgressSeries */
  GStrv      labels;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (PwProgressChart, pw_progress_chart, GTK_TYPE_WIDGET)

/* Named colours of the theme (libadwaita's palette), lighter shades on a
 * dark background. Ten areas of life, ten colours. */
static const char *palette_light[] = {
  "blue_4", "green_5", "orange_4", "purple_3", "red_4",
  "brown_4", "yellow_5", "blue_2", "green_3", "purple_5",
};
static const char *palette_dark[] = {
  "blue_2", "green_2", "orange_2", "purple_2", "red_2",
  "brown_2", "yellow_2", "blue_4", "green_4", "purple_4",
};

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE,
  MARKER_DIAMOND,
  N_MARKERS,
} MarkerShape;

static void
series_color (PwProgressChart *self,
              guint            index,
              GdkRGBA         *rgba)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const char *name = (dark ? palette_dark : palette_light)[index % G_N_ELEMENTS (palette_light)];
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, rgba) &&
      !gtk_style_context_lookup_color (context, "accent_color", rgba))
    gtk_style_context_get_color (context, rgba);
}

static void
trace_marker (cairo_t     *cr,
              MarkerShape  shape,
              double       x,
              double       y,
              double       r)
{
  switch (shape)
    {
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case MARKER_CIRCLE:
    case N_MARKERS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static char *
format_date (const char *date)
{
  /* The same words for dates as everywhere else on screen. */
  return pw_casework_format_date (date);
}


static void
get_day_range (PwProgressChart *self,
               int             *first,
               int             *last)
{
  *first = G_MAXINT;
  *last = 0;
  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      PwProgressSeries *s = g_ptr_array_index (self->series, i);

      for (guint p = 0; p < s->points->len; p++)
        {
          int day = g_array_index (s->points, PwProgressPoint, p).day;

          *first = MIN (*first, day);
          *last = MAX (*last, day);
        }
    }
  if (*last == 0)
    *first = *last = 0;
}

/* The distinct days with a point, in order, and a representative date. */
static GArray *
collect_days (PwProgressChart *self,
              GPtrArray       *dates)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      PwProgressSeries *s = g_ptr_array_index (self->series, i);

      for (guint p = 0; p < s->points->len; p++)
        {
          PwProgressPoint *pt = &g_array_index (s->points, PwProgressPoint, p);

          if (g_hash_table_add (seen, GINT_TO_POINTER (pt->day)))
            {
              guint at = 0;

              while (at < days->len && g_array_index (days, int, at) < pt->day)
                at++;
              g_array_insert_val (days, at, pt->day);
              g_ptr_array_insert (dates, at, pt->date);
            }
        }
    }
  return days;
}

static PangoLayout *
make_layout (PwProgressChart *self,
             const char      *text,
             gboolean         small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* Legend items: widths, placement and the number of rows for @width. */
static guint
legend_layout (PwProgressChart *self,
               double           width,
               double          *xs,
               guint           *rows)
{
  guint n = self->series != NULL ? self->series->len : 0;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->labels[i], TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widths[i] = 2 * MARKER + 8 + w;
    }
  return pw_chart_flow (widths, n, MAX (1.0, width - AXIS_START - AXIS_END), LEGEND_GAP, xs, rows);
}

static void
pw_progress_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PwProgressChart *self = PW_PROGRESS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 520;
    }
  else
    {
      guint n = self->series != NULL ? self->series->len : 0;
      g_autofree double *xs = g_new0 (double, MAX (n, 1));
      g_autofree guint *rows = g_new0 (guint, MAX (n, 1));
      guint n_rows = legend_layout (self, for_size > 0 ? for_size : 520, xs, rows);
      int legend = (int) ceil (n_rows * LEGEND_ROW) + (n_rows > 0 ? 8 : 0);

      *minimum = PLOT_MIN_HEIGHT + (int) (AXIS_TOP + AXIS_BOTTOM) + legend;
      *natural = PLOT_NAT_HEIGHT + (int) (AXIS_TOP + AXIS_BOTTOM) + legend;
    }
}

static void
pw_progress_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PwProgressChart *self = PW_PROGRESS_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = self->series != NULL ? self->series->len : 0;
  g_autofree double *legend_xs = g_new0 (double, MAX (n, 1));
  g_autofree guint *legend_rows = g_new0 (guint, MAX (n, 1));
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  g_autoptr(GArray) days = NULL;
  guint n_rows;
  double legend_height;
  PwChartFrame frame;
  GdkRGBA fg, grid;
  cairo_t *cr;
  int first, last;

  if (n == 0 || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  grid = fg;
  grid.alpha *= 0.15;

  n_rows = legend_layout (self, width, legend_xs, legend_rows);
  legend_height = n_rows * LEGEND_ROW + 8;
  get_day_range (self, &first, &last);
  pw_chart_frame_init (&frame, width, height - legend_height, AXIS_START, AXIS_END,
                       AXIS_TOP, AXIS_BOTTOM, first, last, rtl);

  /* Score grid and labels 1–5. */
  for (int score = 1; score <= 5; score++)
    {
      double y = round (pw_chart_frame_y (&frame, score));
      g_autofree char *text = g_strdup_printf ("%d", score);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      int w, h;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (frame.x, y, frame.width, 1));
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? frame.x + frame.width + 8 : frame.x - 8 - w,
                                                    y - h / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }

  /* Dates of the check-ins along the bottom, as many as fit. */
  days = collect_days (self, dates);
  {
    g_autofree double *xs = g_new0 (double, days->len);
    g_autofree double *widths = g_new0 (double, days->len);
    g_autofree gboolean *show = g_new0 (gboolean, days->len);
    g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < days->len; i++)
      {
        g_autofree char *text = format_date (g_ptr_array_index (dates, i));
        PangoLayout *layout = make_layout (self, text, TRUE);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        xs[i] = pw_chart_frame_x (&frame, g_array_index (days, int, i));
        widths[i] = w;
        g_ptr_array_add (layouts, layout);
      }
    pw_chart_fit_labels (xs, widths, days->len, 12.0, show);
    for (guint i = 0; i < days->len; i++)
      {
        double x = round (xs[i]);

        gtk_snapshot_append_color (snapshot, &grid,
                                   &GRAPHENE_RECT_INIT (x, frame.y, 1, frame.height));
        if (!show[i])
          continue;
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot,
                                &GRAPHENE_POINT_INIT (CLAMP (x - widths[i] / 2, 0, MAX (0, width - widths[i])),
                                                      frame.y + frame.height + 8));
        gtk_snapshot_append_layout (snapshot, g_ptr_array_index (layouts, i), &fg);
        gtk_snapshot_restore (snapshot);
      }
  }

  /* The lines, each with its own marker shape and, after seven, dashes. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n; i++)
    {
      PwProgressSeries *s = g_ptr_array_index (self->series, i);
      GdkRGBA color;

      series_color (self, i, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 2.5);
      if (i >= 7)
        cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      for (guint p = 0; p < s->points->len; p++)
        {
          PwProgressPoint *pt = &g_array_index (s->points, PwProgressPoint, p);
          double x = pw_chart_frame_x (&frame, pt->day);
          double y = pw_chart_frame_y (&frame, pt->value);

          if (p == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint p = 0; p < s->points->len; p++)
        {
          PwProgressPoint *pt = &g_array_index (s->points, PwProgressPoint, p);

          trace_marker (cr, i % N_MARKERS, pw_chart_frame_x (&frame, pt->day),
                        pw_chart_frame_y (&frame, pt->value), MARKER);
        }
      cairo_fill (cr);
    }

  /* Legend. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->labels[i], TRUE);
      double row_y = height - legend_height + 8 + legend_rows[i] * LEGEND_ROW;
      double item_x = AXIS_START + legend_xs[i];
      int w, h;
      GdkRGBA color;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (rtl)
        item_x = width - item_x - (2 * MARKER + 8 + w);
      series_color (self, i, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      trace_marker (cr, i % N_MARKERS,
                    rtl ? item_x + 8 + w + MARKER : item_x + MARKER, row_y + h / 2.0, MARKER);
      cairo_fill (cr);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? item_x : item_x + 2 * MARKER + 8, row_y));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
  cairo_destroy (cr);
}

static void
update_summary (PwProgressChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      PwProgressSeries *s = g_ptr_array_index (self->series, i);
      g_autoptr(GString) points = g_string_new (NULL);

      for (guint p = 0; p < s->points->len; p++)
        {
          PwProgressPoint *pt = &g_array_index (s->points, PwProgressPoint, p);
          g_autofree char *date = format_date (pt->date);
          g_autofree char *score = pw_casework_format_score (pt->value);

          if (p > 0)
            g_string_append (points, C_("chart", ", "));
          /* Translators: one point of the progress chart: a score (1–5) on a date */
          g_string_append_printf (points, C_("chart", "%s on %s"), score, date);
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an area of life, then its scores, e.g. "Housing: 2 on 5 Jan 2026, 4 on 3 Mar 2026." */
      g_string_append_printf (text, C_("chart", "%s: %s."), self->labels[i], points->str);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

void
pw_progress_chart_set_series (PwProgressChart    *self,
                              GPtrArray          *series,
                              const char * const *labels)
{
  g_return_if_fail (PW_IS_PROGRESS_CHART (self));
  g_return_if_fail (series == NULL || labels != NULL);
  g_return_if_fail (series == NULL || g_strv_length ((char **) labels) >= series->len);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  if (series != NULL)
    {
      self->series = g_ptr_array_ref (series);
      self->labels = g_strdupv ((char **) labels);
    }
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pw_progress_chart_get_n_series (PwProgressChart *self)
{
  g_return_val_if_fail (PW_IS_PROGRESS_CHART (self), 0);

  return self->series != NULL ? self->series->len : 0;
}

const char *
pw_progress_chart_get_summary (PwProgressChart *self)
{
  g_return_val_if_fail (PW_IS_PROGRESS_CHART (self), NULL);

  return self->summary;
}

static void
on_dark_changed (PwProgressChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pw_progress_chart_finalize (GObject *object)
{
  PwProgressChart *self = PW_PROGRESS_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pw_progress_chart_parent_class)->finalize (object);
}

static void
pw_progress_chart_class_init (PwProgressChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pw_progress_chart_finalize;
  widget_class->measure = pw_progress_chart_measure;
  widget_class->snapshot = pw_progress_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pw-progress-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pw_progress_chart_init (PwProgressChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("chart", "Progress chart"),
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

GtkWidget *
pw_progress_chart_new (void)
{
  return g_object_new (PW_TYPE_PROGRESS_CHART, NULL);
}
