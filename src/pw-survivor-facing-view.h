/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-her-plan.h"
#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_SURVIVOR_FACING_VIEW (pw_survivor_facing_view_get_type ())
G_DECLARE_FINAL_TYPE (PwSurvivorFacingView, pw_survivor_facing_view, PW, SURVIVOR_FACING_VIEW, GtkWidget)

/* What the survivor sees on the worker's screen: her map and her plan, in
 * her preferred language, large and calm — and nothing else: no risk, no
 * notes, no consents, no other survivor, no menu that leads to them. The
 * window shows it in place of the whole workspace.
 *
 * ::leave — she or the worker is done (Esc, or the close button): the
 * window goes back to the workspace, with no passphrase. The view drops
 * her data when it is cleared and as soon as the session locks. */
GtkWidget *pw_survivor_facing_view_new            (void);

void       pw_survivor_facing_view_set_session    (PwSurvivorFacingView  *self,
                                                   PwSession             *session);
/* Loads her plan; FALSE (and nothing shown) if she cannot be read. */
gboolean   pw_survivor_facing_view_show_survivor  (PwSurvivorFacingView  *self,
                                                   gint64                 survivor_id,
                                                   GError               **error);
gint64     pw_survivor_facing_view_get_survivor_id (PwSurvivorFacingView *self);
/* Forgets her: empty map, empty plan. */
void       pw_survivor_facing_view_clear          (PwSurvivorFacingView  *self);

/* For tests. */
PwHerPlan *pw_survivor_facing_view_get_plan       (PwSurvivorFacingView  *self);
GtkWidget *pw_survivor_facing_view_get_map        (PwSurvivorFacingView  *self);
void       pw_survivor_facing_view_show_page      (PwSurvivorFacingView  *self,
                                                   const char            *name);

G_END_DECLS
