/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_PROGRESS_PAGE (pw_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (PwProgressPage, pw_progress_page, PW, PROGRESS_PAGE, GtkWidget)

/* Her Progress tab: check-ins co-rated with her on the template's
 * indicators, the distance travelled in each area of life since her first
 * check-in, a chart of the scores over time, and her milestones. */
GtkWidget *pw_progress_page_new             (PwSession      *session);
void       pw_progress_page_set_survivor_id (PwProgressPage *self,
                                             gint64          survivor_id);
gint64     pw_progress_page_get_survivor_id (PwProgressPage *self);

G_END_DECLS
