/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-plan-item-editor.h"
#include "pw-plan-item-list.h"
#include "pw-plan-item-row.h"
#include "pw-plan-page.h"

struct _PwPlanPage
{
  GtkWidget        parent_instance;

  PwSession       *session;
  PwSurvivor      *survivor;
  GListModel      *items;          /* PwPlanItemList of her goals */
  PwTemplate      *template;       /* her pathway, for the rows' steps */
  GPtrArray       *rows;           /* PwPlanItemRow, in display order */
  GPtrArray       *pending;        /* PendingRow: the goals after them, not made yet */
  GPtrArray       *retired;        /* sections of the plan shown before, hidden, to drop */
  GHashTable      *placement;      /* item id → "stage|domain|priority" at build time */
  guint            rebuild_idle;
  guint            tick;
  guint            tick_frames;
  guint            n_revealed;     /* rows to make so far; G_MAXUINT: all */
  gint64           focus_after;    /* item to focus once rebuilt */

  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkToggleButton *by_stage_button;
  GtkWidget       *order_hint;
  GtkBox          *groups_box;
  GtkWidget       *no_match_label;
};

G_DEFINE_FINAL_TYPE (PwPlanPage, pw_plan_page, GTK_TYPE_WIDGET)

static gboolean
by_stage (PwPlanPage *self)
{
  return gtk_toggle_button_get_active (self->by_stage_button);
}

static PwStore *
get_store (PwPlanPage *self)
{
  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    return NULL;
  return pw_session_get_store (self->session);
}

static char *
placement_of (PwPlanItem *item)
{
  return g_strdup_printf ("%s|%s|%d", pw_plan_item_get_stage_id (item) ?: "",
                          pw_plan_item_get_domain (item) ?: "", pw_plan_item_get_priority (item));
}

static void on_row_activated (PwPlanItemRow *row, PwPlanPage *self);
static void on_row_achieve (PwPlanItemRow *row, PwPlanPage *self);
static void on_row_move (PwPlanItemRow *row, int delta, PwPlanPage *self);
static void on_row_dropped_on (PwPlanItemRow *row, gint64 dragged_id, PwPlanPage *self);

/* A goal whose row is made when it is revealed, and the list it goes in. */
typedef struct
{
  PwPlanItem *item;
  GtkListBox *list;
} PendingRow;

static void
pending_row_free (gpointer data)
{
  PendingRow *pending = data;

  g_object_unref (pending->item);
  g_object_unref (pending->list);
  g_free (pending);
}

static void
make_row (PwPlanPage *self,
          GtkListBox *list,
          PwPlanItem *item)
{
  PwPlanItemRow *row = pw_plan_item_row_new (item, self->template);

  pw_plan_item_row_set_reorderable (row, !by_stage (self));
  g_signal_connect (row, "achieve", G_CALLBACK (on_row_achieve), self);
  g_signal_connect (row, "move", G_CALLBACK (on_row_move), self);
  g_signal_connect (row, "dropped-on", G_CALLBACK (on_row_dropped_on), self);
  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (list, GTK_WIDGET (row));
}

/* Rows are made in display order, the first ones at once and the rest
 * as they are revealed: appended at the end of their list, they keep
 * their place. */
static void
add_row (PwPlanPage *self,
         GtkWidget  *list,
         PwPlanItem *item)
{
  PendingRow *pending;

  g_hash_table_insert (self->placement, g_memdup2 (&(gint64) { pw_plan_item_get_id (item) }, sizeof (gint64)),
                       placement_of (item));
  if (self->pending->len == 0 && self->rows->len < self->n_revealed)
    {
      make_row (self, GTK_LIST_BOX (list), item);
      return;
    }
  pending = g_new (PendingRow, 1);
  pending->item = g_object_ref (item);
  pending->list = g_object_ref (GTK_LIST_BOX (list));
  g_ptr_array_add (self->pending, pending);
}

static void
make_pending_rows (PwPlanPage *self,
                   guint       n)
{
  n = MIN (n, self->pending->len);
  for (guint i = 0; i < n; i++)
    {
      PendingRow *pending = g_ptr_array_index (self->pending, i);

      make_row (self, pending->list, pending->item);
    }
  g_ptr_array_remove_range (self->pending, 0, n);
}

static void
on_list_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       PwPlanPage    *self)
{
  on_row_activated (PW_PLAN_ITEM_ROW (row), self);
}

/* A titled group with a boxed list of goals; returns the list. Rows are
 * plain list rows: a hundred action rows with wrapping text take most of
 * a second to lay out. */
static GtkWidget *
add_group (PwPlanPage *self,
           GtkWidget  *parent,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (on_list_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), group);
  return list;
}

static GtkWidget *
add_stage_section (PwPlanPage *self,
                   const char *title,
                   guint       n_items)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* A grid: a horizontal box of GTK 4.8 measures a wrapping label's width
   * for its height, a binary search of layouts, at every allocation. */
  GtkWidget *header = gtk_grid_new ();
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *count = g_strdup_printf (ngettext ("%u goal", "%u goals", n_items), n_items);
  GtkWidget *count_label = gtk_label_new (count);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_set_valign (count_label, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_grid_set_column_spacing (GTK_GRID (header), 8);
  gtk_grid_attach (GTK_GRID (header), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (header), count_label, 1, 0, 1, 1);
  gtk_box_append (GTK_BOX (section), header);
  gtk_widget_add_css_class (section, "pw-plan-stage");
  gtk_box_append (self->groups_box, section);
  return section;
}

static void
build_by_stage (PwPlanPage *self,
                GPtrArray  *items)
{
  PwTemplate *template = self->template;
  GListModel *stages = template != NULL ? pw_template_get_stages (template) : NULL;
  GListModel *domains = template != NULL ? pw_template_get_domains (template) : NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  guint n_stages = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  /* Stages in pathway order, then goals not tied to a known stage. */
  for (guint s = 0; s <= n_stages; s++)
    {
      g_autoptr(PwStage) stage = s < n_stages ? g_list_model_get_item (stages, s) : NULL;
      g_autoptr(GPtrArray) in_stage = g_ptr_array_new ();
      guint n_domains = domains != NULL ? g_list_model_get_n_items (domains) : 0;
      GtkWidget *section;

      for (guint i = 0; i < items->len; i++)
        {
          PwPlanItem *item = g_ptr_array_index (items, i);

          if (stage != NULL ? g_strcmp0 (pw_plan_item_get_stage_id (item), pw_stage_get_id (stage)) == 0
                            : !g_hash_table_contains (placed, item))
            {
              g_ptr_array_add (in_stage, item);
              g_hash_table_add (placed, item);
            }
        }
      if (in_stage->len == 0)
        continue;

      section = add_stage_section (self,
                                   stage != NULL ? pw_stage_get_name (stage, NULL)
                                                 : _("Not Linked to a Stage"),
                                   in_stage->len);

      /* Areas of life in the template's order, then the rest. */
      for (guint d = 0; d <= n_domains; d++)
        {
          g_autoptr(PwDomain) domain = d < n_domains ? g_list_model_get_item (domains, d) : NULL;
          GtkWidget *group = NULL;

          for (guint i = 0; i < in_stage->len; i++)
            {
              PwPlanItem *item = g_ptr_array_index (in_stage, i);
              gboolean here;

              if (item == NULL)
                continue;
              here = domain != NULL ? g_strcmp0 (pw_plan_item_get_domain (item), pw_domain_get_id (domain)) == 0
                                    : TRUE;
              if (!here)
                continue;
              if (group == NULL)
                group = add_group (self, section,
                                   domain != NULL ? pw_domain_get_name (domain, NULL)
                                                  : _("Other Areas"));
              add_row (self, group, item);
              g_ptr_array_index (in_stage, i) = NULL;
            }
        }
    }
}

static void
build_her_order (PwPlanPage *self,
                 GPtrArray  *items)
{
  GtkWidget *group = add_group (self, GTK_WIDGET (self->groups_box), NULL);

  for (guint i = 0; i < items->len; i++)
    add_row (self, group, g_ptr_array_index (items, i));
}

static void apply_search (PwPlanPage *self);

/* Making and laying out a goal's row is most of the cost of a plan, and
 * taking a plan of a hundred goals apart is a third of that: show her
 * first goals at once, then over the next frames drop the plan shown
 * before and make the rest of hers, so her plan opens quickly even with
 * a hundred goals. */
#define REVEAL_FIRST 24
#define REVEAL_STEP  24

static void
drop_retired (PwPlanPage *self)
{
  for (guint i = 0; i < self->retired->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->retired, i));
  g_ptr_array_set_size (self->retired, 0);
}

/* One step per frame, after the first frame has shown her first goals. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  PwPlanPage *self = PW_PLAN_PAGE (widget);

  if (self->tick_frames++ == 0)
    return G_SOURCE_CONTINUE;
  if (self->retired->len > 0)
    drop_retired (self);
  else if (self->pending->len > 0)
    {
      make_pending_rows (self, REVEAL_STEP);
      self->n_revealed = self->pending->len > 0 ? self->rows->len : G_MAXUINT;
      apply_search (self);
    }
  if (self->retired->len > 0 || self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_ticking (PwPlanPage *self)
{
  if (self->tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick);
  self->tick = 0;
}

static void
reveal_all (PwPlanPage *self)
{
  if (self->n_revealed != G_MAXUINT)
    {
      make_pending_rows (self, G_MAXUINT);
      self->n_revealed = G_MAXUINT;
      apply_search (self);
    }
}

static gboolean
is_retired (PwPlanPage *self,
            GtkWidget  *section)
{
  return g_ptr_array_find (self->retired, section, NULL);
}

/* Hidden at once; dropped after the next frame, or now if nothing about
 * her may stay (the vault locked, her record gone). */
static void
retire_sections (PwPlanPage *self,
                 gboolean    now)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!is_retired (self, child))
      {
        gtk_widget_set_visible (child, FALSE);
        g_ptr_array_add (self->retired, child);
      }
  if (now)
    drop_retired (self);
}

static void
rebuild (PwPlanPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);

  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->rows, 0);
  retire_sections (self, self->survivor == NULL || !gtk_widget_get_realized (GTK_WIDGET (self)));
  g_hash_table_remove_all (self->placement);

  n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (self->items, i));

  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->survivor == NULL ? "plan" : "empty");
  gtk_widget_set_visible (self->order_hint, !by_stage (self) && n > 1);
  if (n == 0)
    {
      self->n_revealed = G_MAXUINT;
      drop_retired (self);
      return;
    }

  g_clear_object (&self->template);
  if (self->session != NULL && self->survivor != NULL)
    g_set_object (&self->template,
                  pw_casework_get_template (self->session, pw_survivor_get_template_id (self->survivor)));
  if (by_stage (self))
    build_by_stage (self, items);
  else
    build_her_order (self, items);

  apply_search (self);
  /* Only a plan just opened comes in steps; later changes show at once. */
  if (self->pending->len == 0)
    self->n_revealed = G_MAXUINT;
  if (self->pending->len > 0 || self->retired->len > 0)
    {
      self->tick_frames = 0;
      if (self->tick == 0)
        self->tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
    }

  if (self->focus_after != 0)
    {
      gint64 id = self->focus_after;

      self->focus_after = 0;
      pw_plan_page_show_item (self, id);
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  PwPlanPage *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (PwPlanPage *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, rebuild_idle, self, NULL);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  PwPlanPage *self)
{
  /* An edit in place keeps the rows (they follow their item) unless it
   * moves the goal to another group or rank. */
  if (removed == 1 && added == 1)
    {
      g_autoptr(PwPlanItem) item = g_list_model_get_item (model, position);
      gint64 id = pw_plan_item_get_id (item);
      const char *before = g_hash_table_lookup (self->placement, &id);
      g_autofree char *after = placement_of (item);

      if (before != NULL && g_str_equal (before, after))
        {
          apply_search (self);
          return;
        }
    }
  queue_rebuild (self);
}

static void
apply_search (PwPlanPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean any = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      PwPlanItemRow *row = g_ptr_array_index (self->rows, i);
      gboolean match = pw_plan_item_row_matches (row, query);

      gtk_widget_set_visible (GTK_WIDGET (row), match);
      any |= match;
    }

  /* Hide the groups and stages left empty. */
  for (GtkWidget *section = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       section != NULL; section = gtk_widget_get_next_sibling (section))
    {
      gboolean section_visible = FALSE;

      if (ADW_IS_PREFERENCES_GROUP (section) || is_retired (self, section))
        continue;
      for (GtkWidget *group = gtk_widget_get_first_child (section); group != NULL;
           group = gtk_widget_get_next_sibling (group))
        {
          gboolean group_visible = FALSE;

          if (!ADW_IS_PREFERENCES_GROUP (group))
            continue;
          for (guint i = 0; i < self->rows->len; i++)
            {
              GtkWidget *row = g_ptr_array_index (self->rows, i);

              if (gtk_widget_is_ancestor (row, group) && gtk_widget_get_visible (row))
                {
                  group_visible = TRUE;
                  break;
                }
            }
          gtk_widget_set_visible (group, group_visible);
          section_visible |= group_visible;
        }
      gtk_widget_set_visible (section, section_visible);
    }

  gtk_widget_set_visible (self->no_match_label, !any && self->rows->len > 0);
}

/* One tooltip handler for the buttons of every row: in GTK 4.8 giving a
 * widget a tooltip asks the X server where the pointer is, a round trip
 * for each of a hundred rows. */
static gboolean
on_query_tooltip (GtkWidget  *box,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  PwPlanPage *self)
{
  GtkWidget *part = keyboard_mode ? gtk_root_get_focus (gtk_widget_get_root (box))
                                  : gtk_widget_pick (box, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = part != NULL ? gtk_widget_get_ancestor (part, PW_TYPE_PLAN_ITEM_ROW) : NULL;
  GtkWidget *area = NULL;
  graphene_rect_t bounds;
  const char *text;

  if (row == NULL || !gtk_widget_is_ancestor (row, box))
    return FALSE;
  text = pw_plan_item_row_get_tooltip (PW_PLAN_ITEM_ROW (row), part, &area);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  if (gtk_widget_compute_bounds (area, box, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                         bounds.size.width, bounds.size.height });
  return TRUE;
}

static void
on_search_changed (PwPlanPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A search looks through all of her goals; the empty search that
   * follows opening a plan leaves the rest to come in steps. */
  if (query != NULL && *query != '\0')
    reveal_all (self);
  apply_search (self);
}

static void
on_grouping_toggled (PwPlanPage *self)
{
  self->n_revealed = REVEAL_FIRST;
  rebuild (self);
}

static GtkWindow *
parent_window (PwPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_editor_saved (PwPlanPage *self,
                 gint64      item_id)
{
  self->focus_after = item_id;
  if (self->rebuild_idle == 0)
    pw_plan_page_show_item (self, item_id);
}

static void
open_editor (PwPlanPage *self,
             PwPlanItem *item,
             const char *step_id)
{
  PwPlanItemEditor *editor;

  if (self->survivor == NULL || get_store (self) == NULL)
    return;
  editor = pw_plan_item_editor_new (parent_window (self), self->session, self->survivor, item, step_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
pw_plan_page_add_item (PwPlanPage *self,
                       const char *step_id)
{
  g_return_if_fail (PW_IS_PLAN_PAGE (self));

  open_editor (self, NULL, step_id);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pw_plan_page_add_item (PW_PLAN_PAGE (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pw_plan_page_start_search (PW_PLAN_PAGE (widget));
}

static void
on_row_activated (PwPlanItemRow *row,
                  PwPlanPage    *self)
{
  open_editor (self, pw_plan_item_row_get_item (row), NULL);
}

static void
on_row_achieve (PwPlanItemRow *row,
                PwPlanPage    *self)
{
  PwPlanItem *item = pw_plan_item_row_get_item (row);
  PwPlanItemStatus previous = pw_plan_item_get_status (item);
  gint64 id = pw_plan_item_get_id (item);
  g_autoptr(GError) error = NULL;
  PwStore *store = get_store (self);

  if (store == NULL)
    return;
  if (!pw_store_set_plan_item_status (store, id, PW_PLAN_ITEM_STATUS_ACHIEVED, NULL, &error) ||
      !pw_casework_celebrate (GTK_WIDGET (self), store, id, previous, &error))
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  pw_plan_item_row_highlight (row);
}

static void
reorder (PwPlanPage *self,
         gint64      moved_id,
         int         target_index)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  PwStore *store = get_store (self);
  guint n = g_list_model_get_n_items (self->items);
  int from = -1;

  if (store == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPlanItem) item = g_list_model_get_item (self->items, i);
      gint64 id = pw_plan_item_get_id (item);

      if (id == moved_id)
        from = i;
      else
        g_array_append_val (ids, id);
    }
  if (from < 0)
    return;
  target_index = CLAMP (target_index, 0, (int) ids->len);
  if (target_index == from)
    return;
  g_array_insert_val (ids, target_index, moved_id);

  self->focus_after = moved_id;
  if (!pw_store_reorder_plan_items (store, pw_survivor_get_id (self->survivor),
                                    (const gint64 *) ids->data, ids->len, &error))
    {
      self->focus_after = 0;
      pw_casework_toast (GTK_WIDGET (self), error->message);
    }
}

static int
index_of (PwPlanPage *self,
          gint64      id)
{
  guint n = g_list_model_get_n_items (self->items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPlanItem) item = g_list_model_get_item (self->items, i);

      if (pw_plan_item_get_id (item) == id)
        return i;
    }
  return -1;
}

static void
on_row_move (PwPlanItemRow *row,
             int            delta,
             PwPlanPage    *self)
{
  gint64 id = pw_plan_item_get_id (pw_plan_item_row_get_item (row));
  int from = index_of (self, id);

  if (by_stage (self) || from < 0)
    {
      if (by_stage (self))
        pw_casework_toast (GTK_WIDGET (self), _("Switch to “Her Order” to change the order of her goals."));
      return;
    }
  reorder (self, id, from + delta);
}

static void
on_row_dropped_on (PwPlanItemRow *row,
                   gint64         dragged_id,
                   PwPlanPage    *self)
{
  int target = index_of (self, pw_plan_item_get_id (pw_plan_item_row_get_item (row)));

  if (target >= 0)
    reorder (self, dragged_id, target);
}

gboolean
pw_plan_page_show_item (PwPlanPage *self,
                        gint64      item_id)
{
  g_return_val_if_fail (PW_IS_PLAN_PAGE (self), FALSE);

  if (self->rebuild_idle != 0)
    rebuild (self);
  reveal_all (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PwPlanItemRow *row = g_ptr_array_index (self->rows, i);

      if (pw_plan_item_get_id (pw_plan_item_row_get_item (row)) != item_id)
        continue;
      if (!gtk_widget_get_visible (GTK_WIDGET (row)))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (row));
      pw_plan_item_row_highlight (row);
      return TRUE;
    }
  return FALSE;
}

void
pw_plan_page_start_search (PwPlanPage *self)
{
  g_return_if_fail (PW_IS_PLAN_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GPtrArray *
pw_plan_page_get_rows (PwPlanPage *self)
{
  g_return_val_if_fail (PW_IS_PLAN_PAGE (self), NULL);

  if (self->rebuild_idle != 0)
    rebuild (self);
  reveal_all (self);
  return self->rows;
}

void
pw_plan_page_set_survivor (PwPlanPage *self,
                           PwSurvivor *survivor)
{
  PwStore *store;

  g_return_if_fail (PW_IS_PLAN_PAGE (self));

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed, self);
  g_clear_object (&self->items);
  g_set_object (&self->survivor, survivor);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  self->focus_after = 0;
  self->n_revealed = REVEAL_FIRST;

  store = get_store (self);
  if (survivor != NULL && store != NULL)
    {
      self->items = pw_store_get_plan_items (store, pw_survivor_get_id (survivor));
      g_signal_connect (self->items, "items-changed", G_CALLBACK (on_items_changed), self);
    }
  rebuild (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-item", survivor != NULL);
}

static void
on_session_state_changed (PwPlanPage *self)
{
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    pw_plan_page_set_survivor (self, NULL);
}

void
pw_plan_page_set_session (PwPlanPage *self,
                          PwSession  *session)
{
  g_return_if_fail (PW_IS_PLAN_PAGE (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
}

static void
pw_plan_page_dispose (GObject *object)
{
  PwPlanPage *self = PW_PLAN_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  stop_ticking (self);
  g_ptr_array_set_size (self->retired, 0);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed, self);
  g_clear_object (&self->items);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->template);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PLAN_PAGE);
  /* Children without an id are not the template's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->survivor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_plan_page_parent_class)->dispose (object);
}

static void
pw_plan_page_finalize (GObject *object)
{
  PwPlanPage *self = PW_PLAN_PAGE (object);

  g_clear_pointer (&self->placement, g_hash_table_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_plan_page_parent_class)->finalize (object);
}

static void
pw_plan_page_class_init (PwPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_plan_page_dispose;
  object_class->finalize = pw_plan_page_finalize;

  gtk_widget_class_install_action (widget_class, "plan.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "plan.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, by_stage_button);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, order_hint);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PwPlanPage, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_grouping_toggled);
}

static void
pw_plan_page_init (PwPlanPage *self)
{
  self->rows = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (pending_row_free);
  self->retired = g_ptr_array_new ();
  self->n_revealed = G_MAXUINT;
  self->placement = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_entry_set_search_delay (self->search_entry, 60);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->groups_box), TRUE);
  g_signal_connect (self->groups_box, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-item", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}
