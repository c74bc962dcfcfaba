/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "pw-store-private.h"

struct _PwStore
{
  GObject   parent_instance;

  sqlite3  *db;
  guint8   *key;          /* sodium_malloc, PW_STORE_KEY_SIZE bytes */
  char     *path;
  char     *actor;
};

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

static const PwStoreMigration default_migrations[] = {
  migrate_to_v1,
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
          g_warning ("Migration of the vault to version %u failed: %s", v + 1, local_error->message);
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
pw_store_finalize (GObject *object)
{
  PwStore *self = PW_STORE (object);

  pw_store_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (pw_store_parent_class)->finalize (object);
}

static void
pw_store_class_init (PwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_store_finalize;
}

static void
pw_store_init (PwStore *self)
{
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

  if (g_file_test (path, G_FILE_TEST_EXISTS))
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
                 "PRAGMA secure_delete = ON;",
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
