/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PW_STORE_ERROR (pw_store_error_quark ())

/* The size of the raw SQLCipher key (the vault's master key). */
#define PW_STORE_KEY_SIZE 32

typedef enum
{
  PW_STORE_ERROR_NOT_FOUND,     /* vault.db does not exist (and create was not asked) */
  PW_STORE_ERROR_WRONG_KEY,     /* the file is not a database readable with this key */
  PW_STORE_ERROR_TOO_NEW,       /* schema newer than this program: refused, untouched */
  PW_STORE_ERROR_NOT_ENCRYPTED, /* linked against plain SQLite: refuse to write */
  PW_STORE_ERROR_IO,            /* disk full, read-only, I/O error */
  PW_STORE_ERROR_CONSTRAINT,    /* a write broke a rule (duplicate case code…) */
  PW_STORE_ERROR_FAILED,
  PW_STORE_ERROR_CLOSED,        /* the store was closed (the vault is locked) */
  PW_STORE_ERROR_NO_RECORD,     /* the record asked for does not exist (any more) */
  PW_STORE_ERROR_INVALID,       /* a value passed in is not acceptable (bad date…) */
  PW_STORE_ERROR_BUSY,          /* another connection holds the vault's write lock */
} PwStoreError;

typedef enum
{
  PW_STORE_OPEN_DEFAULT = 0,
  PW_STORE_OPEN_CREATE  = 1 << 0, /* create vault.db when it is missing */
} PwStoreOpenFlags;

#define PW_TYPE_STORE (pw_store_get_type ())

G_DECLARE_FINAL_TYPE (PwStore, pw_store, PW, STORE, GObject)

GQuark   pw_store_error_quark (void);

/* @key is PW_STORE_KEY_SIZE bytes; the store copies it into sodium_malloc
 * memory and wipes it on close. */
PwStore *pw_store_open        (const char        *path,
                               const guint8      *key,
                               PwStoreOpenFlags   flags,
                               GError           **error);
void     pw_store_close       (PwStore           *self);

/* Who the audit log names for the following changes (a key slot id). */
void     pw_store_set_actor   (PwStore           *self,
                               const char        *actor);

G_END_DECLS
