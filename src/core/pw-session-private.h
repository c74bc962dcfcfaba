/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pw-session.h"

G_BEGIN_DECLS

/* For the tests: the idle check at a given monotonic time. */
gboolean pw_session_check_idle (PwSession *self,
                                gint64     now);

G_END_DECLS
