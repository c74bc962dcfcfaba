/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-survivor-row.h"

struct _PwSurvivorRow
{
  GtkWidget       parent_instance;

  PwSession      *session;
  PwSurvivor     *survivor;
  gulong          notify_id;

  GtkInscription *title;
  GtkInscription *stage;
  GtkLabel       *side_label;    /* made when first needed */
};

G_DEFINE_FINAL_TYPE (PwSurvivorRow, pw_survivor_row, GTK_TYPE_WIDGET)

static void
place (PwSurvivorRow *self,
       GtkWidget     *child,
       int            column,
       int            row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *cell;

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
}

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
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      place (self, label, 1, 0);
      gtk_grid_layout_child_set_row_span (GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (GTK_WIDGET (self)), label)), 2);
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
  gtk_inscription_set_text (self->stage, stage_text (self, s));

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

static void
pw_survivor_row_dispose (GObject *object)
{
  PwSurvivorRow *self = PW_SURVIVOR_ROW (object);
  GtkWidget *child;

  pw_survivor_row_set_survivor (self, NULL);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_survivor_row_parent_class)->dispose (object);
}

static void
pw_survivor_row_class_init (PwSurvivorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_survivor_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pw-survivor-row");
}

/* Built in code, with inscriptions rather than labels and no boxes: a
 * list view keeps some two hundred rows, each must be cheap to make and
 * to measure. */
static void
pw_survivor_row_init (PwSurvivorRow *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_grid_layout_set_column_spacing (layout, 6);
  gtk_grid_layout_set_row_spacing (layout, 2);

  self->title = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_text_overflow (self->title, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  place (self, GTK_WIDGET (self->title), 0, 0);

  self->stage = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_text_overflow (self->stage, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->stage), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->stage), "dim-label");
  place (self, GTK_WIDGET (self->stage), 0, 1);
}

PwSurvivorRow *
pw_survivor_row_new (PwSession *session)
{
  PwSurvivorRow *self = g_object_new (PW_TYPE_SURVIVOR_ROW, NULL);

  self->session = session != NULL ? g_object_ref (session) : NULL;
  return self;
}
