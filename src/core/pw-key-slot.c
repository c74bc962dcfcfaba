/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-key-slot"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "pw-key-slot.h"

#define SALT_SIZE    crypto_pwhash_SALTBYTES
#define NONCE_SIZE   crypto_secretbox_NONCEBYTES
#define WRAPPED_SIZE (crypto_secretbox_MACBYTES + PW_KEY_SLOT_MASTER_KEY_SIZE)

/* What a vault.json may ask of us: beyond this a damaged or hostile file
 * could make unlocking hang or exhaust memory. SENSITIVE is 4 / 1 GiB. */
#define OPSLIMIT_MAX 64
#define MEMLIMIT_MAX (G_GUINT64_CONSTANT (4) << 30)

#define ID_MIN_CHARS 4
#define ID_MAX_CHARS 32

/* Crockford base32: no I, L, O or U, which read like 1, 1, 0 and V. */
static const char recovery_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

struct _PwKeySlot
{
  GObject        parent_instance;

  char          *id;
  PwKeySlotKind  kind;
  char          *label;
  GDateTime     *created;
  gboolean       current;

  /* Never change after construction: worker threads read them. */
  PwKdfCost      cost;
  guint8         salt[SALT_SIZE];
  guint8         nonce[NONCE_SIZE];
  guint8         wrapped[WRAPPED_SIZE];
};

G_DEFINE_FINAL_TYPE (PwKeySlot, pw_key_slot, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PwKeySlotKind, pw_key_slot_kind,
                    G_DEFINE_ENUM_VALUE (PW_KEY_SLOT_PASSPHRASE, "passphrase"),
                    G_DEFINE_ENUM_VALUE (PW_KEY_SLOT_RECOVERY, "recovery"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_LABEL,
  PROP_CREATED,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PwKdfCost
pw_kdf_cost_default (void)
{
  /* Measured on the 2-core reference machine: MODERATE (3 passes over
   * 256 MiB) takes ~0.45 s; each further pass adds ~0.12 s, so 6 passes
   * take ~0.75 s warm and ~0.95 s in a fresh process. */
  return (PwKdfCost) {
    .opslimit = 6,
    .memlimit = crypto_pwhash_argon2id_MEMLIMIT_MODERATE,
  };
}

PwKdfCost
pw_kdf_cost_fast (void)
{
  return (PwKdfCost) {
    .opslimit = crypto_pwhash_argon2id_OPSLIMIT_MIN,
    .memlimit = crypto_pwhash_argon2id_MEMLIMIT_MIN,
  };
}

/* sodium_malloc() aborts before sodium_init(); these helpers may run before
 * any PwKeySlot exists. sodium_init() is cheap once done, and thread-safe. */
static void
ensure_sodium (void)
{
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

static gboolean
cost_is_sane (guint64 opslimit,
              guint64 memlimit)
{
  return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && opslimit <= OPSLIMIT_MAX &&
         memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memlimit <= MEMLIMIT_MAX &&
         memlimit <= G_MAXSIZE;
}

static void
pw_key_slot_finalize (GObject *object)
{
  PwKeySlot *self = (PwKeySlot *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (pw_key_slot_parent_class)->finalize (object);
}

static void
pw_key_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwKeySlot *self = PW_KEY_SLOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_key_slot_class_init (PwKeySlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_key_slot_finalize;
  object_class->get_property = pw_key_slot_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PW_TYPE_KEY_SLOT_KIND, PW_KEY_SLOT_PASSPHRASE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  ensure_sodium ();
}

static void
pw_key_slot_init (PwKeySlot *self)
{
}

const char *
pw_key_slot_get_id (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), NULL);

  return self->id;
}

PwKeySlotKind
pw_key_slot_get_kind (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), PW_KEY_SLOT_PASSPHRASE);

  return self->kind;
}

const char *
pw_key_slot_get_label (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), NULL);

  return self->label;
}

GDateTime *
pw_key_slot_get_created (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), NULL);

  return self->created;
}

gboolean
pw_key_slot_get_current (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), FALSE);

  return self->current;
}

PwKdfCost
pw_key_slot_get_cost (PwKeySlot *self)
{
  g_return_val_if_fail (PW_IS_KEY_SLOT (self), pw_kdf_cost_default ());

  return self->cost;
}

void
pw_key_slot_set_label (PwKeySlot  *self,
                       const char *label)
{
  g_return_if_fail (PW_IS_KEY_SLOT (self));
  g_return_if_fail (label != NULL);

  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

void
pw_key_slot_set_current (PwKeySlot *self,
                         gboolean   current)
{
  g_return_if_fail (PW_IS_KEY_SLOT (self));

  current = !!current;
  if (self->current != current)
    {
      self->current = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
    }
}

/* Argon2id over the NFC form of @secret, so that the same passphrase typed
 * through different input methods gives the same key. */
static gboolean
derive_key (const char   *secret,
            const guint8 *salt,
            PwKdfCost     cost,
            guint8       *key)
{
  gboolean ascii = TRUE;
  char *nfc = NULL;
  const char *input;
  int status;

  /* ASCII is already NFC; skipping GLib there avoids its intermediate
   * buffers, which it frees without wiping. */
  for (const char *p = secret; *p != '\0' && ascii; p++)
    ascii = (*p & 0x80) == 0;
  if (!ascii)
    nfc = g_utf8_normalize (secret, -1, G_NORMALIZE_NFC);
  input = nfc != NULL ? nfc : secret;

  status = crypto_pwhash (key, crypto_secretbox_KEYBYTES,
                          input, strlen (input), salt,
                          cost.opslimit, cost.memlimit,
                          crypto_pwhash_ALG_ARGON2ID13);
  if (nfc != NULL)
    {
      sodium_memzero (nfc, strlen (nfc));
      g_free (nfc);
    }

  return status == 0;
}

PwKeySlot *
pw_key_slot_new_wrapped (const char    *id,
                         PwKeySlotKind  kind,
                         const char    *label,
                         GDateTime     *created,
                         const char    *secret,
                         const guint8  *master_key,
                         PwKdfCost      cost,
                         GError       **error)
{
  g_autoptr(PwKeySlot) self = NULL;
  guint8 *key;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (strlen (label) <= PW_KEY_SLOT_LABEL_MAX, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (master_key != NULL, NULL);
  g_return_val_if_fail (cost_is_sane (cost.opslimit, cost.memlimit), NULL);

  self = g_object_new (PW_TYPE_KEY_SLOT, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->label = g_strdup (label);
  self->created = g_date_time_to_utc (created);
  self->cost = cost;
  randombytes_buf (self->salt, sizeof self->salt);
  randombytes_buf (self->nonce, sizeof self->nonce);

  key = sodium_malloc (crypto_secretbox_KEYBYTES);
  if (key == NULL || !derive_key (secret, self->salt, cost, key))
    {
      if (key != NULL)
        sodium_free (key);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "Not enough memory to derive the key");
      return NULL;
    }

  crypto_secretbox_easy (self->wrapped, master_key, PW_KEY_SLOT_MASTER_KEY_SIZE,
                         self->nonce, key);
  sodium_free (key);

  return g_steal_pointer (&self);
}

gboolean
pw_key_slot_unwrap (PwKeySlot  *self,
                    const char *secret,
                    guint8     *master_key,
                    GError    **error)
{
  guint8 *key;
  int status;

  g_return_val_if_fail (PW_IS_KEY_SLOT (self), FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (master_key != NULL, FALSE);

  key = sodium_malloc (crypto_secretbox_KEYBYTES);
  if (key == NULL || !derive_key (secret, self->salt, self->cost, key))
    {
      if (key != NULL)
        sodium_free (key);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "Not enough memory to derive the key");
      return FALSE;
    }

  status = crypto_secretbox_open_easy (master_key, self->wrapped, sizeof self->wrapped,
                                       self->nonce, key);
  sodium_free (key);

  if (status != 0)
    {
      sodium_memzero (master_key, PW_KEY_SLOT_MASTER_KEY_SIZE);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "The secret does not open this key slot");
      return FALSE;
    }

  return TRUE;
}

/* JSON */

static char *
encode_base64 (const guint8 *data,
               gsize         size)
{
  gsize encoded_size = sodium_base64_ENCODED_LEN (size, sodium_base64_VARIANT_ORIGINAL);
  char *encoded = g_malloc (encoded_size);

  sodium_bin2base64 (encoded, encoded_size, data, size, sodium_base64_VARIANT_ORIGINAL);

  return encoded;
}

/* Strict, unlike g_base64_decode(): padded standard alphabet, nothing else,
 * and exactly @size bytes. */
static gboolean
decode_base64 (const char *text,
               guint8     *data,
               gsize       size)
{
  gsize text_len = strlen (text);
  gsize decoded_len = 0;
  const char *end = NULL;

  if (sodium_base642bin (data, size, text, text_len, NULL, &decoded_len, &end,
                         sodium_base64_VARIANT_ORIGINAL) != 0)
    return FALSE;

  return decoded_len == size && end == text + text_len;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name,
            GType       value_type,
            char      **reason)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      *reason = g_strdup_printf ("member \"%s\" is missing", name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type)
    {
      *reason = g_strdup_printf ("member \"%s\" has the wrong type", name);
      return NULL;
    }

  return node;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name,
                   char      **reason)
{
  JsonNode *node = get_member (object, name, G_TYPE_STRING, reason);

  return node != NULL ? json_node_get_string (node) : NULL;
}

static gboolean
get_base64_member (JsonObject *object,
                   const char *name,
                   guint8     *data,
                   gsize       size,
                   char      **reason)
{
  const char *text = get_string_member (object, name, reason);

  if (text == NULL)
    return FALSE;

  if (!decode_base64 (text, data, size))
    {
      *reason = g_strdup_printf ("member \"%s\" is not %" G_GSIZE_FORMAT " bytes of base64",
                                 name, size);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len < ID_MIN_CHARS || len > ID_MAX_CHARS)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

static const char * const slot_members[] = {
  "id", "kind", "label", "created", "kdf", "opslimit", "memlimit",
  "salt", "nonce", "wrapped_key",
};

PwKeySlot *
pw_key_slot_new_from_json (JsonObject  *object,
                           char       **reason)
{
  g_autoptr(PwKeySlot) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GList) names = NULL;
  const char *id, *kind, *label, *created_text, *kdf;
  JsonNode *opslimit, *memlimit;
  gint64 ops, mem;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (reason != NULL && *reason == NULL, NULL);

  names = json_object_get_members (object);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (slot_members); i++)
        known |= g_str_equal (l->data, slot_members[i]);
      if (!known)
        {
          *reason = g_strdup_printf ("unknown member \"%s\"", (const char *) l->data);
          return NULL;
        }
    }

  if ((id = get_string_member (object, "id", reason)) == NULL ||
      (kind = get_string_member (object, "kind", reason)) == NULL ||
      (label = get_string_member (object, "label", reason)) == NULL ||
      (created_text = get_string_member (object, "created", reason)) == NULL ||
      (kdf = get_string_member (object, "kdf", reason)) == NULL ||
      (opslimit = get_member (object, "opslimit", G_TYPE_INT64, reason)) == NULL ||
      (memlimit = get_member (object, "memlimit", G_TYPE_INT64, reason)) == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_KEY_SLOT, NULL);

  if (!is_valid_id (id))
    {
      *reason = g_strdup ("\"id\" is not a short lower-case hex string");
      return NULL;
    }
  self->id = g_strdup (id);

  if (g_str_equal (kind, "passphrase"))
    self->kind = PW_KEY_SLOT_PASSPHRASE;
  else if (g_str_equal (kind, "recovery"))
    self->kind = PW_KEY_SLOT_RECOVERY;
  else
    {
      *reason = g_strdup ("\"kind\" is neither \"passphrase\" nor \"recovery\"");
      return NULL;
    }

  if (strlen (label) > PW_KEY_SLOT_LABEL_MAX)
    {
      *reason = g_strdup ("\"label\" is too long");
      return NULL;
    }
  self->label = g_strdup (label);

  created = g_date_time_new_from_iso8601 (created_text, NULL);
  if (created == NULL)
    {
      *reason = g_strdup ("\"created\" is not an ISO 8601 date and time with a time zone");
      return NULL;
    }
  self->created = g_date_time_to_utc (created);

  if (!g_str_equal (kdf, "argon2id13"))
    {
      *reason = g_strdup ("\"kdf\" is not \"argon2id13\"");
      return NULL;
    }

  ops = json_node_get_int (opslimit);
  mem = json_node_get_int (memlimit);
  if (ops < 0 || mem < 0 || !cost_is_sane ((guint64) ops, (guint64) mem))
    {
      *reason = g_strdup ("\"opslimit\" or \"memlimit\" is out of range");
      return NULL;
    }
  self->cost.opslimit = (guint64) ops;
  self->cost.memlimit = (gsize) mem;

  if (!get_base64_member (object, "salt", self->salt, sizeof self->salt, reason) ||
      !get_base64_member (object, "nonce", self->nonce, sizeof self->nonce, reason) ||
      !get_base64_member (object, "wrapped_key", self->wrapped, sizeof self->wrapped, reason))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pw_key_slot_to_json (PwKeySlot *self)
{
  g_autofree char *created = NULL;
  g_autofree char *salt = NULL;
  g_autofree char *nonce = NULL;
  g_autofree char *wrapped = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (PW_IS_KEY_SLOT (self), NULL);

  created = g_date_time_format (self->created, "%Y-%m-%dT%H:%M:%SZ");
  salt = encode_base64 (self->salt, sizeof self->salt);
  nonce = encode_base64 (self->nonce, sizeof self->nonce);
  wrapped = encode_base64 (self->wrapped, sizeof self->wrapped);

  object = json_object_new ();
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "kind",
                                 self->kind == PW_KEY_SLOT_RECOVERY ? "recovery" : "passphrase");
  json_object_set_string_member (object, "label", self->label);
  json_object_set_string_member (object, "created", created);
  json_object_set_string_member (object, "kdf", "argon2id13");
  json_object_set_int_member (object, "opslimit", (gint64) self->cost.opslimit);
  json_object_set_int_member (object, "memlimit", (gint64) self->cost.memlimit);
  json_object_set_string_member (object, "salt", salt);
  json_object_set_string_member (object, "nonce", nonce);
  json_object_set_string_member (object, "wrapped_key", wrapped);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

char *
pw_key_slot_generate_id (void)
{
  guint8 bytes[4];

  ensure_sodium ();
  randombytes_buf (bytes, sizeof bytes);

  return g_strdup_printf ("%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
}

char *
pw_key_slot_generate_recovery_key (void)
{
  GString *key = g_string_sized_new (PW_KEY_SLOT_RECOVERY_KEY_CHARS * 5 / 4);

  G_STATIC_ASSERT (sizeof recovery_alphabet - 1 == 32);

  ensure_sodium ();

  for (guint i = 0; i < PW_KEY_SLOT_RECOVERY_KEY_CHARS; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (key, '-');
      g_string_append_c (key, recovery_alphabet[randombytes_uniform (32)]);
    }

  return g_string_free (key, FALSE);
}

char *
pw_key_slot_normalize_recovery_key (const char *input)
{
  char *canonical;
  guint n = 0;

  g_return_val_if_fail (input != NULL, NULL);

  ensure_sodium ();
  canonical = sodium_malloc (PW_KEY_SLOT_RECOVERY_KEY_CHARS + 1);
  if (canonical == NULL)
    return NULL;

  for (const char *p = input; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
        continue;

      if (c == 'I' || c == 'L')
        c = '1';
      else if (c == 'O')
        c = '0';

      if (c == '\0' || strchr (recovery_alphabet, c) == NULL ||
          n == PW_KEY_SLOT_RECOVERY_KEY_CHARS)
        {
          sodium_free (canonical);
          return NULL;
        }

      canonical[n++] = c;
    }

  if (n != PW_KEY_SLOT_RECOVERY_KEY_CHARS)
    {
      sodium_free (canonical);
      return NULL;
    }

  canonical[n] = '\0';

  return canonical;
}
