/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_APPLICATION (pw_application_get_type ())

G_DECLARE_FINAL_TYPE (PwApplication, pw_application, PW, APPLICATION, AdwApplication)

PwApplication *pw_application_new         (void);
void           pw_application_set_session (PwApplication *self,
                                           PwSession     *session);
PwSession     *pw_application_get_session (PwApplication *self);

G_END_DECLS
