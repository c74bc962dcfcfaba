/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_PRESENTATION_WINDOW (pw_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (PwPresentationWindow, pw_presentation_window, PW, PRESENTATION_WINDOW, AdwWindow)

/* The pathway for a workshop room: full screen, an overview, then each
 * stage (its summary, her role and the community's role) and its steps,
 * then the overview again. Arrows, Page Up/Down, Home/End; C follows one of
 * the example cases through the stages; Esc leaves.
 *
 * Only with no real vault open — with the example cases or with the vault
 * locked — so nothing real can reach a projector. It closes itself the
 * moment a real vault is unlocked. */

/* FALSE, with a sentence for the user, when a real vault is unlocked. */
gboolean              pw_presentation_can_start            (PwSession            *session,
                                                            GError              **error);

/* NULL (and @error set) when pw_presentation_can_start() says no. */
PwPresentationWindow *pw_presentation_window_new           (GtkApplication       *application,
                                                            PwSession            *session,
                                                            GError              **error);
/* What F5 does: presents it full screen over @parent, or tells why not. */
void                  pw_presentation_start                (GtkWindow            *parent,
                                                            PwSession            *session);

guint                 pw_presentation_window_get_n_slides  (PwPresentationWindow *self);
guint                 pw_presentation_window_get_slide     (PwPresentationWindow *self);
void                  pw_presentation_window_set_slide     (PwPresentationWindow *self,
                                                            guint                 slide);
/* The example case followed through the stages (0: none). Only a case of
 * the example vault can be followed. */
gint64                pw_presentation_window_get_case      (PwPresentationWindow *self);
void                  pw_presentation_window_follow_case   (PwPresentationWindow *self,
                                                            gint64                survivor_id);

G_END_DECLS
