/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-application.h"
#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_WINDOW (pw_window_get_type ())

G_DECLARE_FINAL_TYPE (PwWindow, pw_window, PW, WINDOW, AdwApplicationWindow)

PwWindow  *pw_window_new         (PwApplication *application,
                                  PwSession     *session);
PwSession *pw_window_get_session (PwWindow      *self);
/* Survivor view: only her map and plan, in her language (Esc leaves). */
void       pw_window_set_survivor_mode (PwWindow *self,
                                        gboolean  survivor_mode);
gboolean   pw_window_get_survivor_mode (PwWindow *self);

G_END_DECLS
