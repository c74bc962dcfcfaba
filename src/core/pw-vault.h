/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-key-slot.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_VAULT_ERROR (pw_vault_error_quark ())

typedef enum
{
  PW_VAULT_ERROR_WRONG_PASSPHRASE,
  PW_VAULT_ERROR_WRONG_RECOVERY_KEY,
  PW_VAULT_ERROR_NOT_FOUND,       /* no vault yet: first run */
  PW_VAULT_ERROR_DAMAGED,         /* vault.json missing (with vault.db there) or invalid */
  PW_VAULT_ERROR_DATABASE,        /* vault.db missing or not openable with the key */
  PW_VAULT_ERROR_TOO_NEW,         /* written by a newer Pathway */
  PW_VAULT_ERROR_NOT_WRITABLE,    /* the directory or disk refuses the write */
  PW_VAULT_ERROR_LOCKED,          /* the operation needs an unlocked vault */
  PW_VAULT_ERROR_LAST_PASSPHRASE, /* removing the only passphrase slot */
  PW_VAULT_ERROR_EXISTS,          /* creating over an existing vault */
  PW_VAULT_ERROR_RECOVERY_SLOT,   /* a passphrase operation on the recovery slot */
  PW_VAULT_ERROR_NO_SUCH_SLOT,
  PW_VAULT_ERROR_FAILED,          /* not enough memory for the KDF */
  PW_VAULT_ERROR_NO_SUCH_BACKUP,
} PwVaultError;

#define PW_TYPE_VAULT (pw_vault_get_type ())

G_DECLARE_FINAL_TYPE (PwVault, pw_vault, PW, VAULT, GObject)

GQuark      pw_vault_error_quark          (void);

/* @directory: where vault.db and vault.json live, or %NULL for
 * $XDG_DATA_HOME/org.pathwaytool.Pathway. */
PwVault    *pw_vault_new                  (const char          *directory);

const char *pw_vault_get_directory        (PwVault             *self);
gboolean    pw_vault_exists               (PwVault             *self);
gboolean    pw_vault_get_locked           (PwVault             *self);

/* TRUE while unlocked on a folder or disk that refuses writes (read-only,
 * or too full to open the database for writing): her cases can be read,
 * and every change fails with PW_STORE_ERROR_IO, nothing half-written.
 * Property "read-only", notified on unlock and lock. */
gboolean    pw_vault_get_read_only        (PwVault             *self);

/* The sentence for the window to show while the vault is read-only. */
const char *pw_vault_read_only_sentence   (void);

/* The open store while unlocked, %NULL while locked. */
PwStore    *pw_vault_get_store            (PwVault             *self);

/* A GListModel of PwKeySlot, filled once vault.json has been read. */
GListModel *pw_vault_get_slots            (PwVault             *self);

/* The slot that unlocked the vault, %NULL while locked. */
PwKeySlot  *pw_vault_get_current_slot     (PwVault             *self);

/* Creates vault.db and vault.json with a passphrase slot named @label and
 * a recovery-key slot; leaves the vault unlocked. Returns the recovery key
 * to show once ("ABCD-EFGH-…"). On failure nothing is left behind. */
char       *pw_vault_create               (PwVault             *self,
                                           const char          *label,
                                           const char          *passphrase,
                                           PwKdfCost            cost,
                                           GError             **error);
void        pw_vault_create_async         (PwVault             *self,
                                           const char          *label,
                                           const char          *passphrase,
                                           PwKdfCost            cost,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
char       *pw_vault_create_finish        (PwVault             *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Needs a locked vault. Tries every passphrase slot with the cost each one
 * records; the _async variants run the KDF in a thread. */
gboolean    pw_vault_unlock               (PwVault             *self,
                                           const char          *passphrase,
                                           GError             **error);
void        pw_vault_unlock_async         (PwVault             *self,
                                           const char          *passphrase,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    pw_vault_unlock_finish        (PwVault             *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Accepts lower case, spaces and missing dashes. */
gboolean    pw_vault_unlock_with_recovery_key        (PwVault             *self,
                                                      const char          *recovery_key,
                                                      GError             **error);
void        pw_vault_unlock_with_recovery_key_async  (PwVault             *self,
                                                      const char          *recovery_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean    pw_vault_unlock_with_recovery_key_finish (PwVault             *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Closes the store and wipes the master key. */
void        pw_vault_lock                 (PwVault             *self);

/* Key slots. All need an unlocked vault; none touches vault.db. On error
 * vault.json and the slot list are as they were. The new slot is returned
 * with a reference the caller owns. */
PwKeySlot  *pw_vault_add_passphrase_slot         (PwVault             *self,
                                                  const char          *label,
                                                  const char          *passphrase,
                                                  PwKdfCost            cost,
                                                  GError             **error);
void        pw_vault_add_passphrase_slot_async   (PwVault             *self,
                                                  const char          *label,
                                                  const char          *passphrase,
                                                  PwKdfCost            cost,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
PwKeySlot  *pw_vault_add_passphrase_slot_finish  (PwVault             *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

gboolean    pw_vault_change_passphrase           (PwVault             *self,
                                                  const char          *slot_id,
                                                  const char          *passphrase,
                                                  PwKdfCost            cost,
                                                  GError             **error);
void        pw_vault_change_passphrase_async     (PwVault             *self,
                                                  const char          *slot_id,
                                                  const char          *passphrase,
                                                  PwKdfCost            cost,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    pw_vault_change_passphrase_finish    (PwVault             *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

gboolean    pw_vault_rename_slot                 (PwVault             *self,
                                                  const char          *slot_id,
                                                  const char          *label,
                                                  GError             **error);

/* Never the last passphrase slot, never the recovery slot. */
gboolean    pw_vault_remove_slot                 (PwVault             *self,
                                                  const char          *slot_id,
                                                  GError             **error);

/* Replaces the recovery slot; returns the new key to show once. */
char       *pw_vault_regenerate_recovery_key        (PwVault             *self,
                                                     PwKdfCost            cost,
                                                     GError             **error);
void        pw_vault_regenerate_recovery_key_async  (PwVault             *self,
                                                     PwKdfCost            cost,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char       *pw_vault_regenerate_recovery_key_finish (PwVault             *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Backups of vault.db in <directory>/backups/, encrypted like the vault
 * (the key slots open them too). Taken at lock when the newest is more than
 * a day old, and on demand; rotated to the 10 newest plus one a month for a
 * year. Timestamps are UTC microseconds, newest first. */
GArray     *pw_vault_list_backups            (PwVault             *self);
gboolean    pw_vault_backup_now              (PwVault             *self,
                                              GError             **error);
gboolean    pw_vault_backup_if_due           (PwVault             *self,
                                              GError             **error);
/* Backs up the current state first, then puts the backup in its place. */
gboolean    pw_vault_restore_backup          (PwVault             *self,
                                              gint64               timestamp,
                                              GError             **error);

G_END_DECLS
