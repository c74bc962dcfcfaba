/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_OVERVIEW_PAGE (pw_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PwOverviewPage, pw_overview_page, PW, OVERVIEW_PAGE, GtkWidget)

/* The team's caseload at a glance, when no survivor is open: who needs
 * attention this week and where active survivors are on the pathway.
 * Each line activates win.filter-caseload with its filter. */
void pw_overview_page_set_session (PwOverviewPage *self,
                                   PwSession      *session);
void pw_overview_page_refresh     (PwOverviewPage *self);

G_END_DECLS
