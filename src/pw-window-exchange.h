/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pw-window.h"

G_BEGIN_DECLS

/* PwWindow's case-file actions, kept out of pw-window.c:
 *   win.export-vault, win.export-survivor (x: her id), win.import,
 *   win.open-demo, win.close-demo. */
void pw_window_exchange_class_init (GtkWidgetClass *widget_class);
/* Once the window has its session: keeps the actions' enabled state. */
void pw_window_exchange_init       (PwWindow       *self);

/* A toast on the window (a PwWindow or any window whose content is an
 * AdwToastOverlay). */
void pw_window_exchange_toast      (GtkWindow      *window,
                                    const char     *text);

G_END_DECLS
