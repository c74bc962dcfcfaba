/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-vault.h"

G_BEGIN_DECLS

/* Across the window while the vault is open read-only (a full disk, a
 * folder that refuses writes): says so, and what to do, for as long as it
 * lasts, so nobody types a note that cannot be saved. */
#define PW_TYPE_READ_ONLY_BANNER (pw_read_only_banner_get_type ())
G_DECLARE_FINAL_TYPE (PwReadOnlyBanner, pw_read_only_banner, PW, READ_ONLY_BANNER, AdwBin)

GtkWidget *pw_read_only_banner_new       (void);
void       pw_read_only_banner_set_vault (PwReadOnlyBanner *self,
                                          PwVault          *vault);
gboolean   pw_read_only_banner_get_shown (PwReadOnlyBanner *self);

G_END_DECLS
