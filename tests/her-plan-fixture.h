/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fictional survivor whose preferred language is Spanish, in a real
 * (temporary) vault, for the tests of what she is shown and given:
 * test-her-plan, test-survivor-facing. Included by each; static. */
#pragma once

#include <glib/gstdio.h>

#include "pw-session.h"
#include "pw-store.h"

/* Texts that must never reach her view or her paper. */
#define HPF_ALIAS "Example Rosemary"
#define HPF_KEY_WORKER "Example Worker Basil"
#define HPF_NOTE "note-marker-9902"
#define HPF_RISK_FACTOR "risk-marker-4417"
#define HPF_CONSENT "consent-marker-6630"
#define HPF_DROPPED "Ejemplo cuatro: dropped-marker-5521"
#define HPF_WORKER_TITLE "worker-title-marker-7790"
/* Her words. */
#define HPF_GOAL_1 "Ejemplo uno: hablar con la vecina (zebra-7431)"
#define HPF_GOAL_3 "Ejemplo tres: un piso con luz"
#define HPF_ACHIEVED "Ejemplo cinco: achieved-marker-3318"
#define HPF_MILESTONE "Ejemplo hito: primera clase"
#define HPF_MILESTONE_LINKED "Example milestone TEST-M1"
#define HPF_HELPER "Escuela Ejemplo"

typedef struct
{
  char *dir;
  PwSession *session;
  PwStore *store;
  gint64 survivor_id;
  gint64 other_id;
  gint64 items[6];
} HerPlanFixture;

static gint64
hpf_add_item (HerPlanFixture   *f,
              const char       *step_id,
              const char       *stage_id,
              PwPlanItemStatus  status,
              const char       *her_words,
              const char       *due,
              const char       *responsible)
{
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_plan_item_set_survivor_id (item, f->survivor_id);
  pw_plan_item_set_step_id (item, step_id);
  pw_plan_item_set_stage_id (item, stage_id);
  pw_plan_item_set_title (item, HPF_WORKER_TITLE);
  pw_plan_item_set_her_words (item, her_words);
  pw_plan_item_set_status (item, status);
  pw_plan_item_set_due_date (item, due);
  pw_plan_item_set_responsible (item, responsible);
  pw_plan_item_set_notes (item, HPF_NOTE);
  id = pw_store_add_plan_item (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
hpf_add_survivor (HerPlanFixture *f,
                  const char     *case_code,
                  const char     *language)
{
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_survivor_set_case_code (survivor, case_code);
  pw_survivor_set_alias (survivor, HPF_ALIAS);
  pw_survivor_set_key_worker (survivor, HPF_KEY_WORKER);
  pw_survivor_set_template_id (survivor, "default");
  pw_survivor_set_preferred_language (survivor, language);
  id = pw_store_add_survivor (f->store, survivor, &error);
  g_assert_no_error (error);
  return id;
}

static void
hpf_fill (HerPlanFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMilestone) linked = pw_milestone_new ();
  g_autoptr(PwMilestone) milestone = pw_milestone_new ();
  g_autoptr(PwNote) note = pw_note_new ();
  g_autoptr(PwAssessment) risk = pw_assessment_new ();
  gint64 order[3];

  f->survivor_id = hpf_add_survivor (f, "TEST-001", "es");
  f->other_id = hpf_add_survivor (f, "TEST-002", "it");

  f->items[0] = hpf_add_item (f, "recovery.language-course", "recovery", PW_PLAN_ITEM_STATUS_IN_PROGRESS,
                              HPF_GOAL_1, "2026-03-03", HPF_HELPER);
  f->items[1] = hpf_add_item (f, "rights.identity-documents", "rights", PW_PLAN_ITEM_STATUS_AGREED,
                              NULL, "2026-02-10", NULL);
  f->items[2] = hpf_add_item (f, "recovery.stable-housing", "recovery", PW_PLAN_ITEM_STATUS_PAUSED,
                              HPF_GOAL_3, "2026-04-01", NULL);
  f->items[3] = hpf_add_item (f, "autonomy.work-placement", "autonomy", PW_PLAN_ITEM_STATUS_DROPPED,
                              HPF_DROPPED, "2026-05-01", NULL);
  f->items[4] = hpf_add_item (f, "detection.safe-first-contact", "detection", PW_PLAN_ITEM_STATUS_IN_PROGRESS,
                              HPF_ACHIEVED, NULL, NULL);
  f->items[5] = hpf_add_item (f, "rights.residence-permit", "rights", PW_PLAN_ITEM_STATUS_IN_PROGRESS,
                              "Ejemplo seis: covered-by-milestone", NULL, NULL);
  g_assert_true (pw_store_set_plan_item_status (f->store, f->items[4], PW_PLAN_ITEM_STATUS_ACHIEVED,
                                                "2025-12-01", &error));
  g_assert_no_error (error);
  g_assert_true (pw_store_set_plan_item_status (f->store, f->items[5], PW_PLAN_ITEM_STATUS_ACHIEVED,
                                                "2026-01-20", &error));
  g_assert_no_error (error);

  /* Her own order is not the order the items were written down in. */
  order[0] = f->items[2];
  order[1] = f->items[0];
  order[2] = f->items[1];
  g_assert_true (pw_store_reorder_plan_items (f->store, f->survivor_id, order, 3, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pw_store_set_stage_status (f->store, f->survivor_id, "detection",
                                              PW_STAGE_STATUS_COMPLETED, "2025-11-02", &error), >, 0);
  g_assert_cmpint (pw_store_set_stage_status (f->store, f->survivor_id, "rights",
                                              PW_STAGE_STATUS_CURRENT, "2026-01-12", &error), >, 0);
  g_assert_no_error (error);

  pw_milestone_set_survivor_id (linked, f->survivor_id);
  pw_milestone_set_date (linked, "2026-01-20");
  pw_milestone_set_title (linked, HPF_MILESTONE_LINKED);
  pw_milestone_set_plan_item_id (linked, f->items[5]);
  pw_store_add_milestone (f->store, linked, &error);
  g_assert_no_error (error);
  pw_milestone_set_survivor_id (milestone, f->survivor_id);
  pw_milestone_set_date (milestone, "2026-02-01");
  pw_milestone_set_title (milestone, HPF_MILESTONE);
  pw_milestone_set_stage_id (milestone, "recovery");
  pw_store_add_milestone (f->store, milestone, &error);
  g_assert_no_error (error);

  pw_note_set_survivor_id (note, f->survivor_id);
  pw_note_set_date (note, "2026-01-05");
  pw_note_set_body (note, HPF_NOTE);
  pw_store_add_note (f->store, note, &error);
  g_assert_no_error (error);

  pw_assessment_set_survivor_id (risk, f->survivor_id);
  pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_date (risk, "2026-01-05");
  pw_assessment_set_risk_level (risk, PW_RISK_LEVEL_HIGH);
  pw_assessment_set_next_review (risk, "2026-02-05");
  pw_assessment_set_notes (risk, HPF_RISK_FACTOR);
  pw_store_add_assessment (f->store, risk, &error);
  g_assert_no_error (error);

  /* The other survivor's goal must never show on her screen. */
  {
    gint64 mine = f->survivor_id;

    f->survivor_id = f->other_id;
    hpf_add_item (f, "recovery.language-course", "recovery", PW_PLAN_ITEM_STATUS_AGREED,
                  "other-survivor-marker-1188", "2026-03-01", NULL);
    f->survivor_id = mine;
  }
}

static void
hpf_set_up (HerPlanFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwVault) vault = NULL;
  g_autofree char *recovery = NULL;

  f->dir = g_dir_make_tmp ("pw-her-plan-XXXXXX", &error);
  g_assert_no_error (error);
  vault = pw_vault_new (f->dir);
  recovery = pw_vault_create (vault, "Test", "a long test passphrase", pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  f->session = pw_session_new (vault, settings);
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
  f->store = g_object_ref (pw_session_get_store (f->session));
  hpf_fill (f);
}

static void
hpf_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        hpf_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
hpf_tear_down (HerPlanFixture *f)
{
  g_clear_object (&f->store);
  if (f->session != NULL)
    pw_session_lock (f->session);
  g_clear_object (&f->session);
  if (f->dir != NULL)
    hpf_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}
