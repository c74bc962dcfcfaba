/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-enums"

#include "config.h"

#include "pw-enums.h"

G_DEFINE_ENUM_TYPE (PwSurvivorStatus, pw_survivor_status,
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_STATUS_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (PwCloseReason, pw_close_reason,
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_INTEGRATED, "integrated"),
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_RETURNED_HOME, "returned_home"),
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_LOST_CONTACT, "lost_contact"),
  G_DEFINE_ENUM_VALUE (PW_CLOSE_REASON_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PwPlanItemStatus, pw_plan_item_status,
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_IN_PROGRESS, "in_progress"),
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_ACHIEVED, "achieved"),
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (PW_PLAN_ITEM_STATUS_DROPPED, "dropped"))

G_DEFINE_ENUM_TYPE (PwStageStatus, pw_stage_status,
  G_DEFINE_ENUM_VALUE (PW_STAGE_STATUS_NOT_REACHED, "not_reached"),
  G_DEFINE_ENUM_VALUE (PW_STAGE_STATUS_CURRENT, "current"),
  G_DEFINE_ENUM_VALUE (PW_STAGE_STATUS_REVISITED, "revisited"),
  G_DEFINE_ENUM_VALUE (PW_STAGE_STATUS_COMPLETED, "completed"))

G_DEFINE_ENUM_TYPE (PwAssessmentKind, pw_assessment_kind,
  G_DEFINE_ENUM_VALUE (PW_ASSESSMENT_KIND_RISK, "risk"),
  G_DEFINE_ENUM_VALUE (PW_ASSESSMENT_KIND_NEEDS, "needs"),
  G_DEFINE_ENUM_VALUE (PW_ASSESSMENT_KIND_CHECKIN, "checkin"))

G_DEFINE_ENUM_TYPE (PwRiskLevel, pw_risk_level,
  G_DEFINE_ENUM_VALUE (PW_RISK_LEVEL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PW_RISK_LEVEL_LOW, "low"),
  G_DEFINE_ENUM_VALUE (PW_RISK_LEVEL_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (PW_RISK_LEVEL_HIGH, "high"))

G_DEFINE_ENUM_TYPE (PwNeedCoverage, pw_need_coverage,
  G_DEFINE_ENUM_VALUE (PW_NEED_COVERAGE_COVERED, "covered"),
  G_DEFINE_ENUM_VALUE (PW_NEED_COVERAGE_PARTLY, "partly"),
  G_DEFINE_ENUM_VALUE (PW_NEED_COVERAGE_NOT_COVERED, "not_covered"))

G_DEFINE_ENUM_TYPE (PwConsentScope, pw_consent_scope,
  G_DEFINE_ENUM_VALUE (PW_CONSENT_SCOPE_SERVICES, "services"),
  G_DEFINE_ENUM_VALUE (PW_CONSENT_SCOPE_DATA_SHARING, "data_sharing"),
  G_DEFINE_ENUM_VALUE (PW_CONSENT_SCOPE_REPORTING, "reporting"))

G_DEFINE_ENUM_TYPE (PwConsentForm, pw_consent_form,
  G_DEFINE_ENUM_VALUE (PW_CONSENT_FORM_WRITTEN, "written"),
  G_DEFINE_ENUM_VALUE (PW_CONSENT_FORM_VERBAL, "verbal"))

G_DEFINE_ENUM_TYPE (PwConsentStatus, pw_consent_status,
  G_DEFINE_ENUM_VALUE (PW_CONSENT_STATUS_GIVEN, "given"),
  G_DEFINE_ENUM_VALUE (PW_CONSENT_STATUS_REFUSED, "refused"),
  G_DEFINE_ENUM_VALUE (PW_CONSENT_STATUS_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (PwReferralStatus, pw_referral_status,
  G_DEFINE_ENUM_VALUE (PW_REFERRAL_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (PW_REFERRAL_STATUS_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (PW_REFERRAL_STATUS_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (PW_REFERRAL_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PW_REFERRAL_STATUS_DECLINED, "declined"))

G_DEFINE_ENUM_TYPE (PwRecordKind, pw_record_kind,
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_SURVIVOR, "survivor"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_STAGE_STATE, "stage_state"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_PLAN_ITEM, "plan_item"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_ASSESSMENT, "assessment"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_CONSENT, "consent"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_SERVICE, "service"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_REFERRAL, "referral"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_MILESTONE, "milestone"),
  G_DEFINE_ENUM_VALUE (PW_RECORD_KIND_TEMPLATE, "template"))

G_DEFINE_ENUM_TYPE (PwAuditAction, pw_audit_action,
  G_DEFINE_ENUM_VALUE (PW_AUDIT_ACTION_CREATE, "create"),
  G_DEFINE_ENUM_VALUE (PW_AUDIT_ACTION_UPDATE, "update"),
  G_DEFINE_ENUM_VALUE (PW_AUDIT_ACTION_DELETE, "delete"),
  G_DEFINE_ENUM_VALUE (PW_AUDIT_ACTION_STATUS, "status"))

G_DEFINE_ENUM_TYPE (PwSurvivorSort, pw_survivor_sort,
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_SORT_CASE_CODE, "case_code"),
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_SORT_UPDATED, "updated"),
  G_DEFINE_ENUM_VALUE (PW_SURVIVOR_SORT_INTAKE_DATE, "intake_date"))

const char *
pw_enum_to_nick (GType type,
                 int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
pw_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}
