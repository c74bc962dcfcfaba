/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-step-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-map-station.h"
#include "pw-milestone.h"
#include "pw-plan-item.h"
#include "pw-step-popover.h"

struct _PwStepPopover
{
  GtkPopover  parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *title_label;
  GtkWidget  *domain_icon;
  GtkWidget  *context_label;
  GtkWidget  *description_label;
  GtkWidget  *her_role_box;
  GtkWidget  *her_role_label;
  GtkWidget  *community_role_box;
  GtkWidget  *community_role_label;
  GtkWidget  *references_box;
  GtkWidget  *references_list;
  GtkWidget  *milestones_box;
  GtkWidget  *milestones_list;
  GtkWidget  *plan_box;
  GtkWidget  *plan_empty_label;
  GtkWidget  *plan_list;
  GtkWidget  *add_button;

  PwStep     *step;
  char       *domain_class;
  guint       n_items;
  char       *language;
  PwCatalog  *catalog;          /* her language's, in her own view */
  gboolean    survivor_facing;
};

G_DEFINE_FINAL_TYPE (PwStepPopover, pw_step_popover, GTK_TYPE_POPOVER)

enum {
  ADD_TO_PLAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_text (GtkWidget  *box,
          GtkWidget  *label,
          const char *text)
{
  gboolean has = text != NULL && *text != '\0';

  gtk_label_set_text (GTK_LABEL (label), has ? text : "");
  if (box != NULL)
    gtk_widget_set_visible (box, has);
  else
    gtk_widget_set_visible (label, has);
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

void
pw_step_popover_set_step (PwStepPopover *self,
                          PwTemplate    *template,
                          PwStep        *step,
                          const char    *language)
{
  PwStage *stage;
  PwDomain *domain;
  g_autoptr(GString) context = g_string_new (NULL);
  guint n_references;

  g_return_if_fail (PW_IS_STEP_POPOVER (self));
  g_return_if_fail (PW_IS_TEMPLATE (template));
  g_return_if_fail (PW_IS_STEP (step));

  g_set_object (&self->step, step);
  g_free (self->language);
  self->language = g_strdup (language);

  stage = pw_template_lookup_stage (template, pw_step_get_stage_id (step));
  domain = pw_template_lookup_domain (template, pw_step_get_domain_id (step));

  gtk_label_set_text (GTK_LABEL (self->title_label), pw_step_get_title (step, language));
  if (stage != NULL)
    g_string_append (context, pw_stage_get_name (stage, language));
  if (domain != NULL)
    {
      if (context->len > 0)
        g_string_append (context, " · ");
      g_string_append (context, pw_domain_get_name (domain, language));
    }
  gtk_label_set_text (GTK_LABEL (self->context_label), context->str);

  if (self->domain_class != NULL)
    gtk_widget_remove_css_class (self->domain_icon, self->domain_class);
  g_free (self->domain_class);
  self->domain_class = g_strconcat ("domain-", pw_step_get_domain_id (step), NULL);
  gtk_widget_add_css_class (self->domain_icon, self->domain_class);
  if (domain != NULL && pw_domain_get_icon_name (domain) != NULL &&
      gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                               pw_domain_get_icon_name (domain)))
    gtk_image_set_from_icon_name (GTK_IMAGE (self->domain_icon), pw_domain_get_icon_name (domain));
  else
    gtk_image_set_from_icon_name (GTK_IMAGE (self->domain_icon), "view-grid-symbolic");

  set_text (NULL, self->description_label, pw_step_get_description (step, language));
  set_text (self->her_role_box, self->her_role_label, pw_step_get_survivor_role (step, language));
  set_text (self->community_role_box, self->community_role_label,
            pw_step_get_community_role (step, language));

  clear_children (self->references_list);
  n_references = pw_step_get_n_references (step);
  for (guint i = 0; i < n_references; i++)
    {
      const char *label = pw_step_get_reference_label (step, i, language);
      const char *country = pw_step_get_reference_country (step, i);
      const char *url = pw_step_get_reference_url (step, i);
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *widget;

      text = country != NULL ? g_strdup_printf ("%s (%s)", label, country) : g_strdup (label);
      if (url != NULL)
        markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, text);
      else
        markup = g_markup_escape_text (text, -1);

      widget = g_object_new (GTK_TYPE_LABEL,
                             "use-markup", TRUE,
                             "label", markup,
                             "xalign", 0.0f,
                             "wrap", TRUE,
                             "wrap-mode", PANGO_WRAP_WORD_CHAR,
                             "max-width-chars", 40,
                             NULL);
      gtk_box_append (GTK_BOX (self->references_list), widget);
    }
  gtk_widget_set_visible (self->references_box, n_references > 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

PwStep *
pw_step_popover_get_step (PwStepPopover *self)
{
  g_return_val_if_fail (PW_IS_STEP_POPOVER (self), NULL);
  return self->step;
}

static GtkWidget *
plan_row_new (PwStepPopover *self,
              PwPlanItem    *item)
{
  PwCatalog *catalog = self->catalog;
  const char *her_words = pw_plan_item_get_her_words (item);
  const char *title = pw_plan_item_get_title (item);
  const char *due = pw_plan_item_get_due_date (item);
  PwPlanItemStatus status = pw_plan_item_get_status (item);
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *a11y = NULL;
  gint64 id = pw_plan_item_get_id (item);
  GtkWidget *row, *box, *labels, *label;

  if (her_words != NULL && *her_words != '\0')
    /* Translators: her own words, quoted */
    text = g_strdup_printf (pw_catalog_gettext (catalog, "“%s”"), her_words);
  else if (self->survivor_facing && self->step != NULL)
    /* The worker's own title stays in the case file. */
    text = g_strdup (pw_step_get_title (self->step, self->language));
  else
    text = g_strdup (title != NULL ? title : "");

  if (due != NULL && status != PW_PLAN_ITEM_STATUS_ACHIEVED && status != PW_PLAN_ITEM_STATUS_DROPPED)
    {
      g_autofree char *date = pw_map_format_date_in (catalog, due, TRUE);

      /* Translators: a plan item's status and due date, e.g. "agreed · due 3 March 2027" */
      detail = g_strdup_printf (pw_catalog_gettext (catalog, "%s · due %s"),
                                pw_plan_item_status_to_string_in (catalog, status), date);
    }
  else
    detail = g_strdup (pw_plan_item_status_to_string_in (catalog, status));

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "item-id", g_memdup2 (&id, sizeof id), g_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_box_append (GTK_BOX (box), pw_status_glyph_new (status, FALSE));

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR, "max-width-chars", 30, NULL);
  gtk_box_append (GTK_BOX (labels), label);
  label = g_object_new (GTK_TYPE_LABEL, "label", detail, "xalign", 0.0f, "wrap", TRUE, NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (labels), label);
  gtk_box_append (GTK_BOX (box), labels);

  if (!self->survivor_facing)
    gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE,
                                                 "icon-name", "go-next-symbolic",
                                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                 NULL));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  a11y = g_strdup_printf ("%s, %s", text, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  /* Her own view opens nothing of the case file. */
  if (self->survivor_facing)
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  else
    gtk_widget_set_tooltip_text (row, _("Open in the Plan page"));
  return row;
}

void
pw_step_popover_set_plan_items (PwStepPopover *self,
                                GPtrArray     *items)
{
  g_return_if_fail (PW_IS_STEP_POPOVER (self));

  clear_children (self->plan_list);
  gtk_widget_set_visible (self->plan_box, items != NULL);
  self->n_items = items != NULL ? items->len : 0;
  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->plan_list), plan_row_new (self, g_ptr_array_index (items, i)));
  gtk_widget_set_visible (self->plan_list, items->len > 0);
  gtk_widget_set_visible (self->plan_empty_label, items->len == 0);
}

void
pw_step_popover_set_milestones (PwStepPopover *self,
                                GPtrArray     *milestones)
{
  g_return_if_fail (PW_IS_STEP_POPOVER (self));

  clear_children (self->milestones_list);
  gtk_widget_set_visible (self->milestones_box, milestones != NULL && milestones->len > 0);
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      PwMilestone *milestone = g_ptr_array_index (milestones, i);
      g_autofree char *date = pw_map_format_date_in (self->catalog, pw_milestone_get_date (milestone), TRUE);
      g_autofree char *text = NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *star = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "starred-symbolic",
                                      "valign", GTK_ALIGN_START,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      /* Translators: a milestone: its date, then its title */
      text = date != NULL ? g_strdup_printf (pw_catalog_gettext (self->catalog, "%s — %s"), date,
                                             pw_milestone_get_title (milestone))
                          : g_strdup (pw_milestone_get_title (milestone));
      gtk_widget_add_css_class (star, "pw-map-star");
      gtk_box_append (GTK_BOX (row), star);
      gtk_box_append (GTK_BOX (row), g_object_new (GTK_TYPE_LABEL,
                                                   "label", text,
                                                   "xalign", 0.0f,
                                                   "wrap", TRUE,
                                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                                   "max-width-chars", 36,
                                                   NULL));
      gtk_box_append (GTK_BOX (self->milestones_list), row);
    }
}

guint
pw_step_popover_get_n_plan_items (PwStepPopover *self)
{
  g_return_val_if_fail (PW_IS_STEP_POPOVER (self), 0);
  return self->n_items;
}

static void
on_plan_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       PwStepPopover *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "item-id");

  if (id == NULL || self->survivor_facing)
    return;
  /* The Plan page installs the action; without it there is nothing to open. */
  if (!gtk_widget_activate_action (GTK_WIDGET (row), "win.show-plan-item", "x", *id))
    g_debug ("No win.show-plan-item action to open a plan item");
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
set_heading (GtkWidget  *box,
             const char *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
}

void
pw_step_popover_set_voice (PwStepPopover *self,
                           PwCatalog     *catalog,
                           gboolean       survivor_facing)
{
  PwCatalog *c = catalog;

  g_return_if_fail (PW_IS_STEP_POPOVER (self));

  g_set_object (&self->catalog, catalog);
  self->survivor_facing = !!survivor_facing;

  /* The same messages as the .ui, so the worker's popover reads as before. */
  set_heading (self->her_role_box, survivor_facing ? pw_catalog_pgettext (c, "her plan", "My Role")
                                                   : pw_catalog_gettext (c, "Her Role"));
  set_heading (self->community_role_box, pw_catalog_gettext (c, "The Community’s Role"));
  set_heading (self->references_box, pw_catalog_gettext (c, "References"));
  set_heading (self->milestones_box, pw_catalog_gettext (c, "Milestones"));
  set_heading (self->plan_box, survivor_facing ? pw_catalog_pgettext (c, "her plan", "In My Plan")
                                               : pw_catalog_gettext (c, "Her Plan Here"));
  gtk_label_set_text (GTK_LABEL (self->plan_empty_label),
                      survivor_facing ? pw_catalog_pgettext (c, "her plan", "Not in my plan yet.")
                                      : pw_catalog_gettext (c, "Not in her plan yet."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plan_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  survivor_facing ? pw_catalog_pgettext (c, "her plan", "My plan on this step")
                                                  : pw_catalog_gettext (c, "Her plan items on this step"),
                                  -1);
  gtk_widget_set_visible (self->add_button, !survivor_facing);
}

static void
on_add_clicked (GtkButton     *button,
                PwStepPopover *self)
{
  g_signal_emit (self, signals[ADD_TO_PLAN], 0);
}

static void
pw_step_popover_dispose (GObject *object)
{
  PwStepPopover *self = PW_STEP_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_STEP_POPOVER);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (pw_step_popover_parent_class)->dispose (object);
}

static void
pw_step_popover_finalize (GObject *object)
{
  PwStepPopover *self = PW_STEP_POPOVER (object);

  g_free (self->domain_class);
  g_free (self->language);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (pw_step_popover_parent_class)->finalize (object);
}

static void
pw_step_popover_class_init (PwStepPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_step_popover_dispose;
  object_class->finalize = pw_step_popover_finalize;

  signals[ADD_TO_PLAN] =
    g_signal_new ("add-to-plan",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathwaytool/Pathway/pw-step-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, domain_icon);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, context_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, description_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, her_role_box);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, her_role_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, community_role_box);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, community_role_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, references_box);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, references_list);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, milestones_box);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, plan_box);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, plan_empty_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, plan_list);
  gtk_widget_class_bind_template_child (widget_class, PwStepPopover, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
pw_step_popover_init (PwStepPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pw_step_popover_new (void)
{
  return g_object_new (PW_TYPE_STEP_POPOVER, NULL);
}
