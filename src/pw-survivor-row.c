/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-survivor-row.h"

/* Spacing between the text and the side label, and between the lines. */
#define COLUMN_SPACING 6
#define ROW_SPACING    2

struct _PwSurvivorRow
{
  GtkWidget       parent_instance;

  PwSession      *session;
  PwSurvivor     *survivor;
  gulong          notify_id;

  GtkInscription *title;
  GtkLabel       *side_label;    /* made when first needed */

  /* The stage line is drawn here rather than by a second text widget:
   * a list view of GTK 4.8 keeps some two hundred rows, and a second
   * inscription per row (its node, its font context, its font metrics
   * at every measure) was a quarter of the time to fill the list. */
  PangoLayout    *stage;
  char           *stage_text;
  guint           stage_serial;  /* of the font context it was made for */
  int             stage_height;  /* -1: to measure */
  int             stage_x;
  int             stage_y;
};

G_DEFINE_FINAL_TYPE (PwSurvivorRow, pw_survivor_row, GTK_TYPE_WIDGET)

/* The end column says what needs her worker: a paused or closed case,
 * or else a badge for overdue goals or a risk review. NULL hides it. */
static void
set_side_label (PwSurvivorRow *self,
                const char    *text,
                gboolean       badge)
{
  GtkWidget *label = GTK_WIDGET (self->side_label);

  if (label == NULL)
    {
      if (text == NULL)
        return;
      label = gtk_label_new (NULL);
      self->side_label = GTK_LABEL (label);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_parent (label, GTK_WIDGET (self));
    }
  gtk_widget_set_visible (label, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_label (self->side_label, text);
  if (badge != gtk_widget_has_css_class (label, "pw-badge"))
    {
      if (badge)
        {
          gtk_widget_add_css_class (label, "pw-badge");
          gtk_widget_remove_css_class (label, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (label, "pw-badge");
          gtk_widget_add_css_class (label, "dim-label");
        }
    }
}

/* "Stage: Recovery" in the interface language, remembered: two hundred
 * rows ask for the same four stages. */
static const char *
stage_text (PwSurvivorRow *self,
            PwSurvivor    *s)
{
  static GHashTable *cache;
  static char *cache_language;
  const char *language = g_get_language_names ()[0];
  const char *stage_id = pw_survivor_get_current_stage (s);
  g_autofree char *key = NULL;
  const char *text;
  const char *name;

  if (stage_id == NULL)
    return _("No stage marked yet");
  if (cache == NULL || g_strcmp0 (cache_language, language) != 0)
    {
      g_clear_pointer (&cache, g_hash_table_unref);
      g_free (cache_language);
      cache_language = g_strdup (language);
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  key = g_strdup_printf ("%s|%s", pw_survivor_get_template_id (s) ?: "", stage_id);
  text = g_hash_table_lookup (cache, key);
  if (text != NULL)
    return text;

  name = pw_casework_stage_name (self->session, pw_survivor_get_template_id (s), stage_id, NULL);
  if (name == NULL)
    return _("No stage marked yet");
  /* Translators: in the case list, under the case code */
  text = g_strdup_printf (_("Stage: %s"), name);
  g_hash_table_insert (cache, g_steal_pointer (&key), (char *) text);
  return text;
}

/* The stage line reads as .caption.dim-label: libadwaita's caption is
 * 9pt at normal weight, and a point in a widget's font context is a
 * point in GTK's CSS (both follow the text scaling setting); a dim label
 * has 55 % opacity, 90 % in high contrast. */
#define CAPTION_POINTS  9
#define DIM_OPACITY     0.55
#define DIM_OPACITY_HC  0.9

static PangoContext *
stage_context (PwSurvivorRow *self)
{
  return gtk_widget_get_pango_context (GTK_WIDGET (self->title));
}

/* The height of a caption line, as an inscription of one line measures
 * it, remembered per font: every row asks for the same. */
static int
caption_line_height (PangoContext *context)
{
  static GHashTable *heights;
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  PangoFontMetrics *metrics;
  gpointer known;
  int height;

  pango_font_description_set_size (font, CAPTION_POINTS * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
  name = pango_font_description_to_string (font);
  key = g_strdup_printf ("%s@%g", name, pango_cairo_context_get_resolution (context));
  if (heights == NULL)
    heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (heights, key, NULL, &known))
    return GPOINTER_TO_INT (known);

  metrics = pango_context_get_metrics (context, font, NULL);
  height = pango_font_metrics_get_height (metrics);
  if (height == 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  height = PANGO_PIXELS_CEIL (height);
  g_hash_table_insert (heights, g_steal_pointer (&key), GINT_TO_POINTER (height));
  return height;
}

/* The layout follows the title's font context: the font, the scaling
 * and the direction of the interface. */
static PangoLayout *
ensure_stage (PwSurvivorRow *self)
{
  PangoContext *context = stage_context (self);
  guint serial = pango_context_get_serial (context);

  if (self->stage == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      self->stage = pango_layout_new (context);
      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_POINTS * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
      pango_layout_set_attributes (self->stage, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_ellipsize (self->stage, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->stage, TRUE);
      pango_layout_set_text (self->stage, self->stage_text ?: "", -1);
      self->stage_serial = serial;
    }
  else if (serial != self->stage_serial)
    {
      pango_layout_context_changed (self->stage);
      self->stage_serial = serial;
      self->stage_height = -1;
    }
  if (self->stage_height < 0)
    self->stage_height = caption_line_height (context);
  return self->stage;
}

static void
set_stage_text (PwSurvivorRow *self,
                const char    *text)
{
  if (g_strcmp0 (self->stage_text, text) == 0)
    return;
  g_free (self->stage_text);
  self->stage_text = g_strdup (text);
  if (self->stage != NULL)
    pango_layout_set_text (self->stage, text ?: "", -1);
  /* What the line shows, for a screen reader: no widget carries it. */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update (PwSurvivorRow *self)
{
  PwSurvivor *s = self->survivor;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoAttribute *bold;
  g_autofree char *badge = NULL;
  PwSurvivorStatus status;
  int overdue;

  if (s == NULL)
    return;

  /* The code in bold by attributes: cheaper than parsing markup. */
  code = g_strdup (pw_survivor_get_case_code (s) ?: "");
  title = g_strdup_printf ("%s  %s", code, pw_survivor_get_alias (s) ?: "");
  attrs = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = strlen (code);
  pango_attr_list_insert (attrs, bold);
  gtk_inscription_set_text (self->title, title);
  gtk_inscription_set_attributes (self->title, attrs);
  set_stage_text (self, stage_text (self, s));

  status = pw_survivor_get_status (s);
  overdue = pw_survivor_get_overdue_items (s);
  if (status != PW_SURVIVOR_STATUS_ACTIVE)
    set_side_label (self, pw_casework_survivor_status_label (status), FALSE);
  else
    {
      if (overdue > 0)
        /* Translators: a small badge in the case list */
        badge = g_strdup_printf (ngettext ("%d overdue", "%d overdue", overdue), overdue);
      else if (pw_survivor_get_review_due (s))
        badge = g_strdup (_("Review due"));
      set_side_label (self, badge, TRUE);
    }
  if ((status == PW_SURVIVOR_STATUS_CLOSED) != gtk_widget_has_css_class (GTK_WIDGET (self), "pw-closed"))
    {
      if (status == PW_SURVIVOR_STATUS_CLOSED)
        gtk_widget_add_css_class (GTK_WIDGET (self), "pw-closed");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "pw-closed");
    }
}

void
pw_survivor_row_set_survivor (PwSurvivorRow *self,
                              PwSurvivor    *survivor)
{
  g_return_if_fail (PW_IS_SURVIVOR_ROW (self));
  g_return_if_fail (survivor == NULL || PW_IS_SURVIVOR (survivor));

  if (self->survivor == survivor)
    return;
  if (self->survivor != NULL)
    g_clear_signal_handler (&self->notify_id, self->survivor);
  g_set_object (&self->survivor, survivor);
  if (survivor != NULL)
    {
      /* The store refreshes the object in place after every change. */
      self->notify_id = g_signal_connect_swapped (survivor, "notify", G_CALLBACK (update), self);
      update (self);
    }
}

PwSurvivor *
pw_survivor_row_get_survivor (PwSurvivorRow *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_ROW (self), NULL);

  return self->survivor;
}

static gboolean
side_label_shown (PwSurvivorRow *self)
{
  return self->side_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->side_label));
}

/* Two columns, as a grid would lay them out: the title over the stage
 * line, and the side label centred beside both. */
static void
pw_survivor_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (widget);
  int title_min, title_nat, side_min = 0, side_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->title), orientation, -1, &title_min, &title_nat, NULL, NULL);
  if (side_label_shown (self))
    gtk_widget_measure (GTK_WIDGET (self->side_label), orientation, -1, &side_min, &side_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int spacing = side_label_shown (self) ? COLUMN_SPACING : 0;

      *minimum = title_min + spacing + side_min;
      *natural = title_nat + spacing + side_nat;
    }
  else
    {
      ensure_stage (self);
      *minimum = MAX (title_min + ROW_SPACING + self->stage_height, side_min);
      *natural = MAX (title_nat + ROW_SPACING + self->stage_height, side_nat);
    }
}

static GtkSizeRequestMode
pw_survivor_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
pw_survivor_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width = width;
  int title_height;

  if (side_label_shown (self))
    {
      GtkWidget *side = GTK_WIDGET (self->side_label);
      int side_width, side_height;

      gtk_widget_measure (side, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &side_width, NULL, NULL);
      gtk_widget_measure (side, GTK_ORIENTATION_VERTICAL, -1, NULL, &side_height, NULL, NULL);
      side_width = MIN (side_width, width);
      side_height = MIN (side_height, height);
      gtk_widget_size_allocate (side,
                                &(GtkAllocation) { rtl ? 0 : width - side_width, (height - side_height) / 2,
                                                   side_width, side_height }, -1);
      text_width = MAX (0, width - side_width - COLUMN_SPACING);
    }

  gtk_widget_measure (GTK_WIDGET (self->title), GTK_ORIENTATION_VERTICAL, -1, NULL, &title_height, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->title),
                            &(GtkAllocation) { rtl ? width - text_width : 0, 0, text_width, title_height }, -1);

  ensure_stage (self);
  pango_layout_set_width (self->stage, text_width * PANGO_SCALE);
  pango_layout_set_alignment (self->stage, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  self->stage_x = rtl ? width - text_width : 0;
  self->stage_y = title_height + ROW_SPACING;
}

static void
pw_survivor_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (widget);
  GdkRGBA color;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);

  if (self->stage_text == NULL || *self->stage_text == '\0')
    return;
  ensure_stage (self);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_push_opacity (snapshot, adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                                       ? DIM_OPACITY_HC : DIM_OPACITY);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->stage_x, self->stage_y));
  gtk_snapshot_append_layout (snapshot, self->stage, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
pw_survivor_row_dispose (GObject *object)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (object);
  GtkWidget *child;

  pw_survivor_row_set_survivor (self, NULL);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (pw_survivor_row_parent_class)->dispose (object);
}

static void
pw_survivor_row_finalize (GObject *object)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (object);

  g_free (self->stage_text);

  G_OBJECT_CLASS (pw_survivor_row_parent_class)->finalize (object);
}

static void
pw_survivor_row_class_init (PwSurvivorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_survivor_row_dispose;
  object_class->finalize = pw_survivor_row_finalize;

  widget_class->measure = pw_survivor_row_measure;
  widget_class->get_request_mode = pw_survivor_row_get_request_mode;
  widget_class->size_allocate = pw_survivor_row_size_allocate;
  widget_class->snapshot = pw_survivor_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pw-survivor-row");
}

/* Built in code, with an inscription rather than a label and no boxes:
 * a list view keeps some two hundred rows, each must be cheap to make
 * and to measure. */
static void
pw_survivor_row_init (PwSurvivorRow *self)
{
  self->stage_height = -1;
  self->title = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_text_overflow (self->title, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->title), GTK_WIDGET (self));
}

PwSurvivorRow *
pw_survivor_row_new (PwSession *session)
{
  PwSurvivorRow *self = g_object_new (PW_TYPE_SURVIVOR_ROW, NULL);

  self->session = session != NULL ? g_object_ref (session) : NULL;
  return self;
}
