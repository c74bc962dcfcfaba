/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_SERVICES_WINDOW (pw_services_window_get_type ())

G_DECLARE_FINAL_TYPE (PwServicesWindow, pw_services_window, PW, SERVICES_WINDOW, AdwWindow)

/* The directory of local services her referrals go to: name, area of
 * life, contact, languages, notes; add, edit, delete, search. Closes when
 * the vault locks. */
PwServicesWindow *pw_services_window_new         (GtkWidget        *parent,
                                                  PwSession        *session);
/* Opens the form for a new service (what "Add Service" does). */
void              pw_services_window_add_service (PwServicesWindow *self);

G_END_DECLS
