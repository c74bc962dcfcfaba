/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The Argon2id cost of one key slot. Each slot records its own cost, so
 * unlocking always uses what the slot says. */
typedef struct
{
  guint64 opslimit;
  gsize   memlimit;
} PwKdfCost;

PwKdfCost pw_kdf_cost_default (void);
PwKdfCost pw_kdf_cost_fast    (void);

typedef enum
{
  PW_KEY_SLOT_PASSPHRASE,
  PW_KEY_SLOT_RECOVERY,
} PwKeySlotKind;

/* The master key wrapped by a slot. */
#define PW_KEY_SLOT_MASTER_KEY_SIZE 32

/* Longest label, in bytes. */
#define PW_KEY_SLOT_LABEL_MAX 256

/* A recovery key as shown to the user: 7 groups of 4 Crockford base32
 * characters (140 random bits), like "7K3M-…". */
#define PW_KEY_SLOT_RECOVERY_KEY_CHARS 28

#define PW_TYPE_KEY_SLOT_KIND (pw_key_slot_kind_get_type ())
#define PW_TYPE_KEY_SLOT (pw_key_slot_get_type ())

GType pw_key_slot_kind_get_type (void);

G_DECLARE_FINAL_TYPE (PwKeySlot, pw_key_slot, PW, KEY_SLOT, GObject)

const char    *pw_key_slot_get_id      (PwKeySlot *self);
PwKeySlotKind  pw_key_slot_get_kind    (PwKeySlot *self);
const char    *pw_key_slot_get_label   (PwKeySlot *self);
GDateTime     *pw_key_slot_get_created (PwKeySlot *self);
gboolean       pw_key_slot_get_current (PwKeySlot *self);
PwKdfCost      pw_key_slot_get_cost    (PwKeySlot *self);

/* The rest is for PwVault and the tests. */

/* Derives a key from @secret with Argon2id at @cost and wraps @master_key
 * with it. Touches no shared state: safe to call from a worker thread.
 * Fails only when the KDF cannot get its memory. */
PwKeySlot     *pw_key_slot_new_wrapped (const char    *id,
                                        PwKeySlotKind  kind,
                                        const char    *label,
                                        GDateTime     *created,
                                        const char    *secret,
                                        const guint8  *master_key,
                                        PwKdfCost      cost,
                                        GError       **error);

/* Writes the master key into @master_key (PW_KEY_SLOT_MASTER_KEY_SIZE bytes,
 * preferably sodium_malloc memory) when @secret opens this slot. Reads only
 * what never changes after construction: safe from a worker thread.
 * Fails with G_IO_ERROR_PERMISSION_DENIED when @secret does not open the
 * slot, G_IO_ERROR_FAILED when the KDF cannot run (no memory). */
gboolean       pw_key_slot_unwrap      (PwKeySlot     *self,
                                        const char    *secret,
                                        guint8        *master_key,
                                        GError       **error);

void           pw_key_slot_set_label   (PwKeySlot     *self,
                                        const char    *label);
void           pw_key_slot_set_current (PwKeySlot     *self,
                                        gboolean       current);

/* Checks the type and size of every member: %NULL with a short English
 * reason in @reason (for the debug log) when anything is off. */
PwKeySlot     *pw_key_slot_new_from_json (JsonObject  *object,
                                          char       **reason);
JsonNode      *pw_key_slot_to_json       (PwKeySlot   *self);

char          *pw_key_slot_generate_id   (void);

/* "ABCD-EFGH-…": PW_KEY_SLOT_RECOVERY_KEY_CHARS random characters from an
 * alphabet without I, L, O and U. */
char          *pw_key_slot_generate_recovery_key  (void);

/* The canonical form of a recovery key typed by a person (upper case, no
 * spaces or dashes, I/L read as 1 and O as 0), or %NULL when it cannot be
 * one. The result is in sodium_malloc memory: free it with sodium_free(). */
char          *pw_key_slot_normalize_recovery_key (const char *input);

G_END_DECLS
