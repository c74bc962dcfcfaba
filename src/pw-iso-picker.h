/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-iso-codes.h"

G_BEGIN_DECLS

#define PW_TYPE_ISO_PICKER (pw_iso_picker_get_type ())

G_DECLARE_FINAL_TYPE (PwIsoPicker, pw_iso_picker, PW, ISO_PICKER, GtkWidget)

/* A button that opens a searchable list of countries or languages, named
 * in the interface language. With @adding, it emits ::picked (code) and
 * keeps showing @label; otherwise the chosen one is its `code`. */
GtkWidget  *pw_iso_picker_new      (PwIsoKind    kind,
                                    gboolean     adding,
                                    const char  *label);
const char *pw_iso_picker_get_code (PwIsoPicker *self);
void        pw_iso_picker_set_code (PwIsoPicker *self,
                                    const char  *code);
/* Pick @code as if the person had chosen it in the list (for tests). */
void        pw_iso_picker_pick     (PwIsoPicker *self,
                                    const char  *code);

G_END_DECLS
