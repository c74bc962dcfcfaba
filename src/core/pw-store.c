/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-store"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pw-iso-codes.h"
#include "pw-plan-item-list.h"
#include "pw-store-private.h"
#include "pw-survivor-list.h"

typedef struct
{
  PwRecordKind  kind;
  gint64        id;
  gint64        survivor_id;
  PwAuditAction action;
} Change;

struct _PwStore
{
  GObject     parent_instance;

  sqlite3    *db;
  guint8     *key;          /* sodium_malloc, PW_STORE_KEY_SIZE bytes */
  char       *path;
  char       *actor;

  GHashTable *stmts;        /* SQL text (static, by address) → sqlite3_stmt */
  GHashTable *survivors;    /* id → PwSurvivor, weak: the live objects */
  GHashTable *plan_items;   /* id → PwPlanItem, weak */
  GArray     *pending;      /* Change, emitted after COMMIT */
  gboolean    importing;    /* inside pw_store_import() */
  gboolean    read_only;    /* PW_STORE_OPEN_READ_ONLY */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (PwStore, pw_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pw-store-error-quark, pw_store_error)

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static void
set_io_error (GError **error)
{
  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                       _("Nothing was saved: the disk is full, read-only or not responding. "
                         "Free some space or check the disk, then try again."));
}

/* Turns an SQLite result code into a GError with a sentence for the user.
 * The SQLite message goes to the debug log only: it can name columns but
 * never values, and values are survivor data. */
static gboolean
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  int primary = rc & 0xff;

  g_debug ("SQLite error %d: %s", rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  switch (primary)
    {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
      set_io_error (error);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_BUSY,
                           _("Nothing was saved: the vault is busy in another window. "
                             "Try again in a moment."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                           _("Nothing was saved: the change conflicts with another record "
                             "or leaves a required field empty."));
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY,
                           _("The vault cannot be read: it is damaged, or the key does not "
                             "belong to it. Restore it from a backup if the problem persists."));
      break;

    default:
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("The vault could not complete this operation, and nothing was "
                             "saved. Try again; if it keeps failing, restore a backup."));
      break;
    }

  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out = 0;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (out_rc != NULL)
    *out_rc = rc;
  return rc == SQLITE_OK;
}

/* ------------------------------------------------------------------------ */
/* Schema                                                                   */

/* SQL here must run on SQLite 3.15.2 (Debian 12's SQLCipher 3.4.1). Dates
 * are 'YYYY-MM-DD' text, timestamps are UTC microseconds since the epoch,
 * enumerations are stored as their GEnum nicks. */
static const char schema_v1[] =
  "CREATE TABLE survivor ("
  "  id INTEGER PRIMARY KEY,"
  "  case_code TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(case_code)) > 0),"
  "  alias TEXT,"
  "  birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200),"
  "  country TEXT CHECK (country IS NULL OR length(country) = 2),"
  "  languages TEXT NOT NULL DEFAULT '',"
  "  preferred_language TEXT,"
  "  template_id TEXT,"
  "  key_worker TEXT,"
  "  intake_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','paused','closed')),"
  "  close_reason TEXT NOT NULL DEFAULT 'none' CHECK (close_reason IN"
  "    ('none','integrated','moved','returned_home','lost_contact','other')),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX survivor_updated ON survivor (updated_at);"
  "CREATE INDEX survivor_intake ON survivor (intake_date);"

  "CREATE TABLE stage_state ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  stage_id TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('not_reached','current','revisited','completed')),"
  "  since TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX stage_state_survivor ON stage_state (survivor_id, stage_id, id);"

  "CREATE TABLE plan_item ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  step_id TEXT,"
  "  stage_id TEXT,"
  "  domain TEXT,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  her_words TEXT NOT NULL DEFAULT '',"
  "  priority INTEGER NOT NULL DEFAULT 0,"
  "  responsible TEXT,"
  "  due_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN"
  "    ('proposed','agreed','in_progress','achieved','paused','dropped')),"
  "  achieved_date TEXT,"
  "  notes TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX plan_item_survivor ON plan_item (survivor_id, priority);"
  "CREATE INDEX plan_item_due ON plan_item (status, due_date);"

  "CREATE TABLE plan_item_status ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_item_id INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN"
  "    ('proposed','agreed','in_progress','achieved','paused','dropped')),"
  "  changed_on TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX plan_item_status_item ON plan_item_status (plan_item_id, id);"

  "CREATE TABLE assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('risk','needs','checkin')),"
  "  date TEXT NOT NULL,"
  "  assessor TEXT,"
  "  risk_level TEXT CHECK (risk_level IS NULL OR risk_level IN ('low','medium','high')),"
  "  review_trigger TEXT,"
  "  next_review TEXT,"
  "  notes TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (kind = 'risk' OR risk_level IS NULL)"
  ");"
  "CREATE INDEX assessment_survivor ON assessment (survivor_id, kind, date);"
  "CREATE INDEX assessment_review ON assessment (kind, next_review);"

  /* Factors of a risk assessment, from the template's checklist or 'other'. */
  "CREATE TABLE risk_factor ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  factor TEXT NOT NULL,"
  "  PRIMARY KEY (assessment_id, factor)"
  ");"

  /* Basic needs: a need id ('housing', …) or 'own' with her own words in label. */
  "CREATE TABLE need_item ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  need TEXT NOT NULL,"
  "  label TEXT,"
  "  coverage TEXT NOT NULL CHECK (coverage IN ('covered','partly','not_covered')),"
  "  priority INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX need_item_assessment ON need_item (assessment_id);"

  /* Check-in scores, co-rated: hers and the worker's, 1–5 per indicator. */
  "CREATE TABLE checkin_score ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  indicator_id TEXT NOT NULL,"
  "  her_score INTEGER CHECK (her_score IS NULL OR her_score BETWEEN 1 AND 5),"
  "  worker_score INTEGER CHECK (worker_score IS NULL OR worker_score BETWEEN 1 AND 5),"
  "  PRIMARY KEY (assessment_id, indicator_id)"
  ");"

  "CREATE TABLE service ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT,"
  "  contact TEXT,"
  "  languages TEXT NOT NULL DEFAULT '',"
  "  notes TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE consent ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  scope TEXT NOT NULL CHECK (scope IN ('services','data_sharing','reporting')),"
  "  service_id INTEGER REFERENCES service (id) ON DELETE RESTRICT,"
  "  form TEXT NOT NULL CHECK (form IN ('written','verbal')),"
  "  status TEXT NOT NULL CHECK (status IN ('given','refused','withdrawn')),"
  "  date TEXT NOT NULL,"
  "  expires TEXT,"
  "  notes TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX consent_survivor ON consent (survivor_id, date);"
  "CREATE INDEX consent_expires ON consent (status, expires);"

  "CREATE TABLE referral ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE RESTRICT,"
  "  plan_item_id INTEGER REFERENCES plan_item (id) ON DELETE SET NULL,"
  "  consent_id INTEGER REFERENCES consent (id) ON DELETE RESTRICT,"
  "  no_consent_reason TEXT,"
  "  date TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('proposed','sent','accepted','completed','declined')),"
  "  outcome TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  /* A referral goes out only with a consent or a recorded reason. */
  "  CHECK (status = 'proposed' OR consent_id IS NOT NULL"
  "         OR length(trim(coalesce(no_consent_reason, ''))) > 0)"
  ");"
  "CREATE INDEX referral_survivor ON referral (survivor_id, date);"

  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),"
  "  author TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (restricted = 0 OR author IS NOT NULL)"
  ");"
  "CREATE INDEX note_survivor ON note (survivor_id, date);"

  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  survivor_id INTEGER NOT NULL REFERENCES survivor (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  stage_id TEXT,"
  "  domain TEXT,"
  "  plan_item_id INTEGER REFERENCES plan_item (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX milestone_survivor ON milestone (survivor_id, date);"

  /* Imported pathway templates, as the JSON the user imported. */
  "CREATE TABLE template ("
  "  id INTEGER PRIMARY KEY,"
  "  template_id TEXT NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  content BLOB NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  /* Who did what to which record, and when: never the content. survivor_id
   * has no foreign key so the trail outlives a deleted record. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  ts INTEGER NOT NULL,"
  "  actor TEXT,"
  "  kind TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  survivor_id INTEGER,"
  "  action TEXT NOT NULL CHECK (action IN ('create','update','delete','status'))"
  ");"
  "CREATE INDEX audit_log_record ON audit_log (kind, record_id);"

  /* docid = survivor.id; kept in sync by pw-store.c in the same transaction
   * as every write to survivor and plan_item. */
  "CREATE VIRTUAL TABLE survivor_fts USING fts4 ("
  "  case_code, alias, languages, key_worker, plan_titles,"
  "  tokenize=unicode61 \"remove_diacritics=1\""
  ");";

static gboolean
migrate_to_v1 (sqlite3  *db,
               GError  **error)
{
  return exec_sql (db, schema_v1, error);
}

/* v2: the dates of her latest change of residence, work and city area
 * (each calls for a risk review), and the dated history of a referral's
 * status, started from what v1 knew. */
static const char schema_v2[] =
  "ALTER TABLE survivor ADD COLUMN residence_changed_on TEXT;"
  "ALTER TABLE survivor ADD COLUMN work_changed_on TEXT;"
  "ALTER TABLE survivor ADD COLUMN area_changed_on TEXT;"

  "CREATE TABLE referral_status ("
  "  id INTEGER PRIMARY KEY,"
  "  referral_id INTEGER NOT NULL REFERENCES referral (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('proposed','sent','accepted','completed','declined')),"
  "  changed_on TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX referral_status_referral ON referral_status (referral_id, id);"
  "INSERT INTO referral_status (referral_id, status, changed_on, created_at)"
  "  SELECT id, status, date, updated_at FROM referral ORDER BY id;";

static gboolean
migrate_to_v2 (sqlite3  *db,
               GError  **error)
{
  return exec_sql (db, schema_v2, error);
}

/* v3: the full-text index keeps an index of the first one and two
 * letters of every word, so that search as you type answers its first
 * keystroke ("r*") without merging the lists of every word that starts
 * with it. FTS4 options are fixed at creation: the table is made again
 * with the text it held, copied through a table in the (encrypted) vault
 * itself rather than a temporary one. */
static const char schema_v3[] =
  "CREATE TABLE survivor_fts_v2 AS"
  "  SELECT docid AS id, case_code, alias, languages, key_worker, plan_titles FROM survivor_fts;"
  "DROP TABLE survivor_fts;"
  "CREATE VIRTUAL TABLE survivor_fts USING fts4 ("
  "  case_code, alias, languages, key_worker, plan_titles,"
  "  prefix=\"1,2\","
  "  tokenize=unicode61 \"remove_diacritics=1\""
  ");"
  "INSERT INTO survivor_fts (docid, case_code, alias, languages, key_worker, plan_titles)"
  "  SELECT id, case_code, alias, languages, key_worker, plan_titles FROM survivor_fts_v2 ORDER BY id;"
  "DROP TABLE survivor_fts_v2;"
  "INSERT INTO survivor_fts (survivor_fts) VALUES ('optimize');";

static gboolean
migrate_to_v3 (sqlite3  *db,
               GError  **error)
{
  return exec_sql (db, schema_v3, error);
}

static const PwStoreMigration default_migrations[] = {
  migrate_to_v1,
  migrate_to_v2,
  migrate_to_v3,
};

const PwStoreMigration *
pw_store_get_default_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (default_migrations);
  return default_migrations;
}

static gboolean
run_migrations (sqlite3                 *db,
                gint64                   version,
                const PwStoreMigration  *migrations,
                guint                    n_migrations,
                GError                 **error)
{
  for (guint v = version; v < n_migrations; v++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *set_version = NULL;

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %u", v + 1);
      if (!migrations[v] (db, &local_error) ||
          !exec_sql (db, set_version, &local_error) ||
          !exec_sql (db, "COMMIT", &local_error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_message ("Migration of the vault to version %u failed: %s", v + 1, local_error->message);
          if (g_error_matches (local_error, PW_STORE_ERROR, PW_STORE_ERROR_IO))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                                 _("The vault could not be upgraded for this version of "
                                   "Pathway. It was left as it was."));
          return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

/* The raw key as SQL, built in guarded memory that sodium_free() wipes. */
static gboolean
apply_key (sqlite3       *db,
           const guint8  *key,
           GError       **error)
{
  static const char prefix[] = "PRAGMA key = \"x'";
  static const char suffix[] = "'\";";
  gsize hex_len = PW_STORE_KEY_SIZE * 2;
  gsize len = sizeof prefix - 1 + hex_len + sizeof suffix;
  char *sql;
  int rc;

  sql = sodium_malloc (len);
  if (sql == NULL)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("There is not enough protected memory to open the vault. "
                             "Close other programs and try again."));
      return FALSE;
    }
  memcpy (sql, prefix, sizeof prefix - 1);
  sodium_bin2hex (sql + sizeof prefix - 1, hex_len + 1, key, PW_STORE_KEY_SIZE);
  memcpy (sql + sizeof prefix - 1 + hex_len, suffix, sizeof suffix);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sodium_free (sql);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);

  /* Settings spelled out so that the file format never depends on the
   * build's defaults. They are SQLCipher 3's defaults, which SQLCipher 4
   * only reads with these (its own defaults are 4096 / 256000 / SHA512):
   * - cipher_page_size and kdf_iter are understood by 3.4.1 and by 4;
   * - cipher_hmac_algorithm and cipher_kdf_algorithm exist from 4.0 on;
   *   3.4.1 ignores unknown pragmas, and SHA1 is what it always uses.
   * The KDF still matters with a raw key: the passphrase KDF is bypassed,
   * but the HMAC key is derived with the KDF algorithm. We spell the four
   * settings out rather than `cipher_compatibility = 3` (4.0+) so that the
   * same statements mean the same thing in both builds; 3.4.1 ignores that
   * pragma, so a v4 build gets nothing more from it. */
  return exec_sql (db,
                   "PRAGMA cipher_page_size = 1024;"
                   "PRAGMA kdf_iter = 64000;"
                   "PRAGMA cipher_hmac_algorithm = HMAC_SHA1;"
                   "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA1;",
                   error);
}

/* Opens a connection, keys it and checks that the key reads the file.
 * Nothing here writes to the file. */
static sqlite3 *
open_keyed (const char    *path,
            const guint8  *key,
            int            open_flags,
            GError       **error)
{
  sqlite3 *db = NULL;
  gint64 unused;
  int rc;

  rc = sqlite3_open_v2 (path, &db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);

  if (!apply_key (db, key, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* Linked against plain SQLite, PRAGMA key is silently ignored and the
   * vault would be written in clear (DESIGN §9). */
  {
    sqlite3_stmt *stmt = NULL;
    gboolean has_cipher = FALSE;

    if (sqlite3_prepare_v2 (db, "PRAGMA cipher_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW &&
        sqlite3_column_text (stmt, 0) != NULL)
      has_cipher = TRUE;
    sqlite3_finalize (stmt);

    if (!has_cipher)
      {
        g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_ENCRYPTED,
                             _("This copy of Pathway was built without encryption, so it "
                               "refuses to open the vault. Install a build of Pathway "
                               "that uses SQLCipher."));
        sqlite3_close (db);
        return NULL;
      }
  }

  /* SQLCipher accepts any key; the first read decides. */
  if (!query_int (db, "SELECT count(*) FROM sqlite_master", &unused, &rc))
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY,
                             _("The vault could not be opened with this key: the key does "
                               "not belong to it, or the file is damaged."));
      else
        set_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static void
drop_weak_cache (PwStore    *self,
                 GHashTable *cache);

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pw_store_finalize (GObject *object)
{
  PwStore *self = PW_STORE (object);

  pw_store_close (self);
  drop_weak_cache (self, self->survivors);
  drop_weak_cache (self, self->plan_items);
  g_clear_pointer (&self->survivors, g_hash_table_unref);
  g_clear_pointer (&self->plan_items, g_hash_table_unref);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (pw_store_parent_class)->finalize (object);
}

static void
pw_store_class_init (PwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_store_finalize;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  PW_TYPE_RECORD_KIND, G_TYPE_INT64, G_TYPE_INT64, PW_TYPE_AUDIT_ACTION);
}

static void
pw_store_init (PwStore *self)
{
  self->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  self->survivors = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->plan_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
set_read_only_refused (GError **error)
{
  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_IO,
                       _("The vault cannot be opened while its folder is read-only or the "
                         "disk is full: its latest changes, or an upgrade for this version "
                         "of Pathway, must first be written. Free some space or make the "
                         "folder writable, then unlock again."));
}

/* SQLite 3.15 opens a WAL database only if it can create vault.db-shm,
 * which a read-only folder or a full disk refuses; as "immutable" it
 * reads the file without locks or shared memory. That is sound only while
 * nobody writes the file, which the read-only folder or full disk ensures
 * for this user's other processes too. Changes still waiting in
 * vault.db-wal would be invisible, so a non-empty one refuses the open. */
static PwStore *
open_read_only (const char  *path,
                const guint8 *key,
                guint         n_migrations,
                GError      **error)
{
  g_autoptr(PwStore) self = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *wal = g_strconcat (absolute, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  GStatBuf st;
  sqlite3 *db;
  gint64 version = 0;
  int rc;

  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
                           _("The vault’s database file is missing. Check that the vault "
                             "folder was not moved or emptied, or restore a backup."));
      return NULL;
    }
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      set_read_only_refused (error);
      return NULL;
    }

  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    {
      set_io_error (error);
      return NULL;
    }
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  db = open_keyed (immutable, key, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->read_only = TRUE;
  self->key = sodium_malloc (PW_STORE_KEY_SIZE);
  if (self->key == NULL)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("There is not enough protected memory to open the vault. "
                             "Close other programs and try again."));
      return NULL;
    }
  memcpy (self->key, key, PW_STORE_KEY_SIZE);

  if (!query_int (db, "PRAGMA user_version", &version, &rc))
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  if (version > n_migrations)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW,
                           _("This vault was written by a newer version of Pathway. "
                             "Update Pathway to open it; the vault was left unchanged."));
      return NULL;
    }
  if (version < n_migrations)
    {
      set_read_only_refused (error);
      return NULL;
    }

  if (!exec_sql (db,
                 "PRAGMA query_only = ON;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;",
                 error))
    return NULL;

  return g_steal_pointer (&self);
}

PwStore *
pw_store_open_with_migrations (const char              *path,
                               const guint8            *key,
                               PwStoreOpenFlags         flags,
                               const PwStoreMigration  *migrations,
                               guint                    n_migrations,
                               GError                 **error)
{
  g_autoptr(PwStore) self = NULL;
  sqlite3 *db;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("The encryption library could not start. Pathway cannot "
                             "open the vault on this system."));
      return NULL;
    }

  if (flags & PW_STORE_OPEN_READ_ONLY)
    return open_read_only (path, key, n_migrations, error);

  if (!g_str_equal (path, ":memory:") && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Look before touching: a vault from a newer Pathway must not be
       * modified, not even by switching it to WAL. */
      db = open_keyed (path, key, SQLITE_OPEN_READONLY, error);
      if (db == NULL)
        return NULL;
      if (!query_int (db, "PRAGMA user_version", &version, &rc))
        {
          set_sqlite_error (db, rc, error);
          sqlite3_close (db);
          return NULL;
        }
      sqlite3_close (db);

      if (version > n_migrations)
        {
          g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW,
                               _("This vault was written by a newer version of Pathway. "
                                 "Update Pathway to open it; the vault was left unchanged."));
          return NULL;
        }
    }
  else if (!(flags & PW_STORE_OPEN_CREATE))
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
                           _("The vault’s database file is missing. Check that the vault "
                             "folder was not moved or emptied, or restore a backup."));
      return NULL;
    }

  db = open_keyed (path, key, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->key = sodium_malloc (PW_STORE_KEY_SIZE);
  if (self->key == NULL)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("There is not enough protected memory to open the vault. "
                             "Close other programs and try again."));
      return NULL;
    }
  memcpy (self->key, key, PW_STORE_KEY_SIZE);

  /* synchronous = FULL: "saved" means on disk, also in WAL mode. */
  if (!exec_sql (db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA secure_delete = ON;"
                 /* 16 MiB of pages: with 1 KiB pages, the default 2 MiB
                  * is lost to one search over 10,000 survivors. */
                 "PRAGMA cache_size = -16384;",
                 error))
    return NULL;

  /* Re-read under the write connection: another process may have
   * migrated the file in between. */
  if (!query_int (db, "PRAGMA user_version", &version, &rc))
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  if (version > n_migrations)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW,
                           _("This vault was written by a newer version of Pathway. "
                             "Update Pathway to open it; the vault was left unchanged."));
      return NULL;
    }

  if (!run_migrations (db, version, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

PwStore *
pw_store_open (const char        *path,
               const guint8      *key,
               PwStoreOpenFlags   flags,
               GError           **error)
{
  return pw_store_open_with_migrations (path, key, flags,
                                        default_migrations,
                                        G_N_ELEMENTS (default_migrations),
                                        error);
}

void
pw_store_close (PwStore *self)
{
  g_return_if_fail (PW_IS_STORE (self));

  g_hash_table_remove_all (self->stmts);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->key, sodium_free);
}

void
pw_store_set_actor (PwStore    *self,
                    const char *actor)
{
  g_return_if_fail (PW_IS_STORE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

sqlite3 *
pw_store_get_handle (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return self->db;
}

const char *
pw_store_get_path (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return self->path;
}

const char *
pw_store_get_actor (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return self->actor;
}

gboolean
pw_store_is_read_only (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  return self->read_only;
}

gboolean
pw_store_is_open (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  return self->db != NULL;
}

/* ------------------------------------------------------------------------ */
/* Statements, transactions, audit                                          */

static gboolean
check_open (PwStore  *self,
            GError  **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CLOSED,
                       _("The vault is locked. Unlock it and try again."));
  return FALSE;
}

/* A cached statement, reset and with its bindings cleared. @sql must be a
 * string literal: the cache is keyed by its address. */
static sqlite3_stmt *
prepare (PwStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

/* Runs a statement that returns no rows, and resets it. */
static gboolean
step_done (PwStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

/* Empty strings are stored as NULL: "not given". */
static void
bind_opt_text (sqlite3_stmt *stmt,
               int           idx,
               const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  sqlite3_bind_text (stmt, idx, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

static void
bind_opt_id (sqlite3_stmt *stmt,
             int           idx,
             gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           idx,
           GType         type,
           int           value)
{
  sqlite3_bind_text (stmt, idx, pw_enum_to_nick (type, value), -1, SQLITE_STATIC);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           col,
             GType         type)
{
  int value = 0;

  if (!pw_enum_from_nick (type, column_text (stmt, col), &value))
    return 0;
  return value;
}

static char *
strv_to_column (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (" ", (char **) strv) : g_strdup ("");
}

static char **
column_to_strv (sqlite3_stmt *stmt,
                int           col)
{
  const char *text = column_text (stmt, col);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, " ", -1);
}

static gboolean
begin (PwStore  *self,
       GError  **error)
{
  if (!check_open (self, error))
    return FALSE;
  g_assert (sqlite3_get_autocommit (self->db));
  g_array_set_size (self->pending, 0);
  return exec_sql (self->db, "BEGIN IMMEDIATE", error);
}

static void
rollback (PwStore *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_array_set_size (self->pending, 0);
}

static void refresh_live (PwStore      *self,
                          const Change *change);

static gboolean
commit (PwStore  *self,
        GError  **error)
{
  g_autoptr(GArray) changes = NULL;

  if (!exec_sql (self->db, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  /* Emission can re-enter the store (a model reloading, a handler saving
   * something else), so work on our own copy of the list. */
  changes = g_array_copy (self->pending);
  g_array_set_size (self->pending, 0);

  for (guint i = 0; i < changes->len; i++)
    refresh_live (self, &g_array_index (changes, Change, i));
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      g_signal_emit (self, signals [CHANGED], 0, c->kind, c->id, c->survivor_id, c->action);
    }

  return TRUE;
}

/* One audit row per changed record, in the write's transaction. Only
 * what, which, who and when: never a value from the record. */
static gboolean
audit (PwStore        *self,
       PwRecordKind    kind,
       gint64          id,
       gint64          survivor_id,
       PwAuditAction   action,
       GError        **error)
{
  sqlite3_stmt *stmt;
  Change change = { kind, id, survivor_id, action };

  stmt = prepare (self,
                  "INSERT INTO audit_log (ts, actor, kind, record_id, survivor_id, action) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  bind_opt_text (stmt, 2, self->actor);
  bind_enum (stmt, 3, PW_TYPE_RECORD_KIND, kind);
  sqlite3_bind_int64 (stmt, 4, id);
  bind_opt_id (stmt, 5, survivor_id);
  bind_enum (stmt, 6, PW_TYPE_AUDIT_ACTION, action);
  if (!step_done (self, stmt, error))
    return FALSE;

  g_array_append_val (self->pending, change);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* NULL or empty (unknown) is fine; otherwise a real calendar date. */
static gboolean
date_is_valid (const char *date)
{
  unsigned y, m, d;
  char tail;

  if (date == NULL || *date == '\0')
    return TRUE;
  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  if (sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date_is_valid (date))
    return TRUE;
  return invalid (error, _("A date is not valid. Enter dates as year, month and day, "
                           "for example 2024-03-31; nothing was saved."));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
no_record (GError **error)
{
  g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_NO_RECORD,
                       _("This record no longer exists. It may have been deleted in "
                         "another window; nothing was saved."));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Live objects                                                             */

typedef struct
{
  gint64      id;           /* the hash key points here */
  GObject    *object;
  GHashTable *cache;
} LiveEntry;

static void
live_entry_gone (gpointer  data,
                 GObject  *where_the_object_was)
{
  LiveEntry *entry = data;

  g_hash_table_remove (entry->cache, &entry->id);
}

static gpointer
live_lookup (GHashTable *cache,
             gint64      id)
{
  LiveEntry *entry = g_hash_table_lookup (cache, &id);

  return entry != NULL ? entry->object : NULL;
}

static void
live_insert (GHashTable *cache,
             gpointer    object,
             gint64      id)
{
  LiveEntry *entry = g_new0 (LiveEntry, 1);

  entry->id = id;
  entry->object = object;
  entry->cache = cache;
  g_object_weak_ref (object, live_entry_gone, entry);
  g_hash_table_replace (cache, &entry->id, entry);
}

static void
live_forget (GHashTable *cache,
             gint64      id)
{
  LiveEntry *entry = g_hash_table_lookup (cache, &id);

  if (entry == NULL)
    return;
  g_object_weak_unref (entry->object, live_entry_gone, entry);
  g_hash_table_remove (cache, &id);
}

static void
drop_weak_cache (PwStore    *self,
                 GHashTable *cache)
{
  GHashTableIter iter;
  LiveEntry *entry;

  if (cache == NULL)
    return;
  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      g_object_weak_unref (entry->object, live_entry_gone, entry);
      g_hash_table_iter_remove (&iter);
    }
}

/* ------------------------------------------------------------------------ */
/* Survivors                                                                */

/* Her residence, work or city area changed after @date (an SQL
 * expression): a new risk review is due. Columns of table survivor. */
#define LIFE_CHANGED_AFTER(date) \
  "max (coalesce (survivor.residence_changed_on, ''), coalesce (survivor.work_changed_on, ''), " \
  "     coalesce (survivor.area_changed_on, '')) > " date

#define SURVIVOR_COLUMNS \
  "id, case_code, alias, birth_year, country, languages, preferred_language, " \
  "template_id, key_worker, intake_date, status, close_reason, created_at, updated_at, " \
  "(SELECT st.stage_id FROM stage_state st " \
  "  WHERE st.survivor_id = survivor.id AND st.status IN ('current', 'revisited') " \
  "    AND st.id = (SELECT max(id) FROM stage_state s2 " \
  "                 WHERE s2.survivor_id = st.survivor_id AND s2.stage_id = st.stage_id) " \
  "  ORDER BY st.id DESC LIMIT 1), " \
  "(SELECT count (*) FROM plan_item p WHERE p.survivor_id = survivor.id " \
  "  AND p.status IN ('proposed', 'agreed', 'in_progress') " \
  "  AND p.due_date < ?40), " \
  "coalesce ((SELECT a.next_review < ?40 OR " LIFE_CHANGED_AFTER ("a.date") \
  "           FROM assessment a " \
  "           WHERE a.survivor_id = survivor.id AND a.kind = 'risk' " \
  "           ORDER BY a.date DESC, a.id DESC LIMIT 1), 0)"

/* SURVIVOR_COLUMNS compare with today as parameter 40 (after the ids a
 * query binds): SQLite's date ('now', 'localtime') would convert the time
 * zone again for every row. */
static void
bind_today (sqlite3_stmt *stmt)
{
  g_autofree char *day = today ();

  sqlite3_bind_text (stmt, 40, day, -1, SQLITE_TRANSIENT);
}

static void
survivor_from_row (PwSurvivor   *survivor,
                   sqlite3_stmt *stmt)
{
  g_auto(GStrv) languages = column_to_strv (stmt, 5);

  g_object_freeze_notify (G_OBJECT (survivor));
  pw_survivor_set_id (survivor, sqlite3_column_int64 (stmt, 0));
  pw_survivor_set_case_code (survivor, column_text (stmt, 1));
  pw_survivor_set_alias (survivor, column_text (stmt, 2));
  pw_survivor_set_birth_year (survivor, sqlite3_column_int (stmt, 3));
  pw_survivor_set_country (survivor, column_text (stmt, 4));
  pw_survivor_set_languages (survivor, (const char * const *) languages);
  pw_survivor_set_preferred_language (survivor, column_text (stmt, 6));
  pw_survivor_set_template_id (survivor, column_text (stmt, 7));
  pw_survivor_set_key_worker (survivor, column_text (stmt, 8));
  pw_survivor_set_intake_date (survivor, column_text (stmt, 9));
  pw_survivor_set_status (survivor, column_enum (stmt, 10, PW_TYPE_SURVIVOR_STATUS));
  pw_survivor_set_close_reason (survivor, column_enum (stmt, 11, PW_TYPE_CLOSE_REASON));
  pw_survivor_set_created_at (survivor, sqlite3_column_int64 (stmt, 12));
  pw_survivor_set_updated_at (survivor, sqlite3_column_int64 (stmt, 13));
  pw_survivor_set_current_stage (survivor, column_text (stmt, 14));
  pw_survivor_set_overdue_items (survivor, sqlite3_column_int (stmt, 15));
  pw_survivor_set_review_due (survivor, sqlite3_column_int (stmt, 16) != 0);
  g_object_thaw_notify (G_OBJECT (survivor));
}

PwSurvivor *
pw_store_get_survivor (PwStore  *self,
                       gint64    survivor_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  PwSurvivor *survivor;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " SURVIVOR_COLUMNS " FROM survivor WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  bind_today (stmt);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        no_record (error);
      else
        set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  survivor = live_lookup (self->survivors, survivor_id);
  if (survivor != NULL)
    g_object_ref (survivor);
  else
    {
      survivor = pw_survivor_new ();
      live_insert (self->survivors, survivor, survivor_id);
    }
  survivor_from_row (survivor, stmt);
  sqlite3_reset (stmt);

  return survivor;
}

/* Her languages as the search finds them: each code with its names (in
 * English, other names the standard gives, the interface language), so
 * "edo" or "inglese" finds a survivor whose record says "bin" or "en". */
static char *
fts_languages (PwStore  *self,
               gint64    survivor_id,
               GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) codes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT languages FROM survivor WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    codes = column_to_strv (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *names = pw_iso_codes_dup_search_text (pw_iso_codes_get_default (),
                                                             PW_ISO_LANGUAGE, codes[i]);

      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", names);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
fts_sync (PwStore  *self,
          gint64    survivor_id,
          GError  **error)
{
  g_autofree char *languages = NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (self, "DELETE FROM survivor_fts WHERE docid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  languages = fts_languages (self, survivor_id, error);
  if (languages == NULL)
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO survivor_fts "
                  "  (docid, case_code, alias, languages, key_worker, plan_titles) "
                  "SELECT id, case_code, coalesce (alias, ''), ?2, coalesce (key_worker, ''), "
                  "  coalesce ((SELECT group_concat (title, ' ') FROM plan_item "
                  "             WHERE survivor_id = ?1), '') "
                  "FROM survivor WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  bind_text (stmt, 2, languages);
  return step_done (self, stmt, error);
}

/* Checks @survivor and returns the case code to store (trimmed). */
static char *
validate_survivor (PwSurvivor  *survivor,
                   GError     **error)
{
  g_autofree char *code = g_strstrip (g_strdup (pw_survivor_get_case_code (survivor)));
  const char *country = pw_survivor_get_country (survivor);
  int year = pw_survivor_get_birth_year (survivor);

  if (*code == '\0')
    {
      invalid (error, _("Enter a case code; nothing was saved."));
      return NULL;
    }
  if (country != NULL && *country != '\0' &&
      (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1])))
    {
      invalid (error, _("The country of origin is not valid; nothing was saved."));
      return NULL;
    }
  if (year != 0 && (year < 1900 || year > 2200))
    {
      invalid (error, _("The year of birth is not valid; nothing was saved."));
      return NULL;
    }
  if (!check_date (pw_survivor_get_intake_date (survivor), error))
    return NULL;

  return g_steal_pointer (&code);
}

static gboolean
survivor_write_error (PwStore  *self,
                      GError  **error)
{
  if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                           _("Another survivor already has this case code. Choose a "
                             "different code; nothing was saved."));
      return FALSE;
    }
  return set_sqlite_error (self->db, sqlite3_extended_errcode (self->db), error);
}

static void
bind_survivor (sqlite3_stmt *stmt,
               PwSurvivor   *survivor,
               const char   *code)
{
  g_autofree char *languages = strv_to_column (pw_survivor_get_languages (survivor));
  g_autofree char *country = g_ascii_strup (pw_survivor_get_country (survivor) ?: "", -1);
  PwSurvivorStatus status = pw_survivor_get_status (survivor);

  bind_text (stmt, 1, code);
  bind_opt_text (stmt, 2, pw_survivor_get_alias (survivor));
  if (pw_survivor_get_birth_year (survivor) > 0)
    sqlite3_bind_int (stmt, 3, pw_survivor_get_birth_year (survivor));
  else
    sqlite3_bind_null (stmt, 3);
  bind_opt_text (stmt, 4, country);
  bind_text (stmt, 5, languages);
  bind_opt_text (stmt, 6, pw_survivor_get_preferred_language (survivor));
  bind_opt_text (stmt, 7, pw_survivor_get_template_id (survivor));
  bind_opt_text (stmt, 8, pw_survivor_get_key_worker (survivor));
  bind_opt_text (stmt, 9, pw_survivor_get_intake_date (survivor));
  bind_enum (stmt, 10, PW_TYPE_SURVIVOR_STATUS, status);
  bind_enum (stmt, 11, PW_TYPE_CLOSE_REASON,
             status == PW_SURVIVOR_STATUS_CLOSED ? pw_survivor_get_close_reason (survivor)
                                                 : PW_CLOSE_REASON_NONE);
}

gint64
pw_store_add_survivor (PwStore     *self,
                       PwSurvivor  *survivor,
                       GError     **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  gint64 id;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_SURVIVOR (survivor), 0);

  if ((code = validate_survivor (survivor, error)) == NULL || !begin (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO survivor (case_code, alias, birth_year, country, languages, "
                  "  preferred_language, template_id, key_worker, intake_date, status, "
                  "  close_reason, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_survivor (stmt, survivor, code);
  sqlite3_bind_int64 (stmt, 12, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      survivor_write_error (self, error);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  if (!fts_sync (self, id, error) ||
      !audit (self, PW_RECORD_KIND_SURVIVOR, id, id, PW_AUDIT_ACTION_CREATE, error))
    goto fail;

  if (!commit (self, error))
    return 0;
  pw_survivor_set_id (survivor, id);
  pw_survivor_set_case_code (survivor, code);
  pw_survivor_set_created_at (survivor, now);
  pw_survivor_set_updated_at (survivor, now);
  return id;

fail:
  rollback (self);
  return 0;
}

gboolean
pw_store_update_survivor (PwStore     *self,
                          PwSurvivor  *survivor,
                          GError     **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (PW_IS_SURVIVOR (survivor), FALSE);

  id = pw_survivor_get_id (survivor);
  if (id <= 0)
    return no_record (error);
  if ((code = validate_survivor (survivor, error)) == NULL || !begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE survivor SET case_code = ?1, alias = ?2, birth_year = ?3, "
                  "  country = ?4, languages = ?5, preferred_language = ?6, template_id = ?7, "
                  "  key_worker = ?8, intake_date = ?9, status = ?10, close_reason = ?11, "
                  "  updated_at = ?12 "
                  "WHERE id = ?13",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_survivor (stmt, survivor, code);
  sqlite3_bind_int64 (stmt, 12, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 13, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      survivor_write_error (self, error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }

  if (!fts_sync (self, id, error) ||
      !audit (self, PW_RECORD_KIND_SURVIVOR, id, id, PW_AUDIT_ACTION_UPDATE, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_set_survivor_status (PwStore           *self,
                              gint64             survivor_id,
                              PwSurvivorStatus   status,
                              PwCloseReason      reason,
                              GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE survivor SET status = ?, close_reason = ?, updated_at = ? WHERE id = ?",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_enum (stmt, 1, PW_TYPE_SURVIVOR_STATUS, status);
  bind_enum (stmt, 2, PW_TYPE_CLOSE_REASON,
             status == PW_SURVIVOR_STATUS_CLOSED ? reason : PW_CLOSE_REASON_NONE);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 4, survivor_id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }
  if (!audit (self, PW_RECORD_KIND_SURVIVOR, survivor_id, survivor_id,
              PW_AUDIT_ACTION_STATUS, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_delete_survivor (PwStore  *self,
                          gint64    survivor_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;

  /* Referrals hold services with ON DELETE RESTRICT, but they go with her. */
  stmt = prepare (self, "DELETE FROM survivor WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }

  stmt = prepare (self, "DELETE FROM survivor_fts WHERE docid = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  if (!step_done (self, stmt, error) ||
      !audit (self, PW_RECORD_KIND_SURVIVOR, survivor_id, survivor_id,
              PW_AUDIT_ACTION_DELETE, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_case_code_exists (PwStore    *self,
                           const char *case_code)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_code != NULL, FALSE);

  stmt = prepare (self, "SELECT 1 FROM survivor WHERE case_code = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  code = g_strstrip (g_strdup (case_code));
  bind_text (stmt, 1, code);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/* Words of @text as an FTS4 query: every word must start a word of the
 * record ("jos ros" finds "José Rosa"). Anything but letters and digits
 * separates words, so the user cannot write FTS syntax by accident. */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s*\"", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Each survivor's current stage as the list shows it: of the stages whose
 * latest state is current or revisited, the one changed last (SQLite takes
 * the bare stage_id from the row of max (id)). */
#define CURRENT_STAGES_SQL \
  "SELECT survivor_id, stage_id, max (id) FROM stage_state " \
  "WHERE id IN (SELECT max (id) FROM stage_state GROUP BY survivor_id, stage_id) " \
  "  AND status IN ('current', 'revisited') " \
  "GROUP BY survivor_id"

/* A plan item still to be done: not achieved, paused or dropped. */
#define OPEN_ITEM "p.status IN ('proposed', 'agreed', 'in_progress')"

#define PW_STALE_DAYS 60

/* The dates a query compares with: today, the last day of the coming
 * week, and the start of the stale window in microseconds. */
static gboolean
query_dates (const char  *today_text,
             char       **today,
             char       **week_end,
             gint64      *stale_cutoff,
             GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  unsigned y, m, d;

  if (today_text == NULL || *today_text == '\0')
    now = g_date_time_new_now_local ();
  else
    {
      if (!check_date (today_text, error))
        return FALSE;
      if (sscanf (today_text, "%4u-%2u-%2u", &y, &m, &d) != 3)
        return invalid (error, _("A date is not valid. Enter dates as year, month and day, "
                                 "for example 2024-03-31; nothing was saved."));
      now = g_date_time_new_local (y, m, d, 12, 0, 0);
    }

  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  end = g_date_time_add_days (midnight, 6);
  cutoff = g_date_time_add_days (midnight, -PW_STALE_DAYS);
  *today = g_date_time_format (midnight, "%Y-%m-%d");
  *week_end = g_date_time_format (end, "%Y-%m-%d");
  *stale_cutoff = g_date_time_to_unix (cutoff) * G_USEC_PER_SEC;
  return TRUE;
}

/* The date @days days after @day (both "YYYY-MM-DD"), counted at noon so
 * that a change of daylight saving time cannot move it a day. */
static char *
days_after (const char *day,
            guint       days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  unsigned y, m, d;

  if (sscanf (day, "%4u-%2u-%2u", &y, &m, &d) != 3)
    g_return_val_if_reached (NULL);
  start = g_date_time_new_local (y, m, d, 12, 0, 0);
  end = g_date_time_add_days (start, days);
  return g_date_time_format (end, "%Y-%m-%d");
}

/* Appends the conditions of @query to @sql (which ends in a WHERE clause
 * on table survivor) and the texts to bind, in order, to @binds. Returns
 * FALSE with no error when nothing can match. */
static gboolean
append_survivor_conditions (GString                *sql,
                            GPtrArray              *binds,
                            const PwSurvivorQuery  *query,
                            GError                **error)
{
  g_autofree char *today = NULL;
  g_autofree char *week_end = NULL;
  g_autofree char *last = NULL;
  gint64 cutoff;
  const char *text = query->text;

  if (text != NULL && *text != '\0')
    {
      char *match = build_match_query (text);

      /* Punctuation only: nothing can match; blanks only: no search. */
      if (match == NULL && strspn (text, " \t") != strlen (text))
        return FALSE;
      if (match != NULL)
        {
          g_string_append (sql, " AND id IN (SELECT docid FROM survivor_fts "
                                "WHERE survivor_fts MATCH ?)");
          g_ptr_array_add (binds, match);
        }
    }

  if (query->status >= 0)
    {
      g_string_append (sql, " AND status = ?");
      g_ptr_array_add (binds, g_strdup (pw_enum_to_nick (PW_TYPE_SURVIVOR_STATUS, query->status)));
    }

  if (query->stage_id != NULL && *query->stage_id != '\0')
    {
      g_string_append (sql, " AND id IN (SELECT survivor_id FROM (" CURRENT_STAGES_SQL ") "
                            "WHERE stage_id = ?)");
      g_ptr_array_add (binds, g_strdup (query->stage_id));
    }
  else if (query->stage_id != NULL)
    g_string_append (sql, " AND id NOT IN (SELECT survivor_id FROM (" CURRENT_STAGES_SQL "))");

  if (query->key_worker != NULL && *query->key_worker != '\0')
    {
      g_string_append (sql, " AND key_worker = ? COLLATE NOCASE");
      g_ptr_array_add (binds, g_strdup (query->key_worker));
    }
  else if (query->key_worker != NULL)
    g_string_append (sql, " AND key_worker IS NULL");

  if (query->attention == PW_SURVIVOR_ATTENTION_ANY)
    return TRUE;

  if (!query_dates (query->today, &today, &week_end, &cutoff, error))
    return FALSE;

  switch (query->attention)
    {
    case PW_SURVIVOR_ATTENTION_OVERDUE:
      g_string_append (sql, " AND id IN (SELECT p.survivor_id FROM plan_item p "
                            "WHERE " OPEN_ITEM " AND p.due_date < ?)");
      g_ptr_array_add (binds, g_steal_pointer (&today));
      break;

    case PW_SURVIVOR_ATTENTION_DUE_SOON:
      g_string_append (sql, " AND id IN (SELECT p.survivor_id FROM plan_item p "
                            "WHERE " OPEN_ITEM " AND p.due_date BETWEEN ? AND ?)");
      g_ptr_array_add (binds, g_steal_pointer (&today));
      g_ptr_array_add (binds, g_steal_pointer (&week_end));
      break;

    case PW_SURVIVOR_ATTENTION_REVIEW_DUE:
      /* As review_due_from_row() decides: her latest risk assessment is
       * older than a change in her life or past its next review; without
       * one (the subquery gives no row), the first is due. */
      g_string_append (sql, " AND coalesce ((SELECT coalesce (a.next_review < ?, 0) OR "
                            LIFE_CHANGED_AFTER ("a.date") " "
                            "  FROM assessment a "
                            "  WHERE a.survivor_id = survivor.id AND a.kind = 'risk' "
                            "  ORDER BY a.date DESC, a.id DESC LIMIT 1), 1)");
      g_ptr_array_add (binds, g_steal_pointer (&today));
      break;

    case PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING:
      /* As pw_store_list_expiring_consents() lists them. */
      g_string_append (sql, " AND id IN (SELECT c.survivor_id FROM consent c "
                            "WHERE c.status = 'given' AND c.expires BETWEEN ? AND ?)");
      last = days_after (today, PW_EXPIRING_CONSENT_DAYS);
      g_ptr_array_add (binds, g_steal_pointer (&today));
      g_ptr_array_add (binds, g_steal_pointer (&last));
      break;

    case PW_SURVIVOR_ATTENTION_STALE:
      /* A number we computed, not user text: safe to write in the SQL. */
      g_string_append_printf (sql, " AND created_at < %" G_GINT64_FORMAT
                                   " AND NOT EXISTS (SELECT 1 FROM plan_item p "
                                   "  WHERE p.survivor_id = survivor.id "
                                   "    AND p.updated_at >= %" G_GINT64_FORMAT ")",
                              cutoff, cutoff);
      break;

    case PW_SURVIVOR_ATTENTION_ANY:
    default:
      break;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare_survivor_query (PwStore                *self,
                        const char             *select,
                        const PwSurvivorQuery  *query,
                        gboolean               *none,
                        GError                **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *none = FALSE;
  if (!check_open (self, error))
    return NULL;

  g_string_append (sql, " WHERE 1");
  if (!append_survivor_conditions (sql, binds, query, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        *none = TRUE;
      return NULL;
    }

  if (g_str_has_prefix (select, "SELECT id "))
    switch (query->sort)
      {
      case PW_SURVIVOR_SORT_UPDATED:
        g_string_append (sql, " ORDER BY updated_at DESC, id DESC");
        break;
      case PW_SURVIVOR_SORT_INTAKE_DATE:
        g_string_append (sql, " ORDER BY intake_date IS NULL, intake_date DESC, case_code");
        break;
      case PW_SURVIVOR_SORT_CASE_CODE:
      default:
        g_string_append (sql, " ORDER BY case_code");
        break;
      }

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  return stmt;
}

GArray *
pw_store_query_survivor_ids (PwStore                *self,
                             const PwSurvivorQuery  *query,
                             GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean none;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare_survivor_query (self, "SELECT id FROM survivor", query, &none, error);
  if (stmt == NULL)
    return none ? g_steal_pointer (&ids) : NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
pw_store_match_survivor_ids (PwStore     *self,
                             const char  *text,
                             gboolean    *searching,
                             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (searching != NULL, NULL);

  *searching = FALSE;
  if (!check_open (self, error))
    return NULL;
  if (text == NULL || strspn (text, " \t") == strlen (text))
    return g_steal_pointer (&ids);
  *searching = TRUE;
  match = build_match_query (text);
  if (match == NULL)
    return g_steal_pointer (&ids);

  stmt = prepare (self, "SELECT docid FROM survivor_fts WHERE survivor_fts MATCH ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

GArray *
pw_store_list_survivor_ids (PwStore         *self,
                            const char      *text,
                            int              status,
                            PwSurvivorSort   sort,
                            GError         **error)
{
  PwSurvivorQuery query = PW_SURVIVOR_QUERY_INIT;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  query.text = text;
  query.status = status;
  query.sort = sort;
  return pw_store_query_survivor_ids (self, &query, error);
}

gboolean
pw_store_count_survivors (PwStore                *self,
                          const PwSurvivorQuery  *query,
                          guint                  *count,
                          GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean none;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  stmt = prepare_survivor_query (self, "SELECT count (*) FROM survivor", query, &none, error);
  if (stmt == NULL)
    return none;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

gboolean
pw_store_count_plan_items (PwStore              *self,
                           PwSurvivorAttention   attention,
                           const char           *today_text,
                           guint                *count,
                           GError              **error)
{
  g_autofree char *today = NULL;
  g_autofree char *week_end = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (attention == PW_SURVIVOR_ATTENTION_OVERDUE ||
                        attention == PW_SURVIVOR_ATTENTION_DUE_SOON, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  if (!query_dates (today_text, &today, &week_end, &cutoff, error))
    return FALSE;

  if (attention == PW_SURVIVOR_ATTENTION_OVERDUE)
    stmt = prepare (self,
                    "SELECT count (*) FROM plan_item p JOIN survivor s ON s.id = p.survivor_id "
                    "WHERE s.status = 'active' AND " OPEN_ITEM " AND p.due_date < ?1",
                    error);
  else
    stmt = prepare (self,
                    "SELECT count (*) FROM plan_item p JOIN survivor s ON s.id = p.survivor_id "
                    "WHERE s.status = 'active' AND " OPEN_ITEM " AND p.due_date BETWEEN ?1 AND ?2",
                    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, today);
  if (attention == PW_SURVIVOR_ATTENTION_DUE_SOON)
    bind_text (stmt, 2, week_end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

GHashTable *
pw_store_count_active_by_stage (PwStore  *self,
                                GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  gint64 active = 0;
  guint staged = 0;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT cs.stage_id, count (*) FROM (" CURRENT_STAGES_SQL ") cs "
                  "JOIN survivor s ON s.id = cs.survivor_id "
                  "WHERE s.status = 'active' GROUP BY cs.stage_id",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = sqlite3_column_int (stmt, 1);

      g_hash_table_insert (counts, g_strdup (column_text (stmt, 0)), GUINT_TO_POINTER (n));
      staged += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  if (!query_int (self->db, "SELECT count (*) FROM survivor WHERE status = 'active'", &active, &rc))
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (counts, g_strdup (""), GUINT_TO_POINTER ((guint) active - staged));

  return g_steal_pointer (&counts);
}

GPtrArray *
pw_store_load_survivors (PwStore       *self,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) survivors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_object_unref);

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  /* One statement for up to 32 ids; unbound parameters are NULL and match
   * nothing, so a short batch needs no other SQL. */
  for (guint start = 0; start < n_ids; start += 32)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = prepare (self,
                      "SELECT " SURVIVOR_COLUMNS " FROM survivor WHERE id IN ("
                      "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                      "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
                      error);
      if (stmt == NULL)
        return NULL;
      for (guint i = start; i < n_ids && i < start + 32; i++)
        sqlite3_bind_int64 (stmt, i - start + 1, ids[i]);
      bind_today (stmt);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          PwSurvivor *survivor = live_lookup (self->survivors, id);

          if (survivor != NULL)
            g_object_ref (survivor);
          else
            {
              survivor = pw_survivor_new ();
              live_insert (self->survivors, survivor, id);
            }
          survivor_from_row (survivor, stmt);
          g_hash_table_insert (found, g_memdup2 (&id, sizeof id), survivor);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self->db, rc, error);
          return NULL;
        }
    }

  for (guint i = 0; i < n_ids; i++)
    {
      PwSurvivor *survivor = g_hash_table_lookup (found, &ids[i]);

      if (survivor != NULL)
        g_ptr_array_add (survivors, g_object_ref (survivor));
    }
  return g_steal_pointer (&survivors);
}

char **
pw_store_list_key_workers (PwStore  *self,
                           GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT key_worker FROM survivor WHERE key_worker IS NOT NULL "
                  "GROUP BY key_worker COLLATE NOCASE ORDER BY key_worker COLLATE NOCASE",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

char *
pw_store_suggest_case_code (PwStore    *self,
                            const char *prefix)
{
  sqlite3_stmt *stmt;
  guint64 highest = 0;
  gsize prefix_len;
  char *code = NULL;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  prefix_len = strlen (prefix);
  stmt = prepare (self, "SELECT case_code FROM survivor WHERE substr (case_code, 1, ?1) = ?2 "
                        "COLLATE NOCASE", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, g_utf8_strlen (prefix, -1));
      bind_text (stmt, 2, prefix);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *rest = column_text (stmt, 0) + prefix_len;
          guint64 n;

          if (*rest != '\0' && strspn (rest, "0123456789") == strlen (rest) && strlen (rest) < 10 &&
              g_ascii_string_to_unsigned (rest, 10, 0, G_MAXUINT32, &n, NULL))
            highest = MAX (highest, n);
        }
      sqlite3_reset (stmt);
    }

  /* The next number after the highest; skip any taken another way. */
  do
    {
      g_free (code);
      code = g_strdup_printf ("%s%04" G_GUINT64_FORMAT, prefix, ++highest);
    }
  while (pw_store_case_code_exists (self, code));

  return code;
}

GArray *
pw_store_search_survivors (PwStore     *self,
                           const char  *text,
                           GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return pw_store_list_survivor_ids (self, text, -1, PW_SURVIVOR_SORT_CASE_CODE, error);
}

GListModel *
pw_store_get_survivors (PwStore *self)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return G_LIST_MODEL (pw_survivor_list_new (self));
}

/* ------------------------------------------------------------------------ */
/* Plan items                                                               */

#define PLAN_ITEM_COLUMNS \
  "id, survivor_id, step_id, stage_id, domain, title, her_words, priority, responsible, " \
  "due_date, status, achieved_date, notes, created_at, updated_at"

static void
plan_item_from_row (PwPlanItem   *item,
                    sqlite3_stmt *stmt)
{
  g_object_freeze_notify (G_OBJECT (item));
  pw_plan_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  pw_plan_item_set_survivor_id (item, sqlite3_column_int64 (stmt, 1));
  pw_plan_item_set_step_id (item, column_text (stmt, 2));
  pw_plan_item_set_stage_id (item, column_text (stmt, 3));
  pw_plan_item_set_domain (item, column_text (stmt, 4));
  pw_plan_item_set_title (item, column_text (stmt, 5));
  pw_plan_item_set_her_words (item, column_text (stmt, 6));
  pw_plan_item_set_priority (item, sqlite3_column_int (stmt, 7));
  pw_plan_item_set_responsible (item, column_text (stmt, 8));
  pw_plan_item_set_due_date (item, column_text (stmt, 9));
  pw_plan_item_set_status (item, column_enum (stmt, 10, PW_TYPE_PLAN_ITEM_STATUS));
  pw_plan_item_set_achieved_date (item, column_text (stmt, 11));
  pw_plan_item_set_notes (item, column_text (stmt, 12));
  pw_plan_item_set_created_at (item, sqlite3_column_int64 (stmt, 13));
  pw_plan_item_set_updated_at (item, sqlite3_column_int64 (stmt, 14));
  g_object_thaw_notify (G_OBJECT (item));
}

static PwPlanItem *
plan_item_live_from_row (PwStore      *self,
                         sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  PwPlanItem *item = live_lookup (self->plan_items, id);

  if (item != NULL)
    g_object_ref (item);
  else
    {
      item = pw_plan_item_new ();
      live_insert (self->plan_items, item, id);
    }
  plan_item_from_row (item, stmt);
  return item;
}

PwPlanItem *
pw_store_get_plan_item (PwStore  *self,
                        gint64    item_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  PwPlanItem *item;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " PLAN_ITEM_COLUMNS " FROM plan_item WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        no_record (error);
      else
        set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  item = plan_item_live_from_row (self, stmt);
  sqlite3_reset (stmt);
  return item;
}

GPtrArray *
pw_store_load_plan_items (PwStore  *self,
                          gint64    survivor_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT " PLAN_ITEM_COLUMNS " FROM plan_item WHERE survivor_id = ? "
                  "ORDER BY priority, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, plan_item_live_from_row (self, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GListModel *
pw_store_get_plan_items (PwStore *self,
                         gint64   survivor_id)
{
  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  return G_LIST_MODEL (pw_plan_item_list_new (self, survivor_id));
}

static gboolean
validate_plan_item (PwPlanItem  *item,
                    GError     **error)
{
  if (pw_plan_item_get_survivor_id (item) <= 0)
    return no_record (error);
  return check_date (pw_plan_item_get_due_date (item), error) &&
         check_date (pw_plan_item_get_achieved_date (item), error);
}

static gboolean
add_status_history (PwStore           *self,
                    gint64             item_id,
                    PwPlanItemStatus   status,
                    const char        *date,
                    GError           **error)
{
  g_autofree char *day = date != NULL && *date != '\0' ? g_strdup (date) : today ();
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO plan_item_status (plan_item_id, status, changed_on, created_at) "
                  "VALUES (?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  bind_enum (stmt, 2, PW_TYPE_PLAN_ITEM_STATUS, status);
  bind_text (stmt, 3, day);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return step_done (self, stmt, error);
}

/* The item's survivor and status as stored; FALSE (NO_RECORD) if gone. */
static gboolean
plan_item_lookup (PwStore           *self,
                  gint64             item_id,
                  gint64            *survivor_id,
                  PwPlanItemStatus  *status,
                  GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT survivor_id, status FROM plan_item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *survivor_id = sqlite3_column_int64 (stmt, 0);
      if (status != NULL)
        *status = column_enum (stmt, 1, PW_TYPE_PLAN_ITEM_STATUS);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return no_record (error);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

static void
bind_plan_item (sqlite3_stmt *stmt,
                PwPlanItem   *item)
{
  bind_opt_text (stmt, 1, pw_plan_item_get_step_id (item));
  bind_opt_text (stmt, 2, pw_plan_item_get_stage_id (item));
  bind_opt_text (stmt, 3, pw_plan_item_get_domain (item));
  bind_text (stmt, 4, pw_plan_item_get_title (item));
  bind_text (stmt, 5, pw_plan_item_get_her_words (item));
  bind_opt_text (stmt, 6, pw_plan_item_get_responsible (item));
  bind_opt_text (stmt, 7, pw_plan_item_get_due_date (item));
  bind_enum (stmt, 8, PW_TYPE_PLAN_ITEM_STATUS, pw_plan_item_get_status (item));
  bind_opt_text (stmt, 9, pw_plan_item_get_achieved_date (item));
  bind_opt_text (stmt, 10, pw_plan_item_get_notes (item));
}

gint64
pw_store_add_plan_item (PwStore     *self,
                        PwPlanItem  *item,
                        GError     **error)
{
  g_autofree char *achieved = NULL;
  sqlite3_stmt *stmt;
  gint64 survivor_id, id, now = g_get_real_time ();
  int priority;

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_PLAN_ITEM (item), 0);

  if (!validate_plan_item (item, error) || !begin (self, error))
    return 0;

  survivor_id = pw_plan_item_get_survivor_id (item);
  priority = pw_plan_item_get_priority (item);
  if (priority <= 0)
    {
      /* New goals go to the end of her list until she ranks them. */
      stmt = prepare (self, "SELECT coalesce (max (priority), 0) + 1 FROM plan_item "
                            "WHERE survivor_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, survivor_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        priority = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (pw_plan_item_get_status (item) == PW_PLAN_ITEM_STATUS_ACHIEVED &&
      pw_plan_item_get_achieved_date (item) == NULL)
    achieved = today ();

  stmt = prepare (self,
                  "INSERT INTO plan_item (step_id, stage_id, domain, title, her_words, "
                  "  responsible, due_date, status, achieved_date, notes, survivor_id, priority, "
                  "  created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_plan_item (stmt, item);
  if (achieved != NULL)
    bind_text (stmt, 9, achieved);
  sqlite3_bind_int64 (stmt, 11, survivor_id);
  sqlite3_bind_int (stmt, 12, priority);
  sqlite3_bind_int64 (stmt, 13, now);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!add_status_history (self, id, pw_plan_item_get_status (item), NULL, error) ||
      !fts_sync (self, survivor_id, error) ||
      !audit (self, PW_RECORD_KIND_PLAN_ITEM, id, survivor_id, PW_AUDIT_ACTION_CREATE, error))
    goto fail;

  if (!commit (self, error))
    return 0;

  g_object_freeze_notify (G_OBJECT (item));
  pw_plan_item_set_id (item, id);
  pw_plan_item_set_priority (item, priority);
  if (achieved != NULL)
    pw_plan_item_set_achieved_date (item, achieved);
  pw_plan_item_set_created_at (item, now);
  pw_plan_item_set_updated_at (item, now);
  g_object_thaw_notify (G_OBJECT (item));
  return id;

fail:
  rollback (self);
  return 0;
}

gboolean
pw_store_update_plan_item (PwStore     *self,
                           PwPlanItem  *item,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  PwPlanItemStatus old_status, status;
  gint64 id, survivor_id;
  g_autofree char *achieved = NULL;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (PW_IS_PLAN_ITEM (item), FALSE);

  id = pw_plan_item_get_id (item);
  if (!validate_plan_item (item, error) || !begin (self, error))
    return FALSE;

  if (!plan_item_lookup (self, id, &survivor_id, &old_status, error))
    goto fail;

  status = pw_plan_item_get_status (item);
  if (status == PW_PLAN_ITEM_STATUS_ACHIEVED)
    achieved = g_strdup (pw_plan_item_get_achieved_date (item));
  if (status == PW_PLAN_ITEM_STATUS_ACHIEVED && achieved == NULL)
    achieved = today ();

  stmt = prepare (self,
                  "UPDATE plan_item SET step_id = ?1, stage_id = ?2, domain = ?3, title = ?4, "
                  "  her_words = ?5, responsible = ?6, due_date = ?7, status = ?8, "
                  "  achieved_date = ?9, notes = ?10, priority = ?11, updated_at = ?12 "
                  "WHERE id = ?13",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_plan_item (stmt, item);
  bind_opt_text (stmt, 9, achieved);
  sqlite3_bind_int (stmt, 11, MAX (pw_plan_item_get_priority (item), 0));
  sqlite3_bind_int64 (stmt, 12, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 13, id);
  if (!step_done (self, stmt, error))
    goto fail;

  if (status != old_status &&
      !add_status_history (self, id, status, achieved, error))
    goto fail;

  if (!fts_sync (self, survivor_id, error) ||
      !audit (self, PW_RECORD_KIND_PLAN_ITEM, id, survivor_id,
              status != old_status ? PW_AUDIT_ACTION_STATUS : PW_AUDIT_ACTION_UPDATE, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_set_plan_item_status (PwStore           *self,
                               gint64             item_id,
                               PwPlanItemStatus   status,
                               const char        *date,
                               GError           **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 survivor_id;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!check_date (date, error) || !begin (self, error))
    return FALSE;
  day = date != NULL && *date != '\0' ? g_strdup (date) : today ();

  if (!plan_item_lookup (self, item_id, &survivor_id, NULL, error))
    goto fail;

  stmt = prepare (self,
                  "UPDATE plan_item SET status = ?1, achieved_date = ?2, updated_at = ?3 "
                  "WHERE id = ?4",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_enum (stmt, 1, PW_TYPE_PLAN_ITEM_STATUS, status);
  bind_opt_text (stmt, 2, status == PW_PLAN_ITEM_STATUS_ACHIEVED ? day : NULL);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 4, item_id);
  if (!step_done (self, stmt, error) ||
      !add_status_history (self, item_id, status, day, error) ||
      !audit (self, PW_RECORD_KIND_PLAN_ITEM, item_id, survivor_id, PW_AUDIT_ACTION_STATUS, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_delete_plan_item (PwStore  *self,
                           gint64    item_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 survivor_id;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!plan_item_lookup (self, item_id, &survivor_id, NULL, error))
    goto fail;

  stmt = prepare (self, "DELETE FROM plan_item WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!step_done (self, stmt, error) ||
      !fts_sync (self, survivor_id, error) ||
      !audit (self, PW_RECORD_KIND_PLAN_ITEM, item_id, survivor_id, PW_AUDIT_ACTION_DELETE, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_reorder_plan_items (PwStore       *self,
                             gint64         survivor_id,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      stmt = prepare (self,
                      "UPDATE plan_item SET priority = ?1, updated_at = ?2 "
                      "WHERE id = ?3 AND survivor_id = ?4 AND priority != ?1",
                      error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, ids[i]);
      sqlite3_bind_int64 (stmt, 4, survivor_id);
      if (!step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (self->db) > 0 &&
          !audit (self, PW_RECORD_KIND_PLAN_ITEM, ids[i], survivor_id,
                  PW_AUDIT_ACTION_UPDATE, error))
        goto fail;
    }

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

GPtrArray *
pw_store_list_plan_item_history (PwStore  *self,
                                 gint64    item_id,
                                 GError  **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, plan_item_id, status, changed_on, created_at FROM plan_item_status "
                  "WHERE plan_item_id = ? ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwStatusChange *change = pw_status_change_new ();

      pw_status_change_set_id (change, sqlite3_column_int64 (stmt, 0));
      pw_status_change_set_plan_item_id (change, sqlite3_column_int64 (stmt, 1));
      pw_status_change_set_status (change, column_enum (stmt, 2, PW_TYPE_PLAN_ITEM_STATUS));
      pw_status_change_set_changed_on (change, column_text (stmt, 3));
      pw_status_change_set_created_at (change, sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

static void
refresh_live_survivor (PwStore *self,
                       gint64   survivor_id)
{
  PwSurvivor *survivor;

  if (live_lookup (self->survivors, survivor_id) == NULL)
    return;
  survivor = pw_store_get_survivor (self, survivor_id, NULL);
  g_clear_object (&survivor);
}

/* After a commit: the live objects show what is now stored. */
static void
refresh_live (PwStore      *self,
              const Change *change)
{
  g_autoptr(GObject) object = NULL;

  switch (change->kind)
    {
    case PW_RECORD_KIND_SURVIVOR:
      if (change->action == PW_AUDIT_ACTION_DELETE)
        live_forget (self->survivors, change->id);
      else if (live_lookup (self->survivors, change->id) != NULL)
        object = G_OBJECT (pw_store_get_survivor (self, change->id, NULL));
      break;

    case PW_RECORD_KIND_STAGE_STATE:
      if (live_lookup (self->survivors, change->survivor_id) != NULL)
        object = G_OBJECT (pw_store_get_survivor (self, change->survivor_id, NULL));
      break;

    case PW_RECORD_KIND_PLAN_ITEM:
      if (change->action == PW_AUDIT_ACTION_DELETE)
        live_forget (self->plan_items, change->id);
      else if (live_lookup (self->plan_items, change->id) != NULL)
        object = G_OBJECT (pw_store_get_plan_item (self, change->id, NULL));
      /* Her overdue count follows her items. */
      refresh_live_survivor (self, change->survivor_id);
      break;

    case PW_RECORD_KIND_ASSESSMENT:
      /* Whether her risk review is due follows her assessments. */
      refresh_live_survivor (self, change->survivor_id);
      break;

    case PW_RECORD_KIND_CONSENT:
    case PW_RECORD_KIND_SERVICE:
    case PW_RECORD_KIND_REFERRAL:
    case PW_RECORD_KIND_NOTE:
    case PW_RECORD_KIND_MILESTONE:
    case PW_RECORD_KIND_TEMPLATE:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Stages                                                                   */

gint64
pw_store_set_stage_status (PwStore        *self,
                           gint64          survivor_id,
                           const char     *stage_id,
                           PwStageStatus   status,
                           const char     *since,
                           GError        **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (stage_id != NULL && *stage_id != '\0', 0);

  if (!check_date (since, error) || !begin (self, error))
    return 0;
  day = since != NULL && *since != '\0' ? g_strdup (since) : today ();

  stmt = prepare (self,
                  "INSERT INTO stage_state (survivor_id, stage_id, status, since, created_at) "
                  "VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  bind_text (stmt, 2, stage_id);
  bind_enum (stmt, 3, PW_TYPE_STAGE_STATUS, status);
  bind_text (stmt, 4, day);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (!audit (self, PW_RECORD_KIND_STAGE_STATE, id, survivor_id, PW_AUDIT_ACTION_STATUS, error))
    goto fail;

  return commit (self, error) ? id : 0;

fail:
  rollback (self);
  return 0;
}

static GPtrArray *
list_stage_rows (PwStore       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwStageState *state = pw_stage_state_new ();

      pw_stage_state_set_id (state, sqlite3_column_int64 (stmt, 0));
      pw_stage_state_set_survivor_id (state, sqlite3_column_int64 (stmt, 1));
      pw_stage_state_set_stage_id (state, column_text (stmt, 2));
      pw_stage_state_set_status (state, column_enum (stmt, 3, PW_TYPE_STAGE_STATUS));
      pw_stage_state_set_since (state, column_text (stmt, 4));
      pw_stage_state_set_created_at (state, sqlite3_column_int64 (stmt, 5));
      g_ptr_array_add (states, state);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&states);
}

GPtrArray *
pw_store_list_stage_states (PwStore  *self,
                            gint64    survivor_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, stage_id, status, since, created_at FROM stage_state "
                  "WHERE id IN (SELECT max (id) FROM stage_state WHERE survivor_id = ? "
                  "             GROUP BY stage_id) "
                  "ORDER BY stage_id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  return list_stage_rows (self, stmt, error);
}

GPtrArray *
pw_store_list_stage_history (PwStore  *self,
                             gint64    survivor_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, stage_id, status, since, created_at FROM stage_state "
                  "WHERE survivor_id = ? ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  return list_stage_rows (self, stmt, error);
}

/* ------------------------------------------------------------------------ */
/* Milestones, notes, services, consents, referrals                         */

/* Steps an INSERT, audits it and commits; the caller began the
 * transaction and bound the statement. Returns the new id or 0. */
static gint64
finish_insert (PwStore        *self,
               sqlite3_stmt   *stmt,
               PwRecordKind    kind,
               gint64          survivor_id,
               GError        **error)
{
  gint64 id;

  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (!audit (self, kind, id, survivor_id, PW_AUDIT_ACTION_CREATE, error))
    goto fail;
  return commit (self, error) ? id : 0;

fail:
  rollback (self);
  return 0;
}

gint64
pw_store_add_milestone (PwStore      *self,
                        PwMilestone  *milestone,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id, now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_MILESTONE (milestone), 0);

  if (!check_date (pw_milestone_get_date (milestone), error) || !begin (self, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO milestone (survivor_id, date, title, stage_id, domain, "
                  "  plan_item_id, created_at) "
                  "VALUES (?, coalesce (?, date ('now', 'localtime')), ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, pw_milestone_get_survivor_id (milestone));
  bind_opt_text (stmt, 2, pw_milestone_get_date (milestone));
  bind_text (stmt, 3, pw_milestone_get_title (milestone));
  bind_opt_text (stmt, 4, pw_milestone_get_stage_id (milestone));
  bind_opt_text (stmt, 5, pw_milestone_get_domain (milestone));
  bind_opt_id (stmt, 6, pw_milestone_get_plan_item_id (milestone));
  sqlite3_bind_int64 (stmt, 7, now);
  id = finish_insert (self, stmt, PW_RECORD_KIND_MILESTONE,
                      pw_milestone_get_survivor_id (milestone), error);
  if (id > 0)
    {
      pw_milestone_set_id (milestone, id);
      pw_milestone_set_created_at (milestone, now);
    }
  return id;
}

GPtrArray *
pw_store_list_milestones (PwStore  *self,
                          gint64    survivor_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, date, title, stage_id, domain, plan_item_id, created_at "
                  "FROM milestone WHERE survivor_id = ? ORDER BY date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwMilestone *m = pw_milestone_new ();

      pw_milestone_set_id (m, sqlite3_column_int64 (stmt, 0));
      pw_milestone_set_survivor_id (m, sqlite3_column_int64 (stmt, 1));
      pw_milestone_set_date (m, column_text (stmt, 2));
      pw_milestone_set_title (m, column_text (stmt, 3));
      pw_milestone_set_stage_id (m, column_text (stmt, 4));
      pw_milestone_set_domain (m, column_text (stmt, 5));
      pw_milestone_set_plan_item_id (m, sqlite3_column_int64 (stmt, 6));
      pw_milestone_set_created_at (m, sqlite3_column_int64 (stmt, 7));
      g_ptr_array_add (list, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
pw_store_add_note (PwStore  *self,
                   PwNote   *note,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean restricted;
  gint64 id, now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_NOTE (note), 0);

  restricted = pw_note_get_restricted (note);
  if (restricted && (self->actor == NULL || *self->actor == '\0'))
    {
      invalid (error, _("A restricted note needs to know who is writing it. Unlock the "
                        "vault with your own passphrase; nothing was saved."));
      return 0;
    }
  if (!check_date (pw_note_get_date (note), error) || !begin (self, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO note (survivor_id, date, body, restricted, author, "
                  "  created_at, updated_at) "
                  "VALUES (?1, coalesce (?2, date ('now', 'localtime')), ?3, ?4, ?5, ?6, ?6)",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, pw_note_get_survivor_id (note));
  bind_opt_text (stmt, 2, pw_note_get_date (note));
  bind_text (stmt, 3, pw_note_get_body (note));
  sqlite3_bind_int (stmt, 4, restricted ? 1 : 0);
  bind_opt_text (stmt, 5, self->actor);
  sqlite3_bind_int64 (stmt, 6, now);
  id = finish_insert (self, stmt, PW_RECORD_KIND_NOTE, pw_note_get_survivor_id (note), error);
  if (id > 0)
    {
      pw_note_set_id (note, id);
      pw_note_set_author (note, self->actor);
      pw_note_set_created_at (note, now);
      pw_note_set_updated_at (note, now);
    }
  return id;
}

GPtrArray *
pw_store_list_notes (PwStore  *self,
                     gint64    survivor_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  /* The body of someone else's restricted note never leaves SQLite. */
  stmt = prepare (self,
                  "SELECT id, survivor_id, date, "
                  "  CASE WHEN restricted = 0 OR author = ?2 THEN body END, "
                  "  restricted, author, created_at, updated_at "
                  "FROM note WHERE survivor_id = ?1 ORDER BY date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  bind_opt_text (stmt, 2, self->actor);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwNote *n = pw_note_new ();

      pw_note_set_id (n, sqlite3_column_int64 (stmt, 0));
      pw_note_set_survivor_id (n, sqlite3_column_int64 (stmt, 1));
      pw_note_set_date (n, column_text (stmt, 2));
      pw_note_set_body (n, column_text (stmt, 3));
      pw_note_set_restricted (n, sqlite3_column_int (stmt, 4) != 0);
      pw_note_set_author (n, column_text (stmt, 5));
      pw_note_set_created_at (n, sqlite3_column_int64 (stmt, 6));
      pw_note_set_updated_at (n, sqlite3_column_int64 (stmt, 7));
      g_ptr_array_add (list, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
validate_service (PwService  *service,
                  GError    **error)
{
  const char *name = pw_service_get_name (service);

  if (name == NULL || name[strspn (name, " \t\n")] == '\0')
    return invalid (error, _("Enter the service’s name; nothing was saved."));
  return TRUE;
}

gint64
pw_store_add_service (PwStore    *self,
                      PwService  *service,
                      GError    **error)
{
  g_autofree char *languages = NULL;
  sqlite3_stmt *stmt;
  gint64 id, now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_SERVICE (service), 0);

  if (!validate_service (service, error) || !begin (self, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO service (name, kind, contact, languages, notes, created_at, "
                  "  updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return 0;
    }
  languages = strv_to_column (pw_service_get_languages (service));
  bind_text (stmt, 1, pw_service_get_name (service));
  bind_opt_text (stmt, 2, pw_service_get_kind (service));
  bind_opt_text (stmt, 3, pw_service_get_contact (service));
  bind_text (stmt, 4, languages);
  bind_opt_text (stmt, 5, pw_service_get_notes (service));
  sqlite3_bind_int64 (stmt, 6, now);
  id = finish_insert (self, stmt, PW_RECORD_KIND_SERVICE, 0, error);
  if (id > 0)
    {
      pw_service_set_id (service, id);
      pw_service_set_created_at (service, now);
      pw_service_set_updated_at (service, now);
    }
  return id;
}

gboolean
pw_store_update_service (PwStore    *self,
                         PwService  *service,
                         GError    **error)
{
  g_autofree char *languages = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (PW_IS_SERVICE (service), FALSE);

  id = pw_service_get_id (service);
  if (!validate_service (service, error) || !begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "UPDATE service SET name = ?, kind = ?, contact = ?, languages = ?, notes = ?, "
                  "  updated_at = ? WHERE id = ?",
                  error);
  if (stmt == NULL)
    goto fail;
  languages = strv_to_column (pw_service_get_languages (service));
  bind_text (stmt, 1, pw_service_get_name (service));
  bind_opt_text (stmt, 2, pw_service_get_kind (service));
  bind_opt_text (stmt, 3, pw_service_get_contact (service));
  bind_text (stmt, 4, languages);
  bind_opt_text (stmt, 5, pw_service_get_notes (service));
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 7, id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }
  if (!audit (self, PW_RECORD_KIND_SERVICE, id, 0, PW_AUDIT_ACTION_UPDATE, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

GPtrArray *
pw_store_list_services (PwStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, name, kind, contact, languages, notes, created_at, updated_at "
                  "FROM service ORDER BY name COLLATE NOCASE, id",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwService *s = pw_service_new ();
      g_auto(GStrv) languages = column_to_strv (stmt, 4);

      pw_service_set_id (s, sqlite3_column_int64 (stmt, 0));
      pw_service_set_name (s, column_text (stmt, 1));
      pw_service_set_kind (s, column_text (stmt, 2));
      pw_service_set_contact (s, column_text (stmt, 3));
      pw_service_set_languages (s, (const char * const *) languages);
      pw_service_set_notes (s, column_text (stmt, 5));
      pw_service_set_created_at (s, sqlite3_column_int64 (stmt, 6));
      pw_service_set_updated_at (s, sqlite3_column_int64 (stmt, 7));
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
pw_store_add_consent (PwStore    *self,
                      PwConsent  *consent,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 id, now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_CONSENT (consent), 0);

  if (pw_consent_get_scope (consent) == PW_CONSENT_SCOPE_DATA_SHARING &&
      pw_consent_get_service_id (consent) <= 0)
    {
      invalid (error, _("Consent to share data must name the service it is shared with; "
                        "nothing was saved."));
      return 0;
    }
  if (!check_date (pw_consent_get_date (consent), error) ||
      !check_date (pw_consent_get_expires (consent), error) ||
      !begin (self, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO consent (survivor_id, scope, service_id, form, status, date, "
                  "  expires, notes, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, date ('now', 'localtime')), "
                  "  ?7, ?8, ?9, ?9)",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, pw_consent_get_survivor_id (consent));
  bind_enum (stmt, 2, PW_TYPE_CONSENT_SCOPE, pw_consent_get_scope (consent));
  bind_opt_id (stmt, 3, pw_consent_get_service_id (consent));
  bind_enum (stmt, 4, PW_TYPE_CONSENT_FORM, pw_consent_get_form (consent));
  bind_enum (stmt, 5, PW_TYPE_CONSENT_STATUS, pw_consent_get_status (consent));
  bind_opt_text (stmt, 6, pw_consent_get_date (consent));
  bind_opt_text (stmt, 7, pw_consent_get_expires (consent));
  bind_opt_text (stmt, 8, pw_consent_get_notes (consent));
  sqlite3_bind_int64 (stmt, 9, now);
  id = finish_insert (self, stmt, PW_RECORD_KIND_CONSENT,
                      pw_consent_get_survivor_id (consent), error);
  if (id > 0)
    {
      pw_consent_set_id (consent, id);
      pw_consent_set_created_at (consent, now);
      pw_consent_set_updated_at (consent, now);
    }
  return id;
}

/* Sets the status column of a record that belongs to a survivor, with an
 * audit row. @sql: UPDATE … SET status = ?1, updated_at = ?2 … WHERE id = ?3
 * (?4 optional, bound by the caller). */
static gboolean
set_record_status (PwStore        *self,
                   sqlite3_stmt   *stmt,
                   const char     *survivor_sql,
                   PwRecordKind    kind,
                   gint64          id,
                   GError        **error)
{
  sqlite3_stmt *lookup;
  gint64 survivor_id = 0;

  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }
  lookup = prepare (self, survivor_sql, error);
  if (lookup == NULL)
    goto fail;
  sqlite3_bind_int64 (lookup, 1, id);
  if (sqlite3_step (lookup) == SQLITE_ROW)
    survivor_id = sqlite3_column_int64 (lookup, 0);
  sqlite3_reset (lookup);
  if (!audit (self, kind, id, survivor_id, PW_AUDIT_ACTION_STATUS, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_set_consent_status (PwStore          *self,
                             gint64            consent_id,
                             PwConsentStatus   status,
                             GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE consent SET status = ?1, updated_at = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  bind_enum (stmt, 1, PW_TYPE_CONSENT_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 3, consent_id);
  return set_record_status (self, stmt, "SELECT survivor_id FROM consent WHERE id = ?",
                            PW_RECORD_KIND_CONSENT, consent_id, error);
}

GPtrArray *
pw_store_list_consents (PwStore  *self,
                        gint64    survivor_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, scope, service_id, form, status, date, expires, notes, "
                  "  created_at, updated_at "
                  "FROM consent WHERE survivor_id = ? ORDER BY date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwConsent *c = pw_consent_new ();

      pw_consent_set_id (c, sqlite3_column_int64 (stmt, 0));
      pw_consent_set_survivor_id (c, sqlite3_column_int64 (stmt, 1));
      pw_consent_set_scope (c, column_enum (stmt, 2, PW_TYPE_CONSENT_SCOPE));
      pw_consent_set_service_id (c, sqlite3_column_int64 (stmt, 3));
      pw_consent_set_form (c, column_enum (stmt, 4, PW_TYPE_CONSENT_FORM));
      pw_consent_set_status (c, column_enum (stmt, 5, PW_TYPE_CONSENT_STATUS));
      pw_consent_set_date (c, column_text (stmt, 6));
      pw_consent_set_expires (c, column_text (stmt, 7));
      pw_consent_set_notes (c, column_text (stmt, 8));
      pw_consent_set_created_at (c, sqlite3_column_int64 (stmt, 9));
      pw_consent_set_updated_at (c, sqlite3_column_int64 (stmt, 10));
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
referral_check_error (PwStore  *self,
                      GError  **error)
{
  if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_CHECK)
    return invalid (error, _("A referral can only be sent with her consent or a recorded "
                             "reason for going ahead without it; nothing was saved."));
  return set_sqlite_error (self->db, sqlite3_extended_errcode (self->db), error);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[strspn (text, " \t\n")] != '\0';
}

/* Her consent @consent_id covers a referral to @service_id on @date: given,
 * naming that service (to receive it or to share data with it), dated on
 * or before @date and not expired on it. */
#define COVERING_CONSENT_SQL \
  "SELECT id FROM consent " \
  "WHERE survivor_id = ?1 AND service_id = ?2 AND status = 'given' " \
  "  AND scope IN ('services', 'data_sharing') " \
  "  AND date <= ?3 AND (expires IS NULL OR expires >= ?3) "

/* The consent rule: a referral that is not (or no longer) only proposed
 * needs a consent that covers it, or a recorded reason. A consent named
 * on a proposed referral must at least be hers. Runs in the caller's
 * transaction. */
static gboolean
check_referral_consent (PwStore           *self,
                        gint64             survivor_id,
                        gint64             service_id,
                        gint64             consent_id,
                        const char        *reason,
                        PwReferralStatus   status,
                        const char        *date,
                        GError           **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  if (consent_id > 0 && (status == PW_REFERRAL_STATUS_PROPOSED || has_text (reason)))
    {
      stmt = prepare (self, "SELECT 1 FROM consent WHERE id = ? AND survivor_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, consent_id);
      sqlite3_bind_int64 (stmt, 2, survivor_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self->db, rc, error);
      return invalid (error, _("The consent chosen for this referral is not hers. Choose one "
                               "of her consents; nothing was saved."));
    }
  if (status == PW_REFERRAL_STATUS_PROPOSED || has_text (reason))
    return TRUE;
  if (consent_id <= 0)
    return invalid (error, _("A referral can only be sent with her consent or a recorded "
                             "reason for going ahead without it; nothing was saved."));

  day = (date != NULL && *date != '\0') ? g_strdup (date) : today ();
  stmt = prepare (self, COVERING_CONSENT_SQL "AND id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  bind_text (stmt, 3, day);
  sqlite3_bind_int64 (stmt, 4, consent_id);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);
  if (!found)
    return invalid (error, _("Her consent does not cover this referral: it names another "
                             "service, was refused or withdrawn, or is not valid on the "
                             "referral’s date. Record her consent for this service, or the "
                             "reason for going ahead without it; nothing was saved."));
  return TRUE;
}

static gboolean
add_referral_history (PwStore           *self,
                      gint64             referral_id,
                      PwReferralStatus   status,
                      const char        *date,
                      GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO referral_status (referral_id, status, changed_on, created_at) "
                  "VALUES (?, ?, coalesce (?, date ('now', 'localtime')), ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  bind_enum (stmt, 2, PW_TYPE_REFERRAL_STATUS, status);
  bind_opt_text (stmt, 3, date);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return step_done (self, stmt, error);
}

gint64
pw_store_add_referral (PwStore     *self,
                       PwReferral  *referral,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id, now = g_get_real_time ();
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_REFERRAL (referral), 0);

  if (!check_date (pw_referral_get_date (referral), error) || !begin (self, error))
    return 0;
  if (!check_referral_consent (self,
                               pw_referral_get_survivor_id (referral),
                               pw_referral_get_service_id (referral),
                               pw_referral_get_consent_id (referral),
                               pw_referral_get_no_consent_reason (referral),
                               pw_referral_get_status (referral),
                               pw_referral_get_date (referral),
                               error))
    goto fail;
  stmt = prepare (self,
                  "INSERT INTO referral (survivor_id, service_id, plan_item_id, consent_id, "
                  "  no_consent_reason, date, status, outcome, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, date ('now', 'localtime')), "
                  "  ?7, ?8, ?9, ?9)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pw_referral_get_survivor_id (referral));
  sqlite3_bind_int64 (stmt, 2, pw_referral_get_service_id (referral));
  bind_opt_id (stmt, 3, pw_referral_get_plan_item_id (referral));
  bind_opt_id (stmt, 4, pw_referral_get_consent_id (referral));
  bind_opt_text (stmt, 5, pw_referral_get_no_consent_reason (referral));
  bind_opt_text (stmt, 6, pw_referral_get_date (referral));
  bind_enum (stmt, 7, PW_TYPE_REFERRAL_STATUS, pw_referral_get_status (referral));
  bind_opt_text (stmt, 8, pw_referral_get_outcome (referral));
  sqlite3_bind_int64 (stmt, 9, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      referral_check_error (self, error);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!add_referral_history (self, id, pw_referral_get_status (referral),
                             pw_referral_get_date (referral), error) ||
      !audit (self, PW_RECORD_KIND_REFERRAL, id, pw_referral_get_survivor_id (referral),
              PW_AUDIT_ACTION_CREATE, error) ||
      !commit (self, error))
    goto fail;

  pw_referral_set_id (referral, id);
  pw_referral_set_created_at (referral, now);
  pw_referral_set_updated_at (referral, now);
  return id;

fail:
  rollback (self);
  return 0;
}

/* What is stored of a referral that the rule needs; FALSE (NO_RECORD) if
 * it is gone. */
static gboolean
referral_lookup (PwStore           *self,
                 gint64             referral_id,
                 gint64            *survivor_id,
                 gint64            *service_id,
                 gint64            *consent_id,
                 char             **reason,
                 PwReferralStatus  *status,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT survivor_id, service_id, consent_id, no_consent_reason, status "
                  "FROM referral WHERE id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *survivor_id = sqlite3_column_int64 (stmt, 0);
      *service_id = sqlite3_column_int64 (stmt, 1);
      *consent_id = sqlite3_column_int64 (stmt, 2);
      *reason = g_strdup (column_text (stmt, 3));
      *status = column_enum (stmt, 4, PW_TYPE_REFERRAL_STATUS);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return no_record (error);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self->db, rc, error);
  return TRUE;
}

gboolean
pw_store_update_referral (PwStore     *self,
                          PwReferral  *referral,
                          GError     **error)
{
  g_autofree char *old_reason = NULL;
  sqlite3_stmt *stmt;
  gint64 id, survivor_id, service_id, consent_id;
  PwReferralStatus status;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (PW_IS_REFERRAL (referral), FALSE);

  id = pw_referral_get_id (referral);
  if (!check_date (pw_referral_get_date (referral), error) || !begin (self, error))
    return FALSE;
  if (!referral_lookup (self, id, &survivor_id, &service_id, &consent_id, &old_reason,
                        &status, error) ||
      !check_referral_consent (self, survivor_id,
                               pw_referral_get_service_id (referral),
                               pw_referral_get_consent_id (referral),
                               pw_referral_get_no_consent_reason (referral),
                               status, pw_referral_get_date (referral), error))
    goto fail;
  stmt = prepare (self,
                  "UPDATE referral SET service_id = ?1, plan_item_id = ?2, consent_id = ?3, "
                  "  no_consent_reason = ?4, date = coalesce (?5, date), outcome = ?6, "
                  "  updated_at = ?7 WHERE id = ?8",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pw_referral_get_service_id (referral));
  bind_opt_id (stmt, 2, pw_referral_get_plan_item_id (referral));
  bind_opt_id (stmt, 3, pw_referral_get_consent_id (referral));
  bind_opt_text (stmt, 4, pw_referral_get_no_consent_reason (referral));
  bind_opt_text (stmt, 5, pw_referral_get_date (referral));
  bind_opt_text (stmt, 6, pw_referral_get_outcome (referral));
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 8, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      referral_check_error (self, error);
      goto fail;
    }
  if (!audit (self, PW_RECORD_KIND_REFERRAL, id, survivor_id, PW_AUDIT_ACTION_UPDATE, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

gboolean
pw_store_set_referral_status (PwStore           *self,
                              gint64             referral_id,
                              PwReferralStatus   status,
                              const char        *outcome,
                              GError           **error)
{
  return pw_store_record_referral_status (self, referral_id, status, NULL, outcome, error);
}

gboolean
pw_store_record_referral_status (PwStore           *self,
                                 gint64             referral_id,
                                 PwReferralStatus   status,
                                 const char        *date,
                                 const char        *outcome,
                                 GError           **error)
{
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;
  gint64 survivor_id, service_id, consent_id;
  PwReferralStatus old_status;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!check_date (date, error) || !begin (self, error))
    return FALSE;
  if (!referral_lookup (self, referral_id, &survivor_id, &service_id, &consent_id, &reason,
                        &old_status, error))
    goto fail;
  /* Sending is the moment her consent must hold; later steps follow it. */
  if (old_status == PW_REFERRAL_STATUS_PROPOSED &&
      !check_referral_consent (self, survivor_id, service_id, consent_id, reason, status,
                               date, error))
    goto fail;
  stmt = prepare (self,
                  "UPDATE referral SET status = ?1, updated_at = ?2, "
                  "  outcome = coalesce (?4, outcome) WHERE id = ?3",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_enum (stmt, 1, PW_TYPE_REFERRAL_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 3, referral_id);
  bind_opt_text (stmt, 4, outcome);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      referral_check_error (self, error);
      goto fail;
    }
  if (!add_referral_history (self, referral_id, status, date, error) ||
      !audit (self, PW_RECORD_KIND_REFERRAL, referral_id, survivor_id,
              PW_AUDIT_ACTION_STATUS, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

GArray *
pw_store_list_referral_history (PwStore  *self,
                                gint64    referral_id,
                                GError  **error)
{
  g_autoptr(GArray) history = g_array_new (FALSE, TRUE, sizeof (PwReferralStatusDate));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT status, changed_on FROM referral_status WHERE referral_id = ? "
                  "ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwReferralStatusDate entry = { 0, };

      entry.status = column_enum (stmt, 0, PW_TYPE_REFERRAL_STATUS);
      g_strlcpy (entry.date, column_text (stmt, 1) ?: "", sizeof entry.date);
      g_array_append_val (history, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&history);
}

gint64
pw_store_find_covering_consent (PwStore     *self,
                                gint64       survivor_id,
                                gint64       service_id,
                                const char  *date,
                                GError     **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), 0);

  if (!check_date (date, error))
    return 0;
  day = (date != NULL && *date != '\0') ? g_strdup (date) : today ();
  stmt = prepare (self, COVERING_CONSENT_SQL "ORDER BY date DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  bind_text (stmt, 3, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sqlite_error (self->db, rc, error);
  return id;
}

GPtrArray *
pw_store_list_referrals (PwStore  *self,
                         gint64    survivor_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, service_id, plan_item_id, consent_id, "
                  "  no_consent_reason, date, status, outcome, created_at, updated_at "
                  "FROM referral WHERE survivor_id = ? ORDER BY date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwReferral *r = pw_referral_new ();

      pw_referral_set_id (r, sqlite3_column_int64 (stmt, 0));
      pw_referral_set_survivor_id (r, sqlite3_column_int64 (stmt, 1));
      pw_referral_set_service_id (r, sqlite3_column_int64 (stmt, 2));
      pw_referral_set_plan_item_id (r, sqlite3_column_int64 (stmt, 3));
      pw_referral_set_consent_id (r, sqlite3_column_int64 (stmt, 4));
      pw_referral_set_no_consent_reason (r, column_text (stmt, 5));
      pw_referral_set_date (r, column_text (stmt, 6));
      pw_referral_set_status (r, column_enum (stmt, 7, PW_TYPE_REFERRAL_STATUS));
      pw_referral_set_outcome (r, column_text (stmt, 8));
      pw_referral_set_created_at (r, sqlite3_column_int64 (stmt, 9));
      pw_referral_set_updated_at (r, sqlite3_column_int64 (stmt, 10));
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ------------------------------------------------------------------------ */
/* Assessments                                                              */

gint64
pw_store_add_assessment (PwStore       *self,
                         PwAssessment  *assessment,
                         GError       **error)
{
  const char * const *factors;
  GPtrArray *needs, *scores;
  PwAssessmentKind kind;
  sqlite3_stmt *stmt;
  gint64 id, survivor_id, now = g_get_real_time ();

  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), 0);

  kind = pw_assessment_get_kind (assessment);
  survivor_id = pw_assessment_get_survivor_id (assessment);
  factors = pw_assessment_get_risk_factors (assessment);
  needs = pw_assessment_get_needs (assessment);
  scores = pw_assessment_get_scores (assessment);

  for (guint i = 0; i < scores->len; i++)
    {
      PwCheckinScore *score = g_ptr_array_index (scores, i);

      if (score->her_score < 0 || score->her_score > 5 ||
          score->worker_score < 0 || score->worker_score > 5)
        {
          invalid (error, _("Check-in scores go from 1 to 5; nothing was saved."));
          return 0;
        }
    }
  if (!check_date (pw_assessment_get_date (assessment), error) ||
      !check_date (pw_assessment_get_next_review (assessment), error) ||
      !begin (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO assessment (survivor_id, kind, date, assessor, risk_level, "
                  "  review_trigger, next_review, notes, created_at, updated_at) "
                  "VALUES (?1, ?2, coalesce (?3, date ('now', 'localtime')), ?4, ?5, ?6, ?7, "
                  "  ?8, ?9, ?9)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  bind_enum (stmt, 2, PW_TYPE_ASSESSMENT_KIND, kind);
  bind_opt_text (stmt, 3, pw_assessment_get_date (assessment));
  bind_opt_text (stmt, 4, pw_assessment_get_assessor (assessment));
  if (kind == PW_ASSESSMENT_KIND_RISK &&
      pw_assessment_get_risk_level (assessment) != PW_RISK_LEVEL_NONE)
    bind_enum (stmt, 5, PW_TYPE_RISK_LEVEL, pw_assessment_get_risk_level (assessment));
  else
    sqlite3_bind_null (stmt, 5);
  bind_opt_text (stmt, 6, pw_assessment_get_review_trigger (assessment));
  bind_opt_text (stmt, 7, pw_assessment_get_next_review (assessment));
  bind_opt_text (stmt, 8, pw_assessment_get_notes (assessment));
  sqlite3_bind_int64 (stmt, 9, now);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; factors != NULL && factors[i] != NULL; i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO risk_factor (assessment_id, factor) "
                            "VALUES (?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, factors[i]);
      if (!step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < needs->len; i++)
    {
      PwNeedItem *need = g_ptr_array_index (needs, i);

      stmt = prepare (self, "INSERT INTO need_item (assessment_id, need, label, coverage, "
                            "  priority) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, need->need);
      bind_opt_text (stmt, 3, need->label);
      bind_enum (stmt, 4, PW_TYPE_NEED_COVERAGE, need->coverage);
      sqlite3_bind_int (stmt, 5, need->priority);
      if (!step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < scores->len; i++)
    {
      PwCheckinScore *score = g_ptr_array_index (scores, i);

      stmt = prepare (self, "INSERT INTO checkin_score (assessment_id, indicator_id, "
                            "  her_score, worker_score) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, score->indicator_id);
      if (score->her_score > 0)
        sqlite3_bind_int (stmt, 3, score->her_score);
      if (score->worker_score > 0)
        sqlite3_bind_int (stmt, 4, score->worker_score);
      if (!step_done (self, stmt, error))
        goto fail;
    }

  if (!audit (self, PW_RECORD_KIND_ASSESSMENT, id, survivor_id, PW_AUDIT_ACTION_CREATE, error) ||
      !commit (self, error))
    goto fail;

  pw_assessment_set_id (assessment, id);
  pw_assessment_set_created_at (assessment, now);
  pw_assessment_set_updated_at (assessment, now);
  return id;

fail:
  rollback (self);
  return 0;
}

static gboolean
load_assessment_children (PwStore       *self,
                          PwAssessment  *assessment,
                          GError       **error)
{
  g_autoptr(GStrvBuilder) factors = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  gint64 id = pw_assessment_get_id (assessment);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT factor FROM risk_factor WHERE assessment_id = ? "
                        "ORDER BY factor", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (factors, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);
  strv = g_strv_builder_end (factors);
  pw_assessment_set_risk_factors (assessment, (const char * const *) strv);

  stmt = prepare (self, "SELECT need, label, coverage, priority FROM need_item "
                        "WHERE assessment_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    pw_assessment_add_need (assessment,
                            pw_need_item_new (column_text (stmt, 0), column_text (stmt, 1),
                                              column_enum (stmt, 2, PW_TYPE_NEED_COVERAGE),
                                              sqlite3_column_int (stmt, 3)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);

  stmt = prepare (self, "SELECT indicator_id, her_score, worker_score FROM checkin_score "
                        "WHERE assessment_id = ? ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    pw_assessment_add_score (assessment,
                             pw_checkin_score_new (column_text (stmt, 0),
                                                   sqlite3_column_int (stmt, 1),
                                                   sqlite3_column_int (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);

  return TRUE;
}

GPtrArray *
pw_store_list_assessments (PwStore  *self,
                           gint64    survivor_id,
                           int       kind,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, survivor_id, kind, date, assessor, risk_level, review_trigger, "
                  "  next_review, notes, created_at, updated_at "
                  "FROM assessment WHERE survivor_id = ?1 AND (?2 IS NULL OR kind = ?2) "
                  "ORDER BY date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  if (kind >= 0)
    bind_enum (stmt, 2, PW_TYPE_ASSESSMENT_KIND, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwAssessment *a = pw_assessment_new ();

      pw_assessment_set_id (a, sqlite3_column_int64 (stmt, 0));
      pw_assessment_set_survivor_id (a, sqlite3_column_int64 (stmt, 1));
      pw_assessment_set_kind (a, column_enum (stmt, 2, PW_TYPE_ASSESSMENT_KIND));
      pw_assessment_set_date (a, column_text (stmt, 3));
      pw_assessment_set_assessor (a, column_text (stmt, 4));
      pw_assessment_set_risk_level (a, column_enum (stmt, 5, PW_TYPE_RISK_LEVEL));
      pw_assessment_set_review_trigger (a, column_text (stmt, 6));
      pw_assessment_set_next_review (a, column_text (stmt, 7));
      pw_assessment_set_notes (a, column_text (stmt, 8));
      pw_assessment_set_created_at (a, sqlite3_column_int64 (stmt, 9));
      pw_assessment_set_updated_at (a, sqlite3_column_int64 (stmt, 10));
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  /* Children after the parent statement is reset: statements are shared. */
  for (guint i = 0; i < list->len; i++)
    if (!load_assessment_children (self, g_ptr_array_index (list, i), error))
      return NULL;

  return g_steal_pointer (&list);
}

gboolean
pw_store_delete_record (PwStore       *self,
                        PwRecordKind   kind,
                        gint64         record_id,
                        GError       **error)
{
  g_autofree char *lookup_sql = NULL;
  g_autofree char *delete_sql = NULL;
  const char *table;
  sqlite3_stmt *stmt = NULL;
  gint64 survivor_id = 0;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (kind == PW_RECORD_KIND_SURVIVOR)
    return pw_store_delete_survivor (self, record_id, error);
  g_return_val_if_fail (kind != PW_RECORD_KIND_TEMPLATE, FALSE);
  if (kind == PW_RECORD_KIND_PLAN_ITEM)
    return pw_store_delete_plan_item (self, record_id, error);

  /* The kinds' stored names are their table names. */
  table = pw_enum_to_nick (PW_TYPE_RECORD_KIND, kind);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  lookup_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                kind == PW_RECORD_KIND_SERVICE ? "0" : "survivor_id", table);
  rc = sqlite3_prepare_v2 (self->db, lookup_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        survivor_id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      no_record (error);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self->db, rc, error);
      goto fail;
    }

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = %" G_GINT64_FORMAT, table, record_id);
  rc = sqlite3_exec (self->db, delete_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                             _("This record is still used by another one (a referral or a "
                               "consent) and was not deleted."));
      else
        set_sqlite_error (self->db, rc, error);
      goto fail;
    }
  if (!audit (self, kind, record_id, survivor_id, PW_AUDIT_ACTION_DELETE, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Imported templates                                                       */

gboolean
pw_store_save_template (PwStore     *self,
                        const char  *template_id,
                        int          version,
                        GBytes      *json,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  gint64 id = 0;
  gsize len;
  gconstpointer data;
  PwAuditAction action = PW_AUDIT_ACTION_UPDATE;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (template_id != NULL && *template_id != '\0', FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  data = g_bytes_get_data (json, &len);
  /* No UPSERT on SQLite 3.15: update, else insert. */
  stmt = prepare (self,
                  "UPDATE template SET version = ?2, content = ?3, updated_at = ?4 "
                  "WHERE template_id = ?1",
                  error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, template_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_blob (stmt, 3, len > 0 ? data : "", len, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!step_done (self, stmt, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      action = PW_AUDIT_ACTION_CREATE;
      stmt = prepare (self,
                      "INSERT INTO template (template_id, version, content, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?4)",
                      error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, template_id);
      sqlite3_bind_int (stmt, 2, version);
      sqlite3_bind_blob (stmt, 3, len > 0 ? data : "", len, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!step_done (self, stmt, error))
        goto fail;
      id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      stmt = prepare (self, "SELECT id FROM template WHERE template_id = ?", error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, template_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (!audit (self, PW_RECORD_KIND_TEMPLATE, id, 0, action, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

GPtrArray *
pw_store_list_templates (PwStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT content FROM template ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, g_bytes_new (sqlite3_column_blob (stmt, 0),
                                        sqlite3_column_bytes (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
pw_store_delete_template (PwStore     *self,
                          const char  *template_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "SELECT id FROM template WHERE template_id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, template_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      no_record (error);
      goto fail;
    }
  stmt = prepare (self, "DELETE FROM template WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error) ||
      !audit (self, PW_RECORD_KIND_TEMPLATE, id, 0, PW_AUDIT_ACTION_DELETE, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

GStrv
pw_store_list_used_step_ids (PwStore     *self,
                             const char  *template_id,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  stmt = prepare (self,
                  "SELECT DISTINCT p.step_id FROM plan_item p "
                  "JOIN survivor s ON s.id = p.survivor_id "
                  "WHERE s.template_id = ? AND p.step_id IS NOT NULL ORDER BY 1",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, template_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ */
/* In memory, and import                                                    */

PwStore *
pw_store_open_in_memory (GError **error)
{
  guint8 *key;
  PwStore *store;

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("The encryption library could not start. Pathway cannot "
                             "open the vault on this system."));
      return NULL;
    }

  /* SQLCipher wants a key even for memory; a random one is never known. */
  key = sodium_malloc (PW_STORE_KEY_SIZE);
  if (key == NULL)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_FAILED,
                           _("There is not enough protected memory to open the vault. "
                             "Close other programs and try again."));
      return NULL;
    }
  randombytes_buf (key, PW_STORE_KEY_SIZE);
  store = pw_store_open (":memory:", key, PW_STORE_OPEN_CREATE, error);
  sodium_free (key);
  return store;
}

gboolean
pw_store_import (PwStore            *self,
                 PwStoreImportFunc   func,
                 gpointer            user_data,
                 GError            **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->importing, FALSE);

  if (!begin (self, error))
    return FALSE;

  self->importing = TRUE;
  if (!func (self, user_data, error))
    {
      self->importing = FALSE;
      rollback (self);
      return FALSE;
    }
  self->importing = FALSE;

  return commit (self, error);
}

/* 0 (unknown) becomes now: a record always has its timestamps. */
static gint64
time_or_now (gint64 t)
{
  return t > 0 ? t : g_get_real_time ();
}

static gint64
import_step (PwStore        *self,
             sqlite3_stmt   *stmt,
             PwRecordKind    kind,
             gint64          survivor_id,
             GError        **error)
{
  gint64 id;

  if (!step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  if (kind == PW_RECORD_KIND_SURVIVOR)
    survivor_id = id;
  if (!audit (self, kind, id, survivor_id, PW_AUDIT_ACTION_CREATE, error))
    return 0;
  return id;
}

static gint64
import_survivor (PwStore     *self,
                 PwSurvivor  *survivor,
                 GError     **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 id, created = time_or_now (pw_survivor_get_created_at (survivor));
  int rc;

  if ((code = validate_survivor (survivor, error)) == NULL)
    return 0;
  stmt = prepare (self,
                  "INSERT INTO survivor (case_code, alias, birth_year, country, languages, "
                  "  preferred_language, template_id, key_worker, intake_date, status, "
                  "  close_reason, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                  error);
  if (stmt == NULL)
    return 0;
  bind_survivor (stmt, survivor, code);
  sqlite3_bind_int64 (stmt, 12, created);
  sqlite3_bind_int64 (stmt, 13, MAX (created, pw_survivor_get_updated_at (survivor)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      survivor_write_error (self, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!fts_sync (self, id, error) ||
      !audit (self, PW_RECORD_KIND_SURVIVOR, id, id, PW_AUDIT_ACTION_CREATE, error))
    return 0;
  return id;
}

static gint64
import_stage_state (PwStore       *self,
                    PwStageState  *state,
                    GError       **error)
{
  const char *stage_id = pw_stage_state_get_stage_id (state);
  const char *since = pw_stage_state_get_since (state);
  sqlite3_stmt *stmt;

  if (stage_id == NULL || *stage_id == '\0' || since == NULL || *since == '\0')
    {
      invalid (error, _("A stage change has no stage or no date; nothing was saved."));
      return 0;
    }
  if (!check_date (since, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO stage_state (survivor_id, stage_id, status, since, created_at) "
                  "VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_stage_state_get_survivor_id (state));
  bind_text (stmt, 2, stage_id);
  bind_enum (stmt, 3, PW_TYPE_STAGE_STATUS, pw_stage_state_get_status (state));
  bind_text (stmt, 4, since);
  sqlite3_bind_int64 (stmt, 5, time_or_now (pw_stage_state_get_created_at (state)));
  return import_step (self, stmt, PW_RECORD_KIND_STAGE_STATE,
                      pw_stage_state_get_survivor_id (state), error);
}

static gint64
import_plan_item (PwStore     *self,
                  PwPlanItem  *item,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id, survivor_id = pw_plan_item_get_survivor_id (item);
  gint64 created = time_or_now (pw_plan_item_get_created_at (item));

  if (!validate_plan_item (item, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO plan_item (step_id, stage_id, domain, title, her_words, "
                  "  responsible, due_date, status, achieved_date, notes, survivor_id, priority, "
                  "  created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                  error);
  if (stmt == NULL)
    return 0;
  bind_plan_item (stmt, item);
  sqlite3_bind_int64 (stmt, 11, survivor_id);
  sqlite3_bind_int (stmt, 12, MAX (pw_plan_item_get_priority (item), 0));
  sqlite3_bind_int64 (stmt, 13, created);
  sqlite3_bind_int64 (stmt, 14, MAX (created, pw_plan_item_get_updated_at (item)));
  if ((id = import_step (self, stmt, PW_RECORD_KIND_PLAN_ITEM, survivor_id, error)) == 0 ||
      !fts_sync (self, survivor_id, error))
    return 0;
  return id;
}

/* History rows belong to their plan item: no audit row of their own. */
static gint64
import_status_change (PwStore         *self,
                      PwStatusChange  *change,
                      GError         **error)
{
  const char *day = pw_status_change_get_changed_on (change);
  sqlite3_stmt *stmt;

  if (day == NULL || *day == '\0')
    {
      invalid (error, _("A status change has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (day, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO plan_item_status (plan_item_id, status, changed_on, created_at) "
                  "VALUES (?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_status_change_get_plan_item_id (change));
  bind_enum (stmt, 2, PW_TYPE_PLAN_ITEM_STATUS, pw_status_change_get_status (change));
  bind_text (stmt, 3, day);
  sqlite3_bind_int64 (stmt, 4, time_or_now (pw_status_change_get_created_at (change)));
  if (!step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
import_service (PwStore    *self,
                PwService  *service,
                GError    **error)
{
  g_autofree char *languages = strv_to_column (pw_service_get_languages (service));
  gint64 created = time_or_now (pw_service_get_created_at (service));
  sqlite3_stmt *stmt;

  if (!validate_service (service, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO service (name, kind, contact, languages, notes, created_at, "
                  "  updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, pw_service_get_name (service));
  bind_opt_text (stmt, 2, pw_service_get_kind (service));
  bind_opt_text (stmt, 3, pw_service_get_contact (service));
  bind_text (stmt, 4, languages);
  bind_opt_text (stmt, 5, pw_service_get_notes (service));
  sqlite3_bind_int64 (stmt, 6, created);
  sqlite3_bind_int64 (stmt, 7, MAX (created, pw_service_get_updated_at (service)));
  return import_step (self, stmt, PW_RECORD_KIND_SERVICE, 0, error);
}

static gint64
import_consent (PwStore    *self,
                PwConsent  *consent,
                GError    **error)
{
  gint64 created = time_or_now (pw_consent_get_created_at (consent));
  const char *date = pw_consent_get_date (consent);
  sqlite3_stmt *stmt;

  if (pw_consent_get_scope (consent) == PW_CONSENT_SCOPE_DATA_SHARING &&
      pw_consent_get_service_id (consent) <= 0)
    {
      invalid (error, _("Consent to share data must name the service it is shared with; "
                        "nothing was saved."));
      return 0;
    }
  if (date == NULL || *date == '\0')
    {
      invalid (error, _("A consent has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (date, error) || !check_date (pw_consent_get_expires (consent), error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO consent (survivor_id, scope, service_id, form, status, date, "
                  "  expires, notes, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_consent_get_survivor_id (consent));
  bind_enum (stmt, 2, PW_TYPE_CONSENT_SCOPE, pw_consent_get_scope (consent));
  bind_opt_id (stmt, 3, pw_consent_get_service_id (consent));
  bind_enum (stmt, 4, PW_TYPE_CONSENT_FORM, pw_consent_get_form (consent));
  bind_enum (stmt, 5, PW_TYPE_CONSENT_STATUS, pw_consent_get_status (consent));
  bind_text (stmt, 6, date);
  bind_opt_text (stmt, 7, pw_consent_get_expires (consent));
  bind_opt_text (stmt, 8, pw_consent_get_notes (consent));
  sqlite3_bind_int64 (stmt, 9, created);
  sqlite3_bind_int64 (stmt, 10, MAX (created, pw_consent_get_updated_at (consent)));
  return import_step (self, stmt, PW_RECORD_KIND_CONSENT,
                      pw_consent_get_survivor_id (consent), error);
}

/* The consent rule is not checked again: her file kept it where it was
 * written, and a consent valid then may have expired since. */
static gint64
import_referral (PwStore     *self,
                 PwReferral  *referral,
                 GError     **error)
{
  gint64 created = time_or_now (pw_referral_get_created_at (referral));
  const char *date = pw_referral_get_date (referral);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (date == NULL || *date == '\0')
    {
      invalid (error, _("A referral has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (date, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO referral (survivor_id, service_id, plan_item_id, consent_id, "
                  "  no_consent_reason, date, status, outcome, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_referral_get_survivor_id (referral));
  sqlite3_bind_int64 (stmt, 2, pw_referral_get_service_id (referral));
  bind_opt_id (stmt, 3, pw_referral_get_plan_item_id (referral));
  bind_opt_id (stmt, 4, pw_referral_get_consent_id (referral));
  bind_opt_text (stmt, 5, pw_referral_get_no_consent_reason (referral));
  bind_text (stmt, 6, date);
  bind_enum (stmt, 7, PW_TYPE_REFERRAL_STATUS, pw_referral_get_status (referral));
  bind_opt_text (stmt, 8, pw_referral_get_outcome (referral));
  sqlite3_bind_int64 (stmt, 9, created);
  sqlite3_bind_int64 (stmt, 10, MAX (created, pw_referral_get_updated_at (referral)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      referral_check_error (self, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!audit (self, PW_RECORD_KIND_REFERRAL, id, pw_referral_get_survivor_id (referral),
              PW_AUDIT_ACTION_CREATE, error))
    return 0;
  return id;
}

static gint64
import_note (PwStore  *self,
             PwNote   *note,
             GError  **error)
{
  gint64 created = time_or_now (pw_note_get_created_at (note));
  const char *date = pw_note_get_date (note);
  sqlite3_stmt *stmt;

  if (date == NULL || *date == '\0')
    {
      invalid (error, _("A note has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (date, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO note (survivor_id, date, body, restricted, author, "
                  "  created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_note_get_survivor_id (note));
  bind_text (stmt, 2, date);
  bind_text (stmt, 3, pw_note_get_body (note));
  sqlite3_bind_int (stmt, 4, pw_note_get_restricted (note) ? 1 : 0);
  bind_opt_text (stmt, 5, pw_note_get_author (note));
  sqlite3_bind_int64 (stmt, 6, created);
  sqlite3_bind_int64 (stmt, 7, MAX (created, pw_note_get_updated_at (note)));
  return import_step (self, stmt, PW_RECORD_KIND_NOTE, pw_note_get_survivor_id (note), error);
}

static gint64
import_milestone (PwStore      *self,
                  PwMilestone  *milestone,
                  GError      **error)
{
  const char *date = pw_milestone_get_date (milestone);
  sqlite3_stmt *stmt;

  if (date == NULL || *date == '\0')
    {
      invalid (error, _("A milestone has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (date, error))
    return 0;
  stmt = prepare (self,
                  "INSERT INTO milestone (survivor_id, date, title, stage_id, domain, "
                  "  plan_item_id, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_milestone_get_survivor_id (milestone));
  bind_text (stmt, 2, date);
  bind_text (stmt, 3, pw_milestone_get_title (milestone));
  bind_opt_text (stmt, 4, pw_milestone_get_stage_id (milestone));
  bind_opt_text (stmt, 5, pw_milestone_get_domain (milestone));
  bind_opt_id (stmt, 6, pw_milestone_get_plan_item_id (milestone));
  sqlite3_bind_int64 (stmt, 7, time_or_now (pw_milestone_get_created_at (milestone)));
  return import_step (self, stmt, PW_RECORD_KIND_MILESTONE,
                      pw_milestone_get_survivor_id (milestone), error);
}

static gint64
import_assessment (PwStore       *self,
                   PwAssessment  *assessment,
                   GError       **error)
{
  const char * const *factors = pw_assessment_get_risk_factors (assessment);
  GPtrArray *needs = pw_assessment_get_needs (assessment);
  GPtrArray *scores = pw_assessment_get_scores (assessment);
  PwAssessmentKind kind = pw_assessment_get_kind (assessment);
  gint64 created = time_or_now (pw_assessment_get_created_at (assessment));
  const char *date = pw_assessment_get_date (assessment);
  sqlite3_stmt *stmt;
  gint64 id;

  for (guint i = 0; i < scores->len; i++)
    {
      PwCheckinScore *score = g_ptr_array_index (scores, i);

      if (score->her_score < 0 || score->her_score > 5 ||
          score->worker_score < 0 || score->worker_score > 5)
        {
          invalid (error, _("Check-in scores go from 1 to 5; nothing was saved."));
          return 0;
        }
    }
  if (date == NULL || *date == '\0')
    {
      invalid (error, _("An assessment has no date; nothing was saved."));
      return 0;
    }
  if (!check_date (date, error) ||
      !check_date (pw_assessment_get_next_review (assessment), error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO assessment (survivor_id, kind, date, assessor, risk_level, "
                  "  review_trigger, next_review, notes, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, pw_assessment_get_survivor_id (assessment));
  bind_enum (stmt, 2, PW_TYPE_ASSESSMENT_KIND, kind);
  bind_text (stmt, 3, date);
  bind_opt_text (stmt, 4, pw_assessment_get_assessor (assessment));
  if (kind == PW_ASSESSMENT_KIND_RISK &&
      pw_assessment_get_risk_level (assessment) != PW_RISK_LEVEL_NONE)
    bind_enum (stmt, 5, PW_TYPE_RISK_LEVEL, pw_assessment_get_risk_level (assessment));
  else
    sqlite3_bind_null (stmt, 5);
  bind_opt_text (stmt, 6, pw_assessment_get_review_trigger (assessment));
  bind_opt_text (stmt, 7, pw_assessment_get_next_review (assessment));
  bind_opt_text (stmt, 8, pw_assessment_get_notes (assessment));
  sqlite3_bind_int64 (stmt, 9, created);
  sqlite3_bind_int64 (stmt, 10, MAX (created, pw_assessment_get_updated_at (assessment)));
  if (!step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; factors != NULL && factors[i] != NULL; i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO risk_factor (assessment_id, factor) "
                            "VALUES (?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, factors[i]);
      if (!step_done (self, stmt, error))
        return 0;
    }
  for (guint i = 0; i < needs->len; i++)
    {
      PwNeedItem *need = g_ptr_array_index (needs, i);

      stmt = prepare (self, "INSERT INTO need_item (assessment_id, need, label, coverage, "
                            "  priority) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, need->need);
      bind_opt_text (stmt, 3, need->label);
      bind_enum (stmt, 4, PW_TYPE_NEED_COVERAGE, need->coverage);
      sqlite3_bind_int (stmt, 5, need->priority);
      if (!step_done (self, stmt, error))
        return 0;
    }
  for (guint i = 0; i < scores->len; i++)
    {
      PwCheckinScore *score = g_ptr_array_index (scores, i);

      stmt = prepare (self, "INSERT INTO checkin_score (assessment_id, indicator_id, "
                            "  her_score, worker_score) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, score->indicator_id);
      if (score->her_score > 0)
        sqlite3_bind_int (stmt, 3, score->her_score);
      if (score->worker_score > 0)
        sqlite3_bind_int (stmt, 4, score->worker_score);
      if (!step_done (self, stmt, error))
        return 0;
    }

  if (!audit (self, PW_RECORD_KIND_ASSESSMENT, id, pw_assessment_get_survivor_id (assessment),
              PW_AUDIT_ACTION_CREATE, error))
    return 0;
  return id;
}

static gboolean
check_importing (PwStore  *self,
                 GError  **error)
{
  if (!check_open (self, error))
    return FALSE;
  g_return_val_if_fail (self->importing, FALSE);
  return TRUE;
}

gint64
pw_store_import_record (PwStore   *self,
                        gpointer   record,
                        GError   **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_OBJECT (record), 0);

  if (!check_importing (self, error))
    return 0;

  if (PW_IS_SURVIVOR (record))
    return import_survivor (self, record, error);
  if (PW_IS_STAGE_STATE (record))
    return import_stage_state (self, record, error);
  if (PW_IS_PLAN_ITEM (record))
    return import_plan_item (self, record, error);
  if (PW_IS_STATUS_CHANGE (record))
    return import_status_change (self, record, error);
  if (PW_IS_SERVICE (record))
    return import_service (self, record, error);
  if (PW_IS_CONSENT (record))
    return import_consent (self, record, error);
  if (PW_IS_REFERRAL (record))
    return import_referral (self, record, error);
  if (PW_IS_NOTE (record))
    return import_note (self, record, error);
  if (PW_IS_MILESTONE (record))
    return import_milestone (self, record, error);
  if (PW_IS_ASSESSMENT (record))
    return import_assessment (self, record, error);

  g_return_val_if_reached (0);
}

gboolean
pw_store_import_referral_status (PwStore           *self,
                                 gint64             referral_id,
                                 PwReferralStatus   status,
                                 const char        *date,
                                 GError           **error)
{
  g_return_val_if_fail (PW_IS_STORE (self), FALSE);

  if (!check_importing (self, error))
    return FALSE;
  if (date == NULL || *date == '\0')
    return invalid (error, _("A status change has no date; nothing was saved."));
  if (!check_date (date, error))
    return FALSE;
  return add_referral_history (self, referral_id, status, date, error);
}

static const char *life_change_column (PwLifeChange change);

gboolean
pw_store_import_life_change (PwStore       *self,
                             gint64         survivor_id,
                             PwLifeChange   change,
                             const char    *date,
                             GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (life_change_column (change) != NULL, FALSE);

  if (!check_importing (self, error) || !check_date (date, error))
    return FALSE;

  /* The column name comes from our own table, never from the caller. */
  sql = g_strdup_printf ("UPDATE survivor SET %s = ? WHERE id = ?", life_change_column (change));
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_opt_text (stmt, 1, date);
      sqlite3_bind_int64 (stmt, 2, survivor_id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, rc, error);
  if (sqlite3_changes (self->db) == 0)
    return no_record (error);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Backups                                                                  */

static gboolean
fsync_path (const char *path,
            gboolean    directory)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  close (fd);
  return rc == 0;
}

gboolean
pw_store_backup (PwStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  tmp_path = g_strconcat (dest_path, ".part", NULL);
  g_unlink (tmp_path);

  /* Same key and settings on both sides: SQLCipher copies the encrypted
   * pages' content through the codec only between matching keys. */
  dest = open_keyed (tmp_path, self->key, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dest == NULL)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dest, sqlite3_extended_errcode (dest), error);
      goto fail;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (dest, rc, error);
      goto fail;
    }
  /* The copied header says WAL: opened later, even only to check it, the
   * backup would grow -wal and -shm files beside it that no rotation
   * removes. A backup is a single file. */
  if (!exec_sql (dest, "PRAGMA journal_mode = DELETE", error))
    goto fail;
  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      set_io_error (error);
      goto fail;
    }

  if (!fsync_path (tmp_path, FALSE) || g_rename (tmp_path, dest_path) != 0)
    {
      set_io_error (error);
      goto fail;
    }
  dir = g_path_get_dirname (dest_path);
  fsync_path (dir, TRUE);

  /* A backup that does not open is no backup. */
  dest = open_keyed (dest_path, self->key, SQLITE_OPEN_READONLY, error);
  if (dest == NULL)
    return FALSE;
  sqlite3_close (dest);
  return TRUE;

fail:
  if (dest != NULL)
    sqlite3_close (dest);
  g_unlink (tmp_path);
  return FALSE;
}

char *
pw_store_backup_name (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (timestamp / G_USEC_PER_SEC);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "vault-%Y%m%d-%H%M%S.db");
}

gint64
pw_store_backup_time (const char *name)
{
  g_autoptr(GDateTime) dt = NULL;
  unsigned y, mo, d, h, mi, s;
  char tail;

  g_return_val_if_fail (name != NULL, 0);

  if (strlen (name) != strlen ("vault-YYYYMMDD-HHMMSS.db") ||
      !g_str_has_prefix (name, "vault-") || !g_str_has_suffix (name, ".db") ||
      sscanf (name, "vault-%4u%2u%2u-%2u%2u%2u.d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 7)
    return 0;
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static int
month_index (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (timestamp / G_USEC_PER_SEC);

  if (dt == NULL)
    return G_MININT;
  return g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const gint64 *ts = user_data;
  gint64 ta = ts[*(const guint *) a], tb = ts[*(const guint *) b];

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

GArray *
pw_store_backups_to_delete (const gint64 *timestamps,
                            guint         n_timestamps,
                            gint64        now)
{
  g_autofree guint *order = NULL;
  g_autofree gboolean *keep = NULL;
  GArray *doomed = g_array_new (FALSE, FALSE, sizeof (guint));
  int this_month = month_index (now);
  int last_kept_month = G_MAXINT;

  g_return_val_if_fail (timestamps != NULL || n_timestamps == 0, doomed);

  order = g_new (guint, n_timestamps);
  keep = g_new0 (gboolean, n_timestamps);
  for (guint i = 0; i < n_timestamps; i++)
    order[i] = i;
  g_qsort_with_data (order, n_timestamps, sizeof (guint), compare_newest_first,
                     (gpointer) timestamps);

  for (guint rank = 0; rank < n_timestamps; rank++)
    {
      guint i = order[rank];
      int month = month_index (timestamps[i]);

      if (rank < 10)
        keep[i] = TRUE;
      /* Walking newest first, the first one seen in a month is its newest. */
      if (month != last_kept_month && month > this_month - 12 && month <= this_month)
        {
          keep[i] = TRUE;
          last_kept_month = month;
        }
    }

  for (guint i = 0; i < n_timestamps; i++)
    if (!keep[i])
      g_array_append_val (doomed, i);
  g_array_sort (doomed, compare_uint);
  return doomed;
}

void
pw_store_diff_ids (const gint64 *old_ids,
                   guint         n_old,
                   const gint64 *new_ids,
                   guint         n_new,
                   guint        *position,
                   guint        *removed,
                   guint        *added)
{
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old_ids[n_old - 1 - suffix] == new_ids[n_new - 1 - suffix])
    suffix++;

  *position = prefix;
  *removed = n_old - prefix - suffix;
  *added = n_new - prefix - suffix;
}

/* ------------------------------------------------------------------------ */
/* Safety: changes in her life, risk reviews due, consents expiring        */

static const char *
life_change_column (PwLifeChange change)
{
  switch (change)
    {
    case PW_LIFE_CHANGE_RESIDENCE:
      return "residence_changed_on";
    case PW_LIFE_CHANGE_WORK:
      return "work_changed_on";
    case PW_LIFE_CHANGE_AREA:
      return "area_changed_on";
    default:
      return NULL;
    }
}

gboolean
pw_store_record_life_change (PwStore       *self,
                             gint64         survivor_id,
                             PwLifeChange   change,
                             const char    *date,
                             GError       **error)
{
  static const char *sql[] = {
    "UPDATE survivor SET residence_changed_on = coalesce (?1, date ('now', 'localtime')), "
    "  updated_at = ?2 WHERE id = ?3",
    "UPDATE survivor SET work_changed_on = coalesce (?1, date ('now', 'localtime')), "
    "  updated_at = ?2 WHERE id = ?3",
    "UPDATE survivor SET area_changed_on = coalesce (?1, date ('now', 'localtime')), "
    "  updated_at = ?2 WHERE id = ?3",
  };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (self), FALSE);
  g_return_val_if_fail (life_change_column (change) != NULL, FALSE);

  if (!check_date (date, error) || !begin (self, error))
    return FALSE;
  stmt = prepare (self, sql[change], error);
  if (stmt == NULL)
    goto fail;
  bind_opt_text (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 3, survivor_id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      no_record (error);
      goto fail;
    }
  if (!audit (self, PW_RECORD_KIND_SURVIVOR, survivor_id, survivor_id,
              PW_AUDIT_ACTION_UPDATE, error))
    goto fail;
  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

char *
pw_store_get_life_change (PwStore       *self,
                          gint64         survivor_id,
                          PwLifeChange   change,
                          GError       **error)
{
  static const char *sql[] = {
    "SELECT residence_changed_on FROM survivor WHERE id = ?",
    "SELECT work_changed_on FROM survivor WHERE id = ?",
    "SELECT area_changed_on FROM survivor WHERE id = ?",
  };
  sqlite3_stmt *stmt;
  char *date = NULL;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);
  g_return_val_if_fail (life_change_column (change) != NULL, NULL);

  stmt = prepare (self, sql[change], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    date = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    no_record (error);
  else if (rc != SQLITE_ROW)
    set_sqlite_error (self->db, rc, error);
  return date;
}

void
pw_review_due_free (PwReviewDue *due)
{
  if (due == NULL)
    return;
  g_free (due->date);
  g_free (due);
}

/* Columns: id, intake date, the three change dates, then her latest risk
 * assessment's date and next review (NULL without one) and whether she has
 * one. */
#define REVIEW_COLUMNS \
  "SELECT s.id, s.intake_date, s.residence_changed_on, s.work_changed_on, s.area_changed_on, " \
  "  a.date, a.next_review, a.id IS NOT NULL " \
  "FROM survivor s LEFT JOIN assessment a ON a.id = " \
  "  (SELECT a2.id FROM assessment a2 WHERE a2.survivor_id = s.id AND a2.kind = 'risk' " \
  "   ORDER BY a2.date DESC, a2.id DESC LIMIT 1) "

static PwReviewDue *
review_due_from_row (sqlite3_stmt *stmt,
                     const char   *today)
{
  PwReviewDue *due = g_new0 (PwReviewDue, 1);
  const char *assessed = column_text (stmt, 5);
  const char *next_review = column_text (stmt, 6);
  const char *latest_change = NULL;

  due->survivor_id = sqlite3_column_int64 (stmt, 0);

  if (sqlite3_column_int (stmt, 7) == 0)
    {
      due->reason = PW_REVIEW_FIRST;
      due->date = g_strdup (column_text (stmt, 1));
      return due;
    }

  /* The latest change wins; on a tie, the first in PwLifeChange order. */
  for (PwLifeChange c = PW_LIFE_CHANGE_RESIDENCE; c <= PW_LIFE_CHANGE_AREA; c++)
    {
      const char *date = column_text (stmt, 2 + c);

      if (date != NULL && g_strcmp0 (date, assessed) > 0 &&
          (latest_change == NULL || strcmp (date, latest_change) > 0))
        {
          latest_change = date;
          due->change = c;
        }
    }
  if (latest_change != NULL)
    {
      due->reason = PW_REVIEW_AFTER_CHANGE;
      due->date = g_strdup (latest_change);
      return due;
    }

  due->reason = (next_review != NULL && strcmp (next_review, today) < 0) ? PW_REVIEW_OVERDUE
                                                                           : PW_REVIEW_NOT_DUE;
  due->date = g_strdup (next_review);
  return due;
}

PwReviewDue *
pw_store_get_review_due (PwStore     *self,
                         gint64       survivor_id,
                         const char  *today_text,
                         GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *week_end = NULL;
  PwReviewDue *due = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  if (!query_dates (today_text, &day, &week_end, &cutoff, error))
    return NULL;
  stmt = prepare (self, REVIEW_COLUMNS "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    due = review_due_from_row (stmt, day);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    no_record (error);
  else if (rc != SQLITE_ROW)
    set_sqlite_error (self->db, rc, error);
  return due;
}

static int
compare_reviews_due (gconstpointer a,
                     gconstpointer b)
{
  const PwReviewDue *x = *(PwReviewDue **) a;
  const PwReviewDue *y = *(PwReviewDue **) b;

  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? 1 : -1;
  if (x->date != NULL && strcmp (x->date, y->date) != 0)
    return strcmp (x->date, y->date);
  return x->survivor_id < y->survivor_id ? -1 : x->survivor_id > y->survivor_id;
}

GPtrArray *
pw_store_list_reviews_due (PwStore     *self,
                           const char  *today_text,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_review_due_free);
  g_autofree char *day = NULL;
  g_autofree char *week_end = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  if (!query_dates (today_text, &day, &week_end, &cutoff, error))
    return NULL;
  stmt = prepare (self, REVIEW_COLUMNS "WHERE s.status = 'active'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwReviewDue *due = review_due_from_row (stmt, day);

      if (due->reason == PW_REVIEW_NOT_DUE)
        pw_review_due_free (due);
      else
        g_ptr_array_add (list, due);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_reviews_due);
  return g_steal_pointer (&list);
}

GPtrArray *
pw_store_list_expiring_consents (PwStore     *self,
                                 const char  *today_text,
                                 guint        days,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = NULL;
  g_autofree char *week_end = NULL;
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (self), NULL);

  if (!query_dates (today_text, &day, &week_end, &cutoff, error))
    return NULL;
  last = days_after (day, days);

  stmt = prepare (self,
                  "SELECT c.id, c.survivor_id, c.scope, c.service_id, c.form, c.status, c.date, "
                  "  c.expires, c.notes, c.created_at, c.updated_at "
                  "FROM consent c JOIN survivor s ON s.id = c.survivor_id "
                  "WHERE s.status = 'active' AND c.status = 'given' "
                  "  AND c.expires BETWEEN ?1 AND ?2 "
                  "ORDER BY c.expires, c.id",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, day);
  bind_text (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PwConsent *c = pw_consent_new ();

      pw_consent_set_id (c, sqlite3_column_int64 (stmt, 0));
      pw_consent_set_survivor_id (c, sqlite3_column_int64 (stmt, 1));
      pw_consent_set_scope (c, column_enum (stmt, 2, PW_TYPE_CONSENT_SCOPE));
      pw_consent_set_service_id (c, sqlite3_column_int64 (stmt, 3));
      pw_consent_set_form (c, column_enum (stmt, 4, PW_TYPE_CONSENT_FORM));
      pw_consent_set_status (c, column_enum (stmt, 5, PW_TYPE_CONSENT_STATUS));
      pw_consent_set_date (c, column_text (stmt, 6));
      pw_consent_set_expires (c, column_text (stmt, 7));
      pw_consent_set_notes (c, column_text (stmt, 8));
      pw_consent_set_created_at (c, sqlite3_column_int64 (stmt, 9));
      pw_consent_set_updated_at (c, sqlite3_column_int64 (stmt, 10));
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
