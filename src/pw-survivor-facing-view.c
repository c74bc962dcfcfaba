/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-facing-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-pathway-map.h"
#include "pw-plan-printer.h"
#include "pw-survivor-facing-view.h"

/* Larger than the map's default: she may be reading in a second language,
 * from a chair beside the desk. */
#define HER_MAP_ZOOM 1.2

struct _PwSurvivorFacingView
{
  GtkWidget parent_instance;

  PwSession *session;
  PwStore *store;            /* followed while she is shown */
  PwHerPlan *plan;
  gint64 survivor_id;

  GtkWidget *box;
  AdwHeaderBar *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget *close_button;
  AdwButtonContent *close_content;
  GtkWidget *print_button;
  AdwViewStack *stack;
  AdwViewStackPage *map_page;
  AdwViewStackPage *plan_page;
  GtkScrolledWindow *map_scroller;
  GtkWidget *plan_box;
  PwPathwayMap *map;
};

G_DEFINE_FINAL_TYPE (PwSurvivorFacingView, pw_survivor_facing_view, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
pw_survivor_facing_view_new (void)
{
  return g_object_new (PW_TYPE_SURVIVOR_FACING_VIEW, NULL);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
add_label_with_role (GtkWidget         *box,
                     const char        *text,
                     const char        *css_class,
                     GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  return add_label_with_role (box, text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static GtkWidget *
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = add_label_with_role (box, text, "title-2", GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_widget_set_margin_top (label, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static GtkWidget *
new_list (GtkWidget  *box,
          GtkWidget  *heading)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), list);
  return list;
}

/* A row: a mark (a number or an icon), a main text and a quieter text. */
static void
add_row (GtkWidget  *list,
         GtkWidget  *mark,
         const char *text,
         const char *text_class,
         const char *detail)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (row, "pw-her-row");
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), mark);
  gtk_widget_set_hexpand (texts, TRUE);
  add_label (texts, text, text_class);
  if (detail != NULL && *detail != '\0')
    add_label (texts, detail, "pw-her-detail");
  gtk_box_append (GTK_BOX (row), texts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), list_row);
}

static GtkWidget *
number_mark (guint number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "pw-her-number");
  return label;
}

static GtkWidget *
icon_mark (const char *icon_name,
           const char *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_image_set_icon_size (GTK_IMAGE (image), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (image, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return image;
}

static void
fill_plan (PwSurvivorFacingView *self)
{
  PwHerPlan *plan = self->plan;
  PwCatalog *catalog = pw_her_plan_get_catalog (plan);
  PwTemplate *template = pw_her_plan_get_template (plan);
  const char *language = pw_her_plan_get_language (plan);
  const char *current = pw_her_plan_get_current_stage (plan);
  GPtrArray *goals = pw_her_plan_get_goals (plan);
  GPtrArray *next = pw_her_plan_get_next_steps (plan);
  GPtrArray *achievements = pw_her_plan_get_achievements (plan);
  GtkWidget *heading, *list;

  remove_children (self->plan_box);

  heading = add_label_with_role (self->plan_box, pw_catalog_pgettext (catalog, "her plan", "My plan"),
                                 "title-1", GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  if (current != NULL && pw_template_lookup_stage (template, current) != NULL)
    {
      g_autofree char *where = NULL;

      where = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Where I am now: %s"),
                               pw_stage_get_name (pw_template_lookup_stage (template, current), language));
      add_label (self->plan_box, where, "pw-her-where");
    }

  heading = add_heading (self->plan_box, pw_catalog_pgettext (catalog, "her plan", "My goals"));
  if (goals->len == 0)
    add_label (self->plan_box, pw_catalog_pgettext (catalog, "her plan", "No goals written down yet."),
               "pw-her-detail");
  else
    {
      list = new_list (self->plan_box, heading);
      for (guint i = 0; i < goals->len; i++)
        {
          PwPlanItem *item = g_ptr_array_index (goals, i);
          const char *text = pw_her_plan_goal_text (plan, item);
          const char *step = pw_her_plan_step_title (plan, item);
          const char *who = pw_plan_item_get_responsible (item);
          g_autoptr(GString) detail = g_string_new (NULL);

          if (step != NULL && g_strcmp0 (step, text) != 0)
            g_string_append_printf (detail, "%s  ·  ", step);
          g_string_append (detail, pw_her_plan_status_label (plan, pw_plan_item_get_status (item)));
          if (who != NULL && *who != '\0')
            {
              g_string_append (detail, "  ·  ");
              g_string_append_printf (detail, pw_catalog_pgettext (catalog, "her plan", "Who helps: %s"), who);
            }
          add_row (list, number_mark (i + 1), text, "pw-her-goal", detail->str);
        }
    }

  if (next->len > 0)
    {
      heading = add_heading (self->plan_box, pw_catalog_pgettext (catalog, "her plan", "My next steps"));
      list = new_list (self->plan_box, heading);
      for (guint i = 0; i < next->len; i++)
        {
          PwPlanItem *item = g_ptr_array_index (next, i);
          g_autofree char *date = pw_her_plan_format_date (plan, pw_plan_item_get_due_date (item));
          const char *who = pw_plan_item_get_responsible (item);
          g_autofree char *detail = NULL;

          if (who != NULL && *who != '\0')
            {
              g_autofree char *helps = g_strdup_printf (pw_catalog_pgettext (catalog, "her plan", "Who helps: %s"), who);

              detail = g_strdup_printf ("%s\n%s", pw_her_plan_goal_text (plan, item), helps);
            }
          else
            detail = g_strdup (pw_her_plan_goal_text (plan, item));
          add_row (list, icon_mark ("x-office-calendar-symbolic", "pw-her-next"),
                   date ? date : pw_plan_item_get_due_date (item), "pw-her-date", detail);
        }
    }

  if (achievements->len > 0)
    {
      heading = add_heading (self->plan_box, pw_catalog_pgettext (catalog, "her plan", "What I have achieved"));
      list = new_list (self->plan_box, heading);
      for (guint i = 0; i < achievements->len; i++)
        {
          PwAchievement *achievement = g_ptr_array_index (achievements, i);
          g_autofree char *date = pw_her_plan_format_date (plan, achievement->date);

          add_row (list, icon_mark (achievement->is_milestone ? "starred-symbolic" : "object-select-symbolic",
                                    achievement->is_milestone ? "pw-her-star" : "pw-her-done"),
                   achievement->text, "pw-her-goal", date);
        }
    }
}

/* Every visible word of the frame in her language too. */
static void
translate_frame (PwSurvivorFacingView *self)
{
  PwCatalog *catalog = self->plan ? pw_her_plan_get_catalog (self->plan) : NULL;

  adw_view_stack_page_set_title (self->map_page, pw_catalog_pgettext (catalog, "her plan", "My pathway"));
  adw_view_stack_page_set_title (self->plan_page, pw_catalog_pgettext (catalog, "her plan", "My plan"));
  adw_button_content_set_label (self->close_content, pw_catalog_pgettext (catalog, "her plan", "Close"));
  gtk_widget_set_tooltip_text (self->close_button, pw_catalog_pgettext (catalog, "her plan", "Close (Esc)"));
  gtk_widget_set_tooltip_text (self->print_button, pw_catalog_pgettext (catalog, "her plan", "Print my plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->print_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pw_catalog_pgettext (catalog, "her plan", "Print my plan"), -1);
}

static gboolean
reload (PwSurvivorFacingView  *self,
        GError               **error)
{
  g_autoptr(PwHerPlan) plan = NULL;
  PwStore *store = self->session ? pw_session_get_store (self->session) : NULL;

  if (store == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED,
                           _("The vault is locked. Unlock it, then show her view again."));
      return FALSE;
    }

  plan = pw_her_plan_new (store, pw_session_get_templates (self->session), self->survivor_id, NULL, error);
  if (plan == NULL)
    return FALSE;

  g_set_object (&self->plan, plan);
  fill_plan (self);
  translate_frame (self);

  pw_pathway_map_set_template (self->map, pw_her_plan_get_template (plan));
  pw_pathway_map_set_language (self->map, pw_her_plan_get_language (plan));
  pw_pathway_map_set_survivor_id (self->map, self->survivor_id);
  return TRUE;
}

static void
on_store_changed (PwSurvivorFacingView *self,
                  PwRecordKind          kind,
                  gint64                record_id,
                  gint64                survivor_id)
{
  g_autoptr(GError) error = NULL;

  if (survivor_id != self->survivor_id || self->survivor_id == 0)
    return;
  if (!reload (self, &error))
    /* She is gone (deleted by another key slot's session): leave. */
    g_signal_emit (self, signals[LEAVE], 0);
}

void
pw_survivor_facing_view_clear (PwSurvivorFacingView *self)
{
  g_return_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  self->survivor_id = 0;
  if (self->map != NULL)
    pw_pathway_map_set_survivor_id (self->map, 0);
  remove_children (self->plan_box);
  translate_frame (self);
}

gboolean
pw_survivor_facing_view_show_survivor (PwSurvivorFacingView  *self,
                                       gint64                 survivor_id,
                                       GError               **error)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self), FALSE);
  g_return_val_if_fail (survivor_id > 0, FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  pw_survivor_facing_view_clear (self);
  self->survivor_id = survivor_id;
  if (!reload (self, error))
    {
      pw_survivor_facing_view_clear (self);
      return FALSE;
    }

  self->store = g_object_ref (pw_session_get_store (self->session));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  adw_view_stack_set_visible_child_name (self->stack, "map");
  return TRUE;
}

gint64
pw_survivor_facing_view_get_survivor_id (PwSurvivorFacingView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self), 0);
  return self->survivor_id;
}

PwHerPlan *
pw_survivor_facing_view_get_plan (PwSurvivorFacingView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self), NULL);
  return self->plan;
}

GtkWidget *
pw_survivor_facing_view_get_map (PwSurvivorFacingView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self), NULL);
  return GTK_WIDGET (self->map);
}

void
pw_survivor_facing_view_show_page (PwSurvivorFacingView *self,
                                   const char           *name)
{
  g_return_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
on_session_state_changed (PwSurvivorFacingView *self)
{
  /* Locking drops her data at once, whatever is on screen. */
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    pw_survivor_facing_view_clear (self);
}

void
pw_survivor_facing_view_set_session (PwSurvivorFacingView *self,
                                     PwSession            *session)
{
  g_return_if_fail (PW_IS_SURVIVOR_FACING_VIEW (self));
  g_return_if_fail (PW_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);

  self->map = PW_PATHWAY_MAP (pw_pathway_map_new (session));
  pw_pathway_map_set_show_risk (self->map, FALSE);
  pw_pathway_map_set_survivor_facing (self->map, TRUE);
  pw_pathway_map_set_zoom (self->map, HER_MAP_ZOOM);
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->map));
}

static void
on_close_clicked (PwSurvivorFacingView *self)
{
  g_signal_emit (self, signals[LEAVE], 0);
}

static void
on_print_clicked (PwSurvivorFacingView *self)
{
  if (self->survivor_id > 0)
    pw_plan_printer_run_dialog (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                self->session, self->survivor_id);
}

static void
pw_survivor_facing_view_map (GtkWidget *widget)
{
  PwSurvivorFacingView *self = PW_SURVIVOR_FACING_VIEW (widget);

  GTK_WIDGET_CLASS (pw_survivor_facing_view_parent_class)->map (widget);
  /* So that Esc reaches the view at once, wherever the pointer is. */
  gtk_widget_grab_focus (self->close_button);
}

static void
pw_survivor_facing_view_dispose (GObject *object)
{
  PwSurvivorFacingView *self = PW_SURVIVOR_FACING_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SURVIVOR_FACING_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_survivor_facing_view_parent_class)->dispose (object);
}

static void
pw_survivor_facing_view_class_init (PwSurvivorFacingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_survivor_facing_view_dispose;
  widget_class->map = pw_survivor_facing_view_map;

  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "leave", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-survivor-facing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, box);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, close_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, close_content);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, print_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, stack);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, map_page);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, plan_page);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorFacingView, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
pw_survivor_facing_view_init (PwSurvivorFacingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  translate_frame (self);
}
