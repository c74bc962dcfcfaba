/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_NOTE (pw_note_get_type ())

G_DECLARE_FINAL_TYPE (PwNote, pw_note, PW, NOTE, GObject)

PwNote      *pw_note_new             (void);
PwNote      *pw_note_copy            (const PwNote *self);
gint64       pw_note_get_id          (const PwNote *self);
void         pw_note_set_id          (PwNote *self,
                                      gint64  value);
gint64       pw_note_get_survivor_id (const PwNote *self);
void         pw_note_set_survivor_id (PwNote *self,
                                      gint64  value);
const char  *pw_note_get_date        (const PwNote *self);
void         pw_note_set_date        (PwNote     *self,
                                      const char *value);
const char  *pw_note_get_body        (const PwNote *self);
void         pw_note_set_body        (PwNote     *self,
                                      const char *value);
gboolean     pw_note_get_restricted  (const PwNote *self);
void         pw_note_set_restricted  (PwNote   *self,
                                      gboolean  value);
const char  *pw_note_get_author      (const PwNote *self);
void         pw_note_set_author      (PwNote     *self,
                                      const char *value);
gint64       pw_note_get_created_at  (const PwNote *self);
void         pw_note_set_created_at  (PwNote *self,
                                      gint64  value);
gint64       pw_note_get_updated_at  (const PwNote *self);
void         pw_note_set_updated_at  (PwNote *self,
                                      gint64  value);

G_END_DECLS
