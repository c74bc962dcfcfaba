/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-progress-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"
#include "pw-form-dialog.h"
#include "pw-progress-chart.h"
#include "pw-progress-page.h"
#include "pw-progress.h"
#include "pw-record-util.h"
#include "pw-store.h"

struct _PwProgressPage
{
  GtkWidget        parent_instance;

  PwSession       *session;
  PwStore         *store;
  gulong           changed_id;
  gint64           survivor_id;
  guint            rebuild_idle;
  PwTemplate      *template;     /* hers */
  GPtrArray       *checkins;     /* PwAssessment, by date */

  GtkWidget       *scroller;
  GtkWidget       *new_checkin_button;
  GtkWidget       *new_milestone_button;
  GtkBox          *distance_box;
  GtkStack        *chart_stack;
  GtkBox          *chart_box;
  GtkToggleButton *hers_button;
  GtkBox          *checkins_box;
  GtkBox          *milestones_box;

  PwProgressChart *chart;
  GtkListBox      *distance_list;
  GtkListBox      *checkin_list;
  GtkListBox      *milestone_list;
};

G_DEFINE_FINAL_TYPE (PwProgressPage, pw_progress_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SURVIVOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *date)
{
  return date != NULL ? pw_casework_format_date (date) : g_strdup (_("no date"));
}


/* Indicator id → domain id, and domain ids in the template's order. */
static GHashTable *
domain_map (PwTemplate *template,
            GStrv      *order)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *indicators, *domains;

  if (template == NULL)
    {
      *order = g_strv_builder_end (builder);
      return map;
    }
  indicators = pw_template_get_indicators (template);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PwIndicator) ind = g_list_model_get_item (indicators, i);

      g_hash_table_insert (map, g_strdup (pw_indicator_get_id (ind)),
                           g_strdup (pw_indicator_get_domain_id (ind)));
    }
  domains = pw_template_get_domains (template);
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PwDomain) domain = g_list_model_get_item (domains, i);

      g_strv_builder_add (builder, pw_domain_get_id (domain));
    }
  *order = g_strv_builder_end (builder);
  return map;
}

static const char *
domain_name (PwProgressPage *self,
             const char     *domain_id)
{
  PwDomain *domain = self->template != NULL ? pw_template_lookup_domain (self->template, domain_id) : NULL;

  return domain != NULL ? pw_domain_get_name (domain, NULL) : domain_id;
}

/* ------------------------------------------------------------------------ */
/* Distance travelled and the chart                                         */

static GPtrArray *
build_series (PwProgressPage  *self,
              PwProgressRater  rater)
{
  g_auto(GStrv) order = NULL;
  g_autoptr(GHashTable) map = domain_map (self->template, &order);

  return pw_progress_build_series (self->checkins, map, (const char * const *) order, rater);
}

static void
build_distance (PwProgressPage *self)
{
  g_autoptr(GPtrArray) series = build_series (self, PW_PROGRESS_HERS);

  for (guint i = 0; i < series->len; i++)
    {
      PwProgressSeries *s = g_ptr_array_index (series, i);
      PwProgressPoint *first, *last;
      g_autofree char *from_date = NULL;
      g_autofree char *to_date = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *delta = NULL;
      double change;
      GtkWidget *row;
      const char *style;

      if (!pw_progress_series_distance (s, &change))
        continue;
      first = &g_array_index (s->points, PwProgressPoint, 0);
      last = &g_array_index (s->points, PwProgressPoint, s->points->len - 1);
      from_date = format_date (first->date);
      to_date = format_date (last->date);
      from = pw_casework_format_score (first->value);
      to = pw_casework_format_score (last->value);
      /* Translators: her score in an area of life, then and now, e.g. "From 2 on 5 Jan 2026 to 4 on 3 Mar 2026" */
      subtitle = g_strdup_printf (_("From %s on %s to %s on %s"), from, from_date, to, to_date);
      if (fabs (change) < 0.05)
        {
          delta = g_strdup (_("Same as at first"));
          style = "dim-label";
        }
      else
        {
          g_autofree char *amount = pw_casework_format_score (fabs (change));

          /* Translators: how many points her score rose or fell; keep the sign */
          delta = g_strdup_printf (change > 0 ? _("+%s") : _("−%s"), amount);
          style = change > 0 ? "success" : "warning";
        }
      row = pw_record_row_new (domain_name (self, s->domain_id), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pw_record_tag_new (delta, style));
      gtk_list_box_append (self->distance_list, row);
    }
}

static void
update_chart (PwProgressPage *self)
{
  PwProgressRater rater = gtk_toggle_button_get_active (self->hers_button) ? PW_PROGRESS_HERS
                                                                         : PW_PROGRESS_WORKER;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (self->checkins == NULL || self->checkins->len == 0)
    {
      pw_progress_chart_set_series (self->chart, NULL, NULL);
      gtk_stack_set_visible_child_name (self->chart_stack, "empty");
      return;
    }
  series = build_series (self, rater);
  for (guint i = 0; i < series->len; i++)
    g_strv_builder_add (labels, domain_name (self, ((PwProgressSeries *) g_ptr_array_index (series, i))->domain_id));
  strv = g_strv_builder_end (labels);
  pw_progress_chart_set_series (self->chart, series, (const char * const *) strv);
  gtk_stack_set_visible_child_name (self->chart_stack, series->len > 0 ? "chart" : "empty");
}

static void
on_rater_toggled (PwProgressPage *self)
{
  update_chart (self);
}

/* ------------------------------------------------------------------------ */
/* Check-ins                                                                */

static GtkWidget *
checkin_row (PwProgressPage *self,
             PwAssessment   *a)
{
  GPtrArray *scores = pw_assessment_get_scores (a);
  g_autofree char *date = format_date (pw_assessment_get_date (a));
  g_autofree char *subtitle = NULL;
  const char *assessor = pw_assessment_get_assessor (a);
  GtkWidget *row;

  if (assessor != NULL)
    subtitle = g_strdup_printf (ngettext ("%u indicator rated, with %s", "%u indicators rated, with %s",
                                          scores->len),
                                scores->len, assessor);
  else
    subtitle = g_strdup_printf (ngettext ("%u indicator rated", "%u indicators rated", scores->len),
                                scores->len);
  row = pw_record_expander_new (date, subtitle);
  if (pw_assessment_get_notes (a) != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              pw_record_row_new (_("In her words"), pw_assessment_get_notes (a)));
  for (guint i = 0; i < scores->len; i++)
    {
      PwCheckinScore *score = g_ptr_array_index (scores, i);
      PwIndicator *ind = self->template != NULL ? pw_template_lookup_indicator (self->template, score->indicator_id)
                                                : NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      if (score->her_score > 0)
        /* Translators: her score (1–5) and the anchor text of that level */
        g_string_append_printf (text, _("Her score: %d — %s"), score->her_score,
                                ind != NULL ? pw_indicator_get_level (ind, score->her_score, NULL) : "");
      else
        g_string_append (text, _("Her score: not given"));
      g_string_append_c (text, '\n');
      if (score->worker_score > 0)
        g_string_append_printf (text, _("Worker’s score: %d — %s"), score->worker_score,
                                ind != NULL ? pw_indicator_get_level (ind, score->worker_score, NULL) : "");
      else
        g_string_append (text, _("Worker’s score: not given"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                pw_record_row_new (ind != NULL ? pw_indicator_get_name (ind, NULL)
                                                               : score->indicator_id,
                                                   text->str));
    }
  return row;
}

typedef struct
{
  PwIndicator     *indicator;
  GtkToggleButton *her[PW_INDICATOR_N_LEVELS];
  GtkToggleButton *worker[PW_INDICATOR_N_LEVELS];
  GtkLabel        *her_anchor;
  GtkLabel        *worker_anchor;
} IndicatorLine;

typedef struct
{
  PwProgressPage *page;
  PwFormDialog   *dialog;
  PwDateButton   *date_button;
  GtkTextView    *comment_view;
  GPtrArray      *lines;   /* IndicatorLine */
} CheckinForm;

static void
indicator_line_free (IndicatorLine *line)
{
  g_clear_object (&line->indicator);
  g_free (line);
}

static void
checkin_form_free (CheckinForm *form)
{
  g_clear_object (&form->page);
  g_clear_pointer (&form->lines, g_ptr_array_unref);
  g_free (form);
}

static int
selected_level (GtkToggleButton **buttons)
{
  for (int i = 0; i < PW_INDICATOR_N_LEVELS; i++)
    if (gtk_toggle_button_get_active (buttons[i]))
      return i + 1;
  return 0;
}

static void
update_checkin_form (CheckinForm *form)
{
  guint rated = 0;

  for (guint i = 0; i < form->lines->len; i++)
    {
      IndicatorLine *line = g_ptr_array_index (form->lines, i);
      int her = selected_level (line->her);
      int worker = selected_level (line->worker);
      g_autofree char *her_text = NULL;
      g_autofree char *worker_text = NULL;

      if (her > 0)
        her_text = g_strdup_printf (_("Her: %s"), pw_indicator_get_level (line->indicator, her, NULL));
      if (worker > 0)
        worker_text = g_strdup_printf (_("Worker: %s"), pw_indicator_get_level (line->indicator, worker, NULL));
      gtk_label_set_label (line->her_anchor, her_text);
      gtk_widget_set_visible (GTK_WIDGET (line->her_anchor), her > 0);
      gtk_label_set_label (line->worker_anchor, worker_text);
      gtk_widget_set_visible (GTK_WIDGET (line->worker_anchor), worker > 0);
      if (her > 0 || worker > 0)
        rated++;
    }
  pw_form_dialog_set_can_save (form->dialog, rated > 0, _("Rate at least one indicator with her"));
}

static GtkWidget *
score_buttons (CheckinForm      *form,
               IndicatorLine    *line,
               GtkToggleButton **buttons,
               const char       *who)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_hexpand (box, TRUE);
  for (int i = 0; i < PW_INDICATOR_N_LEVELS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i + 1);
      g_autofree char *name = g_strdup_printf ("%s-%s-%d", who, pw_indicator_get_id (line->indicator), i + 1);
      const char *anchor = pw_indicator_get_level (line->indicator, i + 1, NULL);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_name (button, name);
      gtk_widget_set_tooltip_text (button, anchor);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), buttons[0]);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (update_checkin_form), form);
      gtk_box_append (GTK_BOX (box), button);
      buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  return box;
}

static GtkWidget *
small_label (const char *text,
             const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
indicator_row (CheckinForm *form,
               PwIndicator *indicator)
{
  IndicatorLine *line = g_new0 (IndicatorLine, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *her_label, *worker_label, *her_buttons, *worker_buttons;
  const char *question = pw_indicator_get_question (indicator, NULL);

  line->indicator = g_object_ref (indicator);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), small_label (pw_indicator_get_name (indicator, NULL), "heading"));
  if (question != NULL)
    gtk_box_append (GTK_BOX (box), small_label (question, "dim-label"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  her_label = small_label (_("Her score"), NULL);
  worker_label = small_label (_("Worker’s score"), NULL);
  her_buttons = score_buttons (form, line, line->her, "her");
  worker_buttons = score_buttons (form, line, line->worker, "worker");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (her_buttons), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  her_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (worker_buttons), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  worker_label, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), her_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), her_buttons, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), worker_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), worker_buttons, 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  line->her_anchor = GTK_LABEL (small_label (NULL, "caption"));
  line->worker_anchor = GTK_LABEL (small_label (NULL, "caption"));
  gtk_widget_add_css_class (GTK_WIDGET (line->worker_anchor), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (line->her_anchor));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (line->worker_anchor));
  {
    g_autoptr(GString) levels = g_string_new (NULL);
    GtkWidget *expander = gtk_expander_new (_("What each level means"));
    GtkWidget *text;

    for (guint l = 1; l <= PW_INDICATOR_N_LEVELS; l++)
      g_string_append_printf (levels, "%s%u — %s", l > 1 ? "\n" : "", l,
                              pw_indicator_get_level (indicator, l, NULL));
    text = small_label (levels->str, "caption");
    gtk_widget_set_margin_top (text, 6);
    gtk_expander_set_child (GTK_EXPANDER (expander), text);
    gtk_box_append (GTK_BOX (box), expander);
  }


  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_ptr_array_add (form->lines, line);
  return row;
}

static gboolean
save_checkin (PwFormDialog  *dialog,
              gpointer       data,
              GError       **error)
{
  CheckinForm *form = data;
  PwStore *store = form->page->store;
  g_autoptr(PwAssessment) a = pw_assessment_new ();
  g_autofree char *comment = pw_record_text_view_get_text (form->comment_view);
  PwKeySlot *slot;

  if (store == NULL)
    return TRUE;
  pw_assessment_set_survivor_id (a, form->page->survivor_id);
  pw_assessment_set_kind (a, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_set_date (a, pw_date_button_get_date (form->date_button));
  slot = pw_vault_get_current_slot (pw_session_get_vault (form->page->session));
  if (slot != NULL && pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE)
    pw_assessment_set_assessor (a, pw_key_slot_get_label (slot));
  pw_assessment_set_notes (a, comment);
  for (guint i = 0; i < form->lines->len; i++)
    {
      IndicatorLine *line = g_ptr_array_index (form->lines, i);
      int her = selected_level (line->her);
      int worker = selected_level (line->worker);

      if (her > 0 || worker > 0)
        pw_assessment_add_score (a, pw_checkin_score_new (pw_indicator_get_id (line->indicator), her, worker));
    }
  return pw_store_add_assessment (store, a, error) > 0;
}

static void
on_new_checkin_clicked (PwProgressPage *self)
{
  g_autofree char *today = pw_casework_today ();
  GListModel *domains, *indicators;
  CheckinForm *form;
  GtkWidget *group, *row;

  if (self->store == NULL || self->survivor_id <= 0 || self->template == NULL)
    return;

  form = g_new0 (CheckinForm, 1);
  form->page = g_object_ref (self);
  form->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_line_free);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("Check-in"),
                                     _("_Save Check-in"));
  gtk_window_set_default_size (GTK_WINDOW (form->dialog), 620, 760);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Go through each question with her. She gives her score, you give yours; they need not agree. Under each question, “What each level means” gives the five steps in words."));
  row = pw_record_row_new (_("Date"), NULL);
  form->date_button = PW_DATE_BUTTON (pw_date_button_new ());
  pw_date_button_set_date (form->date_button, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  pw_form_dialog_add (form->dialog, group);

  domains = pw_template_get_domains (self->template);
  indicators = pw_template_get_indicators (self->template);
  for (guint d = 0; d < g_list_model_get_n_items (domains); d++)
    {
      g_autoptr(PwDomain) domain = g_list_model_get_item (domains, d);

      GtkWidget *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(PwIndicator) ind = g_list_model_get_item (indicators, i);

          if (g_strcmp0 (pw_indicator_get_domain_id (ind), pw_domain_get_id (domain)) != 0)
            continue;
          if (list == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), pw_domain_get_name (domain, NULL));
              list = pw_record_list_new (NULL);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
              pw_form_dialog_add (form->dialog, group);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), indicator_row (form, ind));
        }
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("In Her Words"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How she feels things are going, as she says it."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pw_record_text_box_new (&form->comment_view, 80));
  pw_form_dialog_add (form->dialog, group);

  pw_form_dialog_set_save_func (form->dialog, save_checkin, form, (GDestroyNotify) checkin_form_free);
  update_checkin_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

/* ------------------------------------------------------------------------ */
/* Milestones                                                               */

typedef struct
{
  PwProgressPage *page;
  PwFormDialog   *dialog;
  AdwEntryRow    *title_row;
  PwDateButton   *date_button;
} MilestoneForm;

static void
milestone_form_free (MilestoneForm *form)
{
  g_clear_object (&form->page);
  g_free (form);
}

static void
update_milestone_form (MilestoneForm *form)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (form->title_row));

  pw_form_dialog_set_can_save (form->dialog, title[strspn (title, " ")] != '\0',
                               _("Say what she achieved"));
}

static gboolean
save_milestone (PwFormDialog  *dialog,
                gpointer       data,
                GError       **error)
{
  MilestoneForm *form = data;
  g_autoptr(PwMilestone) m = pw_milestone_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->title_row))));

  if (form->page->store == NULL)
    return TRUE;
  pw_milestone_set_survivor_id (m, form->page->survivor_id);
  pw_milestone_set_title (m, title);
  pw_milestone_set_date (m, pw_date_button_get_date (form->date_button));
  if (pw_store_add_milestone (form->page->store, m, error) <= 0)
    return FALSE;
  pw_casework_toast (GTK_WIDGET (form->page), _("A milestone for her map. Well done to her!"));
  return TRUE;
}

static void
on_new_milestone_clicked (PwProgressPage *self)
{
  g_autofree char *today = pw_casework_today ();
  MilestoneForm *form;
  GtkWidget *group, *row;

  if (self->store == NULL || self->survivor_id <= 0)
    return;

  form = g_new0 (MilestoneForm, 1);
  form->page = g_object_ref (self);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("Milestone"),
                                     _("_Add Milestone"));
  gtk_window_set_default_size (GTK_WINDOW (form->dialog), 480, 360);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A step she is proud of: her first bank account, a language certificate, a night without fear."));
  form->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->title_row), _("What she achieved"));
  g_signal_connect_swapped (form->title_row, "changed", G_CALLBACK (update_milestone_form), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->title_row));
  row = pw_record_row_new (_("Date"), NULL);
  form->date_button = PW_DATE_BUTTON (pw_date_button_new ());
  pw_date_button_set_date (form->date_button, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  pw_form_dialog_add (form->dialog, group);
  pw_form_dialog_set_save_func (form->dialog, save_milestone, form, (GDestroyNotify) milestone_form_free);
  update_milestone_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

static void
build_milestones (PwProgressPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) milestones = pw_store_list_milestones (self->store, self->survivor_id, &error);

  if (milestones == NULL)
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = milestones->len; i > 0; i--)
    {
      PwMilestone *m = g_ptr_array_index (milestones, i - 1);
      g_autofree char *date = format_date (pw_milestone_get_date (m));
      const char *stage = pw_milestone_get_stage_id (m) != NULL && self->template != NULL
                            ? (pw_template_lookup_stage (self->template, pw_milestone_get_stage_id (m)) != NULL
                                 ? pw_stage_get_name (pw_template_lookup_stage (self->template, pw_milestone_get_stage_id (m)), NULL)
                                 : NULL)
                            : NULL;
      g_autofree char *subtitle = stage != NULL ? g_strdup_printf ("%s · %s", date, stage) : g_strdup (date);
      GtkWidget *row = pw_record_row_new (pw_milestone_get_title (m), subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name ("starred-symbolic");

      gtk_widget_add_css_class (icon, "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->milestone_list, row);
    }
}

/* ------------------------------------------------------------------------ */

static void
clear_all (PwProgressPage *self)
{
  pw_record_list_clear (self->distance_list);
  pw_record_list_clear (self->checkin_list);
  pw_record_list_clear (self->milestone_list);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_object (&self->template);
  pw_progress_chart_set_series (self->chart, NULL, NULL);
  gtk_stack_set_visible_child_name (self->chart_stack, "empty");
}

static void
rebuild (PwProgressPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) survivor = NULL;
  gboolean ready = self->store != NULL && self->survivor_id > 0;

  clear_all (self);
  gtk_widget_set_sensitive (self->new_checkin_button, ready);
  gtk_widget_set_sensitive (self->new_milestone_button, ready);
  if (!ready)
    return;

  survivor = pw_store_get_survivor (self->store, self->survivor_id, &error);
  if (survivor == NULL)
    {
      self->survivor_id = 0;
      return;
    }
  self->template = pw_casework_get_template (self->session, pw_survivor_get_template_id (survivor));
  if (self->template != NULL)
    g_object_ref (self->template);
  self->checkins = pw_store_list_assessments (self->store, self->survivor_id,
                                              PW_ASSESSMENT_KIND_CHECKIN, &error);
  if (self->checkins == NULL)
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_widget_set_sensitive (self->new_checkin_button, self->template != NULL);
  build_distance (self);
  update_chart (self);
  for (guint i = self->checkins->len; i > 0; i--)
    gtk_list_box_append (self->checkin_list, checkin_row (self, g_ptr_array_index (self->checkins, i - 1)));
  build_milestones (self);
}

static gboolean
rebuild_idle (gpointer data)
{
  PwProgressPage *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PwProgressPage *self,
                  PwRecordKind    kind,
                  gint64          id,
                  gint64          survivor_id,
                  PwAuditAction   action)
{
  if (self->survivor_id <= 0 || survivor_id != self->survivor_id)
    return;
  if (kind == PW_RECORD_KIND_ASSESSMENT || kind == PW_RECORD_KIND_MILESTONE ||
      kind == PW_RECORD_KIND_SURVIVOR)
    {
      if (self->rebuild_idle == 0)
        self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, self, NULL);
    }
}

static void
on_session_state (PwProgressPage *self)
{
  pw_record_follow_store (self, self->session, G_CALLBACK (on_store_changed),
                          &self->store, &self->changed_id, &self->survivor_id);
  rebuild (self);
}

void
pw_progress_page_set_survivor_id (PwProgressPage *self,
                                  gint64          survivor_id)
{
  g_return_if_fail (PW_IS_PROGRESS_PAGE (self));

  if (self->survivor_id == survivor_id)
    return;
  self->survivor_id = survivor_id;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_ID]);
}

gint64
pw_progress_page_get_survivor_id (PwProgressPage *self)
{
  g_return_val_if_fail (PW_IS_PROGRESS_PAGE (self), 0);

  return self->survivor_id;
}

static void
pw_progress_page_dispose (GObject *object)
{
  PwProgressPage *self = PW_PROGRESS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  pw_record_drop_store (&self->store, &self->changed_id);
  g_clear_object (&self->session);
  g_clear_object (&self->template);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PROGRESS_PAGE);
  /* The scrolled window has no id: the template does not drop it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_progress_page_parent_class)->dispose (object);
}

static void
pw_progress_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwProgressPage *self = PW_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_progress_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwProgressPage *self = PW_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_value_get_object (value) != NULL)
        {
          self->session = g_value_dup_object (value);
          g_signal_connect_object (self->session, "notify::state", G_CALLBACK (on_session_state), self,
                                   G_CONNECT_SWAPPED);
          on_session_state (self);
        }
      break;
    case PROP_SURVIVOR_ID:
      pw_progress_page_set_survivor_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_progress_page_class_init (PwProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_progress_page_dispose;
  object_class->get_property = pw_progress_page_get_property;
  object_class->set_property = pw_progress_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, new_checkin_button);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, new_milestone_button);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, distance_box);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, hers_button);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, checkins_box);
  gtk_widget_class_bind_template_child (widget_class, PwProgressPage, milestones_box);
  gtk_widget_class_bind_template_callback (widget_class, on_new_checkin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_milestone_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_rater_toggled);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pw_progress_page_init (PwProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pw_record_wrap_group_titles (GTK_WIDGET (self));
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_checkin_button, "list-add-symbolic");
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_milestone_button, "list-add-symbolic");

  self->chart = PW_PROGRESS_CHART (pw_progress_chart_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chart), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->chart), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chart), 12);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));
  self->distance_list = GTK_LIST_BOX (pw_record_list_new (_("After her second check-in, this shows how far she has come in each area since the first.")));
  gtk_box_append (self->distance_box, GTK_WIDGET (self->distance_list));
  self->checkin_list = GTK_LIST_BOX (pw_record_list_new (_("No check-in yet.")));
  gtk_box_append (self->checkins_box, GTK_WIDGET (self->checkin_list));
  self->milestone_list = GTK_LIST_BOX (pw_record_list_new (_("No milestone yet.")));
  gtk_box_append (self->milestones_box, GTK_WIDGET (self->milestone_list));
  rebuild (self);
}

GtkWidget *
pw_progress_page_new (PwSession *session)
{
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_PROGRESS_PAGE, "session", session, NULL);
}
