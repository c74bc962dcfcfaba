/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-first-meeting"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pw-date-button.h"
#include "pw-form-dialog.h"
#include "pw-iso-picker.h"
#include "pw-notes-page.h"
#include "pw-progress-chart.h"
#include "pw-progress-page.h"
#include "pw-risk-review-dialog.h"
#include "pw-safety-page.h"
#include "pw-services-window.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* A first meeting with a fictional survivor, through the real widgets of
 * the Safety & consent, Progress and Notes tabs: risk review, a change of
 * home and the review it calls for, the service network, consent, a
 * referral that cannot go out without consent and one that can, basic
 * needs, three check-ins, a milestone, notes open and restricted — then
 * screenshots in English and Italian, light and dark. */

#define SECRET "zebra-marker-7431 restricted words"

static const char *passphrase_a = "first example passphrase for tests";
static const char *passphrase_b = "second example passphrase for tests";

typedef struct
{
  char         *dir;
  PwSession    *session;
  gint64        sid;
  GtkWindow    *window;
  AdwViewStack *stack;
  GtkWidget    *safety;
  GtkWidget    *progress;
  GtkWidget    *notes;
} Fixture;

static PwStore *
store_of (Fixture *f)
{
  return pw_session_get_store (f->session);
}

/* Clicks and lets the page or the dialog it opens settle. */
static void
click (GtkWidget *button)
{
  pw_test_click_button (button);
  pw_test_iterate (30);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = pw_test_find (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  return button;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = pw_test_find (root, ADW_TYPE_PREFERENCES_ROW, title);

  if (row == NULL)
    g_error ("no row “%s”", title);
  return row;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip_any (GtkWidget  *root,
                  const char *tooltip)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip_any (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
destroy_toplevels (GType type)
{
  GtkWindow *w;

  while ((w = pw_test_find_toplevel (type)) != NULL)
    gtk_window_destroy (w);
}

static gboolean
texts_contain (GtkWidget  *root,
               const char *needle)
{
  g_autoptr(GPtrArray) texts = pw_test_collect_texts (root);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
expand_all (GtkWidget *root)
{
  if (ADW_IS_EXPANDER_ROW (root))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static void
open_pages (Fixture *f,
            int      width,
            int      height)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  f->safety = pw_safety_page_new (f->session);
  f->progress = pw_progress_page_new (f->session);
  f->notes = pw_notes_page_new (f->session);
  adw_view_stack_add_titled (f->stack, f->safety, "safety", _("Safety & Consent"));
  adw_view_stack_add_titled (f->stack, f->progress, "progress", _("Progress"));
  adw_view_stack_add_titled (f->stack, f->notes, "notes", _("Notes"));
  pw_safety_page_set_survivor_id (PW_SAFETY_PAGE (f->safety), f->sid);
  pw_progress_page_set_survivor_id (PW_PROGRESS_PAGE (f->progress), f->sid);
  pw_notes_page_set_survivor_id (PW_NOTES_PAGE (f->notes), f->sid);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->stack));
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
  pw_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
show (Fixture    *f,
      const char *page)
{
  adw_view_stack_set_visible_child_name (f->stack, page);
  pw_test_iterate (30);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;

  pw_test_set_language ("en");
  f->dir = g_dir_make_tmp ("pw-first-meeting-XXXXXX", NULL);
  vault = pw_vault_new (f->dir);
  f->session = pw_session_new (vault, settings);
  pw_session_set_kdf_cost (f->session, pw_kdf_cost_fast ());
  recovery = pw_vault_create (vault, "Example Worker", passphrase_a, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);

  pw_survivor_set_case_code (survivor, "TEST-001");
  pw_survivor_set_alias (survivor, "Example Rosemary");
  pw_survivor_set_template_id (survivor, "default");
  pw_survivor_set_intake_date (survivor, "2026-01-05");
  f->sid = pw_store_add_survivor (store_of (f), survivor, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_toplevels (GTK_TYPE_WINDOW);
  pw_vault_lock (pw_session_get_vault (f->session));
  g_clear_object (&f->session);
  remove_tree (f->dir);
  g_free (f->dir);
  pw_test_set_language ("en");
}

/* ------------------------------------------------------------------------ */
/* The steps                                                                */

static gint64
count_assessments (Fixture          *f,
                   PwAssessmentKind  kind)
{
  g_autoptr(GPtrArray) list = pw_store_list_assessments (store_of (f), f->sid, kind, NULL);

  return list->len;
}

static PwAssessment *
latest_assessment (Fixture          *f,
                   PwAssessmentKind  kind)
{
  g_autoptr(GPtrArray) list = pw_store_list_assessments (store_of (f), f->sid, kind, NULL);

  g_assert_cmpuint (list->len, >, 0);
  return g_object_ref (g_ptr_array_index (list, list->len - 1));
}

static void
step_first_risk_review (Fixture *f)
{
  g_autoptr(PwAssessment) risk = NULL;
  const char *expected_next = "2026-02-05";
  GtkWidget *dialog, *save, *row;

  show (f, "safety");
  /* Safety first: the tab asks for the first assessment. */
  find_row (f->safety, "No risk assessment yet");
  click (find_button (f->safety, "_Assess Risk…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));
  g_assert_nonnull (dialog);
  pw_test_wait_for_frame (dialog);

  /* Nothing to save until a level is chosen. */
  save = find_button (dialog, "_Save Review");
  g_assert_false (gtk_widget_is_sensitive (save));
  /* Assessed at intake. */
  pw_date_button_set_date (PW_DATE_BUTTON (pw_test_find (find_row (dialog, "Date"), PW_TYPE_DATE_BUTTON, NULL)),
                           "2026-01-05");
  pw_test_click (dialog, C_("risk", "High"));
  g_assert_true (gtk_widget_is_sensitive (save));
  /* The next review follows the level: a month when high. */
  g_assert_cmpstr (pw_date_button_get_date (PW_DATE_BUTTON (pw_test_find (find_row (dialog, "Review again by"),
                                                                          PW_TYPE_DATE_BUTTON, NULL))),
                   ==, expected_next);
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "Pressure to pay a debt")));
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "Threats to her relatives")));
  /* "Something else" needs its words before Save. */
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "Something else")));
  g_assert_false (gtk_widget_is_sensitive (save));
  row = find_row (dialog, "The other factor, in a few words");
  gtk_editable_set_text (GTK_EDITABLE (row), "Example factor TEST-RF");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (dialog, "Why now"))), ==, 0);
  pw_test_screenshot (dialog, "first-meeting-risk-dialog-en");
  click (save);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));

  risk = latest_assessment (f, PW_ASSESSMENT_KIND_RISK);
  g_assert_cmpint (pw_assessment_get_risk_level (risk), ==, PW_RISK_LEVEL_HIGH);
  g_assert_cmpstr (pw_assessment_get_review_trigger (risk), ==, "intake");
  g_assert_cmpstr (pw_assessment_get_assessor (risk), ==, "Example Worker");
  g_assert_cmpstr (pw_assessment_get_next_review (risk), ==, expected_next);
  g_assert_cmpuint (g_strv_length ((char **) pw_assessment_get_risk_factors (risk)), ==, 3);
  g_assert_true (g_strv_contains (pw_assessment_get_risk_factors (risk), "debt_pressure"));
  g_assert_true (g_strv_contains (pw_assessment_get_risk_factors (risk), "other:Example factor TEST-RF"));
  pw_test_iterate (50);
  g_assert_null (pw_test_find (f->safety, ADW_TYPE_PREFERENCES_ROW, "No risk assessment yet"));
}

static void
step_move_prompts_review (Fixture *f)
{
  g_autoptr(PwAssessment) risk = NULL;
  GtkWidget *dialog;

  /* She moves: recorded on her file, the tab asks for a new review. */
  click (find_button (f->safety, "Record a _Change…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (dialog, "What changed"))), ==, 0);
  click (find_button (dialog, "_Record"));
  pw_test_iterate (50);
  find_row (f->safety, "A new risk review is due");
  g_assert_true (texts_contain (f->safety, "She moved to a new home on"));
  pw_test_screenshot (GTK_WIDGET (f->window), "first-meeting-safety-review-due-en");

  click (find_button (f->safety, "_Review Risk…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));
  /* The reason is filled in from the change. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (dialog, "Why now"))), ==, 2);
  pw_test_click (dialog, C_("risk", "Medium"));
  adw_action_row_activate (ADW_ACTION_ROW (find_row (dialog, "Exposure through programme activities")));
  click (find_button (dialog, "_Save Review"));
  pw_test_iterate (50);
  risk = latest_assessment (f, PW_ASSESSMENT_KIND_RISK);
  g_assert_cmpstr (pw_assessment_get_review_trigger (risk), ==, "residence");
  g_assert_null (pw_test_find (f->safety, ADW_TYPE_PREFERENCES_ROW, "A new risk review is due"));
  g_assert_cmpint (count_assessments (f, PW_ASSESSMENT_KIND_RISK), ==, 2);
}

static gint64
service_id_named (Fixture    *f,
                  const char *name)
{
  g_autoptr(GPtrArray) services = pw_store_list_services (store_of (f), NULL);

  for (guint i = 0; i < services->len; i++)
    if (g_str_equal (pw_service_get_name (g_ptr_array_index (services, i)), name))
      return pw_service_get_id (g_ptr_array_index (services, i));
  return 0;
}

static void
step_service_network (Fixture *f)
{
  PwServicesWindow *window = pw_services_window_new (GTK_WIDGET (f->window), f->session);
  g_autoptr(GPtrArray) services = NULL;
  GtkWidget *dialog, *picker;
  AdwComboRow *kind;

  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (texts_contain (GTK_WIDGET (window), "No services yet"));
  click (find_tooltip (GTK_WIDGET (window), "Add a Service"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "_Add")));
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Name")), "Example Shelter");
  kind = ADW_COMBO_ROW (find_row (dialog, "Area of life"));
  adw_combo_row_set_selected (kind, 3);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Contact (the service’s own, never hers)")),
                         "Example desk, 555-0100");
  picker = pw_test_find (dialog, PW_TYPE_ISO_PICKER, NULL);
  pw_iso_picker_pick (PW_ISO_PICKER (picker), "it");
  pw_iso_picker_pick (PW_ISO_PICKER (picker), "en");
  click (find_button (dialog, "_Add"));
  pw_test_iterate (30);

  services = pw_store_list_services (store_of (f), NULL);
  g_assert_cmpuint (services->len, ==, 1);
  g_assert_cmpstr (pw_service_get_name (g_ptr_array_index (services, 0)), ==, "Example Shelter");
  g_assert_cmpuint (g_strv_length ((char **) pw_service_get_languages (g_ptr_array_index (services, 0))), ==, 2);
  g_assert_true (texts_contain (GTK_WIDGET (window), "Example Shelter"));
  pw_test_screenshot (GTK_WIDGET (window), "first-meeting-services-en");
  gtk_window_destroy (GTK_WINDOW (window));

  /* A second service, for which she gives no consent. */
  {
    g_autoptr(PwService) school = pw_service_new ();

    pw_service_set_name (school, "Example Language School");
    pw_service_set_kind (school, "language");
    g_assert_cmpint (pw_store_add_service (store_of (f), school, NULL), >, 0);
  }
}

static void
step_consent (Fixture *f)
{
  g_autoptr(GPtrArray) consents = NULL;
  GtkWidget *dialog, *save;

  click (find_button (f->safety, "Record _Consent…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  save = find_button (dialog, "_Save Consent");
  /* Sharing data needs the service it is shared with. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "What for")), PW_CONSENT_SCOPE_DATA_SHARING);
  g_assert_false (gtk_widget_is_sensitive (save));
  /* Services by name: the language school, then the shelter; "None" first. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Shared with")), 2);
  g_assert_true (gtk_widget_is_sensitive (save));
  click (save);
  pw_test_iterate (50);

  consents = pw_store_list_consents (store_of (f), f->sid, NULL);
  g_assert_cmpuint (consents->len, ==, 1);
  g_assert_cmpint (pw_consent_get_service_id (g_ptr_array_index (consents, 0)), ==,
                   service_id_named (f, "Example Shelter"));
  g_assert_cmpint (pw_consent_get_form (g_ptr_array_index (consents, 0)), ==, PW_CONSENT_FORM_WRITTEN);
  find_row (f->safety, "Sharing her data with Example Shelter");
}

static void
step_referrals (Fixture *f)
{
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GArray) history = NULL;
  GtkWidget *dialog, *save, *expander;

  click (find_button (f->safety, "New _Referral…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  save = find_button (dialog, "_Save Referral");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (find_row (dialog, "To the service")))), ==, 2);
  /* A service added meanwhile (from the + button) shows up in the open form. */
  {
    g_autoptr(PwService) extra = pw_service_new ();

    pw_service_set_name (extra, "Example Health Centre");
    g_assert_cmpint (pw_store_add_service (store_of (f), extra, NULL), >, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (find_row (dialog, "To the service")))), ==, 3);

  /* To the school, sent, without her consent: impossible. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "To the service")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Status")), 1);
  find_row (dialog, "No consent of hers covers this service");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (pw_form_dialog_save (PW_FORM_DIALOG (dialog)));
  pw_test_screenshot (dialog, "first-meeting-referral-no-consent-en");

  /* To the shelter: her consent covers it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "To the service")), 2);
  g_assert_true (texts_contain (dialog, "Covered by her written consent of"));
  g_assert_true (gtk_widget_is_sensitive (save));
  click (save);
  pw_test_iterate (50);

  referrals = pw_store_list_referrals (store_of (f), f->sid, NULL);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpint (pw_referral_get_status (g_ptr_array_index (referrals, 0)), ==, PW_REFERRAL_STATUS_SENT);
  g_assert_cmpint (pw_referral_get_consent_id (g_ptr_array_index (referrals, 0)), >, 0);
  g_assert_cmpint (pw_referral_get_service_id (g_ptr_array_index (referrals, 0)), ==,
                   service_id_named (f, "Example Shelter"));

  /* The shelter accepts her. */
  expander = find_row (f->safety, "Example Shelter");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  pw_test_iterate (50);
  click (find_button (expander, "_Accepted…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Outcome")), "Example outcome: a place from Monday");
  click (find_button (dialog, "_Save"));
  pw_test_iterate (50);
  history = pw_store_list_referral_history (store_of (f), pw_referral_get_id (g_ptr_array_index (referrals, 0)), NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (g_array_index (history, PwReferralStatusDate, 1).status, ==, PW_REFERRAL_STATUS_ACCEPTED);
  g_clear_pointer (&referrals, g_ptr_array_unref);
  referrals = pw_store_list_referrals (store_of (f), f->sid, NULL);
  g_assert_cmpstr (pw_referral_get_outcome (g_ptr_array_index (referrals, 0)), ==, "Example outcome: a place from Monday");
}

static void
step_needs (Fixture *f)
{
  g_autoptr(PwAssessment) needs = NULL;
  GtkWidget *dialog, *row, *drop;
  GPtrArray *items;

  click (find_button (f->safety, "New _Snapshot…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  /* Nothing asked yet, nothing to save. */
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "_Save Snapshot")));
  row = find_row (dialog, "Safe housing");
  drop = pw_test_find (row, GTK_TYPE_DROP_DOWN, NULL);
  /* "Not asked" comes first in the list. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), 1 + PW_NEED_COVERAGE_COVERED);
  row = find_row (dialog, "The need, in her words");
  gtk_editable_set_text (GTK_EDITABLE (row), "Sending money to her family");
  /* Coverage, then her priority. */
  drop = pw_test_find (row, GTK_TYPE_DROP_DOWN, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), 1 + PW_NEED_COVERAGE_NOT_COVERED);
  drop = gtk_widget_get_next_sibling (drop);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), 1);
  click (find_button (dialog, "_Save Snapshot"));
  pw_test_iterate (50);

  needs = latest_assessment (f, PW_ASSESSMENT_KIND_NEEDS);
  items = pw_assessment_get_needs (needs);
  /* Food, clothing and health care were not asked about: left out. */
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((PwNeedItem *) g_ptr_array_index (items, 0))->need, ==, "housing");
  g_assert_cmpint (((PwNeedItem *) g_ptr_array_index (items, 0))->coverage, ==, PW_NEED_COVERAGE_COVERED);
  g_assert_cmpstr (((PwNeedItem *) g_ptr_array_index (items, 1))->label, ==, "Sending money to her family");
  g_assert_cmpint (((PwNeedItem *) g_ptr_array_index (items, 1))->coverage, ==, PW_NEED_COVERAGE_NOT_COVERED);
  g_assert_cmpint (((PwNeedItem *) g_ptr_array_index (items, 1))->priority, ==, 1);
  find_row (f->safety, "Sending money to her family");
}

static void
checkin (Fixture    *f,
         const char *date,
         int         safety_her,
         int         safety_worker,
         int         housing_her,
         int         language_her,
         const char *comment)
{
  struct { const char *indicator; int her, worker; } scores[] = {
    { "safety.feeling-safe", safety_her, safety_worker },
    { "housing.stable-home", housing_her, housing_her },
    { "language.everyday-communication", language_her, 0 },
  };
  GtkWidget *dialog, *save, *text;
  GtkTextBuffer *buffer;

  show (f, "progress");
  click (find_button (f->progress, "New _Check-in…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  save = find_button (dialog, "_Save Check-in");
  g_assert_false (gtk_widget_is_sensitive (save));
  pw_date_button_set_date (PW_DATE_BUTTON (pw_test_find (dialog, PW_TYPE_DATE_BUTTON, NULL)), date);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *her = g_strdup_printf ("her-%s-%d", scores[i].indicator, scores[i].her);
      g_autofree char *worker = g_strdup_printf ("worker-%s-%d", scores[i].indicator, scores[i].worker);
      GtkWidget *button = find_named (dialog, her);

      if (button == NULL)
        g_error ("no score button %s", her);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      if (scores[i].worker > 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, worker)), TRUE);
    }
  /* The anchor text of the chosen level is shown, in the interface language. */
  g_assert_true (texts_contain (dialog, "Her: "));
  text = pw_test_find (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
  gtk_text_buffer_set_text (buffer, comment, -1);
  if (g_str_equal (date, "2026-01-05"))
    pw_test_screenshot (dialog, "first-meeting-checkin-dialog-en");
  click (save);
  pw_test_iterate (50);
}

static void
step_checkins (Fixture *f)
{
  g_autoptr(PwAssessment) last = NULL;
  PwProgressChart *chart;
  const char *summary;

  checkin (f, "2026-01-05", 1, 2, 2, 1, "Example comment: hard weeks");
  checkin (f, "2026-02-04", 2, 2, 3, 2, "Example comment: a little better");
  checkin (f, "2026-03-03", 4, 3, 4, 3, "Example comment: I sleep now");
  g_assert_cmpint (count_assessments (f, PW_ASSESSMENT_KIND_CHECKIN), ==, 3);
  last = latest_assessment (f, PW_ASSESSMENT_KIND_CHECKIN);
  g_assert_cmpuint (pw_assessment_get_scores (last)->len, ==, 3);
  g_assert_cmpstr (pw_assessment_get_notes (last), ==, "Example comment: I sleep now");

  /* The chart shows three areas over three check-ins. */
  chart = PW_PROGRESS_CHART (pw_test_find (f->progress, PW_TYPE_PROGRESS_CHART, NULL));
  g_assert_nonnull (chart);
  g_assert_cmpuint (pw_progress_chart_get_n_series (chart), ==, 3);
  summary = pw_progress_chart_get_summary (chart);
  g_assert_nonnull (strstr (summary, "Safety: 1 on 5 Jan 2026, 2 on 4 Feb 2026, 4 on 3 Mar 2026."));
  /* Distance travelled, plainly. */
  find_row (f->progress, "Safety");
  g_assert_true (texts_contain (f->progress, "From 1 on 5 Jan 2026 to 4 on 3 Mar 2026"));
  g_assert_true (texts_contain (f->progress, "+3"));
  /* The worker's view is one click away. */
  pw_test_click (f->progress, "Worker’s");
  g_assert_nonnull (strstr (pw_progress_chart_get_summary (chart), "Safety: 2 on 5 Jan 2026, 2 on 4 Feb 2026, 3 on 3 Mar 2026."));
  pw_test_click (f->progress, "Hers");
}

static void
step_milestone (Fixture *f)
{
  g_autoptr(GPtrArray) milestones = NULL;
  GtkWidget *dialog;

  click (find_button (f->progress, "Add _Milestone…"));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "_Add Milestone")));
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "What she achieved")), "Example milestone: first bank account");
  click (find_button (dialog, "_Add Milestone"));
  pw_test_iterate (50);
  milestones = pw_store_list_milestones (store_of (f), f->sid, NULL);
  g_assert_cmpuint (milestones->len, ==, 1);
  find_row (f->progress, "Example milestone: first bank account");
}

static void
write_note (Fixture    *f,
            const char *text,
            gboolean    restricted)
{
  GtkWidget *view = pw_test_find (f->notes, GTK_TYPE_TEXT_VIEW, NULL);
  GtkWidget *add = find_button (f->notes, "_Add Note");

  g_assert_false (gtk_widget_is_sensitive (add));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  if (restricted)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (pw_test_find (f->notes, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  click (add);
  pw_test_iterate (50);
}

static void
step_notes (Fixture *f)
{
  g_autoptr(GPtrArray) notes = NULL;

  show (f, "notes");
  write_note (f, "Example note: met with the mediator TEST-N1", FALSE);
  write_note (f, SECRET, TRUE);
  notes = pw_store_list_notes (store_of (f), f->sid, NULL);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (pw_note_get_restricted (g_ptr_array_index (notes, 1)));
  g_assert_true (texts_contain (f->notes, SECRET));
  g_assert_true (texts_contain (f->notes, "TEST-N1"));
}

/* Another member of the team, with her own passphrase, sees that the
 * restricted note exists and who wrote it, never its text. */
static void
step_other_slot (Fixture *f)
{
  PwVault *vault = pw_session_get_vault (f->session);
  g_autoptr(PwKeySlot) slot = NULL;
  g_autoptr(GError) error = NULL;

  slot = pw_vault_add_passphrase_slot (vault, "Example Colleague", passphrase_b, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_session_lock (f->session);
  pw_test_iterate (30);
  /* Locked: nothing of her stays in the tabs. */
  g_assert_cmpint (pw_notes_page_get_survivor_id (PW_NOTES_PAGE (f->notes)), ==, 0);
  g_assert_cmpint (pw_safety_page_get_survivor_id (PW_SAFETY_PAGE (f->safety)), ==, 0);
  g_assert_false (texts_contain (f->notes, "TEST-N1"));
  g_assert_false (texts_contain (f->safety, "Example Shelter"));
  g_assert_false (texts_contain (f->progress, "Example milestone"));

  g_assert_true (pw_vault_unlock (vault, passphrase_b, &error));
  g_assert_no_error (error);
  pw_test_iterate (30);
  pw_notes_page_set_survivor_id (PW_NOTES_PAGE (f->notes), f->sid);
  pw_test_iterate (30);
  g_assert_true (texts_contain (f->notes, "TEST-N1"));
  g_assert_false (texts_contain (f->notes, "zebra-marker-7431"));
  g_assert_true (texts_contain (f->notes, "A restricted note by Example Worker. Only its author can read it."));
  pw_test_screenshot (GTK_WIDGET (f->window), "first-meeting-notes-other-slot-en");

  pw_session_lock (f->session);
  g_assert_true (pw_vault_unlock (vault, passphrase_a, &error));
  pw_test_iterate (30);
}

/* ------------------------------------------------------------------------ */
/* Screenshots                                                              */

static void
assert_translated (GPtrArray  *english,
                   GPtrArray  *translated,
                   const char *language)
{
  g_autoptr(GHashTable) ours = pw_test_load_msgids (language);

  for (guint i = 0; i < translated->len; i++)
    {
      const char *text = g_ptr_array_index (translated, i);

      if (!g_hash_table_contains (ours, text))
        continue;
      for (guint j = 0; j < english->len; j++)
        if (g_str_equal (text, g_ptr_array_index (english, j)) && strlen (text) > 2)
          g_error ("“%s” is still in English with LANGUAGE=%s", text, language);
    }
}

static GPtrArray *
shoot_all (Fixture    *f,
           const char *language,
           gboolean    dark)
{
  static const char *pages[] = { "safety", "progress", "notes" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog;

  pw_test_set_language (language);
  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  open_pages (f, 900, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("first-meeting-%s-%s-%s", pages[i], language,
                                               dark ? "dark" : "light");
      g_autoptr(GPtrArray) page_texts = NULL;

      GtkScrolledWindow *scroller;
      GtkAdjustment *adj;

      show (f, pages[i]);
      expand_all (adw_view_stack_get_visible_child (f->stack));
      pw_test_iterate (50);
      pw_test_screenshot (GTK_WIDGET (f->window), name);
      /* And the rest of the page, scrolled to the end. */
      scroller = GTK_SCROLLED_WINDOW (pw_test_find (adw_view_stack_get_visible_child (f->stack),
                                                    GTK_TYPE_SCROLLED_WINDOW, NULL));
      adj = gtk_scrolled_window_get_vadjustment (scroller);
      if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 1)
        {
          g_autofree char *end = g_strconcat (name, "-end", NULL);

          gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
          pw_test_iterate (30);
          pw_test_screenshot (GTK_WIDGET (f->window), end);
        }
      page_texts = pw_test_collect_texts (adw_view_stack_get_visible_child (f->stack));
      for (guint j = 0; j < page_texts->len; j++)
        g_ptr_array_add (texts, g_strdup (g_ptr_array_index (page_texts, j)));
    }

  /* The forms a worker fills with her, in the same language. */
  show (f, "progress");
  click (find_button (f->progress, _("New _Check-in…")));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "her-safety.feeling-safe-3")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "worker-safety.feeling-safe-2")), TRUE);
  {
    g_autofree char *name = g_strdup_printf ("first-meeting-checkin-%s-%s", language, dark ? "dark" : "light");
    g_autoptr(GPtrArray) dialog_texts = pw_test_collect_texts (dialog);

    pw_test_screenshot (dialog, name);
    for (guint j = 0; j < dialog_texts->len; j++)
      g_ptr_array_add (texts, g_strdup (g_ptr_array_index (dialog_texts, j)));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  show (f, "safety");
  click (find_button (f->safety, _("_New Review…")));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_RISK_REVIEW_DIALOG));
  {
    g_autofree char *name = g_strdup_printf ("first-meeting-risk-%s-%s", language, dark ? "dark" : "light");
    g_autoptr(GPtrArray) dialog_texts = pw_test_collect_texts (dialog);

    pw_test_screenshot (dialog, name);
    for (guint j = 0; j < dialog_texts->len; j++)
      g_ptr_array_add (texts, g_strdup (g_ptr_array_index (dialog_texts, j)));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  click (find_button (f->safety, _("New _Referral…")));
  dialog = GTK_WIDGET (pw_test_find_toplevel (PW_TYPE_FORM_DIALOG));
  {
    g_autofree char *name = g_strdup_printf ("first-meeting-referral-%s-%s", language, dark ? "dark" : "light");
    g_autoptr(GPtrArray) dialog_texts = pw_test_collect_texts (dialog);

    pw_test_screenshot (dialog, name);
    for (guint j = 0; j < dialog_texts->len; j++)
      g_ptr_array_add (texts, g_strdup (g_ptr_array_index (dialog_texts, j)));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Narrow: the tabs at 360 pixels. */
  gtk_window_destroy (f->window);
  open_pages (f, 360, 900);
  {
    g_autofree char *name = g_strdup_printf ("first-meeting-safety-%s-narrow-%s", language, dark ? "dark" : "light");

    show (f, "safety");
    pw_test_screenshot (GTK_WIDGET (f->window), name);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  }
  gtk_window_destroy (f->window);
  f->window = NULL;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  pw_test_set_language ("en");
  return texts;
}

static void
test_first_meeting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) en = NULL;
  g_autoptr(GPtrArray) it = NULL;
  g_autoptr(GPtrArray) es = NULL;

  open_pages (f, 900, 1000);
  step_first_risk_review (f);
  step_move_prompts_review (f);
  step_service_network (f);
  step_consent (f);
  step_referrals (f);
  step_needs (f);
  step_checkins (f);
  step_milestone (f);
  step_notes (f);
  step_other_slot (f);
  gtk_window_destroy (f->window);
  f->window = NULL;

  en = shoot_all (f, "en", FALSE);
  g_clear_pointer (&en, g_ptr_array_unref);
  en = shoot_all (f, "en", TRUE);
  it = shoot_all (f, "it", FALSE);
  g_clear_pointer (&it, g_ptr_array_unref);
  it = shoot_all (f, "it", TRUE);
  assert_translated (en, it, "it");
  es = shoot_all (f, "es", FALSE);
  assert_translated (en, es, "es");
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The service network opens from the main menu of the window. */
static void
test_services_from_menu (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (pw_window_new (NULL, f->session));
  GtkWidget *menu_button;

  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  menu_button = find_tooltip_any (GTK_WIDGET (window), "Main Menu");
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.services"));

  g_assert_null (pw_test_find_toplevel (PW_TYPE_SERVICES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.services", NULL));
  pw_test_iterate (30);
  g_assert_nonnull (pw_test_find_toplevel (PW_TYPE_SERVICES_WINDOW));
  destroy_toplevels (PW_TYPE_SERVICES_WINDOW);

  /* Locked, it is not offered. */
  pw_session_lock (f->session);
  pw_test_iterate (30);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.services", NULL);
  pw_test_iterate (30);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_SERVICES_WINDOW));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/first-meeting/full", Fixture, NULL, fixture_set_up, test_first_meeting, fixture_tear_down);
  g_test_add ("/first-meeting/services-from-menu", Fixture, NULL, fixture_set_up, test_services_from_menu,
              fixture_tear_down);

  return g_test_run ();
}
