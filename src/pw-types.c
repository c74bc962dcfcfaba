/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-types"

#include "config.h"

#include "pw-types.h"

#include "pw-application.h"
#include "pw-window.h"

/* Registers every type a .ui file may name, so GtkBuilder and the tests can
 * resolve them by name. */
void
pw_ensure_types (void)
{
  g_type_ensure (PW_TYPE_APPLICATION);
  g_type_ensure (PW_TYPE_WINDOW);
}
