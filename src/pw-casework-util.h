/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-store.h"

G_BEGIN_DECLS

/* Small helpers the casework screens share (not a class). */

/* Her template, or the default one when hers is unknown or missing;
 * owned by the session's template registry. */
PwTemplate *pw_casework_get_template         (PwSession         *session,
                                              const char        *template_id);
/* The stage's name in @lang (NULL: the interface language), or NULL. */
const char *pw_casework_stage_name           (PwSession         *session,
                                              const char        *template_id,
                                              const char        *stage_id,
                                              const char        *lang);
const char *pw_casework_plan_status_label    (PwPlanItemStatus   status);
const char *pw_casework_plan_status_icon     (PwPlanItemStatus   status);
const char *pw_casework_survivor_status_label (PwSurvivorStatus  status);
const char *pw_casework_close_reason_label   (PwCloseReason      reason);
/* "YYYY-MM-DD" as the locale writes a date; NULL for NULL. */
char       *pw_casework_format_date          (const char        *date);
/* A score: whole without a decimal, a mean with one, with the interface
 * language's decimal separator ("3", "2,5"). */
char       *pw_casework_format_score         (double             value);
/* A moment in the interface language's words ("3 Mar 2026, 14:05"), never
 * through the C library's %x, which follows LC_TIME, not the language. */
char       *pw_casework_format_date_time     (GDateTime         *when,
                                              gboolean           with_time);
/* Days from today to @date (negative: in the past); FALSE if no date. */
gboolean    pw_casework_days_until           (const char        *date,
                                              int               *days);
char       *pw_casework_today                (void);
/* After her goal @item_id was stored as achieved: a milestone for her map
 * and a toast that celebrates it, with Undo back to @previous. */
gboolean    pw_casework_celebrate            (GtkWidget         *widget,
                                              PwStore           *store,
                                              gint64             item_id,
                                              PwPlanItemStatus   previous,
                                              GError           **error);
/* Shows @message in the window's toast overlay above @widget. */
void        pw_casework_toast                (GtkWidget         *widget,
                                              const char        *message);

G_END_DECLS
