/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-plan-item-row.h"

struct _PwPlanItemRow
{
  GtkListBoxRow   parent_instance;

  PwPlanItem     *item;
  PwTemplate     *template;
  gboolean        reorderable;
  int             shown_status;  /* whose class the status icon has; -1: none */
  char           *haystack;
  guint           highlight_source;

  GtkImage       *status_icon;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *overdue_label;
  GtkLabel       *priority_label;
  GtkButton      *achieve_button;
  GtkImage       *drag_handle;
  GtkEventController *drag_source;
  GtkEventController *drop_target;
};

G_DEFINE_FINAL_TYPE (PwPlanItemRow, pw_plan_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  ACHIEVE,
  MOVE,
  DROPPED_ON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_open (PwPlanItemStatus status)
{
  return status == PW_PLAN_ITEM_STATUS_PROPOSED || status == PW_PLAN_ITEM_STATUS_AGREED ||
         status == PW_PLAN_ITEM_STATUS_IN_PROGRESS;
}

static char *
due_text (PwPlanItem *item,
          gboolean   *overdue)
{
  PwPlanItemStatus status = pw_plan_item_get_status (item);
  const char *due = pw_plan_item_get_due_date (item);
  g_autofree char *formatted = NULL;
  int days;

  *overdue = FALSE;
  if (status == PW_PLAN_ITEM_STATUS_ACHIEVED && pw_plan_item_get_achieved_date (item) != NULL)
    {
      formatted = pw_casework_format_date (pw_plan_item_get_achieved_date (item));
      return g_strdup_printf (_("Achieved on %s"), formatted);
    }
  if (!is_open (status) || !pw_casework_days_until (due, &days))
    return NULL;

  *overdue = days < 0;
  if (days < 0)
    return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -days), -days);
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));
  if (days <= 14)
    return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
  formatted = pw_casework_format_date (due);
  /* Translators: %s is a date */
  return g_strdup_printf (_("Due %s"), formatted);
}

static void
update (PwPlanItemRow *self)
{
  PwPlanItem *item = self->item;
  PwPlanItemStatus status = pw_plan_item_get_status (item);
  const char *words = pw_plan_item_get_her_words (item);
  const char *title = pw_plan_item_get_title (item);
  const char *responsible = pw_plan_item_get_responsible (item);
  PwStep *step = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *priority_tip = NULL;
  g_autofree char *status_class = NULL;
  gboolean has_words = words != NULL && *words != '\0';
  gboolean overdue;
  char *due;

  if (self->template != NULL && pw_plan_item_get_step_id (item) != NULL)
    step = pw_template_lookup_step (self->template, pw_plan_item_get_step_id (item));

  if (has_words)
    /* Translators: her own words for a goal, quoted the way your language quotes speech */
    quoted = g_strdup_printf (_("“%s”"), words);
  gtk_label_set_label (self->title_label,
                       has_words ? quoted : (title != NULL && *title ? title : _("Untitled goal")));

  /* "Achieved on …" says it all. */
  if (status != PW_PLAN_ITEM_STATUS_ACHIEVED || pw_plan_item_get_achieved_date (item) == NULL)
    g_ptr_array_add (parts, g_strdup (pw_casework_plan_status_label (status)));
  if ((due = due_text (item, &overdue)) != NULL)
    g_ptr_array_add (parts, due);
  if (has_words && title != NULL && *title != '\0')
    g_ptr_array_add (parts, g_strdup (title));
  if (step != NULL)
    g_ptr_array_add (parts, g_strdup (pw_step_get_title (step, NULL)));
  if (responsible != NULL && *responsible != '\0')
    /* Translators: the person or service responsible for a goal */
    g_ptr_array_add (parts, g_strdup_printf (_("Who helps: %s"), responsible));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->subtitle_label, subtitle);

  /* No tooltips here: in GTK 4.8 setting one asks the X server where the
   * pointer is, a round trip per row. The status is in the text anyway,
   * and the buttons' tooltips come from the page. */
  if (self->shown_status != (int) status)
    {
      if (self->shown_status >= 0)
        {
          g_autofree char *old = g_strdup_printf ("pw-status-%s", pw_enum_to_nick (PW_TYPE_PLAN_ITEM_STATUS,
                                                                                   self->shown_status));

          gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), old);
        }
      status_class = g_strdup_printf ("pw-status-%s", pw_enum_to_nick (PW_TYPE_PLAN_ITEM_STATUS, status));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), status_class);
      gtk_image_set_from_icon_name (self->status_icon, pw_casework_plan_status_icon (status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pw_casework_plan_status_label (status), -1);
      self->shown_status = status;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pw-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pw-overdue");

  /* Translators: her own rank for a goal, shown beside it: "#2" */
  priority = g_strdup_printf (_("#%d"), pw_plan_item_get_priority (item));
  priority_tip = g_strdup_printf (_("Her priority: %d"), pw_plan_item_get_priority (item));
  gtk_label_set_label (self->priority_label, priority);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->priority_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  priority_tip, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->achieve_button), is_open (status));
  gtk_widget_set_visible (GTK_WIDGET (self->drag_handle), self->reorderable);

  g_string_append_printf (haystack, "%s %s %s %s", words ?: "", title ?: "", responsible ?: "",
                          step != NULL ? pw_step_get_title (step, NULL) : "");
  g_free (self->haystack);
  self->haystack = g_string_free (g_steal_pointer (&haystack), FALSE);
}

PwPlanItem *
pw_plan_item_row_get_item (PwPlanItemRow *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM_ROW (self), NULL);

  return self->item;
}

void
pw_plan_item_row_set_reorderable (PwPlanItemRow *self,
                                  gboolean       reorderable)
{
  g_return_if_fail (PW_IS_PLAN_ITEM_ROW (self));

  self->reorderable = reorderable;
  gtk_event_controller_set_propagation_phase (self->drag_source,
                                              reorderable ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
  gtk_event_controller_set_propagation_phase (self->drop_target,
                                              reorderable ? GTK_PHASE_TARGET : GTK_PHASE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->drag_handle), reorderable);
}

const char *
pw_plan_item_row_get_tooltip (PwPlanItemRow  *self,
                              GtkWidget      *part,
                              GtkWidget     **area)
{
  GtkWidget *achieve = GTK_WIDGET (self->achieve_button);
  GtkWidget *handle = GTK_WIDGET (self->drag_handle);

  g_return_val_if_fail (PW_IS_PLAN_ITEM_ROW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (part), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  if (gtk_widget_get_visible (achieve) && (part == achieve || gtk_widget_is_ancestor (part, achieve)))
    {
      *area = achieve;
      return _("Mark as Achieved");
    }
  if (gtk_widget_get_visible (handle) && part == handle)
    {
      *area = handle;
      return _("Drag to change her order");
    }
  return NULL;
}

gboolean
pw_plan_item_row_matches (PwPlanItemRow *self,
                          const char    *query)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM_ROW (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;
  return g_str_match_string (query, self->haystack, TRUE);
}

static gboolean
remove_highlight (gpointer data)
{
  PwPlanItemRow *self = data;

  self->highlight_source = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "pw-highlight");
  return G_SOURCE_REMOVE;
}

void
pw_plan_item_row_highlight (PwPlanItemRow *self)
{
  g_return_if_fail (PW_IS_PLAN_ITEM_ROW (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "pw-highlight");
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add (2000, remove_highlight, self);
}

static void
on_achieve_clicked (PwPlanItemRow *self)
{
  g_signal_emit (self, signals[ACHIEVE], 0);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 PwPlanItemRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, pw_plan_item_get_id (self->item));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               PwPlanItemRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PwPlanItemRow *self)
{
  gint64 id = g_value_get_int64 (value);

  if (id == pw_plan_item_get_id (self->item))
    return FALSE;
  g_signal_emit (self, signals[DROPPED_ON], 0, id);
  return TRUE;
}

static void
pw_plan_item_row_dispose (GObject *object)
{
  PwPlanItemRow *self = PW_PLAN_ITEM_ROW (object);

  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_clear_object (&self->item);
  g_clear_object (&self->template);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PLAN_ITEM_ROW);

  G_OBJECT_CLASS (pw_plan_item_row_parent_class)->dispose (object);
}

static void
pw_plan_item_row_finalize (GObject *object)
{
  PwPlanItemRow *self = PW_PLAN_ITEM_ROW (object);

  g_free (self->haystack);

  G_OBJECT_CLASS (pw_plan_item_row_parent_class)->finalize (object);
}

static void
pw_plan_item_row_class_init (PwPlanItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_plan_item_row_dispose;
  object_class->finalize = pw_plan_item_row_finalize;

  signals[ACHIEVE] =
    g_signal_new ("achieve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[DROPPED_ON] =
    g_signal_new ("dropped-on", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Her order, from the keyboard. */
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "move", "(i)", -1);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "move", "(i)", 1);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-plan-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, achieve_button);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemRow, drag_handle);
  gtk_widget_class_bind_template_callback (widget_class, on_achieve_clicked);
}

static void
pw_plan_item_row_init (PwPlanItemRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  self->shown_status = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  self->drag_source = GTK_EVENT_CONTROLLER (source);
  gtk_event_controller_set_propagation_phase (self->drag_source, GTK_PHASE_NONE);
  gtk_widget_add_controller (GTK_WIDGET (self), self->drag_source);

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  self->drop_target = GTK_EVENT_CONTROLLER (target);
  gtk_event_controller_set_propagation_phase (self->drop_target, GTK_PHASE_NONE);
  gtk_widget_add_controller (GTK_WIDGET (self), self->drop_target);
}

PwPlanItemRow *
pw_plan_item_row_new (PwPlanItem *item,
                      PwTemplate *template)
{
  PwPlanItemRow *self;

  g_return_val_if_fail (PW_IS_PLAN_ITEM (item), NULL);

  self = g_object_new (PW_TYPE_PLAN_ITEM_ROW, NULL);
  self->item = g_object_ref (item);
  self->template = template != NULL ? g_object_ref (template) : NULL;
  /* The store refreshes the item in place after every change. */
  g_signal_connect_swapped (item, "notify", G_CALLBACK (update), self);
  update (self);
  return self;
}
