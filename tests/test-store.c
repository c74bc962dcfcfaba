/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pw-store-private.h"
#include "pw-survivor-list.h"
#include "pw-test-util.h"

#define MARKER "zebra-marker-7431"

/* The fixture's key: bytes 0x00, 0x01 … 0x1f (tests/data/store/README.md). */
static guint8 test_key[PW_STORE_KEY_SIZE];
static guint8 other_key[PW_STORE_KEY_SIZE];

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pw-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.db", NULL);
}

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
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PwStore *
open_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (f->path, test_key, PW_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  pw_store_set_actor (store, "slot-test");
  return store;
}

static char *
file_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static gint64
query_int (PwStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The schema version this program writes. */
static gint64
latest_version (void)
{
  guint n;

  pw_store_get_default_migrations (&n);
  return n;
}

static char *
query_text (PwStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
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
  pw_survivor_set_country (s, "ng");
  pw_survivor_set_languages (s, languages);
  pw_survivor_set_preferred_language (s, "en");
  pw_survivor_set_key_worker (s, "Example Worker");
  pw_survivor_set_intake_date (s, "2024-01-15");
  id = pw_store_add_survivor (store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (pw_survivor_get_id (s), ==, id);
  return id;
}

static gint64
add_plan_item (PwStore    *store,
               gint64      survivor_id,
               const char *title,
               const char *her_words)
{
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_plan_item_set_survivor_id (item, survivor_id);
  pw_plan_item_set_stage_id (item, "recovery");
  pw_plan_item_set_domain (item, "language");
  pw_plan_item_set_title (item, title);
  pw_plan_item_set_her_words (item, her_words);
  pw_plan_item_set_due_date (item, "2024-06-30");
  id = pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ------------------------------------------------------------------------ */

static void
test_open_create_reopen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwSurvivor) s = NULL;
  gint64 id;

  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest_version ());
  id = add_survivor (store, "TEST-001", "Example Rosemary");
  pw_store_close (store);
  g_assert_false (pw_store_is_open (store));
  g_clear_object (&store);

  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  s = pw_store_get_survivor (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_case_code (s), ==, "TEST-001");
  g_assert_cmpstr (pw_survivor_get_alias (s), ==, "Example Rosemary");
  g_assert_cmpstr (pw_survivor_get_country (s), ==, "NG");
  g_assert_cmpint (pw_survivor_get_birth_year (s), ==, 1999);
  g_assert_cmpstr (pw_survivor_get_languages (s)[1], ==, "it");
  g_assert_cmpstr (pw_survivor_get_intake_date (s), ==, "2024-01-15");
}

static void
test_open_settings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PwStore) store = open_new (f);
  g_autofree char *journal = query_text (store, "PRAGMA journal_mode");
  g_autofree char *cipher = query_text (store, "PRAGMA cipher_version");

  /* The SQLite we run is SQLCipher's, not a plain libsqlite3 (DESIGN §9). */
  g_assert_nonnull (cipher);
  g_assert_true (sqlite3_compileoption_used ("HAS_CODEC"));
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (store, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA temp_store"), ==, 2);
  g_assert_cmpint (query_int (store, "PRAGMA cipher_page_size"), ==, 1024);
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_open_wrong_key (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  add_survivor (store, "TEST-001", NULL);
  g_clear_object (&store);
  before = file_hash (f->path);

  store = pw_store_open (f->path, other_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY);
  g_assert_cmpstr (error->message, !=, "");

  after = file_hash (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_plaintext_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  sqlite3 *db = NULL;

  /* A plain SQLite file is not a vault. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY);
}

static void
test_open_too_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_survivor (store, "TEST-001", NULL);
  g_assert_cmpint (sqlite3_exec (pw_store_get_handle (store), "PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);
  before = file_hash (f->path);

  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW);

  after = file_hash (f->path);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
contains_bytes (const char *haystack,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Every file in @dir, read raw, must not contain @needle. */
static void
assert_no_plaintext (const char *dir,
                     const char *needle,
                     guint      *n_files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_no_plaintext (path, needle, n_files);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      if (contains_bytes (contents, len, needle))
        g_error ("%s contains the plaintext marker", name);
      /* Nor is any of it a plain SQLite file. */
      if (len >= 16)
        g_assert_false (memcmp (contents, "SQLite format 3", 15) == 0);
      (*n_files)++;
    }
}

static void
test_privacy_no_plaintext (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwNote) note = pw_note_new ();
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *name = pw_store_backup_name (g_get_real_time ());
  gint64 id;
  guint n_files = 0;

  id = add_survivor (store, "TEST-" MARKER, "Alias " MARKER);
  add_plan_item (store, id, "Title " MARKER, "Her words " MARKER);
  pw_note_set_survivor_id (note, id);
  pw_note_set_body (note, "Note " MARKER);
  pw_store_add_note (store, note, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  backup = g_build_filename (backups, name, NULL);
  g_assert_true (pw_store_backup (store, backup, &error));
  g_assert_no_error (error);

  /* While open: the WAL holds the writes. */
  assert_no_plaintext (f->dir, MARKER, &n_files);
  g_assert_cmpuint (n_files, >=, 3);  /* db, -wal, backup (and -shm) */

  g_clear_object (&store);
  n_files = 0;
  assert_no_plaintext (f->dir, MARKER, &n_files);
  g_assert_cmpuint (n_files, >=, 2);
}

/* ------------------------------------------------------------------------ */
/* Migrations                                                               */

static char *
copy_fixture_named (Fixture    *f,
                    const char *name)
{
  g_autofree char *src = g_build_filename (pw_test_source_root (), "tests", "data", "store",
                                           name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->path, contents, len, &error);
  g_assert_no_error (error);
  return file_hash (f->path);
}

static char *
copy_fixture (Fixture *f)
{
  return copy_fixture_named (f, "vault-v1.db");
}

static guint
count_matches (PwStore    *store,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pw_store_search_survivors (store, text, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* Since v3 the full-text index has its one- and two-letter prefix
 * indexes, made again from the text it held. */
static void
assert_search_index_v3 (PwStore *store)
{
  g_autofree char *sql = query_text (store, "SELECT sql FROM sqlite_master WHERE name = 'survivor_fts'");

  g_assert_nonnull (strstr (sql, "prefix=\"1,2\""));
  g_assert_nonnull (strstr (sql, "remove_diacritics=1"));
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM sqlite_master WHERE name LIKE 'survivor_fts_v2%'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM survivor_fts"), ==,
                   query_int (store, "SELECT count (*) FROM survivor"));
}

static void
assert_fixture_content (PwStore *store)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(PwSurvivor) s = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  ids = pw_store_search_survivors (store, "FIXTURE-001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  s = pw_store_get_survivor (store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_alias (s), ==, "Example Rosemary");
  items = pw_store_load_plan_items (store, pw_survivor_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (pw_plan_item_get_her_words (g_ptr_array_index (items, 0)), ==,
                   "I want to read the bus timetable");

  /* Every column of the search index came through the v3 migration, and
   * one letter finds her. */
  assert_search_index_v3 (store);
  g_assert_cmpuint (count_matches (store, "rosemary"), ==, 1);
  g_assert_cmpuint (count_matches (store, "literacy"), ==, 1);
  g_assert_cmpuint (count_matches (store, "pcm"), ==, 1);   /* codes only, as v1 wrote them */
  g_assert_cmpuint (count_matches (store, "f"), ==, 1);
  g_assert_cmpuint (count_matches (store, "r"), ==, 1);
  g_assert_cmpuint (count_matches (store, "q"), ==, 0);
}

static void
test_migration_fixture_v1 (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *hash = copy_fixture (f);

  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest_version ());
  assert_fixture_content (store);
}

/* A v2 vault (tests/data/store/vault-v2.db) becomes v3: its search index
 * is made again with the prefix indexes, with what it held. */
static void
test_migration_fixture_v2 (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *hash = copy_fixture_named (f, "vault-v2.db");

  g_assert_cmpint (latest_version (), ==, 3);
  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, 3);
  assert_search_index_v3 (store);
  g_assert_cmpuint (count_matches (store, "FIXTURE-002"), ==, 1);
  g_assert_cmpuint (count_matches (store, "f"), ==, 1);
  g_assert_cmpuint (count_matches (store, "fi 0"), ==, 1);
  g_assert_cmpuint (count_matches (store, "q"), ==, 0);

  /* And keeps following edits. */
  add_survivor (store, "TEST-003", "Example Quince");
  g_assert_cmpuint (count_matches (store, "q"), ==, 1);
}

static char *
schema_of (PwStore *store)
{
  return query_text (store, "SELECT group_concat (type || ' ' || name || ' ' || coalesce (sql, ''), '\n') "
                            "FROM (SELECT * FROM sqlite_master ORDER BY name)");
}

/* Schema v1 is frozen once shipped: a change needs a migration, not an
 * edit of migrate_to_v1, and this catches the edit. */
static void
test_migration_v1_frozen (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) fresh = open_new (f);
  g_autoptr(PwStore) stored = NULL;
  g_autofree char *fixture_path = g_build_filename (f->dir, "fixture.db", NULL);
  g_autofree char *fresh_schema = schema_of (fresh);
  g_autofree char *stored_schema = NULL;
  g_autofree char *src = g_build_filename (pw_test_source_root (), "tests", "data", "store",
                                           "vault-v1.db", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (fixture_path, contents, len, NULL));
  stored = pw_store_open (fixture_path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stored_schema = schema_of (stored);
  g_assert_cmpstr (fresh_schema, ==, stored_schema);
}

static gboolean
fake_v2 (sqlite3  *db,
         GError  **error)
{
  return sqlite3_exec (db,
                       "ALTER TABLE survivor ADD COLUMN example_next_column TEXT;"
                       "UPDATE survivor SET example_next_column = '2024-02-01';",
                       NULL, NULL, NULL) == SQLITE_OK;
}

static gboolean
failing_v2 (sqlite3  *db,
            GError  **error)
{
  /* Half the work succeeds, then it fails: nothing may stay. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE half_done (x); "
                                     "DELETE FROM plan_item;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED, "test failure");
  return FALSE;
}

static PwStore *
open_with_extra (Fixture           *f,
                 PwStoreMigration   extra,
                 GError           **error)
{
  guint n;
  const PwStoreMigration *defaults = pw_store_get_default_migrations (&n);
  g_autofree PwStoreMigration *migrations = g_new (PwStoreMigration, n + 1);

  memcpy (migrations, defaults, n * sizeof (PwStoreMigration));
  migrations[n] = extra;
  return pw_store_open_with_migrations (f->path, test_key, PW_STORE_OPEN_DEFAULT,
                                        migrations, n + 1, error);
}

static void
test_migration_to_v2 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *hash = copy_fixture (f);
  g_autofree char *changed = NULL;

  store = open_with_extra (f, fake_v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest_version () + 1);
  changed = query_text (store, "SELECT example_next_column FROM survivor LIMIT 1");
  g_assert_cmpstr (changed, ==, "2024-02-01");
  assert_fixture_content (store);
  g_clear_object (&store);

  /* This program does not know the version after its own: refused, untouched. */
  g_free (hash);
  hash = file_hash (f->path);
  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_free (changed);
  changed = file_hash (f->path);
  g_assert_cmpstr (hash, ==, changed);
}

static void
test_migration_failure_rolls_back (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *hash = copy_fixture (f);

  store = open_with_extra (f, failing_v2, &error);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_clear_error (&error);

  store = pw_store_open (f->path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest_version ());
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"), ==, 0);
  assert_fixture_content (store);
}

/* ------------------------------------------------------------------------ */
/* Survivors                                                                */

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *ic)
{
  ic->calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

static void
assert_changed (ItemsChanged *ic,
                guint         position,
                guint         removed,
                guint         added)
{
  g_assert_cmpuint (ic->calls, >=, 1);
  g_assert_cmpuint (ic->position, ==, position);
  g_assert_cmpuint (ic->removed, ==, removed);
  g_assert_cmpuint (ic->added, ==, added);
  memset (ic, 0, sizeof *ic);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_survivor_crud_and_audit (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwSurvivor) live = NULL;
  g_autoptr(PwSurvivor) edit = NULL;
  g_autofree char *actor = NULL;
  guint notified = 0;
  gint64 id;

  id = add_survivor (store, "TEST-001", "Example Rosemary");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE kind = 'survivor' "
                                     "AND action = 'create'"), ==, 1);
  actor = query_text (store, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (actor, ==, "slot-test");

  live = pw_store_get_survivor (store, id, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (live, "notify::alias", G_CALLBACK (count_notify), &notified);

  /* Edit a copy; the live object follows after the save. */
  edit = pw_survivor_copy (live);
  pw_survivor_set_alias (edit, "Example Jasmine");
  g_assert_cmpstr (pw_survivor_get_alias (live), ==, "Example Rosemary");
  g_assert_true (pw_store_update_survivor (store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_alias (live), ==, "Example Jasmine");
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (pw_store_set_survivor_status (store, id, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_INTEGRATED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_survivor_get_status (live), ==, PW_SURVIVOR_STATUS_CLOSED);
  g_assert_cmpint (pw_survivor_get_close_reason (live), ==, PW_CLOSE_REASON_INTEGRATED);

  g_assert_true (pw_store_set_survivor_status (store, id, PW_SURVIVOR_STATUS_ACTIVE,
                                               PW_CLOSE_REASON_INTEGRATED, &error));
  g_assert_cmpint (pw_survivor_get_close_reason (live), ==, PW_CLOSE_REASON_NONE);

  add_plan_item (store, id, "Language course", "Speak with the doctor myself");
  g_assert_true (pw_store_delete_survivor (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (pw_store_get_survivor (store, id, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM plan_item"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM survivor_fts"), ==, 0);

  /* create, update, status, status, plan item create, delete */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'delete' "
                                     "AND kind = 'survivor' AND record_id = survivor_id"), ==, 1);
  g_assert_false (pw_store_delete_survivor (store, id, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
}

static void
test_survivor_duplicate_code (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwSurvivor) dup = pw_survivor_new ();
  g_autoptr(PwSurvivor) other = NULL;
  gint64 id2;

  add_survivor (store, "TEST-001", NULL);
  pw_survivor_set_case_code (dup, " test-001 ");
  g_assert_cmpint (pw_store_add_survivor (store, dup, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "case code"));
  g_clear_error (&error);
  g_assert_true (pw_store_case_code_exists (store, "Test-001"));

  /* An update to a taken code fails the same way, and nothing is written. */
  id2 = add_survivor (store, "TEST-002", NULL);
  {
    g_autoptr(PwSurvivor) live = pw_store_get_survivor (store, id2, NULL);

    other = pw_survivor_copy (live);
  }
  pw_survivor_set_case_code (other, "TEST-001");
  g_assert_false (pw_store_update_survivor (store, other, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 2);

  pw_survivor_set_case_code (dup, "   ");
  g_assert_cmpint (pw_store_add_survivor (store, dup, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pw_survivor_set_case_code (dup, "TEST-003");
  pw_survivor_set_intake_date (dup, "2024-02-30");
  g_assert_cmpint (pw_store_add_survivor (store, dup, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
}

static void
test_survivor_model (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(PwSurvivor) first = NULL;
  g_autoptr(PwSurvivor) edit = NULL;
  ItemsChanged ic = { 0 };
  gint64 b, c;

  add_survivor (store, "TEST-A", NULL);
  c = add_survivor (store, "TEST-C", NULL);
  model = pw_store_get_survivors (store);
  g_assert_true (g_list_model_get_item_type (model) == PW_TYPE_SURVIVOR);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &ic);

  b = add_survivor (store, "TEST-B", NULL);
  assert_changed (&ic, 1, 0, 1);
  first = g_list_model_get_item (model, 1);
  g_assert_cmpint (pw_survivor_get_id (first), ==, b);

  /* An edit in place: one row changed, same object, fresh values. */
  edit = pw_survivor_copy (first);
  pw_survivor_set_alias (edit, "Example Olive");
  g_assert_true (pw_store_update_survivor (store, edit, &error));
  assert_changed (&ic, 1, 1, 1);
  g_assert_cmpstr (pw_survivor_get_alias (first), ==, "Example Olive");

  /* A new code moves the row. */
  pw_survivor_set_case_code (edit, "TEST-D");
  g_assert_true (pw_store_update_survivor (store, edit, &error));
  g_assert_cmpuint (ic.calls, >=, 1);
  memset (&ic, 0, sizeof ic);
  {
    g_autoptr(PwSurvivor) last = g_list_model_get_item (model, 2);
    g_assert_cmpstr (pw_survivor_get_case_code (last), ==, "TEST-D");
  }

  g_assert_true (pw_store_delete_survivor (store, c, &error));
  assert_changed (&ic, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_null (g_list_model_get_item (model, 2));

  /* Filters are properties of the same model. */
  g_assert_true (pw_store_set_survivor_status (store, b, PW_SURVIVOR_STATUS_PAUSED,
                                               PW_CLOSE_REASON_NONE, &error));
  pw_survivor_list_set_status_filter (PW_SURVIVOR_LIST (model), PW_SURVIVOR_STATUS_PAUSED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  pw_survivor_list_set_status_filter (PW_SURVIVOR_LIST (model), -1);
  pw_survivor_list_set_sort (PW_SURVIVOR_LIST (model), PW_SURVIVOR_SORT_UPDATED);
  {
    g_autoptr(PwSurvivor) newest = g_list_model_get_item (model, 0);
    g_assert_cmpint (pw_survivor_get_id (newest), ==, b);
  }
}

static void
test_survivor_model_many (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GTimer) timer = NULL;
  sqlite3 *db = pw_store_get_handle (store);
  double elapsed;

  /* 10,000 rows straight into SQLite, then one model over them. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                                 "INSERT INTO survivor (case_code, created_at, updated_at) "
                                 "SELECT printf ('GEN-%05d', i), i, i FROM n;"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);

  timer = g_timer_new ();
  model = pw_store_get_survivors (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);
  for (guint i = 0; i < 30; i++)
    g_object_unref (g_list_model_get_item (model, i));
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("10,000-survivor model and 30 rows: %.2f ms", elapsed * 1000);
  /* Generous bound: the point is no per-row query at start. */
  g_assert_cmpfloat (elapsed, <, 0.5);
}

static void
test_survivor_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GListModel) model = NULL;
  ItemsChanged ic = { 0 };
  gint64 jose, other, item;

  jose = add_survivor (store, "TEST-001", "José Example");
  other = add_survivor (store, "CASE-777", "Example Ñandú");

#define SEARCH(text, n) G_STMT_START { \
    g_clear_pointer (&ids, g_array_unref); \
    ids = pw_store_search_survivors (store, text, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (ids->len, ==, n); \
  } G_STMT_END

  SEARCH ("Jose", 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, jose);
  SEARCH ("jos", 1);
  SEARCH ("nandu", 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, other);
  SEARCH ("test-0", 1);
  SEARCH ("example", 2);
  SEARCH ("worker", 2);
  SEARCH ("example jose", 1);
  SEARCH ("xylophone", 0);
  SEARCH ("\"OR* NOT", 0);
  SEARCH ("  ", 2);
  /* From the first letter on, as she types. */
  SEARCH ("j", 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, jose);
  SEARCH ("e", 2);
  SEARCH ("e j", 1);
  SEARCH ("c 7", 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, other);
  SEARCH ("c 8", 0);
  assert_search_index_v3 (store);

  /* Plan item titles are searched, and the results follow edits. */
  model = pw_store_get_survivors (store);
  pw_survivor_list_set_search_text (PW_SURVIVOR_LIST (model), "j");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  pw_survivor_list_set_search_text (PW_SURVIVOR_LIST (model), "bicycle");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &ic);
  item = add_plan_item (store, other, "Bicycle repair course", "Fix my own bike");
  assert_changed (&ic, 0, 0, 1);
  SEARCH ("bicycle", 1);
  g_assert_true (pw_store_delete_plan_item (store, item, &error));
  assert_changed (&ic, 0, 1, 0);
  SEARCH ("bicycle", 0);
#undef SEARCH
}

/* ------------------------------------------------------------------------ */
/* Plan items                                                               */

static void
test_plan_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(PwPlanItem) live = NULL;
  g_autoptr(PwPlanItem) edit = NULL;
  ItemsChanged ic = { 0 };
  gint64 sid, a, b, c, order[3];

  sid = add_survivor (store, "TEST-001", NULL);
  model = pw_store_get_plan_items (store, sid);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &ic);

  a = add_plan_item (store, sid, "Safe housing", "A room of my own");
  assert_changed (&ic, 0, 0, 1);
  b = add_plan_item (store, sid, "Language course", "Talk to the doctor myself");
  assert_changed (&ic, 1, 0, 1);
  c = add_plan_item (store, sid, "Bank account", "Send money home safely");
  assert_changed (&ic, 2, 0, 1);

  live = g_list_model_get_item (model, 1);
  g_assert_cmpint (pw_plan_item_get_id (live), ==, b);
  g_assert_cmpint (pw_plan_item_get_priority (live), ==, 2);
  g_assert_cmpint (pw_plan_item_get_status (live), ==, PW_PLAN_ITEM_STATUS_PROPOSED);

  /* Her order: the bank account first. */
  order[0] = c; order[1] = a; order[2] = b;
  g_assert_true (pw_store_reorder_plan_items (store, sid, order, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ic.calls, >=, 1);
  memset (&ic, 0, sizeof ic);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PwPlanItem) it = g_list_model_get_item (model, i);
      g_assert_cmpint (pw_plan_item_get_id (it), ==, order[i]);
      g_assert_cmpint (pw_plan_item_get_priority (it), ==, (int) i + 1);
    }

  /* Status changes keep a dated history. */
  g_assert_true (pw_store_set_plan_item_status (store, b, PW_PLAN_ITEM_STATUS_AGREED,
                                                "2024-02-01", &error));
  assert_changed (&ic, 2, 1, 1);
  g_assert_true (pw_store_set_plan_item_status (store, b, PW_PLAN_ITEM_STATUS_ACHIEVED,
                                                "2024-05-20", &error));
  g_assert_cmpint (pw_plan_item_get_status (live), ==, PW_PLAN_ITEM_STATUS_ACHIEVED);
  g_assert_cmpstr (pw_plan_item_get_achieved_date (live), ==, "2024-05-20");
  g_assert_true (pw_store_set_plan_item_status (store, b, PW_PLAN_ITEM_STATUS_IN_PROGRESS,
                                                NULL, &error));
  g_assert_null (pw_plan_item_get_achieved_date (live));

  /* An edit that changes the status is in the history too. */
  edit = pw_plan_item_copy (live);
  pw_plan_item_set_title (edit, "Language course, level A2");
  pw_plan_item_set_status (edit, PW_PLAN_ITEM_STATUS_PAUSED);
  g_assert_true (pw_store_update_plan_item (store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pw_plan_item_get_title (live), ==, "Language course, level A2");

  history = pw_store_list_plan_item_history (store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  g_assert_cmpint (pw_status_change_get_status (g_ptr_array_index (history, 0)), ==,
                   PW_PLAN_ITEM_STATUS_PROPOSED);
  g_assert_cmpstr (pw_status_change_get_changed_on (g_ptr_array_index (history, 1)), ==,
                   "2024-02-01");
  g_assert_cmpint (pw_status_change_get_status (g_ptr_array_index (history, 2)), ==,
                   PW_PLAN_ITEM_STATUS_ACHIEVED);
  g_assert_cmpint (pw_status_change_get_status (g_ptr_array_index (history, 4)), ==,
                   PW_PLAN_ITEM_STATUS_PAUSED);

  pw_plan_item_set_due_date (edit, "31/12/2024");
  g_assert_false (pw_store_update_plan_item (store, edit, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pw_store_delete_plan_item (store, a, &error));
  assert_changed (&ic, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* 3 creates, 3 reorders (all moved), 3 status, 1 update-with-status, 1 delete */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE kind = 'plan_item'"), ==, 11);

  g_assert_true (pw_store_delete_survivor (store, sid, &error));
  assert_changed (&ic, 0, 2, 0);
}

static void
test_audit_has_no_content (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  sqlite3_stmt *stmt = NULL;
  gint64 sid, item;
  guint rows = 0;

  sid = add_survivor (store, "TEST-" MARKER, MARKER);
  item = add_plan_item (store, sid, MARKER, MARKER);
  pw_store_set_plan_item_status (store, item, PW_PLAN_ITEM_STATUS_AGREED, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store),
                                       "SELECT * FROM audit_log", -1, &stmt, NULL), ==, SQLITE_OK);
  /* Exactly these columns, and none of them holds record text. */
  g_assert_cmpint (sqlite3_column_count (stmt), ==, 7);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, col);

          g_assert_true (text == NULL || strstr (text, "zebra") == NULL);
        }
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows, ==, 3);
}

/* ------------------------------------------------------------------------ */
/* The other records                                                        */

static void
test_other_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PwSurvivor) live = NULL;
  g_autoptr(PwMilestone) milestone = pw_milestone_new ();
  g_autoptr(PwNote) open_note = pw_note_new ();
  g_autoptr(PwNote) private_note = pw_note_new ();
  g_autoptr(PwService) service = pw_service_new ();
  g_autoptr(PwConsent) consent = pw_consent_new ();
  g_autoptr(PwReferral) referral = pw_referral_new ();
  g_autoptr(PwAssessment) risk = pw_assessment_new ();
  g_autoptr(PwAssessment) checkin = pw_assessment_new ();
  const char *factors[] = { "debt_pressure", "threats_to_relatives", NULL };
  gint64 sid, service_id, consent_id, referral_id;

  sid = add_survivor (store, "TEST-001", NULL);
  live = pw_store_get_survivor (store, sid, NULL);

  /* Stages go back and forth; the history keeps both. */
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "detection", PW_STAGE_STATUS_COMPLETED,
                                              "2024-01-10", &error), >, 0);
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "rights", PW_STAGE_STATUS_CURRENT,
                                              "2024-01-10", &error), >, 0);
  g_assert_cmpstr (pw_survivor_get_current_stage (live), ==, "rights");
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "rights", PW_STAGE_STATUS_COMPLETED,
                                              "2024-03-01", &error), >, 0);
  g_assert_cmpint (pw_store_set_stage_status (store, sid, "detection", PW_STAGE_STATUS_REVISITED,
                                              NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_current_stage (live), ==, "detection");
  list = pw_store_list_stage_states (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (pw_stage_state_get_status (g_ptr_array_index (list, 0)), ==, PW_STAGE_STATUS_REVISITED);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pw_store_list_stage_history (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  pw_milestone_set_survivor_id (milestone, sid);
  pw_milestone_set_title (milestone, "First bus ride alone");
  g_assert_cmpint (pw_store_add_milestone (store, milestone, &error), >, 0);
  list = pw_store_list_milestones (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_nonnull (pw_milestone_get_date (g_ptr_array_index (list, 0)));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A restricted note shows its text to its author's key slot only. */
  pw_note_set_survivor_id (open_note, sid);
  pw_note_set_body (open_note, "Met at the drop-in centre");
  pw_note_set_date (open_note, "2024-01-10");
  g_assert_cmpint (pw_store_add_note (store, open_note, &error), >, 0);
  pw_note_set_survivor_id (private_note, sid);
  pw_note_set_body (private_note, "Restricted example text");
  pw_note_set_date (private_note, "2024-01-11");
  pw_note_set_restricted (private_note, TRUE);
  g_assert_cmpint (pw_store_add_note (store, private_note, &error), >, 0);
  g_assert_no_error (error);
  pw_store_set_actor (store, "slot-other");
  list = pw_store_list_notes (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (pw_note_get_body (g_ptr_array_index (list, 0)), ==, "Met at the drop-in centre");
  g_assert_true (pw_note_get_restricted (g_ptr_array_index (list, 1)));
  g_assert_null (pw_note_get_body (g_ptr_array_index (list, 1)));
  g_clear_pointer (&list, g_ptr_array_unref);
  pw_store_set_actor (store, "slot-test");
  list = pw_store_list_notes (store, sid, &error);
  g_assert_cmpstr (pw_note_get_body (g_ptr_array_index (list, 1)), ==, "Restricted example text");
  g_clear_pointer (&list, g_ptr_array_unref);

  pw_service_set_name (service, "Example Language School");
  pw_service_set_kind (service, "language");
  service_id = pw_store_add_service (store, service, &error);
  g_assert_cmpint (service_id, >, 0);
  list = pw_store_list_services (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A referral cannot be sent without consent or a recorded reason. */
  pw_referral_set_survivor_id (referral, sid);
  pw_referral_set_service_id (referral, service_id);
  pw_referral_set_status (referral, PW_REFERRAL_STATUS_SENT);
  g_assert_cmpint (pw_store_add_referral (store, referral, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pw_referral_set_status (referral, PW_REFERRAL_STATUS_PROPOSED);
  referral_id = pw_store_add_referral (store, referral, &error);
  g_assert_no_error (error);
  g_assert_false (pw_store_set_referral_status (store, referral_id, PW_REFERRAL_STATUS_SENT,
                                                NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pw_consent_set_survivor_id (consent, sid);
  pw_consent_set_scope (consent, PW_CONSENT_SCOPE_DATA_SHARING);
  pw_consent_set_expires (consent, "2099-01-10");
  g_assert_cmpint (pw_store_add_consent (store, consent, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pw_consent_set_service_id (consent, service_id);
  consent_id = pw_store_add_consent (store, consent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (consent_id, >, 0);
  list = pw_store_list_consents (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (pw_consent_get_expires (g_ptr_array_index (list, 0)), ==, "2099-01-10");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_clear_object (&referral);
  referral = pw_referral_new ();
  pw_referral_set_survivor_id (referral, sid);
  pw_referral_set_service_id (referral, service_id);
  pw_referral_set_consent_id (referral, consent_id);
  pw_referral_set_status (referral, PW_REFERRAL_STATUS_SENT);
  g_assert_cmpint (pw_store_add_referral (store, referral, &error), >, 0);
  g_assert_no_error (error);
  list = pw_store_list_referrals (store, sid, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (pw_store_set_consent_status (store, consent_id, PW_CONSENT_STATUS_WITHDRAWN, &error));
  g_assert_no_error (error);
  /* A service still referred to is not deleted. */
  g_assert_false (pw_store_delete_record (store, PW_RECORD_KIND_SERVICE, service_id, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  pw_assessment_set_survivor_id (risk, sid);
  pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_risk_level (risk, PW_RISK_LEVEL_HIGH);
  pw_assessment_set_risk_factors (risk, factors);
  pw_assessment_set_next_review (risk, "2024-04-01");
  pw_assessment_add_need (risk, pw_need_item_new ("housing", NULL, PW_NEED_COVERAGE_PARTLY, 1));
  g_assert_cmpint (pw_store_add_assessment (store, risk, &error), >, 0);
  g_assert_no_error (error);

  pw_assessment_set_survivor_id (checkin, sid);
  pw_assessment_set_kind (checkin, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_add_score (checkin, pw_checkin_score_new ("safety.feel_safe", 4, 3));
  pw_assessment_add_score (checkin, pw_checkin_score_new ("language.everyday", 2, 0));
  g_assert_cmpint (pw_store_add_assessment (store, checkin, &error), >, 0);
  g_assert_no_error (error);

  list = pw_store_list_assessments (store, sid, PW_ASSESSMENT_KIND_CHECKIN, &error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    GPtrArray *scores = pw_assessment_get_scores (g_ptr_array_index (list, 0));
    PwCheckinScore *second;

    g_assert_cmpuint (scores->len, ==, 2);
    second = g_ptr_array_index (scores, 1);
    g_assert_cmpint (second->her_score, ==, 2);
    g_assert_cmpint (second->worker_score, ==, 0);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pw_store_list_assessments (store, sid, -1, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (pw_assessment_get_risk_level (g_ptr_array_index (list, 0)), ==, PW_RISK_LEVEL_HIGH);
  g_assert_cmpstr (pw_assessment_get_risk_factors (g_ptr_array_index (list, 0))[1], ==,
                   "threats_to_relatives");
  g_assert_cmpuint (pw_assessment_get_needs (g_ptr_array_index (list, 0))->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_clear_object (&checkin);
  checkin = pw_assessment_new ();
  pw_assessment_set_survivor_id (checkin, sid);
  pw_assessment_set_kind (checkin, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_add_score (checkin, pw_checkin_score_new ("safety.feel_safe", 6, 3));
  g_assert_cmpint (pw_store_add_assessment (store, checkin, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pw_store_delete_record (store, PW_RECORD_KIND_MILESTONE,
                                         pw_milestone_get_id (milestone), &error));
  g_assert_no_error (error);

  /* Deleting her takes every record about her, and leaves the services. */
  g_assert_true (pw_store_delete_survivor (store, sid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT (SELECT count(*) FROM note) + (SELECT count(*) FROM referral)"
                                     " + (SELECT count(*) FROM consent) + (SELECT count(*) FROM assessment)"
                                     " + (SELECT count(*) FROM checkin_score) + (SELECT count(*) FROM stage_state)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM service"), ==, 1);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GBytes) v1 = g_bytes_new_static ("{\"id\": \"example\", \"version\": 1}", 31);
  g_autoptr(GBytes) v2 = g_bytes_new_static ("{\"id\": \"example\", \"version\": 2}", 31);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PwSurvivor) s = NULL;
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_auto(GStrv) used = NULL;
  gint64 sid;

  g_assert_true (pw_store_save_template (store, "example", 1, v1, &error));
  g_assert_true (pw_store_save_template (store, "example", 2, v2, &error));
  g_assert_no_error (error);
  list = pw_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_bytes_equal (g_ptr_array_index (list, 0), v2));

  used = pw_store_list_used_step_ids (store, "example", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (used), ==, 0);
  g_clear_pointer (&used, g_strfreev);

  sid = add_survivor (store, "TEST-001", NULL);
  {
    g_autoptr(PwSurvivor) live = pw_store_get_survivor (store, sid, NULL);

    s = pw_survivor_copy (live);
  }
  pw_survivor_set_template_id (s, "example");
  g_assert_true (pw_store_update_survivor (store, s, &error));
  pw_plan_item_set_survivor_id (item, sid);
  pw_plan_item_set_step_id (item, "example.first-step");
  g_assert_cmpint (pw_store_add_plan_item (store, item, &error), >, 0);
  add_plan_item (store, sid, "No step", "Her words");
  used = pw_store_list_used_step_ids (store, "example", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (used), ==, 1);
  g_assert_cmpstr (used[0], ==, "example.first-step");

  g_assert_true (pw_store_delete_template (store, "example", &error));
  g_assert_false (pw_store_delete_template (store, "example", &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE kind = 'template'"), ==, 3);
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static void
test_error_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autofree char *big = g_strnfill (200000, 'x');
  gint64 pages;

  add_survivor (store, "TEST-001", NULL);
  /* The database may not grow: as good as a full disk. */
  pages = query_int (store, "PRAGMA page_count");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
    g_assert_cmpint (sqlite3_exec (pw_store_get_handle (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  pw_survivor_set_case_code (s, "TEST-002");
  pw_survivor_set_alias (s, big);
  g_assert_cmpint (pw_store_add_survivor (store, s, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM survivor"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 1);
}

static void
test_error_closed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(GListModel) model = NULL;

  add_survivor (store, "TEST-001", NULL);
  model = pw_store_get_survivors (store);
  pw_store_close (store);
  pw_survivor_set_case_code (s, "TEST-002");
  g_assert_cmpint (pw_store_add_survivor (store, s, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  /* A model that outlives the lock answers without crashing. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_object_unref (g_list_model_get_item (model, 0));
}

/* ------------------------------------------------------------------------ */
/* Backups                                                                  */

static void
test_backup_encrypted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwStore) copy = NULL;
  g_autoptr(PwSurvivor) s = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "vault-backup.db", NULL);
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  id = add_survivor (store, "TEST-001", "Example Rosemary");
  g_assert_true (pw_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* Later writes are not in the backup. */
  add_survivor (store, "TEST-002", NULL);
  before = file_hash (dest);

  copy = pw_store_open (dest, other_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY);
  g_assert_null (copy);
  g_clear_error (&error);
  after = file_hash (dest);
  g_assert_cmpstr (before, ==, after);

  copy = pw_store_open (dest, test_key, PW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  s = pw_store_get_survivor (copy, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_alias (s), ==, "Example Rosemary");
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM survivor"), ==, 1);
  g_assert_cmpint (query_int (copy, "PRAGMA user_version"), ==, latest_version ());

  /* A backup into a folder that does not exist fails cleanly. */
  g_free (dest);
  dest = g_build_filename (f->dir, "missing", "vault.db", NULL);
  g_assert_false (pw_store_backup (store, dest, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
}

static gint64
utc (int year, int month, int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static gboolean
in_array (GArray *a,
          guint   value)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == value)
      return TRUE;
  return FALSE;
}

static void
test_backup_rotation (void)
{
  gint64 now = utc (2025, 6, 15);
  gint64 ts[60];
  guint n = 0;
  g_autoptr(GArray) doomed = NULL;
  g_autofree char *name = NULL;

  /* Nothing to delete among few. */
  ts[0] = utc (2020, 1, 1);
  doomed = pw_store_backups_to_delete (ts, 1, now);
  g_assert_cmpuint (doomed->len, ==, 0);
  g_clear_pointer (&doomed, g_array_unref);

  /* 20 daily backups this month (1st..20th is in the future past the
   * 15th, which must not matter), then two a month back to 2023. */
  for (int d = 1; d <= 20; d++)
    ts[n++] = utc (2025, 6, d);
  for (int m = 0; m < 20; m++)
    {
      int month = 5 - m, year = 2025;

      while (month < 1)
        {
          month += 12;
          year--;
        }
      ts[n++] = utc (year, month, 3);
      ts[n++] = utc (year, month, 20);
    }
  doomed = pw_store_backups_to_delete (ts, n, now);

  /* Kept: the 10 newest (June 11–20), then the newest of each earlier
   * month from July 2024 to May 2025 (the 20th). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ts[i] / G_USEC_PER_SEC);
      int y = g_date_time_get_year (dt), mo = g_date_time_get_month (dt), d = g_date_time_get_day_of_month (dt);
      gboolean keep = (y == 2025 && mo == 6 && d >= 11) ||
                      (d == 20 && (y * 12 + mo) > (2025 * 12 + 6 - 12));

      g_assert_cmpint (!in_array (doomed, i), ==, keep);
    }
  g_assert_cmpuint (n - doomed->len, ==, 10 + 11);
  for (guint i = 1; i < doomed->len; i++)
    g_assert_cmpuint (g_array_index (doomed, guint, i - 1), <, g_array_index (doomed, guint, i));

  name = pw_store_backup_name (utc (2025, 6, 15));
  g_assert_cmpstr (name, ==, "vault-20250615-120000.db");
  g_assert_cmpint (pw_store_backup_time (name), ==, utc (2025, 6, 15));
  g_assert_cmpint (pw_store_backup_time ("vault-20250631-120000.db"), ==, 0);
  g_assert_cmpint (pw_store_backup_time ("notes.txt"), ==, 0);
}

/* ------------------------------------------------------------------------ */

/* Writes tests/data/store/vault-v1.db (see the README beside it). */
static int
write_v1_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(PwPlanItem) a = pw_plan_item_new ();
  g_autoptr(PwPlanItem) b = pw_plan_item_new ();
  const char *languages[] = { "en", "pcm", NULL };
  gint64 id;

  g_unlink (path);
  store = pw_store_open (path, test_key, PW_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pw_store_set_actor (store, "fixture");
  pw_survivor_set_case_code (s, "FIXTURE-001");
  pw_survivor_set_alias (s, "Example Rosemary");
  pw_survivor_set_birth_year (s, 1998);
  pw_survivor_set_country (s, "NG");
  pw_survivor_set_languages (s, languages);
  pw_survivor_set_intake_date (s, "2024-01-15");
  id = pw_store_add_survivor (store, s, &error);
  g_assert_no_error (error);
  pw_plan_item_set_survivor_id (a, id);
  pw_plan_item_set_title (a, "Literacy course");
  pw_plan_item_set_her_words (a, "I want to read the bus timetable");
  pw_store_add_plan_item (store, a, &error);
  g_assert_no_error (error);
  pw_plan_item_set_survivor_id (b, id);
  pw_plan_item_set_title (b, "Example milestone step");
  pw_store_add_plan_item (store, b, &error);
  g_assert_no_error (error);
  pw_store_set_stage_status (store, id, "detection", PW_STAGE_STATUS_CURRENT, "2024-01-15", &error);
  g_assert_no_error (error);
  /* Fold the WAL into the file so the fixture is one file. */
  sqlite3_exec (pw_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  return 0;
}

/* ------------------------------------------------------------------------ */
/* The caseload: filters, counts, batches                                   */

static gint64
add_due_item (PwStore    *store,
              gint64      survivor_id,
              const char *title,
              const char *due)
{
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_plan_item_set_survivor_id (item, survivor_id);
  pw_plan_item_set_title (item, title);
  pw_plan_item_set_her_words (item, "Example words");
  pw_plan_item_set_due_date (item, due);
  pw_plan_item_set_status (item, PW_PLAN_ITEM_STATUS_AGREED);
  id = pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);
  return id;
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static guint
query_count (PwStore               *store,
             const PwSurvivorQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pw_store_query_survivor_ids (store, query, &error);
  guint count = G_MAXUINT;

  g_assert_no_error (error);
  /* The count and the list always agree. */
  g_assert_true (pw_store_count_survivors (store, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, ids->len);
  return ids->len;
}

static void
set_key_worker (PwStore    *store,
                gint64      id,
                const char *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) live = pw_store_get_survivor (store, id, &error);
  g_autoptr(PwSurvivor) edit = pw_survivor_copy (live);

  pw_survivor_set_key_worker (edit, worker);
  g_assert_true (pw_store_update_survivor (store, edit, &error));
  g_assert_no_error (error);
}

static void
test_caseload_filters (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GHashTable) by_stage = NULL;
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *in_three_days = date_from_today (3);
  g_autofree char *in_two_weeks = date_from_today (14);
  g_autofree char *last_month = date_from_today (-30);
  PwSurvivorQuery q = PW_SURVIVOR_QUERY_INIT;
  guint n = 0;
  gint64 a, b, c, d, late, soon;

  a = add_survivor (store, "TEST-A", "Example Anise");
  b = add_survivor (store, "TEST-B", "Example Basil");
  c = add_survivor (store, "TEST-C", "Example Clove");
  d = add_survivor (store, "TEST-D", NULL);
  set_key_worker (store, b, "Example Second");
  set_key_worker (store, d, NULL);

  /* A: in recovery, one overdue item; B: in rights then back to
   * detection, an item due in three days; C: closed; D: nothing yet. */
  pw_store_set_stage_status (store, a, "detection", PW_STAGE_STATUS_COMPLETED, "2024-01-01", &error);
  pw_store_set_stage_status (store, a, "recovery", PW_STAGE_STATUS_CURRENT, "2024-03-01", &error);
  pw_store_set_stage_status (store, b, "rights", PW_STAGE_STATUS_CURRENT, "2024-02-01", &error);
  pw_store_set_stage_status (store, b, "detection", PW_STAGE_STATUS_REVISITED, "2024-04-01", &error);
  pw_store_set_stage_status (store, c, "autonomy", PW_STAGE_STATUS_CURRENT, "2024-04-01", &error);
  g_assert_no_error (error);
  late = add_due_item (store, a, "Example overdue step", yesterday);
  add_due_item (store, a, "Example later step", in_two_weeks);
  soon = add_due_item (store, b, "Example soon step", in_three_days);
  /* Achieved or dropped items are never overdue. */
  g_assert_true (pw_store_set_plan_item_status (store, add_due_item (store, b, "Example done", last_month),
                                                PW_PLAN_ITEM_STATUS_ACHIEVED, NULL, &error));
  g_assert_true (pw_store_set_survivor_status (store, c, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_MOVED, &error));

  g_assert_cmpuint (query_count (store, &q), ==, 4);
  q.status = PW_SURVIVOR_STATUS_ACTIVE;
  g_assert_cmpuint (query_count (store, &q), ==, 3);
  q.status = PW_SURVIVOR_STATUS_CLOSED;
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.status = -1;

  /* Her current stage is the one changed last among current or revisited. */
  q.stage_id = "recovery";
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.stage_id = "detection";
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.stage_id = "rights";
  g_assert_cmpuint (query_count (store, &q), ==, 0);
  q.stage_id = "";
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.stage_id = NULL;

  q.key_worker = "example WORKER";
  g_assert_cmpuint (query_count (store, &q), ==, 2);
  q.key_worker = "";
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.key_worker = NULL;

  q.attention = PW_SURVIVOR_ATTENTION_OVERDUE;
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.attention = PW_SURVIVOR_ATTENTION_DUE_SOON;
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  /* Seen from another day, other items are due. */
  q.today = in_two_weeks;
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.attention = PW_SURVIVOR_ATTENTION_OVERDUE;
  g_assert_cmpuint (query_count (store, &q), ==, 2);
  q.today = "2024-13-01";
  g_assert_null (pw_store_query_survivor_ids (store, &q, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  q.today = NULL;

  /* Combined with search and status. */
  q.attention = PW_SURVIVOR_ATTENTION_OVERDUE;
  q.text = "anise";
  g_assert_cmpuint (query_count (store, &q), ==, 1);
  q.text = "basil";
  g_assert_cmpuint (query_count (store, &q), ==, 0);
  q.text = NULL;
  q.status = PW_SURVIVOR_STATUS_PAUSED;
  g_assert_cmpuint (query_count (store, &q), ==, 0);
  q.status = -1;

  /* Achieving the overdue item clears the filter and her badge. */
  {
    g_autoptr(PwSurvivor) live = pw_store_get_survivor (store, a, &error);

    g_assert_cmpint (pw_survivor_get_overdue_items (live), ==, 1);
    g_assert_true (pw_store_set_plan_item_status (store, late, PW_PLAN_ITEM_STATUS_ACHIEVED,
                                                  NULL, &error));
    g_assert_cmpint (pw_survivor_get_overdue_items (live), ==, 0);
    g_assert_cmpuint (query_count (store, &q), ==, 0);
  }

  /* Counts for the overview, active survivors only. */
  g_assert_true (pw_store_count_plan_items (store, PW_SURVIVOR_ATTENTION_DUE_SOON, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (pw_store_count_plan_items (store, PW_SURVIVOR_ATTENTION_OVERDUE, in_two_weeks,
                                            &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (pw_store_set_survivor_status (store, b, PW_SURVIVOR_STATUS_PAUSED,
                                               PW_CLOSE_REASON_NONE, &error));
  g_assert_true (pw_store_count_plan_items (store, PW_SURVIVOR_ATTENTION_OVERDUE, in_two_weeks,
                                            &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (pw_store_set_plan_item_status (store, soon, PW_PLAN_ITEM_STATUS_DROPPED, NULL, &error));

  by_stage = pw_store_count_active_by_stage (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_stage, "recovery")), ==, 1);
  g_assert_false (g_hash_table_contains (by_stage, "autonomy"));
  g_assert_false (g_hash_table_contains (by_stage, "detection"));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_stage, "")), ==, 1);
}

static void
test_caseload_stale_and_review (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(PwAssessment) risk = pw_assessment_new ();
  g_autoptr(PwAssessment) newer = pw_assessment_new ();
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *next_month = date_from_today (30);
  g_autofree char *in_ninety_days = date_from_today (90);
  PwSurvivorQuery q = PW_SURVIVOR_QUERY_INIT;
  sqlite3 *db = pw_store_get_handle (store);
  gint64 a, b, c, item;

  a = add_survivor (store, "TEST-A", NULL);
  b = add_survivor (store, "TEST-B", NULL);
  c = add_survivor (store, "TEST-C", NULL);
  item = add_plan_item (store, a, "Example step", "Example words");
  add_plan_item (store, b, "Example step", "Example words");

  /* Known for a while; only B's plan moved recently. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE survivor SET created_at = 1000000", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE plan_item SET updated_at = 1000000", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(PwPlanItem) live = pw_store_get_plan_item (store, item, &error);
    g_autoptr(PwPlanItem) edit = pw_plan_item_copy (live);

    g_object_unref (pw_store_get_plan_item (store, item, NULL));
    pw_plan_item_set_title (edit, "Example step, renamed");
    g_assert_true (pw_store_update_plan_item (store, edit, &error));
  }
  q.attention = PW_SURVIVOR_ATTENTION_STALE;
  g_assert_cmpuint (query_count (store, &q), ==, 2);   /* B, and C with no plan at all */
  q.today = in_ninety_days;
  g_assert_cmpuint (query_count (store, &q), ==, 3);

  /* Only her latest risk assessment counts; without one, the first is due
   * (A and B). */
  q.today = NULL;
  q.attention = PW_SURVIVOR_ATTENTION_REVIEW_DUE;
  g_assert_cmpuint (query_count (store, &q), ==, 3);
  pw_assessment_set_survivor_id (risk, c);
  pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_risk_level (risk, PW_RISK_LEVEL_MEDIUM);
  pw_assessment_set_date (risk, "2024-01-10");
  pw_assessment_set_next_review (risk, yesterday);
  pw_store_add_assessment (store, risk, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (query_count (store, &q), ==, 3);
  {
    g_autoptr(PwSurvivor) live = pw_store_get_survivor (store, c, &error);

    g_assert_true (pw_survivor_get_review_due (live));
    pw_assessment_set_survivor_id (newer, c);
    pw_assessment_set_kind (newer, PW_ASSESSMENT_KIND_RISK);
    pw_assessment_set_risk_level (newer, PW_RISK_LEVEL_LOW);
    pw_assessment_set_date (newer, "2024-02-10");
    pw_assessment_set_next_review (newer, next_month);
    pw_store_add_assessment (store, newer, &error);
    g_assert_no_error (error);
    g_assert_false (pw_survivor_get_review_due (live));
  }
  g_assert_cmpuint (query_count (store, &q), ==, 2);
}

static gint64
add_risk_review (PwStore    *store,
                 gint64      survivor_id,
                 const char *date,
                 const char *next_review)
{
  g_autoptr(PwAssessment) a = pw_assessment_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_assessment_set_survivor_id (a, survivor_id);
  pw_assessment_set_kind (a, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_risk_level (a, PW_RISK_LEVEL_LOW);
  pw_assessment_set_date (a, date);
  pw_assessment_set_next_review (a, next_review);
  id = pw_store_add_assessment (store, a, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_given_consent (PwStore    *store,
                   gint64      survivor_id,
                   const char *expires)
{
  g_autoptr(PwConsent) c = pw_consent_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_consent_set_survivor_id (c, survivor_id);
  pw_consent_set_scope (c, PW_CONSENT_SCOPE_SERVICES);
  pw_consent_set_form (c, PW_CONSENT_FORM_VERBAL);
  pw_consent_set_status (c, PW_CONSENT_STATUS_GIVEN);
  pw_consent_set_date (c, "2026-01-10");
  pw_consent_set_expires (c, expires);
  id = pw_store_add_consent (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "TEST-A TEST-C": the case codes of @ids, sorted, for comparisons. */
static char *
codes_of (PwStore      *store,
          const gint64 *ids,
          guint         n_ids)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(PwSurvivor) s = pw_store_get_survivor (store, ids[i], &error);

      g_assert_no_error (error);
      if (!g_ptr_array_find_with_equal_func (codes, pw_survivor_get_case_code (s), g_str_equal, NULL))
        g_ptr_array_add (codes, g_strdup (pw_survivor_get_case_code (s)));
    }
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

static char *
query_codes (PwStore               *store,
             const PwSurvivorQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pw_store_query_survivor_ids (store, query, &error);

  g_assert_no_error (error);
  query_count (store, query);
  return codes_of (store, (const gint64 *) ids->data, ids->len);
}

/* The overview counts risk reviews due and consents about to expire with
 * its own store calls; the lines open the list with these filters, which
 * must find the same survivors. */
static void
test_caseload_reviews_and_consents (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GArray) due_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) consent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) model = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autofree char *in_ten_days = date_from_today (10);
  g_autofree char *in_a_year = date_from_today (365);
  PwSurvivorQuery q = PW_SURVIVOR_QUERY_INIT;
  gint64 first, moved, late, fine, closed, later, consent;

  first = add_survivor (store, "TEST-FIRST", NULL);
  moved = add_survivor (store, "TEST-MOVED", NULL);
  late = add_survivor (store, "TEST-LATE", NULL);
  fine = add_survivor (store, "TEST-FINE", NULL);
  closed = add_survivor (store, "TEST-CLOSED", NULL);
  later = add_survivor (store, "TEST-LATER", NULL);

  add_risk_review (store, moved, "2026-01-10", "2026-12-01");
  g_assert_true (pw_store_record_life_change (store, moved, PW_LIFE_CHANGE_AREA, "2026-02-20", &error));
  add_risk_review (store, late, "2025-10-01", "2026-01-01");
  /* Her older review was overdue; the latest one is what counts. */
  add_risk_review (store, fine, "2025-06-01", "2025-09-01");
  add_risk_review (store, fine, "2026-02-01", "2026-08-01");
  add_risk_review (store, later, "2026-02-01", NULL);
  /* A change on the day of her review is answered by it. */
  g_assert_true (pw_store_record_life_change (store, later, PW_LIFE_CHANGE_WORK, "2026-02-01", &error));

  /* Consents: on the last day of the window and today count; the day after
   * the window, yesterday, refused and withdrawn ones do not. */
  add_given_consent (store, first, "2026-03-31");
  add_given_consent (store, fine, "2026-03-01");
  add_given_consent (store, moved, "2026-04-01");
  add_given_consent (store, late, "2026-02-28");
  add_given_consent (store, closed, "2026-03-10");
  g_assert_true (pw_store_set_consent_status (store, add_given_consent (store, later, "2026-03-10"),
                                              PW_CONSENT_STATUS_WITHDRAWN, &error));
  g_assert_true (pw_store_set_survivor_status (store, closed, PW_SURVIVOR_STATUS_CLOSED,
                                               PW_CLOSE_REASON_OTHER, &error));

  /* As the overview opens them: active survivors, on the same day. */
  q.status = PW_SURVIVOR_STATUS_ACTIVE;
  q.today = "2026-03-01";
  q.attention = PW_SURVIVOR_ATTENTION_REVIEW_DUE;
  reviews = pw_store_list_reviews_due (store, q.today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    g_array_append_val (due_ids, ((PwReviewDue *) g_ptr_array_index (reviews, i))->survivor_id);
  expected = codes_of (store, (const gint64 *) due_ids->data, due_ids->len);
  g_assert_cmpstr (expected, ==, "TEST-FIRST TEST-LATE TEST-MOVED");
  found = query_codes (store, &q);
  g_assert_cmpstr (found, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&found, g_free);

  q.attention = PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING;
  consents = pw_store_list_expiring_consents (store, q.today, PW_EXPIRING_CONSENT_DAYS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < consents->len; i++)
    {
      gint64 id = pw_consent_get_survivor_id (g_ptr_array_index (consents, i));

      g_array_append_val (consent_ids, id);
    }
  expected = codes_of (store, (const gint64 *) consent_ids->data, consent_ids->len);
  g_assert_cmpstr (expected, ==, "TEST-FINE TEST-FIRST");
  found = query_codes (store, &q);
  g_assert_cmpstr (found, ==, expected);
  g_clear_pointer (&found, g_free);
  /* A closed case is left to the status filter, as for the other lines. */
  q.status = -1;
  found = query_codes (store, &q);
  g_assert_cmpstr (found, ==, "TEST-CLOSED TEST-FINE TEST-FIRST");
  g_clear_pointer (&found, g_free);
  q.today = "2026-13-01";
  g_assert_null (pw_store_query_survivor_ids (store, &q, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The list model follows consents and reviews as they are recorded. */
  model = pw_store_get_survivors (store);
  pw_survivor_list_set_status_filter (PW_SURVIVOR_LIST (model), PW_SURVIVOR_STATUS_ACTIVE);
  pw_survivor_list_set_attention_filter (PW_SURVIVOR_LIST (model), PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  consent = add_given_consent (store, moved, in_ten_days);
  add_given_consent (store, late, in_a_year);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(PwSurvivor) s = g_list_model_get_item (model, 0);

    g_assert_cmpint (pw_survivor_get_id (s), ==, moved);
  }
  g_assert_true (pw_store_set_consent_status (store, consent, PW_CONSENT_STATUS_WITHDRAWN, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Seen from the real today, which the list uses. */
  pw_survivor_list_set_attention_filter (PW_SURVIVOR_LIST (model), PW_SURVIVOR_ATTENTION_REVIEW_DUE);
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = pw_store_list_reviews_due (store, NULL, &error);
  g_assert_cmpuint (reviews->len, >=, 3);   /* first, moved, late at least */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, reviews->len);
  add_risk_review (store, first, in_ten_days, in_a_year);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, reviews->len - 1);
  /* Out of range: the last filter there is. */
  pw_survivor_list_set_attention_filter (PW_SURVIVOR_LIST (model), 99);
  g_assert_cmpint (pw_survivor_list_get_attention_filter (PW_SURVIVOR_LIST (model)), ==,
                   PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING);
}

static int
count_statements (unsigned  type,
                  void     *data,
                  void     *stmt,
                  void     *sql)
{
  if (strstr (sqlite3_sql (stmt), "FROM survivor WHERE id") != NULL)
    (*(guint *) data)++;
  return 0;
}

static void
test_caseload_batches (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_auto(GStrv) workers = NULL;
  g_autofree char *code = NULL;
  gint64 ids[4];
  guint queries = 0;

  g_assert_cmpint (sqlite3_exec (pw_store_get_handle (store),
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                                 "INSERT INTO survivor (case_code, key_worker, created_at, updated_at) "
                                 "SELECT printf ('GEN-%03d', i), CASE i % 3 WHEN 0 THEN 'Example Zed' "
                                 "  WHEN 1 THEN 'example alpha' ELSE NULL END, i, i FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* One query loads a batch, in the order asked, skipping the missing. */
  ids[0] = 7; ids[1] = 3; ids[2] = 99999; ids[3] = 400;
  loaded = pw_store_load_survivors (store, ids, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_assert_cmpstr (pw_survivor_get_case_code (g_ptr_array_index (loaded, 0)), ==, "GEN-007");
  g_assert_cmpstr (pw_survivor_get_case_code (g_ptr_array_index (loaded, 1)), ==, "GEN-003");
  g_assert_cmpstr (pw_survivor_get_case_code (g_ptr_array_index (loaded, 2)), ==, "GEN-400");

  /* A list view showing 40 rows costs a couple of queries, not 40. */
  sqlite3_trace_v2 (pw_store_get_handle (store), SQLITE_TRACE_STMT, count_statements, &queries);
  model = pw_store_get_survivors (store);
  for (guint i = 100; i < 140; i++)
    {
      g_autoptr(PwSurvivor) s = g_list_model_get_item (model, i);
      g_autofree char *expected = g_strdup_printf ("GEN-%03u", i + 1);

      g_assert_cmpstr (pw_survivor_get_case_code (s), ==, expected);
    }
  sqlite3_trace_v2 (pw_store_get_handle (store), 0, NULL, NULL);
  g_assert_cmpuint (queries, <=, 2);

  pw_survivor_list_set_key_worker_filter (PW_SURVIVOR_LIST (model), "Example Zed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 166);
  pw_survivor_list_set_key_worker_filter (PW_SURVIVOR_LIST (model), NULL);
  pw_survivor_list_set_stage_filter (PW_SURVIVOR_LIST (model), "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);

  workers = pw_store_list_key_workers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (workers), ==, 2);
  g_assert_cmpstr (workers[0], ==, "example alpha");
  g_assert_cmpstr (workers[1], ==, "Example Zed");

  code = pw_store_suggest_case_code (store, "PW-");
  g_assert_cmpstr (code, ==, "PW-0001");
  g_clear_pointer (&code, g_free);
  add_survivor (store, "pw-0041", NULL);
  add_survivor (store, "PW-0007", NULL);
  add_survivor (store, "PW-12A", NULL);
  code = pw_store_suggest_case_code (store, "PW-");
  g_assert_cmpstr (code, ==, "PW-0042");
  g_clear_pointer (&code, g_free);
  code = pw_store_suggest_case_code (store, "GEN-");
  g_assert_cmpstr (code, ==, "GEN-0501");
}

/* ------------------------------------------------------------------------ */
/* In memory, and import (the exchange and the demo vault build on these)   */

static void
test_memory_no_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-store-memory-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  /* Wherever the program runs, nothing lands beside it. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  store = pw_store_open_in_memory (&error);
  g_assert_no_error (error);
  other = pw_store_open_in_memory (&error);
  g_assert_no_error (error);
  pw_store_set_actor (store, "demo");

  add_survivor (store, "TEST-001", "Example Rosemary " MARKER);
  add_plan_item (store, 1, "A task", MARKER);
  g_assert_true (pw_store_case_code_exists (store, "TEST-001"));
  g_assert_false (pw_store_case_code_exists (other, "TEST-001"));
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest_version ());

  pw_store_close (store);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (dir);
}

typedef struct
{
  guint changes;
  guint during;
  gboolean inside;
} ImportCount;

static void
on_import_changed (PwStore *store, PwRecordKind kind, gint64 id, gint64 survivor_id,
                   PwAuditAction action, ImportCount *count)
{
  g_assert_cmpint (action, ==, PW_AUDIT_ACTION_CREATE);
  count->changes++;
  if (count->inside)
    count->during++;
}

#define T0 G_GINT64_CONSTANT (1700000000000001)

static gboolean
import_everything (PwStore  *store,
                   gpointer  data,
                   GError  **error)
{
  ImportCount *count = data;
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(PwService) service = pw_service_new ();
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(PwStatusChange) change = pw_status_change_new ();
  g_autoptr(PwStageState) state = pw_stage_state_new ();
  g_autoptr(PwConsent) consent = pw_consent_new ();
  g_autoptr(PwReferral) referral = pw_referral_new ();
  g_autoptr(PwNote) note = pw_note_new ();
  g_autoptr(PwMilestone) milestone = pw_milestone_new ();
  g_autoptr(PwAssessment) assessment = pw_assessment_new ();
  const char *factors[] = { "debt-pressure", NULL };
  gint64 sid, service_id, item_id, consent_id, referral_id;

  count->inside = TRUE;
  pw_survivor_set_case_code (s, "TEST-100");
  pw_survivor_set_alias (s, "Example Rosemary");
  pw_survivor_set_status (s, PW_SURVIVOR_STATUS_CLOSED);
  pw_survivor_set_close_reason (s, PW_CLOSE_REASON_MOVED);
  pw_survivor_set_created_at (s, T0);
  pw_survivor_set_updated_at (s, T0 + 5);
  if ((sid = pw_store_import_record (store, s, error)) == 0)
    return FALSE;

  pw_service_set_name (service, "Example Language School");
  pw_service_set_created_at (service, T0 + 1);
  pw_service_set_updated_at (service, T0 + 1);
  if ((service_id = pw_store_import_record (store, service, error)) == 0)
    return FALSE;

  pw_plan_item_set_survivor_id (item, sid);
  pw_plan_item_set_title (item, "Italian course");
  pw_plan_item_set_her_words (item, MARKER);
  pw_plan_item_set_priority (item, 3);
  pw_plan_item_set_status (item, PW_PLAN_ITEM_STATUS_ACHIEVED);
  pw_plan_item_set_achieved_date (item, "2023-05-02");
  pw_plan_item_set_created_at (item, T0 + 2);
  pw_plan_item_set_updated_at (item, T0 + 3);
  if ((item_id = pw_store_import_record (store, item, error)) == 0)
    return FALSE;
  pw_status_change_set_plan_item_id (change, item_id);
  pw_status_change_set_status (change, PW_PLAN_ITEM_STATUS_ACHIEVED);
  pw_status_change_set_changed_on (change, "2023-05-02");
  pw_status_change_set_created_at (change, T0 + 3);
  if (pw_store_import_record (store, change, error) == 0)
    return FALSE;

  pw_stage_state_set_survivor_id (state, sid);
  pw_stage_state_set_stage_id (state, "recovery");
  pw_stage_state_set_status (state, PW_STAGE_STATUS_REVISITED);
  pw_stage_state_set_since (state, "2023-04-01");
  pw_stage_state_set_created_at (state, T0 + 4);
  if (pw_store_import_record (store, state, error) == 0)
    return FALSE;

  pw_consent_set_survivor_id (consent, sid);
  pw_consent_set_scope (consent, PW_CONSENT_SCOPE_DATA_SHARING);
  pw_consent_set_service_id (consent, service_id);
  pw_consent_set_date (consent, "2020-01-01");
  pw_consent_set_expires (consent, "2020-12-31");
  if ((consent_id = pw_store_import_record (store, consent, error)) == 0)
    return FALSE;

  /* Sent on a consent that has expired since: kept as it was. */
  pw_referral_set_survivor_id (referral, sid);
  pw_referral_set_service_id (referral, service_id);
  pw_referral_set_plan_item_id (referral, item_id);
  pw_referral_set_consent_id (referral, consent_id);
  pw_referral_set_date (referral, "2020-02-01");
  pw_referral_set_status (referral, PW_REFERRAL_STATUS_SENT);
  if ((referral_id = pw_store_import_record (store, referral, error)) == 0 ||
      !pw_store_import_referral_status (store, referral_id, PW_REFERRAL_STATUS_PROPOSED,
                                        "2020-01-20", error) ||
      !pw_store_import_referral_status (store, referral_id, PW_REFERRAL_STATUS_SENT,
                                        "2020-02-01", error) ||
      !pw_store_import_life_change (store, sid, PW_LIFE_CHANGE_RESIDENCE, "2023-03-03", error))
    return FALSE;

  pw_note_set_survivor_id (note, sid);
  pw_note_set_date (note, "2023-01-09");
  pw_note_set_body (note, "A note " MARKER);
  pw_note_set_author (note, "slot-elsewhere");
  if (pw_store_import_record (store, note, error) == 0)
    return FALSE;

  pw_milestone_set_survivor_id (milestone, sid);
  pw_milestone_set_date (milestone, "2023-05-02");
  pw_milestone_set_title (milestone, "Course certificate");
  pw_milestone_set_plan_item_id (milestone, item_id);
  if (pw_store_import_record (store, milestone, error) == 0)
    return FALSE;

  pw_assessment_set_survivor_id (assessment, sid);
  pw_assessment_set_kind (assessment, PW_ASSESSMENT_KIND_CHECKIN);
  pw_assessment_set_date (assessment, "2023-02-02");
  pw_assessment_set_risk_factors (assessment, factors);
  pw_assessment_add_score (assessment, pw_checkin_score_new ("safety.feeling-safe", 4, 3));
  pw_assessment_add_need (assessment, pw_need_item_new ("own", "Sending money home",
                                                        PW_NEED_COVERAGE_PARTLY, 1));
  if (pw_store_import_record (store, assessment, error) == 0)
    return FALSE;

  count->inside = FALSE;
  return TRUE;
}

static void
test_import_keeps_values (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) s = NULL;
  g_autoptr(PwPlanItem) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GArray) referral_history = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *moved = NULL;
  ImportCount count = { 0, };
  gint64 sid, audit_before;
  PwAssessment *checkin;

  audit_before = query_int (store, "SELECT count (*) FROM audit_log");
  g_signal_connect (store, "changed", G_CALLBACK (on_import_changed), &count);
  g_assert_true (pw_store_import (store, import_everything, &count, &error));
  g_assert_no_error (error);

  /* One audit row and one ::changed per record, all after the commit. */
  g_assert_cmpuint (count.during, ==, 0);
  g_assert_cmpuint (count.changes, ==, 9);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM audit_log") - audit_before, ==, 9);

  sid = query_int (store, "SELECT id FROM survivor WHERE case_code = 'TEST-100'");
  s = pw_store_get_survivor (store, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_survivor_get_created_at (s), ==, T0);
  g_assert_cmpint (pw_survivor_get_updated_at (s), ==, T0 + 5);
  g_assert_cmpint (pw_survivor_get_close_reason (s), ==, PW_CLOSE_REASON_MOVED);
  g_assert_cmpstr (pw_survivor_get_current_stage (s), ==, "recovery");

  item = pw_store_get_plan_item (store, query_int (store, "SELECT id FROM plan_item"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_plan_item_get_priority (item), ==, 3);
  g_assert_cmpint (pw_plan_item_get_updated_at (item), ==, T0 + 3);
  g_assert_cmpstr (pw_plan_item_get_achieved_date (item), ==, "2023-05-02");
  /* Only the history that was imported: no "created today" row. */
  history = pw_store_list_plan_item_history (store, pw_plan_item_get_id (item), &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (pw_status_change_get_changed_on (g_ptr_array_index (history, 0)), ==, "2023-05-02");

  referrals = pw_store_list_referrals (store, sid, &error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpint (pw_referral_get_status (g_ptr_array_index (referrals, 0)), ==, PW_REFERRAL_STATUS_SENT);
  referral_history = pw_store_list_referral_history (store, pw_referral_get_id (g_ptr_array_index (referrals, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referral_history->len, ==, 2);
  g_assert_cmpstr (g_array_index (referral_history, PwReferralStatusDate, 0).date, ==, "2020-01-20");

  moved = pw_store_get_life_change (store, sid, PW_LIFE_CHANGE_RESIDENCE, &error);
  g_assert_cmpstr (moved, ==, "2023-03-03");

  notes = pw_store_list_notes (store, sid, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (pw_note_get_author (g_ptr_array_index (notes, 0)), ==, "slot-elsewhere");

  assessments = pw_store_list_assessments (store, sid, -1, &error);
  g_assert_cmpuint (assessments->len, ==, 1);
  checkin = g_ptr_array_index (assessments, 0);
  g_assert_cmpuint (pw_assessment_get_scores (checkin)->len, ==, 1);
  g_assert_cmpuint (pw_assessment_get_needs (checkin)->len, ==, 1);
  g_assert_cmpstr (pw_assessment_get_risk_factors (checkin)[0], ==, "debt-pressure");

  states = pw_store_list_stage_history (store, sid, &error);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (pw_stage_state_get_created_at (g_ptr_array_index (states, 0)), ==, T0 + 4);

  /* Search knows her plan. */
  g_clear_pointer (&referral_history, g_array_unref);
  referral_history = pw_store_search_survivors (store, "italian", &error);
  g_assert_cmpuint (referral_history->len, ==, 1);
}

static gboolean
import_twice (PwStore  *store,
              gpointer  data,
              GError  **error)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PwSurvivor) s = pw_survivor_new ();

      pw_survivor_set_case_code (s, i == 0 ? "TEST-200" : "test-200");
      if (pw_store_import_record (store, s, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PwStore) store = open_new (f);
  g_autoptr(GError) error = NULL;
  ImportCount count = { 0, };
  gint64 audit_before;

  add_survivor (store, "TEST-001", "Example Rosemary");
  audit_before = query_int (store, "SELECT count (*) FROM audit_log");
  g_signal_connect (store, "changed", G_CALLBACK (on_import_changed), &count);

  g_assert_false (pw_store_import (store, import_twice, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (count.changes, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM survivor"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM audit_log"), ==, audit_before);
  g_assert_false (pw_store_case_code_exists (store, "TEST-200"));

  /* The store works normally afterwards. */
  add_survivor (store, "TEST-002", "Example Basil");
}

int
main (int   argc,
      char *argv[])
{
  for (guint i = 0; i < PW_STORE_KEY_SIZE; i++)
    {
      test_key[i] = i;
      other_key[i] = 0xa5;
    }

  if (argc == 3 && g_strcmp0 (argv[1], "--write-v1-fixture") == 0)
    return write_v1_fixture (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/create-reopen", test_open_create_reopen);
  ADD ("/store/open/settings", test_open_settings);
  ADD ("/store/open/missing", test_open_missing);
  ADD ("/store/open/wrong-key", test_open_wrong_key);
  ADD ("/store/open/plaintext-file", test_open_plaintext_file);
  ADD ("/store/open/too-new", test_open_too_new);
  ADD ("/store/privacy/no-plaintext", test_privacy_no_plaintext);
  ADD ("/store/migration/fixture-v1", test_migration_fixture_v1);
  ADD ("/store/migration/v1-frozen", test_migration_v1_frozen);
  ADD ("/store/migration/fixture-v2", test_migration_fixture_v2);
  ADD ("/store/migration/to-v2", test_migration_to_v2);
  ADD ("/store/migration/failure-rolls-back", test_migration_failure_rolls_back);
  ADD ("/store/survivor/crud-and-audit", test_survivor_crud_and_audit);
  ADD ("/store/survivor/duplicate-code", test_survivor_duplicate_code);
  ADD ("/store/survivor/model", test_survivor_model);
  ADD ("/store/survivor/model-10000", test_survivor_model_many);
  ADD ("/store/survivor/search", test_survivor_search);
  ADD ("/store/plan/items-history-model", test_plan_items);
  ADD ("/store/audit/no-content", test_audit_has_no_content);
  ADD ("/store/records/other-kinds", test_other_records);
  ADD ("/store/templates/imported", test_templates);
  ADD ("/store/error/disk-full", test_error_disk_full);
  ADD ("/store/error/closed", test_error_closed);
  ADD ("/store/backup/encrypted", test_backup_encrypted);
  ADD ("/store/caseload/filters", test_caseload_filters);
  ADD ("/store/caseload/stale-and-review", test_caseload_stale_and_review);
  ADD ("/store/caseload/reviews-and-consents", test_caseload_reviews_and_consents);
  ADD ("/store/caseload/batches", test_caseload_batches);
  g_test_add_func ("/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/store/memory/no-file", test_memory_no_file);
  ADD ("/store/import/keeps-values", test_import_keeps_values);
  ADD ("/store/import/all-or-nothing", test_import_all_or_nothing);

  return g_test_run ();
}
