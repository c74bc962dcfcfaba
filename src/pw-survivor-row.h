/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-survivor.h"

G_BEGIN_DECLS

#define PW_TYPE_SURVIVOR_ROW (pw_survivor_row_get_type ())

G_DECLARE_FINAL_TYPE (PwSurvivorRow, pw_survivor_row, PW, SURVIVOR_ROW, GtkWidget)

/* One line of the caseload list: case code, alias, current stage, and a
 * badge when something is overdue. */
PwSurvivorRow *pw_survivor_row_new          (PwSession     *session);
void           pw_survivor_row_set_survivor (PwSurvivorRow *self,
                                             PwSurvivor    *survivor);
PwSurvivor    *pw_survivor_row_get_survivor (PwSurvivorRow *self);

G_END_DECLS
