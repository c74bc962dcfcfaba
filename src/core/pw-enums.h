/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value is what the vault stores: never change one. */

typedef enum
{
  PW_SURVIVOR_STATUS_ACTIVE,
  PW_SURVIVOR_STATUS_PAUSED,
  PW_SURVIVOR_STATUS_CLOSED,
} PwSurvivorStatus;

typedef enum
{
  PW_CLOSE_REASON_NONE,
  PW_CLOSE_REASON_INTEGRATED,
  PW_CLOSE_REASON_MOVED,
  PW_CLOSE_REASON_RETURNED_HOME,
  PW_CLOSE_REASON_LOST_CONTACT,
  PW_CLOSE_REASON_OTHER,
} PwCloseReason;

typedef enum
{
  PW_PLAN_ITEM_STATUS_PROPOSED,
  PW_PLAN_ITEM_STATUS_AGREED,
  PW_PLAN_ITEM_STATUS_IN_PROGRESS,
  PW_PLAN_ITEM_STATUS_ACHIEVED,
  PW_PLAN_ITEM_STATUS_PAUSED,
  PW_PLAN_ITEM_STATUS_DROPPED,
} PwPlanItemStatus;

typedef enum
{
  PW_STAGE_STATUS_NOT_REACHED,
  PW_STAGE_STATUS_CURRENT,
  PW_STAGE_STATUS_REVISITED,
  PW_STAGE_STATUS_COMPLETED,
} PwStageStatus;

typedef enum
{
  PW_ASSESSMENT_KIND_RISK,
  PW_ASSESSMENT_KIND_NEEDS,
  PW_ASSESSMENT_KIND_CHECKIN,
} PwAssessmentKind;

typedef enum
{
  PW_RISK_LEVEL_NONE,           /* not a risk assessment */
  PW_RISK_LEVEL_LOW,
  PW_RISK_LEVEL_MEDIUM,
  PW_RISK_LEVEL_HIGH,
} PwRiskLevel;

typedef enum
{
  PW_NEED_COVERAGE_COVERED,
  PW_NEED_COVERAGE_PARTLY,
  PW_NEED_COVERAGE_NOT_COVERED,
} PwNeedCoverage;

typedef enum
{
  PW_CONSENT_SCOPE_SERVICES,
  PW_CONSENT_SCOPE_DATA_SHARING,
  PW_CONSENT_SCOPE_REPORTING,
} PwConsentScope;

typedef enum
{
  PW_CONSENT_FORM_WRITTEN,
  PW_CONSENT_FORM_VERBAL,
} PwConsentForm;

typedef enum
{
  PW_CONSENT_STATUS_GIVEN,
  PW_CONSENT_STATUS_REFUSED,
  PW_CONSENT_STATUS_WITHDRAWN,
} PwConsentStatus;

typedef enum
{
  PW_REFERRAL_STATUS_PROPOSED,
  PW_REFERRAL_STATUS_SENT,
  PW_REFERRAL_STATUS_ACCEPTED,
  PW_REFERRAL_STATUS_COMPLETED,
  PW_REFERRAL_STATUS_DECLINED,
} PwReferralStatus;

/* The kind of record a change or an audit row is about. */
typedef enum
{
  PW_RECORD_KIND_SURVIVOR,
  PW_RECORD_KIND_STAGE_STATE,
  PW_RECORD_KIND_PLAN_ITEM,
  PW_RECORD_KIND_ASSESSMENT,
  PW_RECORD_KIND_CONSENT,
  PW_RECORD_KIND_SERVICE,
  PW_RECORD_KIND_REFERRAL,
  PW_RECORD_KIND_NOTE,
  PW_RECORD_KIND_MILESTONE,
  PW_RECORD_KIND_TEMPLATE,      /* an imported pathway template */
} PwRecordKind;

typedef enum
{
  PW_AUDIT_ACTION_CREATE,
  PW_AUDIT_ACTION_UPDATE,
  PW_AUDIT_ACTION_DELETE,
  PW_AUDIT_ACTION_STATUS,
} PwAuditAction;

typedef enum
{
  PW_SURVIVOR_SORT_CASE_CODE,
  PW_SURVIVOR_SORT_UPDATED,     /* most recently changed first */
  PW_SURVIVOR_SORT_INTAKE_DATE, /* most recent intake first */
} PwSurvivorSort;

#define PW_TYPE_SURVIVOR_STATUS (pw_survivor_status_get_type ())
#define PW_TYPE_CLOSE_REASON (pw_close_reason_get_type ())
#define PW_TYPE_PLAN_ITEM_STATUS (pw_plan_item_status_get_type ())
#define PW_TYPE_STAGE_STATUS (pw_stage_status_get_type ())
#define PW_TYPE_ASSESSMENT_KIND (pw_assessment_kind_get_type ())
#define PW_TYPE_RISK_LEVEL (pw_risk_level_get_type ())
#define PW_TYPE_NEED_COVERAGE (pw_need_coverage_get_type ())
#define PW_TYPE_CONSENT_SCOPE (pw_consent_scope_get_type ())
#define PW_TYPE_CONSENT_FORM (pw_consent_form_get_type ())
#define PW_TYPE_CONSENT_STATUS (pw_consent_status_get_type ())
#define PW_TYPE_REFERRAL_STATUS (pw_referral_status_get_type ())
#define PW_TYPE_RECORD_KIND (pw_record_kind_get_type ())
#define PW_TYPE_AUDIT_ACTION (pw_audit_action_get_type ())
#define PW_TYPE_SURVIVOR_SORT (pw_survivor_sort_get_type ())

GType pw_survivor_status_get_type (void) G_GNUC_CONST;
GType pw_close_reason_get_type (void) G_GNUC_CONST;
GType pw_plan_item_status_get_type (void) G_GNUC_CONST;
GType pw_stage_status_get_type (void) G_GNUC_CONST;
GType pw_assessment_kind_get_type (void) G_GNUC_CONST;
GType pw_risk_level_get_type (void) G_GNUC_CONST;
GType pw_need_coverage_get_type (void) G_GNUC_CONST;
GType pw_consent_scope_get_type (void) G_GNUC_CONST;
GType pw_consent_form_get_type (void) G_GNUC_CONST;
GType pw_consent_status_get_type (void) G_GNUC_CONST;
GType pw_referral_status_get_type (void) G_GNUC_CONST;
GType pw_record_kind_get_type (void) G_GNUC_CONST;
GType pw_audit_action_get_type (void) G_GNUC_CONST;
GType pw_survivor_sort_get_type (void) G_GNUC_CONST;

/* The stored name of @value of enum @type, or NULL if it is not a value. */
const char *pw_enum_to_nick   (GType       type,
                               int         value);
/* The value whose stored name is @nick; FALSE if there is none. */
gboolean    pw_enum_from_nick (GType       type,
                               const char *nick,
                               int        *value);

G_END_DECLS
