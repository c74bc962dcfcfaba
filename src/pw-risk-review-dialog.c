/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-risk-review-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-date-button.h"
#include "pw-risk-review-dialog.h"
#include "pw-store.h"

struct _PwRiskReviewDialog
{
  AdwWindow        parent_instance;

  PwSession       *session;
  gint64           survivor_id;
  GPtrArray       *factor_checks;    /* GtkCheckButton, in factor_ids order */
  gboolean         next_review_set;  /* the worker chose it: keep it */
  gboolean         updating;

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  PwDateButton    *date_button;
  AdwEntryRow     *assessor_row;
  AdwComboRow     *trigger_row;
  GtkStringList   *trigger_model;
  GtkToggleButton *low_button;
  GtkToggleButton *medium_button;
  GtkToggleButton *high_button;
  AdwPreferencesGroup *factors_group;
  AdwEntryRow     *other_row;
  GtkTextView     *notes_view;
  PwDateButton    *next_review_button;
};

G_DEFINE_FINAL_TYPE (PwRiskReviewDialog, pw_risk_review_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *factor_ids[] = {
  "exploiter_contact",
  "debt_pressure",
  "threats_to_relatives",
  "cooperating_with_authorities",
  "programme_exposure",
  "other",
  NULL
};

static const char *trigger_ids[] = {
  PW_RISK_TRIGGER_INTAKE,
  PW_RISK_TRIGGER_SCHEDULED,
  PW_RISK_TRIGGER_RESIDENCE,
  PW_RISK_TRIGGER_WORK,
  PW_RISK_TRIGGER_AREA,
  PW_RISK_TRIGGER_OTHER,
};

const char * const *
pw_risk_review_factor_ids (void)
{
  return factor_ids;
}

static const char *
factor_title (const char *id)
{
  if (g_strcmp0 (id, "exploiter_contact") == 0)
    return _("Contact with the people who exploited her");
  if (g_strcmp0 (id, "debt_pressure") == 0)
    return _("Pressure to pay a debt");
  if (g_strcmp0 (id, "threats_to_relatives") == 0)
    return _("Threats to her relatives");
  if (g_strcmp0 (id, "cooperating_with_authorities") == 0)
    return _("Cooperating with the police or the courts");
  if (g_strcmp0 (id, "programme_exposure") == 0)
    return _("Exposure through programme activities");
  if (g_strcmp0 (id, "other") == 0)
    return _("Something else");
  return NULL;
}

char *
pw_risk_review_factor_label (const char *factor)
{
  const char *title;

  g_return_val_if_fail (factor != NULL, NULL);

  if (g_str_has_prefix (factor, "other:"))
    /* Translators: a risk factor the worker described in her own words */
    return g_strdup_printf (_("Other: %s"), factor + strlen ("other:"));
  title = factor_title (factor);
  return g_strdup (title != NULL ? title : factor);
}

const char *
pw_risk_review_trigger_label (const char *trigger)
{
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_INTAKE) == 0)
    return _("First assessment");
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_SCHEDULED) == 0)
    return _("Scheduled review");
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_RESIDENCE) == 0)
    return _("New home");
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_WORK) == 0)
    return _("New work or training");
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_AREA) == 0)
    return _("New area of the city");
  if (g_strcmp0 (trigger, PW_RISK_TRIGGER_OTHER) == 0)
    return _("Another reason");
  return NULL;
}

const char *
pw_risk_level_label (int level)
{
  switch (level)
    {
    case PW_RISK_LEVEL_LOW:
      return C_("risk", "Low");
    case PW_RISK_LEVEL_MEDIUM:
      return C_("risk", "Medium");
    case PW_RISK_LEVEL_HIGH:
      return C_("risk", "High");
    default:
      return NULL;
    }
}

static PwRiskLevel
current_level (PwRiskReviewDialog *self)
{
  if (gtk_toggle_button_get_active (self->high_button))
    return PW_RISK_LEVEL_HIGH;
  if (gtk_toggle_button_get_active (self->medium_button))
    return PW_RISK_LEVEL_MEDIUM;
  if (gtk_toggle_button_get_active (self->low_button))
    return PW_RISK_LEVEL_LOW;
  return PW_RISK_LEVEL_NONE;
}

static gboolean
other_checked (PwRiskReviewDialog *self)
{
  return gtk_check_button_get_active (g_ptr_array_index (self->factor_checks,
                                                         self->factor_checks->len - 1));
}

static void
update_can_save (PwRiskReviewDialog *self)
{
  const char *other = gtk_editable_get_text (GTK_EDITABLE (self->other_row));
  gboolean level = current_level (self) != PW_RISK_LEVEL_NONE;
  gboolean other_ok = !other_checked (self) || other[strspn (other, " ")] != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->other_row), other_checked (self));
  gtk_widget_set_sensitive (self->save_button, level && other_ok);
  if (!level)
    adw_window_title_set_subtitle (self->window_title, _("Choose the level of risk"));
  else if (!other_ok)
    adw_window_title_set_subtitle (self->window_title, _("Say what the other risk factor is"));
  else
    adw_window_title_set_subtitle (self->window_title, NULL);
}

/* The next review from the level: a month, three or six after the date. */
static void
suggest_next_review (PwRiskReviewDialog *self)
{
  const char *date = pw_date_button_get_date (self->date_button);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *text = NULL;
  int months, y, m, d;

  if (self->next_review_set)
    return;
  switch (current_level (self))
    {
    case PW_RISK_LEVEL_HIGH:
      months = 1;
      break;
    case PW_RISK_LEVEL_MEDIUM:
      months = 3;
      break;
    case PW_RISK_LEVEL_LOW:
      months = 6;
      break;
    case PW_RISK_LEVEL_NONE:
    default:
      return;
    }
  if (date != NULL && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    from = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (from == NULL)
    from = g_date_time_new_now_local ();
  next = g_date_time_add_months (from, months);
  text = g_date_time_format (next, "%Y-%m-%d");
  self->updating = TRUE;
  pw_date_button_set_date (self->next_review_button, text);
  self->updating = FALSE;
}

static void
on_level_toggled (PwRiskReviewDialog *self)
{
  suggest_next_review (self);
  update_can_save (self);
}

static void
on_date_changed (PwRiskReviewDialog *self)
{
  suggest_next_review (self);
}

static void
on_next_review_changed (PwRiskReviewDialog *self)
{
  if (!self->updating)
    self->next_review_set = TRUE;
}

static void
show_error (PwRiskReviewDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

gboolean
pw_risk_review_dialog_save (PwRiskReviewDialog *self)
{
  g_autoptr(PwAssessment) assessment = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) factors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  PwStore *store;
  guint trigger;
  gint64 id;

  g_return_val_if_fail (PW_IS_RISK_REVIEW_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->save_button))
    return FALSE;
  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    {
      show_error (self, _("The vault is locked. Unlock it and try again."));
      return FALSE;
    }
  store = pw_session_get_store (self->session);

  for (guint i = 0; factor_ids[i] != NULL; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (self->factor_checks, i)))
        continue;
      if (g_str_equal (factor_ids[i], "other"))
        {
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_row))));
          g_autofree char *value = g_strconcat ("other:", text, NULL);

          g_strv_builder_add (builder, value);
        }
      else
        g_strv_builder_add (builder, factor_ids[i]);
    }
  factors = g_strv_builder_end (builder);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  trigger = adw_combo_row_get_selected (self->trigger_row);

  assessment = pw_assessment_new ();
  pw_assessment_set_survivor_id (assessment, self->survivor_id);
  pw_assessment_set_kind (assessment, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_date (assessment, pw_date_button_get_date (self->date_button));
  pw_assessment_set_assessor (assessment, gtk_editable_get_text (GTK_EDITABLE (self->assessor_row)));
  pw_assessment_set_risk_level (assessment, current_level (self));
  pw_assessment_set_risk_factors (assessment, (const char * const *) factors);
  pw_assessment_set_review_trigger (assessment,
                                    trigger < G_N_ELEMENTS (trigger_ids) ? trigger_ids[trigger] : NULL);
  pw_assessment_set_notes (assessment, notes);
  pw_assessment_set_next_review (assessment, pw_date_button_get_date (self->next_review_button));

  id = pw_store_add_assessment (store, assessment, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PwRiskReviewDialog *self)
{
  pw_risk_review_dialog_save (self);
}

void
pw_risk_review_dialog_set_trigger (PwRiskReviewDialog *self,
                                   const char         *trigger)
{
  g_return_if_fail (PW_IS_RISK_REVIEW_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (trigger_ids); i++)
    if (g_strcmp0 (trigger, trigger_ids[i]) == 0)
      adw_combo_row_set_selected (self->trigger_row, i);
}

static void
on_session_state (PwRiskReviewDialog *self)
{
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_risk_review_dialog_dispose (GObject *object)
{
  PwRiskReviewDialog *self = PW_RISK_REVIEW_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->factor_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_RISK_REVIEW_DIALOG);

  G_OBJECT_CLASS (pw_risk_review_dialog_parent_class)->dispose (object);
}

static void
pw_risk_review_dialog_class_init (PwRiskReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_risk_review_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PW_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-risk-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, trigger_model);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, low_button);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, medium_button);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, high_button);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, factors_group);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PwRiskReviewDialog, next_review_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_level_toggled);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_risk_review_dialog_init (PwRiskReviewDialog *self)
{
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (trigger_ids); i++)
    gtk_string_list_append (self->trigger_model, pw_risk_review_trigger_label (trigger_ids[i]));
  adw_combo_row_set_selected (self->trigger_row, 1);

  self->factor_checks = g_ptr_array_new ();
  for (guint i = 0; factor_ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), factor_title (factor_ids[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_can_save), self);
      adw_preferences_group_add (self->factors_group, row);
      g_ptr_array_add (self->factor_checks, check);
    }
  self->other_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_row), _("The other factor, in a few words"));
  g_signal_connect_swapped (self->other_row, "changed", G_CALLBACK (update_can_save), self);
  adw_preferences_group_add (self->factors_group, GTK_WIDGET (self->other_row));

  today = g_date_time_format (now, "%Y-%m-%d");
  pw_date_button_set_date (self->date_button, today);
  g_signal_connect_swapped (self->date_button, "notify::date", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->next_review_button, "notify::date",
                            G_CALLBACK (on_next_review_changed), self);
  update_can_save (self);
}

PwRiskReviewDialog *
pw_risk_review_dialog_new (GtkWidget *parent,
                           PwSession *session,
                           gint64     survivor_id)
{
  PwRiskReviewDialog *self;
  PwKeySlot *slot;
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  self = g_object_new (PW_TYPE_RISK_REVIEW_DIALOG, NULL);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  self->session = g_object_ref (session);
  self->survivor_id = survivor_id;
  slot = pw_vault_get_current_slot (pw_session_get_vault (session));
  if (slot != NULL && pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE)
    gtk_editable_set_text (GTK_EDITABLE (self->assessor_row), pw_key_slot_get_label (slot));
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self,
                           G_CONNECT_SWAPPED);
  return self;
}
