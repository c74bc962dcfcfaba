/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-printer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pw-plan-printer.h"

/* Sizes in points. Larger than a letter's: she may read it without her
 * glasses, in a second language. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define TITLE_SIZE 26
#define HEADING_SIZE 16
#define BODY_SIZE 13
#define DETAIL_SIZE 10.5
#define FOOTER_SIZE 9
#define GUTTER 28.0
#define ROAD_RADIUS 15.0
#define MARGIN_MM 18.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROAD,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  PangoLayout *layout;       /* BLOCK_TEXT */
  PangoLayout *detail;       /* optional second line(s), smaller */
  PangoLayout *mark;         /* in the gutter: a number, a tick */
  double       space_before;
  double       height;
  gboolean     keep_with_next;
  guint32      color;        /* 0xRRGGBB of the main text */
  /* Laid out: */
  int          page;
  double       y;
} Block;

typedef struct
{
  PangoLayout *name;
  PangoLayout *status;
  PwStageStatus stage_status;
} RoadStop;

struct _PwPlanPrinter
{
  GtkPrintOperation parent_instance;

  PwHerPlan *plan;
  char *contact;
  char *today;

  GPtrArray *blocks;
  GPtrArray *road;           /* RoadStop */
  double road_height;
  gboolean rtl;
  int n_pages;
  double page_height;

  /* The print dialog's "Her Plan" tab. */
  GtkWidget *contact_switch;
  GtkWidget *contact_entry;
};

G_DEFINE_FINAL_TYPE (PwPlanPrinter, pw_plan_printer, GTK_TYPE_PRINT_OPERATION)

#define INK 0x241f31        /* libadwaita's dark 4: near-black, softer than black */
#define MUTED 0x5e5c64
#define ACCENT 0x1c71d8
#define DONE 0x26a269
#define LINE 0xc0bfbc

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->detail);
  g_clear_object (&block->mark);
  g_free (block);
}

static void
road_stop_free (RoadStop *stop)
{
  g_clear_object (&stop->name);
  g_clear_object (&stop->status);
  g_free (stop);
}

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static gboolean
is_rtl_language (const char *language)
{
  static const char *rtl[] = { "ar", "he", "fa", "ur", "ps", "yi", "ckb", "dv", "ug" };
  g_autofree char *base = g_strdup (language ? language : "");

  g_strdelimit (base, "-_.@", '\0');
  return g_strv_contains (rtl, base);
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *text,
             double           size,
             gboolean         bold,
             double           width,
             PangoAlignment   alignment)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_spacing (layout, (int) (size * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static Block *
add_text (PwPlanPrinter   *self,
          GtkPrintContext *context,
          const char      *text,
          double           size,
          gboolean         bold,
          double           space_before,
          guint32          color)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->layout = make_layout (context, text, size, bold, gtk_print_context_get_width (context),
                               PANGO_ALIGN_LEFT);
  block->space_before = space_before;
  block->color = color;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_heading (PwPlanPrinter   *self,
             GtkPrintContext *context,
             const char      *text)
{
  Block *block = add_text (self, context, text, HEADING_SIZE, TRUE, 20, INK);

  block->keep_with_next = TRUE;
}

/* An entry with a mark in the gutter (a number, a tick) and an optional
 * smaller text under it. */
static void
add_entry (PwPlanPrinter   *self,
           GtkPrintContext *context,
           const char      *mark,
           guint32          mark_color,
           const char      *text,
           gboolean         bold,
           const char      *detail,
           double           detail_size)
{
  double width = gtk_print_context_get_width (context) - GUTTER;
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->layout = make_layout (context, text, BODY_SIZE, bold, width, PANGO_ALIGN_LEFT);
  if (detail != NULL && *detail != '\0')
    block->detail = make_layout (context, detail, detail_size, FALSE, width, PANGO_ALIGN_LEFT);
  if (mark != NULL)
    block->mark = make_layout (context, mark, BODY_SIZE, TRUE, GUTTER - 6, PANGO_ALIGN_LEFT);
  block->space_before = 8;
  block->color = mark_color;
  g_ptr_array_add (self->blocks, block);
}

static const char *
stage_marker_text (PwHerPlan     *plan,
                   PwStageStatus  status)
{
  PwCatalog *catalog = pw_her_plan_get_catalog (plan);

  switch (status)
    {
    case PW_STAGE_STATUS_CURRENT:
      return pw_catalog_pgettext (catalog, "her plan", "I am here");
    case PW_STAGE_STATUS_COMPLETED:
      return pw_catalog_pgettext (catalog, "her plan", "Done");
    case PW_STAGE_STATUS_REVISITED:
      return pw_catalog_pgettext (catalog, "her plan", "Back here again");
    case PW_STAGE_STATUS_NOT_REACHED:
    default:
      return "";
    }
}

static void
build_road (PwPlanPrinter   *self,
            GtkPrintContext *context)
{
  GListModel *stages = pw_template_get_stages (pw_her_plan_get_template (self->plan));
  const char *language = pw_her_plan_get_language (self->plan);
  guint n = g_list_model_get_n_items (stages);
  double column = gtk_print_context_get_width (context) / MAX (n, 1);
  double names = 0, statuses = 0;
  Block *block;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      RoadStop *stop = g_new0 (RoadStop, 1);

      stop->stage_status = pw_her_plan_get_stage_status (self->plan, pw_stage_get_id (stage));
      stop->name = make_layout (context, pw_stage_get_name (stage, language), DETAIL_SIZE + 1,
                                stop->stage_status == PW_STAGE_STATUS_CURRENT,
                                column - 8, PANGO_ALIGN_CENTER);
      stop->status = make_layout (context, stage_marker_text (self->plan, stop->stage_status),
                                  DETAIL_SIZE, TRUE, column - 8, PANGO_ALIGN_CENTER);
      names = MAX (names, layout_height (stop->name));
      statuses = MAX (statuses, layout_height (stop->status));
      g_ptr_array_add (self->road, stop);
    }

  self->road_height = 2 * ROAD_RADIUS + 8 + names + 4 + statuses;
  block = g_new0 (Block, 1);
  block->kind = BLOCK_ROAD;
  block->space_before = 18;
  g_ptr_array_add (self->blocks, block);
}

static void
build_blocks (PwPlanPrinter   *self,
              GtkPrintContext *context)
{
  PwHerPlan *plan = self->plan;
  PwCatalog *catalog = pw_her_plan_get_catalog (plan);
  PwTemplate *template = pw_her_plan_get_template (plan);
  const char *language = pw_her_plan_get_language (plan);
  const char *current = pw_her_plan_get_current_stage (plan);
  GPtrArray *goals = pw_her_plan_get_goals (plan);
  GPtrArray *next = pw_her_plan_get_next_steps (plan);
  GPtrArray *achievements = pw_her_plan_get_achievements (plan);

  add_text (self, context, pw_catalog_pgettext (catalog, "her plan", "My plan"), TITLE_SIZE, TRUE, 0, INK);
  add_text (self, context, pw_template_get_name (template, language), BODY_SIZE, FALSE, 4, MUTED);

  build_road (self, context);
  if (current != NULL && pw_template_lookup_stage (template, current) != NULL)
    {
      g_autofree char *where = NULL;

      /* Translators: on her printed plan and her own view; %s is a stage of the pathway */
      where = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Where I am now: %s"),
                               pw_stage_get_name (pw_template_lookup_stage (template, current), language));
      add_text (self, context, where, BODY_SIZE, TRUE, 12, INK);
    }

  add_heading (self, context, pw_catalog_pgettext (catalog, "her plan", "My goals"));
  if (goals->len == 0)
    add_text (self, context, pw_catalog_pgettext (catalog, "her plan", "No goals written down yet."),
              BODY_SIZE, FALSE, 8, MUTED);
  for (guint i = 0; i < goals->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (goals, i);
      const char *step = pw_her_plan_step_title (plan, item);
      const char *text = pw_her_plan_goal_text (plan, item);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      g_autoptr(GString) detail = g_string_new (NULL);

      /* The step's name, unless it is already the goal's text. */
      if (step != NULL && g_strcmp0 (step, text) != 0)
        g_string_append (detail, step);
      if (detail->len > 0)
        g_string_append (detail, "  ·  ");
      g_string_append (detail, pw_her_plan_status_label (plan, pw_plan_item_get_status (item)));
      if (pw_plan_item_get_responsible (item) != NULL && *pw_plan_item_get_responsible (item) != '\0')
        {
          g_string_append (detail, "  ·  ");
          /* Translators: on her printed plan; %s is a person or a service */
          g_string_append_printf (detail, pw_catalog_pgettext (catalog, "her plan", "Who helps: %s"),
                                  pw_plan_item_get_responsible (item));
        }
      add_entry (self, context, number, ACCENT, text, FALSE, detail->str, DETAIL_SIZE);
    }

  if (next->len > 0)
    {
      add_heading (self, context, pw_catalog_pgettext (catalog, "her plan", "My next steps"));
      for (guint i = 0; i < next->len; i++)
        {
          PwPlanItem *item = g_ptr_array_index (next, i);
          g_autofree char *date = pw_her_plan_format_date (plan, pw_plan_item_get_due_date (item));
          g_autofree char *who = NULL;
          g_autofree char *line = NULL;

          if (pw_plan_item_get_responsible (item) != NULL && *pw_plan_item_get_responsible (item) != '\0')
            who = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Who helps: %s"),
                                   pw_plan_item_get_responsible (item));

          if (who != NULL)
            line = g_strdup_printf ("%s\n%s", pw_her_plan_goal_text (plan, item), who);
          else
            line = g_strdup (pw_her_plan_goal_text (plan, item));
          /* The date stands out; the goal reads under it. */
          add_entry (self, context, "→", ACCENT, date ? date : pw_plan_item_get_due_date (item), TRUE,
                     line, BODY_SIZE - 1);
        }
    }

  if (achievements->len > 0)
    {
      add_heading (self, context, pw_catalog_pgettext (catalog, "her plan", "What I have achieved"));
      for (guint i = 0; i < achievements->len; i++)
        {
          PwAchievement *achievement = g_ptr_array_index (achievements, i);
          g_autofree char *date = pw_her_plan_format_date (plan, achievement->date);

          add_entry (self, context, achievement->is_milestone ? "★" : "✓", DONE,
                     achievement->text, FALSE, date, DETAIL_SIZE);
        }
    }

  if (self->contact != NULL && *self->contact != '\0')
    {
      add_heading (self, context, pw_catalog_pgettext (catalog, "her plan", "My contact"));
      add_text (self, context, self->contact, BODY_SIZE, FALSE, 8, INK);
    }
}

static double
block_height (PwPlanPrinter *self,
              Block         *block)
{
  if (block->kind == BLOCK_ROAD)
    return self->road_height;
  return MAX (layout_height (block->layout), layout_height (block->mark)) +
         (block->detail ? 3 + layout_height (block->detail) : 0);
}

static double
footer_height (GtkPrintContext *context)
{
  return FOOTER_SIZE * 1.6 + 14;
}

static void
paginate_blocks (PwPlanPrinter   *self,
                 GtkPrintContext *context)
{
  double available = gtk_print_context_get_height (context) - footer_height (context);
  double y = 0;
  int page = 0;

  self->page_height = gtk_print_context_get_height (context);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double needed;

      block->height = block_height (self, block);
      needed = (y > 0 ? block->space_before : 0) + block->height;
      /* A heading never ends a page: it moves with its first entry. */
      if (block->keep_with_next && i + 1 < self->blocks->len)
        {
          Block *next = g_ptr_array_index (self->blocks, i + 1);

          needed += next->space_before + block_height (self, next);
        }
      if (y > 0 && y + needed > available)
        {
          page++;
          y = 0;
        }
      if (y > 0)
        y += block->space_before;
      block->page = page;
      block->y = y;
      y += block->height;
    }
  self->n_pages = page + 1;
}

static void
pw_plan_printer_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (operation);

  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->road, 0);
  self->rtl = is_rtl_language (pw_her_plan_get_language (self->plan));
  build_blocks (self, context);
  paginate_blocks (self, context);
  gtk_print_operation_set_n_pages (operation, self->n_pages);
}

static void
draw_road (PwPlanPrinter   *self,
           GtkPrintContext *context,
           cairo_t         *cr,
           double           top)
{
  double width = gtk_print_context_get_width (context);
  guint n = self->road->len;
  double column = width / MAX (n, 1);
  double cy = top + ROAD_RADIUS;
  int current = -1;

  for (guint i = 0; i < n; i++)
    {
      RoadStop *stop = g_ptr_array_index (self->road, i);

      if (stop->stage_status == PW_STAGE_STATUS_CURRENT)
        current = i;
    }

  /* The road: reached part in colour, the rest quiet. */
  for (guint i = 0; i + 1 < n; i++)
    {
      guint a = self->rtl ? n - 1 - i : i;
      guint b = self->rtl ? n - 2 - i : i + 1;
      double x1 = column * (a + 0.5), x2 = column * (b + 0.5);

      set_source (cr, (int) i < current ? ACCENT : LINE);
      cairo_set_line_width (cr, (int) i < current ? 4 : 2.5);
      cairo_move_to (cr, MIN (x1, x2) + ROAD_RADIUS, cy);
      cairo_line_to (cr, MAX (x1, x2) - ROAD_RADIUS, cy);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      RoadStop *stop = g_ptr_array_index (self->road, i);
      guint slot = self->rtl ? n - 1 - i : i;
      double cx = column * (slot + 0.5);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      PangoLayout *label = pango_layout_copy (stop->status);
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
      guint32 fill = 0xffffff, ring = LINE, ink = MUTED;
      int w, h;

      switch (stop->stage_status)
        {
        case PW_STAGE_STATUS_CURRENT:
          fill = ACCENT; ring = ACCENT; ink = 0xffffff;
          break;
        case PW_STAGE_STATUS_COMPLETED:
          fill = DONE; ring = DONE; ink = 0xffffff;
          break;
        case PW_STAGE_STATUS_REVISITED:
          fill = 0xffffff; ring = ACCENT; ink = ACCENT;
          break;
        case PW_STAGE_STATUS_NOT_REACHED:
        default:
          break;
        }

      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, ROAD_RADIUS, 0, 2 * G_PI);
      set_source (cr, fill);
      cairo_fill_preserve (cr);
      set_source (cr, ring);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      if (stop->stage_status == PW_STAGE_STATUS_CURRENT)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, ROAD_RADIUS + 5, 0, 2 * G_PI);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      /* The stage's number (a tick when completed) inside the circle. */
      pango_font_description_set_size (font, 12 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (label, font);
      pango_layout_set_width (label, -1);
      pango_layout_set_text (label, stop->stage_status == PW_STAGE_STATUS_COMPLETED ? "✓" : number, -1);
      pango_layout_get_size (label, &w, &h);
      set_source (cr, ink);
      cairo_move_to (cr, cx - (double) w / PANGO_SCALE / 2, cy - (double) h / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, label);
      pango_font_description_free (font);
      g_object_unref (label);

      set_source (cr, stop->stage_status == PW_STAGE_STATUS_NOT_REACHED ? MUTED : INK);
      cairo_move_to (cr, cx - (column - 8) / 2, top + 2 * ROAD_RADIUS + 8);
      pango_cairo_show_layout (cr, stop->name);
      set_source (cr, stop->stage_status == PW_STAGE_STATUS_COMPLETED ? DONE : ACCENT);
      cairo_move_to (cr, cx - (column - 8) / 2,
                     top + 2 * ROAD_RADIUS + 8 + layout_height (stop->name) + 4);
      pango_cairo_show_layout (cr, stop->status);
    }
}

static void
draw_footer (PwPlanPrinter   *self,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  PwCatalog *catalog = pw_her_plan_get_catalog (self->plan);
  double width = gtk_print_context_get_width (context);
  double y = gtk_print_context_get_height (context) - FOOTER_SIZE * 1.6;
  g_autofree char *today = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) middle = NULL;
  g_autoptr(PangoLayout) right = NULL;

  if (self->today != NULL)
    today = g_strdup (self->today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  {
    g_autofree char *date = pw_her_plan_format_date (self->plan, today);

    /* Translators: footer of her printed plan; %s is a date */
    printed = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Printed on %s"), date);
  }
  /* Translators: footer of her printed plan: page 1 of 2 */
  page = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Page %d of %d"),
                          page_nr + 1, self->n_pages);

  set_source (cr, LINE);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, 0, y - 8);
  cairo_line_to (cr, width, y - 8);
  cairo_stroke (cr);

  left = make_layout (context, printed, FOOTER_SIZE, FALSE, width / 3, PANGO_ALIGN_LEFT);
  middle = make_layout (context, pw_her_plan_get_case_code (self->plan), FOOTER_SIZE, FALSE,
                        width / 3, PANGO_ALIGN_CENTER);
  right = make_layout (context, page, FOOTER_SIZE, FALSE, width / 3, PANGO_ALIGN_RIGHT);
  set_source (cr, MUTED);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, self->rtl ? right : left);
  cairo_move_to (cr, width / 3, y);
  pango_cairo_show_layout (cr, middle);
  cairo_move_to (cr, 2 * width / 3, y);
  pango_cairo_show_layout (cr, self->rtl ? left : right);
}

static void
pw_plan_printer_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double x = 0;

      if (block->page != page_nr)
        continue;

      if (block->kind == BLOCK_ROAD)
        {
          draw_road (self, context, cr, block->y);
          continue;
        }

      if (block->mark != NULL)
        {
          set_source (cr, block->color);
          cairo_move_to (cr, self->rtl ? width - GUTTER + 6 : 0, block->y);
          pango_cairo_show_layout (cr, block->mark);
          x = self->rtl ? 0 : GUTTER;
          set_source (cr, INK);
        }
      else
        set_source (cr, block->color);

      cairo_move_to (cr, x, block->y);
      pango_cairo_show_layout (cr, block->layout);
      if (block->detail != NULL)
        {
          set_source (cr, MUTED);
          cairo_move_to (cr, x, block->y + layout_height (block->layout) + 3);
          pango_cairo_show_layout (cr, block->detail);
        }
    }

  draw_footer (self, context, cr, page_nr);
}

static void
pw_plan_printer_end_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (operation);

  /* Her texts do not stay in memory longer than the printing. */
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->road, 0);
}

static void
on_contact_switch_changed (PwPlanPrinter *self)
{
  gtk_widget_set_sensitive (self->contact_entry,
                            gtk_switch_get_active (GTK_SWITCH (self->contact_switch)));
}

static GtkWidget *
pw_plan_printer_create_custom_widget (GtkPrintOperation *operation)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (operation);
  GtkWidget *box, *row, *label, *hint;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("Add the contact of her service"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  self->contact_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->contact_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->contact_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->contact_switch);
  gtk_box_append (GTK_BOX (box), row);

  hint = gtk_label_new (_("Only if she agrees: other people may see this paper."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  self->contact_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->contact_entry),
                                  _("Service, phone number, opening hours"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->contact_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contact of her service"), -1);
  if (self->contact != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), self->contact);
      gtk_switch_set_active (GTK_SWITCH (self->contact_switch), TRUE);
    }
  gtk_box_append (GTK_BOX (box), self->contact_entry);

  g_signal_connect_object (self->contact_switch, "notify::active",
                           G_CALLBACK (on_contact_switch_changed), self, G_CONNECT_SWAPPED);
  on_contact_switch_changed (self);
  return box;
}

static void
pw_plan_printer_custom_widget_apply (GtkPrintOperation *operation,
                                     GtkWidget         *widget)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (operation);

  if (gtk_switch_get_active (GTK_SWITCH (self->contact_switch)))
    pw_plan_printer_set_contact (self, gtk_editable_get_text (GTK_EDITABLE (self->contact_entry)));
  else
    pw_plan_printer_set_contact (self, NULL);
}

PwPlanPrinter *
pw_plan_printer_new (PwHerPlan *plan)
{
  PwPlanPrinter *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *name = NULL;

  g_return_val_if_fail (PW_IS_HER_PLAN (plan), NULL);

  self = g_object_new (PW_TYPE_PLAN_PRINTER, NULL);
  self->plan = g_object_ref (plan);

  /* A4 with even margins: the paper of Italy and Spain. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  /* Translators: the print job's and the PDF's name; %s is a case code */
  name = g_strdup_printf (C_ ("print job", "Plan %s"), pw_her_plan_get_case_code (plan));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), name);
  /* Translators: a tab of the print dialog */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), C_ ("print dialog tab", "Her Plan"));
  return self;
}

PwHerPlan *
pw_plan_printer_get_plan (PwPlanPrinter *self)
{
  g_return_val_if_fail (PW_IS_PLAN_PRINTER (self), NULL);
  return self->plan;
}

void
pw_plan_printer_set_contact (PwPlanPrinter *self,
                             const char    *contact)
{
  g_return_if_fail (PW_IS_PLAN_PRINTER (self));

  g_free (self->contact);
  self->contact = contact != NULL && *contact != '\0' ? g_strstrip (g_strdup (contact)) : NULL;
}

const char *
pw_plan_printer_get_contact (PwPlanPrinter *self)
{
  g_return_val_if_fail (PW_IS_PLAN_PRINTER (self), NULL);
  return self->contact;
}

void
pw_plan_printer_set_today (PwPlanPrinter *self,
                           const char    *today)
{
  g_return_if_fail (PW_IS_PLAN_PRINTER (self));

  g_free (self->today);
  self->today = g_strdup (today);
}

gboolean
pw_plan_printer_export_pdf (PwPlanPrinter *self,
                            const char    *path,
                            GError       **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (PW_IS_PLAN_PRINTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("Her Plan Was Not Printed"), error ? error->message : NULL);
    }
  g_object_unref (operation);
}

static void
release_parent (gpointer  data,
                GClosure *closure)
{
  if (data != NULL)
    g_object_unref (data);
}

void
pw_plan_printer_run_dialog (GtkWindow *parent,
                            PwSession *session,
                            gint64     survivor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwHerPlan) plan = NULL;
  PwPlanPrinter *self;
  PwStore *store;

  g_return_if_fail (PW_IS_SESSION (session));

  store = pw_session_get_store (session);
  if (store == NULL || survivor_id <= 0)
    return;

  plan = pw_her_plan_new (store, pw_session_get_templates (session), survivor_id, NULL, &error);
  if (plan == NULL)
    {
      show_error (parent, _("Her Plan Was Not Printed"), error->message);
      return;
    }

  self = pw_plan_printer_new (plan);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);
  g_signal_connect_data (self, "done", G_CALLBACK (on_print_done),
                         parent ? g_object_ref (parent) : NULL, release_parent, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_error (parent, _("Her Plan Was Not Printed"), error ? error->message : NULL);
      g_signal_handlers_disconnect_by_func (self, on_print_done, parent);
      g_object_unref (self);
    }
}

static void
pw_plan_printer_finalize (GObject *object)
{
  PwPlanPrinter *self = PW_PLAN_PRINTER (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->road, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_plan_printer_parent_class)->finalize (object);
}

static void
pw_plan_printer_class_init (PwPlanPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = pw_plan_printer_finalize;
  operation_class->begin_print = pw_plan_printer_begin_print;
  operation_class->draw_page = pw_plan_printer_draw_page;
  operation_class->end_print = pw_plan_printer_end_print;
  operation_class->create_custom_widget = pw_plan_printer_create_custom_widget;
  operation_class->custom_widget_apply = pw_plan_printer_custom_widget_apply;
}

static void
pw_plan_printer_init (PwPlanPrinter *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->road = g_ptr_array_new_with_free_func ((GDestroyNotify) road_stop_free);
}
