/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-types"

#include "config.h"

#include "pw-types.h"

#include "pw-application.h"
#include "pw-lock-page.h"
#include "pw-preferences-window.h"
#include "pw-recovery-key-page.h"
#include "pw-setup-page.h"
#include "pw-pathway-map.h"
#include "pw-step-popover.h"
#include "pw-window.h"

/* Registers every type a .ui file may name, so GtkBuilder and the tests can
 * resolve them by name. */
void
pw_ensure_types (void)
{
  g_type_ensure (PW_TYPE_APPLICATION);
  g_type_ensure (PW_TYPE_LOCK_PAGE);
  g_type_ensure (PW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (PW_TYPE_RECOVERY_KEY_PAGE);
  g_type_ensure (PW_TYPE_SETUP_PAGE);
  g_type_ensure (PW_TYPE_PATHWAY_MAP);
  g_type_ensure (PW_TYPE_STEP_POPOVER);
  g_type_ensure (PW_TYPE_WINDOW);
}
