/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "pw-vault.h"

#define VAULT_FORMAT         "pathway-vault"
#define VAULT_FORMAT_VERSION 1

/* vault.json holds a handful of slots of ~400 bytes each. */
#define VAULT_JSON_MAX_SIZE (1 << 20)
#define VAULT_MAX_SLOTS     64

struct _PwVault
{
  GObject     parent_instance;

  char       *directory;
  char       *json_path;
  char       *db_path;

  GListStore *slots;
  PwKeySlot  *current_slot;

  /* sodium_malloc memory, kept PROT_NONE between uses; NULL while locked. */
  guint8     *master_key;
  PwStore    *store;
  gboolean    read_only;    /* unlocked on a folder or disk that refuses writes */
};

G_DEFINE_FINAL_TYPE (PwVault, pw_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (pw-vault-error-quark, pw_vault_error)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_LOCKED,
  PROP_STORE,
  PROP_CURRENT_SLOT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static void
set_not_writable (GError    **error,
                  const char *directory,
                  int         errsv)
{
  g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE,
               _("The vault folder “%s” cannot be written to (%s). Check its "
                 "permissions and the free disk space, then try again."),
               directory, g_strerror (errsv));
}

static void
set_damaged (PwVault    *self,
             GError    **error,
             const char *reason)
{
  /* The reason is technical and holds no secret: it helps support. */
  g_debug ("%s: %s", self->json_path, reason);
  g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DAMAGED,
               _("The vault’s key file “%s” is damaged and cannot be read. Restore "
                 "the file from a copy of the vault folder, then try again."),
               self->json_path);
}

static void
set_too_new (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_TOO_NEW,
                       _("This vault was written by a newer version of Pathway. "
                         "Update Pathway to open it; the vault was left unchanged."));
}

static void
set_wrong_recovery_key (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_RECOVERY_KEY,
                       _("The recovery key is not correct. Compare each group of "
                         "characters with the printed copy, then try again."));
}

static void
set_locked (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED,
                       _("The vault is locked. Unlock it, then try again."));
}

static void
set_no_memory (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_FAILED,
                       _("There is not enough memory to check the passphrase. Close "
                         "other programs, then try again."));
}

static void
set_no_such_slot (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_SLOT,
                       _("This passphrase no longer exists; it may have just been "
                         "removed. Reopen the list of passphrases and try again."));
}

static void
set_recovery_slot (GError **error)
{
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_RECOVERY_SLOT,
                       _("The recovery key cannot be removed or given a passphrase. "
                         "Create a new recovery key instead."));
}

static void
set_database_missing (PwVault  *self,
                      GError  **error)
{
  g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE,
               _("The vault’s database “%s” is missing. Check that the vault folder "
                 "was not moved or emptied, or restore a backup."),
               self->db_path);
}

static void
propagate_store_error (PwVault  *self,
                       GError   *store_error,
                       GError  **error)
{
  if (g_error_matches (store_error, PW_STORE_ERROR, PW_STORE_ERROR_WRONG_KEY))
    g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE,
                 _("The vault’s database “%s” does not match its key file, or it is "
                   "damaged. Restore the vault folder from a backup, then try again."),
                 self->db_path);
  else if (g_error_matches (store_error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW))
    set_too_new (error);
  else if (g_error_matches (store_error, PW_STORE_ERROR, PW_STORE_ERROR_IO))
    g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE,
                         store_error->message);
  else
    g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE,
                         store_error->message);

  g_error_free (store_error);
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static char *
secure_strdup (const char *text)
{
  gsize size = strlen (text) + 1;
  char *copy = sodium_malloc (size);

  if (copy != NULL)
    memcpy (copy, text, size);

  return copy;
}

static void
free_recovery_key (char *key)
{
  if (key != NULL)
    {
      sodium_memzero (key, strlen (key));
      g_free (key);
    }
}

static guint8 *
copy_master_key (PwVault *self)
{
  guint8 *copy = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);

  if (copy != NULL)
    {
      sodium_mprotect_readonly (self->master_key);
      memcpy (copy, self->master_key, PW_KEY_SLOT_MASTER_KEY_SIZE);
      sodium_mprotect_noaccess (self->master_key);
    }

  return copy;
}

/* As root, access() says yes to everything; the real write still reports. */
static gboolean
check_directory_writable (PwVault  *self,
                          GError  **error)
{
  if (access (self->directory, W_OK | X_OK) != 0)
    {
      set_not_writable (error, self->directory, errno);
      return FALSE;
    }

  return TRUE;
}

static PwKeySlot *
find_slot (PwVault    *self,
           const char *slot_id,
           guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slots));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwKeySlot) slot = g_list_model_get_item (G_LIST_MODEL (self->slots), i);

      if (g_str_equal (pw_key_slot_get_id (slot), slot_id))
        {
          if (position != NULL)
            *position = i;
          return slot;
        }
    }

  return NULL;
}

static PwKeySlot *
find_recovery_slot (PwVault *self,
                    guint   *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slots));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwKeySlot) slot = g_list_model_get_item (G_LIST_MODEL (self->slots), i);

      if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_RECOVERY)
        {
          if (position != NULL)
            *position = i;
          return slot;
        }
    }

  return NULL;
}

static char *
generate_unique_id (PwVault    *self,
                    const char *also_avoid)
{
  for (;;)
    {
      char *id = pw_key_slot_generate_id ();

      if (find_slot (self, id, NULL) == NULL && g_strcmp0 (id, also_avoid) != 0)
        return id;
      g_free (id);
    }
}

static GPtrArray *
copy_slots (PwVault *self)
{
  GPtrArray *slots = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slots));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (slots, g_list_model_get_item (G_LIST_MODEL (self->slots), i));

  return slots;
}

static void
replace_slots (PwVault   *self,
               GPtrArray *slots)
{
  g_list_store_splice (self->slots, 0, g_list_model_get_n_items (G_LIST_MODEL (self->slots)),
                       slots->pdata, slots->len);
}

/* Like replace_slots(), keeping the objects that did not change on disk so
 * that views bound to them stay put across lock and unlock. */
static void
reload_slots (PwVault   *self,
              GPtrArray *slots)
{
  for (guint i = 0; i < slots->len; i++)
    {
      PwKeySlot *known = find_slot (self, pw_key_slot_get_id (slots->pdata[i]), NULL);
      g_autoptr(JsonNode) a = NULL;
      g_autoptr(JsonNode) b = NULL;

      if (known == NULL)
        continue;

      a = pw_key_slot_to_json (known);
      b = pw_key_slot_to_json (slots->pdata[i]);
      if (json_node_equal (a, b))
        {
          g_object_unref (slots->pdata[i]);
          slots->pdata[i] = g_object_ref (known);
        }
    }

  if (slots->len == g_list_model_get_n_items (G_LIST_MODEL (self->slots)))
    {
      gboolean same = TRUE;

      for (guint i = 0; i < slots->len && same; i++)
        {
          g_autoptr(PwKeySlot) item = g_list_model_get_item (G_LIST_MODEL (self->slots), i);

          same = item == slots->pdata[i];
        }
      if (same)
        return;
    }

  replace_slots (self, slots);
}

static void
set_current_slot (PwVault   *self,
                  PwKeySlot *slot)
{
  if (self->current_slot == slot)
    return;

  if (self->current_slot != NULL)
    pw_key_slot_set_current (self->current_slot, FALSE);
  g_set_object (&self->current_slot, slot);
  if (slot != NULL)
    pw_key_slot_set_current (slot, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SLOT]);
}

/* ------------------------------------------------------------------------ */
/* vault.json                                                               */

/* json-glib 1.6 ignores whatever follows the root value, so a file with a
 * second document glued on would parse. Find the end of the root object
 * ourselves and insist that only white space follows. */
static gboolean
is_single_object (const char *text,
                  gsize       len)
{
  gboolean in_string = FALSE;
  int depth = 0;
  gsize i = 0;

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i == len || text[i] != '{')
    return FALSE;

  for (; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            {
              i++;
              break;
            }
        }
    }

  if (depth != 0)
    return FALSE;

  while (i < len && g_ascii_isspace (text[i]))
    i++;

  return i == len;
}

/* json-glib 1.6 keeps the last of duplicate keys without a word: count
 * the members as they are parsed and compare with what the object kept. */
typedef struct
{
  GHashTable *counts;
  gboolean    duplicate;
} DuplicateCheck;

static void
on_object_member (JsonParser     *parser,
                  JsonObject     *object,
                  const char     *name,
                  DuplicateCheck *check)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (check->counts, object));

  g_hash_table_insert (check->counts, object, GUINT_TO_POINTER (count + 1));
}

static void
on_object_end (JsonParser     *parser,
               JsonObject     *object,
               DuplicateCheck *check)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (check->counts, object));

  if (count != json_object_get_size (object))
    check->duplicate = TRUE;
}

static GPtrArray *
parse_slots (PwVault     *self,
             const char  *text,
             gsize        len,
             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) names = NULL;
  DuplicateCheck check = { NULL, FALSE };
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  guint n_passphrase = 0, n_recovery = 0;

  if (len == 0)
    {
      set_damaged (self, error, "the file is empty");
      return NULL;
    }
  if (memchr (text, '\0', len) != NULL || !g_utf8_validate (text, len, NULL))
    {
      set_damaged (self, error, "the file is not UTF-8 text");
      return NULL;
    }
  if (!is_single_object (text, len))
    {
      set_damaged (self, error, "the file is not one JSON object");
      return NULL;
    }

  counts = g_hash_table_new (NULL, NULL);
  check.counts = counts;
  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &check);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &check);

  if (!json_parser_load_from_data (parser, text, len, &local_error))
    {
      set_damaged (self, error, local_error->message);
      return NULL;
    }
  if (check.duplicate)
    {
      set_damaged (self, error, "an object has a duplicate member");
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_damaged (self, error, "the root is not an object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), VAULT_FORMAT))
    {
      set_damaged (self, error, "\"format\" is not \"" VAULT_FORMAT "\"");
      return NULL;
    }

  /* Before anything else: a newer format may look different. */
  node = json_object_get_member (root, "format_version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      set_damaged (self, error, "\"format_version\" is not a positive integer");
      return NULL;
    }
  if (json_node_get_int (node) > VAULT_FORMAT_VERSION)
    {
      set_too_new (error);
      return NULL;
    }

  names = json_object_get_members (root);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "format") &&
          !g_str_equal (l->data, "format_version") &&
          !g_str_equal (l->data, "slots"))
        {
          g_autofree char *reason = g_strdup_printf ("unknown member \"%s\"",
                                                     (const char *) l->data);
          set_damaged (self, error, reason);
          return NULL;
        }
    }

  node = json_object_get_member (root, "slots");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_damaged (self, error, "\"slots\" is missing or not an array");
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > VAULT_MAX_SLOTS)
    {
      set_damaged (self, error, "\"slots\" is empty or too long");
      return NULL;
    }

  slots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *reason = NULL;
      PwKeySlot *slot;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          reason = g_strdup_printf ("slot %u is not an object", i);
          set_damaged (self, error, reason);
          return NULL;
        }

      slot = pw_key_slot_new_from_json (json_node_get_object (element), &reason);
      if (slot == NULL)
        {
          g_autofree char *full = g_strdup_printf ("slot %u: %s", i, reason);
          set_damaged (self, error, full);
          return NULL;
        }
      g_ptr_array_add (slots, slot);

      for (guint j = 0; j < i; j++)
        if (g_str_equal (pw_key_slot_get_id (slots->pdata[j]), pw_key_slot_get_id (slot)))
          {
            set_damaged (self, error, "two slots have the same id");
            return NULL;
          }

      if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_RECOVERY)
        n_recovery++;
      else
        n_passphrase++;
    }

  if (n_passphrase == 0 || n_recovery > 1)
    {
      set_damaged (self, error, "no passphrase slot, or more than one recovery slot");
      return NULL;
    }

  return g_steal_pointer (&slots);
}

static GPtrArray *
load_slots (PwVault  *self,
            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (self->json_path, &text, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          if (g_file_test (self->db_path, G_FILE_TEST_EXISTS))
            g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DAMAGED,
                         _("The vault’s key file “%s” is missing, so the vault cannot "
                           "be opened. Restore the file from a copy of the vault "
                           "folder, then try again."),
                         self->json_path);
          else
            g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_FOUND,
                         _("There is no vault in “%s” yet. Create a vault to start."),
                         self->directory);
        }
      else
        set_damaged (self, error, local_error->message);

      return NULL;
    }

  if (len > VAULT_JSON_MAX_SIZE)
    {
      set_damaged (self, error, "the file is too large");
      return NULL;
    }

  return parse_slots (self, text, len, error);
}

/* Temporary file in the same directory, write, fsync, rename, fsync of
 * the directory: vault.json is always either the old or the new file. */
static gboolean
write_file_atomically (PwVault     *self,
                       const char  *contents,
                       gsize        len,
                       GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (self->json_path, ".tmp", NULL);
  gsize written = 0;
  int fd, dir_fd;

  fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      set_not_writable (error, self->directory, errno);
      return FALSE;
    }

  while (written < len)
    {
      gssize n = write (fd, contents + written, len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto failed;
      written += n;
    }

  if (fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmp_path, self->json_path) != 0)
    goto failed;

  /* The new name is not durable until the directory entry is. */
  dir_fd = g_open (self->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0 || fsync (dir_fd) != 0)
    g_warning ("Could not flush the vault folder to disk: %s", g_strerror (errno));
  if (dir_fd >= 0)
    close (dir_fd);

  return TRUE;

failed:
  {
    int errsv = errno != 0 ? errno : EIO;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp_path);
    set_not_writable (error, self->directory, errsv);
    return FALSE;
  }
}

/* @rename_id/@label: write that slot with a new label. */
static gboolean
write_slots (PwVault     *self,
             GPtrArray   *slots,
             const char  *rename_id,
             const char  *label,
             GError     **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  JsonObject *object;
  JsonArray *array;
  gsize len;

  array = json_array_sized_new (slots->len);
  for (guint i = 0; i < slots->len; i++)
    {
      PwKeySlot *slot = slots->pdata[i];
      JsonNode *node = pw_key_slot_to_json (slot);

      if (rename_id != NULL && g_str_equal (pw_key_slot_get_id (slot), rename_id))
        json_object_set_string_member (json_node_get_object (node), "label", label);
      json_array_add_element (array, node);
    }

  object = json_object_new ();
  json_object_set_string_member (object, "format", VAULT_FORMAT);
  json_object_set_int_member (object, "format_version", VAULT_FORMAT_VERSION);
  json_object_set_array_member (object, "slots", array);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  contents = json_generator_to_data (generator, &len);

  {
    g_autofree char *with_newline = g_strconcat (contents, "\n", NULL);

    return write_file_atomically (self, with_newline, len + 1, error);
  }
}

/* ------------------------------------------------------------------------ */
/* Jobs: prepare (main thread), work (any thread: the KDF), commit (main)    */

typedef enum
{
  JOB_CREATE,
  JOB_UNLOCK,
  JOB_UNLOCK_RECOVERY,
  JOB_ADD,
  JOB_CHANGE,
  JOB_REGENERATE,
} JobKind;

typedef struct
{
  JobKind     kind;
  PwKdfCost   cost;
  char       *secret;       /* sodium_malloc */
  char       *label;
  char       *slot_id;
  char       *recovery_id;  /* JOB_CREATE */
  GDateTime  *created;
  guint8     *master_key;   /* sodium_malloc */
  GPtrArray  *candidates;   /* unlock: the slots to try */
  gboolean    read_only;    /* unlock: the folder refuses writes */

  /* Results of the work */
  GPtrArray  *new_slots;
  PwKeySlot  *opened;
  char       *recovery_key;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->secret, sodium_free);
  g_clear_pointer (&job->master_key, sodium_free);
  g_clear_pointer (&job->label, g_free);
  g_clear_pointer (&job->slot_id, g_free);
  g_clear_pointer (&job->recovery_id, g_free);
  g_clear_pointer (&job->created, g_date_time_unref);
  g_clear_pointer (&job->candidates, g_ptr_array_unref);
  g_clear_pointer (&job->new_slots, g_ptr_array_unref);
  g_clear_object (&job->opened);
  g_clear_pointer (&job->recovery_key, free_recovery_key);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (JobKind     kind,
         PwKdfCost   cost,
         const char *secret,
         GError    **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);

  job->kind = kind;
  job->cost = cost;
  job->created = g_date_time_new_now_utc ();
  job->new_slots = g_ptr_array_new_with_free_func (g_object_unref);

  if (secret != NULL && (job->secret = secure_strdup (secret)) == NULL)
    {
      set_no_memory (error);
      return NULL;
    }

  return g_steal_pointer (&job);
}

static gboolean
prepare_unlock (PwVault  *self,
                Job      *job,
                GError  **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  PwKeySlotKind wanted;

  slots = load_slots (self, error);
  if (slots == NULL)
    return FALSE;

  /* Show what the file holds now, even if this attempt fails. */
  reload_slots (self, slots);

  if (!g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    {
      set_database_missing (self, error);
      return FALSE;
    }

  /* A folder or disk that refuses writes still lets her read her cases. */
  if (access (self->directory, W_OK | X_OK) != 0)
    {
      int errsv = errno;

      if (errsv != EROFS && errsv != EACCES && errsv != EPERM)
        {
          set_not_writable (error, self->directory, errsv);
          return FALSE;
        }
      job->read_only = TRUE;
    }

  if (job->kind == JOB_UNLOCK_RECOVERY)
    {
      char *canonical = pw_key_slot_normalize_recovery_key (job->secret);

      /* Not even the right shape: no need to spend a second on the KDF. */
      if (canonical == NULL)
        {
          set_wrong_recovery_key (error);
          return FALSE;
        }
      sodium_free (job->secret);
      job->secret = canonical;
    }

  wanted = job->kind == JOB_UNLOCK_RECOVERY ? PW_KEY_SLOT_RECOVERY : PW_KEY_SLOT_PASSPHRASE;
  job->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < slots->len; i++)
    if (pw_key_slot_get_kind (slots->pdata[i]) == wanted)
      g_ptr_array_add (job->candidates, g_object_ref (slots->pdata[i]));

  job->master_key = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  if (job->master_key == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_no_vault (PwVault  *self,
                GError  **error)
{
  if (pw_vault_exists (self))
    {
      g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_EXISTS,
                   _("A vault already exists in “%s”. Unlock it instead, or move the "
                     "folder away to create a new vault."),
                   self->directory);
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_create (PwVault  *self,
                Job      *job,
                GError  **error)
{
  if (!check_no_vault (self, error))
    return FALSE;

  /* Fail before the slow part when we already know the answer. */
  if (g_file_test (self->directory, G_FILE_TEST_EXISTS) &&
      !check_directory_writable (self, error))
    return FALSE;

  job->slot_id = pw_key_slot_generate_id ();
  do
    {
      g_free (job->recovery_id);
      job->recovery_id = pw_key_slot_generate_id ();
    }
  while (g_str_equal (job->slot_id, job->recovery_id));

  job->master_key = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE);
  if (job->master_key == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_slot_change (PwVault  *self,
                     Job      *job,
                     GError  **error)
{
  if (self->master_key == NULL)
    {
      set_locked (error);
      return FALSE;
    }

  if (job->kind == JOB_CHANGE)
    {
      PwKeySlot *slot = find_slot (self, job->slot_id, NULL);

      if (slot == NULL)
        {
          set_no_such_slot (error);
          return FALSE;
        }
      if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_RECOVERY)
        {
          set_recovery_slot (error);
          return FALSE;
        }
      job->label = g_strdup (pw_key_slot_get_label (slot));
      g_date_time_unref (job->created);
      job->created = g_date_time_ref (pw_key_slot_get_created (slot));
    }
  else
    {
      job->slot_id = generate_unique_id (self, NULL);
    }

  if (!check_directory_writable (self, error))
    return FALSE;

  job->master_key = copy_master_key (self);
  if (job->master_key == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
job_prepare (PwVault  *self,
             Job      *job,
             GError  **error)
{
  switch (job->kind)
    {
    case JOB_CREATE:
      return prepare_create (self, job, error);

    case JOB_UNLOCK:
    case JOB_UNLOCK_RECOVERY:
      return prepare_unlock (self, job, error);

    case JOB_ADD:
    case JOB_CHANGE:
    case JOB_REGENERATE:
      return prepare_slot_change (self, job, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
wrap_into (Job            *job,
           const char     *id,
           PwKeySlotKind   kind,
           const char     *label,
           const char     *secret,
           GError        **error)
{
  PwKeySlot *slot;

  slot = pw_key_slot_new_wrapped (id, kind, label, job->created, secret,
                                  job->master_key, job->cost, NULL);
  if (slot == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }

  g_ptr_array_add (job->new_slots, slot);

  return TRUE;
}

static gboolean
wrap_new_recovery_key (Job          *job,
                       const char   *id,
                       GError      **error)
{
  char *canonical;
  gboolean ok;

  job->recovery_key = pw_key_slot_generate_recovery_key ();
  canonical = pw_key_slot_normalize_recovery_key (job->recovery_key);
  if (canonical == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }

  ok = wrap_into (job, id, PW_KEY_SLOT_RECOVERY, "", canonical, error);
  sodium_free (canonical);

  return ok;
}

/* Runs in a worker thread for the async calls: it touches only @job and
 * the immutable parts of the slots in it. */
static gboolean
job_work (Job           *job,
          GCancellable  *cancellable,
          GError       **error)
{
  switch (job->kind)
    {
    case JOB_CREATE:
      randombytes_buf (job->master_key, PW_KEY_SLOT_MASTER_KEY_SIZE);
      return wrap_into (job, job->slot_id, PW_KEY_SLOT_PASSPHRASE, job->label, job->secret, error) &&
             !g_cancellable_set_error_if_cancelled (cancellable, error) &&
             wrap_new_recovery_key (job, job->recovery_id, error);

    case JOB_UNLOCK:
    case JOB_UNLOCK_RECOVERY:
      for (guint i = 0; i < job->candidates->len; i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          if (pw_key_slot_unwrap (job->candidates->pdata[i], job->secret,
                                  job->master_key, &local_error))
            {
              job->opened = g_object_ref (job->candidates->pdata[i]);
              return TRUE;
            }

          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
            {
              set_no_memory (error);
              return FALSE;
            }
        }

      if (job->kind == JOB_UNLOCK_RECOVERY)
        set_wrong_recovery_key (error);
      else
        g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE,
                             _("The passphrase is not correct. Check the keyboard layout "
                               "and Caps Lock, then try again."));
      return FALSE;

    case JOB_ADD:
    case JOB_CHANGE:
      return wrap_into (job, job->slot_id, PW_KEY_SLOT_PASSPHRASE, job->label, job->secret, error);

    case JOB_REGENERATE:
      return wrap_new_recovery_key (job, job->slot_id, error);

    default:
      g_assert_not_reached ();
    }
}

static void
remove_database_files (PwVault *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* Keeps @master_key (stolen), @store and @slot as the unlocked state. */
static void
become_unlocked (PwVault   *self,
                 guint8   **master_key,
                 PwStore   *store,
                 PwKeySlot *slot)
{
  g_assert (self->master_key == NULL);

  self->master_key = g_steal_pointer (master_key);
  sodium_mprotect_noaccess (self->master_key);
  self->store = store;
  pw_store_set_actor (store, pw_key_slot_get_id (slot));

  g_object_freeze_notify (G_OBJECT (self));
  if (pw_store_is_read_only (store))
    {
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
  set_current_slot (self, slot);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
commit_create (PwVault  *self,
               Job      *job,
               GError  **error)
{
  GError *store_error = NULL;
  gboolean made_directory;
  PwStore *store;

  /* Again: the KDF gave time for another vault to appear. */
  if (!check_no_vault (self, error))
    return FALSE;

  made_directory = !g_file_test (self->directory, G_FILE_TEST_IS_DIR);
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      set_not_writable (error, self->directory, errno);
      return FALSE;
    }

  if (!check_directory_writable (self, error))
    goto failed;

  store = pw_store_open (self->db_path, job->master_key, PW_STORE_OPEN_CREATE, &store_error);
  if (store == NULL)
    {
      propagate_store_error (self, store_error, error);
      goto failed;
    }

  if (!write_slots (self, job->new_slots, NULL, NULL, error))
    {
      pw_store_close (store);
      g_object_unref (store);
      goto failed;
    }

  replace_slots (self, job->new_slots);
  become_unlocked (self, &job->master_key, store, job->new_slots->pdata[0]);

  return TRUE;

failed:
  remove_database_files (self);
  if (made_directory)
    g_rmdir (self->directory);
  return FALSE;
}

static gboolean
commit_unlock (PwVault  *self,
               Job      *job,
               GError  **error)
{
  GError *store_error = NULL;
  PwKeySlot *slot;
  PwStore *store;

  /* Another unlock won the race: the caller has what it asked for. */
  if (self->master_key != NULL)
    return TRUE;

  /* The model may have been reloaded meanwhile: mark the object it holds. */
  slot = find_slot (self, pw_key_slot_get_id (job->opened), NULL);
  if (slot == NULL)
    slot = job->opened;

  store = pw_store_open (self->db_path, job->master_key,
                         job->read_only ? PW_STORE_OPEN_READ_ONLY : PW_STORE_OPEN_DEFAULT,
                         &store_error);

  /* A full disk has no room for the file SQLite shares between
   * connections: read what is there rather than nothing. */
  if (store == NULL && !job->read_only &&
      g_error_matches (store_error, PW_STORE_ERROR, PW_STORE_ERROR_IO))
    {
      g_clear_error (&store_error);
      store = pw_store_open (self->db_path, job->master_key, PW_STORE_OPEN_READ_ONLY, &store_error);
    }

  if (store == NULL)
    {
      propagate_store_error (self, store_error, error);
      return FALSE;
    }

  become_unlocked (self, &job->master_key, store, slot);

  return TRUE;
}

static gboolean
commit_slot_change (PwVault  *self,
                    Job      *job,
                    GError  **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  PwKeySlot *new_slot = job->new_slots->pdata[0];
  PwKeySlot *old_slot = NULL;
  guint position = 0;

  if (self->master_key == NULL)
    {
      set_locked (error);
      return FALSE;
    }

  slots = copy_slots (self);

  switch (job->kind)
    {
    case JOB_ADD:
      position = slots->len;
      g_ptr_array_add (slots, g_object_ref (new_slot));
      break;

    case JOB_CHANGE:
      old_slot = find_slot (self, job->slot_id, &position);
      if (old_slot == NULL)
        {
          set_no_such_slot (error);
          return FALSE;
        }
      /* Renamed while the KDF ran. */
      pw_key_slot_set_label (new_slot, pw_key_slot_get_label (old_slot));
      g_ptr_array_remove_index (slots, position);
      g_ptr_array_insert (slots, position, g_object_ref (new_slot));
      break;

    case JOB_REGENERATE:
      old_slot = find_recovery_slot (self, &position);
      if (old_slot != NULL)
        g_ptr_array_remove_index (slots, position);
      else
        position = slots->len;
      g_ptr_array_insert (slots, position, g_object_ref (new_slot));
      break;

    default:
      g_assert_not_reached ();
    }

  if (!write_slots (self, slots, NULL, NULL, error))
    return FALSE;

  if (old_slot != NULL)
    {
      g_autoptr(PwKeySlot) keep = g_object_ref (old_slot);

      g_list_store_splice (self->slots, position, 1, (gpointer *) &new_slot, 1);
      if (self->current_slot == keep)
        set_current_slot (self, new_slot);
    }
  else
    g_list_store_insert (self->slots, position, new_slot);

  return TRUE;
}

static gboolean
job_commit (PwVault  *self,
            Job      *job,
            GError  **error)
{
  switch (job->kind)
    {
    case JOB_CREATE:
      return commit_create (self, job, error);

    case JOB_UNLOCK:
    case JOB_UNLOCK_RECOVERY:
      return commit_unlock (self, job, error);

    case JOB_ADD:
    case JOB_CHANGE:
    case JOB_REGENERATE:
      return commit_slot_change (self, job, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
job_run_sync (PwVault  *self,
              Job      *job,
              GError  **error)
{
  return job_prepare (self, job, error) &&
         job_work (job, NULL, error) &&
         job_commit (self, job, error);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (job_work (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
job_worked (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PwVault *self = PW_VAULT (source_object);
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !job_commit (self, job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case JOB_CREATE:
    case JOB_REGENERATE:
      g_task_return_pointer (task, g_steal_pointer (&job->recovery_key), (GDestroyNotify) free_recovery_key);
      break;

    case JOB_ADD:
      g_task_return_pointer (task, g_object_ref (job->new_slots->pdata[0]), g_object_unref);
      break;

    case JOB_UNLOCK:
    case JOB_UNLOCK_RECOVERY:
    case JOB_CHANGE:
    default:
      g_task_return_boolean (task, TRUE);
    }
}

/* The KDF runs in a thread; the result is applied back on the caller's
 * main context before @callback sees it. */
static void
job_run_async (PwVault             *self,
               Job                 *job,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(Job) owned = job;
  GError *error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !job_prepare (self, job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  worker = g_task_new (self, cancellable, job_worked, g_steal_pointer (&task));
  g_task_set_source_tag (worker, job_run_async);
  g_task_set_task_data (worker, g_steal_pointer (&owned), (GDestroyNotify) job_free);
  /* A Cancel button answers at once; the KDF in flight finishes unseen. */
  g_task_set_return_on_cancel (worker, TRUE);
  g_task_run_in_thread (worker, job_thread);
}

static Job *
job_new_or_report (PwVault             *self,
                   JobKind              kind,
                   PwKdfCost            cost,
                   const char          *secret,
                   gpointer             source_tag,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GError *error = NULL;
  Job *job = job_new (kind, cost, secret, &error);

  if (job == NULL)
    g_task_report_error (self, callback, user_data, source_tag, error);

  return job;
}

/* Every job's _finish: @result is the task @source_tag started on @self.
 * Jobs that give something back (a recovery key, a new slot) return it in
 * @value; the others, only whether they succeeded. */
static gboolean
job_finish (PwVault       *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            gpointer      *value,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  if (value == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);
  *value = g_task_propagate_pointer (G_TASK (result), error);
  return *value != NULL;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
pw_vault_dispose (GObject *object)
{
  PwVault *self = PW_VAULT (object);

  if (self->store != NULL)
    pw_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->master_key, sodium_free);
  g_clear_object (&self->current_slot);
  if (self->slots != NULL)
    g_list_store_remove_all (self->slots);

  G_OBJECT_CLASS (pw_vault_parent_class)->dispose (object);
}

static void
pw_vault_finalize (GObject *object)
{
  PwVault *self = PW_VAULT (object);

  g_clear_object (&self->slots);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->json_path, g_free);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (pw_vault_parent_class)->finalize (object);
}

static void
pw_vault_constructed (GObject *object)
{
  PwVault *self = PW_VAULT (object);

  G_OBJECT_CLASS (pw_vault_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), BASE_ID, NULL);
  self->json_path = g_build_filename (self->directory, "vault.json", NULL);
  self->db_path = g_build_filename (self->directory, "vault.db", NULL);
}

static void
pw_vault_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PwVault *self = PW_VAULT (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, pw_vault_get_locked (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CURRENT_SLOT:
      g_value_set_object (value, self->current_slot);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_vault_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PwVault *self = PW_VAULT (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_vault_class_init (PwVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_vault_constructed;
  object_class->dispose = pw_vault_dispose;
  object_class->finalize = pw_vault_finalize;
  object_class->get_property = pw_vault_get_property;
  object_class->set_property = pw_vault_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PW_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_SLOT] =
    g_param_spec_object ("current-slot", NULL, NULL, PW_TYPE_KEY_SLOT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

static void
pw_vault_init (PwVault *self)
{
  self->slots = g_list_store_new (PW_TYPE_KEY_SLOT);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

PwVault *
pw_vault_new (const char *directory)
{
  return g_object_new (PW_TYPE_VAULT, "directory", directory, NULL);
}

const char *
pw_vault_get_directory (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), NULL);

  return self->directory;
}

gboolean
pw_vault_exists (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);

  /* Either file: with only one of them the lock screen explains what is
   * missing, rather than offering to create a vault over the other. */
  return g_file_test (self->json_path, G_FILE_TEST_EXISTS) ||
         g_file_test (self->db_path, G_FILE_TEST_EXISTS);
}

gboolean
pw_vault_get_read_only (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);

  return self->read_only;
}

const char *
pw_vault_read_only_sentence (void)
{
  return _("The vault’s folder cannot be written to, or the disk is full: you can read the "
           "case files, but no change can be saved until there is room or the folder can be "
           "written to again.");
}

gboolean
pw_vault_get_locked (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), TRUE);

  return self->master_key == NULL;
}

PwStore *
pw_vault_get_store (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), NULL);

  return self->store;
}

GListModel *
pw_vault_get_slots (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), NULL);

  return G_LIST_MODEL (self->slots);
}

PwKeySlot *
pw_vault_get_current_slot (PwVault *self)
{
  g_return_val_if_fail (PW_IS_VAULT (self), NULL);

  return self->current_slot;
}

static gboolean
label_is_valid (const char *label)
{
  return label != NULL && strlen (label) <= PW_KEY_SLOT_LABEL_MAX && g_utf8_validate (label, -1, NULL);
}

char *
pw_vault_create (PwVault     *self,
                 const char  *label,
                 const char  *passphrase,
                 PwKdfCost    cost,
                 GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), NULL);
  g_return_val_if_fail (label_is_valid (label), NULL);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', NULL);
  g_return_val_if_fail (pw_vault_get_locked (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = job_new (JOB_CREATE, cost, passphrase, error);
  if (job == NULL)
    return NULL;
  job->label = g_strdup (label);

  if (!job_run_sync (self, job, error))
    return NULL;

  return g_steal_pointer (&job->recovery_key);
}

void
pw_vault_create_async (PwVault             *self,
                       const char          *label,
                       const char          *passphrase,
                       PwKdfCost            cost,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (label_is_valid (label));
  g_return_if_fail (passphrase != NULL && *passphrase != '\0');
  g_return_if_fail (pw_vault_get_locked (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_CREATE, cost, passphrase, pw_vault_create_async,
                           callback, user_data);
  if (job == NULL)
    return;
  job->label = g_strdup (label);

  job_run_async (self, job, pw_vault_create_async, cancellable, callback, user_data);
}

char *
pw_vault_create_finish (PwVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  gpointer recovery_key = NULL;

  job_finish (self, result, pw_vault_create_async, &recovery_key, error);
  return recovery_key;
}

gboolean
pw_vault_unlock (PwVault     *self,
                 const char  *passphrase,
                 GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (pw_vault_get_locked (self), FALSE);

  job = job_new (JOB_UNLOCK, pw_kdf_cost_default (), passphrase, error);

  return job != NULL && job_run_sync (self, job, error);
}

void
pw_vault_unlock_async (PwVault             *self,
                       const char          *passphrase,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);
  g_return_if_fail (pw_vault_get_locked (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_UNLOCK, pw_kdf_cost_default (), passphrase,
                           pw_vault_unlock_async, callback, user_data);
  if (job != NULL)
    job_run_async (self, job, pw_vault_unlock_async, cancellable, callback, user_data);
}

gboolean
pw_vault_unlock_finish (PwVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return job_finish (self, result, pw_vault_unlock_async, NULL, error);
}

gboolean
pw_vault_unlock_with_recovery_key (PwVault     *self,
                                   const char  *recovery_key,
                                   GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (recovery_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (pw_vault_get_locked (self), FALSE);

  job = job_new (JOB_UNLOCK_RECOVERY, pw_kdf_cost_default (), recovery_key, error);

  return job != NULL && job_run_sync (self, job, error);
}

void
pw_vault_unlock_with_recovery_key_async (PwVault             *self,
                                         const char          *recovery_key,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (recovery_key != NULL);
  g_return_if_fail (pw_vault_get_locked (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_UNLOCK_RECOVERY, pw_kdf_cost_default (), recovery_key,
                           pw_vault_unlock_with_recovery_key_async, callback, user_data);
  if (job != NULL)
    job_run_async (self, job, pw_vault_unlock_with_recovery_key_async, cancellable,
                   callback, user_data);
}

gboolean
pw_vault_unlock_with_recovery_key_finish (PwVault       *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return job_finish (self, result, pw_vault_unlock_with_recovery_key_async, NULL, error);
}

void
pw_vault_lock (PwVault *self)
{
  g_return_if_fail (PW_IS_VAULT (self));

  if (self->master_key == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A failed backup (read-only or full disk) must not keep the vault
       * open; the next lock retries. */
      if (!pw_vault_backup_if_due (self, &error))
        g_debug ("No backup was taken at lock: %s", error->message);
      pw_store_close (self->store);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->master_key, sodium_free);
  set_current_slot (self, NULL);
  if (self->read_only)
    {
      self->read_only = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  g_object_thaw_notify (G_OBJECT (self));
}

PwKeySlot *
pw_vault_add_passphrase_slot (PwVault     *self,
                              const char  *label,
                              const char  *passphrase,
                              PwKdfCost    cost,
                              GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), NULL);
  g_return_val_if_fail (label_is_valid (label), NULL);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = job_new (JOB_ADD, cost, passphrase, error);
  if (job == NULL)
    return NULL;
  job->label = g_strdup (label);

  if (!job_run_sync (self, job, error))
    return NULL;

  return g_object_ref (job->new_slots->pdata[0]);
}

void
pw_vault_add_passphrase_slot_async (PwVault             *self,
                                    const char          *label,
                                    const char          *passphrase,
                                    PwKdfCost            cost,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (label_is_valid (label));
  g_return_if_fail (passphrase != NULL && *passphrase != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_ADD, cost, passphrase,
                           pw_vault_add_passphrase_slot_async, callback, user_data);
  if (job == NULL)
    return;
  job->label = g_strdup (label);

  job_run_async (self, job, pw_vault_add_passphrase_slot_async, cancellable, callback, user_data);
}

PwKeySlot *
pw_vault_add_passphrase_slot_finish (PwVault       *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gpointer slot = NULL;

  job_finish (self, result, pw_vault_add_passphrase_slot_async, &slot, error);
  return slot;
}

gboolean
pw_vault_change_passphrase (PwVault     *self,
                            const char  *slot_id,
                            const char  *passphrase,
                            PwKdfCost    cost,
                            GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = job_new (JOB_CHANGE, cost, passphrase, error);
  if (job == NULL)
    return FALSE;
  job->slot_id = g_strdup (slot_id);

  return job_run_sync (self, job, error);
}

void
pw_vault_change_passphrase_async (PwVault             *self,
                                  const char          *slot_id,
                                  const char          *passphrase,
                                  PwKdfCost            cost,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (slot_id != NULL);
  g_return_if_fail (passphrase != NULL && *passphrase != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_CHANGE, cost, passphrase,
                           pw_vault_change_passphrase_async, callback, user_data);
  if (job == NULL)
    return;
  job->slot_id = g_strdup (slot_id);

  job_run_async (self, job, pw_vault_change_passphrase_async, cancellable, callback, user_data);
}

gboolean
pw_vault_change_passphrase_finish (PwVault       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return job_finish (self, result, pw_vault_change_passphrase_async, NULL, error);
}

gboolean
pw_vault_rename_slot (PwVault     *self,
                      const char  *slot_id,
                      const char  *label,
                      GError     **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  PwKeySlot *slot;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);
  g_return_val_if_fail (label_is_valid (label), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->master_key == NULL)
    {
      set_locked (error);
      return FALSE;
    }

  slot = find_slot (self, slot_id, NULL);
  if (slot == NULL)
    {
      set_no_such_slot (error);
      return FALSE;
    }

  if (g_str_equal (pw_key_slot_get_label (slot), label))
    return TRUE;

  slots = copy_slots (self);
  if (!write_slots (self, slots, slot_id, label, error))
    return FALSE;

  pw_key_slot_set_label (slot, label);

  return TRUE;
}

gboolean
pw_vault_remove_slot (PwVault     *self,
                      const char  *slot_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  PwKeySlot *slot;
  guint position, n_passphrase = 0;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->master_key == NULL)
    {
      set_locked (error);
      return FALSE;
    }

  slot = find_slot (self, slot_id, &position);
  if (slot == NULL)
    {
      set_no_such_slot (error);
      return FALSE;
    }

  if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_RECOVERY)
    {
      set_recovery_slot (error);
      return FALSE;
    }

  slots = copy_slots (self);
  for (guint i = 0; i < slots->len; i++)
    if (pw_key_slot_get_kind (slots->pdata[i]) == PW_KEY_SLOT_PASSPHRASE)
      n_passphrase++;

  if (n_passphrase <= 1)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LAST_PASSPHRASE,
                           _("This is the only passphrase of the vault, so it cannot be "
                             "removed. Add another passphrase first."));
      return FALSE;
    }

  g_ptr_array_remove_index (slots, position);
  if (!write_slots (self, slots, NULL, NULL, error))
    return FALSE;

  /* The audit log keeps naming the removed slot until the next unlock. */
  if (self->current_slot == slot)
    set_current_slot (self, NULL);
  g_list_store_remove (self->slots, position);

  return TRUE;
}

char *
pw_vault_regenerate_recovery_key (PwVault     *self,
                                  PwKdfCost    cost,
                                  GError     **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = job_new (JOB_REGENERATE, cost, NULL, error);
  if (job == NULL || !job_run_sync (self, job, error))
    return NULL;

  return g_steal_pointer (&job->recovery_key);
}

void
pw_vault_regenerate_recovery_key_async (PwVault             *self,
                                        PwKdfCost            cost,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PW_IS_VAULT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new_or_report (self, JOB_REGENERATE, cost, NULL,
                           pw_vault_regenerate_recovery_key_async, callback, user_data);
  if (job != NULL)
    job_run_async (self, job, pw_vault_regenerate_recovery_key_async, cancellable,
                   callback, user_data);
}

char *
pw_vault_regenerate_recovery_key_finish (PwVault       *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gpointer recovery_key = NULL;

  job_finish (self, result, pw_vault_regenerate_recovery_key_async, &recovery_key, error);
  return recovery_key;
}

/* Backups */

#define BACKUP_INTERVAL_USEC ((gint64) 24 * 60 * 60 * G_USEC_PER_SEC)

static char *
backups_directory (PwVault *self)
{
  return g_build_filename (self->directory, "backups", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x < y) - (x > y);
}

GArray *
pw_vault_list_backups (PwVault *self)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  GArray *backups = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *name;

  g_return_val_if_fail (PW_IS_VAULT (self), backups);

  dir_path = backups_directory (self);
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gint64 when = pw_store_backup_time (name);

      if (when != 0)
        g_array_append_val (backups, when);
    }
  g_array_sort (backups, compare_newest_first);
  return backups;
}

static void
rotate_backups (PwVault *self)
{
  g_autoptr(GArray) backups = pw_vault_list_backups (self);
  g_autoptr(GArray) doomed = NULL;
  g_autofree char *dir = backups_directory (self);

  doomed = pw_store_backups_to_delete ((const gint64 *) (gpointer) backups->data, backups->len,
                                       g_get_real_time ());
  for (guint i = 0; i < doomed->len; i++)
    {
      gint64 when = g_array_index (backups, gint64, g_array_index (doomed, guint, i));
      g_autofree char *name = pw_store_backup_name (when);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

gboolean
pw_vault_backup_now (PwVault  *self,
                     GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gint64 now;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED,
                           _("The vault is locked. Unlock it to make a backup."));
      return FALSE;
    }

  dir = backups_directory (self);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE,
                   _("No backup could be made: the folder “%s” cannot be created (%s). Check that the disk is not full or read-only."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Two backups in the same second would share a name. */
  now = g_get_real_time ();
  for (;;)
    {
      g_free (name);
      g_free (path);
      name = pw_store_backup_name (now);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      now += G_USEC_PER_SEC;
    }

  if (!pw_store_backup (self->store, path, error))
    return FALSE;

  rotate_backups (self);
  return TRUE;
}

gboolean
pw_vault_backup_if_due (PwVault  *self,
                        GError  **error)
{
  g_autoptr(GArray) backups = NULL;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);

  backups = pw_vault_list_backups (self);
  if (backups->len > 0 &&
      g_get_real_time () - g_array_index (backups, gint64, 0) < BACKUP_INTERVAL_USEC)
    return TRUE;

  return pw_vault_backup_now (self, error);
}

static gboolean
copy_durably (const char  *source,
              const char  *dest,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  if (!g_file_get_contents (source, &contents, &length, error))
    return FALSE;

  fd = g_open (dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    goto fail;
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          close (fd);
          goto fail;
        }
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    goto fail;
  return TRUE;

fail:
  {
    int saved_errno = errno;

    g_unlink (dest);
    g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE,
                 _("The backup could not be copied into place (%s). Nothing was changed; check that the disk is not full."),
                 g_strerror (saved_errno));
    return FALSE;
  }
}

gboolean
pw_vault_restore_backup (PwVault  *self,
                         gint64    timestamp,
                         GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(PwStore) check = NULL;
  g_autoptr(PwStore) reopened = NULL;
  g_autoptr(GError) local_error = NULL;
  static const char * const side_suffixes[] = { "-wal", "-shm" };
  gboolean renamed;
  guint8 *master_key;

  g_return_val_if_fail (PW_IS_VAULT (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED,
                           _("The vault is locked. Unlock it to restore a backup."));
      return FALSE;
    }

  dir = backups_directory (self);
  name = pw_store_backup_name (timestamp);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NO_SUCH_BACKUP,
                           _("This backup no longer exists. Choose another one from the list."));
      return FALSE;
    }

  master_key = copy_master_key (self);
  if (master_key == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_FAILED,
                           _("There is not enough memory to restore the backup. Close other programs and try again."));
      return FALSE;
    }

  /* Copy first, check the copy: the backup itself stays untouched. */
  tmp_path = g_strconcat (self->db_path, ".restore", NULL);
  if (!copy_durably (path, tmp_path, error))
    goto fail;
  check = pw_store_open (tmp_path, master_key, PW_STORE_OPEN_DEFAULT, &local_error);
  if (check == NULL)
    {
      g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE,
                   _("This backup cannot be opened (%s). The vault was not changed."),
                   local_error->message);
      goto fail;
    }
  pw_store_close (check);

  if (!pw_vault_backup_now (self, error))
    goto fail;

  pw_store_close (self->store);
  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->db_path, side_suffixes[i], NULL);
      g_autofree char *tmp_side = g_strconcat (tmp_path, side_suffixes[i], NULL);

      g_unlink (side);
      g_unlink (tmp_side);
    }

  renamed = g_rename (tmp_path, self->db_path) == 0;
  if (!renamed)
    {
      int saved_errno = errno;

      g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_NOT_WRITABLE,
                   _("The backup could not be put in place (%s). The vault is as it was before."),
                   g_strerror (saved_errno));
    }
  else
    {
      int fd = g_open (self->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (fd >= 0)
        {
          fsync (fd);
          close (fd);
        }
    }

  /* Whatever happened, the vault must be open again on what is on disk. */
  reopened = pw_store_open (self->db_path, master_key, PW_STORE_OPEN_DEFAULT, &local_error);
  if (reopened == NULL)
    {
      g_clear_error (error);
      g_set_error (error, PW_VAULT_ERROR, PW_VAULT_ERROR_DATABASE,
                   _("After the restore the vault does not open (%s). The state before the restore is in the newest backup."),
                   local_error->message);
      sodium_free (master_key);
      pw_vault_lock (self);
      return FALSE;
    }
  if (self->current_slot != NULL)
    pw_store_set_actor (reopened, pw_key_slot_get_id (self->current_slot));
  self->store = g_steal_pointer (&reopened);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  sodium_free (master_key);
  return renamed;

fail:
  g_unlink (tmp_path);
  {
    g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  sodium_free (master_key);
  return FALSE;
}
