/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-template-registry.h"
#include "pw-vault.h"

G_BEGIN_DECLS

typedef enum
{
  PW_SESSION_NEEDS_SETUP, /* no vault on this computer yet */
  PW_SESSION_LOCKED,
  PW_SESSION_UNLOCKED,
} PwSessionState;

#define PW_TYPE_SESSION_STATE (pw_session_state_get_type ())
#define PW_TYPE_SESSION (pw_session_get_type ())

GType pw_session_state_get_type (void);

G_DECLARE_FINAL_TYPE (PwSession, pw_session, PW, SESSION, GObject)

PwSession      *pw_session_new            (PwVault    *vault,
                                           GSettings  *settings);

PwVault        *pw_session_get_vault      (PwSession  *self);
GSettings      *pw_session_get_settings   (PwSession  *self);
PwStore        *pw_session_get_store      (PwSession  *self);
PwSessionState  pw_session_get_state      (PwSession  *self);
PwKdfCost       pw_session_get_kdf_cost   (PwSession  *self);
void            pw_session_set_kdf_cost   (PwSession  *self,
                                           PwKdfCost   cost);

void            pw_session_lock           (PwSession  *self);

/* The example cases in a vault that lives in memory only: for trainers and
 * for a first look. Needs the real vault locked (or not created yet); the
 * state becomes UNLOCKED with "demo" TRUE, and pw_session_lock() closes it,
 * dropping every change, back to the lock or first-run screen. */
gboolean        pw_session_open_demo      (PwSession  *self,
                                           GError    **error);
gboolean        pw_session_get_demo       (PwSession  *self);

PwTemplateRegistry *pw_session_get_templates   (PwSession   *self);
PwTemplate         *pw_session_lookup_template (PwSession   *self,
                                                const char  *id,
                                                GError     **error);
char               *pw_session_import_template (PwSession   *self,
                                                GFile       *file,
                                                GError     **error);

/* Restarts the idle countdown: call on every user interaction. */
void            pw_session_touch          (PwSession  *self);

G_END_DECLS
