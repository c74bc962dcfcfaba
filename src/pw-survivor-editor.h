/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-survivor.h"

G_BEGIN_DECLS

#define PW_TYPE_SURVIVOR_EDITOR (pw_survivor_editor_get_type ())

G_DECLARE_FINAL_TYPE (PwSurvivorEditor, pw_survivor_editor, PW, SURVIVOR_EDITOR, AdwWindow)

/* A new survivor's record (@survivor NULL) or an edit of hers. Emits
 * ::saved (gint64 id) and closes; closes itself when the vault locks. A
 * new survivor's record is followed by her first risk review (a
 * PwRiskReviewDialog at intake, which can be skipped). */
PwSurvivorEditor *pw_survivor_editor_new  (GtkWindow        *parent,
                                           PwSession        *session,
                                           PwSurvivor       *survivor);
gboolean          pw_survivor_editor_save (PwSurvivorEditor *self);

G_END_DECLS
