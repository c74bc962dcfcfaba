/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_IMPORT_DIALOG (pw_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwImportDialog, pw_import_dialog, PW, IMPORT_DIALOG, AdwWindow)

/* Reads @file at once: asks for its passphrase when it is encrypted, then
 * shows what it holds before anything is written. */
PwImportDialog *pw_import_dialog_new (GtkWindow *parent,
                                      PwSession *session,
                                      GFile     *file);

G_END_DECLS
