/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_NOTES_PAGE (pw_notes_page_get_type ())

G_DECLARE_FINAL_TYPE (PwNotesPage, pw_notes_page, PW, NOTES_PAGE, GtkWidget)

/* Her Notes tab: dated notes, newest first. A note can be restricted to
 * the key slot that wrote it: the others see that it exists, and who
 * wrote it, never its text. */
GtkWidget *pw_notes_page_new             (PwSession   *session);
void       pw_notes_page_set_survivor_id (PwNotesPage *self,
                                          gint64       survivor_id);
gint64     pw_notes_page_get_survivor_id (PwNotesPage *self);

G_END_DECLS
