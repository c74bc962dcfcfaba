/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pw-store.h"

G_BEGIN_DECLS

/* Test-only hooks. Nothing outside src/core/pw-store.c and tests includes this. */

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

G_END_DECLS
