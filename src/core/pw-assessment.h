/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

/* One line of a basic-needs assessment: a need id ("housing", "food",
 * "clothing", "health", or "own" for a need she names, in @label). */
typedef struct
{
  char           *need;
  char           *label;
  PwNeedCoverage  coverage;
  int             priority;     /* her own ranking, 1 first; 0 unranked */
} PwNeedItem;

/* One indicator of a check-in, co-rated: 1–5, 0 when not rated. */
typedef struct
{
  char *indicator_id;
  int   her_score;
  int   worker_score;
} PwCheckinScore;

#define PW_TYPE_NEED_ITEM (pw_need_item_get_type ())
#define PW_TYPE_CHECKIN_SCORE (pw_checkin_score_get_type ())

GType           pw_need_item_get_type     (void) G_GNUC_CONST;
PwNeedItem     *pw_need_item_new          (const char           *need,
                                           const char           *label,
                                           PwNeedCoverage        coverage,
                                           int                   priority);
PwNeedItem     *pw_need_item_copy         (const PwNeedItem     *item);
void            pw_need_item_free         (PwNeedItem           *item);

GType           pw_checkin_score_get_type (void) G_GNUC_CONST;
PwCheckinScore *pw_checkin_score_new      (const char           *indicator_id,
                                           int                   her_score,
                                           int                   worker_score);
PwCheckinScore *pw_checkin_score_copy     (const PwCheckinScore *score);
void            pw_checkin_score_free     (PwCheckinScore       *score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwNeedItem, pw_need_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwCheckinScore, pw_checkin_score_free)

#define PW_TYPE_ASSESSMENT (pw_assessment_get_type ())

G_DECLARE_FINAL_TYPE (PwAssessment, pw_assessment, PW, ASSESSMENT, GObject)

PwAssessment        *pw_assessment_new                (void);
PwAssessment        *pw_assessment_copy               (const PwAssessment *self);
gint64               pw_assessment_get_id             (const PwAssessment *self);
void                 pw_assessment_set_id             (PwAssessment *self,
                                                       gint64        value);
gint64               pw_assessment_get_survivor_id    (const PwAssessment *self);
void                 pw_assessment_set_survivor_id    (PwAssessment *self,
                                                       gint64        value);
PwAssessmentKind     pw_assessment_get_kind           (const PwAssessment *self);
void                 pw_assessment_set_kind           (PwAssessment     *self,
                                                       PwAssessmentKind  value);
const char          *pw_assessment_get_date           (const PwAssessment *self);
void                 pw_assessment_set_date           (PwAssessment *self,
                                                       const char   *value);
const char          *pw_assessment_get_assessor       (const PwAssessment *self);
void                 pw_assessment_set_assessor       (PwAssessment *self,
                                                       const char   *value);
PwRiskLevel          pw_assessment_get_risk_level     (const PwAssessment *self);
void                 pw_assessment_set_risk_level     (PwAssessment *self,
                                                       PwRiskLevel   value);
const char * const  *pw_assessment_get_risk_factors   (const PwAssessment *self);
void                 pw_assessment_set_risk_factors   (PwAssessment       *self,
                                                       const char * const *value);
const char          *pw_assessment_get_review_trigger (const PwAssessment *self);
void                 pw_assessment_set_review_trigger (PwAssessment *self,
                                                       const char   *value);
const char          *pw_assessment_get_next_review    (const PwAssessment *self);
void                 pw_assessment_set_next_review    (PwAssessment *self,
                                                       const char   *value);
const char          *pw_assessment_get_notes          (const PwAssessment *self);
void                 pw_assessment_set_notes          (PwAssessment *self,
                                                       const char   *value);
gint64               pw_assessment_get_created_at     (const PwAssessment *self);
void                 pw_assessment_set_created_at     (PwAssessment *self,
                                                       gint64        value);
gint64               pw_assessment_get_updated_at     (const PwAssessment *self);
void                 pw_assessment_set_updated_at     (PwAssessment *self,
                                                       gint64        value);

/* Needs (kind "needs") and scores (kind "checkin"), in order; the arrays
 * belong to the assessment. The add functions take ownership. */
GPtrArray     *pw_assessment_get_needs  (PwAssessment   *self);
void           pw_assessment_add_need   (PwAssessment   *self,
                                         PwNeedItem     *item);
GPtrArray     *pw_assessment_get_scores (PwAssessment   *self);
void           pw_assessment_add_score  (PwAssessment   *self,
                                         PwCheckinScore *score);

G_END_DECLS
