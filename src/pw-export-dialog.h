/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_EXPORT_DIALOG (pw_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwExportDialog, pw_export_dialog, PW, EXPORT_DIALOG, AdwWindow)

/* @survivor_id: her file, sent on with her consent; 0: the whole vault. */
PwExportDialog *pw_export_dialog_new      (GtkWindow      *parent,
                                           PwSession      *session,
                                           gint64          survivor_id);

/* For the tests: write here instead of asking with a file chooser. */
void            pw_export_dialog_set_file (PwExportDialog *self,
                                           GFile          *file);

G_END_DECLS
