/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-types"

#include "config.h"

#include "pw-caseload-view.h"
#include "pw-demo-banner.h"
#include "pw-export-dialog.h"
#include "pw-import-dialog.h"
#include "pw-overview-page.h"
#include "pw-plan-item-editor.h"
#include "pw-plan-item-row.h"
#include "pw-plan-page.h"
#include "pw-survivor-editor.h"
#include "pw-survivor-row.h"
#include "pw-survivor-view.h"
#include "pw-types.h"

#include "pw-application.h"
#include "pw-form-dialog.h"
#include "pw-lock-page.h"
#include "pw-notes-page.h"
#include "pw-preferences-window.h"
#include "pw-progress-page.h"
#include "pw-recovery-key-page.h"
#include "pw-risk-review-dialog.h"
#include "pw-safety-page.h"
#include "pw-services-window.h"
#include "pw-setup-page.h"
#include "pw-pathway-map.h"
#include "pw-step-popover.h"
#include "pw-presentation-window.h"
#include "pw-survivor-facing-view.h"
#include "pw-window.h"

/* Registers every type a .ui file may name, so GtkBuilder and the tests can
 * resolve them by name. */
void
pw_ensure_types (void)
{
  g_type_ensure (PW_TYPE_APPLICATION);
  g_type_ensure (PW_TYPE_FORM_DIALOG);
  g_type_ensure (PW_TYPE_LOCK_PAGE);
  g_type_ensure (PW_TYPE_NOTES_PAGE);
  g_type_ensure (PW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (PW_TYPE_PROGRESS_PAGE);
  g_type_ensure (PW_TYPE_RECOVERY_KEY_PAGE);
  g_type_ensure (PW_TYPE_RISK_REVIEW_DIALOG);
  g_type_ensure (PW_TYPE_SAFETY_PAGE);
  g_type_ensure (PW_TYPE_SERVICES_WINDOW);
  g_type_ensure (PW_TYPE_SETUP_PAGE);
  g_type_ensure (PW_TYPE_PATHWAY_MAP);
  g_type_ensure (PW_TYPE_STEP_POPOVER);
  g_type_ensure (PW_TYPE_PRESENTATION_WINDOW);
  g_type_ensure (PW_TYPE_SURVIVOR_FACING_VIEW);
  g_type_ensure (PW_TYPE_CASELOAD_VIEW);
  g_type_ensure (PW_TYPE_DEMO_BANNER);
  g_type_ensure (PW_TYPE_EXPORT_DIALOG);
  g_type_ensure (PW_TYPE_IMPORT_DIALOG);
  g_type_ensure (PW_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PW_TYPE_PLAN_ITEM_EDITOR);
  g_type_ensure (PW_TYPE_PLAN_ITEM_ROW);
  g_type_ensure (PW_TYPE_PLAN_PAGE);
  g_type_ensure (PW_TYPE_SURVIVOR_EDITOR);
  g_type_ensure (PW_TYPE_SURVIVOR_ROW);
  g_type_ensure (PW_TYPE_SURVIVOR_VIEW);
  g_type_ensure (PW_TYPE_WINDOW);
}
