/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "pw-exchange.h"
#include "pw-exchange-crypto.h"

/* Layout (all integers little-endian):
 *   0  magic "PWEXPORT"           8
 *   8  layout version (1)         1
 *   9  KDF: 2 = Argon2id v1.3     1
 *  10  opslimit                   8
 *  18  memlimit, bytes            8
 *  26  salt                      16
 *  42  secretstream header       24
 *  66  check chunk: CHECK_TEXT, authenticated with bytes 0–65 as AD
 *  …   data chunks of CHUNK bytes of JSON (the last one shorter or empty),
 *      the last one tagged FINAL; nothing after it.
 * A wrong passphrase fails on the check chunk; anything that fails after
 * it is damage. */
#define LAYOUT_VERSION 1
#define KDF_ARGON2ID13 2
#define SALT_SIZE      16
#define HEADER_SIZE    (PW_EXCHANGE_MAGIC_LEN + 1 + 1 + 8 + 8 + SALT_SIZE + \
                        crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define CHECK_TEXT     "pathway-export-1"
#define CHECK_SIZE     (sizeof CHECK_TEXT - 1)
#define CHUNK          (64 * 1024)
#define ABYTES         crypto_secretstream_xchacha20poly1305_ABYTES
#define KEY_SIZE       crypto_secretstream_xchacha20poly1305_KEYBYTES

/* What a file may ask of us: a hostile file must not make opening it take
 * minutes or all memory. Pathway writes 6 passes over 256 MiB. */
#define OPSLIMIT_MAX   16
#define MEMLIMIT_MAX   (G_GUINT64_CONSTANT (1) << 30)

G_STATIC_ASSERT (SALT_SIZE == crypto_pwhash_SALTBYTES);
G_STATIC_ASSERT (HEADER_SIZE == 66);

gboolean
pw_exchange_is_encrypted (GBytes *data)
{
  gsize len;
  const guint8 *p;

  g_return_val_if_fail (data != NULL, FALSE);

  p = g_bytes_get_data (data, &len);
  return len >= PW_EXCHANGE_MAGIC_LEN && memcmp (p, PW_EXCHANGE_MAGIC, PW_EXCHANGE_MAGIC_LEN) == 0;
}

static void
put_u64 (guint8  *p,
         guint64  v)
{
  for (guint i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v |= (guint64) p[i] << (8 * i);
  return v;
}

static gboolean
set_no_memory (GError **error)
{
  g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_FAILED,
                       _("There is not enough memory to protect or open the file. Close "
                         "other programs and try again."));
  return FALSE;
}

/* The key in guarded memory, or NULL (error set). */
static guint8 *
derive_key (const char    *passphrase,
            const guint8  *salt,
            guint64        opslimit,
            guint64        memlimit,
            GError       **error)
{
  g_autofree char *nfc = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  const char *input = nfc != NULL ? nfc : passphrase;
  guint8 *key;

  if (sodium_init () < 0)
    {
      set_no_memory (error);
      return NULL;
    }
  key = sodium_malloc (KEY_SIZE);
  if (key == NULL)
    {
      set_no_memory (error);
      return NULL;
    }
  if (crypto_pwhash (key, KEY_SIZE, input, strlen (input), salt,
                     opslimit, (gsize) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sodium_free (key);
      set_no_memory (error);
      key = NULL;
    }
  if (nfc != NULL)
    sodium_memzero (nfc, strlen (nfc));
  return key;
}

GBytes *
pw_exchange_encrypt (GBytes       *plain,
                     const char   *passphrase,
                     PwKdfCost     cost,
                     GError      **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  g_autoptr(GByteArray) out = NULL;
  const guint8 *data;
  guint8 *header;
  guint8 *key;
  gsize len, offset = 0;

  g_return_val_if_fail (plain != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', NULL);

  data = g_bytes_get_data (plain, &len);
  out = g_byte_array_sized_new (HEADER_SIZE + CHECK_SIZE + ABYTES + len + (len / CHUNK + 1) * ABYTES);
  g_byte_array_set_size (out, HEADER_SIZE);
  header = out->data;
  memcpy (header, PW_EXCHANGE_MAGIC, PW_EXCHANGE_MAGIC_LEN);
  header[8] = LAYOUT_VERSION;
  header[9] = KDF_ARGON2ID13;
  put_u64 (header + 10, cost.opslimit);
  put_u64 (header + 18, cost.memlimit);
  if (sodium_init () < 0)
    {
      set_no_memory (error);
      return NULL;
    }
  randombytes_buf (header + 26, SALT_SIZE);

  key = derive_key (passphrase, header + 26, cost.opslimit, cost.memlimit, error);
  if (key == NULL)
    return NULL;
  crypto_secretstream_xchacha20poly1305_init_push (&state, header + 42, key);
  sodium_free (key);

  g_byte_array_set_size (out, HEADER_SIZE + CHECK_SIZE + ABYTES);
  crypto_secretstream_xchacha20poly1305_push (&state, out->data + HEADER_SIZE, NULL,
                                              (const guint8 *) CHECK_TEXT, CHECK_SIZE,
                                              out->data, HEADER_SIZE, 0);

  do
    {
      gsize n = MIN (len - offset, CHUNK);
      gboolean last = offset + n == len;
      gsize at = out->len;

      g_byte_array_set_size (out, at + n + ABYTES);
      crypto_secretstream_xchacha20poly1305_push (&state, out->data + at, NULL,
                                                  data + offset, n, NULL, 0,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      offset += n;
      if (last)
        break;
    }
  while (TRUE);

  sodium_memzero (&state, sizeof state);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
wipe_and_free (gpointer data)
{
  GByteArray *array = data;

  sodium_memzero (array->data, array->len);
  g_byte_array_unref (array);
}

static gboolean
damaged (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_DAMAGED, message);
  return FALSE;
}

GBytes *
pw_exchange_decrypt (GBytes       *data,
                     const char   *passphrase,
                     GError      **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  GByteArray *plain = NULL;
  const guint8 *p;
  guint8 check[CHECK_SIZE];
  guint8 tag = 0;
  guint64 opslimit, memlimit;
  guint8 *key;
  gsize len, offset;
  int rc;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  p = g_bytes_get_data (data, &len);
  if (!pw_exchange_is_encrypted (data) || len < HEADER_SIZE + CHECK_SIZE + ABYTES)
    {
      damaged (error, _("The encrypted file is cut short: it ends before its content starts. "
                        "Nothing was imported; ask the sender for the file again."));
      return NULL;
    }
  opslimit = get_u64 (p + 10);
  memlimit = get_u64 (p + 18);
  if (p[8] != LAYOUT_VERSION || p[9] != KDF_ARGON2ID13 ||
      opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || opslimit > OPSLIMIT_MAX ||
      memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || memlimit > MEMLIMIT_MAX)
    {
      damaged (error, _("The encrypted file’s header is damaged or comes from a newer version "
                        "of Pathway. Nothing was imported; update Pathway, or ask the sender "
                        "for the file again."));
      return NULL;
    }

  key = derive_key (passphrase, p + 26, opslimit, memlimit, error);
  if (key == NULL)
    return NULL;
  rc = crypto_secretstream_xchacha20poly1305_init_pull (&state, p + 42, key);
  sodium_free (key);
  if (rc != 0 ||
      crypto_secretstream_xchacha20poly1305_pull (&state, check, NULL, &tag,
                                                  p + HEADER_SIZE, CHECK_SIZE + ABYTES,
                                                  p, HEADER_SIZE) != 0 ||
      memcmp (check, CHECK_TEXT, CHECK_SIZE) != 0 || tag != 0)
    {
      g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_WRONG_PASSPHRASE,
                           _("This passphrase does not open the file. Check it with the person "
                             "who sent the file (capitals, spaces and keyboard layout count) "
                             "and try again."));
      sodium_memzero (&state, sizeof state);
      return NULL;
    }

  plain = g_byte_array_new ();
  offset = HEADER_SIZE + CHECK_SIZE + ABYTES;
  tag = 0;
  while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      gsize n = MIN (len - offset, CHUNK + ABYTES);
      gsize at = plain->len;

      if (n < ABYTES)
        {
          damaged (error, _("The encrypted file is cut short: part of it is missing. Nothing "
                            "was imported; ask the sender for the file again."));
          goto fail;
        }
      if (at + n - ABYTES > PW_EXCHANGE_MAX_FILE_SIZE)
        {
          g_set_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_TOO_LARGE,
                       _("The file holds more than %u MB, more than Pathway imports at once. "
                         "Nothing was imported; ask for the case files in smaller parts."),
                       PW_EXCHANGE_MAX_FILE_SIZE / (1024 * 1024));
          goto fail;
        }
      g_byte_array_set_size (plain, at + n - ABYTES);
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + at, NULL, &tag,
                                                      p + offset, n, NULL, 0) != 0)
        {
          damaged (error, _("The encrypted file was changed or damaged after it was written, "
                            "so it cannot be trusted. Nothing was imported; ask the sender for "
                            "the file again."));
          goto fail;
        }
      offset += n;
    }
  if (offset != len)
    {
      damaged (error, _("The encrypted file has extra data after its end, so it cannot be "
                        "trusted. Nothing was imported; ask the sender for the file again."));
      goto fail;
    }

  sodium_memzero (&state, sizeof state);
  return g_bytes_new_with_free_func (plain->data, plain->len, wipe_and_free, plain);

fail:
  sodium_memzero (&state, sizeof state);
  wipe_and_free (plain);
  return NULL;
}
