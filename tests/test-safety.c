/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-safety"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pw-session.h"
#include "pw-store-private.h"
#include "pw-vault.h"

/* The store calls behind the Safety & consent, Progress and Notes tabs:
 * changes in her life that call for a risk review, reviews due, consents
 * expiring, the consent rule for referrals and their dated history,
 * restricted notes between two key slots. Fictional data only. */

static guint8 test_key[PW_STORE_KEY_SIZE];

typedef struct
{
  char    *dir;
  char    *path;
  PwStore *store;
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pw-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.db", NULL);
  f->store = pw_store_open (f->path, test_key, PW_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pw_store_set_actor (f->store, "slot-test");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_survivor (PwStore    *store,
              const char *code)
{
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_survivor_set_case_code (s, code);
  pw_survivor_set_alias (s, "Example Rosemary");
  pw_survivor_set_intake_date (s, "2026-01-05");
  id = pw_store_add_survivor (store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_risk (PwStore    *store,
          gint64      survivor_id,
          const char *date,
          const char *next_review)
{
  g_autoptr(PwAssessment) a = pw_assessment_new ();
  g_autoptr(GError) error = NULL;
  const char *factors[] = { "debt_pressure", "threats_to_relatives", NULL };
  gint64 id;

  pw_assessment_set_survivor_id (a, survivor_id);
  pw_assessment_set_kind (a, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_date (a, date);
  pw_assessment_set_risk_level (a, PW_RISK_LEVEL_MEDIUM);
  pw_assessment_set_risk_factors (a, factors);
  pw_assessment_set_next_review (a, next_review);
  id = pw_store_add_assessment (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_service (PwStore    *store,
             const char *name)
{
  g_autoptr(PwService) s = pw_service_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_service_set_name (s, name);
  pw_service_set_kind (s, "housing");
  id = pw_store_add_service (store, s, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_consent (PwStore         *store,
             gint64           survivor_id,
             PwConsentScope   scope,
             gint64           service_id,
             PwConsentStatus  status,
             const char      *date,
             const char      *expires)
{
  g_autoptr(PwConsent) c = pw_consent_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_consent_set_survivor_id (c, survivor_id);
  pw_consent_set_scope (c, scope);
  pw_consent_set_service_id (c, service_id);
  pw_consent_set_form (c, PW_CONSENT_FORM_WRITTEN);
  pw_consent_set_status (c, status);
  pw_consent_set_date (c, date);
  pw_consent_set_expires (c, expires);
  id = pw_store_add_consent (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static PwReferral *
new_referral (gint64            survivor_id,
              gint64            service_id,
              gint64            consent_id,
              PwReferralStatus  status,
              const char       *date)
{
  PwReferral *r = pw_referral_new ();

  pw_referral_set_survivor_id (r, survivor_id);
  pw_referral_set_service_id (r, service_id);
  pw_referral_set_consent_id (r, consent_id);
  pw_referral_set_status (r, status);
  pw_referral_set_date (r, date);
  return r;
}

static gint64
audit_rows (PwStore    *store,
            const char *kind,
            const char *action)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store),
                                       "SELECT count(*) FROM audit_log WHERE kind = ? AND action = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef struct
{
  guint        calls;
  PwRecordKind kind;
} Changed;

static void
on_changed (PwStore       *store,
            PwRecordKind   kind,
            gint64         id,
            gint64         survivor_id,
            PwAuditAction  action,
            Changed       *c)
{
  c->calls++;
  c->kind = kind;
}

/* ------------------------------------------------------------------------ */
/* Changes in her life and risk reviews                                     */

static void
test_life_change_record (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *residence = NULL;
  g_autofree char *work = NULL;
  Changed changed = { 0, };
  gint64 sid = add_survivor (f->store, "TEST-001");
  gint64 before = audit_rows (f->store, "survivor", "update");

  residence = pw_store_get_life_change (f->store, sid, PW_LIFE_CHANGE_RESIDENCE, &error);
  g_assert_no_error (error);
  g_assert_null (residence);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (pw_store_record_life_change (f->store, sid, PW_LIFE_CHANGE_RESIDENCE,
                                              "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpint (changed.kind, ==, PW_RECORD_KIND_SURVIVOR);
  g_assert_cmpint (audit_rows (f->store, "survivor", "update"), ==, before + 1);

  residence = pw_store_get_life_change (f->store, sid, PW_LIFE_CHANGE_RESIDENCE, &error);
  g_assert_cmpstr (residence, ==, "2026-03-02");
  work = pw_store_get_life_change (f->store, sid, PW_LIFE_CHANGE_WORK, &error);
  g_assert_null (work);

  /* Without a date it is today; a bad date or an unknown survivor is refused. */
  g_assert_true (pw_store_record_life_change (f->store, sid, PW_LIFE_CHANGE_WORK, NULL, &error));
  work = pw_store_get_life_change (f->store, sid, PW_LIFE_CHANGE_WORK, &error);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (work, ==, today);
  }
  g_assert_false (pw_store_record_life_change (f->store, sid, PW_LIFE_CHANGE_AREA, "2026-02-30", &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pw_store_record_life_change (f->store, sid + 100, PW_LIFE_CHANGE_AREA, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_null (pw_store_get_life_change (f->store, sid + 100, PW_LIFE_CHANGE_AREA, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_signal_handlers_disconnect_by_data (f->store, &changed);
}

static void
test_review_prompt_after_move (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) live = NULL;
  PwSurvivorQuery q = PW_SURVIVOR_QUERY_INIT;
  guint n = 0;
  gint64 sid = add_survivor (f->store, "TEST-001");
  PwReviewDue *due;

  /* No assessment yet: the first one is due, dated from her intake. */
  due = pw_store_get_review_due (f->store, sid, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_FIRST);
  g_assert_cmpstr (due->date, ==, "2026-01-05");
  pw_review_due_free (due);

  add_risk (f->store, sid, "2026-01-05", "2099-07-05");
  live = pw_store_get_survivor (f->store, sid, &error);
  g_assert_false (pw_survivor_get_review_due (live));
  due = pw_store_get_review_due (f->store, sid, "2026-03-01", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_NOT_DUE);
  g_assert_cmpstr (due->date, ==, "2099-07-05");
  pw_review_due_free (due);

  /* She moves: a review is due at once, though the next one was months away. */
  g_assert_true (pw_store_record_life_change (f->store, sid, PW_LIFE_CHANGE_RESIDENCE,
                                              "2026-03-02", &error));
  due = pw_store_get_review_due (f->store, sid, "2026-03-03", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_AFTER_CHANGE);
  g_assert_cmpint (due->change, ==, PW_LIFE_CHANGE_RESIDENCE);
  g_assert_cmpstr (due->date, ==, "2026-03-02");
  pw_review_due_free (due);
  /* The list badge and the caseload filter follow. */
  g_assert_true (pw_survivor_get_review_due (live));
  q.attention = PW_SURVIVOR_ATTENTION_REVIEW_DUE;
  q.today = "2026-03-03";
  g_assert_true (pw_store_count_survivors (f->store, &q, &n, &error));
  g_assert_cmpuint (n, ==, 1);

  /* A later change of work area is the one reported. */
  g_assert_true (pw_store_record_life_change (f->store, sid, PW_LIFE_CHANGE_AREA,
                                              "2026-03-10", &error));
  due = pw_store_get_review_due (f->store, sid, "2026-03-11", &error);
  g_assert_cmpint (due->change, ==, PW_LIFE_CHANGE_AREA);
  g_assert_cmpstr (due->date, ==, "2026-03-10");
  pw_review_due_free (due);

  /* A review on the day of the change answers it (the live flag counts
   * from the real today, hence the far dates). */
  add_risk (f->store, sid, "2026-03-10", "2099-06-10");
  due = pw_store_get_review_due (f->store, sid, "2026-03-11", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_NOT_DUE);
  pw_review_due_free (due);
  g_assert_false (pw_survivor_get_review_due (live));
  g_assert_true (pw_store_count_survivors (f->store, &q, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* Time passes: overdue. */
  due = pw_store_get_review_due (f->store, sid, "2099-06-11", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_OVERDUE);
  g_assert_cmpstr (due->date, ==, "2099-06-10");
  pw_review_due_free (due);
  due = pw_store_get_review_due (f->store, sid, "2099-06-10", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_NOT_DUE);
  pw_review_due_free (due);

  g_assert_null (pw_store_get_review_due (f->store, sid + 100, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
}

static void
test_reviews_due_list (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 first = add_survivor (f->store, "TEST-FIRST");
  gint64 moved = add_survivor (f->store, "TEST-MOVED");
  gint64 overdue = add_survivor (f->store, "TEST-OVERDUE");
  gint64 fine = add_survivor (f->store, "TEST-FINE");
  gint64 closed = add_survivor (f->store, "TEST-CLOSED");
  PwReviewDue *due;

  add_risk (f->store, moved, "2026-01-10", "2026-12-01");
  g_assert_true (pw_store_record_life_change (f->store, moved, PW_LIFE_CHANGE_WORK,
                                              "2026-02-20", &error));
  add_risk (f->store, overdue, "2025-10-01", "2026-01-01");
  add_risk (f->store, fine, "2026-02-01", "2026-08-01");
  g_assert_true (pw_store_set_survivor_status (f->store, closed, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_MOVED, &error));

  list = pw_store_list_reviews_due (f->store, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Oldest date first: overdue since 1 January, first since intake on
   * 5 January, moved on 20 February. */
  due = g_ptr_array_index (list, 0);
  g_assert_cmpint (due->survivor_id, ==, overdue);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_OVERDUE);
  due = g_ptr_array_index (list, 1);
  g_assert_cmpint (due->survivor_id, ==, first);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_FIRST);
  due = g_ptr_array_index (list, 2);
  g_assert_cmpint (due->survivor_id, ==, moved);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_AFTER_CHANGE);
  g_assert_cmpint (due->change, ==, PW_LIFE_CHANGE_WORK);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_null (pw_store_list_reviews_due (f->store, "2026-13-01", &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
}

/* ------------------------------------------------------------------------ */
/* Consents                                                                 */

static void
test_consents_expiring (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 sid = add_survivor (f->store, "TEST-001");
  gint64 closed = add_survivor (f->store, "TEST-CLOSED");
  gint64 service = add_service (f->store, "Example Shelter");
  gint64 soon, later, today_one;

  later = add_consent (f->store, sid, PW_CONSENT_SCOPE_DATA_SHARING, service,
                       PW_CONSENT_STATUS_GIVEN, "2026-01-10", "2026-03-31");
  soon = add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0,
                      PW_CONSENT_STATUS_GIVEN, "2026-01-10", "2026-03-05");
  today_one = add_consent (f->store, sid, PW_CONSENT_SCOPE_REPORTING, 0,
                           PW_CONSENT_STATUS_GIVEN, "2026-01-10", "2026-03-01");
  /* Not listed: expired, beyond the window, no expiry, refused, withdrawn,
   * or a closed case. */
  add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0, PW_CONSENT_STATUS_GIVEN,
               "2025-01-10", "2026-02-28");
  add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0, PW_CONSENT_STATUS_GIVEN,
               "2026-01-10", "2026-04-01");
  add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0, PW_CONSENT_STATUS_GIVEN,
               "2026-01-10", NULL);
  add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0, PW_CONSENT_STATUS_REFUSED,
               "2026-01-10", "2026-03-10");
  g_assert_true (pw_store_set_consent_status (f->store,
                                              add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0,
                                                           PW_CONSENT_STATUS_GIVEN, "2026-01-10",
                                                           "2026-03-10"),
                                              PW_CONSENT_STATUS_WITHDRAWN, &error));
  add_consent (f->store, closed, PW_CONSENT_SCOPE_SERVICES, 0, PW_CONSENT_STATUS_GIVEN,
               "2026-01-10", "2026-03-10");
  g_assert_true (pw_store_set_survivor_status (f->store, closed, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_OTHER, &error));

  list = pw_store_list_expiring_consents (f->store, "2026-03-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (pw_consent_get_id (g_ptr_array_index (list, 0)), ==, today_one);
  g_assert_cmpint (pw_consent_get_id (g_ptr_array_index (list, 1)), ==, soon);
  g_assert_cmpint (pw_consent_get_id (g_ptr_array_index (list, 2)), ==, later);
  g_assert_cmpint (pw_consent_get_service_id (g_ptr_array_index (list, 2)), ==, service);
  g_assert_cmpint (pw_consent_get_survivor_id (g_ptr_array_index (list, 2)), ==, sid);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = pw_store_list_expiring_consents (f->store, "2026-03-01", 7, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Referrals: the consent rule and the dated history                        */

static void
assert_send_refused (Fixture    *f,
                     PwReferral *r)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pw_store_add_referral (f->store, r, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
}

static void
test_referral_consent_rule (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwReferral) r = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 sid = add_survivor (f->store, "TEST-001");
  gint64 other = add_survivor (f->store, "TEST-002");
  gint64 shelter = add_service (f->store, "Example Shelter");
  gint64 school = add_service (f->store, "Example Language School");
  gint64 for_school, refused, expired, hers_general, others, covering, id;

  /* No consent at all. */
  r = new_referral (sid, shelter, 0, PW_REFERRAL_STATUS_SENT, "2026-03-01");
  assert_send_refused (f, r);
  g_clear_object (&r);

  /* Consents that do not cover the shelter on that date. */
  for_school = add_consent (f->store, sid, PW_CONSENT_SCOPE_DATA_SHARING, school,
                            PW_CONSENT_STATUS_GIVEN, "2026-02-01", NULL);
  refused = add_consent (f->store, sid, PW_CONSENT_SCOPE_DATA_SHARING, shelter,
                         PW_CONSENT_STATUS_REFUSED, "2026-02-01", NULL);
  expired = add_consent (f->store, sid, PW_CONSENT_SCOPE_DATA_SHARING, shelter,
                         PW_CONSENT_STATUS_GIVEN, "2025-02-01", "2026-02-28");
  hers_general = add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, 0,
                              PW_CONSENT_STATUS_GIVEN, "2026-02-01", NULL);
  others = add_consent (f->store, other, PW_CONSENT_SCOPE_DATA_SHARING, shelter,
                        PW_CONSENT_STATUS_GIVEN, "2026-02-01", NULL);
  {
    gint64 not_covering[] = { for_school, refused, expired, hers_general, others };

    for (guint i = 0; i < G_N_ELEMENTS (not_covering); i++)
      {
        r = new_referral (sid, shelter, not_covering[i], PW_REFERRAL_STATUS_SENT, "2026-03-01");
        assert_send_refused (f, r);
        g_clear_object (&r);
      }
  }
  /* Someone else's consent is refused even on a proposal. */
  r = new_referral (sid, shelter, others, PW_REFERRAL_STATUS_PROPOSED, "2026-03-01");
  assert_send_refused (f, r);
  g_clear_object (&r);
  g_assert_cmpint (pw_store_find_covering_consent (f->store, sid, shelter, "2026-03-01", &error), ==, 0);
  g_assert_no_error (error);

  /* Given, naming the shelter, valid that day: sent. */
  covering = add_consent (f->store, sid, PW_CONSENT_SCOPE_DATA_SHARING, shelter,
                          PW_CONSENT_STATUS_GIVEN, "2026-03-01", "2026-09-01");
  g_assert_cmpint (pw_store_find_covering_consent (f->store, sid, shelter, "2026-03-01", &error), ==, covering);
  /* On 28 February the older one still held; the new one did not yet. */
  g_assert_cmpint (pw_store_find_covering_consent (f->store, sid, shelter, "2026-02-28", &error), ==, expired);
  g_assert_cmpint (pw_store_find_covering_consent (f->store, sid, shelter, "2026-09-02", &error), ==, 0);
  g_assert_cmpint (pw_store_find_covering_consent (f->store, other, shelter, "2026-03-01", &error), ==, others);
  r = new_referral (sid, shelter, covering, PW_REFERRAL_STATUS_SENT, "2026-03-01");
  id = pw_store_add_referral (f->store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Once sent it cannot be moved to a service her consent does not name. */
  pw_referral_set_service_id (r, school);
  g_assert_false (pw_store_update_referral (f->store, r, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pw_referral_set_consent_id (r, for_school);
  g_assert_true (pw_store_update_referral (f->store, r, &error));
  g_assert_no_error (error);
  g_clear_object (&r);

  /* With an explicit reason instead of consent. */
  r = new_referral (sid, school, 0, PW_REFERRAL_STATUS_SENT, "2026-03-01");
  pw_referral_set_no_consent_reason (r, "   ");
  assert_send_refused (f, r);
  pw_referral_set_no_consent_reason (r, "Example reason: emergency accommodation tonight");
  g_assert_cmpint (pw_store_add_referral (f->store, r, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&r);

  /* Proposed without consent; sending it waits for one. */
  r = new_referral (sid, shelter, 0, PW_REFERRAL_STATUS_PROPOSED, "2026-03-02");
  id = pw_store_add_referral (f->store, r, &error);
  g_assert_no_error (error);
  g_assert_false (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_SENT,
                                                   "2026-03-03", NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Withdrawn consent no longer covers. */
  pw_referral_set_consent_id (r, covering);
  g_assert_true (pw_store_update_referral (f->store, r, &error));
  g_assert_true (pw_store_set_consent_status (f->store, covering, PW_CONSENT_STATUS_WITHDRAWN, &error));
  g_assert_false (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_SENT,
                                                   "2026-03-03", NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pw_store_set_consent_status (f->store, covering, PW_CONSENT_STATUS_GIVEN, &error));
  g_assert_true (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_SENT,
                                                  "2026-03-03", NULL, &error));
  g_assert_no_error (error);
  /* Later steps do not ask again: a withdrawal after sending does not
   * block recording what the service did. */
  g_assert_true (pw_store_set_consent_status (f->store, covering, PW_CONSENT_STATUS_WITHDRAWN, &error));
  g_assert_true (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_DECLINED,
                                                  "2026-03-09", "Example outcome: no places", &error));
  g_assert_no_error (error);

  list = pw_store_list_referrals (f->store, sid, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (pw_referral_get_status (g_ptr_array_index (list, 2)), ==, PW_REFERRAL_STATUS_DECLINED);
  g_assert_cmpstr (pw_referral_get_outcome (g_ptr_array_index (list, 2)), ==, "Example outcome: no places");
}

static void
test_referral_history (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwReferral) r = NULL;
  g_autoptr(GArray) history = NULL;
  gint64 sid = add_survivor (f->store, "TEST-001");
  gint64 shelter = add_service (f->store, "Example Shelter");
  gint64 consent = add_consent (f->store, sid, PW_CONSENT_SCOPE_SERVICES, shelter,
                                PW_CONSENT_STATUS_GIVEN, "2026-03-01", NULL);
  gint64 id;
  PwReferralStatusDate *h;

  r = new_referral (sid, shelter, consent, PW_REFERRAL_STATUS_PROPOSED, "2026-03-01");
  id = pw_store_add_referral (f->store, r, &error);
  g_assert_no_error (error);
  g_assert_true (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_SENT,
                                                  "2026-03-02", NULL, &error));
  g_assert_true (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_ACCEPTED,
                                                  "2026-03-05", NULL, &error));
  g_assert_true (pw_store_set_referral_status (f->store, id, PW_REFERRAL_STATUS_COMPLETED,
                                               "Example outcome", &error));
  g_assert_false (pw_store_record_referral_status (f->store, id, PW_REFERRAL_STATUS_COMPLETED,
                                                   "2026-03-35", NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pw_store_record_referral_status (f->store, id + 100, PW_REFERRAL_STATUS_SENT,
                                                   NULL, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  history = pw_store_list_referral_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  h = &g_array_index (history, PwReferralStatusDate, 0);
  g_assert_cmpint (h->status, ==, PW_REFERRAL_STATUS_PROPOSED);
  g_assert_cmpstr (h->date, ==, "2026-03-01");
  h = &g_array_index (history, PwReferralStatusDate, 1);
  g_assert_cmpint (h->status, ==, PW_REFERRAL_STATUS_SENT);
  g_assert_cmpstr (h->date, ==, "2026-03-02");
  h = &g_array_index (history, PwReferralStatusDate, 2);
  g_assert_cmpint (h->status, ==, PW_REFERRAL_STATUS_ACCEPTED);
  g_assert_cmpstr (h->date, ==, "2026-03-05");
  h = &g_array_index (history, PwReferralStatusDate, 3);
  g_assert_cmpint (h->status, ==, PW_REFERRAL_STATUS_COMPLETED);
  g_assert_cmpuint (strlen (h->date), ==, 10);
  g_assert_cmpint (audit_rows (f->store, "referral", "status"), ==, 3);

  /* The history goes with the referral. */
  g_assert_true (pw_store_delete_record (f->store, PW_RECORD_KIND_REFERRAL, id, &error));
  g_clear_pointer (&history, g_array_unref);
  history = pw_store_list_referral_history (f->store, id, &error);
  g_assert_cmpuint (history->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Schema v2                                                                */

static void
test_migration_v1_to_v2 (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) v1 = NULL;
  g_autoptr(PwStore) v2 = NULL;
  g_autoptr(GArray) history = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  const PwStoreMigration *migrations;
  PwReviewDue *due;
  guint n;
  sqlite3 *db;

  migrations = pw_store_get_default_migrations (&n);
  g_assert_cmpuint (n, >=, 2);
  v1 = pw_store_open_with_migrations (path, test_key, PW_STORE_OPEN_CREATE, migrations, 1, &error);
  g_assert_no_error (error);
  /* A v1 vault with a sent referral, written as v1 wrote it. */
  db = pw_store_get_handle (v1);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO survivor (id, case_code, created_at, updated_at) "
                                 "  VALUES (1, 'TEST-001', 1, 1);"
                                 "INSERT INTO service (id, name, created_at, updated_at) "
                                 "  VALUES (1, 'Example Shelter', 1, 1);"
                                 "INSERT INTO referral (id, survivor_id, service_id, no_consent_reason, "
                                 "  date, status, created_at, updated_at) "
                                 "  VALUES (1, 1, 1, 'Example reason', '2025-05-06', 'sent', 1, 7);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&v1);

  v2 = pw_store_open (path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  history = pw_store_list_referral_history (v2, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (g_array_index (history, PwReferralStatusDate, 0).status, ==, PW_REFERRAL_STATUS_SENT);
  g_assert_cmpstr (g_array_index (history, PwReferralStatusDate, 0).date, ==, "2025-05-06");
  g_assert_null (pw_store_get_life_change (v2, 1, PW_LIFE_CHANGE_RESIDENCE, &error));
  g_assert_no_error (error);
  due = pw_store_get_review_due (v2, 1, NULL, &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_FIRST);
  g_assert_null (due->date);
  pw_review_due_free (due);
}

/* Writes tests/data/store/vault-v2.db (see the README beside it). */
static int
write_v2_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwReferral) r = NULL;
  gint64 sid, service, consent, id;

  g_unlink (path);
  store = pw_store_open (path, test_key, PW_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pw_store_set_actor (store, "fixture");
  sid = add_survivor (store, "FIXTURE-002");
  add_risk (store, sid, "2025-01-10", "2025-04-10");
  g_assert_true (pw_store_record_life_change (store, sid, PW_LIFE_CHANGE_RESIDENCE, "2025-02-01", &error));
  service = add_service (store, "Example Shelter");
  consent = add_consent (store, sid, PW_CONSENT_SCOPE_DATA_SHARING, service, PW_CONSENT_STATUS_GIVEN,
                         "2025-01-10", "2026-01-10");
  r = new_referral (sid, service, consent, PW_REFERRAL_STATUS_PROPOSED, "2025-01-11");
  id = pw_store_add_referral (store, r, &error);
  g_assert_no_error (error);
  g_assert_true (pw_store_record_referral_status (store, id, PW_REFERRAL_STATUS_SENT, "2025-01-12", NULL, &error));
  sqlite3_exec (pw_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  return 0;
}

static char *
schema_of (PwStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store),
                                       "SELECT group_concat (type || ' ' || name || ' ' || coalesce (sql, ''), '\n') "
                                       "FROM (SELECT * FROM sqlite_master ORDER BY name)", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* A vault written at schema v2 keeps opening, with what it held, and its
 * schema is what a fresh vault gets: v2 cannot change without a migration. */
static void
test_fixture_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *fresh_schema = schema_of (f->store);
  g_autofree char *stored_schema = NULL;
  g_autofree char *src = g_build_filename (g_getenv ("PATHWAY_SOURCE_ROOT"), "tests", "data", "store",
                                           "vault-v2.db", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "fixture.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *moved = NULL;
  gsize len;
  PwReviewDue *due;
  gint64 sid;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  stored = pw_store_open (copy, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stored_schema = schema_of (stored);
  g_assert_cmpstr (fresh_schema, ==, stored_schema);

  ids = pw_store_search_survivors (stored, "FIXTURE-002", &error);
  g_assert_cmpuint (ids->len, ==, 1);
  sid = g_array_index (ids, gint64, 0);
  moved = pw_store_get_life_change (stored, sid, PW_LIFE_CHANGE_RESIDENCE, &error);
  g_assert_cmpstr (moved, ==, "2025-02-01");
  due = pw_store_get_review_due (stored, sid, "2025-02-02", &error);
  g_assert_cmpint (due->reason, ==, PW_REVIEW_AFTER_CHANGE);
  pw_review_due_free (due);
  referrals = pw_store_list_referrals (stored, sid, &error);
  g_assert_cmpuint (referrals->len, ==, 1);
  history = pw_store_list_referral_history (stored, pw_referral_get_id (g_ptr_array_index (referrals, 0)), &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (g_array_index (history, PwReferralStatusDate, 1).date, ==, "2025-01-12");
}

/* ------------------------------------------------------------------------ */
/* Restricted notes between two people's key slots                          */

static const char *passphrase_a = "first example passphrase for tests";
static const char *passphrase_b = "second example passphrase for tests";

static void
test_restricted_note_other_slot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-safety-notes-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(PwKeySlot) slot_b = NULL;
  g_autoptr(PwNote) restricted = pw_note_new ();
  g_autoptr(PwNote) open_note = pw_note_new ();
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *slot_a_id = NULL;
  PwStore *store;
  gint64 sid;

  recovery = pw_vault_create (vault, "Worker A", passphrase_a, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  slot_a_id = g_strdup (pw_key_slot_get_id (pw_vault_get_current_slot (vault)));
  slot_b = pw_vault_add_passphrase_slot (vault, "Worker B", passphrase_b, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_key_slot_get_id (slot_b), !=, slot_a_id);

  /* A writes one open and one restricted note. */
  store = pw_vault_get_store (vault);
  sid = add_survivor (store, "TEST-001");
  pw_note_set_survivor_id (open_note, sid);
  pw_note_set_date (open_note, "2026-03-01");
  pw_note_set_body (open_note, "Example open note");
  g_assert_cmpint (pw_store_add_note (store, open_note, &error), >, 0);
  pw_note_set_survivor_id (restricted, sid);
  pw_note_set_date (restricted, "2026-03-02");
  pw_note_set_body (restricted, "zebra-marker-7431 restricted text");
  pw_note_set_restricted (restricted, TRUE);
  g_assert_cmpint (pw_store_add_note (store, restricted, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_note_get_author (restricted), ==, slot_a_id);

  /* B sees that it exists, who wrote it, and not its text. */
  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock (vault, passphrase_b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pw_key_slot_get_id (pw_vault_get_current_slot (vault)), ==, pw_key_slot_get_id (slot_b));
  notes = pw_store_list_notes (pw_vault_get_store (vault), sid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (pw_note_get_body (g_ptr_array_index (notes, 0)), ==, "Example open note");
  g_assert_true (pw_note_get_restricted (g_ptr_array_index (notes, 1)));
  g_assert_null (pw_note_get_body (g_ptr_array_index (notes, 1)));
  g_assert_cmpstr (pw_note_get_author (g_ptr_array_index (notes, 1)), ==, slot_a_id);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* The recovery key is nobody's author slot either. */
  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock_with_recovery_key (vault, recovery, &error));
  notes = pw_store_list_notes (pw_vault_get_store (vault), sid, &error);
  g_assert_null (pw_note_get_body (g_ptr_array_index (notes, 1)));
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* A, back, reads it. */
  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock (vault, passphrase_a, &error));
  notes = pw_store_list_notes (pw_vault_get_store (vault), sid, &error);
  g_assert_cmpstr (pw_note_get_body (g_ptr_array_index (notes, 1)), ==, "zebra-marker-7431 restricted text");
  g_clear_pointer (&notes, g_ptr_array_unref);

  pw_vault_lock (vault);
  g_clear_object (&vault);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  for (guint i = 0; i < PW_STORE_KEY_SIZE; i++)
    test_key[i] = i;

  if (argc == 3 && g_strcmp0 (argv[1], "--write-v2-fixture") == 0)
    return write_v2_fixture (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/safety/life-change/record", test_life_change_record);
  ADD ("/safety/review/prompt-after-move", test_review_prompt_after_move);
  ADD ("/safety/review/list-due", test_reviews_due_list);
  ADD ("/safety/consent/expiring", test_consents_expiring);
  ADD ("/safety/referral/consent-rule", test_referral_consent_rule);
  ADD ("/safety/referral/history", test_referral_history);
  ADD ("/safety/migration/v1-to-v2", test_migration_v1_to_v2);
  ADD ("/safety/migration/fixture-v2", test_fixture_v2);
  g_test_add_func ("/safety/notes/restricted-other-slot", test_restricted_note_other_slot);

  return g_test_run ();
}
