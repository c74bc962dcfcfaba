/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_SURVIVOR_VIEW (pw_survivor_view_get_type ())

G_DECLARE_FINAL_TYPE (PwSurvivorView, pw_survivor_view, PW, SURVIVOR_VIEW, GtkWidget)

/* One survivor's file: a header with her case code, alias, country,
 * languages and key worker; her map and her plan; the case actions (edit,
 * pause, close, reopen, delete). Emits ::survivor-gone when she is no
 * longer there to show (deleted, or the vault locked). */
void      pw_survivor_view_set_session     (PwSurvivorView *self,
                                            PwSession      *session);
gboolean  pw_survivor_view_set_survivor_id (PwSurvivorView *self,
                                            gint64          survivor_id,
                                            GError        **error);
gint64    pw_survivor_view_get_survivor_id (PwSurvivorView *self);
/* Opens the Plan tab on her goal @item_id. */
gboolean  pw_survivor_view_show_plan_item  (PwSurvivorView *self,
                                            gint64          item_id);
/* Ctrl+F: the plan's search when the Plan tab is shown; FALSE otherwise. */
gboolean  pw_survivor_view_search          (PwSurvivorView *self);
void      pw_survivor_view_show_page       (PwSurvivorView *self,
                                            const char     *name);
const char *pw_survivor_view_get_page      (PwSurvivorView *self);

G_END_DECLS
