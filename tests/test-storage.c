/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-storage"
#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pw-read-only-banner.h"
#include "pw-store-private.h"
#include "pw-vault.h"

/* The vault on a disk that fills up, and on a disk that turns read-only.
 * Each test mounts its own small tmpfs; that needs root in a private mount
 * namespace, which main() enters before any thread starts. Without it the
 * tests are skipped and say why. */

#define PASSPHRASE "correct horse battery staple"
#define OTHER_PASSPHRASE "another long test passphrase"

static char *mount_unavailable;

static void
enter_private_mount_namespace (void)
{
  if (geteuid () != 0)
    {
      mount_unavailable = g_strdup ("not running as root");
      return;
    }
  if (unshare (CLONE_NEWNS) != 0)
    {
      mount_unavailable = g_strdup_printf ("unshare(CLONE_NEWNS) failed: %s", g_strerror (errno));
      return;
    }
  /* Nothing mounted here may reach the rest of the system. */
  /* The kernel ignores source and type here; valgrind wants them readable. */
  if (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    mount_unavailable = g_strdup_printf ("making / private failed: %s", g_strerror (errno));
}

static gboolean
skip_without_mounts (void)
{
  if (mount_unavailable == NULL)
    return FALSE;

  {
    g_autofree char *message =
      g_strdup_printf ("Needs root and a private mount namespace to mount a small "
                       "filesystem (%s): run `build-aux/dev test` as root or in a "
                       "container with CAP_SYS_ADMIN", mount_unavailable);

    g_test_skip (message);
  }
  return TRUE;
}

typedef struct
{
  char    *mount_point;
  char    *dir;          /* the vault folder, on the small filesystem */
  PwVault *vault;
  GArray  *ids;          /* survivors whose save was acknowledged */
  GArray  *item_ids;     /* their plan items, likewise */
  char    *filler;       /* a file that takes the last free blocks */
} Fixture;

static void
mount_tmpfs (const char *where,
             guint64     bytes)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GUINT64_FORMAT ",mode=0700", bytes);

  if (mount ("tmpfs", where, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    g_error ("mount tmpfs on %s: %s", where, g_strerror (errno));
}

static void
remount (Fixture    *f,
         gulong      flags,
         guint64     bytes)
{
  g_autofree char *options = bytes > 0 ? g_strdup_printf ("size=%" G_GUINT64_FORMAT, bytes) : NULL;

  if (mount ("tmpfs", f->mount_point, "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV | flags, options) != 0)
    g_error ("remount %s: %s", f->mount_point, g_strerror (errno));
}

static guint64
used_bytes (Fixture *f)
{
  struct statvfs st;

  g_assert_cmpint (statvfs (f->mount_point, &st), ==, 0);
  return (guint64) (st.f_blocks - st.f_bfree) * st.f_frsize;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (mount_unavailable != NULL)
    return;

  f->mount_point = g_dir_make_tmp ("pw-storage-XXXXXX", &error);
  g_assert_no_error (error);
  mount_tmpfs (f->mount_point, 8 << 20);
  f->dir = g_build_filename (f->mount_point, "vault", NULL);
  f->vault = pw_vault_new (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->vault);
  if (f->mount_point != NULL)
    {
      if (umount2 (f->mount_point, MNT_DETACH) != 0)
        g_warning ("umount %s: %s", f->mount_point, g_strerror (errno));
      g_rmdir (f->mount_point);
    }
  g_clear_pointer (&f->mount_point, g_free);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->filler, g_free);
  g_clear_pointer (&f->ids, g_array_unref);
  g_clear_pointer (&f->item_ids, g_array_unref);
}

static char *
her_words (guint n)
{
  GString *text = g_string_new (NULL);

  /* About 1.5 KB: the disk fills after a few dozen plan items. */
  while (text->len < 1500)
    g_string_append_printf (text, "zebra-marker-%04u wants to finish the language course. ", n);
  return g_string_free (text, FALSE);
}

/* One survivor and one plan item, in two transactions. Returns FALSE,
 * with @error set, at the first refusal; what was acknowledged is noted. */
static gboolean
add_case (Fixture  *f,
          guint     n,
          GError  **error)
{
  PwStore *store = pw_vault_get_store (f->vault);
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autofree char *code = g_strdup_printf ("TEST-%04u", n);
  g_autofree char *alias = g_strdup_printf ("Example Rosemary zebra-marker-%04u", n);
  g_autofree char *words = her_words (n);
  gint64 id, item_id;

  pw_survivor_set_case_code (survivor, code);
  pw_survivor_set_alias (survivor, alias);
  id = pw_store_add_survivor (store, survivor, error);
  if (id <= 0)
    return FALSE;
  g_array_append_val (f->ids, id);

  pw_plan_item_set_survivor_id (item, id);
  pw_plan_item_set_stage_id (item, "recovery");
  pw_plan_item_set_domain (item, "language");
  pw_plan_item_set_title (item, "Language course");
  pw_plan_item_set_her_words (item, words);
  item_id = pw_store_add_plan_item (store, item, error);
  if (item_id <= 0)
    {
      /* Keep the arrays parallel: this survivor has no item. */
      gint64 none = 0;

      g_array_append_val (f->item_ids, none);
      return FALSE;
    }
  g_array_append_val (f->item_ids, item_id);
  return TRUE;
}

static char *
integrity (PwStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pw_store_get_handle (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* Every acknowledged record is there, word for word, and the file is sound. */
static void
assert_everything_saved_is_there (Fixture *f)
{
  PwStore *store = pw_vault_get_store (f->vault);
  g_autofree char *check = NULL;

  g_assert_nonnull (store);
  for (guint i = 0; i < f->ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwSurvivor) survivor = NULL;
      g_autofree char *alias = g_strdup_printf ("Example Rosemary zebra-marker-%04u", i);
      gint64 item_id = g_array_index (f->item_ids, gint64, i);

      survivor = pw_store_get_survivor (store, g_array_index (f->ids, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pw_survivor_get_alias (survivor), ==, alias);

      if (item_id > 0)
        {
          g_autoptr(PwPlanItem) item = pw_store_get_plan_item (store, item_id, &error);
          g_autofree char *words = her_words (i);

          g_assert_no_error (error);
          g_assert_cmpstr (pw_plan_item_get_her_words (item), ==, words);
        }
    }

  check = integrity (store);
  g_assert_cmpstr (check, ==, "ok");
}

/* Nothing a person reads names a record's content. */
static void
assert_clear_sentence (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("the user reads: “%s”", error->message);
  g_assert_cmpuint (strlen (error->message), >, 40);
  g_assert_null (strstr (error->message, "zebra-marker"));
  g_assert_null (strstr (error->message, "SQLITE"));
  g_assert_null (strstr (error->message, "sqlite"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
list_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
fill_disk (Fixture *f)
{
  g_autofree char *block = g_malloc0 (4096);
  int fd;

  f->filler = g_build_filename (f->mount_point, "filler", NULL);
  fd = g_open (f->filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) > 0)
    ;
  /* Less than a block may be left: fill that too. */
  while (write (fd, block, 1) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
create_vault (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  key = pw_vault_create (f->vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  g_autofree char *backups_path = NULL;
  g_autofree char *backups_before = NULL;
  g_autofree char *backups_after = NULL;
  g_autofree char *code = NULL;
  g_autoptr(PwKeySlot) slot = NULL;
  guint64 size;
  guint n = 0;
  gboolean unlocked;

  if (skip_without_mounts ())
    return;

  create_vault (f);
  /* A first backup, so that the folder exists and later ones rotate. */
  g_assert_true (pw_vault_backup_now (f->vault, &error));
  g_assert_no_error (error);
  backups_path = g_build_filename (f->dir, "backups", NULL);
  backups_before = list_directory (backups_path);

  /* Shrink the disk to what the vault uses plus a little. */
  size = used_bytes (f) + 256 * 1024;
  remount (f, 0, size);
  g_test_message ("vault on a %" G_GUINT64_FORMAT " KiB filesystem, %" G_GUINT64_FORMAT " KiB used",
                  size >> 10, used_bytes (f) >> 10);

  while (add_case (f, n, &error))
    {
      n++;
      g_assert_cmpuint (n, <, 2000);
    }
  g_test_message ("the disk was full after %u survivors and %u plan items",
                  f->ids->len, n);
  g_assert_cmpuint (n, >, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  assert_clear_sentence (error);
  g_clear_error (&error);

  /* The refused change left nothing half-written; what was saved reads back. */
  code = g_strdup_printf ("TEST-%04u", n + 1);
  g_assert_false (pw_store_case_code_exists (pw_vault_get_store (f->vault), code));
  assert_everything_saved_is_there (f);

  /* The key file and the backups refuse as cleanly. */
  json_path = g_build_filename (f->dir, "vault.json", NULL);
  json_before = read_file (json_path);
  slot = pw_vault_add_passphrase_slot (f->vault, "Evening shift", OTHER_PASSPHRASE,
                                       pw_kdf_cost_fast (), &error);
  if (slot == NULL)
    {
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
      assert_clear_sentence (error);
      g_clear_error (&error);
      json_after = read_file (json_path);
      g_assert_cmpstr (json_before, ==, json_after);
    }
  else
    {
      /* vault.json is small: a few hundred bytes may still have fitted. */
      g_test_message ("the new key slot still fitted on the disk");
    }
  g_assert_false (pw_vault_backup_now (f->vault, &error));
  assert_clear_sentence (error);
  g_clear_error (&error);
  backups_after = list_directory (backups_path);
  g_assert_cmpstr (backups_before, ==, backups_after);

  /* Locking on a full disk still locks. */
  pw_vault_lock (f->vault);
  g_assert_true (pw_vault_get_locked (f->vault));

  /* Whatever room the lock freed, take it: not one more block. */
  fill_disk (f);
  {
    g_autofree char *listing = list_directory (f->dir);

    g_test_message ("locked on the full disk, the vault folder holds: %s", listing);
  }

  /* Unlocking on the full disk: read-only, or a clear refusal. */
  unlocked = pw_vault_unlock (f->vault, PASSPHRASE, &error);
  if (unlocked)
    {
      g_test_message ("on the full disk the vault opened %s",
                      pw_vault_get_read_only (f->vault) ? "read-only" : "for writing");
      assert_everything_saved_is_there (f);
      pw_vault_lock (f->vault);
    }
  else
    {
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
      assert_clear_sentence (error);
      g_clear_error (&error);
    }

  /* Room again: everything acknowledged is there, and writing works. */
  g_assert_cmpint (g_unlink (f->filler), ==, 0);
  remount (f, 0, 8 << 20);
  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_vault_get_read_only (f->vault));
  assert_everything_saved_is_there (f);
  g_assert_true (add_case (f, n + 1000, &error));
  g_assert_no_error (error);
}

/* Locked cleanly, then something else fills the disk: SQLite has no room
 * for its shared-memory file, so the vault opens read-only. */
static void
test_full_disk_unlock (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) refused = pw_survivor_new ();
  g_autofree char *listing = NULL;

  if (skip_without_mounts ())
    return;

  create_vault (f);
  for (guint i = 0; i < 5; i++)
    g_assert_true (add_case (f, i, &error));
  pw_vault_lock (f->vault);
  listing = list_directory (f->dir);
  g_assert_cmpstr (listing, ==, "backups vault.db vault.json");
  fill_disk (f);

  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (pw_vault_get_read_only (f->vault));
  assert_everything_saved_is_there (f);
  pw_survivor_set_case_code (refused, "TEST-9999");
  g_assert_cmpint (pw_store_add_survivor (pw_vault_get_store (f->vault), refused, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  g_clear_error (&error);
  pw_vault_lock (f->vault);

  g_assert_cmpint (g_unlink (f->filler), ==, 0);
  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_vault_get_read_only (f->vault));
  g_assert_true (add_case (f, 5, &error));
  assert_everything_saved_is_there (f);
}

/* A disk too small for a new vault: an error, and nothing left behind. */
static void
test_full_disk_create (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *listing = NULL;

  if (skip_without_mounts ())
    return;

  remount (f, 0, 48 * 1024);
  key = pw_vault_create (f->vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_null (key);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  assert_clear_sentence (error);
  g_assert_false (pw_vault_exists (f->vault));
  g_assert_true (pw_vault_get_locked (f->vault));
  listing = list_directory (f->mount_point);
  g_assert_cmpstr (listing, ==, "");
}

static char *
snapshot_tree (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inner = snapshot_tree (child);

          g_string_append_printf (out, "%s/ {\n%s}\n", (char *) names->pdata[i], inner);
        }
      else
        {
          g_autofree char *contents = NULL;
          g_autofree char *sum = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (child, &contents, &len, NULL));
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
          g_string_append_printf (out, "%s %s\n", (char *) names->pdata[i], sum);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The disk turns read-only (a failing disk, a read-only copy): she can
 * still read every case; nothing is written, and every change says why. */
static void
test_read_only_disk (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(PwSurvivor) edited = NULL;
  g_autoptr(PwSurvivor) refused = pw_survivor_new ();
  g_autoptr(PwKeySlot) slot = NULL;
  g_autoptr(GArray) backups = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(GtkWidget) banner = NULL;
  PwStore *store;

  if (skip_without_mounts ())
    return;

  create_vault (f);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (add_case (f, i, &error));
      g_assert_no_error (error);
    }
  pw_vault_lock (f->vault);
  backups = pw_vault_list_backups (f->vault);
  g_assert_cmpuint (backups->len, ==, 1);

  remount (f, MS_RDONLY, 0);
  before = snapshot_tree (f->dir);

  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (pw_vault_get_read_only (f->vault));
  assert_everything_saved_is_there (f);
  store = pw_vault_get_store (f->vault);
  g_test_message ("the window can say: “%s”", pw_vault_read_only_sentence ());
  /* The window says it for as long as it lasts (without a display, or
   * under valgrind, which GTK's start-up would swamp, the rest still runs). */
  if (g_getenv ("PATHWAY_UNDER_VALGRIND") == NULL && gtk_init_check ())
    {
      banner = g_object_ref_sink (pw_read_only_banner_new ());
      pw_read_only_banner_set_vault (PW_READ_ONLY_BANNER (banner), f->vault);
      g_assert_true (pw_read_only_banner_get_shown (PW_READ_ONLY_BANNER (banner)));
    }

  /* Every kind of change is refused, with a sentence. */
  pw_survivor_set_case_code (refused, "TEST-9999");
  g_assert_cmpint (pw_store_add_survivor (store, refused, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  assert_clear_sentence (error);
  g_clear_error (&error);

  survivor = pw_store_get_survivor (store, g_array_index (f->ids, gint64, 0), &error);
  g_assert_no_error (error);
  edited = pw_survivor_copy (survivor);
  pw_survivor_set_alias (edited, "Renamed");
  g_assert_false (pw_store_update_survivor (store, edited, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpstr (pw_survivor_get_alias (survivor), ==, "Example Rosemary zebra-marker-0000");

  g_assert_false (pw_store_delete_survivor (store, g_array_index (f->ids, gint64, 1), &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  g_clear_error (&error);

  slot = pw_vault_add_passphrase_slot (f->vault, "Evening shift", OTHER_PASSPHRASE,
                                       pw_kdf_cost_fast (), &error);
  g_assert_null (slot);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  assert_clear_sentence (error);
  g_clear_error (&error);

  recovery = pw_vault_regenerate_recovery_key (f->vault, pw_kdf_cost_fast (), &error);
  g_assert_null (recovery);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);

  g_assert_false (pw_vault_backup_now (f->vault, &error));
  assert_clear_sentence (error);
  g_clear_error (&error);

  g_assert_false (pw_vault_restore_backup (f->vault, g_array_index (backups, gint64, 0), &error));
  assert_clear_sentence (error);
  g_clear_error (&error);
  /* Still open, still reading. */
  assert_everything_saved_is_there (f);

  pw_vault_lock (f->vault);
  g_assert_false (pw_vault_get_read_only (f->vault));
  if (banner != NULL)
    g_assert_false (pw_read_only_banner_get_shown (PW_READ_ONLY_BANNER (banner)));
  after = snapshot_tree (f->dir);
  g_assert_cmpstr (before, ==, after);

  /* Writable again: the vault opens for writing as before. */
  remount (f, 0, 0);
  g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_vault_get_read_only (f->vault));
  if (banner != NULL)
    g_assert_false (pw_read_only_banner_get_shown (PW_READ_ONLY_BANNER (banner)));
  assert_everything_saved_is_there (f);
  g_assert_true (add_case (f, 100, &error));
  g_assert_no_error (error);
}

/* The recovery key opens a read-only vault as well. */
static void
test_read_only_recovery (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (skip_without_mounts ())
    return;

  key = pw_vault_create (f->vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_true (add_case (f, 0, &error));
  pw_vault_lock (f->vault);
  remount (f, MS_RDONLY, 0);

  g_assert_false (pw_vault_unlock (f->vault, OTHER_PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (pw_vault_unlock_with_recovery_key (f->vault, key, &error));
  g_assert_no_error (error);
  g_assert_true (pw_vault_get_read_only (f->vault));
  assert_everything_saved_is_there (f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread exists: a namespace is per thread until then. */
  enter_private_mount_namespace ();
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/storage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("full-disk/writes", test_full_disk);
  ADD ("full-disk/unlock", test_full_disk_unlock);
  ADD ("full-disk/create", test_full_disk_create);
  ADD ("read-only/disk", test_read_only_disk);
  ADD ("read-only/recovery-key", test_read_only_recovery);

  status = g_test_run ();
  g_free (mount_unavailable);
  return status;
}
