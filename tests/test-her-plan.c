/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-her-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pw-her-plan.h"
#include "her-plan-fixture.h"

typedef HerPlanFixture Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  hpf_set_up (f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  hpf_tear_down (f);
}

static PwHerPlan *
load (Fixture    *f,
      gint64      survivor_id,
      const char *language)
{
  g_autoptr(GError) error = NULL;
  PwHerPlan *plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                     survivor_id, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
test_goals_in_her_order (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PwHerPlan) plan = load (f, f->survivor_id, NULL);
  GPtrArray *goals = pw_her_plan_get_goals (plan);
  PwStep *documents = pw_template_lookup_step (pw_her_plan_get_template (plan), "rights.identity-documents");

  /* Her ranking; achieved and dropped goals are not "to do". */
  g_assert_cmpuint (goals->len, ==, 3);
  g_assert_cmpint (pw_plan_item_get_id (g_ptr_array_index (goals, 0)), ==, f->items[2]);
  g_assert_cmpint (pw_plan_item_get_id (g_ptr_array_index (goals, 1)), ==, f->items[0]);
  g_assert_cmpint (pw_plan_item_get_id (g_ptr_array_index (goals, 2)), ==, f->items[1]);

  /* Her words first; without them the step's title in her language, never
   * the worker's own title. */
  g_assert_cmpstr (pw_her_plan_goal_text (plan, g_ptr_array_index (goals, 0)), ==, HPF_GOAL_3);
  g_assert_cmpstr (pw_her_plan_goal_text (plan, g_ptr_array_index (goals, 1)), ==, HPF_GOAL_1);
  g_assert_cmpstr (pw_her_plan_goal_text (plan, g_ptr_array_index (goals, 2)), ==,
                   pw_step_get_title (documents, "es"));
  g_assert_cmpstr (pw_step_get_title (documents, "es"), !=, pw_step_get_title (documents, "en"));
}

static void
test_next_steps_by_date (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PwHerPlan) plan = load (f, f->survivor_id, NULL);
  GPtrArray *next = pw_her_plan_get_next_steps (plan);

  /* Dated, still to do, not paused; soonest first whatever her ranking. */
  g_assert_cmpuint (next->len, ==, 2);
  g_assert_cmpint (pw_plan_item_get_id (g_ptr_array_index (next, 0)), ==, f->items[1]);
  g_assert_cmpint (pw_plan_item_get_id (g_ptr_array_index (next, 1)), ==, f->items[0]);
}

static void
test_achievements (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PwHerPlan) plan = load (f, f->survivor_id, NULL);
  GPtrArray *done = pw_her_plan_get_achievements (plan);
  PwAchievement *a;

  /* Newest first; a goal celebrated by a milestone is said once. */
  g_assert_cmpuint (done->len, ==, 3);
  a = g_ptr_array_index (done, 0);
  g_assert_cmpstr (a->text, ==, HPF_MILESTONE);
  g_assert_cmpstr (a->date, ==, "2026-02-01");
  g_assert_true (a->is_milestone);
  a = g_ptr_array_index (done, 1);
  g_assert_cmpstr (a->text, ==, HPF_MILESTONE_LINKED);
  g_assert_true (a->is_milestone);
  a = g_ptr_array_index (done, 2);
  g_assert_cmpstr (a->text, ==, HPF_ACHIEVED);
  g_assert_cmpstr (a->date, ==, "2025-12-01");
  g_assert_false (a->is_milestone);
}

static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PwHerPlan) plan = load (f, f->survivor_id, NULL);

  g_assert_cmpstr (pw_her_plan_get_current_stage (plan), ==, "rights");
  g_assert_cmpint (pw_her_plan_get_stage_status (plan, "detection"), ==, PW_STAGE_STATUS_COMPLETED);
  g_assert_cmpint (pw_her_plan_get_stage_status (plan, "rights"), ==, PW_STAGE_STATUS_CURRENT);
  g_assert_cmpint (pw_her_plan_get_stage_status (plan, "autonomy"), ==, PW_STAGE_STATUS_NOT_REACHED);
  g_assert_cmpstr (pw_her_plan_get_case_code (plan), ==, "TEST-001");
}

static void
test_her_language (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PwHerPlan) es = load (f, f->survivor_id, NULL);
  g_autoptr(PwHerPlan) it = load (f, f->survivor_id, "it");
  g_autoptr(PwHerPlan) other = load (f, f->other_id, NULL);
  g_autofree char *date = pw_her_plan_format_date (es, "2026-03-03");

  /* Her preferred language, while the interface is Italian. */
  g_assert_cmpstr (pw_her_plan_get_language (es), ==, "es");
  g_assert_cmpstr (pw_catalog_get_language (pw_her_plan_get_catalog (es)), ==, "es");
  g_assert_cmpstr (date, ==, "3 de marzo de 2026");
  g_assert_cmpstr (pw_her_plan_status_label (es, PW_PLAN_ITEM_STATUS_IN_PROGRESS), ==,
                   pw_catalog_pgettext (pw_catalog_get_for_language ("es"), "her goal", "Under way"));
  g_assert_cmpstr (pw_her_plan_status_label (es, PW_PLAN_ITEM_STATUS_IN_PROGRESS), !=, "Under way");
  g_assert_cmpstr (pw_her_plan_status_label (es, PW_PLAN_ITEM_STATUS_IN_PROGRESS), !=,
                   pw_her_plan_status_label (it, PW_PLAN_ITEM_STATUS_IN_PROGRESS));

  /* Another language on request (a printout in Italian for her). */
  g_assert_cmpstr (pw_her_plan_get_language (it), ==, "it");
  g_assert_cmpstr (pw_her_plan_get_language (other), ==, "it");

  /* Only her own plan. */
  g_assert_cmpuint (pw_her_plan_get_goals (other)->len, ==, 1);
  g_assert_cmpuint (pw_her_plan_get_achievements (other)->len, ==, 0);
}

static void
test_no_preferred_language (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = hpf_add_survivor (f, "TEST-003", NULL);
  g_autoptr(PwHerPlan) plan = load (f, id, NULL);

  /* Without one, the interface language: the worker's own gettext. */
  g_assert_null (pw_her_plan_get_catalog (plan));
  g_assert_cmpstr (pw_her_plan_get_language (plan), ==, "it");
  g_assert_cmpuint (pw_her_plan_get_goals (plan)->len, ==, 0);
  g_assert_null (pw_her_plan_get_current_stage (plan));
}

static void
test_missing_survivor (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwHerPlan) plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                               987654, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "it", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, pw_catalog_get_default_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/her-plan/goals/her-order", test_goals_in_her_order);
  ADD ("/her-plan/goals/next-steps", test_next_steps_by_date);
  ADD ("/her-plan/achievements/newest-first", test_achievements);
  ADD ("/her-plan/stages/current", test_stages);
  ADD ("/her-plan/language/preferred", test_her_language);
  ADD ("/her-plan/language/none", test_no_preferred_language);
  ADD ("/her-plan/errors/missing", test_missing_survivor);
#undef ADD

  return g_test_run ();
}
