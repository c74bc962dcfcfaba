/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PW_PASSPHRASE_EMPTY,
  PW_PASSPHRASE_TOO_SHORT,
  PW_PASSPHRASE_WEAK,
  PW_PASSPHRASE_FAIR,
  PW_PASSPHRASE_STRONG,
} PwPassphraseStrength;

/* Shortest passphrase a vault accepts, in characters. */
#define PW_PASSPHRASE_MIN_LENGTH 10

PwPassphraseStrength pw_passphrase_strength      (const char           *passphrase);
const char          *pw_passphrase_strength_hint (PwPassphraseStrength  strength);
gboolean             pw_passphrase_acceptable    (PwPassphraseStrength  strength);

G_END_DECLS
