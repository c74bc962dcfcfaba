/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_RECOVERY_KEY_CHECKS 4

#define PW_TYPE_RECOVERY_KEY_PAGE (pw_recovery_key_page_get_type ())

G_DECLARE_FINAL_TYPE (PwRecoveryKeyPage, pw_recovery_key_page, PW, RECOVERY_KEY_PAGE, AdwBin)

void         pw_recovery_key_page_set_key        (PwRecoveryKeyPage *self,
                                                  const char        *key);
void         pw_recovery_key_page_clear          (PwRecoveryKeyPage *self);
const guint *pw_recovery_key_page_get_positions  (PwRecoveryKeyPage *self);
/* For the tests: how long a copied key stays on the clipboard (60 s). */
void         pw_recovery_key_page_set_clipboard_seconds (PwRecoveryKeyPage *self,
                                                         guint              seconds);

gboolean     pw_recovery_key_characters_match    (const char        *key,
                                                  const guint       *positions,
                                                  const char *const *answers);

G_END_DECLS
