/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_CASELOAD_VIEW (pw_caseload_view_get_type ())

G_DECLARE_FINAL_TYPE (PwCaseloadView, pw_caseload_view, PW, CASELOAD_VIEW, GtkWidget)

/* The key worker filter's value for "no key worker given". */
#define PW_CASELOAD_NONE "\x1fnone"

/* The sidebar: search as you type, filters, sort and the survivor list.
 * Emits ::survivor-activated (gint64 id) when a survivor is chosen. */
void        pw_caseload_view_set_session    (PwCaseloadView *self,
                                             PwSession      *session);
void        pw_caseload_view_focus_search   (PwCaseloadView *self);
/* Selects her, clearing the search and filters if they hide her. */
void        pw_caseload_view_select         (PwCaseloadView *self,
                                             gint64          survivor_id);
void        pw_caseload_view_unselect       (PwCaseloadView *self);
/* Clears search and filters, then shows active survivors narrowed by a
 * filter spec: "attention:<n>" (a PwSurvivorAttention) or "stage:<id>"
 * ("stage:" for none marked yet). */
void        pw_caseload_view_apply_filter   (PwCaseloadView *self,
                                             const char     *spec);
void        pw_caseload_view_clear_filters  (PwCaseloadView *self);
GListModel *pw_caseload_view_get_model      (PwCaseloadView *self);

G_END_DECLS
