/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_SESSION_WATCHER (pw_session_watcher_get_type ())

G_DECLARE_FINAL_TYPE (PwSessionWatcher, pw_session_watcher, PW, SESSION_WATCHER, GObject)

/* Locks @session when the desktop locks the screen and before the computer
 * goes to sleep:
 * - ActiveChanged(true) of org.gnome.ScreenSaver or org.freedesktop.ScreenSaver
 *   on the session bus;
 * - Lock of this login session, and PrepareForSleep(true), from logind on
 *   the system bus.
 * A bus or service that is not there only turns that watch off. The demo
 * vault is left open, as by the idle lock: it holds only fictional cases. */
PwSessionWatcher *pw_session_watcher_new           (PwSession        *session);

/* For the tests: either connection may be %NULL. */
PwSessionWatcher *pw_session_watcher_new_for_buses (PwSession        *session,
                                                    GDBusConnection  *session_bus,
                                                    GDBusConnection  *system_bus);

/* The logind object path of this login session once it is known, else %NULL. */
const char       *pw_session_watcher_get_login_session (PwSessionWatcher *self);

G_END_DECLS
