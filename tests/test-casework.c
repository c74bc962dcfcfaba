/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-casework"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-application.h"
#include "pw-caseload-view.h"
#include "pw-date-button.h"
#include "pw-iso-picker.h"
#include "pw-overview-page.h"
#include "pw-plan-item-editor.h"
#include "pw-plan-item-row.h"
#include "pw-plan-page.h"
#include "pw-risk-review-dialog.h"
#include "pw-store-private.h"
#include "pw-survivor-editor.h"
#include "pw-survivor-list.h"
#include "pw-survivor-view.h"
#include "pw-survivor-facing-view.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* Names and codes, not words: the same in every language. */
static const char *untranslatable[] = { "Pathway", "PW-0001", "PW-0002", "Plan", NULL };

static const char *test_passphrase = "orange kettle under seven lanterns";

static PwSession *
new_unlocked_session (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-casework-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;
  PwSession *session = pw_session_new (vault, settings);

  pw_session_set_kdf_cost (session, pw_kdf_cost_fast ());
  recovery = pw_vault_create (vault, "Test Worker", test_passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
  return session;
}

static GtkWidget *
open_window (PwSession *session,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (pw_window_new (pw_test_get_application (), session));

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  pw_test_iterate (100);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  return GTK_WIDGET (window);
}

static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = pw_test_find (root, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_text_view (GtkWidget  *root,
               guint       index,
               const char *text)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_of_type (root, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, >, index);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, index)), text, -1);
}

static PwSurvivorView *
survivor_view (GtkWidget *window)
{
  return PW_SURVIVOR_VIEW (pw_test_find (window, PW_TYPE_SURVIVOR_VIEW, NULL));
}

static PwPlanPage *
plan_page (GtkWidget *window)
{
  return PW_PLAN_PAGE (pw_test_find (window, PW_TYPE_PLAN_PAGE, NULL));
}

static PwCaseloadView *
caseload (GtkWidget *window)
{
  GtkWidget *view = pw_test_find (window, PW_TYPE_CASELOAD_VIEW, NULL);

  g_assert_nonnull (view);
  return PW_CASELOAD_VIEW (view);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Her first risk review opens once she is added: at intake, as the reason.
 * @assess fills it in (a low risk); otherwise Cancel skips it. */
static void
first_risk_review (gboolean assess)
{
  GtkWidget *dialog;
  GtkWidget *why;
  g_autoptr(GtkStringObject) reason = NULL;

  pw_test_iterate (50);
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  pw_test_wait_for_frame (dialog);
  why = pw_test_find (dialog, ADW_TYPE_COMBO_ROW, "Why now");
  g_assert_nonnull (why);
  reason = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (why)),
                                  adw_combo_row_get_selected (ADW_COMBO_ROW (why)));
  g_assert_cmpstr (gtk_string_object_get_string (reason), ==,
                   pw_risk_review_trigger_label (PW_RISK_TRIGGER_INTAKE));
  if (assess)
    {
      g_signal_emit_by_name (pw_test_find (dialog, GTK_TYPE_TOGGLE_BUTTON, C_("risk", "Low")), "clicked");
      pw_test_iterate (100);
      pw_test_wait_for_frame (dialog);
      g_free (pw_test_screenshot (dialog, "casework-first-risk-review-en"));
      pw_test_click (dialog, "_Save Review");
    }
  else
    pw_test_click (dialog, "_Cancel");
  pw_test_iterate (50);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));
}

static gint64
create_survivor_through_form (GtkWidget  *window,
                              const char *alias,
                              const char *worker,
                              gboolean    assess)
{
  PwSurvivorEditor *editor;
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();
  const char *code;

  g_assert_true (gtk_widget_activate_action (window, "win.new-survivor", NULL));
  pw_test_iterate (50);
  editor = PW_SURVIVOR_EDITOR (pw_test_find_toplevel (PW_TYPE_SURVIVOR_EDITOR));
  g_assert_nonnull (editor);
  pw_test_wait_for_frame (GTK_WIDGET (editor));

  /* The form says why there is no name field, and suggests a code. */
  g_assert_nonnull (pw_test_find (GTK_WIDGET (editor), GTK_TYPE_LABEL,
                                  "No full name, address or phone number here: only the case code links this record to her, through a list kept outside Pathway."));
  code = gtk_editable_get_text (GTK_EDITABLE (pw_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Case Code")));
  g_assert_true (g_str_has_prefix (code, "PW-"));

  type_into (GTK_WIDGET (editor), "Alias (Optional, Not Her Name)", alias);
  type_into (GTK_WIDGET (editor), "Year of Birth (Optional)", "1999");
  type_into (GTK_WIDGET (editor), "Key Worker", worker);
  collect_of_type (GTK_WIDGET (editor), PW_TYPE_ISO_PICKER, pickers);
  g_assert_cmpuint (pickers->len, ==, 3);
  pw_iso_picker_pick (g_ptr_array_index (pickers, 0), "NG");
  pw_iso_picker_pick (g_ptr_array_index (pickers, 1), "en");
  pw_iso_picker_pick (g_ptr_array_index (pickers, 1), "bin");
  /* Her first language became her preferred one. */
  g_assert_cmpstr (pw_iso_picker_get_code (g_ptr_array_index (pickers, 2)), ==, "en");
  pw_test_iterate (400);
  g_free (pw_test_screenshot (GTK_WIDGET (editor), "casework-new-survivor-en"));

  pw_test_click (GTK_WIDGET (editor), "_Add");
  pw_test_iterate (50);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_SURVIVOR_EDITOR));
  first_risk_review (assess);
  return pw_survivor_view_get_survivor_id (survivor_view (window));
}

static gint64
add_goal_through_form (GtkWidget  *window,
                       const char *words,
                       const char *title,
                       const char *due)
{
  PwPlanItemEditor *editor;
  gint64 id = 0;
  guint before = pw_plan_page_get_rows (plan_page (window))->len;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page (window)), "plan.add-item", NULL));
  pw_test_iterate (20);
  editor = PW_PLAN_ITEM_EDITOR (pw_test_find_toplevel (PW_TYPE_PLAN_ITEM_EDITOR));
  g_assert_nonnull (editor);
  set_text_view (GTK_WIDGET (editor), 0, words);
  type_into (GTK_WIDGET (editor), "Title for the Team", title);
  type_into (GTK_WIDGET (editor), "Who Helps (Person or Service)", "Example Service");
  pw_date_button_set_date (PW_DATE_BUTTON (pw_test_find (GTK_WIDGET (editor), PW_TYPE_DATE_BUTTON, NULL)), due);
  if (before == 0)
    {
      pw_test_iterate (400);
      g_free (pw_test_screenshot (GTK_WIDGET (editor), "casework-new-goal-en"));
    }
  pw_test_click (GTK_WIDGET (editor), "_Add");
  pw_test_iterate (50);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_PLAN_ITEM_EDITOR));

  g_assert_cmpuint (pw_plan_page_get_rows (plan_page (window))->len, ==, before + 1);
  for (guint i = 0; i < pw_plan_page_get_rows (plan_page (window))->len; i++)
    {
      PwPlanItem *item = pw_plan_item_row_get_item (g_ptr_array_index (pw_plan_page_get_rows (plan_page (window)), i));

      if (g_strcmp0 (pw_plan_item_get_her_words (item), words) == 0)
        id = pw_plan_item_get_id (item);
    }
  g_assert_cmpint (id, >, 0);
  return id;
}

static PwPlanItemRow *
row_for (GtkWidget *window,
         gint64     item_id)
{
  GPtrArray *rows = pw_plan_page_get_rows (plan_page (window));

  for (guint i = 0; i < rows->len; i++)
    if (pw_plan_item_get_id (pw_plan_item_row_get_item (g_ptr_array_index (rows, i))) == item_id)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
  return NULL;
}

static gint64
audit_count (PwStore    *store,
             const char *kind,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE kind = '%s' AND action = '%s'",
                                          kind, action);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  pw_test_iterate (50);
  dialog = ADW_MESSAGE_DIALOG (pw_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  pw_test_wait_for_frame (GTK_WIDGET (dialog));
  return dialog;
}

/* The overview's line @title says @subtitle and opens the case list on
 * the attention filter @attention, showing only survivor @id. */
static void
assert_overview_line_opens (GtkWidget  *window,
                            const char *title,
                            const char *subtitle,
                            int         attention,
                            gint64      id)
{
  GListModel *model = pw_caseload_view_get_model (caseload (window));
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (window, "win.show-overview", NULL));
  pw_test_wait_for_frame (window);
  pw_overview_page_refresh (PW_OVERVIEW_PAGE (pw_test_find (window, PW_TYPE_OVERVIEW_PAGE, NULL)));
  row = pw_test_find (window, ADW_TYPE_PREFERENCES_ROW, title);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  pw_test_iterate (20);
  g_assert_cmpint (pw_survivor_list_get_attention_filter (PW_SURVIVOR_LIST (model)), ==, attention);
  g_assert_cmpint (pw_survivor_list_get_status_filter (PW_SURVIVOR_LIST (model)), ==, PW_SURVIVOR_STATUS_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(PwSurvivor) s = g_list_model_get_item (model, 0);

    g_assert_cmpint (pw_survivor_get_id (s), ==, id);
  }
}

/* A new user's first minutes with casework, through the real widgets:
 * a survivor, three goals in her words, one achieved, her order changed;
 * then finding her again by search and filter, closing and deleting. */
static void
test_casework_flow (void)
{
  g_autoptr(PwSession) session = new_unlocked_session ();
  PwStore *store = pw_session_get_store (session);
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *next_week = date_from_today (5);
  g_autofree char *next_month = date_from_today (30);
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *achieve, *search;
  PwSurvivorView *view;
  PwCaseloadView *sidebar;
  GListModel *model;
  GPtrArray *rows;
  gint64 sid, other, a, b, c;

  pw_test_set_language ("en");
  window = open_window (session, 1400, 900);
  g_assert_nonnull (pw_test_find (window, ADW_TYPE_STATUS_PAGE, "Welcome to Pathway"));

  sid = create_survivor_through_form (window, "Example Rosemary", "Example Worker", TRUE);
  g_assert_cmpint (sid, >, 0);
  view = survivor_view (window);
  sidebar = caseload (window);
  {
    g_autoptr(PwSurvivor) s = pw_store_get_survivor (store, sid, &error);

    g_assert_cmpstr (pw_survivor_get_case_code (s), ==, "PW-0001");
    g_assert_cmpstr (pw_survivor_get_country (s), ==, "NG");
    g_assert_cmpstr (pw_survivor_get_languages (s)[1], ==, "bin");
    g_assert_cmpstr (pw_survivor_get_current_stage (s), ==, "detection");
  }
  /* Her first risk review, done at intake, is on her file. */
  {
    g_autoptr(GPtrArray) risks = pw_store_list_assessments (store, sid, PW_ASSESSMENT_KIND_RISK, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (risks->len, ==, 1);
    g_assert_cmpstr (pw_assessment_get_review_trigger (g_ptr_array_index (risks, 0)), ==, PW_RISK_TRIGGER_INTAKE);
    g_assert_cmpint (pw_assessment_get_risk_level (g_ptr_array_index (risks, 0)), ==, PW_RISK_LEVEL_LOW);
  }
  /* The header names her by code and alias, and the list selected her. */
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "PW-0001 · Example Rosemary"));
  model = pw_caseload_view_get_model (caseload (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  pw_survivor_view_show_page (survivor_view (window), "plan");
  pw_test_wait_for_frame (window);
  g_assert_nonnull (pw_test_find (window, ADW_TYPE_STATUS_PAGE, "Her Plan Is Empty"));

  a = add_goal_through_form (window, "A room of my own, with a key", "Safe housing", next_month);
  b = add_goal_through_form (window, "Talk to the doctor without an interpreter", "Language course A2", yesterday);
  c = add_goal_through_form (window, "Send money home safely", "Bank account", next_week);

  /* Overdue stands out, and the case list shows a badge. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_for (window, b)), "pw-overdue"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_for (window, a)), "pw-overdue"));
  pw_test_wait_for_frame (window);
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "1 overdue"));

  /* Achieving a goal: a milestone for her map, and a toast. */
  achieve = pw_test_find_with_class (GTK_WIDGET (row_for (window, c)), GTK_TYPE_BUTTON, "pw-achieve-button");
  pw_test_click_button (achieve);
  pw_test_iterate (50);
  {
    g_autoptr(PwPlanItem) item = pw_store_get_plan_item (store, c, &error);

    g_assert_cmpint (pw_plan_item_get_status (item), ==, PW_PLAN_ITEM_STATUS_ACHIEVED);
  }
  milestones = pw_store_list_milestones (store, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (milestones->len, ==, 1);
  g_assert_cmpstr (pw_milestone_get_title (g_ptr_array_index (milestones, 0)), ==, "Send money home safely");
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "Goal achieved! It is now a milestone on her map."));
  g_free (pw_test_screenshot (window, "casework-plan-achieved-en"));

  /* Her order: Alt+Down on the first goal in "Her Order". */
  pw_test_click (window, "Her Order");
  g_signal_emit_by_name (row_for (window, a), "move", 1);
  pw_test_iterate (20);
  rows = pw_plan_page_get_rows (plan_page (window));
  g_assert_cmpint (pw_plan_item_get_id (pw_plan_item_row_get_item (g_ptr_array_index (rows, 0))), ==, b);
  g_assert_cmpint (pw_plan_item_get_id (pw_plan_item_row_get_item (g_ptr_array_index (rows, 1))), ==, a);
  g_assert_cmpint (pw_plan_item_get_priority (pw_plan_item_row_get_item (g_ptr_array_index (rows, 1))), ==, 2);
  /* And by dragging c onto the first place. */
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "dropped-on", c);
  pw_test_iterate (20);
  rows = pw_plan_page_get_rows (plan_page (window));
  g_assert_cmpint (pw_plan_item_get_id (pw_plan_item_row_get_item (g_ptr_array_index (rows, 0))), ==, c);

  /* Ctrl+F on the plan searches her plan. */
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  pw_test_iterate (300);
  search = pw_test_find (GTK_WIDGET (plan_page (window)), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "doctor");
  pw_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row_for (window, b))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_for (window, a))));
  gtk_editable_set_text (GTK_EDITABLE (search), "");

  /* The status history of an edited goal is shown in its editor. */
  g_assert_true (pw_store_set_plan_item_status (store, a, PW_PLAN_ITEM_STATUS_IN_PROGRESS, NULL, &error));
  g_signal_emit_by_name (row_for (window, a), "activate");
  pw_test_iterate (50);
  {
    GtkWidget *editor = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_PLAN_ITEM_EDITOR));

    g_assert_nonnull (editor);
    g_assert_nonnull (pw_test_find (editor, ADW_TYPE_PREFERENCES_ROW, "In progress"));
    g_assert_nonnull (pw_test_find (editor, ADW_TYPE_PREFERENCES_ROW, "Agreed"));
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* A second survivor; then search and filter the list. */
  other = create_survivor_through_form (window, "Example Jasmine", "Example Colleague", FALSE);
  g_assert_cmpint (other, !=, sid);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  /* Skipped: nothing stored, and her first review stays due. */
  {
    g_autoptr(GPtrArray) risks = pw_store_list_assessments (store, other, PW_ASSESSMENT_KIND_RISK, &error);
    g_autoptr(PwReviewDue) due = pw_store_get_review_due (store, other, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (risks->len, ==, 0);
    g_assert_cmpint (due->reason, ==, PW_REVIEW_FIRST);
  }
  pw_caseload_view_focus_search (caseload (window));
  search = pw_test_find (GTK_WIDGET (caseload (window)), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "rosem");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* From the first letter typed. */
  gtk_editable_set_text (GTK_EDITABLE (search), "j");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(PwSurvivor) s = g_list_model_get_item (model, 0);

    g_assert_cmpint (pw_survivor_get_id (s), ==, other);
  }
  /* Goals are found by their titles; her words stay out of the list search. */
  gtk_editable_set_text (GTK_EDITABLE (search), "doctor");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "language course");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* Languages by name (Edo is "bin"), and the key worker. */
  gtk_editable_set_text (GTK_EDITABLE (search), "edo colleague");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "colleague");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "zebra-marker-7431");
  pw_test_iterate (150);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (pw_test_find (window, ADW_TYPE_STATUS_PAGE, "No Matches"));
  pw_test_click (window, "_Clear Search and Filters");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  g_object_set (caseload (window), "key-worker-filter", "example colleague", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "Key worker: example colleague"));
  pw_caseload_view_clear_filters (caseload (window));

  /* The overview's lines open the list filtered. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-overview", NULL));
  pw_test_wait_for_frame (window);
  pw_overview_page_refresh (PW_OVERVIEW_PAGE (pw_test_find (window, PW_TYPE_OVERVIEW_PAGE, NULL)));
  g_assert_nonnull (pw_test_find (window, ADW_TYPE_PREFERENCES_ROW, "Overdue goals"));
  g_free (pw_test_screenshot (window, "casework-overview-en"));
  g_signal_emit_by_name (pw_test_find (window, ADW_TYPE_PREFERENCES_ROW, "Overdue goals"), "activate");
  pw_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (pw_survivor_list_get_status_filter (PW_SURVIVOR_LIST (model)), ==, PW_SURVIVOR_STATUS_ACTIVE);
  pw_caseload_view_apply_filter (caseload (window), "stage:detection");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  pw_caseload_view_clear_filters (caseload (window));

  /* Who needs a risk review (she had hers at intake, the other skipped it),
   * and whose consent runs out within 30 days (hers, in ten days). */
  {
    g_autoptr(PwConsent) consent = pw_consent_new ();
    g_autofree char *in_ten_days = date_from_today (10);
    g_autofree char *today = date_from_today (0);

    pw_consent_set_survivor_id (consent, sid);
    pw_consent_set_scope (consent, PW_CONSENT_SCOPE_SERVICES);
    pw_consent_set_form (consent, PW_CONSENT_FORM_WRITTEN);
    pw_consent_set_status (consent, PW_CONSENT_STATUS_GIVEN);
    pw_consent_set_date (consent, today);
    pw_consent_set_expires (consent, in_ten_days);
    g_assert_cmpint (pw_store_add_consent (store, consent, &error), >, 0);
    g_assert_no_error (error);
  }
  assert_overview_line_opens (window, "Risk reviews due", "1 first assessment",
                              PW_SURVIVOR_ATTENTION_REVIEW_DUE, other);
  assert_overview_line_opens (window, "Consents expiring in the next 30 days", "1 consent · 1 survivor",
                              PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING, sid);
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "Consent expiring in 30 days"));
  pw_caseload_view_clear_filters (caseload (window));

  /* Close with a reason, reopen, then delete after typing the code. */
  pw_caseload_view_select (caseload (window), sid);
  g_signal_emit_by_name (caseload (window), "survivor-activated", sid);
  g_assert_cmpint (pw_survivor_view_get_survivor_id (view), ==, sid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "survivor.close", NULL));
  {
    AdwMessageDialog *dialog = wait_for_dialog ();
    GtkWidget *moved = pw_test_find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);

    for (; moved != NULL; moved = gtk_widget_get_next_sibling (moved))
      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (moved)), "Moved away") == 0)
        break;
    g_assert_nonnull (moved);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (moved), TRUE);
    g_free (pw_test_screenshot (GTK_WIDGET (dialog), "casework-close-dialog-en"));
    pw_test_click (GTK_WIDGET (dialog), "C_lose Case");
  }
  {
    g_autoptr(PwSurvivor) s = pw_store_get_survivor (store, sid, &error);

    g_assert_cmpint (pw_survivor_get_status (s), ==, PW_SURVIVOR_STATUS_CLOSED);
    g_assert_cmpint (pw_survivor_get_close_reason (s), ==, PW_CLOSE_REASON_MOVED);
  }
  pw_test_iterate (400);
  g_assert_nonnull (pw_test_find (window, GTK_TYPE_LABEL, "This case is closed. Reason: Moved away."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "survivor.reopen", NULL));
  g_assert_cmpint (audit_count (store, "survivor", "status"), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "survivor.delete", NULL));
  {
    AdwMessageDialog *dialog = wait_for_dialog ();
    GtkWidget *entry = pw_test_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "PW-0002");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "PW-0001");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
    g_free (pw_test_screenshot (GTK_WIDGET (dialog), "casework-delete-dialog-en"));
    pw_test_click (GTK_WIDGET (dialog), "_Delete");
  }
  g_assert_null (pw_store_get_survivor (store, sid, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (store, "survivor", "delete"), ==, 1);
  pw_test_iterate (50);
  g_assert_cmpint (pw_survivor_view_get_survivor_id (view), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Locking drops every survivor model and closes the editors. */
  pw_caseload_view_select (caseload (window), other);
  g_signal_emit_by_name (caseload (window), "survivor-activated", other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "survivor.edit", NULL));
  pw_test_iterate (20);
  g_assert_nonnull (pw_test_find_toplevel (PW_TYPE_SURVIVOR_EDITOR));
  g_assert_true (gtk_widget_activate_action (window, "win.lock", NULL));
  pw_test_iterate (20);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_SURVIVOR_EDITOR));
  g_assert_null (pw_caseload_view_get_model (sidebar));
  g_assert_cmpint (pw_survivor_view_get_survivor_id (view), ==, 0);
  g_assert_null (pw_test_find (window, GTK_TYPE_LABEL, "PW-0002 · Example Jasmine"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* Every screen, en and it, light and dark, wide and narrow                 */

typedef struct
{
  PwSession *session;
  gint64     survivor_id;
} Screens;

static void
fill_example_caseload (PwStore *store,
                       gint64  *first)
{
  static const char *aliases[] = { "Example Sunflower", NULL, "Example Lark", NULL, "Example Willow", NULL };
  static const char *stages[] = { "recovery", "rights", "autonomy", "detection", "recovery", "rights" };
  g_autofree char *yesterday = date_from_today (-3);
  g_autofree char *soon = date_from_today (4);
  g_autofree char *later = date_from_today (40);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autoptr(PwSurvivor) s = pw_survivor_new ();
      g_autofree char *code = g_strdup_printf ("DEMO-%02u", i + 1);
      const char *languages[] = { "en", "bin", NULL };
      gint64 id;

      pw_survivor_set_case_code (s, code);
      pw_survivor_set_alias (s, aliases[i]);
      pw_survivor_set_country (s, "NG");
      pw_survivor_set_languages (s, languages);
      pw_survivor_set_preferred_language (s, i == 0 ? "it" : "en");
      pw_survivor_set_template_id (s, "default");
      pw_survivor_set_key_worker (s, i % 2 ? "L. Example" : "M. Example");
      pw_survivor_set_intake_date (s, "2025-01-10");
      id = pw_store_add_survivor (store, s, &error);
      g_assert_no_error (error);
      pw_store_set_stage_status (store, id, stages[i], PW_STAGE_STATUS_CURRENT, "2025-03-01", &error);
      g_assert_no_error (error);
      if (i == 0)
        *first = id;
      if (i == 4)
        pw_store_set_survivor_status (store, id, PW_SURVIVOR_STATUS_PAUSED, PW_CLOSE_REASON_NONE, &error);
      /* Risk reviews: hers is current, the second's is past its date,
       * the others have had none yet; her consent to services runs out. */
      if (i <= 1)
        {
          g_autoptr(PwAssessment) risk = pw_assessment_new ();

          pw_assessment_set_survivor_id (risk, id);
          pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
          pw_assessment_set_risk_level (risk, i == 0 ? PW_RISK_LEVEL_LOW : PW_RISK_LEVEL_MEDIUM);
          pw_assessment_set_date (risk, "2025-01-10");
          pw_assessment_set_next_review (risk, i == 0 ? later : "2025-04-10");
          pw_store_add_assessment (store, risk, &error);
          g_assert_no_error (error);
        }
      if (i == 0)
        {
          g_autoptr(PwConsent) consent = pw_consent_new ();

          pw_consent_set_survivor_id (consent, id);
          pw_consent_set_scope (consent, PW_CONSENT_SCOPE_SERVICES);
          pw_consent_set_form (consent, PW_CONSENT_FORM_WRITTEN);
          pw_consent_set_status (consent, PW_CONSENT_STATUS_GIVEN);
          pw_consent_set_date (consent, "2025-01-10");
          pw_consent_set_expires (consent, soon);
          pw_store_add_consent (store, consent, &error);
          g_assert_no_error (error);
        }

      for (guint j = 0; j < (i == 0 ? 6u : i % 3); j++)
        {
          static const char *steps[] = { "recovery.stable-housing", "recovery.psychological-support",
                                         "recovery.language-course", "rights.identity-documents",
                                         "recovery.financial-literacy", "autonomy.work-placement" };
          static const char *words[] = { "A room of my own, with a key",
                                          "Sleep without nightmares",
                                          "Talk to the doctor without an interpreter",
                                          "My own passport in my hands",
                                          "Send money home safely",
                                          "A real job with a contract" };
          static const char *titles[] = { "Semi-independent flat", "Trauma-informed counselling",
                                          "Italian course, level A2", "Passport through the embassy",
                                          "Bank account and budgeting", "Internship" };
          static const int statuses[] = { PW_PLAN_ITEM_STATUS_IN_PROGRESS, PW_PLAN_ITEM_STATUS_AGREED,
                                          PW_PLAN_ITEM_STATUS_ACHIEVED, PW_PLAN_ITEM_STATUS_IN_PROGRESS,
                                          PW_PLAN_ITEM_STATUS_PROPOSED, PW_PLAN_ITEM_STATUS_AGREED };
          g_autoptr(PwPlanItem) item = pw_plan_item_new ();
          const char *step = steps[j];
          const char *dot = strchr (step, '.');
          g_autofree char *stage = g_strndup (step, dot - step);

          pw_plan_item_set_survivor_id (item, id);
          pw_plan_item_set_step_id (item, step);
          pw_plan_item_set_stage_id (item, stage);
          pw_plan_item_set_domain (item, j == 0 ? "housing" : j == 1 ? "psychological" : j == 2 ? "language"
                                         : j == 3 ? "legal" : j == 4 ? "employment" : "employment");
          pw_plan_item_set_her_words (item, words[j]);
          pw_plan_item_set_title (item, titles[j]);
          pw_plan_item_set_responsible (item, j % 2 ? "Example Counselling Service" : "M. Example");
          pw_plan_item_set_due_date (item, j == 1 ? yesterday : j == 4 ? soon : later);
          pw_plan_item_set_status (item, statuses[j]);
          pw_store_add_plan_item (store, item, &error);
          g_assert_no_error (error);
        }
    }
}

static GPtrArray *
shoot_screens (Screens    *screens,
               const char *language,
               gboolean    dark,
               gboolean    wide)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *suffix = g_strdup_printf ("%s-%s-%s", language, wide ? "wide" : "narrow",
                                             dark ? "dark" : "light");
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *window;
  GtkWidget *editor;

#define SHOOT(what, widget) G_STMT_START { \
    g_autofree char *name_ = g_strdup_printf ("casework-%s-%s", what, suffix); \
    g_autoptr(GPtrArray) t_ = NULL; \
    pw_test_wait_for_frame (GTK_WIDGET (widget)); \
    pw_test_iterate (250); \
    g_free (pw_test_screenshot (GTK_WIDGET (widget), name_)); \
    t_ = pw_test_collect_texts (GTK_WIDGET (widget)); \
    for (guint i_ = 0; i_ < t_->len; i_++) \
      g_ptr_array_add (texts, g_strdup (g_ptr_array_index (t_, i_))); \
  } G_STMT_END

  pw_test_set_language (language);
  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = wide ? open_window (screens->session, 1400, 900) : open_window (screens->session, 400, 800);
  if (!wide)
    g_assert_cmpint (gtk_widget_get_width (window), <=, 400);

  SHOOT ("overview", window);

  gtk_widget_activate_action (window, "win.show-caseload", NULL);
  g_object_set (caseload (window), "attention-filter", PW_SURVIVOR_ATTENTION_OVERDUE, NULL);
  SHOOT ("list-filtered", window);
  pw_caseload_view_clear_filters (caseload (window));

  pw_caseload_view_select (caseload (window), screens->survivor_id);
  g_signal_emit_by_name (caseload (window), "survivor-activated", screens->survivor_id);
  pw_survivor_view_show_page (survivor_view (window), "plan");
  SHOOT ("plan", window);
  pw_test_click (window, pw_test_find (window, GTK_TYPE_TOGGLE_BUTTON, _("Her Order")) ? _("Her Order") : "Her Order");
  SHOOT ("plan-her-order", window);

  pw_survivor_view_show_page (survivor_view (window), "pathway");
  SHOOT ("pathway", window);

  g_assert_true (gtk_widget_activate_action (window, "win.survivor-view", NULL));
  g_assert_true (pw_window_get_survivor_mode (PW_WINDOW (window)));
  /* Her own view takes the whole window (src/pw-survivor-facing-view.c). */
  pw_survivor_facing_view_show_page (PW_SURVIVOR_FACING_VIEW (pw_test_find (window, PW_TYPE_SURVIVOR_FACING_VIEW, NULL)),
                                     "plan");
  /* Her view speaks her preferred language, not the interface's: its
   * texts are checked in test-survivor-facing, not collected here. */
  {
    g_autofree char *name_ = g_strdup_printf ("casework-survivor-view-%s", suffix);

    pw_test_wait_for_frame (window);
    pw_test_iterate (250);
    g_free (pw_test_screenshot (window, name_));
  }
  pw_window_set_survivor_mode (PW_WINDOW (window), FALSE);
  pw_survivor_view_show_page (survivor_view (window), "plan");

  gtk_widget_activate_action (GTK_WIDGET (survivor_view (window)), "survivor.edit", NULL);
  pw_test_iterate (30);
  editor = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_SURVIVOR_EDITOR));
  g_assert_nonnull (editor);
  if (!wide)
    gtk_window_set_default_size (GTK_WINDOW (editor), 400, 800);
  SHOOT ("survivor-editor", editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  g_signal_emit_by_name (g_ptr_array_index (pw_plan_page_get_rows (plan_page (window)), 0), "activate");
  pw_test_iterate (30);
  editor = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_PLAN_ITEM_EDITOR));
  g_assert_nonnull (editor);
  if (!wide)
    gtk_window_set_default_size (GTK_WINDOW (editor), 400, 800);
  SHOOT ("goal-editor", editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
#undef SHOOT
  return texts;
}

static void
assert_translated (GPtrArray  *english,
                   GPtrArray  *translated,
                   const char *language)
{
  g_autoptr(GHashTable) ours = pw_test_load_msgids (language);

  for (guint i = 0; i < translated->len; i++)
    {
      const char *text = g_ptr_array_index (translated, i);

      if (g_strv_contains (untranslatable, text) || !g_hash_table_contains (ours, text))
        continue;
      for (guint j = 0; j < english->len; j++)
        if (g_str_equal (text, g_ptr_array_index (english, j)))
          g_error ("“%s” is still in English with LANGUAGE=%s", text, language);
    }
}

static void
test_casework_screens (void)
{
  g_autoptr(PwSession) session = new_unlocked_session ();
  Screens screens = { session, 0 };

  fill_example_caseload (pw_session_get_store (session), &screens.survivor_id);

  for (int wide = 1; wide >= 0; wide--)
    {
      g_autoptr(GPtrArray) en = shoot_screens (&screens, "en", FALSE, wide);
      g_autoptr(GPtrArray) en_dark = shoot_screens (&screens, "en", TRUE, wide);
      g_autoptr(GPtrArray) it = shoot_screens (&screens, "it", FALSE, wide);
      g_autoptr(GPtrArray) it_dark = shoot_screens (&screens, "it", TRUE, wide);
      g_autoptr(GPtrArray) es = shoot_screens (&screens, "es", FALSE, wide);

      assert_translated (en, it, "it");
      assert_translated (en, es, "es");
    }
  pw_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/casework/flow", test_casework_flow);
  g_test_add_func ("/casework/screens", test_casework_screens);

  return g_test_run ();
}
