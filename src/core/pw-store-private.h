/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pw-store.h"

G_BEGIN_DECLS

/* For pw-store.c, the store's own list models and the tests only. */

/* Migrates the open database from version N to N + 1, inside a transaction
 * that the caller opened (and commits, after setting user_version). */
typedef gboolean (*PwStoreMigration) (sqlite3  *db,
                                      GError  **error);

const PwStoreMigration *pw_store_get_default_migrations (guint *n_migrations);

/* Like pw_store_open(), with migrations[i] taking the schema from version i
 * to i + 1; the latest version is n_migrations. */
PwStore  *pw_store_open_with_migrations (const char              *path,
                                         const guint8            *key,
                                         PwStoreOpenFlags         flags,
                                         const PwStoreMigration  *migrations,
                                         guint                    n_migrations,
                                         GError                 **error);

sqlite3  *pw_store_get_handle           (PwStore                 *self);

/* The smallest items-changed that turns @old_ids into @new_ids, trimming
 * the common head and tail: for the list models. */
void      pw_store_diff_ids             (const gint64            *old_ids,
                                         guint                    n_old,
                                         const gint64            *new_ids,
                                         guint                    n_new,
                                         guint                   *position,
                                         guint                   *removed,
                                         guint                   *added);

G_END_DECLS
