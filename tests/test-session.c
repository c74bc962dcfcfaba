/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-session"

#include "config.h"

#include <glib/gstdio.h>

#include "pw-plan-item.h"
#include "pw-session-private.h"
#include "pw-session.h"
#include "pw-survivor.h"

static const char *passphrase = "a long passphrase for the tests";

typedef struct
{
  char *dir;
  PwSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  f->dir = g_dir_make_tmp ("pw-session-XXXXXX", NULL);
  vault = pw_vault_new (f->dir);
  f->session = pw_session_new (vault, settings);
  pw_session_set_kdf_cost (f->session, pw_kdf_cost_fast ());
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_NEEDS_SETUP);

  key = pw_vault_create (vault, "Test Worker", passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->session);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A fictional programme variant of @extends. */
static GFile *
write_variant (Fixture    *f,
               const char *id,
               const char *extends,
               int         version,
               gboolean    with_extra_step)
{
  g_autofree char *path = g_strdup_printf ("%s/%s-%d-%d.json", f->dir, id, version, with_extra_step);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  const char *step =
    "{\"id\": \"rights.example-programme-step\", \"domain\": \"legal\","
    " \"title\": {\"en\": \"Example programme step\"},"
    " \"description\": {\"en\": \"A fictional step for the tests.\"},"
    " \"survivor_role\": {\"en\": \"She decides.\"},"
    " \"community_role\": {\"en\": \"The example service helps.\"}}";

  json = g_strdup_printf ("{\"format\": \"pathway-template\", \"format_version\": 1,"
                          " \"id\": \"%s\", \"version\": %d, \"extends\": \"%s\","
                          " \"languages\": [\"en\"], \"name\": {\"en\": \"Example programme\"},"
                          " \"stages\": [{\"id\": \"rights\", \"steps\": [%s]}]}",
                          id, version, extends, with_extra_step ? step : "");
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_session_shipped_templates (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTemplate) template = pw_session_lookup_template (f->session, "default", &error);

  g_assert_no_error (error);
  g_assert_nonnull (pw_template_lookup_stage (template, "recovery"));
  g_assert_true (pw_template_registry_contains (pw_session_get_templates (f->session), "it"));
  g_assert_true (pw_template_registry_contains (pw_session_get_templates (f->session), "es"));
}

static void
test_session_import_template (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) v1 = write_variant (f, "example-programme", "default", 1, TRUE);
  g_autoptr(GFile) v2_without = write_variant (f, "example-programme", "default", 2, FALSE);
  g_autoptr(GFile) v2_with = write_variant (f, "example-programme", "default", 2, TRUE);
  g_autoptr(GFile) shipped_id = write_variant (f, "es", "default", 9, TRUE);
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PwTemplateRegistry *registry = pw_session_get_templates (f->session);
  PwStore *store = pw_session_get_store (f->session);
  gint64 survivor_id;

  id = pw_session_import_template (f->session, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "example-programme");
  template = pw_session_lookup_template (f->session, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pw_template_lookup_step (template, "rights.example-programme-step"));
  g_assert_cmpint (pw_template_registry_get_source (registry, id), ==, PW_TEMPLATE_SOURCE_IMPORTED);
  {
    /* Merging a variant must leave its base as it was. */
    g_autoptr(PwTemplate) base = pw_session_lookup_template (f->session, "default", &error);

    g_assert_no_error (error);
    g_assert_null (pw_template_lookup_step (base, "rights.example-programme-step"));
  }

  /* A shipped id cannot be replaced. */
  g_assert_null (pw_session_import_template (f->session, shipped_id, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXISTS);
  g_clear_error (&error);

  /* A plan item on the variant's own step pins that step. */
  pw_survivor_set_case_code (survivor, "TEST-001");
  pw_survivor_set_template_id (survivor, "example-programme");
  survivor_id = pw_store_add_survivor (store, survivor, &error);
  g_assert_no_error (error);
  pw_plan_item_set_survivor_id (item, survivor_id);
  pw_plan_item_set_step_id (item, "rights.example-programme-step");
  pw_plan_item_set_stage_id (item, "rights");
  pw_plan_item_set_title (item, "Example goal");
  pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);

  g_assert_null (pw_session_import_template (f->session, v2_without, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_ORPHANED_STEPS);
  g_assert_nonnull (strstr (error->message, "rights.example-programme-step"));
  g_clear_error (&error);
  g_clear_object (&template);
  template = pw_session_lookup_template (f->session, "example-programme", &error);
  g_assert_cmpint (pw_template_get_version (template), ==, 1);

  g_free (id);
  id = pw_session_import_template (f->session, v2_with, &error);
  g_assert_no_error (error);
  g_clear_object (&template);
  template = pw_session_lookup_template (f->session, "example-programme", &error);
  g_assert_cmpint (pw_template_get_version (template), ==, 2);

  /* Imported templates are vault content: gone while locked, back after. */
  pw_session_lock (f->session);
  g_assert_false (pw_template_registry_contains (registry, "example-programme"));
  g_assert_true (pw_vault_unlock (pw_session_get_vault (f->session), passphrase, &error));
  g_assert_no_error (error);
  g_assert_true (pw_template_registry_contains (registry, "example-programme"));
}

/* A variant of an imported template comes back after unlocking, whatever
 * order the vault lists them in: here the variant's id sorts first. */
static void
test_session_import_variant_of_import (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GFile) base = write_variant (f, "zz-example-base", "default", 1, TRUE);
  g_autoptr(GFile) variant = write_variant (f, "aa-example-variant", "zz-example-base", 1, FALSE);
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_id = NULL;
  g_autofree char *variant_id = NULL;

  base_id = pw_session_import_template (f->session, base, &error);
  g_assert_no_error (error);
  variant_id = pw_session_import_template (f->session, variant, &error);
  g_assert_no_error (error);

  pw_session_lock (f->session);
  g_assert_true (pw_vault_unlock (pw_session_get_vault (f->session), passphrase, &error));
  g_assert_no_error (error);
  template = pw_session_lookup_template (f->session, variant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_template_get_extends (template), ==, base_id);
  /* The base's own step, through the variant. */
  g_assert_nonnull (pw_template_lookup_step (template, "rights.example-programme-step"));
}

static void
test_session_auto_lock (Fixture       *f,
                        gconstpointer  data)
{
  GSettings *settings = pw_session_get_settings (f->session);
  gint64 now = g_get_monotonic_time ();

  g_settings_set_uint (settings, "auto-lock-minutes", 5);
  pw_session_touch (f->session);
  g_assert_false (pw_session_check_idle (f->session, now + (gint64) 4 * 60 * G_USEC_PER_SEC));
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);

  g_settings_set_uint (settings, "auto-lock-minutes", 0);
  g_assert_false (pw_session_check_idle (f->session, now + (gint64) 600 * 60 * G_USEC_PER_SEC));
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);

  g_settings_set_uint (settings, "auto-lock-minutes", 5);
  g_assert_true (pw_session_check_idle (f->session, now + (gint64) 6 * 60 * G_USEC_PER_SEC));
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_LOCKED);
  g_assert_null (pw_session_get_store (f->session));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* The example cases open in memory, never beside the real vault, and leave
 * nothing behind. */
static void
test_session_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-session-demo-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwSession) session = pw_session_new (vault, settings);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  guint demo_notified = 0;
  PwStore *store;

  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_signal_connect_swapped (session, "notify::demo", G_CALLBACK (count_notify), &demo_notified);

  /* First run: straight from the setup page. */
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_NEEDS_SETUP);
  g_assert_true (pw_session_open_demo (session, &error));
  g_assert_no_error (error);
  g_assert_true (pw_session_get_demo (session));
  g_assert_cmpuint (demo_notified, ==, 1);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
  store = pw_session_get_store (session);
  g_assert_nonnull (store);
  ids = pw_store_list_survivor_ids (store, NULL, -1, PW_SURVIVOR_SORT_CASE_CODE, &error);
  g_assert_cmpuint (ids->len, >=, 6);
  g_assert_true (pw_store_case_code_exists (store, "DEMO-01"));

  /* Changes work, and are not kept. */
  pw_survivor_set_case_code (survivor, "TEST-001");
  g_assert_cmpint (pw_store_add_survivor (store, survivor, &error), >, 0);
  g_assert_no_error (error);

  /* No idle lock in a workshop. */
  g_settings_set_uint (settings, "auto-lock-minutes", 1);
  g_assert_false (pw_session_check_idle (session, g_get_monotonic_time () + (gint64) 3600 * G_USEC_PER_SEC));

  pw_session_lock (session);
  g_assert_false (pw_session_get_demo (session));
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_NEEDS_SETUP);
  g_assert_null (pw_session_get_store (session));
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* With a vault: only while it is locked, and unlocking it ends the demo. */
  key = pw_vault_create (vault, "Test Worker", passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_false (pw_session_open_demo (session, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_FAILED);
  g_clear_error (&error);
  pw_session_lock (session);
  g_assert_true (pw_session_open_demo (session, &error));
  g_assert_true (pw_store_case_code_exists (pw_session_get_store (session), "DEMO-01"));
  g_assert_false (pw_store_case_code_exists (pw_session_get_store (session), "TEST-001"));
  g_assert_true (pw_vault_unlock (vault, passphrase, &error));
  g_assert_false (pw_session_get_demo (session));
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
  g_assert_true (pw_session_get_store (session) == pw_vault_get_store (vault));
  g_assert_false (pw_store_case_code_exists (pw_session_get_store (session), "DEMO-01"));

  g_clear_object (&session);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/session/shipped-templates", Fixture, NULL, fixture_set_up, test_session_shipped_templates, fixture_tear_down);
  g_test_add ("/session/import-template", Fixture, NULL, fixture_set_up, test_session_import_template, fixture_tear_down);
  g_test_add ("/session/import-template/variant-of-import", Fixture, NULL, fixture_set_up,
              test_session_import_variant_of_import, fixture_tear_down);
  g_test_add_func ("/session/demo", test_session_demo);
  g_test_add ("/session/auto-lock", Fixture, NULL, fixture_set_up, test_session_auto_lock, fixture_tear_down);

  return g_test_run ();
}
