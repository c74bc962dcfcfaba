/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_SAFETY_PAGE (pw_safety_page_get_type ())

G_DECLARE_FINAL_TYPE (PwSafetyPage, pw_safety_page, PW, SAFETY_PAGE, GtkWidget)

/* Her Safety & consent tab: risk assessments and the review they call
 * for (at intake, when overdue, after a change of home, work or area),
 * basic needs snapshots, informed consents and referrals to the service
 * network. Shows nothing of her once the vault locks. */
GtkWidget *pw_safety_page_new             (PwSession    *session);
void       pw_safety_page_set_survivor_id (PwSafetyPage *self,
                                           gint64        survivor_id);
gint64     pw_safety_page_get_survivor_id (PwSafetyPage *self);

G_END_DECLS
