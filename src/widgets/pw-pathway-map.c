/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-pathway-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pw-map-layout.h"
#include "pw-map-station.h"
#include "pw-pathway-map.h"
#include "pw-step-popover.h"
#include "pw-store.h"

typedef struct
{
  PwStage       *stage;
  guint          index;
  guint          first;      /* its first station */
  guint          n_steps;
  GtkWidget     *region;     /* the stage's background */
  GtkWidget     *box;        /* its header: name, status, menu */
  GtkWidget     *name_label;
  GtkWidget     *menu_button;
  GtkWidget     *state_label;
  GtkWidget     *summary_label;
  GtkWidget     *milestone_box;
  GtkWidget     *milestone_label;
  GtkWidget     *marker;
  GSimpleAction *action;
  PwStageStatus  status;
} StageEntry;

typedef struct
{
  PwStep    *step;
  guint      stage;
  GtkWidget *widget;
  GPtrArray *items;        /* her PwPlanItem on this step */
  GPtrArray *milestones;   /* PwMilestone of those items */
} StationEntry;

typedef struct
{
  gboolean pending;
  int      station;      /* keep this card where it is on screen, or */
  double   fx, fy;       /* keep this fraction of the content under */
  double   screen_x;     /* this point of the viewport */
  double   screen_y;
} ZoomAnchor;

struct _PwPathwayMap
{
  GtkWidget           parent_instance;

  PwSession          *session;
  PwTemplate         *template;
  gint64              survivor_id;
  char               *language;
  double              zoom;
  gboolean            show_risk;
  gboolean            survivor_facing;
  PwCatalog          *catalog;   /* "language"'s interface texts, in her own view */

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  gboolean            configuring;
  gboolean            hscroll_placed;

  GtkWidget          *road;
  GtkWidget          *banner;
  GtkWidget          *banner_label;
  GPtrArray          *legend;        /* GtkWidget: domains, then statuses */
  guint               legend_statuses; /* index of the first status item */
  PwMapRect          *legend_rects;
  GtkWidget          *popover;
  int                 popover_station;

  GPtrArray          *stages;     /* StageEntry */
  GPtrArray          *stations;   /* StationEntry, template order */
  GHashTable         *step_index; /* step id → station index + 1 */
  GSimpleActionGroup *stage_actions;

  PwMapLayout        *layout;
  int                 layout_width;
  PwMapOrientation    layout_orientation;
  gboolean            layout_rtl;
  gboolean            layout_dirty;
  ZoomAnchor          anchor;

  PwStore            *store;
  gulong              store_changed_id;
  GListModel         *items;
  gulong              items_changed_id;
  guint               reload_idle;

  double              drag_start_h;
  double              drag_start_v;
  gboolean            panning;
  double              scroll_accumulated;

  GHashTable         *render_cache;  /* child → CachedChild */
  gboolean            render_cache_enabled;
};

static void pw_pathway_map_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PwPathwayMap, pw_pathway_map, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      pw_pathway_map_scrollable_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TEMPLATE,
  PROP_SURVIVOR_ID,
  PROP_LANGUAGE,
  PROP_ZOOM,
  PROP_SHOW_RISK,
  PROP_SURVIVOR_FACING,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload_survivor_data (PwPathwayMap *self);
static void set_adjustment (PwPathwayMap   *self,
                            GtkOrientation  orientation,
                            GtkAdjustment  *adjustment);

/* Helpers ---------------------------------------------------------------- */

static void
stage_entry_free (gpointer data)
{
  StageEntry *entry = data;

  g_clear_object (&entry->stage);
  g_clear_object (&entry->action);
  g_free (entry);
}

static void
station_entry_free (gpointer data)
{
  StationEntry *entry = data;

  g_clear_object (&entry->step);
  g_clear_pointer (&entry->items, g_ptr_array_unref);
  g_clear_pointer (&entry->milestones, g_ptr_array_unref);
  g_free (entry);
}

static StationEntry *
station_at (PwPathwayMap *self,
            guint         index)
{
  return g_ptr_array_index (self->stations, index);
}

static StageEntry *
stage_at (PwPathwayMap *self,
          guint         index)
{
  return g_ptr_array_index (self->stages, index);
}

static int
station_index_of (PwPathwayMap *self,
                  GtkWidget    *widget)
{
  for (guint i = 0; i < self->stations->len; i++)
    if (station_at (self, i)->widget == widget)
      return i;
  return -1;
}

static int
station_index_for_step (PwPathwayMap *self,
                        const char   *step_id)
{
  if (step_id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->step_index, step_id)) - 1;
}

static gboolean
has_survivor (PwPathwayMap *self)
{
  return self->survivor_id > 0 && self->store != NULL;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
invalidate_layout (PwPathwayMap *self)
{
  self->layout_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Geometry --------------------------------------------------------------- */

static int
measure_height (GtkWidget *widget,
                int        width)
{
  int minimum = 0, natural = 0;

  if (widget == NULL || !gtk_widget_get_visible (widget))
    return 0;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return MAX (minimum, natural);
}

#define LEGEND_COLUMN_GAP 20
#define LEGEND_ROW_GAP 8

static int
legend_flow (PwPathwayMap *self,
             int           width,
             PwMapRect    *rects)
{
  g_autofree PwMapFlowItem *items = g_new0 (PwMapFlowItem, MAX (self->legend->len, 1));
  guint n = 0;

  for (guint i = 0; i < self->legend->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->legend, i);
      int minimum, natural;

      if (!gtk_widget_get_visible (item))
        continue;
      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      items[n].width = MIN (MAX (minimum, natural), width);
      items[n].height = measure_height (item, items[n].width);
      items[n].new_row = i == self->legend_statuses;
      n++;
    }
  return pw_map_layout_flow (items, n, width, LEGEND_COLUMN_GAP, LEGEND_ROW_GAP,
                             gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL, rects);
}

static int
measure_part (gpointer  user_data,
              PwMapPart part,
              guint     stage,
              guint     step,
              int       width)
{
  PwPathwayMap *self = user_data;

  switch (part)
    {
    case PW_MAP_PART_STATION:
      return measure_height (station_at (self, stage_at (self, stage)->first + step)->widget, width);
    case PW_MAP_PART_STAGE:
      return measure_height (stage_at (self, stage)->box, width);
    case PW_MAP_PART_BANNER:
      return measure_height (self->banner, width);
    case PW_MAP_PART_LEGEND:
      return legend_flow (self, width, NULL);
    default:
      g_assert_not_reached ();
    }
}

static PwMapLayout *
compute_layout (PwPathwayMap     *self,
                int               width,
                PwMapOrientation  orientation)
{
  g_autofree guint *n_steps = g_new0 (guint, MAX (self->stages->len, 1));
  PwMapLayoutInput input = { 0, };

  for (guint i = 0; i < self->stages->len; i++)
    n_steps[i] = stage_at (self, i)->n_steps;

  input.n_stages = self->stages->len;
  input.n_steps = n_steps;
  input.width = width;
  input.orientation = orientation;
  input.rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  input.measure = measure_part;
  input.user_data = self;
  return pw_map_layout_compute (&input);
}

static void
ensure_layout (PwPathwayMap *self,
               int           width)
{
  PwMapOrientation orientation = pw_map_layout_pick_orientation (self->stages->len, width);
  int logical = (int) floor (width / self->zoom);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (self->layout != NULL && !self->layout_dirty && self->layout_width == logical &&
      self->layout_orientation == orientation && self->layout_rtl == rtl)
    return;

  g_clear_pointer (&self->layout, pw_map_layout_free);
  self->layout = compute_layout (self, logical, orientation);
  g_free (self->legend_rects);
  self->legend_rects = g_new0 (PwMapRect, MAX (self->legend->len, 1));
  legend_flow (self, self->layout->legend.width, self->legend_rects);
  self->layout_width = logical;
  self->layout_orientation = orientation;
  self->layout_rtl = rtl;
  self->layout_dirty = FALSE;
}

/* Where a content rectangle is in the widget, scrolled and zoomed. */
static graphene_rect_t
to_widget (PwPathwayMap    *self,
           const PwMapRect *rect)
{
  double h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  return GRAPHENE_RECT_INIT (rect->x * self->zoom - h, rect->y * self->zoom - v,
                             rect->width * self->zoom, rect->height * self->zoom);
}

static void
scroll_to_rect (PwPathwayMap    *self,
                const PwMapRect *rect)
{
  const int margin = 12;
  GtkAdjustment *adjustments[2] = { self->hadjustment, self->vadjustment };
  double starts[2] = { rect->x * self->zoom, rect->y * self->zoom };
  double ends[2] = { (rect->x + rect->width) * self->zoom, (rect->y + rect->height) * self->zoom };

  for (guint i = 0; i < 2; i++)
    {
      GtkAdjustment *adjustment = adjustments[i];
      double value, page;

      if (adjustment == NULL)
        continue;
      value = gtk_adjustment_get_value (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      if (page <= 0)
        continue;
      /* The card's start wins when it is bigger than the view. */
      if (ends[i] + margin > value + page)
        value = ends[i] + margin - page;
      if (starts[i] - margin < value)
        value = starts[i] - margin;
      gtk_adjustment_set_value (adjustment, value);
    }
}

static void
scroll_to_station (PwPathwayMap *self,
                   int           index)
{
  if (self->layout == NULL || index < 0 || index >= (int) self->layout->n_stations)
    return;
  scroll_to_rect (self, &self->layout->stations[index].rect);
}

/* Stage headers ------------------------------------------------------------ */

/* @catalog: her language's in her own view; NULL: the interface's. */
static const char *
stage_status_text (PwCatalog     *catalog,
                   PwStageStatus  status)
{
  switch (status)
    {
    case PW_STAGE_STATUS_CURRENT:
      return pw_catalog_gettext (catalog, "Current stage");
    case PW_STAGE_STATUS_REVISITED:
      return pw_catalog_gettext (catalog, "Revisited");
    case PW_STAGE_STATUS_COMPLETED:
      return pw_catalog_gettext (catalog, "Completed");
    case PW_STAGE_STATUS_NOT_REACHED:
    default:
      return pw_catalog_gettext (catalog, "Not reached yet");
    }
}

static char *
stage_status_with_date (PwCatalog     *catalog,
                        PwStageStatus  status,
                        const char    *since,
                        gboolean       with_day)
{
  g_autofree char *date = pw_map_format_date_in (catalog, since, with_day);

  if (status == PW_STAGE_STATUS_NOT_REACHED || date == NULL)
    return g_strdup (stage_status_text (catalog, status));

  switch (status)
    {
    case PW_STAGE_STATUS_CURRENT:
      /* Translators: a stage's state in the map, %s is a date like "January 2026" */
      return g_strdup_printf (pw_catalog_gettext (catalog, "Current stage · since %s"), date);
    case PW_STAGE_STATUS_REVISITED:
      /* Translators: she came back to this stage; %s is a date like "January 2026" */
      return g_strdup_printf (pw_catalog_gettext (catalog, "Revisited · since %s"), date);
    case PW_STAGE_STATUS_COMPLETED:
      /* Translators: %s is a date like "January 2026" */
      return g_strdup_printf (pw_catalog_gettext (catalog, "Completed · %s"), date);
    case PW_STAGE_STATUS_NOT_REACHED:
    default:
      g_assert_not_reached ();
    }
}

static const char * const stage_status_classes[] = {
  "not-reached", "current", "revisited", "completed",
};

static void
stage_set_status (StageEntry    *entry,
                  PwCatalog     *catalog,
                  gboolean       editable,
                  gboolean       with_survivor,
                  PwStageStatus  status,
                  const char    *since,
                  const char    *history)
{
  g_autofree char *state = NULL;
  g_autofree char *a11y = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stage_status_classes); i++)
    {
      gtk_widget_remove_css_class (entry->box, stage_status_classes[i]);
      gtk_widget_remove_css_class (entry->region, stage_status_classes[i]);
      gtk_widget_remove_css_class (entry->marker, stage_status_classes[i]);
    }

  entry->status = status;
  gtk_widget_set_visible (entry->menu_button, with_survivor && editable);
  gtk_widget_set_visible (entry->state_label, with_survivor);
  gtk_widget_set_visible (entry->summary_label, !with_survivor);

  if (with_survivor)
    {
      gtk_widget_add_css_class (entry->box, stage_status_classes[status]);
      gtk_widget_add_css_class (entry->region, stage_status_classes[status]);
      gtk_widget_add_css_class (entry->marker, stage_status_classes[status]);
      state = stage_status_with_date (catalog, status, since, FALSE);
      gtk_label_set_text (GTK_LABEL (entry->state_label), state);
      gtk_widget_set_tooltip_text (entry->state_label, history);
      g_simple_action_set_state (entry->action,
                                 g_variant_new_string (pw_enum_to_nick (PW_TYPE_STAGE_STATUS, status)));
      g_simple_action_set_enabled (entry->action, TRUE);
      /* Translators: accessible name of a stage: "Stage 3: Recovery — Current stage · since May 2026" */
      a11y = g_strdup_printf (pw_catalog_gettext (catalog, "Stage %u: %s — %s"), entry->index + 1,
                              gtk_label_get_text (GTK_LABEL (entry->name_label)), state);
    }
  else
    {
      g_simple_action_set_enabled (entry->action, FALSE);
      a11y = g_strdup_printf (pw_catalog_gettext (catalog, "Stage %u: %s — %s"), entry->index + 1,
                              gtk_label_get_text (GTK_LABEL (entry->name_label)),
                              gtk_label_get_text (GTK_LABEL (entry->summary_label)));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
}

static void
on_stage_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  PwPathwayMap *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) current = g_action_get_state (G_ACTION (action));
  const char *stage_id = g_object_get_data (G_OBJECT (action), "stage-id");
  int status;

  if (!has_survivor (self) ||
      !pw_enum_from_nick (PW_TYPE_STAGE_STATUS, g_variant_get_string (value, NULL), &status))
    return;
  /* Choosing the state she is already in is not a change worth a date. */
  if (g_variant_equal (value, current))
    return;

  /* Dated today; the store keeps the earlier states as history. */
  if (pw_store_set_stage_status (self->store, self->survivor_id, stage_id, status, NULL, &error) == 0)
    {
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
      return;
    }
  g_simple_action_set_state (action, value);
  reload_survivor_data (self);
}

static GMenuModel *
stage_menu_new (const char *action_name)
{
  static const struct { const char *label; PwStageStatus status; } entries[] = {
    { N_("Current Stage"), PW_STAGE_STATUS_CURRENT },
    { N_("Revisited"), PW_STAGE_STATUS_REVISITED },
    { N_("Completed"), PW_STAGE_STATUS_COMPLETED },
    { N_("Not Reached Yet"), PW_STAGE_STATUS_NOT_REACHED },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, action_name,
                                               g_variant_new_string (pw_enum_to_nick (PW_TYPE_STAGE_STATUS,
                                                                                      entries[i].status)));
      g_menu_append_item (section, item);
    }
  /* Translators: heading of the menu that sets where she stands in a stage */
  g_menu_append_section (menu, _("Her Stage Status"), G_MENU_MODEL (section));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static StageEntry *
stage_entry_new (PwPathwayMap *self,
                 PwStage      *stage,
                 guint         index)
{
  StageEntry *entry = g_new0 (StageEntry, 1);
  g_autofree char *action_name = NULL;
  g_autofree char *marker_text = g_strdup_printf ("%u", index + 1);
  g_autofree char *tooltip = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row, *star;

  entry->stage = g_object_ref (stage);
  entry->index = index;

  entry->action = g_simple_action_new_stateful (pw_stage_get_id (stage), G_VARIANT_TYPE_STRING,
                                                g_variant_new_string ("not_reached"));
  g_object_set_data_full (G_OBJECT (entry->action), "stage-id",
                          g_strdup (pw_stage_get_id (stage)), g_free);
  g_signal_connect (entry->action, "change-state", G_CALLBACK (on_stage_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self->stage_actions), G_ACTION (entry->action));
  action_name = g_strconcat ("stage.", pw_stage_get_id (stage), NULL);

  entry->box = g_object_new (GTK_TYPE_BOX,
                             "orientation", GTK_ORIENTATION_VERTICAL,
                             "spacing", 4,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                             NULL);
  gtk_widget_add_css_class (entry->box, "pw-map-stage-header");
  gtk_widget_add_css_class (entry->box, pw_stage_get_id (stage));

  /* Apart from the header, so its large plain area is filled, not copied. */
  entry->region = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_add_css_class (entry->region, "pw-map-stage");
  gtk_widget_add_css_class (entry->region, pw_stage_get_id (stage));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry->name_label = g_object_new (GTK_TYPE_LABEL,
                                    "label", pw_stage_get_name (stage, self->language),
                                    "xalign", 0.0f,
                                    "wrap", TRUE,
                                    "hexpand", TRUE,
                                    NULL);
  gtk_widget_add_css_class (entry->name_label, "pw-map-stage-name");
  gtk_box_append (GTK_BOX (row), entry->name_label);

  menu = stage_menu_new (action_name);
  entry->menu_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                     "icon-name", "view-more-symbolic",
                                     "menu-model", menu,
                                     "valign", GTK_ALIGN_START,
                                     "visible", FALSE,
                                     NULL);
  gtk_widget_add_css_class (entry->menu_button, "flat");
  gtk_widget_add_css_class (entry->menu_button, "circular");
  /* Translators: tooltip of a stage header's menu button; %s is the stage */
  tooltip = g_strdup_printf (_("Set Her Status in “%s”"), pw_stage_get_name (stage, self->language));
  gtk_widget_set_tooltip_text (entry->menu_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_box_append (GTK_BOX (row), entry->menu_button);
  gtk_box_append (GTK_BOX (entry->box), row);

  entry->state_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, "visible", FALSE, NULL);
  gtk_widget_add_css_class (entry->state_label, "pw-map-stage-state");
  gtk_box_append (GTK_BOX (entry->box), entry->state_label);

  entry->summary_label = g_object_new (GTK_TYPE_LABEL,
                                       "label", pw_stage_get_summary (stage, self->language),
                                       "xalign", 0.0f,
                                       "wrap", TRUE,
                                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                       NULL);
  gtk_widget_add_css_class (entry->summary_label, "pw-map-stage-summary");
  gtk_box_append (GTK_BOX (entry->box), entry->summary_label);

  entry->milestone_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_visible (entry->milestone_box, FALSE);
  star = g_object_new (GTK_TYPE_IMAGE, "icon-name", "starred-symbolic",
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_add_css_class (star, "pw-map-star");
  gtk_box_append (GTK_BOX (entry->milestone_box), star);
  entry->milestone_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, NULL);
  gtk_widget_add_css_class (entry->milestone_label, "pw-map-milestones");
  gtk_box_append (GTK_BOX (entry->milestone_box), entry->milestone_label);
  gtk_box_append (GTK_BOX (entry->box), entry->milestone_box);

  entry->marker = g_object_new (GTK_TYPE_LABEL,
                                "label", marker_text,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                NULL);
  gtk_widget_add_css_class (entry->marker, "pw-map-marker");
  gtk_widget_add_css_class (entry->marker, pw_stage_get_id (stage));

  stage_set_status (entry, self->catalog, !self->survivor_facing, FALSE, PW_STAGE_STATUS_NOT_REACHED, NULL, NULL);
  return entry;
}

/* Legend ------------------------------------------------------------------ */

static GtkWidget *
legend_item_new (GtkWidget  *first,
                 GtkWidget  *second,
                 const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), first);
  if (second != NULL)
    gtk_box_append (GTK_BOX (box), second);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
legend_append (PwPathwayMap *self,
               GtkWidget    *item)
{
  gtk_widget_add_css_class (item, "pw-map-legend");
  gtk_widget_insert_before (item, GTK_WIDGET (self), self->banner);
  g_ptr_array_add (self->legend, item);
}

static void
legend_clear (PwPathwayMap *self)
{
  for (guint i = 0; i < self->legend->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->legend, i));
  g_ptr_array_set_size (self->legend, 0);
  self->legend_statuses = 0;
  g_clear_pointer (&self->legend_rects, g_free);
}

static void
legend_show_statuses (PwPathwayMap *self,
                      gboolean      visible)
{
  for (guint i = self->legend_statuses; i < self->legend->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->legend, i), visible);
}

static GtkWidget *
image_new (const char *icon_name,
           const char *css_class,
           const char *css_class2)
{
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", icon_name,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (image, css_class2);
  return image;
}

static void
rebuild_legend (PwPathwayMap *self)
{
  static const int statuses[] = {
    PW_PLAN_ITEM_STATUS_ACHIEVED, PW_PLAN_ITEM_STATUS_IN_PROGRESS, PW_PLAN_ITEM_STATUS_AGREED,
    PW_PLAN_ITEM_STATUS_PROPOSED, PW_PLAN_ITEM_STATUS_PAUSED, PW_PLAN_ITEM_STATUS_DROPPED,
    PW_STATUS_GLYPH_NONE,
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  GListModel *domains;

  legend_clear (self);

  if (self->template == NULL)
    return;

  domains = pw_template_get_domains (self->template);
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PwDomain) domain = g_list_model_get_item (domains, i);
      g_autofree char *domain_class = g_strconcat ("domain-", pw_domain_get_id (domain), NULL);
      const char *icon = pw_domain_get_icon_name (domain);
      GtkWidget *swatch = g_object_new (GTK_TYPE_BOX,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        "valign", GTK_ALIGN_CENTER,
                                        NULL);

      if (icon == NULL || !gtk_icon_theme_has_icon (theme, icon))
        icon = "view-grid-symbolic";
      gtk_widget_add_css_class (swatch, "pw-domain-swatch");
      gtk_widget_add_css_class (swatch, domain_class);
      legend_append (self, legend_item_new (swatch, image_new (icon, "pw-domain-icon", domain_class),
                                            pw_domain_get_name (domain, self->language)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      const char *text = statuses[i] != PW_STATUS_GLYPH_NONE
        ? pw_plan_item_status_to_string_in (self->catalog, statuses[i])
        : self->survivor_facing ? pw_catalog_pgettext (self->catalog, "her plan", "not in my plan")
                                : pw_catalog_gettext (self->catalog, "not in her plan");

      if (i == 0)
        self->legend_statuses = self->legend->len;
      legend_append (self, legend_item_new (pw_status_glyph_new (statuses[i], TRUE), NULL, text));
    }
  legend_append (self, legend_item_new (image_new ("starred-symbolic", "pw-map-star", NULL), NULL,
                                        pw_catalog_gettext (self->catalog, "milestone")));
  /* Her own view shows no overdue marks, so it needs no key for them. */
  if (!self->survivor_facing)
    legend_append (self, legend_item_new (image_new ("dialog-warning-symbolic", "pw-map-overdue-icon", NULL),
                                          NULL, _("overdue")));
  legend_show_statuses (self, has_survivor (self));
}

/* Building the map from the template -------------------------------------- */

static void
clear_map (PwPathwayMap *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->popover_station = -1;

  for (guint i = 0; i < self->stations->len; i++)
    gtk_widget_unparent (station_at (self, i)->widget);
  for (guint i = 0; i < self->stages->len; i++)
    {
      StageEntry *entry = stage_at (self, i);

      g_action_map_remove_action (G_ACTION_MAP (self->stage_actions), pw_stage_get_id (entry->stage));
      gtk_widget_unparent (entry->box);
      gtk_widget_unparent (entry->region);
      gtk_widget_unparent (entry->marker);
    }
  g_ptr_array_set_size (self->stations, 0);
  g_ptr_array_set_size (self->stages, 0);
  g_hash_table_remove_all (self->render_cache);
  g_hash_table_remove_all (self->step_index);
  g_clear_pointer (&self->layout, pw_map_layout_free);
}

static void
on_station_activate (PwMapStation *station,
                     PwPathwayMap *self);

static void
rebuild_map (PwPathwayMap *self)
{
  GListModel *stages;
  guint n_stages;

  clear_map (self);
  rebuild_legend (self);

  if (self->template == NULL)
    {
      invalidate_layout (self);
      return;
    }

  stages = pw_template_get_stages (self->template);
  n_stages = g_list_model_get_n_items (stages);

  /* Drawing order is child order: stages, the road across them, its stops,
   * then the cards on top (and first to be picked). */
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      StageEntry *entry = stage_entry_new (self, stage, i);

      g_ptr_array_add (self->stages, entry);
      gtk_widget_insert_before (entry->region, GTK_WIDGET (self), self->road);
    }
  for (guint i = 0; i < n_stages; i++)
    {
      gtk_widget_insert_before (stage_at (self, i)->marker, GTK_WIDGET (self), self->banner);
      gtk_widget_insert_before (stage_at (self, i)->box, GTK_WIDGET (self), self->banner);
    }

  for (guint i = 0; i < n_stages; i++)
    {
      StageEntry *stage_entry = stage_at (self, i);
      GListModel *steps = pw_stage_get_steps (stage_entry->stage);
      guint n_steps = g_list_model_get_n_items (steps);
      g_autofree char *stage_description = NULL;

      /* Translators: read after a step's name: "Stage 1 of 4: Detection and identification" */
      stage_description = g_strdup_printf (pw_catalog_gettext (self->catalog, "Stage %u of %u: %s"), i + 1, n_stages,
                                           pw_stage_get_name (stage_entry->stage, self->language));
      stage_entry->first = self->stations->len;
      stage_entry->n_steps = n_steps;

      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, j);
          PwDomain *domain = pw_template_lookup_domain (self->template, pw_step_get_domain_id (step));
          StationEntry *entry = g_new0 (StationEntry, 1);

          entry->step = g_object_ref (step);
          entry->stage = i;
          entry->items = g_ptr_array_new_with_free_func (g_object_unref);
          entry->milestones = g_ptr_array_new_with_free_func (g_object_unref);
          entry->widget = pw_map_station_new ();
          pw_map_station_set_step (PW_MAP_STATION (entry->widget),
                                   pw_step_get_title (step, self->language),
                                   pw_step_get_domain_id (step),
                                   domain != NULL ? pw_domain_get_name (domain, self->language) : NULL,
                                   domain != NULL ? pw_domain_get_icon_name (domain) : NULL,
                                   stage_description);
          pw_map_station_set_voice (PW_MAP_STATION (entry->widget), self->catalog, self->survivor_facing);
          g_signal_connect (entry->widget, "activate", G_CALLBACK (on_station_activate), self);
          gtk_widget_insert_before (entry->widget, GTK_WIDGET (self), self->banner);
          g_hash_table_insert (self->step_index, g_strdup (pw_step_get_id (step)),
                               GINT_TO_POINTER (self->stations->len + 1));
          g_ptr_array_add (self->stations, entry);
        }
    }

  reload_survivor_data (self);
}

/* Her data ------------------------------------------------------------------ */

static void
set_banner (PwPathwayMap *self,
            const char   *text)
{
  gboolean visible = text != NULL && *text != '\0';

  if (visible)
    gtk_label_set_text (GTK_LABEL (self->banner_label), text);
  if (visible != gtk_widget_get_visible (self->banner) || visible)
    {
      gtk_widget_set_visible (self->banner, visible);
      invalidate_layout (self);
    }
}

static void
update_popover_items (PwPathwayMap *self)
{
  StationEntry *entry;

  if (self->popover_station < 0 || self->popover_station >= (int) self->stations->len)
    return;
  entry = station_at (self, self->popover_station);
  pw_step_popover_set_plan_items (PW_STEP_POPOVER (self->popover),
                                  has_survivor (self) ? entry->items : NULL);
  pw_step_popover_set_milestones (PW_STEP_POPOVER (self->popover),
                                  has_survivor (self) ? entry->milestones : NULL);
}

/* Latest risk assessment's next review, if it has passed. */
static char *
overdue_risk_review (PwPathwayMap *self,
                     const char   *day)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  PwAssessment *latest = NULL;
  const char *next;

  assessments = pw_store_list_assessments (self->store, self->survivor_id,
                                           PW_ASSESSMENT_KIND_RISK, &error);
  if (assessments == NULL)
    {
      g_debug ("Risk assessments not read: %s", error->message);
      return NULL;
    }
  for (guint i = 0; i < assessments->len; i++)
    {
      PwAssessment *a = g_ptr_array_index (assessments, i);

      if (latest == NULL || g_strcmp0 (pw_assessment_get_date (a), pw_assessment_get_date (latest)) >= 0)
        latest = a;
    }
  next = latest != NULL ? pw_assessment_get_next_review (latest) : NULL;
  if (next == NULL || *next == '\0' || g_strcmp0 (next, day) >= 0)
    return NULL;
  return g_strdup (next);
}

static void
reload_survivor_data (PwPathwayMap *self)
{
  g_autofree PwStationPlan *plans = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) stage_milestones = NULL;
  g_autoptr(GHashTable) item_station = NULL;
  g_autoptr(GString) banner = g_string_new (NULL);
  g_autofree char *day = today ();
  guint n_overdue = 0;
  gboolean with_survivor = has_survivor (self);

  g_clear_handle_id (&self->reload_idle, g_source_remove);

  plans = g_new0 (PwStationPlan, MAX (self->stations->len, 1));
  for (guint i = 0; i < self->stations->len; i++)
    {
      g_ptr_array_set_size (station_at (self, i)->items, 0);
      g_ptr_array_set_size (station_at (self, i)->milestones, 0);
    }

  if (with_survivor)
    {
      g_autoptr(GError) error = NULL;
      guint n_items = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

      item_station = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(PwPlanItem) item = g_list_model_get_item (self->items, i);
          int index = station_index_for_step (self, pw_plan_item_get_step_id (item));
          PwPlanItemStatus status = pw_plan_item_get_status (item);
          const char *due = pw_plan_item_get_due_date (item);
          gboolean overdue = due != NULL && *due != '\0' && g_strcmp0 (due, day) < 0 &&
                             (status == PW_PLAN_ITEM_STATUS_PROPOSED ||
                              status == PW_PLAN_ITEM_STATUS_AGREED ||
                              status == PW_PLAN_ITEM_STATUS_IN_PROGRESS);

          /* What she set aside is not on her own map. */
          if (self->survivor_facing && status == PW_PLAN_ITEM_STATUS_DROPPED)
            continue;
          n_overdue += overdue;
          if (index < 0)
            continue;
          if ((guint) status < PW_N_PLAN_ITEM_STATUSES)
            plans[index].counts[status]++;
          plans[index].n_overdue += overdue;
          g_ptr_array_add (station_at (self, index)->items, g_object_ref (item));
          g_hash_table_insert (item_station, g_memdup2 (&(gint64) { pw_plan_item_get_id (item) }, sizeof (gint64)),
                               GINT_TO_POINTER (index + 1));
        }

      stage_milestones = g_ptr_array_new_with_free_func (string_free);
      for (guint i = 0; i < self->stages->len; i++)
        g_ptr_array_add (stage_milestones, g_string_new (NULL));

      milestones = pw_store_list_milestones (self->store, self->survivor_id, &error);
      if (milestones == NULL)
        g_debug ("Milestones not read: %s", error->message);
      for (guint i = 0; milestones != NULL && i < milestones->len; i++)
        {
          PwMilestone *milestone = g_ptr_array_index (milestones, i);
          gint64 item_id = pw_milestone_get_plan_item_id (milestone);
          int index = GPOINTER_TO_INT (g_hash_table_lookup (item_station, &item_id)) - 1;
          PwStage *stage;

          if (index >= 0)
            {
              plans[index].n_milestones++;
              g_ptr_array_add (station_at (self, index)->milestones, g_object_ref (milestone));
              continue;
            }
          stage = self->template != NULL && pw_milestone_get_stage_id (milestone) != NULL
            ? pw_template_lookup_stage (self->template, pw_milestone_get_stage_id (milestone))
            : NULL;
          if (stage != NULL)
            for (guint j = 0; j < self->stages->len; j++)
              if (stage_at (self, j)->stage == stage)
                {
                  GString *lines = g_ptr_array_index (stage_milestones, j);
                  g_autofree char *date = pw_map_format_date (pw_milestone_get_date (milestone), TRUE);

                  if (lines->len > 0)
                    g_string_append_c (lines, '\n');
                  g_string_append_printf (lines, "%s: %s", date != NULL ? date : "",
                                          pw_milestone_get_title (milestone));
                }
        }

      g_clear_error (&error);
      states = pw_store_list_stage_states (self->store, self->survivor_id, &error);
      if (states == NULL)
        g_debug ("Stage states not read: %s", error->message);
      g_clear_error (&error);
      history = pw_store_list_stage_history (self->store, self->survivor_id, &error);
      if (history == NULL)
        g_debug ("Stage history not read: %s", error->message);

      if (self->show_risk)
        {
          g_autofree char *review = overdue_risk_review (self, day);
          g_autofree char *date = pw_map_format_date (review, TRUE);

          if (date != NULL)
            g_string_append_printf (banner, _("The risk review was due on %s."), date);
        }
      if (n_overdue > 0 && !self->survivor_facing)
        {
          if (banner->len > 0)
            g_string_append_c (banner, '\n');
          g_string_append_printf (banner,
                                  ngettext ("%u plan item is past its due date.",
                                            "%u plan items are past their due date.", n_overdue),
                                  n_overdue);
        }
    }

  for (guint i = 0; i < self->stations->len; i++)
    pw_map_station_set_plan (PW_MAP_STATION (station_at (self, i)->widget),
                             with_survivor ? &plans[i] : NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageEntry *entry = stage_at (self, i);
      const char *stage_id = pw_stage_get_id (entry->stage);
      PwStageStatus status = PW_STAGE_STATUS_NOT_REACHED;
      const char *since = NULL;
      g_autoptr(GString) lines = g_string_new (NULL);
      GString *milestone_lines;

      for (guint j = 0; states != NULL && j < states->len; j++)
        {
          PwStageState *state = g_ptr_array_index (states, j);

          if (g_strcmp0 (pw_stage_state_get_stage_id (state), stage_id) == 0)
            {
              status = pw_stage_state_get_status (state);
              since = pw_stage_state_get_since (state);
            }
        }
      /* Newest first: where she is, then how she got there. */
      for (int j = history != NULL ? (int) history->len - 1 : -1; j >= 0; j--)
        {
          PwStageState *state = g_ptr_array_index (history, j);
          g_autofree char *line = NULL;

          if (g_strcmp0 (pw_stage_state_get_stage_id (state), stage_id) != 0)
            continue;
          line = stage_status_with_date (self->catalog, pw_stage_state_get_status (state),
                                         pw_stage_state_get_since (state), TRUE);
          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          g_string_append (lines, line);
        }

      stage_set_status (entry, self->catalog, !self->survivor_facing, with_survivor, status, since,
                        lines->len > 0 ? lines->str : NULL);

      milestone_lines = with_survivor ? g_ptr_array_index (stage_milestones, i) : NULL;
      if (milestone_lines != NULL && milestone_lines->len > 0)
        {
          guint n = 1;
          g_autofree char *text = NULL;

          for (const char *p = milestone_lines->str; *p != '\0'; p++)
            n += *p == '\n';
          text = g_strdup_printf (pw_catalog_ngettext (self->catalog, "%u milestone", "%u milestones", n), n);
          gtk_label_set_text (GTK_LABEL (entry->milestone_label), text);
          gtk_widget_set_tooltip_text (entry->milestone_box, milestone_lines->str);
          gtk_widget_set_visible (entry->milestone_box, TRUE);
        }
      else
        gtk_widget_set_visible (entry->milestone_box, FALSE);
    }

  legend_show_statuses (self, with_survivor);
  set_banner (self, banner->str);
  update_popover_items (self);
  invalidate_layout (self);
}

static gboolean
on_reload_idle (gpointer data)
{
  PwPathwayMap *self = data;

  self->reload_idle = 0;
  reload_survivor_data (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (PwPathwayMap *self)
{
  /* Bursts of changes (an import, a reorder) come as many signals. */
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_reload_idle, self, NULL);
}

static void
on_store_changed (PwStore       *store,
                  PwRecordKind   kind,
                  gint64         record_id,
                  gint64         survivor_id,
                  PwAuditAction  action,
                  PwPathwayMap  *self)
{
  if (survivor_id == self->survivor_id)
    schedule_reload (self);
}

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  PwPathwayMap *self)
{
  schedule_reload (self);
}

static void
disconnect_store (PwPathwayMap *self)
{
  if (self->items != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->items);
  g_clear_object (&self->items);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
}

static void
connect_store (PwPathwayMap *self)
{
  PwStore *store;

  disconnect_store (self);
  if (self->survivor_id <= 0 || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    return;
  store = pw_session_get_store (self->session);
  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->store_changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  self->items = pw_store_get_plan_items (store, self->survivor_id);
  self->items_changed_id = g_signal_connect (self->items, "items-changed",
                                             G_CALLBACK (on_items_changed), self);
}

static void
on_session_state_changed (PwPathwayMap *self)
{
  if (pw_session_get_state (self->session) == PW_SESSION_UNLOCKED)
    {
      if (self->survivor_id > 0 && self->store == NULL)
        {
          connect_store (self);
          reload_survivor_data (self);
        }
      return;
    }

  /* Locked: nothing of hers stays in memory or on screen. */
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  disconnect_store (self);
  if (self->survivor_id != 0)
    {
      self->survivor_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_ID]);
    }
  reload_survivor_data (self);
}

/* Popover ------------------------------------------------------------------- */

static void
open_station (PwPathwayMap *self,
              int           index)
{
  StationEntry *entry;
  graphene_rect_t bounds;

  if (index < 0 || index >= (int) self->stations->len || self->template == NULL)
    return;

  entry = station_at (self, index);
  self->popover_station = index;
  pw_step_popover_set_step (PW_STEP_POPOVER (self->popover), self->template, entry->step, self->language);
  pw_step_popover_set_voice (PW_STEP_POPOVER (self->popover), self->catalog, self->survivor_facing);
  update_popover_items (self);

  if (gtk_widget_compute_bounds (entry->widget, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
    }
  gtk_popover_set_position (GTK_POPOVER (self->popover),
                            self->layout_orientation == PW_MAP_ORIENTATION_HORIZONTAL
                              ? (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                   ? GTK_POS_LEFT : GTK_POS_RIGHT)
                              : GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_station_activate (PwMapStation *station,
                     PwPathwayMap *self)
{
  open_station (self, station_index_of (self, GTK_WIDGET (station)));
}

static void
on_popover_closed (PwPathwayMap *self)
{
  int index = self->popover_station;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->popover_station = -1;
  /* Back to the step it came from, unless she clicked elsewhere. */
  if (index >= 0 && index < (int) self->stations->len &&
      (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    gtk_widget_grab_focus (station_at (self, index)->widget);
}

static void
on_add_to_plan (PwPathwayMap *self)
{
  g_autoptr(PwPlanItem) item = NULL;
  g_autoptr(GError) error = NULL;
  StationEntry *entry;

  if (!has_survivor (self) || self->popover_station < 0 || self->survivor_facing)
    return;
  entry = station_at (self, self->popover_station);

  item = pw_plan_item_new ();
  pw_plan_item_set_survivor_id (item, self->survivor_id);
  pw_plan_item_set_step_id (item, pw_step_get_id (entry->step));
  pw_plan_item_set_stage_id (item, pw_step_get_stage_id (entry->step));
  pw_plan_item_set_domain (item, pw_step_get_domain_id (entry->step));
  /* The worker's language: her own words come later, on the Plan page. */
  pw_plan_item_set_title (item, pw_step_get_title (entry->step, NULL));
  pw_plan_item_set_status (item, PW_PLAN_ITEM_STATUS_PROPOSED);

  if (pw_store_add_plan_item (self->store, item, &error) == 0)
    {
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
      return;
    }
  reload_survivor_data (self);
}

/* Keyboard, pointer, zoom ------------------------------------------------------ */

static int
focused_station (PwPathwayMap *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return child != NULL ? station_index_of (self, child) : -1;
}

static int
focused_stage_header (PwPathwayMap *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  for (guint i = 0; child != NULL && i < self->stages->len; i++)
    if (stage_at (self, i)->box == child)
      return i;
  return -1;
}

static gboolean
focus_station (PwPathwayMap *self,
               int           index)
{
  if (index < 0 || index >= (int) self->stations->len)
    return FALSE;
  scroll_to_station (self, index);
  return gtk_widget_grab_focus (station_at (self, index)->widget);
}

static gboolean
focus_stage_header (PwPathwayMap *self,
                    int           stage)
{
  StageEntry *entry;

  if (stage < 0 || stage >= (int) self->stages->len)
    return FALSE;
  entry = stage_at (self, stage);
  if (!gtk_widget_get_visible (entry->menu_button))
    return FALSE;
  if (self->layout != NULL)
    scroll_to_rect (self, &self->layout->stages[stage].header);
  return gtk_widget_grab_focus (entry->menu_button);
}

static gboolean
navigate (PwPathwayMap   *self,
          PwMapDirection  direction)
{
  int from = focused_station (self);
  int header = focused_stage_header (self);
  int target;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  /* A key can come between a rebuild and the next frame's allocation. */
  if (self->layout == NULL && self->template != NULL && self->stages->len > 0 && width > 0)
    ensure_layout (self, width);
  if (self->layout == NULL || self->stations->len == 0)
    return FALSE;

  if (header >= 0)
    {
      StageEntry *entry = stage_at (self, header);
      gboolean rtl = self->layout->rtl;

      switch (direction)
        {
        case PW_MAP_DIRECTION_DOWN:
          return entry->n_steps > 0 ? focus_station (self, entry->first) : TRUE;
        case PW_MAP_DIRECTION_LEFT:
          focus_stage_header (self, header + (rtl ? 1 : -1));
          return TRUE;
        case PW_MAP_DIRECTION_RIGHT:
          focus_stage_header (self, header + (rtl ? -1 : 1));
          return TRUE;
        case PW_MAP_DIRECTION_UP:
          if (self->layout->orientation == PW_MAP_ORIENTATION_VERTICAL && header > 0)
            {
              StageEntry *previous = stage_at (self, header - 1);

              if (previous->n_steps > 0)
                return focus_station (self, previous->first + previous->n_steps - 1);
            }
          return TRUE;
        case PW_MAP_DIRECTION_HOME:
        case PW_MAP_DIRECTION_END:
        default:
          break;
        }
    }

  target = pw_map_layout_navigate (self->layout, from, direction);

  /* Above the first step of a stage is its header. */
  if (target < 0 && direction == PW_MAP_DIRECTION_UP && from >= 0)
    {
      StationEntry *entry = station_at (self, from);

      focus_stage_header (self, entry->stage);
      return TRUE;
    }
  if (target < 0 && from >= 0 && self->layout->orientation == PW_MAP_ORIENTATION_VERTICAL &&
      direction == PW_MAP_DIRECTION_DOWN)
    return TRUE;

  if (target >= 0)
    focus_station (self, target);
  return TRUE;
}

static gboolean
popover_is_open (PwPathwayMap *self)
{
  return self->popover != NULL && gtk_widget_get_visible (self->popover);
}

/* Keys pressed in a popover (the step's, a stage menu) reach the map too:
 * they belong to the popover. */
static gboolean
any_popup_open (PwPathwayMap *self)
{
  if (popover_is_open (self))
    return TRUE;
  for (guint i = 0; i < self->stages->len; i++)
    {
      GtkPopover *menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (stage_at (self, i)->menu_button));

      if (menu != NULL && gtk_widget_get_visible (GTK_WIDGET (menu)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
on_navigate_binding (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);

  if (any_popup_open (self))
    return FALSE;
  return navigate (self, g_variant_get_int32 (args));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  navigate (PW_PATHWAY_MAP (widget), g_variant_get_int32 (parameter));
}

static void zoom_to (PwPathwayMap *self,
                     double        zoom,
                     gboolean      pointer,
                     double        x,
                     double        y);

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  int steps = g_variant_get_int32 (parameter);

  zoom_to (self, steps == 0 ? 1.0 : pw_map_zoom_step (self->zoom, steps), FALSE, 0, 0);
}

static void
capture_anchor (PwPathwayMap *self,
                double        x,
                double        y,
                gboolean      pointer)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  int station = -1;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  if (!pointer)
    {
      station = focused_station (self);
      x = width / 2;
      y = height / 2;
    }
  else
    station = pw_map_layout_hit (self->layout, (int) ((x + h) / self->zoom), (int) ((y + v) / self->zoom));

  self->anchor.pending = TRUE;
  self->anchor.station = station;
  if (station >= 0)
    {
      graphene_rect_t rect = to_widget (self, &self->layout->stations[station].rect);

      /* Keep the card's corner where it is, unless it was off screen. */
      if (rect.origin.x >= 0 && rect.origin.x < width && rect.origin.y >= 0 && rect.origin.y < height)
        {
          self->anchor.screen_x = rect.origin.x;
          self->anchor.screen_y = rect.origin.y;
          return;
        }
      self->anchor.screen_x = MIN (24, width / 4);
      self->anchor.screen_y = MIN (24, height / 4);
      return;
    }

  self->anchor.screen_x = x;
  self->anchor.screen_y = y;
  self->anchor.fx = (x + h) / MAX (self->layout->width * self->zoom, 1);
  self->anchor.fy = (y + v) / MAX (self->layout->height * self->zoom, 1);
}

static void
zoom_to (PwPathwayMap *self,
         double        zoom,
         gboolean      pointer,
         double        x,
         double        y)
{
  zoom = pw_map_zoom_clamp (zoom);
  if (fabs (zoom - self->zoom) < 0.001)
    return;
  capture_anchor (self, x, y, pointer);
  self->zoom = zoom;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
on_zoom_binding (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  int steps = g_variant_get_int32 (args);

  if (any_popup_open (self))
    return FALSE;
  zoom_to (self, steps == 0 ? 1.0 : pw_map_zoom_step (self->zoom, steps), FALSE, 0, 0);
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PwPathwayMap             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event;
  double x = 0, y = 0;
  int steps;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL && gdk_event_get_position (event, &x, &y))
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      graphene_point_t point;
      double nx, ny;

      gtk_native_get_surface_transform (native, &nx, &ny);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (x - nx, y - ny), &point))
        {
          x = point.x;
          y = point.y;
        }
    }

  /* Touchpads send small deltas: zoom one level per notch's worth. */
  self->scroll_accumulated += dy;
  steps = (int) trunc (self->scroll_accumulated);
  if (steps == 0)
    return TRUE;
  self->scroll_accumulated -= steps;
  zoom_to (self, pw_map_zoom_step (self->zoom, -steps), TRUE, x, y);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               PwPathwayMap   *self)
{
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (gesture));

  /* Touch scrolling belongs to the scrolled window (kinetic). */
  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->panning = FALSE;
  self->drag_start_h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->drag_start_v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                PwPathwayMap   *self)
{
  if (!self->panning)
    {
      double x, y;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), x, y, x + dx, y + dy))
        return;
      /* A drag, not a click: the card under the pointer does not open. */
      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->drag_start_h - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->drag_start_v - dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             PwPathwayMap   *self)
{
  if (self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->panning = FALSE;
}

/* GtkWidget ------------------------------------------------------------------- */

static void
pw_pathway_map_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  guint n_stages = self->stages->len;

  if (self->template == NULL || n_stages == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (pw_map_layout_min_width (n_stages, PW_MAP_ORIENTATION_VERTICAL) * self->zoom);
      *natural = (int) ceil (pw_map_layout_min_width (n_stages, PW_MAP_ORIENTATION_HORIZONTAL) * self->zoom);
    }
  else
    {
      int width = for_size >= 0
        ? for_size
        : (int) ceil (pw_map_layout_min_width (n_stages, PW_MAP_ORIENTATION_HORIZONTAL) * self->zoom);
      g_autoptr(PwMapLayout) layout =
        compute_layout (self, (int) floor (width / self->zoom),
                        pw_map_layout_pick_orientation (n_stages, width));

      *minimum = *natural = (int) ceil (layout->height * self->zoom);
    }
}

static void
configure_adjustment (PwPathwayMap  *self,
                      GtkAdjustment *adjustment,
                      double         value,
                      double         content,
                      double         page)
{
  double upper = MAX (content, page);

  if (adjustment == NULL)
    return;
  gtk_adjustment_configure (adjustment,
                            CLAMP (value, 0, upper - page),
                            0, upper,
                            page * 0.1, page * 0.9, page);
}

static void
allocate_child (PwPathwayMap    *self,
                GtkWidget       *child,
                const PwMapRect *rect,
                double           h,
                double           v)
{
  GskTransform *transform;

  if (!gtk_widget_get_visible (child))
    return;

  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (rect->x * self->zoom - h),
                                                                   round (rect->y * self->zoom - v)));
  if (self->zoom != 1.0)
    transform = gsk_transform_scale (transform, self->zoom, self->zoom);
  gtk_widget_allocate (child, rect->width, rect->height, -1, transform);
}

static void
pw_pathway_map_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  double content_width = 0, content_height = 0;
  double h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  if (self->template != NULL && self->stages->len > 0)
    {
      ensure_layout (self, width);
      content_width = ceil (self->layout->width * self->zoom);
      content_height = ceil (self->layout->height * self->zoom);

      if (self->anchor.pending)
        {
          if (self->anchor.station >= 0 && self->anchor.station < (int) self->layout->n_stations)
            {
              const PwMapRect *rect = &self->layout->stations[self->anchor.station].rect;

              h = pw_map_zoom_anchor (rect->x, self->anchor.screen_x, self->zoom);
              v = pw_map_zoom_anchor (rect->y, self->anchor.screen_y, self->zoom);
            }
          else
            {
              h = self->anchor.fx * content_width - self->anchor.screen_x;
              v = self->anchor.fy * content_height - self->anchor.screen_y;
            }
          self->anchor.pending = FALSE;
        }
      /* Right to left, the road starts on the right: show that end first. */
      if (!self->hscroll_placed && self->layout->rtl)
        h = content_width - width;
      self->hscroll_placed = TRUE;
    }

  self->configuring = TRUE;
  configure_adjustment (self, self->hadjustment, h, content_width, width);
  configure_adjustment (self, self->vadjustment, v, content_height, height);
  self->configuring = FALSE;

  h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  if (self->layout != NULL)
    {
      allocate_child (self, self->road, &self->layout->road, h, v);
      for (guint i = 0; i < self->stages->len && i < self->layout->n_stages; i++)
        {
          allocate_child (self, stage_at (self, i)->region, &self->layout->stages[i].region, h, v);
          allocate_child (self, stage_at (self, i)->box, &self->layout->stages[i].header, h, v);
          allocate_child (self, stage_at (self, i)->marker, &self->layout->stages[i].marker, h, v);
        }
      for (guint i = 0; i < self->stations->len && i < self->layout->n_stations; i++)
        allocate_child (self, station_at (self, i)->widget, &self->layout->stations[i].rect, h, v);
      allocate_child (self, self->banner, &self->layout->banner, h, v);
      for (guint i = 0; self->legend_rects != NULL && i < self->legend->len; i++)
        {
          PwMapRect rect = self->legend_rects[i];

          rect.x += self->layout->legend.x;
          rect.y += self->layout->legend.y;
          allocate_child (self, g_ptr_array_index (self->legend, i), &rect, h, v);
        }
    }

  if (popover_is_open (self))
    {
      graphene_rect_t bounds;

      if (self->popover_station >= 0 &&
          gtk_widget_compute_bounds (station_at (self, self->popover_station)->widget, widget, &bounds))
        gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                     &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
      gtk_popover_present (GTK_POPOVER (self->popover));
    }
}

/* Big areas (a stage's background) fill faster than an image of them copies. */
#define CACHE_MAX_AREA (128 * 1024)

typedef struct
{
  GskRenderNode *node;     /* the child's own node the image was made from */
  double         scale;
  GskRenderNode *image;    /* a cairo node painting it, in zoomed child space */
} CachedChild;

static void
cached_child_free (gpointer data)
{
  CachedChild *cached = data;

  g_clear_pointer (&cached->node, gsk_render_node_unref);
  g_clear_pointer (&cached->image, gsk_render_node_unref);
  g_free (cached);
}

static GskRenderNode *
render_image (GskRenderNode *node,
              double         scale,
              int            scale_factor)
{
  cairo_surface_t *surface;
  GskRenderNode *image;
  graphene_rect_t bounds;
  double x, y, width, height;
  cairo_t *cr;

  gsk_render_node_get_bounds (node, &bounds);
  x = floor (bounds.origin.x * scale);
  y = floor (bounds.origin.y * scale);
  width = ceil ((bounds.origin.x + bounds.size.width) * scale) - x;
  height = ceil ((bounds.origin.y + bounds.size.height) * scale) - y;
  if (width <= 0 || height <= 0 || width * height > 4 * CACHE_MAX_AREA)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_translate (cr, -x, -y);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  image = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x / scale_factor, y / scale_factor,
                                                   width / scale_factor, height / scale_factor));
  cr = gsk_cairo_node_get_draw_context (image);
  cairo_translate (cr, x / scale_factor, y / scale_factor);
  cairo_scale (cr, 1.0 / scale_factor, 1.0 / scale_factor);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return image;
}

/* Software rendering only: a card's node only changes when the card is
 * redrawn (hover, focus, new data), otherwise GTK hands back the very same
 * node. Painting it once into an image makes a frame of the whole map a few
 * dozen image copies instead of hundreds of rounded shapes, glyphs and
 * icons (see tests/bench/bench-map.c). GL renderers keep their own caches. */
static gboolean
snapshot_child_cached (PwPathwayMap *self,
                       GtkWidget    *child,
                       GtkSnapshot  *snapshot)
{
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *child_snapshot = gtk_snapshot_new ();
  GskRenderNode *inner;
  CachedChild *cached;
  float scale_x = 1, scale_y = 1, dx = 0, dy = 0;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double scale;

  gtk_widget_snapshot_child (GTK_WIDGET (self), child, child_snapshot);
  node = gtk_snapshot_free_to_node (child_snapshot);
  if (node == NULL)
    return TRUE;

  inner = node;
  if (gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE)
    {
      GskTransform *transform = gsk_transform_node_get_transform (node);

      if (gsk_transform_get_category (transform) < GSK_TRANSFORM_CATEGORY_2D_AFFINE)
        {
          gtk_snapshot_append_node (snapshot, node);
          return TRUE;
        }
      gsk_transform_to_affine (transform, &scale_x, &scale_y, &dx, &dy);
      inner = gsk_transform_node_get_child (node);
    }
  scale = scale_x * scale_factor;

  cached = g_hash_table_lookup (self->render_cache, child);
  if (cached == NULL || cached->node != inner || cached->scale != scale)
    {
      GskRenderNode *image = scale_x == scale_y && scale > 0 ? render_image (inner, scale, scale_factor) : NULL;

      if (image == NULL)
        {
          g_hash_table_remove (self->render_cache, child);
          gtk_snapshot_append_node (snapshot, node);
          return TRUE;
        }
      cached = g_new0 (CachedChild, 1);
      cached->node = gsk_render_node_ref (inner);
      cached->scale = scale;
      cached->image = image;
      g_hash_table_replace (self->render_cache, child, cached);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
  gtk_snapshot_append_node (snapshot, cached->image);
  gtk_snapshot_restore (snapshot);
  return TRUE;
}

static void
pw_pathway_map_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  graphene_rect_t visible = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                gtk_widget_get_height (widget));
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  gboolean cache = self->render_cache_enabled && GSK_IS_CAIRO_RENDERER (renderer);

  /* Only what is in view: a long pathway scrolled far down costs nothing. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (child == self->popover || !gtk_widget_get_child_visible (child) || !gtk_widget_get_visible (child))
        continue;
      if (gtk_widget_compute_bounds (child, widget, &bounds) &&
          !graphene_rect_intersection (&bounds, &visible, NULL))
        continue;
      if (cache && bounds.size.width * bounds.size.height <= CACHE_MAX_AREA)
        snapshot_child_cached (self, child, snapshot);
      else
        gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

static void
pw_pathway_map_unmap (GtkWidget *widget)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);

  /* Nothing to keep while hidden; the next window may render differently. */
  g_hash_table_remove_all (self->render_cache);
  GTK_WIDGET_CLASS (pw_pathway_map_parent_class)->unmap (widget);
}

static gboolean
pw_pathway_map_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  g_autoptr(GPtrArray) order = NULL;
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward;
  int start = -1;

  switch (direction)
    {
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
      if (focus_child != NULL)
        {
          static const PwMapDirection map[] = {
            [GTK_DIR_UP] = PW_MAP_DIRECTION_UP, [GTK_DIR_DOWN] = PW_MAP_DIRECTION_DOWN,
            [GTK_DIR_LEFT] = PW_MAP_DIRECTION_LEFT, [GTK_DIR_RIGHT] = PW_MAP_DIRECTION_RIGHT,
          };

          return navigate (self, map[direction]);
        }
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      break;
    }

  /* Reading order, whatever the layout: each stage's header, then its steps. */
  order = g_ptr_array_new ();
  g_ptr_array_add (order, self->banner);
  for (guint i = 0; i < self->stages->len; i++)
    {
      StageEntry *stage = stage_at (self, i);

      g_ptr_array_add (order, stage->box);
      for (guint j = 0; j < stage->n_steps; j++)
        g_ptr_array_add (order, station_at (self, stage->first + j)->widget);
    }

  forward = direction != GTK_DIR_TAB_BACKWARD && direction != GTK_DIR_UP && direction != GTK_DIR_LEFT;
  if (focus_child != NULL)
    {
      guint index;

      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      if (g_ptr_array_find (order, focus_child, &index))
        start = (int) index + (forward ? 1 : -1);
    }
  else
    start = forward ? 0 : (int) order->len - 1;

  for (int i = start; i >= 0 && i < (int) order->len; i += forward ? 1 : -1)
    if (gtk_widget_child_focus (g_ptr_array_index (order, i), direction))
      return TRUE;
  return FALSE;
}

static void
pw_pathway_map_set_focus_child (GtkWidget *widget,
                                GtkWidget *child)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);
  int index;

  GTK_WIDGET_CLASS (pw_pathway_map_parent_class)->set_focus_child (widget, child);

  /* However the focus got there (Tab, a click, the Plan page), show it. */
  if (child != NULL && !self->panning && (index = station_index_of (self, child)) >= 0)
    scroll_to_station (self, index);
}

static void
pw_pathway_map_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (widget);

  self->hscroll_placed = FALSE;
  invalidate_layout (self);
  GTK_WIDGET_CLASS (pw_pathway_map_parent_class)->direction_changed (widget, previous);
}

/* GtkScrollable ------------------------------------------------------------------ */

static void
on_adjustment_value_changed (PwPathwayMap *self)
{
  if (!self->configuring)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (PwPathwayMap   *self,
                GtkOrientation  orientation,
                GtkAdjustment  *adjustment)
{
  GtkAdjustment **slot = orientation == GTK_ORIENTATION_HORIZONTAL ? &self->hadjustment : &self->vadjustment;

  if (adjustment != NULL && adjustment == *slot)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
pw_pathway_map_get_border (GtkScrollable *scrollable,
                           GtkBorder     *border)
{
  return FALSE;
}

static void
pw_pathway_map_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = pw_pathway_map_get_border;
}

/* GObject --------------------------------------------------------------------- */

static void
pw_pathway_map_constructed (GObject *object)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (object);

  G_OBJECT_CLASS (pw_pathway_map_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
}

static void
pw_pathway_map_dispose (GObject *object)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  disconnect_store (self);
  if (self->stages != NULL)
    clear_map (self);
  g_clear_pointer (&self->road, gtk_widget_unparent);
  g_clear_pointer (&self->banner, gtk_widget_unparent);
  if (self->legend != NULL)
    legend_clear (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->stage_actions);
  g_clear_object (&self->template);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_pathway_map_parent_class)->dispose (object);
}

static void
pw_pathway_map_finalize (GObject *object)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (object);

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->step_index, g_hash_table_unref);
  g_clear_pointer (&self->render_cache, g_hash_table_unref);
  g_clear_pointer (&self->legend, g_ptr_array_unref);
  g_clear_pointer (&self->layout, pw_map_layout_free);
  g_free (self->language);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pw_pathway_map_parent_class)->finalize (object);
}

static void
pw_pathway_map_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SHOW_RISK:
      g_value_set_boolean (value, self->show_risk);
      break;
    case PROP_SURVIVOR_FACING:
      g_value_set_boolean (value, self->survivor_facing);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_pathway_map_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwPathwayMap *self = PW_PATHWAY_MAP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE:
      pw_pathway_map_set_template (self, g_value_get_object (value));
      break;
    case PROP_SURVIVOR_ID:
      pw_pathway_map_set_survivor_id (self, g_value_get_int64 (value));
      break;
    case PROP_LANGUAGE:
      pw_pathway_map_set_language (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      pw_pathway_map_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SHOW_RISK:
      pw_pathway_map_set_show_risk (self, g_value_get_boolean (value));
      break;
    case PROP_SURVIVOR_FACING:
      pw_pathway_map_set_survivor_facing (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass       *widget_class,
             guint                 keyval,
             GdkModifierType       modifiers,
             GtkShortcutFunc       callback,
             int                   argument)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, callback, "i", argument);
}

static void
pw_pathway_map_class_init (PwPathwayMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key, kp; PwMapDirection direction; } moves[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, PW_MAP_DIRECTION_LEFT },
    { GDK_KEY_Right, GDK_KEY_KP_Right, PW_MAP_DIRECTION_RIGHT },
    { GDK_KEY_Up, GDK_KEY_KP_Up, PW_MAP_DIRECTION_UP },
    { GDK_KEY_Down, GDK_KEY_KP_Down, PW_MAP_DIRECTION_DOWN },
    { GDK_KEY_Home, GDK_KEY_KP_Home, PW_MAP_DIRECTION_HOME },
    { GDK_KEY_End, GDK_KEY_KP_End, PW_MAP_DIRECTION_END },
  };
  static const struct { guint key; int steps; } zooms[] = {
    { GDK_KEY_plus, 1 }, { GDK_KEY_KP_Add, 1 }, { GDK_KEY_equal, 1 },
    { GDK_KEY_minus, -1 }, { GDK_KEY_KP_Subtract, -1 },
  };

  object_class->constructed = pw_pathway_map_constructed;
  object_class->dispose = pw_pathway_map_dispose;
  object_class->finalize = pw_pathway_map_finalize;
  object_class->get_property = pw_pathway_map_get_property;
  object_class->set_property = pw_pathway_map_set_property;

  widget_class->measure = pw_pathway_map_measure;
  widget_class->size_allocate = pw_pathway_map_size_allocate;
  widget_class->snapshot = pw_pathway_map_snapshot;
  widget_class->unmap = pw_pathway_map_unmap;
  widget_class->focus = pw_pathway_map_focus;
  widget_class->set_focus_child = pw_pathway_map_set_focus_child;
  widget_class->direction_changed = pw_pathway_map_direction_changed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, PW_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, PW_MAP_ZOOM_MIN, PW_MAP_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RISK] =
    g_param_spec_boolean ("show-risk", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_FACING] =
    g_param_spec_boolean ("survivor-facing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SIGNAL_ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The keys call the same code; the actions let tests and menus drive it. */
  gtk_widget_class_install_action (widget_class, "map.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "map.zoom", "i", zoom_action);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      add_binding (widget_class, moves[i].key, 0, on_navigate_binding, moves[i].direction);
      add_binding (widget_class, moves[i].kp, 0, on_navigate_binding, moves[i].direction);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      add_binding (widget_class, zooms[i].key, 0, on_zoom_binding, zooms[i].steps);
      add_binding (widget_class, zooms[i].key, GDK_CONTROL_MASK, on_zoom_binding, zooms[i].steps);
    }
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, on_zoom_binding, 0);
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, on_zoom_binding, 0);

  gtk_widget_class_set_css_name (widget_class, "pathwaymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pw_pathway_map_init (PwPathwayMap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll;
  GtkGesture *drag;
  GtkWidget *icon;

  self->zoom = 1.0;
  self->show_risk = TRUE;
  self->popover_station = -1;
  self->stages = g_ptr_array_new_with_free_func (stage_entry_free);
  self->stations = g_ptr_array_new_with_free_func (station_entry_free);
  self->step_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->render_cache = g_hash_table_new_full (NULL, NULL, NULL, cached_child_free);
  self->render_cache_enabled = g_getenv ("PATHWAY_MAP_NO_CACHE") == NULL;
  self->stage_actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (widget, "stage", G_ACTION_GROUP (self->stage_actions));

  gtk_widget_add_css_class (widget, "pw-pathway-map");
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Integration pathway map"), -1);

  self->road = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_add_css_class (self->road, "pw-map-road");
  gtk_widget_set_parent (self->road, widget);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (self->banner, "pw-map-banner");
  gtk_widget_set_visible (self->banner, FALSE);
  icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (self->banner), icon);
  self->banner_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, "hexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_widget_set_parent (self->banner, widget);

  self->legend = g_ptr_array_new ();

  self->popover = pw_step_popover_new ();
  gtk_widget_set_parent (self->popover, widget);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);
  g_signal_connect_swapped (self->popover, "add-to-plan", G_CALLBACK (on_add_to_plan), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, NULL);
  set_adjustment (self, GTK_ORIENTATION_VERTICAL, NULL);
}

/* Public API ------------------------------------------------------------------ */

GtkWidget *
pw_pathway_map_new (PwSession *session)
{
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_PATHWAY_MAP, "session", session, NULL);
}

PwSession *
pw_pathway_map_get_session (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);
  return self->session;
}

PwTemplate *
pw_pathway_map_get_template (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);
  return self->template;
}

void
pw_pathway_map_set_template (PwPathwayMap *self,
                             PwTemplate   *template)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));
  g_return_if_fail (template == NULL || PW_IS_TEMPLATE (template));

  if (!g_set_object (&self->template, template))
    return;
  rebuild_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

gint64
pw_pathway_map_get_survivor_id (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), 0);
  return self->survivor_id;
}

void
pw_pathway_map_set_survivor_id (PwPathwayMap *self,
                                gint64        survivor_id)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));
  g_return_if_fail (survivor_id >= 0);

  if (self->survivor_id == survivor_id)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->survivor_id = survivor_id;
  connect_store (self);
  reload_survivor_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_ID]);
}

/* In her own view the interface texts follow "language" too. */
static void
update_catalog (PwPathwayMap *self)
{
  PwCatalog *catalog = self->survivor_facing && self->language != NULL
    ? pw_catalog_get_for_language (self->language) : NULL;

  g_set_object (&self->catalog, catalog);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->survivor_facing
                                    ? pw_catalog_pgettext (self->catalog, "her plan", "My pathway")
                                    : _("Integration pathway map"), -1);
}

gboolean
pw_pathway_map_get_survivor_facing (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), FALSE);
  return self->survivor_facing;
}

void
pw_pathway_map_set_survivor_facing (PwPathwayMap *self,
                                    gboolean      survivor_facing)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));

  survivor_facing = !!survivor_facing;
  if (self->survivor_facing == survivor_facing)
    return;
  self->survivor_facing = survivor_facing;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  update_catalog (self);
  rebuild_map (self);
  reload_survivor_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_FACING]);
}

const char *
pw_pathway_map_get_language (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);
  return self->language;
}

void
pw_pathway_map_set_language (PwPathwayMap *self,
                             const char   *language)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  update_catalog (self);
  rebuild_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

double
pw_pathway_map_get_zoom (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), 1.0);
  return self->zoom;
}

void
pw_pathway_map_set_zoom (PwPathwayMap *self,
                         double        zoom)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));
  zoom_to (self, zoom, FALSE, 0, 0);
}

gboolean
pw_pathway_map_get_show_risk (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), TRUE);
  return self->show_risk;
}

void
pw_pathway_map_set_show_risk (PwPathwayMap *self,
                              gboolean      show_risk)
{
  g_return_if_fail (PW_IS_PATHWAY_MAP (self));

  show_risk = !!show_risk;
  if (self->show_risk == show_risk)
    return;
  self->show_risk = show_risk;
  reload_survivor_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RISK]);
}

gboolean
pw_pathway_map_focus_step (PwPathwayMap *self,
                           const char   *step_id)
{
  int index;

  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), FALSE);

  index = station_index_for_step (self, step_id);
  if (index < 0)
    return FALSE;
  return focus_station (self, index);
}

gboolean
pw_pathway_map_open_step (PwPathwayMap *self,
                          const char   *step_id)
{
  int index;

  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), FALSE);

  index = station_index_for_step (self, step_id);
  if (index < 0)
    return FALSE;
  focus_station (self, index);
  open_station (self, index);
  return TRUE;
}

guint
pw_pathway_map_get_n_stations (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), 0);
  return self->stations->len;
}

GtkWidget *
pw_pathway_map_get_station (PwPathwayMap *self,
                            guint         index)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);
  g_return_val_if_fail (index < self->stations->len, NULL);
  return station_at (self, index)->widget;
}

GtkWidget *
pw_pathway_map_get_popover (PwPathwayMap *self)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);
  return self->popover;
}

GtkWidget *
pw_pathway_map_get_stage_menu_button (PwPathwayMap *self,
                                      const char   *stage_id)
{
  g_return_val_if_fail (PW_IS_PATHWAY_MAP (self), NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageEntry *entry = stage_at (self, i);

      if (g_strcmp0 (pw_stage_get_id (entry->stage), stage_id) == 0)
        return gtk_widget_get_visible (entry->menu_button) ? entry->menu_button : NULL;
    }
  return NULL;
}
