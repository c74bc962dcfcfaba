/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-vault"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pw-key-slot.h"
#include "pw-store-private.h"
#include "pw-survivor.h"
#include "pw-vault.h"

#define PASSPHRASE       "zebra-marker-7431 correct horse"
#define OTHER_PASSPHRASE "Example Rosemary 2 blue kettle"
#define WRONG_PASSPHRASE "zebra-marker-7431 correct hors"

/* The v1 fixture: master key 00 01 02 … 1f, wrapped by this passphrase. */
#define FIXTURE_PASSPHRASE "fixture passphrase TEST-001"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static void
remove_tree (const char *path)
{
  GDir *dir;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

typedef struct
{
  char    *dir;
  PwVault *vault;
  char    *recovery_key;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pw-vault-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = pw_vault_new (fixture->dir);
}

static void
fixture_set_up_created (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (fixture, data);
  fixture->recovery_key = pw_vault_create (fixture->vault, "Front desk", PASSPHRASE,
                                           pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->recovery_key);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->recovery_key, g_free);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

/* "sha256 size mtime" of a file, to prove that nothing touched it. */
static char *
fingerprint (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize len = 0;
  struct stat st;

  if (g_stat (path, &st) != 0)
    return g_strdup ("(absent)");
  if (S_ISDIR (st.st_mode))
    return g_strdup_printf ("(directory) %o", st.st_mode & 07777);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);

  return g_strdup_printf ("%s %" G_GSIZE_FORMAT " %ld.%09ld %o", sum, len,
                          (long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_mode & 07777);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every file of the vault directory, name by name. */
static char *
snapshot (const char *directory)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  GDir *dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_strdup ("(no directory)");

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, names->pdata[i], NULL);
      g_autofree char *print = fingerprint (path);

      g_string_append_printf (out, "%s: %s\n", (char *) names->pdata[i], print);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static PwKeySlot *
find_slot_of_kind (PwVault       *vault,
                   PwKeySlotKind  kind)
{
  GListModel *slots = pw_vault_get_slots (vault);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(PwKeySlot) slot = g_list_model_get_item (slots, i);

      if (pw_key_slot_get_kind (slot) == kind)
        return slot;
    }

  return NULL;
}

static guint
count_slots (PwVault *vault)
{
  return g_list_model_get_n_items (pw_vault_get_slots (vault));
}

static void
assert_unlocks_with (PwVault    *vault,
                     const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  pw_vault_lock (vault);
  g_assert_true (pw_vault_unlock (vault, passphrase, &error));
  g_assert_no_error (error);
  g_assert_false (pw_vault_get_locked (vault));
}

static void
assert_refuses (PwVault    *vault,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  pw_vault_lock (vault);
  g_assert_false (pw_vault_unlock (vault, passphrase, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_true (pw_vault_get_locked (vault));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static gboolean
is_recovery_key_shape (const char *key)
{
  return g_regex_match_simple ("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$", key, 0, 0);
}

/* ------------------------------------------------------------------------ */
/* Key slots on their own                                                   */

static void
test_recovery_key_format (void)
{
  g_autofree char *key = pw_key_slot_generate_recovery_key ();
  g_autofree char *stripped = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *spaced = NULL;
  char *canonical, *variant;
  const char *messy[3];

  g_assert_true (is_recovery_key_shape (key));

  canonical = pw_key_slot_normalize_recovery_key (key);
  g_assert_nonnull (canonical);
  g_assert_cmpuint (strlen (canonical), ==, PW_KEY_SLOT_RECOVERY_KEY_CHARS);
  g_assert_null (strchr (canonical, '-'));

  stripped = g_strdup (canonical);
  lower = g_ascii_strdown (key, -1);
  spaced = g_strdelimit (g_strdup (key), "-", ' ');
  messy[0] = stripped;
  messy[1] = lower;
  messy[2] = spaced;
  for (guint i = 0; i < G_N_ELEMENTS (messy); i++)
    {
      g_autofree char *padded = g_strdup_printf ("  %s \n", messy[i]);

      variant = pw_key_slot_normalize_recovery_key (padded);
      g_assert_cmpstr (variant, ==, canonical);
      sodium_free (variant);
    }

  sodium_free (canonical);

  /* Crockford's reading of look-alikes. */
  variant = pw_key_slot_normalize_recovery_key ("oIl0-0000-0000-0000-0000-0000-0000");
  g_assert_cmpstr (variant, ==, "0110000000000000000000000000");
  sodium_free (variant);

  g_assert_null (pw_key_slot_normalize_recovery_key (""));
  g_assert_null (pw_key_slot_normalize_recovery_key ("ABCD-EFGH"));
  g_assert_null (pw_key_slot_normalize_recovery_key ("UBCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"));
  g_assert_null (pw_key_slot_normalize_recovery_key ("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6"));
  g_assert_null (pw_key_slot_normalize_recovery_key ("ABCD_EFGH-JKMN-PQRS-TVWX-YZ01-2345"));
  g_assert_null (pw_key_slot_normalize_recovery_key ("ÀBCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"));
}

static void
test_recovery_key_randomness (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint seen[256] = { 0 };
  guint distinct_symbols = 0;

  for (guint i = 0; i < 200; i++)
    {
      char *key = pw_key_slot_generate_recovery_key ();

      for (const char *p = key; *p; p++)
        if (*p != '-')
          seen[(guchar) *p]++;
      g_assert_true (g_hash_table_add (keys, key));
    }

  for (guint c = 0; c < 256; c++)
    if (seen[c] > 0)
      distinct_symbols++;

  /* 5600 draws from 32 symbols: every one shows up. */
  g_assert_cmpuint (distinct_symbols, ==, 32);
  /* 28 symbols of 5 bits each. */
  g_assert_cmpuint (PW_KEY_SLOT_RECOVERY_KEY_CHARS * 5, >=, 128);
}

static void
test_key_slot_wrap (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PwKeySlot) slot = NULL;
  g_autoptr(PwKeySlot) reread = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  guint8 master[PW_KEY_SLOT_MASTER_KEY_SIZE];
  guint8 *out = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  /* "é" precomposed (NFC) and decomposed (NFD): one passphrase. */
  const char *nfc = "caf\xc3\xa9 zebra-marker-7431";
  const char *nfd = "cafe\xcc\x81 zebra-marker-7431";

  randombytes_buf (master, sizeof master);

  slot = pw_key_slot_new_wrapped ("0a1b2c3d", PW_KEY_SLOT_PASSPHRASE, "Front desk", now,
                                  nfc, master, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_key_slot_get_id (slot), ==, "0a1b2c3d");
  g_assert_cmpstr (pw_key_slot_get_label (slot), ==, "Front desk");
  g_assert_cmpint (pw_key_slot_get_kind (slot), ==, PW_KEY_SLOT_PASSPHRASE);
  g_assert_false (pw_key_slot_get_current (slot));

  g_assert_true (pw_key_slot_unwrap (slot, nfc, out, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (out, PW_KEY_SLOT_MASTER_KEY_SIZE, master, sizeof master);

  g_assert_true (pw_key_slot_unwrap (slot, nfd, out, &error));
  g_assert_no_error (error);

  g_assert_false (pw_key_slot_unwrap (slot, "cafe zebra-marker-7431", out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Through JSON and back. */
  node = pw_key_slot_to_json (slot);
  reread = pw_key_slot_new_from_json (json_node_get_object (node), &reason);
  g_assert_null (reason);
  g_assert_nonnull (reread);
  g_assert_cmpstr (pw_key_slot_get_id (reread), ==, "0a1b2c3d");
  g_assert_cmpstr (pw_key_slot_get_label (reread), ==, "Front desk");
  g_assert_cmpint (g_date_time_to_unix (pw_key_slot_get_created (reread)), ==,
                   g_date_time_to_unix (now));
  g_assert_cmpuint (pw_key_slot_get_cost (reread).opslimit, ==, pw_kdf_cost_fast ().opslimit);
  g_assert_cmpuint (pw_key_slot_get_cost (reread).memlimit, ==, pw_kdf_cost_fast ().memlimit);
  sodium_memzero (out, PW_KEY_SLOT_MASTER_KEY_SIZE);
  g_assert_true (pw_key_slot_unwrap (reread, nfc, out, &error));
  g_assert_cmpmem (out, PW_KEY_SLOT_MASTER_KEY_SIZE, master, sizeof master);

  sodium_free (out);
}

static void
test_key_slot_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "vault", "v1", "vault.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint8 *out = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  guint8 expected[PW_KEY_SLOT_MASTER_KEY_SIZE];
  JsonArray *slots;
  gboolean opened = FALSE;

  for (guint i = 0; i < sizeof expected; i++)
    expected[i] = i;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  slots = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      g_autofree char *reason = NULL;
      g_autoptr(PwKeySlot) slot = pw_key_slot_new_from_json (json_array_get_object_element (slots, i),
                                                             &reason);

      g_assert_null (reason);
      if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE &&
          pw_key_slot_unwrap (slot, FIXTURE_PASSPHRASE, out, NULL))
        {
          g_assert_cmpmem (out, PW_KEY_SLOT_MASTER_KEY_SIZE, expected, sizeof expected);
          opened = TRUE;
        }
    }

  g_assert_true (opened);
  sodium_free (out);
}

static void
test_cost (void)
{
  PwKdfCost def = pw_kdf_cost_default ();
  PwKdfCost fast = pw_kdf_cost_fast ();

  g_assert_cmpuint (def.opslimit, >=, crypto_pwhash_argon2id_OPSLIMIT_MODERATE);
  g_assert_cmpuint (def.memlimit, >=, crypto_pwhash_argon2id_MEMLIMIT_MODERATE);
  g_assert_cmpuint (fast.opslimit, <=, crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
  g_assert_cmpuint (fast.memlimit, <=, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
}

/* ------------------------------------------------------------------------ */
/* Create, lock, unlock                                                     */

static void
test_default_directory (void)
{
  g_autoptr(PwVault) vault = pw_vault_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "org.pathwaytool.Pathway", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pw_vault_get_directory (vault), ==, expected);
  g_assert_false (pw_vault_exists (vault));
  g_assert_true (pw_vault_get_locked (vault));
  g_assert_null (pw_vault_get_store (vault));

  g_assert_false (pw_vault_unlock (vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *tmp_path = path_in (fixture, "vault.json.tmp");
  g_autoptr(GError) error = NULL;
  PwKeySlot *passphrase_slot, *recovery_slot;
  guint locked_notified = 0;
  struct stat st;

  g_assert_false (pw_vault_exists (fixture->vault));
  g_signal_connect (fixture->vault, "notify::locked", G_CALLBACK (count_notify), &locked_notified);

  fixture->recovery_key = pw_vault_create (fixture->vault, "Front desk", PASSPHRASE,
                                           pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_true (is_recovery_key_shape (fixture->recovery_key));

  g_assert_true (pw_vault_exists (fixture->vault));
  g_assert_false (pw_vault_get_locked (fixture->vault));
  g_assert_cmpuint (locked_notified, ==, 1);
  g_assert_nonnull (pw_vault_get_store (fixture->vault));
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (tmp_path, G_FILE_TEST_EXISTS));

  /* Key material is for this user only. */
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);

  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);
  passphrase_slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);
  recovery_slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_RECOVERY);
  g_assert_nonnull (passphrase_slot);
  g_assert_nonnull (recovery_slot);
  g_assert_cmpstr (pw_key_slot_get_label (passphrase_slot), ==, "Front desk");
  g_assert_cmpstr (pw_key_slot_get_id (passphrase_slot), !=, pw_key_slot_get_id (recovery_slot));
  g_assert_true (pw_key_slot_get_current (passphrase_slot));
  g_assert_false (pw_key_slot_get_current (recovery_slot));
  g_assert_true (pw_vault_get_current_slot (fixture->vault) == passphrase_slot);
  g_assert_cmpstr (pw_store_get_actor (pw_vault_get_store (fixture->vault)), ==,
                   pw_key_slot_get_id (passphrase_slot));
  g_assert_cmpint (g_date_time_get_utc_offset (pw_key_slot_get_created (passphrase_slot)), ==, 0);

  pw_vault_lock (fixture->vault);
  g_assert_true (pw_vault_get_locked (fixture->vault));
  g_assert_cmpuint (locked_notified, ==, 2);
  g_assert_null (pw_vault_get_store (fixture->vault));
  g_assert_null (pw_vault_get_current_slot (fixture->vault));
  g_assert_false (pw_key_slot_get_current (passphrase_slot));

  /* Locking twice is harmless and says nothing. */
  pw_vault_lock (fixture->vault);
  g_assert_cmpuint (locked_notified, ==, 2);
}

static void
test_create_exists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PwVault) other = pw_vault_new (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *key = NULL;

  pw_vault_lock (fixture->vault);
  before = snapshot (fixture->dir);

  key = pw_vault_create (other, "Second", OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_EXISTS);
  g_assert_null (key);
  g_assert_true (pw_vault_get_locked (other));

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
test_unlock_passphrase (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PwVault) fresh = pw_vault_new (fixture->dir);
  g_autoptr(GError) error = NULL;
  PwKeySlot *slot;

  assert_unlocks_with (fixture->vault, PASSPHRASE);
  g_assert_nonnull (pw_vault_get_store (fixture->vault));
  pw_vault_lock (fixture->vault);

  /* A new process: everything comes from the files. */
  g_assert_true (pw_vault_exists (fresh));
  g_assert_true (pw_vault_unlock (fresh, PASSPHRASE, &error));
  g_assert_no_error (error);
  slot = pw_vault_get_current_slot (fresh);
  g_assert_nonnull (slot);
  g_assert_cmpint (pw_key_slot_get_kind (slot), ==, PW_KEY_SLOT_PASSPHRASE);
  g_assert_cmpstr (pw_key_slot_get_label (slot), ==, "Front desk");
  g_assert_cmpuint (count_slots (fresh), ==, 2);
  g_assert_cmpstr (pw_store_get_actor (pw_vault_get_store (fresh)), ==, pw_key_slot_get_id (slot));
}

static void
test_unlock_recovery_key (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *lower = g_ascii_strdown (fixture->recovery_key, -1);
  g_autofree char *spaced = g_strdelimit (g_strdup (fixture->recovery_key), "-", ' ');
  g_auto(GStrv) groups = g_strsplit (fixture->recovery_key, "-", -1);
  g_autofree char *joined = g_strjoinv ("", groups);
  g_autofree char *mixed = g_strdup_printf (" %s \n", lower);
  const char *variants[] = { fixture->recovery_key, lower, spaced, joined, mixed };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GError) error = NULL;
      PwKeySlot *slot;

      pw_vault_lock (fixture->vault);
      g_assert_true (pw_vault_unlock_with_recovery_key (fixture->vault, variants[i], &error));
      g_assert_no_error (error);
      g_assert_false (pw_vault_get_locked (fixture->vault));
      g_assert_nonnull (pw_vault_get_store (fixture->vault));

      slot = pw_vault_get_current_slot (fixture->vault);
      g_assert_cmpint (pw_key_slot_get_kind (slot), ==, PW_KEY_SLOT_RECOVERY);
      g_assert_cmpstr (pw_store_get_actor (pw_vault_get_store (fixture->vault)), ==,
                       pw_key_slot_get_id (slot));
    }

  /* The recovery key is not a passphrase, and the other way round. */
  {
    g_autoptr(GError) error = NULL;

    pw_vault_lock (fixture->vault);
    g_assert_false (pw_vault_unlock (fixture->vault, fixture->recovery_key, &error));
    g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
    g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, PASSPHRASE, &error));
    g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_RECOVERY_KEY);
  }
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *attempts[] = { WRONG_PASSPHRASE, "", "ZEBRA-MARKER-7431 CORRECT HORSE" };

  pw_vault_lock (fixture->vault);
  before = snapshot (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pw_vault_unlock (fixture->vault, attempts[i], &error));
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
      g_assert_nonnull (strstr (error->message, "Caps Lock"));
      g_assert_true (pw_vault_get_locked (fixture->vault));
      g_assert_null (pw_vault_get_store (fixture->vault));
    }

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
test_wrong_recovery_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *other_key = pw_key_slot_generate_recovery_key ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *one_off = g_strdup (fixture->recovery_key);
  const char *attempts[] = { other_key, one_off, "", "not a key", "ABCD-EFGH" };

  /* One character changed. */
  one_off[0] = one_off[0] == 'A' ? 'B' : 'A';

  pw_vault_lock (fixture->vault);
  before = snapshot (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, attempts[i], &error));
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_RECOVERY_KEY);
      g_assert_true (pw_vault_get_locked (fixture->vault));
    }

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture->dir);
  g_autofree char *after = NULL;

  g_assert_false (pw_vault_exists (fixture->vault));
  g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, "ABCD", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_FOUND);

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  pw_vault_lock (fixture->vault);
  g_assert_cmpint (g_unlink (json_path), ==, 0);
  before = snapshot (fixture->dir);

  /* Not a first run: the lock screen must say what is missing. */
  g_assert_true (pw_vault_exists (fixture->vault));
  g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "vault.json"));
  g_clear_error (&error);

  g_assert_null (pw_vault_create (fixture->vault, "Again", PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_EXISTS);

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_db_missing (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  pw_vault_lock (fixture->vault);
  g_assert_cmpint (g_unlink (db_path), ==, 0);
  before = snapshot (fixture->dir);

  g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE);
  g_assert_true (pw_vault_get_locked (fixture->vault));

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_db_wrong_key (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = g_dir_make_tmp ("pw-vault-other-XXXXXX", NULL);
  g_autoptr(PwVault) other = pw_vault_new (other_dir);
  g_autofree char *other_key = NULL;
  g_autofree char *other_json = g_build_filename (other_dir, "vault.json", NULL);
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  other_key = pw_vault_create (other, "Other desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_vault_lock (other);

  /* Key slots from another vault: they open, the database does not. */
  pw_vault_lock (fixture->vault);
  contents = read_file (other_json);
  write_file (json_path, contents, -1);
  before = snapshot (fixture->dir);

  g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE);
  g_assert_true (pw_vault_get_locked (fixture->vault));
  g_assert_null (pw_vault_get_store (fixture->vault));

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  remove_tree (other_dir);
}

/* ------------------------------------------------------------------------ */
/* Damaged vault.json                                                       */

typedef char *(*Damage) (const char *original);

static char *
edit_json (const char *original,
           void      (*edit) (JsonObject *root, JsonObject *slot))
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonObject *slot;

  g_assert_true (json_parser_load_from_data (parser, original, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  slot = json_array_get_object_element (json_object_get_array_member (root, "slots"), 0);
  edit (root, slot);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static char *
replace_once (const char *original,
              const char *from,
              const char *to)
{
  const char *at = strstr (original, from);

  g_assert_nonnull (at);

  return g_strdup_printf ("%.*s%s%s", (int) (at - original), original, to, at + strlen (from));
}

#define EDIT(name, body)                                         \
  static void name##_edit (JsonObject *root, JsonObject *slot) \
  {                                                            \
    body;                                                      \
  }                                                            \
  static char *name (const char *original)                     \
  {                                                            \
    return edit_json (original, name##_edit);                  \
  }

static char *damage_truncated (const char *o) { return g_strndup (o, strlen (o) / 2); }
static char *damage_empty (const char *o) { return g_strdup (""); }
static char *damage_blank (const char *o) { return g_strdup ("  \n"); }
static char *damage_not_json (const char *o) { return g_strdup ("This is not JSON at all.\n"); }
static char *damage_trailing (const char *o) { return g_strconcat (o, "{\"format\": \"x\"}\n", NULL); }
static char *damage_array_root (const char *o) { return g_strconcat ("[", o, "]", NULL); }
static char *damage_duplicate_key (const char *o) { return replace_once (o, "\"format_version\"", "\"format_version\" : 2, \"format_version\""); }
static char *damage_nul (const char *o) { return replace_once (o, "\"slots\"", "\"slo\\u0000ts\""); }

EDIT (damage_missing_slots, json_object_remove_member (root, "slots"))
EDIT (damage_empty_slots, json_object_set_array_member (root, "slots", json_array_new ()))
EDIT (damage_slots_object, json_object_set_object_member (root, "slots", json_object_new ()))
EDIT (damage_slot_not_object,
      json_array_add_int_element (json_object_get_array_member (root, "slots"), 7))
EDIT (damage_format, json_object_set_string_member (root, "format", "pathway-template"))
EDIT (damage_format_version_string, json_object_set_string_member (root, "format_version", "1"))
EDIT (damage_format_version_zero, json_object_set_int_member (root, "format_version", 0))
EDIT (damage_unknown_root_member, json_object_set_string_member (root, "master_key", "x"))
EDIT (damage_opslimit_string, json_object_set_string_member (slot, "opslimit", "6"))
EDIT (damage_opslimit_huge, json_object_set_int_member (slot, "opslimit", G_GINT64_CONSTANT (1) << 40))
EDIT (damage_memlimit_negative, json_object_set_int_member (slot, "memlimit", -1))
EDIT (damage_memlimit_double, json_object_set_double_member (slot, "memlimit", 65536.5))
EDIT (damage_label_number, json_object_set_int_member (slot, "label", 3))
EDIT (damage_label_too_long, {
  g_autofree char *label = g_strnfill (PW_KEY_SLOT_LABEL_MAX + 1, 'x');
  json_object_set_string_member (slot, "label", label);
})
EDIT (damage_salt_bad_base64, json_object_set_string_member (slot, "salt", "!!!!!!!!!!!!!!!!!!!!!!!!"))
EDIT (damage_salt_short, json_object_set_string_member (slot, "salt", "AAAAAAAAAAA="))
EDIT (damage_salt_unpadded, json_object_set_string_member (slot, "salt", "AAAAAAAAAAAAAAAAAAAAAA"))
EDIT (damage_nonce_missing, json_object_remove_member (slot, "nonce"))
EDIT (damage_wrapped_short, json_object_set_string_member (slot, "wrapped_key", "AAAA"))
EDIT (damage_wrapped_null, json_object_set_null_member (slot, "wrapped_key"))
EDIT (damage_kdf, json_object_set_string_member (slot, "kdf", "scrypt"))
EDIT (damage_kind, json_object_set_string_member (slot, "kind", "administrator"))
EDIT (damage_created, json_object_set_string_member (slot, "created", "yesterday"))
EDIT (damage_id_upper, json_object_set_string_member (slot, "id", "ABCDEF12"))
EDIT (damage_slot_extra_member, json_object_set_string_member (slot, "passphrase", "x"))
EDIT (damage_duplicate_ids, {
  JsonArray *slots = json_object_get_array_member (root, "slots");
  json_object_set_string_member (json_array_get_object_element (slots, 1), "id",
                                 json_object_get_string_member (slot, "id"));
})
EDIT (damage_no_passphrase_slot,
      json_array_remove_element (json_object_get_array_member (root, "slots"), 0))
EDIT (damage_two_recovery_slots, json_object_set_string_member (slot, "kind", "recovery"))

static const struct
{
  const char *name;
  Damage      damage;
} damages[] = {
  { "truncated", damage_truncated },
  { "empty", damage_empty },
  { "blank", damage_blank },
  { "not-json", damage_not_json },
  { "trailing-data", damage_trailing },
  { "array-root", damage_array_root },
  { "duplicate-key", damage_duplicate_key },
  { "nul-in-member-name", damage_nul },
  { "missing-slots", damage_missing_slots },
  { "empty-slots", damage_empty_slots },
  { "slots-object", damage_slots_object },
  { "slot-not-object", damage_slot_not_object },
  { "format", damage_format },
  { "format-version-string", damage_format_version_string },
  { "format-version-zero", damage_format_version_zero },
  { "unknown-root-member", damage_unknown_root_member },
  { "opslimit-string", damage_opslimit_string },
  { "opslimit-huge", damage_opslimit_huge },
  { "memlimit-negative", damage_memlimit_negative },
  { "memlimit-double", damage_memlimit_double },
  { "label-number", damage_label_number },
  { "label-too-long", damage_label_too_long },
  { "salt-bad-base64", damage_salt_bad_base64 },
  { "salt-short", damage_salt_short },
  { "salt-unpadded", damage_salt_unpadded },
  { "nonce-missing", damage_nonce_missing },
  { "wrapped-short", damage_wrapped_short },
  { "wrapped-null", damage_wrapped_null },
  { "kdf", damage_kdf },
  { "kind", damage_kind },
  { "created", damage_created },
  { "id-upper-case", damage_id_upper },
  { "slot-extra-member", damage_slot_extra_member },
  { "duplicate-ids", damage_duplicate_ids },
  { "no-passphrase-slot", damage_no_passphrase_slot },
  { "two-recovery-slots", damage_two_recovery_slots },
};

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *original = NULL;

  pw_vault_lock (fixture->vault);
  original = read_file (json_path);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *damaged = damages[i].damage (original);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_test_message ("damage: %s", damages[i].name);
      write_file (json_path, damaged, -1);
      before = snapshot (fixture->dir);

      g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DAMAGED);
      g_assert_true (pw_vault_get_locked (fixture->vault));
      g_clear_error (&error);

      g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, fixture->recovery_key, &error));
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DAMAGED);

      after = snapshot (fixture->dir);
      g_assert_cmpstr (before, ==, after);
    }

  /* The untouched file still works: the edits above were the cause. */
  write_file (json_path, original, -1);
  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
too_new_edit (JsonObject *root,
              JsonObject *slot)
{
  json_object_set_int_member (root, "format_version", 99);
  /* A newer format may look different: that must not read as damage. */
  json_object_set_string_member (slot, "kdf", "argon2id-v2");
  json_object_set_string_member (root, "shiny_new_member", "x");
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *original = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  pw_vault_lock (fixture->vault);
  original = read_file (json_path);
  newer = edit_json (original, too_new_edit);
  write_file (json_path, newer, -1);
  before = snapshot (fixture->dir);

  g_assert_false (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, fixture->recovery_key, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_TOO_NEW);

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_fixture_too_new (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "vault", "too-new", "vault.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "vault.json", NULL);
  g_autofree char *db_path = g_build_filename (dir, "vault.db", NULL);
  g_autofree char *contents = read_file (source);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (json_path, contents, -1);
  write_file (db_path, "not a database of ours", -1);
  before = snapshot (dir);

  g_assert_false (pw_vault_unlock (vault, FIXTURE_PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_TOO_NEW);

  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  remove_tree (dir);
}

static void
test_fixture_v1 (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "vault", "v1", "vault.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "vault.json", NULL);
  g_autofree char *contents = read_file (source);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GError) error = NULL;

  write_file (json_path, contents, -1);

  /* The file is accepted (not DAMAGED, not TOO_NEW): only the database,
   * which the fixture does not carry, is missing. */
  g_assert_false (pw_vault_unlock (vault, FIXTURE_PASSPHRASE, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE);
  g_assert_cmpuint (count_slots (vault), ==, 3);

  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* Key slots                                                                */

static void
test_change_passphrase (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *salt_before = NULL;
  PwKeySlot *slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);

  id = g_strdup (pw_key_slot_get_id (slot));
  db_before = fingerprint (db_path);

  g_assert_true (pw_vault_change_passphrase (fixture->vault, id, OTHER_PASSPHRASE,
                                             pw_kdf_cost_fast (), &error));
  g_assert_no_error (error);

  db_after = fingerprint (db_path);
  g_assert_cmpstr (db_before, ==, db_after);

  slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);
  g_assert_cmpstr (pw_key_slot_get_id (slot), ==, id);
  g_assert_cmpstr (pw_key_slot_get_label (slot), ==, "Front desk");
  g_assert_true (pw_vault_get_current_slot (fixture->vault) == slot);
  g_assert_true (pw_key_slot_get_current (slot));
  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);

  assert_refuses (fixture->vault, PASSPHRASE);
  assert_unlocks_with (fixture->vault, OTHER_PASSPHRASE);

  /* The recovery key is untouched by it. */
  pw_vault_lock (fixture->vault);
  g_assert_true (pw_vault_unlock_with_recovery_key (fixture->vault, fixture->recovery_key, &error));
  g_assert_no_error (error);

  /* Not on the recovery slot; not on a slot that does not exist. */
  g_assert_false (pw_vault_change_passphrase (fixture->vault,
                                              pw_key_slot_get_id (find_slot_of_kind (fixture->vault, PW_KEY_SLOT_RECOVERY)),
                                              OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_RECOVERY_SLOT);
  g_clear_error (&error);
  g_assert_false (pw_vault_change_passphrase (fixture->vault, "ffffffff", OTHER_PASSPHRASE,
                                              pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_SLOT);
}

static void
test_change_passphrase_fresh_salt (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *before = read_file (json_path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *s1, *s2;
  PwKeySlot *slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);

  /* The same passphrase again still gets a new salt and nonce. */
  g_assert_true (pw_vault_change_passphrase (fixture->vault, pw_key_slot_get_id (slot), PASSPHRASE,
                                             pw_kdf_cost_fast (), &error));
  g_assert_no_error (error);
  after = read_file (json_path);

  g_assert_true (json_parser_load_from_data (p1, before, -1, NULL));
  g_assert_true (json_parser_load_from_data (p2, after, -1, NULL));
  s1 = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (p1)), "slots"), 0);
  s2 = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (p2)), "slots"), 0);
  g_assert_cmpstr (json_object_get_string_member (s1, "id"), ==, json_object_get_string_member (s2, "id"));
  g_assert_cmpstr (json_object_get_string_member (s1, "salt"), !=, json_object_get_string_member (s2, "salt"));
  g_assert_cmpstr (json_object_get_string_member (s1, "nonce"), !=, json_object_get_string_member (s2, "nonce"));
  g_assert_cmpstr (json_object_get_string_member (s1, "wrapped_key"), !=, json_object_get_string_member (s2, "wrapped_key"));

  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
test_add_slot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwKeySlot) added = NULL;
  g_autoptr(PwVault) fresh = NULL;
  guint items_changed = 0;

  db_before = fingerprint (db_path);
  g_signal_connect (pw_vault_get_slots (fixture->vault), "items-changed",
                    G_CALLBACK (count_items_changed), &items_changed);

  added = pw_vault_add_passphrase_slot (fixture->vault, "Evening shift", OTHER_PASSPHRASE,
                                        pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (items_changed, ==, 1);
  /* The fixture's tear-down empties the list after this frame is gone. */
  g_signal_handlers_disconnect_by_func (pw_vault_get_slots (fixture->vault),
                                        count_items_changed, &items_changed);
  g_assert_cmpstr (pw_key_slot_get_label (added), ==, "Evening shift");
  g_assert_cmpuint (count_slots (fixture->vault), ==, 3);
  g_assert_false (pw_key_slot_get_current (added));

  db_after = fingerprint (db_path);
  g_assert_cmpstr (db_before, ==, db_after);

  /* Both open the vault, each as itself. */
  assert_unlocks_with (fixture->vault, OTHER_PASSPHRASE);
  g_assert_true (pw_vault_get_current_slot (fixture->vault) == added);
  g_assert_cmpstr (pw_store_get_actor (pw_vault_get_store (fixture->vault)), ==, pw_key_slot_get_id (added));
  assert_unlocks_with (fixture->vault, PASSPHRASE);
  g_assert_cmpstr (pw_key_slot_get_label (pw_vault_get_current_slot (fixture->vault)), ==, "Front desk");

  /* And from the file alone. */
  pw_vault_lock (fixture->vault);
  fresh = pw_vault_new (fixture->dir);
  g_assert_true (pw_vault_unlock (fresh, OTHER_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pw_key_slot_get_label (pw_vault_get_current_slot (fresh)), ==, "Evening shift");
}

static void
test_remove_slot (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *first_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwKeySlot) added = NULL;

  first_id = g_strdup (pw_key_slot_get_id (find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE)));
  added = pw_vault_add_passphrase_slot (fixture->vault, "Evening shift", OTHER_PASSPHRASE,
                                        pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  db_before = fingerprint (db_path);

  /* Removing the slot in use is allowed: another one remains. */
  g_assert_true (pw_vault_remove_slot (fixture->vault, first_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);
  g_assert_null (pw_vault_get_current_slot (fixture->vault));
  g_assert_false (pw_vault_get_locked (fixture->vault));

  db_after = fingerprint (db_path);
  g_assert_cmpstr (db_before, ==, db_after);

  assert_refuses (fixture->vault, PASSPHRASE);
  assert_unlocks_with (fixture->vault, OTHER_PASSPHRASE);

  /* The last passphrase and the recovery slot stay. */
  before = snapshot (fixture->dir);
  g_assert_false (pw_vault_remove_slot (fixture->vault, pw_key_slot_get_id (added), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LAST_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (pw_vault_remove_slot (fixture->vault,
                                        pw_key_slot_get_id (find_slot_of_kind (fixture->vault, PW_KEY_SLOT_RECOVERY)),
                                        &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_RECOVERY_SLOT);
  g_clear_error (&error);
  g_assert_false (pw_vault_remove_slot (fixture->vault, first_id, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_SLOT);
  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);

  assert_unlocks_with (fixture->vault, OTHER_PASSPHRASE);
}

static void
test_rename_slot (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *db_before = fingerprint (db_path);
  g_autofree char *db_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwVault) fresh = NULL;
  PwKeySlot *slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);
  guint label_notified = 0;

  g_signal_connect (slot, "notify::label", G_CALLBACK (count_notify), &label_notified);
  g_assert_true (pw_vault_rename_slot (fixture->vault, pw_key_slot_get_id (slot),
                                       "Front desk (Example Rosemary)", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (label_notified, ==, 1);
  g_assert_cmpstr (pw_key_slot_get_label (slot), ==, "Front desk (Example Rosemary)");

  db_after = fingerprint (db_path);
  g_assert_cmpstr (db_before, ==, db_after);

  pw_vault_lock (fixture->vault);
  fresh = pw_vault_new (fixture->dir);
  g_assert_true (pw_vault_unlock (fresh, PASSPHRASE, &error));
  g_assert_cmpstr (pw_key_slot_get_label (pw_vault_get_current_slot (fresh)), ==,
                   "Front desk (Example Rosemary)");

  g_assert_false (pw_vault_rename_slot (fresh, "ffffffff", "Nobody", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_SLOT);
}

static void
test_regenerate_recovery_key (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "vault.db");
  g_autofree char *db_before = fingerprint (db_path);
  g_autofree char *db_after = NULL;
  g_autofree char *new_key = NULL;
  g_autoptr(GError) error = NULL;

  new_key = pw_vault_regenerate_recovery_key (fixture->vault, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_true (is_recovery_key_shape (new_key));
  g_assert_cmpstr (new_key, !=, fixture->recovery_key);
  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);

  db_after = fingerprint (db_path);
  g_assert_cmpstr (db_before, ==, db_after);

  pw_vault_lock (fixture->vault);
  g_assert_false (pw_vault_unlock_with_recovery_key (fixture->vault, fixture->recovery_key, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_RECOVERY_KEY);
  g_clear_error (&error);
  g_assert_true (pw_vault_unlock_with_recovery_key (fixture->vault, new_key, &error));
  g_assert_no_error (error);
  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
test_slots_need_unlock (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (pw_key_slot_get_id (find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE)));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  pw_vault_lock (fixture->vault);
  before = snapshot (fixture->dir);

  g_assert_null (pw_vault_add_passphrase_slot (fixture->vault, "x", OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pw_vault_change_passphrase (fixture->vault, id, OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pw_vault_rename_slot (fixture->vault, id, "x", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pw_vault_remove_slot (fixture->vault, id, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (pw_vault_regenerate_recovery_key (fixture->vault, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);

  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

/* ------------------------------------------------------------------------ */
/* What is on disk                                                          */

static gboolean
contains (const char *haystack,
          gsize       haystack_len,
          const void *needle,
          gsize       needle_len)
{
  for (gsize i = 0; i + needle_len <= haystack_len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static void
test_no_secrets_in_json (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PwKeySlot) slot = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(PwKeySlot) added = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *master = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  char hex[PW_KEY_SLOT_MASTER_KEY_SIZE * 2 + 1];
  char b64[sodium_base64_ENCODED_LEN (PW_KEY_SLOT_MASTER_KEY_SIZE, sodium_base64_VARIANT_ORIGINAL)];
  char b64url[sodium_base64_ENCODED_LEN (PW_KEY_SLOT_MASTER_KEY_SIZE, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  gsize len;

  added = pw_vault_add_passphrase_slot (fixture->vault, "Evening shift", OTHER_PASSPHRASE,
                                        pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &contents, &len, NULL));

  /* Recover the master key the honest way, to look for it in the file. */
  g_assert_true (json_parser_load_from_data (parser, contents, len, NULL));
  slot = pw_key_slot_new_from_json (json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "slots"), 0),
                                    &reason);
  g_assert_nonnull (slot);
  g_assert_true (pw_key_slot_unwrap (slot, PASSPHRASE, master, NULL));

  sodium_bin2hex (hex, sizeof hex, master, PW_KEY_SLOT_MASTER_KEY_SIZE);
  sodium_bin2base64 (b64, sizeof b64, master, PW_KEY_SLOT_MASTER_KEY_SIZE, sodium_base64_VARIANT_ORIGINAL);
  sodium_bin2base64 (b64url, sizeof b64url, master, PW_KEY_SLOT_MASTER_KEY_SIZE, sodium_base64_VARIANT_URLSAFE_NO_PADDING);

  g_assert_false (contains (contents, len, master, PW_KEY_SLOT_MASTER_KEY_SIZE));
  g_assert_false (contains (contents, len, master, 8));
  g_assert_false (contains (contents, len, hex, 16));
  {
    g_autofree char *upper = g_ascii_strup (hex, -1);

    g_assert_false (contains (contents, len, upper, 16));
  }
  g_assert_false (contains (contents, len, b64, 12));
  g_assert_false (contains (contents, len, b64url, 12));

  g_assert_false (contains (contents, len, PASSPHRASE, strlen (PASSPHRASE)));
  g_assert_false (contains (contents, len, "zebra", 5));
  g_assert_false (contains (contents, len, OTHER_PASSPHRASE, strlen (OTHER_PASSPHRASE)));
  g_assert_false (contains (contents, len, "kettle", 6));
  g_assert_false (contains (contents, len, fixture->recovery_key, strlen (fixture->recovery_key)));
  {
    g_auto(GStrv) groups = g_strsplit (fixture->recovery_key, "-", -1);

    canonical = g_strjoinv ("", groups);
  }
  g_assert_false (contains (contents, len, canonical, strlen (canonical)));

  /* What is there: the format, and the labels people gave. */
  g_assert_true (contains (contents, len, "\"pathway-vault\"", 15));
  g_assert_true (contains (contents, len, "Evening shift", 13));

  sodium_free (master);
}

static void
test_write_failure_keeps_old_file (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *json_path = path_in (fixture, "vault.json");
  g_autofree char *tmp_path = path_in (fixture, "vault.json.tmp");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwKeySlot) added = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);
  PwKeySlot *slot = find_slot_of_kind (fixture->vault, PW_KEY_SLOT_PASSPHRASE);

  before = fingerprint (json_path);

  /* The kernel refuses to grow any file past 64 bytes: the temporary
   * file cannot be written, as on a full disk. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

  added = pw_vault_add_passphrase_slot (fixture->vault, "Evening shift", OTHER_PASSPHRASE,
                                        pw_kdf_cost_fast (), &error);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_assert_null (added);
  g_clear_error (&error);

  g_assert_false (pw_vault_rename_slot (fixture->vault, pw_key_slot_get_id (slot), "Renamed", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  after = fingerprint (json_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (tmp_path, G_FILE_TEST_EXISTS));

  /* Memory agrees with the disk. */
  g_assert_cmpuint (count_slots (fixture->vault), ==, 2);
  g_assert_cmpstr (pw_key_slot_get_label (slot), ==, "Front desk");
  assert_refuses (fixture->vault, OTHER_PASSPHRASE);
  assert_unlocks_with (fixture->vault, PASSPHRASE);
}

static void
test_create_failure_leaves_nothing (void)
{
  g_autofree char *parent = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (parent, "new", "vault", NULL);
  g_autofree char *existing = g_build_filename (parent, "existing", NULL);
  g_autofree char *blocker = g_build_filename (existing, "vault.json.tmp", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(PwVault) vault2 = pw_vault_new (existing);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);

  /* The database cannot be written: the new directory goes away again. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

  key = pw_vault_create (vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_null (key);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PW_VAULT_ERROR);
  g_test_message ("database write refused: code %d, “%s”", error->code, error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_true (pw_vault_get_locked (vault));
  g_assert_false (pw_vault_exists (vault));

  /* vault.json cannot be written after vault.db was: vault.db goes too. */
  g_assert_cmpint (g_mkdir (existing, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  before = snapshot (existing);

  key = pw_vault_create (vault2, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_assert_null (key);
  g_assert_true (pw_vault_get_locked (vault2));
  g_assert_null (pw_vault_get_store (vault2));
  g_assert_false (pw_vault_exists (vault2));

  after = snapshot (existing);
  g_assert_cmpstr (before, ==, after);

  /* And once the obstacle is gone, creating works. */
  g_clear_error (&error);
  g_rmdir (blocker);
  key = pw_vault_create (vault2, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);

  g_clear_object (&vault2);
  remove_tree (parent);
}

static void
test_not_writable_path (void)
{
  g_autofree char *parent = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (parent, "a-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "vault", NULL);
  const char *paths[] = { file, below_file, "/proc/pathway-test-vault" };

  write_file (file, "zebra-marker-7431", -1);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(PwVault) vault = pw_vault_new (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      g_autofree char *contents = NULL;

      key = pw_vault_create (vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
      g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
      g_assert_null (key);
      g_assert_nonnull (strstr (error->message, paths[i]));

      contents = read_file (file);
      g_assert_cmpstr (contents, ==, "zebra-marker-7431");
    }

  remove_tree (parent);
}

/* chmod 0555 does not stop root; run as nobody in a child when we are root.
 * The vault was locked cleanly before its folder became read-only: it
 * opens read-only, her cases can be read, and no change is written. */
static void
test_read_only_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(PwSurvivor) found = NULL;
  g_autoptr(PwSurvivor) refused = pw_survivor_new ();
  g_autofree char *backups = NULL;
  gint64 id;
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *below = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(PwVault) in_empty = NULL;
  g_autoptr(PwVault) in_below = NULL;
  g_autoptr(PwKeySlot) added = NULL;
  PwKeySlot *slot;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  empty = g_dir_make_tmp ("pw-vault-empty-XXXXXX", NULL);
  below = g_build_filename (empty, "vault", NULL);
  vault = pw_vault_new (dir);
  key = pw_vault_create (vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_survivor_set_case_code (survivor, "TEST-001");
  pw_survivor_set_alias (survivor, "zebra-marker-7431");
  id = pw_store_add_survivor (pw_vault_get_store (vault), survivor, &error);
  g_assert_no_error (error);
  pw_vault_lock (vault);

  if (geteuid () == 0)
    {
      const char *names[] = { "", "vault.json", "vault.db", "vault.db-wal", "vault.db-shm", "backups" };
      uid_t nobody = 65534;

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          if (g_file_test (path, G_FILE_TEST_EXISTS))
            g_assert_cmpint (chown (path, nobody, nobody), ==, 0);
        }
      g_assert_cmpint (chown (empty, nobody, nobody), ==, 0);

      if (setgroups (0, NULL) != 0 || setgid (nobody) != 0 || setuid (nobody) != 0)
        {
          g_test_skip ("Running as root and cannot drop to an unprivileged user: chmod does not stop root's writes");
          return;
        }
    }

  backups = g_build_filename (dir, "backups", NULL);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (backups, 0555), ==, 0);
  g_assert_cmpint (g_chmod (empty, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_test_skip ("This user can write into a 0555 directory (root or a capability): cannot test a read-only vault folder");
      return;
    }

  before = snapshot (dir);

  g_assert_true (pw_vault_unlock (vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (pw_vault_get_read_only (vault));
  g_assert_true (pw_store_is_read_only (pw_vault_get_store (vault)));
  found = pw_store_get_survivor (pw_vault_get_store (vault), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_alias (found), ==, "zebra-marker-7431");

  pw_survivor_set_case_code (refused, "TEST-002");
  g_assert_cmpint (pw_store_add_survivor (pw_vault_get_store (vault), refused, &error), ==, 0);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_IO);
  g_test_message ("a change in a read-only vault: “%s”", error->message);
  g_clear_error (&error);
  g_assert_false (pw_vault_backup_now (vault, &error));
  g_assert_true (g_error_matches (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE) ||
                 g_error_matches (error, PW_STORE_ERROR, PW_STORE_ERROR_IO));
  g_clear_error (&error);

  slot = find_slot_of_kind (vault, PW_KEY_SLOT_PASSPHRASE);

  added = pw_vault_add_passphrase_slot (vault, "Evening shift", OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);
  g_assert_false (pw_vault_rename_slot (vault, pw_key_slot_get_id (slot), "Renamed", &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);
  g_assert_null (pw_vault_regenerate_recovery_key (vault, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);

  pw_vault_lock (vault);
  g_assert_false (pw_vault_get_read_only (vault));
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  in_empty = pw_vault_new (empty);
  g_assert_null (pw_vault_create (in_empty, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);

  in_below = pw_vault_new (below);
  g_assert_null (pw_vault_create (in_below, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE);
  g_clear_error (&error);

  g_chmod (dir, 0700);
  g_chmod (backups, 0700);
  g_chmod (empty, 0700);
  remove_tree (dir);
  remove_tree (empty);
}

/* ------------------------------------------------------------------------ */
/* Async                                                                    */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  char      *key;
  guint      ticks;
} AsyncResult;

static void
on_unlocked (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = pw_vault_unlock_finish (PW_VAULT (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_recovery_unlocked (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = pw_vault_unlock_with_recovery_key_finish (PW_VAULT (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->key = pw_vault_create_finish (PW_VAULT (source), result, &r->error);
  r->ok = r->key != NULL;
  g_main_loop_quit (r->loop);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;
  g_autoptr(PwKeySlot) slot = pw_vault_add_passphrase_slot_finish (PW_VAULT (source), result, &r->error);

  r->ok = slot != NULL;
  g_main_loop_quit (r->loop);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = pw_vault_change_passphrase_finish (PW_VAULT (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_regenerated (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->key = pw_vault_regenerate_recovery_key_finish (PW_VAULT (source), result, &r->error);
  r->ok = r->key != NULL;
  g_main_loop_quit (r->loop);
}

static gboolean
tick (gpointer user_data)
{
  AsyncResult *r = user_data;

  r->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
async_result_clear (AsyncResult *r)
{
  g_clear_error (&r->error);
  g_clear_pointer (&r->key, g_free);
  r->ok = FALSE;
  r->ticks = 0;
}

static void
test_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *recovery_key = NULL;
  AsyncResult r = { loop, FALSE, NULL, NULL, 0 };
  guint locked_notified = 0;
  PwKeySlot *slot;

  g_signal_connect (vault, "notify::locked", G_CALLBACK (count_notify), &locked_notified);

  pw_vault_create_async (vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), NULL, on_created, &r);
  g_assert_true (pw_vault_get_locked (vault));
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (is_recovery_key_shape (r.key));
  recovery_key = g_steal_pointer (&r.key);
  g_assert_false (pw_vault_get_locked (vault));
  g_assert_cmpuint (locked_notified, ==, 1);
  async_result_clear (&r);

  pw_vault_add_passphrase_slot_async (vault, "Evening shift", OTHER_PASSPHRASE, pw_kdf_cost_fast (),
                                      NULL, on_added, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (count_slots (vault), ==, 3);
  async_result_clear (&r);

  slot = find_slot_of_kind (vault, PW_KEY_SLOT_PASSPHRASE);
  pw_vault_change_passphrase_async (vault, pw_key_slot_get_id (slot), WRONG_PASSPHRASE,
                                    pw_kdf_cost_fast (), NULL, on_changed, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  async_result_clear (&r);

  pw_vault_regenerate_recovery_key_async (vault, pw_kdf_cost_fast (), NULL, on_regenerated, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (is_recovery_key_shape (r.key));
  g_free (recovery_key);
  recovery_key = g_steal_pointer (&r.key);
  async_result_clear (&r);

  pw_vault_lock (vault);
  g_assert_cmpuint (locked_notified, ==, 2);

  /* Wrong, then right. */
  pw_vault_unlock_async (vault, PASSPHRASE, NULL, on_unlocked, &r);
  g_main_loop_run (loop);
  g_assert_false (r.ok);
  g_assert_error (r.error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_true (pw_vault_get_locked (vault));
  async_result_clear (&r);

  pw_vault_unlock_async (vault, WRONG_PASSPHRASE, NULL, on_unlocked, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_false (pw_vault_get_locked (vault));
  g_assert_cmpuint (locked_notified, ==, 3);
  async_result_clear (&r);

  pw_vault_lock (vault);
  pw_vault_unlock_with_recovery_key_async (vault, recovery_key, NULL, on_recovery_unlocked, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpint (pw_key_slot_get_kind (pw_vault_get_current_slot (vault)), ==, PW_KEY_SLOT_RECOVERY);
  async_result_clear (&r);

  /* Errors found before the KDF also arrive through the callback. */
  pw_vault_lock (vault);
  pw_vault_unlock_with_recovery_key_async (vault, "nonsense", NULL, on_recovery_unlocked, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_RECOVERY_KEY);
  async_result_clear (&r);

  g_clear_object (&vault);
  remove_tree (dir);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_async_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AsyncResult r = { loop, FALSE, NULL, NULL, 0 };
  /* Slow enough to cancel in flight, fast enough for a unit test. */
  PwKdfCost cost = { crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE };

  key = pw_vault_create (vault, "Front desk", PASSPHRASE, cost, &error);
  g_assert_no_error (error);
  pw_vault_lock (vault);
  before = snapshot (dir);

  /* Already cancelled. */
  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  pw_vault_unlock_async (vault, PASSPHRASE, cancellable, on_unlocked, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (pw_vault_get_locked (vault));
  async_result_clear (&r);

  /* Cancelled while the KDF runs. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  pw_vault_unlock_async (vault, PASSPHRASE, cancellable, on_unlocked, &r);
  g_timeout_add (5, cancel_soon, cancellable);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (pw_vault_get_locked (vault));
  g_assert_null (pw_vault_get_store (vault));
  async_result_clear (&r);

  /* Let the abandoned worker finish before looking at the files. */
  g_usleep (G_USEC_PER_SEC / 2);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  /* A cancelled create leaves nothing. */
  {
    g_autofree char *dir2 = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
    g_autofree char *sub = g_build_filename (dir2, "vault", NULL);
    g_autoptr(PwVault) vault2 = pw_vault_new (sub);

    g_clear_object (&cancellable);
    cancellable = g_cancellable_new ();
    pw_vault_create_async (vault2, "Front desk", PASSPHRASE, cost, cancellable, on_created, &r);
    g_timeout_add (5, cancel_soon, cancellable);
    g_main_loop_run (loop);
    g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    async_result_clear (&r);
    g_usleep (G_USEC_PER_SEC / 2);
    g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
    g_assert_false (pw_vault_exists (vault2));
    remove_tree (dir2);
  }

  assert_unlocks_with (vault, PASSPHRASE);
  g_clear_object (&vault);
  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

static char *
query_text (PwStore    *store,
            const char *sql)
{
  sqlite3 *db = pw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static void
assert_no_trace (const char *directory)
{
  GDir *dir = g_dir_open (directory, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_no_trace (path);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_false (contains (contents, len, "zebra-marker-7431", 17));
      g_assert_false (contains (contents, len, "TEST-001", 8));
    }
  g_dir_close (dir);
}

static void
test_records_survive (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwVault) fresh = NULL;
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autofree char *new_key = NULL;
  g_autofree char *actor = NULL;
  const char *steps[] = { "passphrase", "changed passphrase", "recovery key", "new recovery key" };
  gint64 id;

  pw_survivor_set_case_code (survivor, "TEST-001");
  pw_survivor_set_alias (survivor, "zebra-marker-7431");
  id = pw_store_add_survivor (pw_vault_get_store (fixture->vault), survivor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The audit log names the key slot that unlocked the vault. */
  actor = query_text (pw_vault_get_store (fixture->vault),
                      "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (actor, ==, pw_key_slot_get_id (pw_vault_get_current_slot (fixture->vault)));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(PwSurvivor) found = NULL;

      g_test_message ("unlock by %s", steps[i]);
      pw_vault_lock (fixture->vault);
      g_clear_object (&fresh);
      fresh = pw_vault_new (fixture->dir);

      switch (i)
        {
        case 0:
          g_assert_true (pw_vault_unlock (fresh, PASSPHRASE, &error));
          g_assert_true (pw_vault_change_passphrase (fresh, pw_key_slot_get_id (pw_vault_get_current_slot (fresh)),
                                                     OTHER_PASSPHRASE, pw_kdf_cost_fast (), &error));
          break;
        case 1:
          g_assert_true (pw_vault_unlock (fresh, OTHER_PASSPHRASE, &error));
          break;
        case 2:
          g_assert_true (pw_vault_unlock_with_recovery_key (fresh, fixture->recovery_key, &error));
          new_key = pw_vault_regenerate_recovery_key (fresh, pw_kdf_cost_fast (), &error);
          g_assert_nonnull (new_key);
          break;
        case 3:
          g_assert_true (pw_vault_unlock_with_recovery_key (fresh, new_key, &error));
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);

      found = pw_store_get_survivor (pw_vault_get_store (fresh), id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpstr (pw_survivor_get_case_code (found), ==, "TEST-001");
      g_assert_cmpstr (pw_survivor_get_alias (found), ==, "zebra-marker-7431");
      pw_vault_lock (fresh);
    }

  /* Locked, the files (backups included) hold no readable trace of her. */
  assert_no_trace (fixture->dir);
  {
    g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);

    g_assert_nonnull (dir);
    g_assert_nonnull (g_dir_read_name (dir));
  }
}

/* ------------------------------------------------------------------------ */
/* The real cost                                                            */

static void
test_default_cost_timing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-vault-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  AsyncResult r = { loop, FALSE, NULL, NULL, 0 };
  PwKdfCost cost = pw_kdf_cost_default ();
  gint64 start;
  double create_s, sync_s, async_s;
  guint source;

  start = g_get_monotonic_time ();
  key = pw_vault_create (vault, "Front desk", PASSPHRASE, cost, &error);
  g_assert_no_error (error);
  create_s = (g_get_monotonic_time () - start) / 1e6;
  pw_vault_lock (vault);

  start = g_get_monotonic_time ();
  g_assert_true (pw_vault_unlock (vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  sync_s = (g_get_monotonic_time () - start) / 1e6;
  pw_vault_lock (vault);

  /* The window must keep drawing meanwhile: count 10 ms ticks. */
  source = g_timeout_add (10, tick, &r);
  start = g_get_monotonic_time ();
  pw_vault_unlock_async (vault, PASSPHRASE, NULL, on_unlocked, &r);
  g_main_loop_run (loop);
  async_s = (g_get_monotonic_time () - start) / 1e6;
  g_source_remove (source);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  g_test_message ("default KDF cost: Argon2id opslimit %" G_GUINT64_FORMAT ", memlimit %" G_GSIZE_FORMAT " MiB",
                  cost.opslimit, cost.memlimit >> 20);
  g_test_message ("create (2 slots): %.2f s; unlock: %.2f s; async unlock: %.2f s with %u main loop ticks",
                  create_s, sync_s, async_s, r.ticks);

  /* Run on the main thread, the KDF would let no tick through. */
  g_assert_cmpuint (r.ticks, >=, (guint) (async_s * 100 / 4));
  g_assert_cmpfloat (async_s, >, 0.1);

  async_result_clear (&r);
  g_clear_object (&vault);
  remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* Backups                                                                  */

static gint64
add_test_survivor (PwVault    *vault,
                   const char *code)
{
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pw_survivor_set_case_code (survivor, code);
  pw_survivor_set_alias (survivor, "zebra-marker-7431");
  id = pw_store_add_survivor (pw_vault_get_store (vault), survivor, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
survivor_exists (PwVault *vault,
                 gint64   id)
{
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(GError) error = NULL;

  survivor = pw_store_get_survivor (pw_vault_get_store (vault), id, &error);
  return survivor != NULL;
}

static char *
backup_path (Fixture *fixture,
             gint64   when)
{
  g_autofree char *name = pw_store_backup_name (when);

  return g_build_filename (fixture->dir, "backups", name, NULL);
}

static void
test_backup_now (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) backups = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  add_test_survivor (fixture->vault, "TEST-001");
  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  g_assert_no_error (error);

  backups = pw_vault_list_backups (fixture->vault);
  g_assert_cmpuint (backups->len, ==, 1);
  path = backup_path (fixture, g_array_index (backups, gint64, 0));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_false (contains (contents, length, "zebra-marker-7431", strlen ("zebra-marker-7431")));

  /* A second backup in the same second gets its own name. */
  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  g_clear_pointer (&backups, g_array_unref);
  backups = pw_vault_list_backups (fixture->vault);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpint (g_array_index (backups, gint64, 0), >, g_array_index (backups, gint64, 1));

  /* Locked: refused, clearly. */
  pw_vault_lock (fixture->vault);
  g_assert_false (pw_vault_backup_now (fixture->vault, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED);
}

static void
test_backup_at_lock (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;

  add_test_survivor (fixture->vault, "TEST-001");
  pw_vault_lock (fixture->vault);
  first = pw_vault_list_backups (fixture->vault);
  g_assert_cmpuint (first->len, ==, 1);

  /* At most one a day. */
  g_assert_true (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  pw_vault_lock (fixture->vault);
  second = pw_vault_list_backups (fixture->vault);
  g_assert_cmpuint (second->len, ==, 1);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) backups = NULL;
  gint64 kept, later, when;

  kept = add_test_survivor (fixture->vault, "TEST-001");
  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  backups = pw_vault_list_backups (fixture->vault);
  when = g_array_index (backups, gint64, 0);
  later = add_test_survivor (fixture->vault, "TEST-002");

  g_assert_true (pw_vault_restore_backup (fixture->vault, when, &error));
  g_assert_no_error (error);
  g_assert_false (pw_vault_get_locked (fixture->vault));
  g_assert_true (survivor_exists (fixture->vault, kept));
  g_assert_false (survivor_exists (fixture->vault, later));

  /* The state before the restore was backed up first, and restores too. */
  g_clear_pointer (&backups, g_array_unref);
  backups = pw_vault_list_backups (fixture->vault);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (pw_vault_restore_backup (fixture->vault, g_array_index (backups, gint64, 0), &error));
  g_assert_no_error (error);
  g_assert_true (survivor_exists (fixture->vault, later));

  /* The restored vault survives lock and unlock, and writes go on. */
  pw_vault_lock (fixture->vault);
  g_assert_true (pw_vault_unlock (fixture->vault, PASSPHRASE, &error));
  g_assert_true (survivor_exists (fixture->vault, kept));
  g_assert_true (survivor_exists (fixture->vault, later));
  add_test_survivor (fixture->vault, "TEST-003");
}

static void
test_backup_restore_bad (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) backups = NULL;
  g_autofree char *path = NULL;
  gint64 kept;

  kept = add_test_survivor (fixture->vault, "TEST-001");
  g_assert_false (pw_vault_restore_backup (fixture->vault, 1000000, &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_BACKUP);
  g_clear_error (&error);

  /* A damaged backup is refused before anything changes. */
  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  backups = pw_vault_list_backups (fixture->vault);
  path = backup_path (fixture, g_array_index (backups, gint64, 0));
  g_assert_true (g_file_set_contents (path, "not a database at all", -1, NULL));
  g_assert_false (pw_vault_restore_backup (fixture->vault, g_array_index (backups, gint64, 0), &error));
  g_assert_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE);
  g_assert_false (pw_vault_get_locked (fixture->vault));
  g_assert_true (survivor_exists (fixture->vault, kept));
}

static void
test_backup_rotation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) backups = NULL;
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 now = g_get_real_time ();

  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  backups = pw_vault_list_backups (fixture->vault);
  source = backup_path (fixture, g_array_index (backups, gint64, 0));
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));

  /* Daily backups from the past month and a half. */
  for (int day = 1; day <= 45; day++)
    {
      g_autofree char *path = backup_path (fixture, now - (gint64) day * 24 * 3600 * G_USEC_PER_SEC);

      g_assert_true (g_file_set_contents (path, contents, length, NULL));
    }

  g_assert_true (pw_vault_backup_now (fixture->vault, &error));
  g_clear_pointer (&backups, g_array_unref);
  backups = pw_vault_list_backups (fixture->vault);
  /* The ten newest, plus the newest of each older month. */
  g_assert_cmpuint (backups->len, >=, 10);
  g_assert_cmpuint (backups->len, <=, 13);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  g_test_add_func ("/vault/key-slot/recovery-key-format", test_recovery_key_format);
  g_test_add_func ("/vault/key-slot/recovery-key-randomness", test_recovery_key_randomness);
  g_test_add_func ("/vault/key-slot/wrap", test_key_slot_wrap);
  g_test_add_func ("/vault/key-slot/v1-fixture", test_key_slot_fixture);
  g_test_add_func ("/vault/cost/levels", test_cost);

#define ADD(path, func, setup) \
  g_test_add ("/vault/" path, Fixture, NULL, setup, func, fixture_tear_down)

  g_test_add_func ("/vault/create/default-directory", test_default_directory);
  ADD ("create/basic", test_create, fixture_set_up);
  ADD ("create/exists", test_create_exists, fixture_set_up_created);
  g_test_add_func ("/vault/create/failure-leaves-nothing", test_create_failure_leaves_nothing);
  ADD ("unlock/passphrase", test_unlock_passphrase, fixture_set_up_created);
  ADD ("unlock/recovery-key", test_unlock_recovery_key, fixture_set_up_created);
  ADD ("unlock/wrong-passphrase", test_wrong_passphrase, fixture_set_up_created);
  ADD ("unlock/wrong-recovery-key", test_wrong_recovery_key, fixture_set_up_created);
  ADD ("unlock/not-found", test_not_found, fixture_set_up);
  ADD ("unlock/json-missing", test_json_missing, fixture_set_up_created);
  ADD ("unlock/db-missing", test_db_missing, fixture_set_up_created);
  ADD ("unlock/db-wrong-key", test_db_wrong_key, fixture_set_up_created);
  ADD ("unlock/damaged", test_damaged, fixture_set_up_created);
  ADD ("unlock/too-new", test_too_new, fixture_set_up_created);
  g_test_add_func ("/vault/unlock/too-new-fixture", test_fixture_too_new);
  g_test_add_func ("/vault/unlock/v1-fixture", test_fixture_v1);
  ADD ("slots/change-passphrase", test_change_passphrase, fixture_set_up_created);
  ADD ("slots/change-passphrase-fresh-salt", test_change_passphrase_fresh_salt, fixture_set_up_created);
  ADD ("slots/add", test_add_slot, fixture_set_up_created);
  ADD ("slots/remove", test_remove_slot, fixture_set_up_created);
  ADD ("slots/rename", test_rename_slot, fixture_set_up_created);
  ADD ("slots/regenerate-recovery-key", test_regenerate_recovery_key, fixture_set_up_created);
  ADD ("slots/need-unlock", test_slots_need_unlock, fixture_set_up_created);
  ADD ("files/no-secrets-in-json", test_no_secrets_in_json, fixture_set_up_created);
  ADD ("files/write-failure-keeps-old-file", test_write_failure_keeps_old_file, fixture_set_up_created);
  g_test_add_func ("/vault/files/not-writable-path", test_not_writable_path);
  g_test_add_func ("/vault/files/read-only-directory", test_read_only_directory);
  g_test_add_func ("/vault/async/basic", test_async);
  g_test_add_func ("/vault/async/cancel", test_async_cancel);
  ADD ("store/records-survive", test_records_survive, fixture_set_up_created);
  g_test_add_func ("/vault/cost/default-timing", test_default_cost_timing);
  ADD ("backups/now", test_backup_now, fixture_set_up_created);
  ADD ("backups/at-lock", test_backup_at_lock, fixture_set_up_created);
  ADD ("backups/restore", test_backup_restore, fixture_set_up_created);
  ADD ("backups/restore-bad", test_backup_restore_bad, fixture_set_up_created);
  ADD ("backups/rotation", test_backup_rotation, fixture_set_up_created);

  return g_test_run ();
}
