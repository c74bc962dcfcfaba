/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-key-slot.h"

G_BEGIN_DECLS

/* An encrypted case file (.pathway): a header with the Argon2id settings
 * and salt, then libsodium's crypto_secretstream (XChaCha20-Poly1305) in
 * chunks of 64 KiB; data/README-export.md describes every byte. */

/* The first bytes of an encrypted file. */
#define PW_EXCHANGE_MAGIC     "PWEXPORT"
#define PW_EXCHANGE_MAGIC_LEN 8

/* Whether @data starts like an encrypted case file. */
gboolean  pw_exchange_is_encrypted (GBytes       *data);

/* Encrypts @plain with a key derived from @passphrase at @cost (tests pass
 * pw_kdf_cost_fast()). Fails only when the KDF cannot get its memory. */
GBytes   *pw_exchange_encrypt      (GBytes       *plain,
                                    const char   *passphrase,
                                    PwKdfCost     cost,
                                    GError      **error);

/* The plain content, in memory that is wiped when the GBytes is freed.
 * PW_EXCHANGE_ERROR_WRONG_PASSPHRASE when @passphrase does not open the
 * file, _DAMAGED when it opens but the content was changed or cut short,
 * _TOO_LARGE beyond PW_EXCHANGE_MAX_FILE_SIZE. */
GBytes   *pw_exchange_decrypt      (GBytes       *data,
                                    const char   *passphrase,
                                    GError      **error);

G_END_DECLS
