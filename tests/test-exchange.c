/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-exchange"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "pw-exchange.h"
#include "pw-exchange-crypto.h"
#include "pw-exchange-file.h"
#include "pw-store-private.h"
#include "pw-test-util.h"

#define MARKER "zebra-marker-7431"
#define PASSPHRASE "violet harbour under nine kites"

static guint8 test_key[PW_STORE_KEY_SIZE];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pw-exchange-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static PwStore *
open_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "vault.db", NULL);
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (path, test_key, PW_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  pw_store_set_actor (store, "slot-test");
  return store;
}

static PwTemplateRegistry *
shipped_templates (void)
{
  g_autoptr(GError) error = NULL;
  PwTemplateRegistry *registry = pw_template_registry_new ();

  g_assert_true (pw_template_registry_add_shipped (registry, &error));
  g_assert_no_error (error);
  return registry;
}

static gint64
add_survivor (PwStore    *store,
              const char *code,
              const char *alias)
{
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "en", "it", NULL };
  gint64 id;

  pw_survivor_set_case_code (s, code);
  pw_survivor_set_alias (s, alias);
  pw_survivor_set_birth_year (s, 1999);
  pw_survivor_set_country (s, "NG");
  pw_survivor_set_languages (s, languages);
  pw_survivor_set_preferred_language (s, "en");
  pw_survivor_set_template_id (s, "it");
  pw_survivor_set_key_worker (s, "Example Worker");
  pw_survivor_set_intake_date (s, "2024-01-15");
  id = pw_store_add_survivor (store, s, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_service (PwStore    *store,
             const char *name)
{
  g_autoptr(PwService) service = pw_service_new ();
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "it", "en", NULL };
  gint64 id;

  pw_service_set_name (service, name);
  pw_service_set_kind (service, "legal");
  pw_service_set_contact (service, "desk 3, Example Street");
  pw_service_set_languages (service, languages);
  pw_service_set_notes (service, "Open on Tuesdays");
  id = pw_store_add_service (store, service, &error);
  g_assert_no_error (error);
  return id;
}

/* Every kind of record, with history, references and a restricted note. */
static gint64
fill_survivor (PwStore    *store,
               const char *code,
               gint64      service_id,
               gboolean    with_transfer_consent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(PwPlanItem) item2 = pw_plan_item_new ();
  g_autoptr(PwConsent) consent = pw_consent_new ();
  g_autoptr(PwConsent) sharing = pw_consent_new ();
  g_autoptr(PwReferral) referral = pw_referral_new ();
  g_autoptr(PwNote) note = pw_note_new ();
  g_autoptr(PwNote) secret = pw_note_new ();
  g_autoptr(PwMilestone) milestone = pw_milestone_new ();
  g_autoptr(PwAssessment) risk = pw_assessment_new ();
  g_autoptr(PwAssessment) checkin = pw_assessment_new ();
  g_autoptr(PwAssessment) needs = pw_assessment_new ();
  const char *factors[] = { "debt-pressure", "contact-with-exploiters", NULL };
  gint64 sid, item_id, consent_id, referral_id;

  sid = add_survivor (store, code, "Example Rosemary");
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "detection", PW_STAGE_STATUS_COMPLETED, "2024-01-15", &error), >, 0);
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "rights", PW_STAGE_STATUS_CURRENT, "2024-02-01", &error), >, 0);
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "detection", PW_STAGE_STATUS_REVISITED, "2024-03-01", &error), >, 0);
  g_assert_no_error (error);

  pw_plan_item_set_survivor_id (item, sid);
  pw_plan_item_set_step_id (item, "recovery.language-course");
  pw_plan_item_set_stage_id (item, "recovery");
  pw_plan_item_set_domain (item, "language");
  pw_plan_item_set_title (item, "Italian course, level A2");
  pw_plan_item_set_her_words (item, "I want to speak with the doctor alone " MARKER);
  pw_plan_item_set_responsible (item, "Example Language School");
  pw_plan_item_set_due_date (item, "2024-06-30");
  pw_plan_item_set_notes (item, "Evening classes suit her work");
  item_id = pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);
  g_assert_true (pw_store_set_plan_item_status (store, item_id, PW_PLAN_ITEM_STATUS_AGREED, "2024-02-10", &error));
  g_assert_true (pw_store_set_plan_item_status (store, item_id, PW_PLAN_ITEM_STATUS_ACHIEVED, "2024-06-20", &error));

  pw_plan_item_set_survivor_id (item2, sid);
  pw_plan_item_set_step_id (item2, "rights.tax-code");
  pw_plan_item_set_title (item2, "Tax code");
  pw_plan_item_set_her_words (item2, "My own papers");
  pw_store_add_plan_item (store, item2, &error);
  g_assert_no_error (error);

  pw_consent_set_survivor_id (consent, sid);
  pw_consent_set_scope (consent, PW_CONSENT_SCOPE_SERVICES);
  pw_consent_set_service_id (consent, service_id);
  pw_consent_set_form (consent, PW_CONSENT_FORM_WRITTEN);
  pw_consent_set_date (consent, "2024-01-20");
  pw_consent_set_notes (consent, "Read to her with a mediator");
  consent_id = pw_store_add_consent (store, consent, &error);
  g_assert_no_error (error);

  if (with_transfer_consent)
    {
      pw_consent_set_survivor_id (sharing, sid);
      pw_consent_set_scope (sharing, PW_CONSENT_SCOPE_DATA_SHARING);
      pw_consent_set_service_id (sharing, service_id);
      pw_consent_set_form (sharing, PW_CONSENT_FORM_VERBAL);
      pw_consent_set_date (sharing, "2024-05-01");
      pw_store_add_consent (store, sharing, &error);
      g_assert_no_error (error);
    }

  pw_referral_set_survivor_id (referral, sid);
  pw_referral_set_service_id (referral, service_id);
  pw_referral_set_plan_item_id (referral, item_id);
  pw_referral_set_consent_id (referral, consent_id);
  pw_referral_set_date (referral, "2024-02-02");
  referral_id = pw_store_add_referral (store, referral, &error);
  g_assert_no_error (error);
  g_assert_true (pw_store_record_referral_status (store, referral_id, PW_REFERRAL_STATUS_SENT, "2024-02-03", NULL, &error));
  g_assert_true (pw_store_record_referral_status (store, referral_id, PW_REFERRAL_STATUS_COMPLETED, "2024-03-03", "Appointment kept", &error));
  g_assert_no_error (error);

  pw_note_set_survivor_id (note, sid);
  pw_note_set_date (note, "2024-02-05");
  pw_note_set_body (note, "She chose the evening course " MARKER);
  pw_store_add_note (store, note, &error);
  g_assert_no_error (error);
  pw_note_set_survivor_id (secret, sid);
  pw_note_set_date (secret, "2024-02-06");
  pw_note_set_body (secret, "restricted-quokka-5521");
  pw_note_set_restricted (secret, TRUE);
  pw_store_add_note (store, secret, &error);
  g_assert_no_error (error);

  pw_milestone_set_survivor_id (milestone, sid);
  pw_milestone_set_date (milestone, "2024-06-20");
  pw_milestone_set_title (milestone, "A2 certificate");
  pw_milestone_set_stage_id (milestone, "recovery");
  pw_milestone_set_domain (milestone, "language");
  pw_milestone_set_plan_item_id (milestone, item_id);
  pw_store_add_milestone (store, milestone, &error);
  g_assert_no_error (error);

  pw_assessment_set_survivor_id (risk, sid);
  pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_date (risk, "2024-01-16");
  pw_assessment_set_assessor (risk, "Example Worker");
  pw_assessment_set_risk_level (risk, PW_RISK_LEVEL_HIGH);
  pw_assessment_set_risk_factors (risk, factors);
  pw_assessment_set_review_trigger (risk, "intake");
  pw_assessment_set_next_review (risk, "2024-04-16");
  pw_assessment_set_notes (risk, "Phone changed");
  pw_store_add_assessment (store, risk, &error);
  g_assert_no_error (error);

  pw_assessment_set_survivor_id (checkin, sid);
  pw_assessment_set_kind (checkin, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_set_date (checkin, "2024-03-16");
  pw_assessment_add_score (checkin, pw_checkin_score_new ("safety.feeling-safe", 3, 2));
  pw_assessment_add_score (checkin, pw_checkin_score_new ("housing.stable-home", 0, 4));
  pw_store_add_assessment (store, checkin, &error);
  g_assert_no_error (error);

  pw_assessment_set_survivor_id (needs, sid);
  pw_assessment_set_kind (needs, PW_ASSESSMENT_KIND_NEEDS);
  pw_assessment_set_date (needs, "2024-01-17");
  pw_assessment_add_need (needs, pw_need_item_new ("housing", NULL, PW_NEED_COVERAGE_COVERED, 2));
  pw_assessment_add_need (needs, pw_need_item_new ("own", "Sending money home", PW_NEED_COVERAGE_NOT_COVERED, 1));
  pw_store_add_assessment (store, needs, &error);
  g_assert_no_error (error);

  g_assert_true (pw_store_record_life_change (store, sid, PW_LIFE_CHANGE_AREA, "2024-04-01", &error));
  g_assert_no_error (error);
  g_assert_true (pw_store_set_survivor_status (store, sid, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_INTEGRATED, &error));
  return sid;
}

/* A vault with two survivors, a third service nobody uses. */
static void
fill_store (PwStore *store)
{
  gint64 service = add_service (store, "Example Legal Aid");

  add_service (store, "Example Unused Shelter");
  fill_survivor (store, "TEST-001", service, TRUE);
  fill_survivor (store, "TEST-002", add_service (store, "Example Clinic"), FALSE);
}

static GBytes *
export_all (PwStore *store)
{
  g_autoptr(PwTemplateRegistry) templates = shipped_templates ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes = pw_exchange_export (store, templates, NULL, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static PwExchangeFile *
read_file (GBytes     *bytes,
           const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  PwExchangeFile *file = pw_exchange_file_new (bytes, passphrase, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  gsize len, n = strlen (needle);
  const char *p = g_bytes_get_data (bytes, &len);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (p + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Comparing two vaults record by record                                    */

static gboolean
is_reference (const char *name)
{
  return g_str_equal (name, "id") || g_str_equal (name, "survivor-id") ||
         g_str_equal (name, "plan-item-id") || g_str_equal (name, "consent-id") ||
         g_str_equal (name, "service-id");
}

/* Every property but the ids; references are compared by the caller. */
static void
assert_same_object (GObject    *a,
                    GObject    *b,
                    const char *what)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      const char *name = specs[i]->name;
      GType type = specs[i]->value_type;

      if (is_reference (name) || !(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (a, name, &va);
      g_object_get_property (b, name, &vb);

      if (type == G_TYPE_STRING)
        {
          if (g_strcmp0 (g_value_get_string (&va), g_value_get_string (&vb)) != 0)
            g_error ("%s: %s differs: “%s” ≠ “%s”", what, name,
                     g_value_get_string (&va), g_value_get_string (&vb));
        }
      else if (type == G_TYPE_STRV)
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);
          guint na = sa != NULL ? g_strv_length ((char **) sa) : 0;
          guint nb = sb != NULL ? g_strv_length ((char **) sb) : 0;

          g_assert_cmpuint (na, ==, nb);
          for (guint j = 0; j < na; j++)
            g_assert_cmpstr (sa[j], ==, sb[j]);
        }
      else if (type == G_TYPE_INT64)
        {
          if (g_value_get_int64 (&va) != g_value_get_int64 (&vb))
            g_error ("%s: %s differs: %" G_GINT64_FORMAT " ≠ %" G_GINT64_FORMAT, what, name,
                     g_value_get_int64 (&va), g_value_get_int64 (&vb));
        }
      else if (type == G_TYPE_INT)
        g_assert_cmpint (g_value_get_int (&va), ==, g_value_get_int (&vb));
      else if (type == G_TYPE_BOOLEAN)
        g_assert_cmpint (g_value_get_boolean (&va), ==, g_value_get_boolean (&vb));
      else if (G_TYPE_IS_ENUM (type))
        {
          if (g_value_get_enum (&va) != g_value_get_enum (&vb))
            g_error ("%s: %s differs", what, name);
        }
      else
        g_error ("%s: property %s of type %s is not compared", what, name, g_type_name (type));
    }
}

static gint64
map_lookup (GHashTable *map,
            gint64      id)
{
  gpointer value;

  if (id == 0)
    return 0;
  value = g_hash_table_lookup (map, &id);
  g_assert_nonnull (value);
  return *(gint64 *) value;
}

static void
map_insert (GHashTable *map,
            gint64      from,
            gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

#define MAP_NEW() g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free)

static void
assert_same_survivor (PwStore    *sa,
                      PwStore    *sb,
                      gint64      a_id,
                      gint64      b_id,
                      GHashTable *services)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) items = MAP_NEW ();
  g_autoptr(GHashTable) consents = MAP_NEW ();
  g_autoptr(PwSurvivor) a = pw_store_get_survivor (sa, a_id, &error);
  g_autoptr(PwSurvivor) b = pw_store_get_survivor (sb, b_id, &error);
  static const PwLifeChange changes[] = { PW_LIFE_CHANGE_RESIDENCE, PW_LIFE_CHANGE_WORK, PW_LIFE_CHANGE_AREA };
  GPtrArray *la, *lb;

  g_assert_no_error (error);
  assert_same_object (G_OBJECT (a), G_OBJECT (b), "survivor");
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *da = pw_store_get_life_change (sa, a_id, changes[i], NULL);
      g_autofree char *db = pw_store_get_life_change (sb, b_id, changes[i], NULL);
      g_assert_cmpstr (da, ==, db);
    }

#define LISTS(call) \
  la = call (sa, a_id, &error); g_assert_no_error (error); \
  lb = call (sb, b_id, &error); g_assert_no_error (error); \
  g_assert_cmpuint (la->len, ==, lb->len);

  LISTS (pw_store_list_stage_history);
  for (guint i = 0; i < la->len; i++)
    assert_same_object (la->pdata[i], lb->pdata[i], "stage state");
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  LISTS (pw_store_load_plan_items);
  for (guint i = 0; i < la->len; i++)
    {
      g_autoptr(GPtrArray) ha = NULL;
      g_autoptr(GPtrArray) hb = NULL;
      gint64 ia = pw_plan_item_get_id (la->pdata[i]), ib = pw_plan_item_get_id (lb->pdata[i]);

      assert_same_object (la->pdata[i], lb->pdata[i], "plan item");
      map_insert (items, ia, ib);
      ha = pw_store_list_plan_item_history (sa, ia, &error);
      hb = pw_store_list_plan_item_history (sb, ib, &error);
      g_assert_cmpuint (ha->len, ==, hb->len);
      g_assert_cmpuint (ha->len, >, 0);
      for (guint j = 0; j < ha->len; j++)
        assert_same_object (ha->pdata[j], hb->pdata[j], "plan item history");
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  la = pw_store_list_assessments (sa, a_id, -1, &error);
  lb = pw_store_list_assessments (sb, b_id, -1, &error);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      GPtrArray *na = pw_assessment_get_needs (la->pdata[i]), *nb = pw_assessment_get_needs (lb->pdata[i]);
      GPtrArray *ca = pw_assessment_get_scores (la->pdata[i]), *cb = pw_assessment_get_scores (lb->pdata[i]);

      assert_same_object (la->pdata[i], lb->pdata[i], "assessment");
      g_assert_cmpuint (na->len, ==, nb->len);
      for (guint j = 0; j < na->len; j++)
        {
          PwNeedItem *x = na->pdata[j], *y = nb->pdata[j];
          g_assert_cmpstr (x->need, ==, y->need);
          g_assert_cmpstr (x->label, ==, y->label);
          g_assert_cmpint (x->coverage, ==, y->coverage);
          g_assert_cmpint (x->priority, ==, y->priority);
        }
      g_assert_cmpuint (ca->len, ==, cb->len);
      for (guint j = 0; j < ca->len; j++)
        {
          PwCheckinScore *x = ca->pdata[j], *y = cb->pdata[j];
          g_assert_cmpstr (x->indicator_id, ==, y->indicator_id);
          g_assert_cmpint (x->her_score, ==, y->her_score);
          g_assert_cmpint (x->worker_score, ==, y->worker_score);
        }
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  LISTS (pw_store_list_consents);
  for (guint i = 0; i < la->len; i++)
    {
      assert_same_object (la->pdata[i], lb->pdata[i], "consent");
      g_assert_cmpint (map_lookup (services, pw_consent_get_service_id (la->pdata[i])), ==,
                       pw_consent_get_service_id (lb->pdata[i]));
      map_insert (consents, pw_consent_get_id (la->pdata[i]), pw_consent_get_id (lb->pdata[i]));
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  LISTS (pw_store_list_referrals);
  for (guint i = 0; i < la->len; i++)
    {
      PwReferral *x = la->pdata[i], *y = lb->pdata[i];
      g_autoptr(GArray) ha = pw_store_list_referral_history (sa, pw_referral_get_id (x), &error);
      g_autoptr(GArray) hb = pw_store_list_referral_history (sb, pw_referral_get_id (y), &error);

      assert_same_object (G_OBJECT (x), G_OBJECT (y), "referral");
      g_assert_cmpint (map_lookup (services, pw_referral_get_service_id (x)), ==, pw_referral_get_service_id (y));
      g_assert_cmpint (map_lookup (items, pw_referral_get_plan_item_id (x)), ==, pw_referral_get_plan_item_id (y));
      g_assert_cmpint (map_lookup (consents, pw_referral_get_consent_id (x)), ==, pw_referral_get_consent_id (y));
      g_assert_cmpuint (ha->len, ==, hb->len);
      g_assert_cmpuint (ha->len, ==, 3);
      for (guint j = 0; j < ha->len; j++)
        {
          g_assert_cmpint (g_array_index (ha, PwReferralStatusDate, j).status, ==,
                           g_array_index (hb, PwReferralStatusDate, j).status);
          g_assert_cmpstr (g_array_index (ha, PwReferralStatusDate, j).date, ==,
                           g_array_index (hb, PwReferralStatusDate, j).date);
        }
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  /* Restricted notes stay behind; the others travel whole. */
  la = pw_store_list_notes (sa, a_id, &error);
  lb = pw_store_list_notes (sb, b_id, &error);
  g_assert_cmpuint (lb->len, ==, la->len - 1);
  for (guint i = 0, j = 0; i < la->len; i++)
    {
      if (pw_note_get_restricted (la->pdata[i]))
        continue;
      assert_same_object (la->pdata[i], lb->pdata[j++], "note");
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);

  LISTS (pw_store_list_milestones);
  for (guint i = 0; i < la->len; i++)
    {
      assert_same_object (la->pdata[i], lb->pdata[i], "milestone");
      g_assert_cmpint (map_lookup (items, pw_milestone_get_plan_item_id (la->pdata[i])), ==,
                       pw_milestone_get_plan_item_id (lb->pdata[i]));
    }
  g_ptr_array_unref (la);
  g_ptr_array_unref (lb);
#undef LISTS
}

static gint64
id_of (PwStore    *store,
       const char *code)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store),
                                       "SELECT id FROM survivor WHERE case_code = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* Services in both stores, by name: a → b. */
static GHashTable *
map_services (PwStore *sa,
              PwStore *sb)
{
  g_autoptr(GPtrArray) la = pw_store_list_services (sa, NULL);
  g_autoptr(GPtrArray) lb = pw_store_list_services (sb, NULL);
  GHashTable *map = MAP_NEW ();

  for (guint i = 0; i < la->len; i++)
    for (guint j = 0; j < lb->len; j++)
      if (g_str_equal (pw_service_get_name (la->pdata[i]), pw_service_get_name (lb->pdata[j])))
        {
          assert_same_object (la->pdata[i], lb->pdata[j], "service");
          map_insert (map, pw_service_get_id (la->pdata[i]), pw_service_get_id (lb->pdata[j]));
        }
  return map;
}

/* ------------------------------------------------------------------------ */
/* Round trip                                                               */

static void
test_round_trip_vault (void)
{
  g_autofree char *dir_a = make_dir ();
  g_autofree char *dir_b = make_dir ();
  g_autoptr(PwStore) a = open_store (dir_a);
  g_autoptr(PwStore) b = open_store (dir_b);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(PwExchangeFile) file = NULL;
  g_autoptr(GHashTable) services = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) conflicts = NULL;
  guint n = 0;

  fill_store (a);
  bytes = export_all (a);
  g_assert_false (contains (bytes, "restricted-quokka-5521"));

  encrypted = pw_exchange_encrypt (bytes, PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  file = read_file (encrypted, PASSPHRASE);
  g_assert_true (pw_exchange_file_get_encrypted (file));
  g_assert_cmpstr (pw_exchange_file_get_scope (file), ==, "vault");
  g_assert_cmpuint (pw_exchange_file_get_n_survivors (file), ==, 2);
  g_assert_cmpuint (pw_exchange_file_get_n_services (file), ==, 3);
  g_assert_cmpuint (pw_exchange_file_count (file, PW_RECORD_KIND_PLAN_ITEM), ==, 4);
  g_assert_cmpuint (pw_exchange_file_count (file, PW_RECORD_KIND_NOTE), ==, 2);
  g_assert_cmpstr (pw_exchange_file_get_program_version (file), ==, PACKAGE_VERSION);
  codes = pw_exchange_file_dup_case_codes (file);
  g_assert_cmpstr (codes[0], ==, "TEST-001");
  g_assert_cmpstr (codes[1], ==, "TEST-002");
  conflicts = pw_exchange_file_find_conflicts (file, b);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);

  g_assert_true (pw_exchange_file_import (file, b, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  services = map_services (a, b);
  g_assert_cmpuint (g_hash_table_size (services), ==, 3);
  assert_same_survivor (a, b, id_of (a, "TEST-001"), id_of (b, "TEST-001"), services);
  assert_same_survivor (a, b, id_of (a, "TEST-002"), id_of (b, "TEST-002"), services);
}

static void
test_round_trip_one_survivor (void)
{
  g_autofree char *dir_a = make_dir ();
  g_autofree char *dir_b = make_dir ();
  g_autoptr(PwStore) a = open_store (dir_a);
  g_autoptr(PwStore) b = open_store (dir_b);
  g_autoptr(PwTemplateRegistry) templates = shipped_templates ();
  g_autoptr(GPtrArray) usable = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwExchangeFile) file = NULL;
  g_autoptr(GHashTable) services = NULL;
  g_autoptr(GError) error = NULL;
  PwExchangeTransfer transfer = { 0, "Example Service in Turin", PW_TRANSFER_REASON_CHANGE_OF_LOCATION, NULL };
  const char *recipient, *date;
  gint64 one, two;

  fill_store (a);
  one = id_of (a, "TEST-001");
  two = id_of (a, "TEST-002");

  /* Without a consent to share data there is nothing to choose. */
  usable = pw_exchange_list_transfer_consents (a, two, &error);
  g_assert_cmpuint (usable->len, ==, 0);
  transfer.consent_id = 1;
  g_assert_null (pw_exchange_export (a, templates, &two, 1, &transfer, &error));
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NO_CONSENT);
  g_clear_error (&error);
  g_clear_pointer (&usable, g_ptr_array_unref);

  usable = pw_exchange_list_transfer_consents (a, one, &error);
  g_assert_cmpuint (usable->len, ==, 1);
  transfer.consent_id = pw_consent_get_id (usable->pdata[0]);
  bytes = pw_exchange_export (a, templates, &one, 1, &transfer, &error);
  g_assert_no_error (error);
  g_assert_true (pw_exchange_record_transfer (a, one, &transfer, &error));
  notes = pw_store_list_notes (a, one, &error);
  g_assert_true (strstr (pw_note_get_body (notes->pdata[notes->len - 1]), "Example Service in Turin") != NULL);

  g_assert_false (contains (bytes, "TEST-002"));
  g_assert_false (contains (bytes, "Example Clinic"));
  g_assert_false (contains (bytes, "Example Unused Shelter"));
  file = read_file (bytes, NULL);
  g_assert_false (pw_exchange_file_get_encrypted (file));
  g_assert_cmpstr (pw_exchange_file_get_scope (file), ==, "survivor");
  g_assert_true (pw_exchange_file_get_transfer (file, &recipient, &date));
  g_assert_cmpstr (recipient, ==, "Example Service in Turin");
  g_assert_cmpuint (pw_exchange_file_get_n_services (file), ==, 1);

  g_assert_true (pw_exchange_file_import (file, b, NULL, NULL, &error));
  g_assert_no_error (error);
  services = map_services (a, b);
  /* The export note was written after the file: compare without it. */
  pw_store_delete_record (a, PW_RECORD_KIND_NOTE, pw_note_get_id (notes->pdata[notes->len - 1]), &error);
  g_assert_no_error (error);
  assert_same_survivor (a, b, one, id_of (b, "TEST-001"), services);
  g_assert_cmpint (id_of (b, "TEST-002"), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Encryption                                                               */

static void
test_encrypted_no_plaintext (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PwStore) store = open_store (dir);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *path = g_build_filename (dir, "case" PW_EXCHANGE_EXTENSION, NULL);
  g_autofree char *written = NULL;
  gsize len;
  const char *needles[] = { MARKER, "TEST-001", "Example Rosemary", "Italian course",
                            "Example Legal Aid", "pathway-export", "case_code", NULL };

  fill_store (store);
  bytes = export_all (store);
  for (guint i = 0; needles[i] != NULL; i++)
    g_assert_true (contains (bytes, needles[i]));

  encrypted = pw_exchange_encrypt (bytes, PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  target = g_file_new_for_path (path);
  g_assert_true (pw_exchange_write_file (target, encrypted, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &len, &error));
  g_assert_cmpuint (len, ==, g_bytes_get_size (encrypted));

  /* Not a word of her file, not even the format's own names. */
  for (guint i = 0; needles[i] != NULL; i++)
    g_assert_false (contains (encrypted, needles[i]));
  g_assert_true (pw_exchange_is_encrypted (encrypted));
  g_assert_false (pw_exchange_is_encrypted (bytes));

  plain = pw_exchange_decrypt (encrypted, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, bytes));

  /* The same content twice gives two different files (fresh salt). */
  {
    g_autoptr(GBytes) again = pw_exchange_encrypt (bytes, PASSPHRASE, pw_kdf_cost_fast (), &error);
    g_assert_false (g_bytes_equal (again, encrypted));
  }
}

static void
test_encrypted_wrong_passphrase (void)
{
  g_autoptr(GBytes) plain = g_bytes_new_static ("{}", 2);
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwExchangeFile) file = NULL;

  encrypted = pw_exchange_encrypt (plain, PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);

  g_assert_null (pw_exchange_decrypt (encrypted, "violet harbour under nine kites ", &error));
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_WRONG_PASSPHRASE);
  g_assert_true (strstr (error->message, "passphrase") != NULL);
  g_clear_error (&error);

  file = pw_exchange_file_new (encrypted, NULL, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);

  file = pw_exchange_file_new (encrypted, "wrong", NULL, &error);
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* The same passphrase in another Unicode normalisation opens it. */
  {
    g_autoptr(GBytes) accented = NULL;
    g_autoptr(GBytes) out = NULL;

    accented = pw_exchange_encrypt (plain, "caf\xc3\xa9 au lait sous la pluie", pw_kdf_cost_fast (), &error);
    out = pw_exchange_decrypt (accented, "cafe\xcc\x81 au lait sous la pluie", &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (out, plain));
  }
}

/* ------------------------------------------------------------------------ */
/* Malformed files leave the vault byte for byte as it was                 */

typedef struct
{
  const char *name;      /* tests/data/exchange/malformed/NAME.json */
  int         code;
  const char *mentions;  /* a word the message must contain, or NULL */
} Malformed;

static const Malformed malformed[] = {
  { "empty", PW_EXCHANGE_ERROR_NOT_JSON, "empty" },
  { "not-json", PW_EXCHANGE_ERROR_NOT_JSON, NULL },
  { "comment", PW_EXCHANGE_ERROR_NOT_JSON, "comments" },
  { "trailing-data", PW_EXCHANGE_ERROR_NOT_JSON, "after the end" },
  { "duplicate-member", PW_EXCHANGE_ERROR_NOT_JSON, "twice" },
  { "truncated-json", PW_EXCHANGE_ERROR_NOT_JSON, NULL },
  { "lone-surrogate", PW_EXCHANGE_ERROR_NOT_JSON, "surrogate" },
  { "single-quotes", PW_EXCHANGE_ERROR_NOT_JSON, "double quotes" },
  { "too-deep", PW_EXCHANGE_ERROR_NOT_JSON, "deeply" },
  { "not-utf8", PW_EXCHANGE_ERROR_NOT_JSON, "UTF-8" },
  { "array-root", PW_EXCHANGE_ERROR_NOT_EXPORT, NULL },
  { "wrong-format", PW_EXCHANGE_ERROR_NOT_EXPORT, NULL },
  { "template-file", PW_EXCHANGE_ERROR_NOT_EXPORT, NULL },
  { "newer-version", PW_EXCHANGE_ERROR_TOO_NEW, "newer" },
  { "version-zero", PW_EXCHANGE_ERROR_INVALID_VALUE, "format_version" },
  { "version-text", PW_EXCHANGE_ERROR_WRONG_TYPE, "format_version" },
  { "missing-survivors", PW_EXCHANGE_ERROR_MISSING_MEMBER, "survivors" },
  { "missing-case-code", PW_EXCHANGE_ERROR_MISSING_MEMBER, "case_code" },
  { "missing-exported-at", PW_EXCHANGE_ERROR_MISSING_MEMBER, "exported_at" },
  { "empty-case-code", PW_EXCHANGE_ERROR_INVALID_VALUE, "case_code" },
  { "case-code-number", PW_EXCHANGE_ERROR_WRONG_TYPE, "case_code" },
  { "survivors-object", PW_EXCHANGE_ERROR_WRONG_TYPE, "survivors" },
  { "plan-item-string", PW_EXCHANGE_ERROR_WRONG_TYPE, "plan_items" },
  { "birth-year-float", PW_EXCHANGE_ERROR_WRONG_TYPE, "birth_year" },
  { "bad-date", PW_EXCHANGE_ERROR_INVALID_VALUE, "due_date" },
  { "february-30", PW_EXCHANGE_ERROR_INVALID_VALUE, "since" },
  { "bad-time", PW_EXCHANGE_ERROR_INVALID_VALUE, "created_at" },
  { "unknown-status", PW_EXCHANGE_ERROR_INVALID_VALUE, "status" },
  { "score-six", PW_EXCHANGE_ERROR_INVALID_VALUE, "her_score" },
  { "risk-level-on-checkin", PW_EXCHANGE_ERROR_INVALID_VALUE, "risk_level" },
  { "country-three-letters", PW_EXCHANGE_ERROR_INVALID_VALUE, "country_of_origin" },
  { "unknown-member", PW_EXCHANGE_ERROR_UNKNOWN_MEMBER, "restricted" },
  { "duplicate-case-code", PW_EXCHANGE_ERROR_DUPLICATE, "TEST-001" },
  { "duplicate-plan-item-id", PW_EXCHANGE_ERROR_DUPLICATE, NULL },
  { "dangling-service", PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE, "referred_organisation" },
  { "dangling-plan-item", PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE, "plan_item" },
  { "foreign-consent", PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE, "consent" },
  { "referral-without-consent", PW_EXCHANGE_ERROR_INVALID_VALUE, NULL },
  { "sharing-without-service", PW_EXCHANGE_ERROR_MISSING_MEMBER, "service" },
  { "transfer-two-survivors", PW_EXCHANGE_ERROR_INVALID_VALUE, NULL },
  { "transfer-dangling-consent", PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE, "consent" },
  { "huge-number", PW_EXCHANGE_ERROR_NOT_JSON, "too large" },
  { "bad-step-id", PW_EXCHANGE_ERROR_INVALID_VALUE, "step" },
  { "closure-reason-active", PW_EXCHANGE_ERROR_INVALID_VALUE, "reason_for_case_closure" },
};

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(none)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static char *
vault_digest (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "vault.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "vault.db-wal", NULL);
  g_autofree char *a = file_digest (db);
  g_autofree char *b = file_digest (wal);

  return g_strconcat (a, "/", b, NULL);
}

/* What the import dialog does: read, and import only when reading worked. */
static gboolean
try_import (GBytes      *contents,
            const char  *passphrase,
            PwStore     *store,
            GError     **error)
{
  g_autoptr(PwExchangeFile) file = pw_exchange_file_new (contents, passphrase, NULL, error);

  if (file == NULL)
    return FALSE;
  return pw_exchange_file_import (file, store, NULL, NULL, error);
}

static void
assert_refused (PwStore    *store,
                const char *dir,
                GBytes     *contents,
                const char *passphrase,
                int         code,
                const char *mentions,
                const char *name)
{
  g_autofree char *before = vault_digest (dir);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (try_import (contents, passphrase, store, &error))
    g_error ("%s was imported", name);
  g_assert_nonnull (error);
  if (!g_error_matches (error, PW_EXCHANGE_ERROR, code))
    g_error ("%s: expected error %d, got %d: %s", name, code, error->code, error->message);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("%s: the message does not mention “%s”: %s", name, mentions, error->message);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_test_message ("%s: %s", name, error->message);

  after = vault_digest (dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_malformed_fixtures (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PwStore) store = open_store (dir);
  guint n = 0;

  add_survivor (store, "TEST-900", "Example Basil");

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strconcat (malformed[i].name, ".json", NULL);
      g_autofree char *path = g_build_filename (pw_test_source_root (), "tests", "data", "exchange",
                                                "malformed", name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      assert_refused (store, dir, bytes, NULL, malformed[i].code, malformed[i].mentions, name);
      n++;
    }
  g_assert_cmpuint (n, >=, 25);
}

/* The valid fixture imports, so every malformed one fails for its flaw. */
static GBytes *
valid_fixture (void)
{
  g_autofree char *path = g_build_filename (pw_test_source_root (), "tests", "data", "exchange",
                                            "valid.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static void
test_valid_fixture (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PwStore) store = open_store (dir);
  g_autoptr(GBytes) bytes = valid_fixture ();
  g_autoptr(GError) error = NULL;

  g_assert_true (try_import (bytes, NULL, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id_of (store, "TEST-001"), >, 0);
}

/* Generated rather than stored: big lists, and broken encryption. */
static void
test_malformed_generated (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PwStore) store = open_store (dir);
  g_autoptr(GBytes) valid = valid_fixture ();
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GString) huge = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *p;
  gsize len;

  add_survivor (store, "TEST-900", "Example Basil");

  /* A list longer than the limit. */
  huge = g_string_new ("{\"format\": \"pathway-export\", \"format_version\": 1, "
                       "\"exported_at\": \"2024-01-01T00:00:00Z\", \"scope\": \"vault\", "
                       "\"exported_by\": {\"program\": \"Pathway\", \"version\": \"1\"}, "
                       "\"services\": [], \"survivors\": [{\"id\": 1, \"case_code\": \"TEST-1\", "
                       "\"case_status\": \"active\", \"notes\": [");
  for (guint i = 0; i <= PW_EXCHANGE_MAX_RECORDS; i++)
    g_string_append_printf (huge, "%s{\"id\": %u, \"date\": \"2024-01-01\", \"body\": \"x\"}",
                            i > 0 ? "," : "", i + 1);
  g_string_append (huge, "]}]}");
  {
    g_autoptr(GBytes) bytes = g_bytes_new (huge->str, huge->len);
    assert_refused (store, dir, bytes, NULL, PW_EXCHANGE_ERROR_TOO_LARGE, "notes", "huge-array");
  }

  /* A text longer than the limit. */
  {
    g_autofree char *words = g_strnfill (PW_EXCHANGE_MAX_TEXT + 1, 'w');
    g_autofree char *text = g_strdup_printf (
      "{\"format\": \"pathway-export\", \"format_version\": 1, "
      "\"exported_at\": \"2024-01-01T00:00:00Z\", \"scope\": \"vault\", "
      "\"exported_by\": {\"program\": \"Pathway\", \"version\": \"1\"}, "
      "\"services\": [], \"survivors\": [{\"id\": 1, \"case_code\": \"TEST-1\", "
      "\"case_status\": \"active\", \"plan_items\": [{\"id\": 1, \"title\": \"t\", "
      "\"status\": \"agreed\", \"her_words\": \"%s\"}]}]}", words);
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    assert_refused (store, dir, bytes, NULL, PW_EXCHANGE_ERROR_TOO_LARGE, "her_words", "text-too-long");
  }

  /* Encrypted: truncated at many places, a flipped byte anywhere, extra data. */
  encrypted = pw_exchange_encrypt (valid, PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  p = g_bytes_get_data (encrypted, &len);

  {
    g_autoptr(GBytes) cut = g_bytes_new (p, len - 1);
    assert_refused (store, dir, cut, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, NULL, "truncated-stream");
  }
  {
    g_autoptr(GBytes) cut = g_bytes_new (p, 40);
    assert_refused (store, dir, cut, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, "cut short", "truncated-header");
  }
  {
    g_autoptr(GBytes) cut = g_bytes_new (p, 66 + 16 + 17);
    assert_refused (store, dir, cut, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, "cut short", "truncated-after-check");
  }
  {
    g_autofree guint8 *copy = g_memdup2 (p, len);
    g_autoptr(GBytes) tampered = NULL;

    copy[len - 30] ^= 0x01;
    tampered = g_bytes_new (copy, len);
    assert_refused (store, dir, tampered, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, "changed", "tampered-ciphertext");
  }
  {
    g_autofree guint8 *copy = g_memdup2 (p, len);
    g_autoptr(GBytes) tampered = NULL;

    /* The salt: the key no longer matches, as with a wrong passphrase. */
    copy[30] ^= 0x80;
    tampered = g_bytes_new (copy, len);
    assert_refused (store, dir, tampered, PASSPHRASE, PW_EXCHANGE_ERROR_WRONG_PASSPHRASE, NULL, "tampered-salt");
  }
  {
    g_autofree guint8 *copy = g_memdup2 (p, len);
    g_autoptr(GBytes) tampered = NULL;

    copy[18 + 5] = 0x7f;  /* a memory limit no file of ours asks for */
    tampered = g_bytes_new (copy, len);
    assert_refused (store, dir, tampered, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, "header", "hostile-cost");
  }
  {
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autoptr(GBytes) bytes = NULL;

    g_byte_array_append (longer, p, len);
    g_byte_array_append (longer, (const guint8 *) "more", 4);
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
    /* Framed in fixed chunks, extra bytes break the last one's seal. */
    assert_refused (store, dir, bytes, PASSPHRASE, PW_EXCHANGE_ERROR_DAMAGED, NULL, "trailing-ciphertext");
  }
}

/* ------------------------------------------------------------------------ */
/* Conflicts, unknown steps                                                 */

static void
test_conflicts (void)
{
  g_autofree char *dir_a = make_dir ();
  g_autofree char *dir_b = make_dir ();
  g_autoptr(PwStore) a = open_store (dir_a);
  g_autoptr(PwStore) b = open_store (dir_b);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwExchangeFile) file = NULL;
  g_autoptr(GHashTable) renames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) services = NULL;
  guint n;

  fill_store (a);
  bytes = export_all (a);
  file = read_file (bytes, NULL);
  g_assert_true (pw_exchange_file_import (file, b, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 2);

  /* The same file again: both codes taken. */
  conflicts = pw_exchange_file_find_conflicts (file, b);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 2);
  before = vault_digest (dir_b);
  g_assert_false (pw_exchange_file_import (file, b, NULL, &n, &error));
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A new code that is taken too is refused before anything is written. */
  g_hash_table_insert (renames, "TEST-001", "TEST-002");
  g_hash_table_insert (renames, "TEST-002", "");
  g_assert_false (pw_exchange_file_import (file, b, renames, &n, &error));
  g_assert_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = vault_digest (dir_b);
  g_assert_cmpstr (before, ==, after);

  suggested = pw_exchange_file_suggest_code (file, b, "TEST-001");
  g_assert_cmpstr (suggested, ==, "TEST-001-2");
  g_hash_table_insert (renames, "TEST-001", suggested);
  g_assert_true (pw_exchange_file_import (file, b, renames, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (id_of (b, "TEST-001-2"), >, 0);

  /* Services already in the directory are not added twice. */
  services = pw_store_list_services (b, &error);
  g_assert_cmpuint (services->len, ==, 3);
}

static void
test_unknown_steps (void)
{
  g_autoptr(PwTemplateRegistry) templates = shipped_templates ();
  g_autoptr(GBytes) bytes = valid_fixture ();
  g_autoptr(PwExchangeFile) file = read_file (bytes, NULL);
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) missing = NULL;

  unknown = pw_exchange_file_find_unknown_steps (file, templates, &missing);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "TEST-001: recovery.moon-landing");
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "TEST-002: example-programme");
}

/* ------------------------------------------------------------------------ */
/* Files, passphrases, the example cases                                    */

static void
test_write_atomic (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pathway", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) second = g_bytes_new_static ("second", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *missing_dir = g_build_filename (dir, "gone", "out.pathway", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing_dir);
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (pw_exchange_write_file (file, first, &error));
  g_assert_true (pw_exchange_write_file (file, second, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second");

  g_assert_false (pw_exchange_write_file (nowhere, first, &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "out.pathway") != NULL);

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_check_passphrase (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;

  recovery = pw_vault_create (vault, "Test Worker", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_true (pw_exchange_check_passphrase (vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_exchange_check_passphrase (vault, "not it", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  /* The recovery key is not a passphrase to re-enter. */
  g_assert_false (pw_exchange_check_passphrase (vault, recovery, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
}

static GBytes *
demo_bytes (void)
{
  g_autofree char *path = g_build_filename (pw_test_source_root (), "data", "demo", "cases.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static void
test_demo_cases (void)
{
  g_auto(GStrv) shipped = pw_test_languages ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;
  g_autoptr(PwTemplateRegistry) templates = shipped_templates ();
  g_autoptr(GBytes) bytes = demo_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *translations;
  g_autoptr(GList) english = NULL;

  /* Every text that has an Italian translation has one in every shipped
   * language: the example cases are complete in each. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &parse_error));
  g_assert_no_error (parse_error);
  translations = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                "translations");
  english = json_object_get_members (json_object_get_object_member (translations, "it"));
  g_assert_cmpuint (g_list_length (english), >, 50);
  for (guint l = 0; shipped[l] != NULL; l++)
    {
      JsonObject *table = json_object_get_object_member (translations, shipped[l]);

      if (table == NULL)
        g_error ("the example cases have no texts in %s", shipped[l]);
      for (GList *t = english; t != NULL; t = t->next)
        if (!json_object_has_member (table, t->data) ||
            *json_object_get_string_member (table, t->data) == '\0')
          g_error ("the example cases have no %s text for “%s”", shipped[l], (const char *) t->data);
      g_assert_cmpuint (json_object_get_size (table), ==, g_list_length (english));
    }

  g_strv_builder_add (builder, "en");
  g_strv_builder_addv (builder, (const char **) shipped);
  languages = g_strv_builder_end (builder);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      PwExchangeReadOptions options = { languages[l], "2030-06-15" };
      g_autoptr(PwExchangeFile) file = NULL;
      g_autoptr(PwStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) codes = NULL;
      g_auto(GStrv) unknown = NULL;
      g_auto(GStrv) missing = NULL;
      g_autoptr(GHashTable) stages = NULL;
      g_autoptr(GPtrArray) services = NULL;
      guint n;

      file = pw_exchange_file_new (bytes, NULL, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pw_exchange_file_get_scope (file), ==, "examples");
      n = pw_exchange_file_get_n_survivors (file);
      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpuint (n, <=, 8);
      codes = pw_exchange_file_dup_case_codes (file);
      for (guint i = 0; i < n; i++)
        g_assert_true (g_str_has_prefix (codes[i], "DEMO-"));

      /* Every step her plan points at is on her pathway. */
      unknown = pw_exchange_file_find_unknown_steps (file, templates, &missing);
      for (guint i = 0; unknown[i] != NULL; i++)
        g_test_message ("unknown step %s", unknown[i]);
      g_assert_cmpuint (g_strv_length (unknown), ==, 0);
      g_assert_cmpuint (g_strv_length (missing), ==, 0);

      store = pw_store_open_in_memory (&error);
      g_assert_no_error (error);
      g_assert_true (pw_exchange_file_import (file, store, NULL, &n, &error));
      g_assert_no_error (error);

      /* All four stages are someone's current stage. */
      stages = pw_store_count_active_by_stage (store, &error);
      g_assert_no_error (error);
      g_assert_nonnull (g_hash_table_lookup (stages, "detection"));
      g_assert_nonnull (g_hash_table_lookup (stages, "rights"));
      g_assert_nonnull (g_hash_table_lookup (stages, "recovery"));
      g_assert_nonnull (g_hash_table_lookup (stages, "autonomy"));

      /* Moved to today: the latest check-in is recent, not years old. */
      g_assert_cmpint (pw_exchange_file_get_exported_at (file) / G_USEC_PER_SEC, >=, 1907712000); /* 2030-06-15 */

      services = pw_store_list_services (store, &error);
      g_assert_cmpuint (services->len, >=, 4);
      if (g_str_equal (languages[l], "it"))
        {
          gboolean italian = FALSE;

          for (guint i = 0; i < services->len; i++)
            if (strstr (pw_service_get_name (services->pdata[i]), "Sportello") != NULL ||
                strstr (pw_service_get_name (services->pdata[i]), "Centro") != NULL ||
                strstr (pw_service_get_name (services->pdata[i]), "Scuola") != NULL)
              italian = TRUE;
          g_assert_true (italian);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Fuzzing: random mutations of a valid file, bounded in time              */

static guint32
next_random (guint32 *state)
{
  /* xorshift32: reproducible from the seed printed on failure */
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

static GBytes *
mutate (GBytes  *seed,
        guint32 *rng)
{
  static const char *tokens[] = {
    "{", "}", "[", "]", ",", ":", "\"", "null", "true", "0", "-1", "1e999", "\"\\ud800\"",
    "\"x\"", "99999999999999999999", "\"2024-02-30\"", "[]", "{}", "\"id\"", "\"case_code\"",
  };
  gsize len;
  const guint8 *p = g_bytes_get_data (seed, &len);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint n_mutations = 1 + next_random (rng) % 4;

  g_byte_array_append (out, p, len);
  for (guint m = 0; m < n_mutations && out->len > 0; m++)
    {
      guint at = next_random (rng) % out->len;

      switch (next_random (rng) % 6)
        {
        case 0:  /* flip a bit */
          out->data[at] ^= 1 << (next_random (rng) % 8);
          break;
        case 1:  /* delete a run */
          {
            guint n = 1 + next_random (rng) % 16;
            g_byte_array_remove_range (out, at, MIN (out->len - at, n));
          }
          break;
        case 2:  /* insert a JSON token */
          {
            const char *t = tokens[next_random (rng) % G_N_ELEMENTS (tokens)];
            g_byte_array_set_size (out, out->len + strlen (t));
            memmove (out->data + at + strlen (t), out->data + at, out->len - at - strlen (t));
            memcpy (out->data + at, t, strlen (t));
          }
          break;
        case 3:  /* duplicate a run */
          {
            guint n = 1 + next_random (rng) % 64;
            g_autofree guint8 *run = NULL;
            guint to;

            n = MIN (out->len - at, n);
            run = g_memdup2 (out->data + at, n);
            to = next_random (rng) % out->len;

            g_byte_array_set_size (out, out->len + n);
            memmove (out->data + to + n, out->data + to, out->len - to - n);
            memcpy (out->data + to, run, n);
          }
          break;
        case 4:  /* cut the end */
          g_byte_array_set_size (out, at);
          break;
        default:  /* a random byte */
          out->data[at] = next_random (rng) & 0xff;
          break;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

typedef struct
{
  JsonNode *container;  /* an object or an array */
  char     *name;       /* the member, or NULL for an element */
  guint     index;
} Slot;

static void
collect_slots (JsonNode  *node,
               GArray    *slots)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        {
          Slot slot = { node, g_strdup (name), 0 };

          g_array_append_val (slots, slot);
          collect_slots (child, slots);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          Slot slot = { node, NULL, i };

          g_array_append_val (slots, slot);
          collect_slots (json_array_get_element (array, i), slots);
        }
    }
}

static void
slot_clear (gpointer data)
{
  g_free (((Slot *) data)->name);
}

static JsonNode *
random_value (guint32 *rng)
{
  JsonNode *node = json_node_alloc ();

  switch (next_random (rng) % 10)
    {
    case 0: json_node_init_null (node); break;
    case 1: json_node_init_int (node, -1); break;
    case 2: json_node_init_int (node, 0); break;
    case 3: json_node_init_int (node, 1 + next_random (rng) % 5); break;
    case 4: json_node_init_string (node, ""); break;
    case 5: json_node_init_string (node, "2024-02-30"); break;
    case 6: json_node_init_string (node, "TEST-001"); break;
    case 7: json_node_init_boolean (node, TRUE); break;
    case 8:
      {
        g_autoptr(JsonArray) array = json_array_new ();
        json_node_init_array (node, array);
      }
      break;
    default:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        json_node_init_object (node, object);
      }
      break;
    }
  return node;
}

/* One structural change that keeps the text valid JSON: the validator,
 * not the syntax check, has to catch it. */
static GBytes *
mutate_json (JsonNode *seed,
             guint32  *rng)
{
  g_autoptr(JsonNode) root = json_node_copy (seed);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  guint n_mutations = 1 + next_random (rng) % 3;
  char *text;
  gsize len;

  g_array_set_clear_func (slots, slot_clear);
  for (guint m = 0; m < n_mutations; m++)
    {
      Slot *slot;
      JsonNode *current;

      g_array_set_size (slots, 0);
      collect_slots (root, slots);
      if (slots->len == 0)
        break;
      slot = &g_array_index (slots, Slot, next_random (rng) % slots->len);
      if (slot->name != NULL)
        {
          JsonObject *object = json_node_get_object (slot->container);

          current = json_object_get_member (object, slot->name);
          switch (next_random (rng) % 4)
            {
            case 0:
              json_object_remove_member (object, slot->name);
              break;
            case 1:
              if (JSON_NODE_HOLDS_VALUE (current) && json_node_get_value_type (current) == G_TYPE_INT64)
                {
                  json_object_set_int_member (object, slot->name,
                                              json_node_get_int (current) + (int) (next_random (rng) % 3) - 1);
                  break;
                }
              G_GNUC_FALLTHROUGH;
            default:
              json_object_set_member (object, slot->name, random_value (rng));
              break;
            }
        }
      else
        {
          JsonArray *array = json_node_get_array (slot->container);

          current = json_array_get_element (array, slot->index);
          switch (next_random (rng) % 3)
            {
            case 0:
              json_array_remove_element (array, slot->index);
              break;
            case 1:
              json_array_add_element (array, json_node_copy (current));
              break;
            default:
              json_array_add_element (array, random_value (rng));
              break;
            }
        }
    }

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

static void
test_fuzz (void)
{
  const char *env = g_getenv ("PW_EXCHANGE_FUZZ_SECONDS");
  double seconds = env != NULL ? g_ascii_strtod (env, NULL) : 2.0;
  g_autoptr(PwStore) a = NULL;
  GBytes *seeds[3] = { NULL, };
  JsonNode *trees[3] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint32 rng = g_test_rand_int () | 1;
  guint64 runs = 0, accepted = 0, imported = 0, encrypted_runs = 0;
  guint32 seed0 = rng;
  double plain_seconds;

  a = pw_store_open_in_memory (&error);
  g_assert_no_error (error);
  pw_store_set_actor (a, "slot-test");
  fill_store (a);
  seeds[0] = export_all (a);
  seeds[1] = valid_fixture ();
  seeds[2] = demo_bytes ();
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      trees[i] = pw_exchange_parse_json (seeds[i], &error);
      g_assert_no_error (error);
    }
  g_test_message ("fuzz seed %u, %.0f s", seed0, seconds);

  while (g_timer_elapsed (timer, NULL) < seconds)
    {
      g_autoptr(GBytes) input = (runs & 1) ? mutate (seeds[runs % 3], &rng)
                                            : mutate_json (trees[runs % 3], &rng);
      g_autoptr(PwExchangeFile) file = NULL;
      g_autoptr(GError) local_error = NULL;

      runs++;
      file = pw_exchange_file_new (input, NULL, NULL, &local_error);
      if (file == NULL)
        {
          /* Every refusal is one of ours, with a sentence. */
          g_assert_nonnull (local_error);
          if (local_error->domain != PW_EXCHANGE_ERROR)
            g_error ("seed %u run %" G_GUINT64_FORMAT ": foreign error %s", seed0, runs, local_error->message);
          g_assert_cmpuint (strlen (local_error->message), >, 20);
          continue;
        }
      accepted++;

      /* Validated means importable: the vault never refuses what passed. */
      if (accepted % 4 == 1)
        {
          g_autoptr(PwStore) target = pw_store_open_in_memory (&local_error);

          g_assert_no_error (local_error);
          if (!pw_exchange_file_import (file, target, NULL, NULL, &local_error))
            g_error ("seed %u run %" G_GUINT64_FORMAT ": validated file failed to import: %s",
                     seed0, runs, local_error->message);
          imported++;
        }
    }

  plain_seconds = g_timer_elapsed (timer, NULL);

  /* The encrypted layer: any change to a sealed file is caught. */
  {
    g_autoptr(GBytes) sealed = pw_exchange_encrypt (seeds[1], PASSPHRASE, pw_kdf_cost_fast (), &error);
    g_autoptr(GTimer) t2 = g_timer_new ();

    while (g_timer_elapsed (t2, NULL) < seconds / 4)
      {
        g_autoptr(GBytes) input = mutate (sealed, &rng);
        g_autoptr(GBytes) out = NULL;
        g_autoptr(GError) local_error = NULL;

        encrypted_runs++;
        out = pw_exchange_decrypt (input, PASSPHRASE, &local_error);
        if (out != NULL)
          g_assert_true (g_bytes_equal (input, sealed) || g_bytes_equal (out, seeds[1]));
        else
          g_assert_true (local_error->domain == PW_EXCHANGE_ERROR);
      }
  }

  g_print ("# fuzz: %" G_GUINT64_FORMAT " mutated files in %.0f s (%" G_GUINT64_FORMAT " accepted, %"
           G_GUINT64_FORMAT " of them imported), %" G_GUINT64_FORMAT " mutated encrypted files in "
           "%.0f s, seed %u\n",
           runs, plain_seconds, accepted, imported, encrypted_runs,
           g_timer_elapsed (timer, NULL) - plain_seconds, seed0);
  g_assert_cmpuint (runs, >, 10);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_bytes_unref (seeds[i]);
      json_node_unref (trees[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  for (guint i = 0; i < PW_STORE_KEY_SIZE; i++)
    test_key[i] = i;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/exchange/round-trip/vault", test_round_trip_vault);
  g_test_add_func ("/exchange/round-trip/one-survivor", test_round_trip_one_survivor);
  g_test_add_func ("/exchange/encrypted/no-plaintext", test_encrypted_no_plaintext);
  g_test_add_func ("/exchange/encrypted/wrong-passphrase", test_encrypted_wrong_passphrase);
  g_test_add_func ("/exchange/valid-fixture", test_valid_fixture);
  g_test_add_func ("/exchange/malformed/fixtures", test_malformed_fixtures);
  g_test_add_func ("/exchange/malformed/generated", test_malformed_generated);
  g_test_add_func ("/exchange/conflicts", test_conflicts);
  g_test_add_func ("/exchange/unknown-steps", test_unknown_steps);
  g_test_add_func ("/exchange/write-atomic", test_write_atomic);
  g_test_add_func ("/exchange/check-passphrase", test_check_passphrase);
  g_test_add_func ("/exchange/demo-cases", test_demo_cases);
  g_test_add_func ("/exchange/fuzz", test_fuzz);

  return g_test_run ();
}
