/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-map-station"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-map-station.h"

struct _PwMapStation
{
  GtkWidget      parent_instance;

  GtkWidget     *stripe;
  GtkWidget     *glyph;
  GtkWidget     *text_box;
  GtkWidget     *title_label;
  GtkWidget     *detail_box;
  GtkWidget     *status_label;
  GtkWidget     *flags_box;
  GtkWidget     *domain_icon;

  char          *title;
  char          *domain_id;
  char          *domain_name;
  char          *stage_description;
  gboolean       has_plan;
  PwStationPlan  plan;
  char          *label;
  PwCatalog     *catalog;          /* her language's, in her own view */
  gboolean       survivor_facing;
};

G_DEFINE_FINAL_TYPE (PwMapStation, pw_map_station, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order statuses are listed in: what she has done first. */
static const PwPlanItemStatus status_order[] = {
  PW_PLAN_ITEM_STATUS_ACHIEVED,
  PW_PLAN_ITEM_STATUS_IN_PROGRESS,
  PW_PLAN_ITEM_STATUS_AGREED,
  PW_PLAN_ITEM_STATUS_PROPOSED,
  PW_PLAN_ITEM_STATUS_PAUSED,
  PW_PLAN_ITEM_STATUS_DROPPED,
};

static const char * const status_classes[] = {
  "proposed", "agreed", "in-progress", "achieved", "paused", "dropped",
};

const char *
pw_plan_item_status_to_string (PwPlanItemStatus status)
{
  return pw_plan_item_status_to_string_in (NULL, status);
}

const char *
pw_plan_item_status_to_string_in (PwCatalog        *catalog,
                                  PwPlanItemStatus  status)
{
  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_PROPOSED:
      return pw_catalog_pgettext (catalog, "plan item status", "proposed");
    case PW_PLAN_ITEM_STATUS_AGREED:
      return pw_catalog_pgettext (catalog, "plan item status", "agreed");
    case PW_PLAN_ITEM_STATUS_IN_PROGRESS:
      return pw_catalog_pgettext (catalog, "plan item status", "in progress");
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      return pw_catalog_pgettext (catalog, "plan item status", "achieved");
    case PW_PLAN_ITEM_STATUS_PAUSED:
      return pw_catalog_pgettext (catalog, "plan item status", "paused");
    case PW_PLAN_ITEM_STATUS_DROPPED:
      return pw_catalog_pgettext (catalog, "plan item status", "dropped");
    default:
      return "";
    }
}

static char *
status_count (PwCatalog        *catalog,
              PwPlanItemStatus  status,
              guint             n)
{
  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_PROPOSED:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u proposed", "%u proposed", n), n);
    case PW_PLAN_ITEM_STATUS_AGREED:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u agreed", "%u agreed", n), n);
    case PW_PLAN_ITEM_STATUS_IN_PROGRESS:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u in progress", "%u in progress", n), n);
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u achieved", "%u achieved", n), n);
    case PW_PLAN_ITEM_STATUS_PAUSED:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u paused", "%u paused", n), n);
    case PW_PLAN_ITEM_STATUS_DROPPED:
      return g_strdup_printf (pw_catalog_ngettext (catalog, "%u dropped", "%u dropped", n), n);
    default:
      g_assert_not_reached ();
    }
}

char *
pw_map_format_date (const char *date,
                    gboolean    with_day)
{
  return pw_map_format_date_in (NULL, date, with_day);
}

char *
pw_map_format_date_in (PwCatalog  *catalog,
                       const char *date,
                       gboolean    with_day)
{
  const char *months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  unsigned int year, month, day;
  const char *name;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;

  /* Month names of our own: the C library only knows the locales that
   * happen to be installed, and the interface language may not be one. */
  if (with_day)
    return pw_catalog_format_date (catalog, date);
  name = pw_catalog_pgettext (catalog, "month", months[month - 1]);
  /* Translators: a month: %1$s is its name, %2$u the year */
  return g_strdup_printf (pw_catalog_gettext (catalog, "%1$s %2$u"), name, year);
}

guint
pw_station_plan_total (const PwStationPlan *plan)
{
  guint total = 0;

  for (guint i = 0; i < PW_N_PLAN_ITEM_STATUSES; i++)
    total += plan->counts[i];
  return total;
}

int
pw_station_plan_primary_status (const PwStationPlan *plan)
{
  static const PwPlanItemStatus open_order[] = {
    PW_PLAN_ITEM_STATUS_IN_PROGRESS,
    PW_PLAN_ITEM_STATUS_AGREED,
    PW_PLAN_ITEM_STATUS_PROPOSED,
    PW_PLAN_ITEM_STATUS_PAUSED,
  };

  /* Done when everything still in her plan is achieved: a small victory
   * the step shows as such. Otherwise what is moving now. */
  if (plan->counts[PW_PLAN_ITEM_STATUS_ACHIEVED] > 0)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (open_order); i++)
        all = all && plan->counts[open_order[i]] == 0;
      if (all)
        return PW_PLAN_ITEM_STATUS_ACHIEVED;
    }
  for (guint i = 0; i < G_N_ELEMENTS (open_order); i++)
    if (plan->counts[open_order[i]] > 0)
      return open_order[i];
  if (plan->counts[PW_PLAN_ITEM_STATUS_DROPPED] > 0)
    return PW_PLAN_ITEM_STATUS_DROPPED;
  return PW_STATUS_GLYPH_NONE;
}

static void
glyph_set_status (GtkWidget *glyph,
                  int        status)
{
  const char *icon = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (glyph, status_classes[i]);
  gtk_widget_remove_css_class (glyph, "none");

  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      icon = "object-select-symbolic";
      break;
    case PW_PLAN_ITEM_STATUS_PAUSED:
      icon = "media-playback-pause-symbolic";
      break;
    case PW_PLAN_ITEM_STATUS_DROPPED:
      icon = "list-remove-symbolic";
      break;
    default:
      break;
    }

  if (status >= 0 && status < (int) G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (glyph, status_classes[status]);
  else
    gtk_widget_add_css_class (glyph, "none");

  if (icon != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (glyph), icon);
  else
    gtk_image_clear (GTK_IMAGE (glyph));
}

GtkWidget *
pw_status_glyph_new (int      status,
                     gboolean small)
{
  GtkWidget *glyph = g_object_new (GTK_TYPE_IMAGE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "valign", GTK_ALIGN_CENTER,
                                   "halign", GTK_ALIGN_CENTER,
                                   NULL);

  gtk_widget_add_css_class (glyph, "pw-status-glyph");
  gtk_widget_add_css_class (glyph, small ? "small" : "large");
  glyph_set_status (glyph, status);
  return glyph;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
chip_new (GtkWidget  *icon,
          const char *text,
          const char *css_class)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  /* No wrapping: a wrapped label beside an icon measures 1 px taller at
   * infinite width in GTK 4.8 ("Expect overlapping widgets"). */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, NULL);

  gtk_widget_add_css_class (chip, "pw-map-chip");
  if (css_class != NULL)
    gtk_widget_add_css_class (chip, css_class);
  gtk_box_append (GTK_BOX (chip), icon);
  gtk_box_append (GTK_BOX (chip), label);
  return chip;
}

static GtkWidget *
icon_new (const char *icon_name,
          const char *css_class)
{
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", icon_name,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  return image;
}

static void
update_details (PwMapStation *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = pw_station_plan_total (&self->plan);

  clear_box (self->flags_box);
  gtk_widget_set_visible (self->glyph, self->has_plan);
  if (!self->has_plan)
    {
      gtk_widget_set_visible (self->detail_box, FALSE);
      return;
    }

  glyph_set_status (self->glyph, pw_station_plan_primary_status (&self->plan));

  /* In words as well as shapes: "achieved", or "1 achieved · 2 agreed". */
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      guint n = self->plan.counts[status_order[i]];
      g_autofree char *count = NULL;

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      if (total == 1)
        g_string_append (text, pw_plan_item_status_to_string_in (self->catalog, status_order[i]));
      else
        {
          count = status_count (self->catalog, status_order[i], n);
          g_string_append (text, count);
        }
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), text->str);
  gtk_widget_set_visible (self->status_label, text->len > 0);

  /* Her own view shows what she does, not what is late. */
  if (self->plan.n_overdue > 0 && !self->survivor_facing)
    {
      g_autofree char *overdue = g_strdup_printf (pw_catalog_ngettext (self->catalog, "%u overdue", "%u overdue",
                                                            self->plan.n_overdue),
                                                  self->plan.n_overdue);

      gtk_box_append (GTK_BOX (self->flags_box),
                      chip_new (icon_new ("dialog-warning-symbolic", NULL), overdue, "overdue"));
    }

  if (self->plan.n_milestones > 0)
    {
      g_autofree char *count = self->plan.n_milestones > 1
        ? g_strdup_printf ("%u", self->plan.n_milestones) : NULL;
      GtkWidget *star = icon_new ("starred-symbolic", "pw-map-star");

      if (count != NULL)
        gtk_box_append (GTK_BOX (self->flags_box), chip_new (star, count, "milestone"));
      else
        gtk_box_append (GTK_BOX (self->flags_box), star);
    }

  gtk_widget_set_visible (self->flags_box, gtk_widget_get_first_child (self->flags_box) != NULL);
  gtk_widget_set_visible (self->detail_box,
                          gtk_widget_get_visible (self->status_label) ||
                          gtk_widget_get_visible (self->flags_box));
}

static void
update_label (PwMapStation *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *tooltip = NULL;
  guint total = pw_station_plan_total (&self->plan);

  g_ptr_array_add (parts, g_strdup (self->title != NULL ? self->title : ""));
  if (self->domain_name != NULL)
    g_ptr_array_add (parts, g_strdup (self->domain_name));

  if (self->has_plan)
    {
      if (total == 0)
        g_string_append (status, self->survivor_facing
                                 ? pw_catalog_pgettext (self->catalog, "her plan", "not in my plan")
                                 : pw_catalog_gettext (self->catalog, "not in her plan"));
      else
        {
          g_string_append_printf (status, pw_catalog_ngettext (self->catalog, "%u plan item", "%u plan items", total),
                                  total);
          for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
            if (self->plan.counts[status_order[i]] > 0)
              {
                g_autofree char *count = status_count (self->catalog, status_order[i],
                                                       self->plan.counts[status_order[i]]);

                /* Translators: separates the parts of a list, e.g. "2 plan items, 1 achieved" */
                g_string_append (status, pw_catalog_gettext (self->catalog, ", "));
                g_string_append (status, count);
              }
        }
      if (self->plan.n_overdue > 0 && !self->survivor_facing)
        {
          g_string_append (status, pw_catalog_gettext (self->catalog, ", "));
          g_string_append_printf (status, pw_catalog_ngettext (self->catalog, "%u overdue", "%u overdue",
                                                               self->plan.n_overdue),
                                  self->plan.n_overdue);
        }
      if (self->plan.n_milestones > 0)
        {
          g_string_append (status, pw_catalog_gettext (self->catalog, ", "));
          g_string_append_printf (status,
                                  pw_catalog_ngettext (self->catalog, "%u milestone", "%u milestones",
                                                       self->plan.n_milestones),
                                  self->plan.n_milestones);
        }
      g_ptr_array_add (parts, g_string_free (g_steal_pointer (&status), FALSE));
    }
  g_ptr_array_add (parts, NULL);

  g_free (self->label);
  self->label = g_strjoinv (" — ", (char **) parts->pdata);
  tooltip = g_strjoinv ("\n", (char **) parts->pdata);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->stage_description != NULL ? self->stage_description : "",
                                  -1);
}

static void
set_domain_class (GtkWidget  *widget,
                  const char *old_id,
                  const char *new_id)
{
  if (old_id != NULL)
    {
      g_autofree char *old_class = g_strconcat ("domain-", old_id, NULL);

      gtk_widget_remove_css_class (widget, old_class);
    }
  if (new_id != NULL)
    {
      g_autofree char *new_class = g_strconcat ("domain-", new_id, NULL);

      gtk_widget_add_css_class (widget, new_class);
    }
}

void
pw_map_station_set_step (PwMapStation *self,
                         const char   *title,
                         const char   *domain_id,
                         const char   *domain_name,
                         const char   *domain_icon,
                         const char   *stage_description)
{
  GtkIconTheme *theme;

  g_return_if_fail (PW_IS_MAP_STATION (self));

  set_domain_class (self->stripe, self->domain_id, domain_id);
  set_domain_class (self->domain_icon, self->domain_id, domain_id);

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->domain_id);
  self->domain_id = g_strdup (domain_id);
  g_free (self->domain_name);
  self->domain_name = g_strdup (domain_name);
  g_free (self->stage_description);
  self->stage_description = g_strdup (stage_description);

  gtk_label_set_text (GTK_LABEL (self->title_label), title != NULL ? title : "");

  /* A template may name an icon this system's theme lacks. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (domain_icon == NULL || !gtk_icon_theme_has_icon (theme, domain_icon))
    domain_icon = "view-grid-symbolic";
  gtk_image_set_from_icon_name (GTK_IMAGE (self->domain_icon), domain_icon);

  update_label (self);
}

void
pw_map_station_set_plan (PwMapStation        *self,
                         const PwStationPlan *plan)
{
  g_return_if_fail (PW_IS_MAP_STATION (self));

  if (plan == NULL && !self->has_plan)
    return;
  if (plan != NULL && self->has_plan && memcmp (plan, &self->plan, sizeof *plan) == 0)
    return;

  self->has_plan = plan != NULL;
  if (plan != NULL)
    self->plan = *plan;
  else
    memset (&self->plan, 0, sizeof self->plan);

  if (self->has_plan && pw_station_plan_total (&self->plan) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "in-plan");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "in-plan");
  if (self->plan.n_overdue > 0 && !self->survivor_facing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  update_details (self);
  update_label (self);
}

void
pw_map_station_set_voice (PwMapStation *self,
                          PwCatalog    *catalog,
                          gboolean      survivor_facing)
{
  g_return_if_fail (PW_IS_MAP_STATION (self));

  g_set_object (&self->catalog, catalog);
  self->survivor_facing = !!survivor_facing;
  if (self->survivor_facing)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
  update_details (self);
  update_label (self);
}

const char *
pw_map_station_get_title (PwMapStation *self)
{
  g_return_val_if_fail (PW_IS_MAP_STATION (self), NULL);
  return self->title;
}

const char *
pw_map_station_get_label (PwMapStation *self)
{
  g_return_val_if_fail (PW_IS_MAP_STATION (self), NULL);
  return self->label;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   PwMapStation    *self)
{
  if (n_press != 1 || !gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
pw_map_station_dispose (GObject *object)
{
  PwMapStation *self = PW_MAP_STATION (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_map_station_parent_class)->dispose (object);
}

static void
pw_map_station_finalize (GObject *object)
{
  PwMapStation *self = PW_MAP_STATION (object);

  g_free (self->title);
  g_free (self->domain_id);
  g_free (self->domain_name);
  g_free (self->stage_description);
  g_free (self->label);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pw_map_station_parent_class)->finalize (object);
}

static void
pw_map_station_class_init (PwMapStationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint activate_keys[] = {
    GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
  };

  object_class->dispose = pw_map_station_dispose;
  object_class->finalize = pw_map_station_finalize;

  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, activate_keys[i], 0, "activate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapstation");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
pw_map_station_init (PwMapStation *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);
  GtkGesture *click;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_add_css_class (widget, "pw-map-station");

  self->stripe = g_object_new (GTK_TYPE_BOX,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                               NULL);
  gtk_widget_add_css_class (self->stripe, "pw-domain-stripe");
  gtk_widget_set_parent (self->stripe, widget);

  self->glyph = pw_status_glyph_new (PW_STATUS_GLYPH_NONE, FALSE);
  gtk_widget_set_valign (self->glyph, GTK_ALIGN_START);
  gtk_widget_set_visible (self->glyph, FALSE);
  gtk_widget_set_parent (self->glyph, widget);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  gtk_widget_set_valign (self->text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->text_box, widget);

  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    "xalign", 0.0f,
                                    "lines", 3,
                                    "ellipsize", PANGO_ELLIPSIZE_END,
                                    NULL);
  gtk_widget_add_css_class (self->title_label, "pw-map-station-title");
  gtk_box_append (GTK_BOX (self->text_box), self->title_label);

  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->detail_box, "pw-map-details");
  gtk_widget_set_visible (self->detail_box, FALSE);
  self->status_label = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     NULL);
  gtk_widget_add_css_class (self->status_label, "pw-map-status-text");
  gtk_box_append (GTK_BOX (self->detail_box), self->status_label);
  self->flags_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (self->detail_box), self->flags_box);
  gtk_box_append (GTK_BOX (self->text_box), self->detail_box);

  self->domain_icon = icon_new ("view-grid-symbolic", "pw-domain-icon");
  gtk_widget_set_valign (self->domain_icon, GTK_ALIGN_START);
  gtk_widget_set_parent (self->domain_icon, widget);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
pw_map_station_new (void)
{
  return g_object_new (PW_TYPE_MAP_STATION, NULL);
}
