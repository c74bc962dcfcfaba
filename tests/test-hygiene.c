/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-hygiene"
#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "pw-exchange-crypto.h"
#include "pw-exchange-file.h"
#include "pw-exchange.h"
#include "pw-session.h"
#include "pw-store-private.h"
#include "pw-vault.h"

/* Where survivor data and secrets must never end up: the log (every level,
 * debug included), temporary files, and any file Pathway writes in clear;
 * nor, once the vault is locked, the process's memory. The cases carry
 * distinctive fictional text and the test looks for it everywhere. */

#define MARKER "zebra-marker-7431"
#define CODE "ZMC-7431"
#define PASSPHRASE "zebra passphrase 7431 correct horse"
#define EXPORT_PASSPHRASE "zebra export 7431 battery staple"

/* ------------------------------------------------------------------------ */
/* The log                                                                  */

static GPtrArray *forbidden;   /* texts no log line may contain */
static GPtrArray *offenses;    /* "domain: which text", never the line itself */
static guint      n_logged;

static void
forbid (const char *text)
{
  g_ptr_array_add (forbidden, g_strdup (text));
}

static GLogWriterOutput
checking_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const char *domain = "";

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
      domain = fields[i].value;

  n_logged++;
  for (gsize i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (fields[i].length < 0)
        value = g_strdup (fields[i].value);
      else
        value = g_strndup (fields[i].value, fields[i].length);

      for (guint j = 0; j < forbidden->len; j++)
        if (strstr (value, forbidden->pdata[j]) != NULL)
          g_ptr_array_add (offenses, g_strdup_printf ("a %s message of %s holds forbidden text #%u",
                                                      (log_level & G_LOG_LEVEL_DEBUG) ? "debug" : "non-debug",
                                                      domain, j));
    }

  /* Debug lines are enabled for the check only: printed, they would
   * break the TAP output. Others go on when clean. */
  if (offenses->len > 0 || (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
assert_log_clean (void)
{
  for (guint i = 0; i < offenses->len; i++)
    g_test_message ("%s", (char *) offenses->pdata[i]);
  g_assert_cmpuint (offenses->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */

static gboolean
contents_contain (const char *contents,
                  gsize       len,
                  const char *needle)
{
  return memmem (contents, len, needle, strlen (needle)) != NULL;
}

/* Every regular file below @path that holds a forbidden text, as "path: #j". */
static void
find_forbidden_in_files (const char *path,
                         GPtrArray  *found,
                         guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          find_forbidden_in_files (child, found, n_files);
          continue;
        }
      if (!g_file_get_contents (child, &contents, &len, NULL))
        continue;
      (*n_files)++;
      for (guint j = 0; j < forbidden->len; j++)
        if (contents_contain (contents, len, forbidden->pdata[j]))
          g_ptr_array_add (found, g_strdup_printf ("%s: #%u", child, j));
    }
}

static char *
list_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_string_append_printf (out, "%s ", name);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *inner = list_tree (child);

          g_string_append_printf (out, "{ %s} ", inner);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */
/* The flow                                                                 */

typedef struct
{
  PwVault   *vault;
  GSettings *settings;
  PwSession *session;
  char      *recovery_key;   /* g_malloc, wiped before it is freed */
} Flow;

static void
wipe_string (char *text)
{
  if (text != NULL)
    {
      sodium_memzero (text, strlen (text));
      g_free (text);
    }
}

static gint64
add_case (PwStore *store,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(PwNote) note = pw_note_new ();
  g_autofree char *code = g_strdup_printf (CODE "-%u", n);
  g_autofree char *alias = g_strdup_printf ("Example Rosemary " MARKER " %u", n);
  gint64 id;

  pw_survivor_set_case_code (survivor, code);
  pw_survivor_set_alias (survivor, alias);
  pw_survivor_set_key_worker (survivor, "Worker " MARKER);
  pw_survivor_set_intake_date (survivor, "2024-01-15");
  id = pw_store_add_survivor (store, survivor, &error);
  g_assert_no_error (error);

  pw_plan_item_set_survivor_id (item, id);
  pw_plan_item_set_stage_id (item, "recovery");
  pw_plan_item_set_domain (item, "language");
  pw_plan_item_set_title (item, "Course " MARKER);
  pw_plan_item_set_her_words (item, "I want to speak with my neighbours, " MARKER);
  pw_plan_item_set_notes (item, "Notes " MARKER);
  pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);

  pw_note_set_survivor_id (note, id);
  pw_note_set_date (note, "2024-02-01");
  pw_note_set_body (note, "She said " MARKER);
  pw_store_add_note (store, note, &error);
  g_assert_no_error (error);

  return id;
}

/* Everything that handles her records, including the paths that fail. */
static void
run_flow (Flow *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) duplicate = pw_survivor_new ();
  g_autoptr(PwSurvivor) bad_date = pw_survivor_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) backups = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GBytes) hostile = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(PwExchangeFile) file = NULL;
  g_autoptr(PwExchangeFile) refused = NULL;
  g_autoptr(GHashTable) renames = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;
  GListModel *survivors;
  PwStore *store;
  guint n_imported = 0;

  f->vault = pw_vault_new (NULL);
  f->settings = g_settings_new (BASE_ID);
  f->session = pw_session_new (f->vault, f->settings);
  pw_session_set_kdf_cost (f->session, pw_kdf_cost_fast ());

  f->recovery_key = pw_vault_create (f->vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  forbid (f->recovery_key);
  store = pw_session_get_store (f->session);

  for (guint i = 0; i < 3; i++)
    add_case (store, i);

  /* Refusals log their SQLite reason at debug level: no values in it. */
  pw_survivor_set_case_code (duplicate, CODE "-0");
  pw_survivor_set_alias (duplicate, MARKER);
  g_assert_cmpint (pw_store_add_survivor (store, duplicate, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  pw_survivor_set_case_code (bad_date, CODE "-9");
  pw_survivor_set_intake_date (bad_date, "2024-02-30");
  g_assert_cmpint (pw_store_add_survivor (store, bad_date, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A plan item for nobody: refused by SQLite itself, which logs why. */
  {
    g_autoptr(PwPlanItem) orphan = pw_plan_item_new ();

    pw_plan_item_set_survivor_id (orphan, 999999);
    pw_plan_item_set_title (orphan, "Orphan " MARKER);
    pw_plan_item_set_her_words (orphan, MARKER);
    g_assert_cmpint (pw_store_add_plan_item (store, orphan, &error), <=, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Searching for her words. */
  found = pw_store_search_survivors (store, MARKER, &error);
  g_assert_no_error (error);
  survivors = pw_store_get_survivors (store);
  g_assert_cmpuint (g_list_model_get_n_items (survivors), ==, 3);

  /* Export, encrypted, to a file; import it back under new codes. */
  plain = pw_exchange_export (store, pw_session_get_templates (f->session), NULL, 0, NULL, &error);
  g_assert_no_error (error);
  sealed = pw_exchange_encrypt (plain, EXPORT_PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  export_path = g_build_filename (g_get_user_data_dir (), "cases.pathway", NULL);
  export_file = g_file_new_for_path (export_path);
  g_assert_true (pw_exchange_write_file (export_file, sealed, &error));
  g_assert_no_error (error);
  g_assert_null (pw_exchange_file_new (sealed, "not the export passphrase", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  opened = pw_exchange_decrypt (sealed, EXPORT_PASSPHRASE, &error);
  g_assert_no_error (error);
  file = pw_exchange_file_new (sealed, EXPORT_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  conflicts = pw_exchange_file_find_conflicts (file, store);
  renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; conflicts[i] != NULL; i++)
    g_hash_table_insert (renames, g_strdup (conflicts[i]),
                         pw_exchange_file_suggest_code (file, store, conflicts[i]));
  g_assert_true (pw_exchange_file_import (file, store, renames, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 3);

  /* A damaged file that carries her text where a date belongs. */
  text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  {
    g_auto(GStrv) parts = g_strsplit (text, "\"2024-01-15\"", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    broken = g_strjoinv ("\"" MARKER "\"", parts);
  }
  hostile = g_bytes_new (broken, strlen (broken));
  refused = pw_exchange_file_new (hostile, NULL, NULL, &error);
  if (refused != NULL)
    {
      g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_false (pw_exchange_file_import (refused, store, all, NULL, &error));
    }
  g_assert_nonnull (error);
  g_clear_error (&error);
  sodium_memzero (text, strlen (text));
  sodium_memzero (broken, strlen (broken));

  /* Lock (a backup), a wrong passphrase, the recovery key, a restore. */
  pw_session_lock (f->session);
  g_assert_false (pw_vault_unlock (f->vault, "wrong " MARKER, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (pw_vault_unlock_with_recovery_key (f->vault, f->recovery_key, &error));
  g_assert_no_error (error);
  pw_session_lock (f->session);
  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  store = pw_session_get_store (f->session);
  add_case (store, 10);
  g_assert_true (pw_vault_backup_now (f->vault, &error));
  g_assert_no_error (error);
  backups = pw_vault_list_backups (f->vault);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_true (pw_vault_restore_backup (f->vault, g_array_index (backups, gint64, backups->len - 1), &error));
  g_assert_no_error (error);
  pw_session_lock (f->session);
  g_assert_true (pw_vault_get_locked (f->vault));
}

static void
flow_clear (Flow *f)
{
  g_clear_object (&f->session);
  g_clear_object (&f->settings);
  g_clear_object (&f->vault);
  g_clear_pointer (&f->recovery_key, wipe_string);
}

static const char *tmp_dir;

static void
test_logs_files_tmp (void)
{
  Flow f = { 0 };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp_listing = NULL;
  const char *roots[] = { g_get_user_data_dir (), g_get_user_config_dir (),
                          g_get_user_cache_dir (), g_get_user_state_dir (),
                          g_get_user_runtime_dir (), tmp_dir };
  guint n_files = 0;

  n_logged = 0;
  run_flow (&f);
  flow_clear (&f);

  g_test_message ("%u log messages checked", n_logged);
  g_assert_cmpuint (n_logged, >, 0);
  assert_log_clean ();

  /* Nothing left behind in $TMPDIR. */
  tmp_listing = list_tree (tmp_dir);
  g_assert_cmpstr (tmp_listing, ==, "");

  /* No file Pathway wrote holds her words, the passphrases or the key. */
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    find_forbidden_in_files (roots[i], found, &n_files);
  g_test_message ("%u files searched", n_files);
  g_assert_cmpuint (n_files, >=, 4);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("in the clear: %s", (char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Memory                                                                   */

typedef struct
{
  const guint8 *bytes;
  gsize         len;
  const char   *what;
} Needle;

/* Where a copy of a secret could linger: the heap and anonymous writable
 * mappings (sodium_malloc's guarded pages are unmapped once freed). */
G_GNUC_UNUSED static guint
scan_memory (const Needle *needles,
             guint         n_needles,
             gsize        *scanned)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  guint hits = 0;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  *scanned = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned long start, end;
      char perms[5] = "";
      char path[512] = "";

      if (sscanf (lines[i], "%lx-%lx %4s %*s %*s %*s %511s", &start, &end, perms, path) < 3)
        continue;
      if (perms[0] != 'r' || perms[1] != 'w')
        continue;
      /* Named files are mapped libraries' data; [stack] holds this test's
       * own pointers to its constant strings, not copies. */
      if (path[0] != '\0' && !g_str_equal (path, "[heap]"))
        continue;
      if (end - start > ((gsize) 1 << 30))
        continue;

      *scanned += end - start;
      for (guint n = 0; n < n_needles; n++)
        {
          const guint8 *p = (const guint8 *) start;
          gsize left = end - start;
          const guint8 *hit;

          while ((hit = memmem (p, left, needles[n].bytes, needles[n].len)) != NULL)
            {
              gboolean is_needle = FALSE;

              for (guint m = 0; m < n_needles; m++)
                is_needle |= hit == needles[m].bytes;
              if (is_needle)
                {
                  left -= (hit + 1) - p;
                  p = hit + 1;
                  continue;
                }
              g_test_message ("a copy of %s is still in memory at %p (%s)",
                              needles[n].what, (void *) hit, path[0] ? path : "anonymous");
              hits++;
              left -= (hit + 1) - p;
              p = hit + 1;
            }
        }
    }
  return hits;
}

/* Built at run time from pieces, so that the test's own needle is the
 * only whole copy, and it is excluded by being wiped after the scan. */
G_GNUC_UNUSED static char *
assemble (const char *a,
          const char *b)
{
  return g_strconcat (a, b, NULL);
}

static void
test_memory_after_lock (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer's shadow memory and quarantine make a memory scan meaningless");
#else
  g_autoptr(GError) error = NULL;
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  char *passphrase = assemble ("zebra memory passphrase ", "5512 horse");
  char *recovery = NULL;
  char hex[PW_KEY_SLOT_MASTER_KEY_SIZE * 2 + 1];
  guint8 *master_key = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  guint8 key_copy[PW_KEY_SLOT_MASTER_KEY_SIZE];
  gsize scanned = 0;
  guint hits;

  if (g_getenv ("PATHWAY_UNDER_VALGRIND") != NULL)
    {
      g_test_skip ("valgrind reports every read of memory it has not seen written");
      sodium_free (master_key);
      wipe_string (passphrase);
      return;
    }

  vault = pw_vault_new (NULL);
  recovery = pw_vault_create (vault, "Front desk", passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_survivor_set_case_code (survivor, "ZMC-1");
  g_assert_cmpint (pw_store_add_survivor (pw_vault_get_store (vault), survivor, &error), >, 0);
  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock_with_recovery_key (vault, recovery, &error));
  g_assert_no_error (error);
  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock (vault, passphrase, &error));
  g_assert_no_error (error);

  /* The master key, as the test alone can learn it: from the slot. */
  {
    GListModel *slots = pw_vault_get_slots (vault);

    for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
      {
        g_autoptr(PwKeySlot) slot = g_list_model_get_item (slots, i);

        if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE)
          g_assert_true (pw_key_slot_unwrap (slot, passphrase, master_key, NULL));
      }
  }
  pw_vault_lock (vault);
  g_clear_object (&vault);

  /* The needles live in guarded memory too, outside what is scanned. */
  sodium_mprotect_readonly (master_key);
  memcpy (key_copy, master_key, sizeof key_copy);
  sodium_bin2hex (hex, sizeof hex, key_copy, sizeof key_copy);
  {
    g_autofree gunichar *wide = g_utf8_to_ucs4 (passphrase, -1, NULL, NULL, NULL);
    Needle needles[] = {
      { (const guint8 *) passphrase, strlen (passphrase), "the passphrase" },
      /* What Unicode normalisation works on. */
      { (const guint8 *) wide, strlen (passphrase) * sizeof (gunichar), "the passphrase in UCS-4" },
      { (const guint8 *) recovery, strlen (recovery), "the recovery key" },
      { key_copy, sizeof key_copy, "the master key" },
      { (const guint8 *) hex, strlen (hex), "the master key in hex" },
    };
    guint8 *saved[G_N_ELEMENTS (needles)];

    /* Move the needles out of the scanned memory for the scan. */
    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      {
        saved[i] = sodium_malloc (needles[i].len);
        memcpy (saved[i], needles[i].bytes, needles[i].len);
        needles[i].bytes = saved[i];
      }

    /* The scan can fail: the test's own copies on the heap are found. */
    hits = scan_memory (needles, G_N_ELEMENTS (needles), &scanned);
    g_assert_cmpuint (hits, >=, 3);

    sodium_memzero (wide, strlen (passphrase) * sizeof (gunichar));
    sodium_memzero (passphrase, strlen (passphrase));
    sodium_memzero (recovery, strlen (recovery));
    sodium_memzero (key_copy, sizeof key_copy);
    sodium_memzero (hex, sizeof hex);

    hits = scan_memory (needles, G_N_ELEMENTS (needles), &scanned);
    g_test_message ("%" G_GSIZE_FORMAT " KiB of heap and anonymous memory scanned", scanned >> 10);

    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      sodium_free (saved[i]);
  }
  sodium_free (master_key);
  g_free (passphrase);
  g_free (recovery);

  g_assert_cmpuint (scanned, >, 0);
  g_assert_cmpuint (hits, ==, 0);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  /* Before anything asks for it: GLib caches the temporary directory. */
  tmp = g_dir_make_tmp ("pw-hygiene-tmp-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  g_setenv ("TMPDIR", tmp, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  tmp_dir = tmp;

  forbidden = g_ptr_array_new_with_free_func (g_free);
  offenses = g_ptr_array_new_with_free_func (g_free);
  forbid (MARKER);
  forbid (CODE);
  forbid (PASSPHRASE);
  forbid (EXPORT_PASSPHRASE);
  g_log_set_writer_func (checking_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  g_test_add_func ("/hygiene/logs-files-tmpdir", test_logs_files_tmp);
  g_test_add_func ("/hygiene/memory-after-lock", test_memory_after_lock);

  status = g_test_run ();
  g_rmdir (tmp);
  g_ptr_array_unref (forbidden);
  g_ptr_array_unref (offenses);
  return status;
}
