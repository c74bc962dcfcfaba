/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-safety-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"
#include "pw-form-dialog.h"
#include "pw-record-util.h"
#include "pw-risk-review-dialog.h"
#include "pw-safety-page.h"
#include "pw-services-window.h"
#include "pw-store.h"

#define EXPIRY_WARNING_DAYS 30

struct _PwSafetyPage
{
  GtkWidget       parent_instance;

  PwSession      *session;
  PwStore        *store;
  gulong          changed_id;
  gint64          survivor_id;
  guint           rebuild_idle;
  GHashTable     *services;       /* id → PwService */
  PwReviewDue    *review;

  GtkWidget      *scroller;
  GtkWidget      *review_list;
  AdwActionRow   *review_row;
  GtkImage       *review_icon;
  GtkButton      *review_button;
  GtkBox         *risk_box;
  GtkBox         *needs_box;
  GtkBox         *consent_box;
  GtkBox         *referral_box;
  GtkWidget      *new_review_button;
  GtkWidget      *new_needs_button;
  GtkWidget      *new_consent_button;
  GtkWidget      *new_referral_button;
  AdwPreferencesGroup *needs_group;

  GtkListBox     *life_list;
  GtkListBox     *risk_list;
  GtkListBox     *needs_list;
  GtkListBox     *earlier_needs_list;
  GtkListBox     *consent_list;
  GtkListBox     *referral_list;
};

G_DEFINE_FINAL_TYPE (PwSafetyPage, pw_safety_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SURVIVOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_rebuild (PwSafetyPage *self);

static PwStore *
get_store (PwSafetyPage *self)
{
  return self->store;
}

static char *
format_date (const char *date)
{
  return date != NULL ? pw_casework_format_date (date) : g_strdup (_("no date"));
}

static void
toast_error (PwSafetyPage *self,
             GError       *error)
{
  if (error != NULL)
    pw_casework_toast (GTK_WIDGET (self), error->message);
}

static const char *
service_name (PwSafetyPage *self,
              gint64        service_id)
{
  PwService *service = service_id > 0 ? g_hash_table_lookup (self->services, &service_id) : NULL;

  return service != NULL ? pw_service_get_name (service) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Review banner and changes in her life                                    */

static void
update_review_banner (PwSafetyPage *self)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *title = NULL;
  const char *button = _("_Review Risk…");

  gtk_widget_remove_css_class (GTK_WIDGET (self->review_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_icon), "warning");

  if (self->review == NULL || self->review->reason == PW_REVIEW_NOT_DUE)
    {
      gtk_widget_set_visible (self->review_list, FALSE);
      return;
    }

  date = format_date (self->review->date);
  switch (self->review->reason)
    {
    case PW_REVIEW_FIRST:
      title = _("No risk assessment yet");
      subtitle = g_strdup (_("Safety first: assess the risks to her and to her family before planning anything else."));
      button = _("_Assess Risk…");
      gtk_widget_add_css_class (GTK_WIDGET (self->review_icon), "error");
      break;

    case PW_REVIEW_AFTER_CHANGE:
      title = _("A new risk review is due");
      switch (self->review->change)
        {
        case PW_LIFE_CHANGE_RESIDENCE:
          subtitle = g_strdup_printf (_("She moved to a new home on %s, after her last review."), date);
          break;
        case PW_LIFE_CHANGE_WORK:
          subtitle = g_strdup_printf (_("Her work or training changed on %s, after her last review."), date);
          break;
        case PW_LIFE_CHANGE_AREA:
        default:
          subtitle = g_strdup_printf (_("She started going to a new area of the city on %s, after her last review."), date);
          break;
        }
      gtk_widget_add_css_class (GTK_WIDGET (self->review_icon), "warning");
      break;

    case PW_REVIEW_OVERDUE:
    case PW_REVIEW_NOT_DUE:
    default:
      title = _("The risk review is overdue");
      subtitle = g_strdup_printf (_("It was due on %s."), date);
      gtk_widget_add_css_class (GTK_WIDGET (self->review_icon), "error");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), title);
  adw_action_row_set_subtitle (self->review_row, subtitle);
  gtk_button_set_label (self->review_button, button);
  gtk_widget_set_visible (self->review_list, TRUE);
}

static const char *
trigger_for_review (PwReviewDue *review)
{
  if (review == NULL)
    return PW_RISK_TRIGGER_SCHEDULED;
  switch (review->reason)
    {
    case PW_REVIEW_FIRST:
      return PW_RISK_TRIGGER_INTAKE;
    case PW_REVIEW_AFTER_CHANGE:
      return review->change == PW_LIFE_CHANGE_RESIDENCE ? PW_RISK_TRIGGER_RESIDENCE
             : review->change == PW_LIFE_CHANGE_WORK    ? PW_RISK_TRIGGER_WORK
                                                        : PW_RISK_TRIGGER_AREA;
    case PW_REVIEW_OVERDUE:
    case PW_REVIEW_NOT_DUE:
    default:
      return PW_RISK_TRIGGER_SCHEDULED;
    }
}

static void
open_review (PwSafetyPage *self)
{
  PwRiskReviewDialog *dialog;

  if (get_store (self) == NULL || self->survivor_id <= 0)
    return;
  dialog = pw_risk_review_dialog_new (GTK_WIDGET (self), self->session, self->survivor_id);
  pw_risk_review_dialog_set_trigger (dialog, trigger_for_review (self->review));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_review_clicked (PwSafetyPage *self)
{
  open_review (self);
}

static void
on_new_review_clicked (PwSafetyPage *self)
{
  open_review (self);
}

typedef struct
{
  PwSafetyPage *page;
  AdwComboRow  *what_row;
  PwDateButton *date_button;
} LifeChangeForm;

static void
life_change_form_free (LifeChangeForm *form)
{
  g_clear_object (&form->page);
  g_free (form);
}

static gboolean
save_life_change (PwFormDialog  *dialog,
                  gpointer       data,
                  GError       **error)
{
  LifeChangeForm *form = data;
  PwStore *store = get_store (form->page);
  guint what = adw_combo_row_get_selected (form->what_row);
  g_autoptr(PwReviewDue) due = NULL;

  if (store == NULL)
    return TRUE;
  if (!pw_store_record_life_change (store, form->page->survivor_id, (PwLifeChange) what,
                                    pw_date_button_get_date (form->date_button), error))
    return FALSE;
  due = pw_store_get_review_due (store, form->page->survivor_id, NULL, NULL);
  if (due != NULL && due->reason == PW_REVIEW_AFTER_CHANGE)
    pw_casework_toast (GTK_WIDGET (form->page), _("Recorded. A new risk review is due."));
  else
    pw_casework_toast (GTK_WIDGET (form->page), _("Recorded. Her latest risk review is from the same day or later."));
  return TRUE;
}

static void
on_record_change_clicked (PwSafetyPage *self)
{
  LifeChangeForm *form;
  PwFormDialog *dialog;
  GtkWidget *group, *row, *what;
  GtkStringList *model;
  g_autofree char *today = pw_casework_today ();

  if (get_store (self) == NULL || self->survivor_id <= 0)
    return;

  form = g_new0 (LifeChangeForm, 1);
  form->page = g_object_ref (self);
  dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("A Change in Her Life"),
                               _("_Record"));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A new home, new work or training, or a new area of the city can expose her again. Recording the change asks for a new risk review."));
  model = gtk_string_list_new (NULL);
  for (PwLifeChange c = PW_LIFE_CHANGE_RESIDENCE; c <= PW_LIFE_CHANGE_AREA; c++)
    gtk_string_list_append (model, pw_record_life_change_label (c));
  what = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (what), _("What changed"));
  adw_combo_row_set_model (ADW_COMBO_ROW (what), G_LIST_MODEL (model));
  g_object_unref (model);
  form->what_row = ADW_COMBO_ROW (what);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), what);

  row = pw_record_row_new (_("Since"), NULL);
  form->date_button = PW_DATE_BUTTON (pw_date_button_new ());
  pw_date_button_set_date (form->date_button, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  pw_form_dialog_add (dialog, group);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 360);
  pw_form_dialog_set_save_func (dialog, save_life_change, form, (GDestroyNotify) life_change_form_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_life_changes (PwSafetyPage *self,
                    PwStore      *store)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row, *button;

  for (PwLifeChange c = PW_LIFE_CHANGE_RESIDENCE; c <= PW_LIFE_CHANGE_AREA; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = pw_store_get_life_change (store, self->survivor_id, c, &error);
      g_autofree char *text = date != NULL ? pw_casework_format_date (date) : NULL;

      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: e.g. "Her home: changed on 2 Mar 2026" */
      g_string_append_printf (subtitle, text != NULL ? _("%s: changed on %s") : _("%s: no change recorded"),
                              pw_record_life_change_label (c), text);
    }
  row = pw_record_row_new (_("Changes in Her Life"), subtitle->str);
  button = gtk_button_new_with_mnemonic (_("Record a _Change…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_record_change_clicked), self);
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), button, "document-edit-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->life_list, row);
}

/* ------------------------------------------------------------------------ */
/* Risk assessments                                                         */

static GtkWidget *
risk_row (PwSafetyPage *self,
          PwAssessment *a)
{
  g_autofree char *date = format_date (pw_assessment_get_date (a));
  g_autofree char *next = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) factors = g_string_new (NULL);
  const char * const *ids = pw_assessment_get_risk_factors (a);
  const char *trigger = pw_risk_review_trigger_label (pw_assessment_get_review_trigger (a));
  const char *assessor = pw_assessment_get_assessor (a);
  PwRiskLevel level = pw_assessment_get_risk_level (a);
  GtkWidget *row, *child;

  if (assessor != NULL)
    g_string_append_printf (subtitle, _("Assessed by %s"), assessor);
  if (trigger != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, trigger);
    }
  row = pw_record_expander_new (date, subtitle->len > 0 ? subtitle->str : NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               pw_record_tag_new (level == PW_RISK_LEVEL_HIGH ? _("High risk")
                                                  : level == PW_RISK_LEVEL_MEDIUM ? _("Medium risk")
                                                  : level == PW_RISK_LEVEL_LOW ? _("Low risk")
                                                                               : _("Level not set"),
                                                  level == PW_RISK_LEVEL_HIGH ? "error"
                                                  : level == PW_RISK_LEVEL_MEDIUM ? "warning"
                                                                                  : "success"));

  /* In the checklist's order, her own words last. */
  for (const char * const *known = pw_risk_review_factor_ids (); *known != NULL; known++)
    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      {
        g_autofree char *label = NULL;

        if (g_str_equal (*known, "other") ? !g_str_has_prefix (ids[i], "other")
                                          : !g_str_equal (ids[i], *known))
          continue;
        label = pw_risk_review_factor_label (ids[i]);
        if (factors->len > 0)
          g_string_append_c (factors, '\n');
        g_string_append (factors, label);
      }
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_strv_contains (pw_risk_review_factor_ids (), ids[i]) && !g_str_has_prefix (ids[i], "other"))
      {
        if (factors->len > 0)
          g_string_append_c (factors, '\n');
        g_string_append (factors, ids[i]);
      }
  child = pw_record_row_new (_("Risk factors"), factors->len > 0 ? factors->str : _("None ticked"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  if (pw_assessment_get_notes (a) != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              pw_record_row_new (_("Notes"), pw_assessment_get_notes (a)));
  next = pw_assessment_get_next_review (a) != NULL ? format_date (pw_assessment_get_next_review (a))
                                                   : g_strdup (_("Not set"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), pw_record_row_new (_("Next review by"), next));
  return row;
}

static void
build_risks (PwSafetyPage *self,
             PwStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = pw_store_list_assessments (store, self->survivor_id,
                                                          PW_ASSESSMENT_KIND_RISK, &error);

  if (risks == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = risks->len; i > 0; i--)
    gtk_list_box_append (self->risk_list, risk_row (self, g_ptr_array_index (risks, i - 1)));
}

/* ------------------------------------------------------------------------ */
/* Basic needs                                                              */

static int
compare_needs (gconstpointer a,
               gconstpointer b)
{
  const PwNeedItem *x = *(PwNeedItem **) a;
  const PwNeedItem *y = *(PwNeedItem **) b;

  /* Her ranking first (1 before 2), the unranked after, in stored order. */
  if ((x->priority > 0) != (y->priority > 0))
    return x->priority > 0 ? -1 : 1;
  return x->priority - y->priority;
}

static const char *
need_title (PwNeedItem *item)
{
  const char *label = pw_record_need_label (item->need);

  if (label != NULL)
    return label;
  return item->label != NULL ? item->label : _("A need she named");
}

static void
build_needs (PwSafetyPage *self,
             PwStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = pw_store_list_assessments (store, self->survivor_id,
                                                              PW_ASSESSMENT_KIND_NEEDS, &error);
  g_autoptr(GPtrArray) sorted = NULL;
  PwAssessment *latest;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->earlier_needs_list), FALSE);
  if (snapshots == NULL)
    {
      toast_error (self, error);
      return;
    }
  if (snapshots->len == 0)
    return;

  latest = g_ptr_array_index (snapshots, snapshots->len - 1);
  date = format_date (pw_assessment_get_date (latest));
  /* Translators: the date of her latest basic-needs snapshot */
  description = g_strdup_printf (_("Her latest snapshot, %s. Her own priorities first."), date);
  {
    GtkWidget *row = pw_record_row_new (description, NULL);

    gtk_widget_add_css_class (row, "dim-label");
    gtk_list_box_append (self->needs_list, row);
  }

  sorted = g_ptr_array_new ();
  for (guint i = 0; i < pw_assessment_get_needs (latest)->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (pw_assessment_get_needs (latest), i));
  g_ptr_array_sort (sorted, compare_needs);
  for (guint i = 0; i < sorted->len; i++)
    {
      PwNeedItem *item = g_ptr_array_index (sorted, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (item->priority > 0)
        subtitle = g_strdup_printf (g_str_equal (item->need, "own") ? _("Her priority: %d · a need she named")
                                                                     : _("Her priority: %d"),
                                    item->priority);
      else
        subtitle = g_strdup (g_str_equal (item->need, "own") ? _("Not ranked · a need she named")
                                                            : _("Not ranked"));
      row = pw_record_row_new (need_title (item), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pw_record_tag_new (pw_record_coverage_label (item->coverage),
                                                    pw_record_coverage_style (item->coverage)));
      gtk_list_box_append (self->needs_list, row);
    }

  if (snapshots->len > 1)
    {
      GtkWidget *expander = pw_record_expander_new (_("Earlier Snapshots"), NULL);

      for (guint i = snapshots->len - 1; i > 0; i--)
        {
          PwAssessment *a = g_ptr_array_index (snapshots, i - 1);
          GPtrArray *needs = pw_assessment_get_needs (a);
          guint n[3] = { 0, 0, 0 };
          g_autofree char *when = format_date (pw_assessment_get_date (a));
          g_autofree char *summary = NULL;

          for (guint j = 0; j < needs->len; j++)
            n[CLAMP (((PwNeedItem *) g_ptr_array_index (needs, j))->coverage, 0, 2)]++;
          /* Translators: counts of needs covered, partly covered and not covered */
          summary = g_strdup_printf (_("%u covered, %u partly, %u not covered"), n[0], n[1], n[2]);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), pw_record_row_new (when, summary));
        }
      gtk_list_box_append (self->earlier_needs_list, expander);
      gtk_widget_set_visible (GTK_WIDGET (self->earlier_needs_list), TRUE);
    }
}

typedef struct
{
  GtkWidget   *row;
  GtkDropDown *coverage;
  GtkDropDown *priority;
  const char  *need;       /* static; "own" for hers */
  AdwEntryRow *label;      /* hers only */
} NeedLine;

typedef struct
{
  PwSafetyPage *page;
  PwFormDialog *dialog;
  PwDateButton *date_button;
  GtkWidget    *own_group;
  GPtrArray    *lines;     /* NeedLine */
} NeedsForm;

static void
needs_form_free (NeedsForm *form)
{
  g_clear_object (&form->page);
  g_clear_pointer (&form->lines, g_ptr_array_unref);
  g_free (form);
}

static GtkWidget *
need_controls (NeedLine *line)
{
  const char *ranks[] = { C_("priority", "No rank"), "1", "2", "3", "4", "5", "6", "7", "8", NULL };
  /* "Not asked" first: an unanswered need is not a need not covered. */
  const char *coverage[] = { C_("need", "Not asked"), C_("need", "Covered"), C_("need", "Partly covered"),
                             C_("need", "Not covered"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  line->coverage = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (coverage));
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->coverage), _("Is this need covered now?"));
  line->priority = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (ranks));
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->priority), _("Her priority: 1 is what matters most to her"));
  gtk_widget_set_valign (GTK_WIDGET (line->coverage), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (line->priority), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (line->coverage));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (line->priority));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
update_needs_form (NeedsForm *form)
{
  guint answered = 0;

  for (guint i = 0; i < form->lines->len; i++)
    {
      NeedLine *line = g_ptr_array_index (form->lines, i);
      guint coverage = gtk_drop_down_get_selected (line->coverage);

      if (coverage > 0 && coverage != GTK_INVALID_LIST_POSITION)
        answered++;
    }
  pw_form_dialog_set_can_save (form->dialog, answered > 0, _("Go through at least one need with her"));
}

static void
watch_need (NeedsForm *form,
            NeedLine  *line)
{
  g_signal_connect_swapped (line->coverage, "notify::selected", G_CALLBACK (update_needs_form), form);
}

static void
add_own_need (NeedsForm *form)
{
  NeedLine *line = g_new0 (NeedLine, 1);

  line->need = "own";
  line->label = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->label), _("The need, in her words"));
  adw_entry_row_add_suffix (line->label, need_controls (line));
  line->row = GTK_WIDGET (line->label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form->own_group), line->row);
  g_ptr_array_add (form->lines, line);
  watch_need (form, line);
  gtk_widget_grab_focus (line->row);
}

static gboolean
save_needs (PwFormDialog  *dialog,
            gpointer       data,
            GError       **error)
{
  NeedsForm *form = data;
  PwStore *store = get_store (form->page);
  g_autoptr(PwAssessment) a = pw_assessment_new ();

  if (store == NULL)
    return TRUE;
  pw_assessment_set_survivor_id (a, form->page->survivor_id);
  pw_assessment_set_kind (a, PW_ASSESSMENT_KIND_NEEDS);
  pw_assessment_set_date (a, pw_date_button_get_date (form->date_button));
  for (guint i = 0; i < form->lines->len; i++)
    {
      NeedLine *line = g_ptr_array_index (form->lines, i);
      g_autofree char *label = NULL;

      guint coverage = gtk_drop_down_get_selected (line->coverage);

      if (line->label != NULL)
        {
          label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (line->label))));
          if (*label == '\0')
            continue;
        }
      if (coverage == 0 || coverage == GTK_INVALID_LIST_POSITION)
        continue;
      pw_assessment_add_need (a, pw_need_item_new (line->need, label, (PwNeedCoverage) (coverage - 1),
                                                   (int) gtk_drop_down_get_selected (line->priority)));
    }
  return pw_store_add_assessment (store, a, error) > 0;
}

static void
on_new_needs_clicked (PwSafetyPage *self)
{
  static const char *fixed[] = { "housing", "food", "clothing", "health" };
  g_autofree char *today = pw_casework_today ();
  NeedsForm *form;
  GtkWidget *group, *row, *add;

  if (get_store (self) == NULL || self->survivor_id <= 0)
    return;

  form = g_new0 (NeedsForm, 1);
  form->page = g_object_ref (self);
  form->lines = g_ptr_array_new_with_free_func (g_free);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("Basic Needs"),
                                     _("_Save Snapshot"));

  group = adw_preferences_group_new ();
  row = pw_record_row_new (_("Date"), NULL);
  form->date_button = PW_DATE_BUTTON (pw_date_button_new ());
  pw_date_button_set_date (form->date_button, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  pw_form_dialog_add (form->dialog, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Basic Needs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For each need she talks about: is it covered, and how high does she put it? 1 is what matters most to her. Needs not asked about are left out."));
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      NeedLine *line = g_new0 (NeedLine, 1);

      line->need = fixed[i];
      line->row = pw_record_row_new (pw_record_need_label (fixed[i]), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (line->row), need_controls (line));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), line->row);
      g_ptr_array_add (form->lines, line);
      watch_need (form, line);
    }
  pw_form_dialog_add (form->dialog, group);

  form->own_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form->own_group), _("Needs She Names"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form->own_group),
                                         _("What else she needs, as she puts it — for example, sending money to her family."));
  add = gtk_button_new_with_mnemonic (_("_Add a Need"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_own_need), form);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (form->own_group), add);
  pw_form_dialog_add (form->dialog, form->own_group);
  add_own_need (form);

  pw_form_dialog_set_save_func (form->dialog, save_needs, form, (GDestroyNotify) needs_form_free);
  update_needs_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

/* ------------------------------------------------------------------------ */
/* Consents                                                                 */

static void
on_withdraw_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PwSafetyPage     *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "consent-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "withdraw") != 0 || get_store (self) == NULL)
    return;
  if (!pw_store_set_consent_status (get_store (self), id, PW_CONSENT_STATUS_WITHDRAWN, &error))
    toast_error (self, error);
}

static void
on_withdraw_clicked (GtkButton    *button,
                     PwSafetyPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "consent-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Withdraw This Consent?"),
                                   _("Record this when she takes her consent back. Referrals already sent stay on record; no new referral can rely on this consent."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "consent-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_withdraw_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
consent_row (PwSafetyPage *self,
             PwConsent    *c,
             const char   *today)
{
  g_autofree char *title = pw_record_consent_title (c, service_name (self, pw_consent_get_service_id (c)));
  g_autofree char *date = format_date (pw_consent_get_date (c));
  g_autofree char *expiry = NULL;
  g_autofree char *subtitle = NULL;
  const char *expires = pw_consent_get_expires (c);
  PwConsentStatus status = pw_consent_get_status (c);
  gboolean expired = expires != NULL && g_strcmp0 (expires, today) < 0;
  int days = 0;
  GtkWidget *row;

  if (expires == NULL)
    expiry = g_strdup (_("no expiry"));
  else if (expired)
    {
      g_autofree char *when = format_date (expires);

      expiry = g_strdup_printf (_("expired on %s"), when);
    }
  else if (pw_casework_days_until (expires, &days) && days <= EXPIRY_WARNING_DAYS)
    {
      g_autofree char *when = format_date (expires);

      if (days == 0)
        expiry = g_strdup_printf (_("expires today, %s"), when);
      else
        expiry = g_strdup_printf (ngettext ("expires in %d day, on %s", "expires in %d days, on %s", days),
                                  days, when);
    }
  else
    {
      g_autofree char *when = format_date (expires);

      expiry = g_strdup_printf (_("valid until %s"), when);
    }
  /* Translators: written or verbal · the date she answered · expiry */
  subtitle = g_strdup_printf (_("%s · %s · %s"), pw_record_consent_form_label (pw_consent_get_form (c)),
                              date, expiry);
  row = pw_record_row_new (title, subtitle);

  if (status == PW_CONSENT_STATUS_GIVEN && expired)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pw_record_tag_new (C_("consent", "Expired"), "warning"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               pw_record_tag_new (pw_record_consent_status_label (status),
                                                  status == PW_CONSENT_STATUS_GIVEN
                                                    ? (days <= EXPIRY_WARNING_DAYS && expires != NULL ? "warning" : "success")
                                                    : "dim-label"));
  if (status == PW_CONSENT_STATUS_GIVEN && !expired)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "consent-id", GSIZE_TO_POINTER (pw_consent_get_id (c)));
      g_signal_connect (button, "clicked", G_CALLBACK (on_withdraw_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
build_consents (PwSafetyPage *self,
                PwStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = pw_store_list_consents (store, self->survivor_id, &error);
  g_autofree char *today = pw_casework_today ();

  if (consents == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = consents->len; i > 0; i--)
    gtk_list_box_append (self->consent_list, consent_row (self, g_ptr_array_index (consents, i - 1), today));
}

/* Fills @row with the services, "None" first when @with_none, keeping the
 * service chosen (a service added meanwhile from the form shows up). */
static void
fill_service_combo (PwStore     *store,
                    AdwComboRow *row,
                    gboolean     with_none,
                    GPtrArray   *services)
{
  g_autoptr(GPtrArray) list = pw_store_list_services (store, NULL);
  GtkStringList *model = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (row);
  guint offset = with_none ? 1 : 0;
  gint64 chosen = 0;
  guint position = with_none ? 0 : (list != NULL && list->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);

  if (selected != GTK_INVALID_LIST_POSITION && selected >= offset && selected - offset < services->len)
    chosen = pw_service_get_id (g_ptr_array_index (services, selected - offset));
  g_ptr_array_set_size (services, 0);
  if (with_none)
    gtk_string_list_append (model, _("None"));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      PwService *service = g_ptr_array_index (list, i);

      gtk_string_list_append (model, pw_service_get_name (service));
      g_ptr_array_add (services, g_object_ref (service));
      if (pw_service_get_id (service) == chosen)
        position = i + offset;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (row, position);
  g_object_unref (model);
}

static void
on_store_changed_for_row (PwStore       *store,
                          PwRecordKind   kind,
                          gint64         id,
                          gint64         survivor_id,
                          PwAuditAction  action,
                          GtkWidget     *row)
{
  GPtrArray *services = g_object_get_data (G_OBJECT (row), "services");

  if (kind == PW_RECORD_KIND_SERVICE && services != NULL)
    fill_service_combo (store, ADW_COMBO_ROW (row),
                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "with-none")), services);
}

/* A combo row over the services that follows the directory while open. */
static AdwComboRow *
service_combo (PwSafetyPage *self,
               const char   *title,
               gboolean      with_none,
               GPtrArray    *out_services)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  fill_service_combo (get_store (self), ADW_COMBO_ROW (row), with_none, out_services);
  g_object_set_data_full (G_OBJECT (row), "services", g_ptr_array_ref (out_services),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (row), "with-none", GINT_TO_POINTER (with_none));
  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (on_store_changed_for_row), row, 0);
  return ADW_COMBO_ROW (row);
}

static void
open_services (PwSafetyPage *self)
{
  PwServicesWindow *window = pw_services_window_new (GTK_WIDGET (self), self->session);

  gtk_window_present (GTK_WINDOW (window));
  pw_services_window_add_service (window);
}

typedef struct
{
  PwSafetyPage *page;
  PwFormDialog *dialog;
  GPtrArray    *services;
  AdwComboRow  *scope_row;
  AdwComboRow  *service_row;
  AdwComboRow  *form_row;
  AdwComboRow  *answer_row;
  PwDateButton *date_button;
  PwDateButton *expires_button;
  AdwEntryRow  *notes_row;
} ConsentForm;

static void
consent_form_free (ConsentForm *form)
{
  g_clear_object (&form->page);
  g_clear_pointer (&form->services, g_ptr_array_unref);
  g_free (form);
}

static gint64
selected_service (AdwComboRow *row,
                  GPtrArray   *services,
                  gboolean     with_none)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;
  if (with_none)
    {
      if (selected == 0)
        return 0;
      selected--;
    }
  return selected < services->len ? pw_service_get_id (g_ptr_array_index (services, selected)) : 0;
}

static void
update_consent_form (ConsentForm *form)
{
  PwConsentScope scope = adw_combo_row_get_selected (form->scope_row);
  gboolean needs_service = scope == PW_CONSENT_SCOPE_DATA_SHARING;

  gtk_widget_set_visible (GTK_WIDGET (form->service_row), scope != PW_CONSENT_SCOPE_REPORTING);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->service_row),
                                 needs_service ? _("Shared with") : _("From the service"));
  pw_form_dialog_set_can_save (form->dialog,
                               !needs_service || selected_service (form->service_row, form->services, TRUE) > 0,
                               form->services->len == 0 ? _("Add the service to the network first")
                                                        : _("Choose the service her data is shared with"));
}

static gboolean
save_consent (PwFormDialog  *dialog,
              gpointer       data,
              GError       **error)
{
  ConsentForm *form = data;
  PwStore *store = get_store (form->page);
  g_autoptr(PwConsent) c = pw_consent_new ();
  PwConsentScope scope = adw_combo_row_get_selected (form->scope_row);

  if (store == NULL)
    return TRUE;
  pw_consent_set_survivor_id (c, form->page->survivor_id);
  pw_consent_set_scope (c, scope);
  if (scope != PW_CONSENT_SCOPE_REPORTING)
    pw_consent_set_service_id (c, selected_service (form->service_row, form->services, TRUE));
  pw_consent_set_form (c, adw_combo_row_get_selected (form->form_row) == 1 ? PW_CONSENT_FORM_VERBAL
                                                                            : PW_CONSENT_FORM_WRITTEN);
  pw_consent_set_status (c, adw_combo_row_get_selected (form->answer_row) == 1 ? PW_CONSENT_STATUS_REFUSED
                                                                              : PW_CONSENT_STATUS_GIVEN);
  pw_consent_set_date (c, pw_date_button_get_date (form->date_button));
  pw_consent_set_expires (c, pw_date_button_get_date (form->expires_button));
  pw_consent_set_notes (c, gtk_editable_get_text (GTK_EDITABLE (form->notes_row)));
  return pw_store_add_consent (store, c, error) > 0;
}

static GtkWidget *
string_combo (const char *title,
              const char *first,
              ...)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (model, s);
  va_end (args);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  return row;
}

static GtkWidget *
date_row (const char    *title,
          const char    *date,
          const char    *empty_label,
          PwDateButton **button)
{
  GtkWidget *row = pw_record_row_new (title, NULL);

  *button = PW_DATE_BUTTON (pw_date_button_new ());
  if (empty_label != NULL)
    pw_date_button_set_empty_label (*button, empty_label);
  pw_date_button_set_date (*button, date);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*button));
  return row;
}

static void
on_new_consent_clicked (PwSafetyPage *self)
{
  g_autofree char *today = pw_casework_today ();
  ConsentForm *form;
  GtkWidget *group, *button;

  if (get_store (self) == NULL || self->survivor_id <= 0)
    return;

  form = g_new0 (ConsentForm, 1);
  form->page = g_object_ref (self);
  form->services = g_ptr_array_new_with_free_func (g_object_unref);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("Informed Consent"),
                                     _("_Save Consent"));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Explain in her language what she agrees to, who will know what, and that she can change her mind at any time."));
  form->scope_row = ADW_COMBO_ROW (string_combo (_("What for"),
                                                 pw_record_consent_scope_label (PW_CONSENT_SCOPE_SERVICES),
                                                 pw_record_consent_scope_label (PW_CONSENT_SCOPE_DATA_SHARING),
                                                 pw_record_consent_scope_label (PW_CONSENT_SCOPE_REPORTING),
                                                 NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->scope_row));
  form->service_row = service_combo (self, _("From the service"), TRUE, form->services);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add a Service to the Network"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_services), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (form->service_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->service_row));
  form->answer_row = ADW_COMBO_ROW (string_combo (_("Her answer"), C_("consent", "Given"),
                                                  C_("consent", "Refused"), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->answer_row));
  form->form_row = ADW_COMBO_ROW (string_combo (_("How"), _("Written"), _("Verbal"), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->form_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             date_row (_("Date"), today, NULL, &form->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             date_row (_("Valid until"), NULL, _("No expiry"), &form->expires_button));
  form->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->notes_row), _("Notes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->notes_row));
  pw_form_dialog_add (form->dialog, group);

  g_signal_connect_swapped (form->scope_row, "notify::selected", G_CALLBACK (update_consent_form), form);
  g_signal_connect_swapped (form->service_row, "notify::selected", G_CALLBACK (update_consent_form), form);
  pw_form_dialog_set_save_func (form->dialog, save_consent, form, (GDestroyNotify) consent_form_free);
  update_consent_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

/* ------------------------------------------------------------------------ */
/* Referrals                                                                */

typedef struct
{
  PwSafetyPage *page;
  PwFormDialog *dialog;
  PwReferral   *referral;     /* an existing one, when recording a status */
  PwReferralStatus target;
  GPtrArray    *services;
  GPtrArray    *items;
  AdwComboRow  *service_row;
  AdwComboRow  *item_row;
  AdwComboRow  *status_row;
  PwDateButton *date_button;
  AdwActionRow *consent_row;
  GtkImage     *consent_icon;
  AdwEntryRow  *reason_row;
  AdwEntryRow  *outcome_row;
  gint64        covering;
} ReferralForm;

static void
referral_form_free (ReferralForm *form)
{
  g_clear_object (&form->page);
  g_clear_object (&form->referral);
  g_clear_pointer (&form->services, g_ptr_array_unref);
  g_clear_pointer (&form->items, g_ptr_array_unref);
  g_free (form);
}

static gint64
form_service (ReferralForm *form)
{
  if (form->referral != NULL)
    return pw_referral_get_service_id (form->referral);
  return selected_service (form->service_row, form->services, FALSE);
}

static gboolean
form_sends (ReferralForm *form)
{
  if (form->referral != NULL)
    return TRUE;
  return adw_combo_row_get_selected (form->status_row) == 1;
}

static char *
consent_sentence (PwSafetyPage *self,
                  gint64        consent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = NULL;

  consents = pw_store_list_consents (get_store (self), self->survivor_id, &error);
  for (guint i = 0; consents != NULL && i < consents->len; i++)
    {
      PwConsent *c = g_ptr_array_index (consents, i);

      if (pw_consent_get_id (c) == consent_id)
        {
          g_autofree char *date = format_date (pw_consent_get_date (c));

          return g_strdup_printf (pw_consent_get_form (c) == PW_CONSENT_FORM_VERBAL
                                    ? _("Covered by her verbal consent of %s.")
                                    : _("Covered by her written consent of %s."),
                                  date);
        }
    }
  return g_strdup (_("Covered by her consent."));
}

static void
update_referral_form (ReferralForm *form)
{
  g_autoptr(GError) error = NULL;
  PwSafetyPage *self = form->page;
  gint64 service = form_service (form);
  const char *date = pw_date_button_get_date (form->date_button);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (form->reason_row));
  gboolean has_reason = reason[strspn (reason, " ")] != '\0';
  gboolean sends = form_sends (form);
  g_autofree char *sentence = NULL;

  if (get_store (self) == NULL)
    return;
  form->covering = 0;
  if (form->referral != NULL && pw_referral_get_consent_id (form->referral) > 0 &&
      pw_store_find_covering_consent (get_store (self), self->survivor_id, service, date, NULL) ==
        pw_referral_get_consent_id (form->referral))
    form->covering = pw_referral_get_consent_id (form->referral);
  else if (service > 0)
    form->covering = pw_store_find_covering_consent (get_store (self), self->survivor_id, service,
                                                     date, &error);

  gtk_widget_remove_css_class (GTK_WIDGET (form->consent_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (form->consent_icon), "warning");
  if (service <= 0)
    {
      gtk_image_set_from_icon_name (form->consent_icon, "dialog-information-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->consent_row), _("Choose the service first"));
      adw_action_row_set_subtitle (form->consent_row, NULL);
    }
  else if (form->covering > 0)
    {
      sentence = consent_sentence (self, form->covering);
      gtk_image_set_from_icon_name (form->consent_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (form->consent_icon), "success");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->consent_row), sentence);
      adw_action_row_set_subtitle (form->consent_row, NULL);
    }
  else
    {
      gtk_image_set_from_icon_name (form->consent_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (form->consent_icon), "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->consent_row),
                                     _("No consent of hers covers this service"));
      adw_action_row_set_subtitle (form->consent_row,
                                   _("Record her consent for this service first. To send it without her consent, give the reason below."));
    }
  gtk_widget_set_visible (GTK_WIDGET (form->reason_row), service > 0 && form->covering == 0);

  if (service <= 0)
    pw_form_dialog_set_can_save (form->dialog, FALSE,
                                 form->services != NULL && form->services->len == 0 && form->referral == NULL
                                   ? _("Add the service to the network first")
                                   : _("Choose the service"));
  else if (sends && form->covering == 0 && !has_reason)
    pw_form_dialog_set_can_save (form->dialog, FALSE,
                                 _("Her consent, or a reason, is needed to send it"));
  else
    pw_form_dialog_set_can_save (form->dialog, TRUE, NULL);
}

static gboolean
save_referral (PwFormDialog  *dialog,
               gpointer       data,
               GError       **error)
{
  ReferralForm *form = data;
  PwStore *store = get_store (form->page);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (form->reason_row));
  gboolean with_reason = form->covering == 0 && reason[strspn (reason, " ")] != '\0';
  g_autoptr(PwReferral) r = NULL;
  guint item;

  if (store == NULL)
    return TRUE;

  if (form->referral != NULL)
    {
      const char *outcome = form->outcome_row != NULL ? gtk_editable_get_text (GTK_EDITABLE (form->outcome_row)) : NULL;

      /* Sending a proposal: attach what allows it first. */
      if (pw_referral_get_status (form->referral) == PW_REFERRAL_STATUS_PROPOSED)
        {
          r = pw_referral_copy (form->referral);
          pw_referral_set_consent_id (r, form->covering);
          pw_referral_set_no_consent_reason (r, with_reason ? reason : NULL);
          if (!pw_store_update_referral (store, r, error))
            return FALSE;
        }
      return pw_store_record_referral_status (store, pw_referral_get_id (form->referral), form->target,
                                              pw_date_button_get_date (form->date_button),
                                              outcome != NULL && *outcome != '\0' ? outcome : NULL,
                                              error);
    }

  r = pw_referral_new ();
  pw_referral_set_survivor_id (r, form->page->survivor_id);
  pw_referral_set_service_id (r, form_service (form));
  item = adw_combo_row_get_selected (form->item_row);
  if (item != GTK_INVALID_LIST_POSITION && item > 0 && item - 1 < form->items->len)
    pw_referral_set_plan_item_id (r, pw_plan_item_get_id (g_ptr_array_index (form->items, item - 1)));
  pw_referral_set_consent_id (r, form->covering);
  pw_referral_set_no_consent_reason (r, with_reason ? reason : NULL);
  pw_referral_set_date (r, pw_date_button_get_date (form->date_button));
  pw_referral_set_status (r, form_sends (form) ? PW_REFERRAL_STATUS_SENT : PW_REFERRAL_STATUS_PROPOSED);
  return pw_store_add_referral (store, r, error) > 0;
}

static void
add_consent_rows (ReferralForm *form,
                  GtkWidget    *group)
{
  form->consent_row = ADW_ACTION_ROW (pw_record_row_new ("", NULL));
  form->consent_icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_prefix (form->consent_row, GTK_WIDGET (form->consent_icon));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->consent_row));
  form->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->reason_row),
                                 _("Reason for going ahead without her consent"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->reason_row));
  g_signal_connect_swapped (form->reason_row, "changed", G_CALLBACK (update_referral_form), form);
}

static void
on_new_referral_clicked (PwSafetyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = pw_casework_today ();
  GtkStringList *items_model;
  ReferralForm *form;
  GtkWidget *group, *button;

  if (get_store (self) == NULL || self->survivor_id <= 0)
    return;

  form = g_new0 (ReferralForm, 1);
  form->page = g_object_ref (self);
  form->services = g_ptr_array_new_with_free_func (g_object_unref);
  form->items = pw_store_load_plan_items (get_store (self), self->survivor_id, &error);
  if (form->items == NULL)
    form->items = g_ptr_array_new_with_free_func (g_object_unref);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, _("New Referral"),
                                     _("_Save Referral"));

  group = adw_preferences_group_new ();
  form->service_row = service_combo (self, _("To the service"), FALSE, form->services);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add a Service to the Network"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_services), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (form->service_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->service_row));

  items_model = gtk_string_list_new (NULL);
  gtk_string_list_append (items_model, _("None"));
  for (guint i = 0; i < form->items->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (form->items, i);
      const char *title = pw_plan_item_get_title (item);

      gtk_string_list_append (items_model, title != NULL && *title != '\0' ? title : pw_plan_item_get_her_words (item));
    }
  form->item_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->item_row), _("For her goal"));
  adw_combo_row_set_model (form->item_row, G_LIST_MODEL (items_model));
  g_object_unref (items_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->item_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             date_row (_("Date"), today, NULL, &form->date_button));
  form->status_row = ADW_COMBO_ROW (string_combo (_("Status"), _("Proposed, not sent yet"),
                                                  _("Sent to the service"), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->status_row));
  pw_form_dialog_add (form->dialog, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Her Consent"));
  add_consent_rows (form, group);
  pw_form_dialog_add (form->dialog, group);

  g_signal_connect_swapped (form->service_row, "notify::selected", G_CALLBACK (update_referral_form), form);
  g_signal_connect_swapped (form->status_row, "notify::selected", G_CALLBACK (update_referral_form), form);
  g_signal_connect_swapped (form->date_button, "notify::date", G_CALLBACK (update_referral_form), form);
  pw_form_dialog_set_save_func (form->dialog, save_referral, form, (GDestroyNotify) referral_form_free);
  update_referral_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

static const char *
status_dialog_title (PwReferralStatus status)
{
  switch (status)
    {
    case PW_REFERRAL_STATUS_SENT:
      return _("Send the Referral");
    case PW_REFERRAL_STATUS_ACCEPTED:
      return _("Accepted by the Service");
    case PW_REFERRAL_STATUS_COMPLETED:
      return _("Referral Completed");
    case PW_REFERRAL_STATUS_DECLINED:
      return _("Referral Declined");
    case PW_REFERRAL_STATUS_PROPOSED:
    default:
      return _("Referral");
    }
}

static void
on_status_clicked (GtkButton    *button,
                   PwSafetyPage *self)
{
  PwReferral *referral = g_object_get_data (G_OBJECT (button), "referral");
  PwReferralStatus target = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "target"));
  g_autofree char *today = pw_casework_today ();
  ReferralForm *form;
  GtkWidget *group;

  if (get_store (self) == NULL || referral == NULL)
    return;

  form = g_new0 (ReferralForm, 1);
  form->page = g_object_ref (self);
  form->referral = pw_referral_copy (referral);
  form->target = target;
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session, status_dialog_title (target),
                                     _("_Save"));
  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             date_row (_("Date"), today, NULL, &form->date_button));
  if (target != PW_REFERRAL_STATUS_SENT)
    {
      form->outcome_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->outcome_row), _("Outcome"));
      if (pw_referral_get_outcome (referral) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (form->outcome_row), pw_referral_get_outcome (referral));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->outcome_row));
    }
  pw_form_dialog_add (form->dialog, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Her Consent"));
  add_consent_rows (form, group);
  gtk_widget_set_visible (group, target == PW_REFERRAL_STATUS_SENT);
  pw_form_dialog_add (form->dialog, group);

  g_signal_connect_swapped (form->date_button, "notify::date", G_CALLBACK (update_referral_form), form);
  pw_form_dialog_set_save_func (form->dialog, save_referral, form, (GDestroyNotify) referral_form_free);
  gtk_window_set_default_size (GTK_WINDOW (form->dialog), 520, 480);
  if (target == PW_REFERRAL_STATUS_SENT)
    update_referral_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

static GtkWidget *
status_button (PwSafetyPage     *self,
               PwReferral       *referral,
               const char       *label,
               PwReferralStatus  target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "referral", g_object_ref (referral), g_object_unref);
  g_object_set_data (G_OBJECT (button), "target", GINT_TO_POINTER (target));
  g_signal_connect (button, "clicked", G_CALLBACK (on_status_clicked), self);
  return button;
}

static const char *
referral_style (PwReferralStatus status)
{
  switch (status)
    {
    case PW_REFERRAL_STATUS_COMPLETED:
    case PW_REFERRAL_STATUS_ACCEPTED:
      return "success";
    case PW_REFERRAL_STATUS_DECLINED:
      return "error";
    case PW_REFERRAL_STATUS_SENT:
      return "accent";
    case PW_REFERRAL_STATUS_PROPOSED:
    default:
      return "dim-label";
    }
}

static GtkWidget *
referral_row (PwSafetyPage *self,
              PwReferral   *r,
              GHashTable   *item_titles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) history = pw_store_list_referral_history (get_store (self), pw_referral_get_id (r), &error);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autofree char *consent = NULL;
  const char *name = service_name (self, pw_referral_get_service_id (r));
  gint64 item_id = pw_referral_get_plan_item_id (r);
  const char *item = item_id > 0 ? g_hash_table_lookup (item_titles, &item_id) : NULL;
  PwReferralStatus status = pw_referral_get_status (r);
  GtkWidget *row, *actions;

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PwReferralStatusDate *h = &g_array_index (history, PwReferralStatusDate, i);
      g_autofree char *when = format_date (h->date);

      if (steps->len > 0)
        g_string_append_c (steps, '\n');
      /* Translators: a step of a referral's history, e.g. "Sent on 3 Mar 2026" */
      g_string_append_printf (steps, _("%s on %s"), pw_record_referral_status_label (h->status), when);
    }
  if (history != NULL && history->len > 0)
    g_string_append (subtitle, strrchr (steps->str, '\n') != NULL ? strrchr (steps->str, '\n') + 1 : steps->str);
  if (item != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("for: %s"), item);
    }

  row = pw_record_expander_new (name != NULL ? name : _("A service no longer listed"),
                                subtitle->len > 0 ? subtitle->str : NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               pw_record_tag_new (pw_record_referral_status_label (status),
                                                  referral_style (status)));

  if (pw_referral_get_consent_id (r) > 0)
    consent = consent_sentence (self, pw_referral_get_consent_id (r));
  else if (pw_referral_get_no_consent_reason (r) != NULL)
    consent = g_strdup_printf (_("Sent without her consent. The reason recorded: %s"),
                               pw_referral_get_no_consent_reason (r));
  else
    consent = g_strdup (_("No consent recorded yet: it cannot be sent until she gives it."));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), pw_record_row_new (_("Her consent"), consent));
  if (steps->len > 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), pw_record_row_new (_("History"), steps->str));
  if (pw_referral_get_outcome (r) != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              pw_record_row_new (_("Outcome"), pw_referral_get_outcome (r)));

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (actions, 8);
  gtk_widget_set_margin_bottom (actions, 8);
  gtk_widget_set_margin_start (actions, 12);
  gtk_widget_set_margin_end (actions, 12);
  switch (status)
    {
    case PW_REFERRAL_STATUS_PROPOSED:
      gtk_box_append (GTK_BOX (actions), status_button (self, r, _("Mark as _Sent…"), PW_REFERRAL_STATUS_SENT));
      break;
    case PW_REFERRAL_STATUS_SENT:
      gtk_box_append (GTK_BOX (actions), status_button (self, r, _("_Accepted…"), PW_REFERRAL_STATUS_ACCEPTED));
      gtk_box_append (GTK_BOX (actions), status_button (self, r, _("_Declined…"), PW_REFERRAL_STATUS_DECLINED));
      break;
    case PW_REFERRAL_STATUS_ACCEPTED:
      gtk_box_append (GTK_BOX (actions), status_button (self, r, _("_Completed…"), PW_REFERRAL_STATUS_COMPLETED));
      gtk_box_append (GTK_BOX (actions), status_button (self, r, _("_Declined…"), PW_REFERRAL_STATUS_DECLINED));
      break;
    case PW_REFERRAL_STATUS_COMPLETED:
    case PW_REFERRAL_STATUS_DECLINED:
    default:
      break;
    }
  if (gtk_widget_get_first_child (actions) != NULL)
    {
      GtkWidget *action_row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (action_row), actions);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row);
    }
  else
    {
      g_object_ref_sink (actions);
      g_object_unref (actions);
    }
  return row;
}

static void
build_referrals (PwSafetyPage *self,
                 PwStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) referrals = pw_store_list_referrals (store, self->survivor_id, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (referrals == NULL)
    {
      toast_error (self, error);
      return;
    }
  items = pw_store_load_plan_items (store, self->survivor_id, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (items, i);
      const char *title = pw_plan_item_get_title (item);

      g_hash_table_insert (titles, g_memdup2 (&(gint64) { pw_plan_item_get_id (item) }, sizeof (gint64)),
                           (gpointer) (title != NULL && *title != '\0' ? title : pw_plan_item_get_her_words (item)));
    }
  for (guint i = referrals->len; i > 0; i--)
    gtk_list_box_append (self->referral_list, referral_row (self, g_ptr_array_index (referrals, i - 1), titles));
}

/* ------------------------------------------------------------------------ */

static void
clear_all (PwSafetyPage *self)
{
  pw_record_list_clear (self->life_list);
  pw_record_list_clear (self->risk_list);
  pw_record_list_clear (self->needs_list);
  pw_record_list_clear (self->earlier_needs_list);
  pw_record_list_clear (self->consent_list);
  pw_record_list_clear (self->referral_list);
  g_hash_table_remove_all (self->services);
  g_clear_pointer (&self->review, pw_review_due_free);
  update_review_banner (self);
}

static void
rebuild (PwSafetyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  PwStore *store = get_store (self);
  gboolean ready = store != NULL && self->survivor_id > 0;

  clear_all (self);
  gtk_widget_set_sensitive (self->new_review_button, ready);
  gtk_widget_set_sensitive (self->new_needs_button, ready);
  gtk_widget_set_sensitive (self->new_consent_button, ready);
  gtk_widget_set_sensitive (self->new_referral_button, ready);
  if (!ready)
    return;

  services = pw_store_list_services (store, NULL);
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      PwService *service = g_ptr_array_index (services, i);

      g_hash_table_insert (self->services, g_memdup2 (&(gint64) { pw_service_get_id (service) }, sizeof (gint64)),
                           g_object_ref (service));
    }

  self->review = pw_store_get_review_due (store, self->survivor_id, NULL, &error);
  if (self->review == NULL && error != NULL)
    {
      /* She is gone (deleted in another window): show nothing of her. */
      self->survivor_id = 0;
      clear_all (self);
      return;
    }
  update_review_banner (self);
  build_life_changes (self, store);
  build_risks (self, store);
  build_needs (self, store);
  build_consents (self, store);
  build_referrals (self, store);
}

static gboolean
rebuild_idle (gpointer data)
{
  PwSafetyPage *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (PwSafetyPage *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, self, NULL);
}

static void
on_store_changed (PwSafetyPage  *self,
                  PwRecordKind   kind,
                  gint64         id,
                  gint64         survivor_id,
                  PwAuditAction  action)
{
  if (self->survivor_id <= 0)
    return;
  if (survivor_id == self->survivor_id || kind == PW_RECORD_KIND_SERVICE)
    queue_rebuild (self);
}

static void
on_session_state (PwSafetyPage *self)
{
  pw_record_follow_store (self, self->session, G_CALLBACK (on_store_changed),
                          &self->store, &self->changed_id, &self->survivor_id);
  rebuild (self);
}

void
pw_safety_page_set_survivor_id (PwSafetyPage *self,
                                gint64        survivor_id)
{
  g_return_if_fail (PW_IS_SAFETY_PAGE (self));

  if (self->survivor_id == survivor_id)
    return;
  self->survivor_id = survivor_id;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_ID]);
}

gint64
pw_safety_page_get_survivor_id (PwSafetyPage *self)
{
  g_return_val_if_fail (PW_IS_SAFETY_PAGE (self), 0);

  return self->survivor_id;
}

static void
set_session (PwSafetyPage *self,
             PwSession    *session)
{
  if (session == NULL)
    return;
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self,
                           G_CONNECT_SWAPPED);
  on_session_state (self);
}

static void
pw_safety_page_dispose (GObject *object)
{
  PwSafetyPage *self = PW_SAFETY_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  pw_record_drop_store (&self->store, &self->changed_id);
  g_clear_object (&self->session);
  g_clear_pointer (&self->review, pw_review_due_free);
  g_clear_pointer (&self->services, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SAFETY_PAGE);
  /* The scrolled window has no id: the template does not drop it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_safety_page_parent_class)->dispose (object);
}

static void
pw_safety_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwSafetyPage *self = PW_SAFETY_PAGE (object);

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
pw_safety_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwSafetyPage *self = PW_SAFETY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    case PROP_SURVIVOR_ID:
      pw_safety_page_set_survivor_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_safety_page_class_init (PwSafetyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_safety_page_dispose;
  object_class->get_property = pw_safety_page_get_property;
  object_class->set_property = pw_safety_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-safety-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, review_icon);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, risk_box);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, needs_box);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, consent_box);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, referral_box);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, new_review_button);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, new_needs_button);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, new_consent_button);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, new_referral_button);
  gtk_widget_class_bind_template_child (widget_class, PwSafetyPage, needs_group);
  gtk_widget_class_bind_template_callback (widget_class, on_review_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_review_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_needs_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_consent_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_referral_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pw_safety_page_init (PwSafetyPage *self)
{
  self->services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  pw_record_wrap_group_titles (GTK_WIDGET (self));
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_review_button, "list-add-symbolic");
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_needs_button, "list-add-symbolic");
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_consent_button, "list-add-symbolic");
  pw_record_compact_button (GTK_SCROLLED_WINDOW (self->scroller), self->new_referral_button, "list-add-symbolic");

  self->life_list = GTK_LIST_BOX (pw_record_list_new (NULL));
  gtk_box_append (self->risk_box, GTK_WIDGET (self->life_list));
  self->risk_list = GTK_LIST_BOX (pw_record_list_new (_("No risk assessment yet.")));
  gtk_box_append (self->risk_box, GTK_WIDGET (self->risk_list));
  self->needs_list = GTK_LIST_BOX (pw_record_list_new (_("No snapshot of her basic needs yet.")));
  gtk_box_append (self->needs_box, GTK_WIDGET (self->needs_list));
  self->earlier_needs_list = GTK_LIST_BOX (pw_record_list_new (NULL));
  gtk_box_append (self->needs_box, GTK_WIDGET (self->earlier_needs_list));
  self->consent_list = GTK_LIST_BOX (pw_record_list_new (_("No consent recorded yet.")));
  gtk_box_append (self->consent_box, GTK_WIDGET (self->consent_list));
  self->referral_list = GTK_LIST_BOX (pw_record_list_new (_("No referral yet.")));
  gtk_box_append (self->referral_box, GTK_WIDGET (self->referral_list));

  rebuild (self);
}

GtkWidget *
pw_safety_page_new (PwSession *session)
{
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_SAFETY_PAGE, "session", session, NULL);
}
