/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-assessment"

#include "config.h"

#include "pw-assessment.h"

struct _PwAssessment
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  PwAssessmentKind kind;
  char *date;
  char *assessor;
  PwRiskLevel risk_level;
  char **risk_factors;
  char *review_trigger;
  char *next_review;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
  GPtrArray *needs;
  GPtrArray *scores;
};

G_DEFINE_FINAL_TYPE (PwAssessment, pw_assessment, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PwNeedItem, pw_need_item, pw_need_item_copy, pw_need_item_free)
G_DEFINE_BOXED_TYPE (PwCheckinScore, pw_checkin_score, pw_checkin_score_copy, pw_checkin_score_free)

PwNeedItem *
pw_need_item_new (const char     *need,
                  const char     *label,
                  PwNeedCoverage  coverage,
                  int             priority)
{
  PwNeedItem *item = g_new0 (PwNeedItem, 1);

  item->need = g_strdup (need);
  item->label = g_strdup (label);
  item->coverage = coverage;
  item->priority = priority;
  return item;
}

PwNeedItem *
pw_need_item_copy (const PwNeedItem *item)
{
  return pw_need_item_new (item->need, item->label, item->coverage, item->priority);
}

void
pw_need_item_free (PwNeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->need);
  g_free (item->label);
  g_free (item);
}

PwCheckinScore *
pw_checkin_score_new (const char *indicator_id,
                      int         her_score,
                      int         worker_score)
{
  PwCheckinScore *score = g_new0 (PwCheckinScore, 1);

  score->indicator_id = g_strdup (indicator_id);
  score->her_score = her_score;
  score->worker_score = worker_score;
  return score;
}

PwCheckinScore *
pw_checkin_score_copy (const PwCheckinScore *score)
{
  return pw_checkin_score_new (score->indicator_id, score->her_score, score->worker_score);
}

void
pw_checkin_score_free (PwCheckinScore *score)
{
  if (score == NULL)
    return;
  g_free (score->indicator_id);
  g_free (score);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_ASSESSOR,
  PROP_RISK_LEVEL,
  PROP_RISK_FACTORS,
  PROP_REVIEW_TRIGGER,
  PROP_NEXT_REVIEW,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_assessment_finalize (GObject *object)
{
  PwAssessment *self = (PwAssessment *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->assessor, g_free);
  g_clear_pointer (&self->risk_factors, g_strfreev);
  g_clear_pointer (&self->review_trigger, g_free);
  g_clear_pointer (&self->next_review, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->scores, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_assessment_parent_class)->finalize (object);
}

static void
pw_assessment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwAssessment *self = PW_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ASSESSOR:
      g_value_set_string (value, self->assessor);
      break;

    case PROP_RISK_LEVEL:
      g_value_set_enum (value, self->risk_level);
      break;

    case PROP_RISK_FACTORS:
      g_value_set_boxed (value, self->risk_factors);
      break;

    case PROP_REVIEW_TRIGGER:
      g_value_set_string (value, self->review_trigger);
      break;

    case PROP_NEXT_REVIEW:
      g_value_set_string (value, self->next_review);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwAssessment *self = PW_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_assessment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_assessment_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      pw_assessment_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_DATE:
      pw_assessment_set_date (self, g_value_get_string (value));
      break;

    case PROP_ASSESSOR:
      pw_assessment_set_assessor (self, g_value_get_string (value));
      break;

    case PROP_RISK_LEVEL:
      pw_assessment_set_risk_level (self, g_value_get_enum (value));
      break;

    case PROP_RISK_FACTORS:
      pw_assessment_set_risk_factors (self, g_value_get_boxed (value));
      break;

    case PROP_REVIEW_TRIGGER:
      pw_assessment_set_review_trigger (self, g_value_get_string (value));
      break;

    case PROP_NEXT_REVIEW:
      pw_assessment_set_next_review (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      pw_assessment_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_assessment_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_assessment_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_class_init (PwAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_assessment_finalize;
  object_class->get_property = pw_assessment_get_property;
  object_class->set_property = pw_assessment_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PW_TYPE_ASSESSMENT_KIND, PW_ASSESSMENT_KIND_RISK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_ASSESSOR] =
    g_param_spec_string ("assessor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_RISK_LEVEL] =
    g_param_spec_enum ("risk-level", NULL, NULL, PW_TYPE_RISK_LEVEL, PW_RISK_LEVEL_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_RISK_FACTORS] =
    g_param_spec_boxed ("risk-factors", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_REVIEW_TRIGGER] =
    g_param_spec_string ("review-trigger", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_NEXT_REVIEW] =
    g_param_spec_string ("next-review", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_assessment_init (PwAssessment *self)
{
  self->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_need_item_free);
  self->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_checkin_score_free);
  self->kind = PW_ASSESSMENT_KIND_RISK;
  self->risk_level = PW_RISK_LEVEL_NONE;
}

PwAssessment *
pw_assessment_new (void)
{
  return g_object_new (PW_TYPE_ASSESSMENT, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwAssessment *
pw_assessment_copy (const PwAssessment *self)
{
  PwAssessment *copy;

  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  copy = pw_assessment_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->kind = self->kind;
  copy->date = g_strdup (self->date);
  copy->assessor = g_strdup (self->assessor);
  copy->risk_level = self->risk_level;
  copy->risk_factors = g_strdupv (self->risk_factors);
  copy->review_trigger = g_strdup (self->review_trigger);
  copy->next_review = g_strdup (self->next_review);
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  for (guint i = 0; i < self->needs->len; i++)
    g_ptr_array_add (copy->needs, pw_need_item_copy (g_ptr_array_index (self->needs, i)));
  for (guint i = 0; i < self->scores->len; i++)
    g_ptr_array_add (copy->scores, pw_checkin_score_copy (g_ptr_array_index (self->scores, i)));

  return copy;
}

gint64
pw_assessment_get_id (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->id;
}

void
pw_assessment_set_id (PwAssessment *self,
                      gint64        value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_assessment_get_survivor_id (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_assessment_set_survivor_id (PwAssessment *self,
                               gint64        value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

PwAssessmentKind
pw_assessment_get_kind (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->kind;
}

void
pw_assessment_set_kind (PwAssessment     *self,
                        PwAssessmentKind  value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
pw_assessment_get_date (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return self->date;
}

void
pw_assessment_set_date (PwAssessment *self,
                        const char   *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
pw_assessment_get_assessor (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return self->assessor;
}

void
pw_assessment_set_assessor (PwAssessment *self,
                            const char   *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (g_strcmp0 (self->assessor, value) == 0)
    return;
  g_free (self->assessor);
  self->assessor = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSESSOR]);
}

PwRiskLevel
pw_assessment_get_risk_level (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->risk_level;
}

void
pw_assessment_set_risk_level (PwAssessment *self,
                              PwRiskLevel   value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->risk_level == value)
    return;
  self->risk_level = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RISK_LEVEL]);
}

const char * const *
pw_assessment_get_risk_factors (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return (const char * const *) self->risk_factors;
}

void
pw_assessment_set_risk_factors (PwAssessment       *self,
                                const char * const *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->risk_factors == (char **) value ||
      (self->risk_factors != NULL && value != NULL && g_strv_equal ((const char * const *) self->risk_factors, value)) ||
      ((self->risk_factors == NULL || self->risk_factors[0] == NULL) && (value == NULL || value[0] == NULL)))
    return;
  g_strfreev (self->risk_factors);
  self->risk_factors = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RISK_FACTORS]);
}

const char *
pw_assessment_get_review_trigger (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return self->review_trigger;
}

void
pw_assessment_set_review_trigger (PwAssessment *self,
                                  const char   *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (g_strcmp0 (self->review_trigger, value) == 0)
    return;
  g_free (self->review_trigger);
  self->review_trigger = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEW_TRIGGER]);
}

const char *
pw_assessment_get_next_review (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return self->next_review;
}

void
pw_assessment_set_next_review (PwAssessment *self,
                               const char   *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (g_strcmp0 (self->next_review, value) == 0)
    return;
  g_free (self->next_review);
  self->next_review = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_REVIEW]);
}

const char *
pw_assessment_get_notes (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), NULL);

  return self->notes;
}

void
pw_assessment_set_notes (PwAssessment *self,
                         const char   *value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
pw_assessment_get_created_at (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->created_at;
}

void
pw_assessment_set_created_at (PwAssessment *self,
                              gint64        value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_assessment_get_updated_at (const PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_assessment_set_updated_at (PwAssessment *self,
                              gint64        value)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

GPtrArray *
pw_assessment_get_needs (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->needs;
}

void
pw_assessment_add_need (PwAssessment *self,
                        PwNeedItem   *item)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (item != NULL);

  g_ptr_array_add (self->needs, item);
}

GPtrArray *
pw_assessment_get_scores (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->scores;
}

void
pw_assessment_add_score (PwAssessment   *self,
                         PwCheckinScore *score)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (score != NULL);

  g_ptr_array_add (self->scores, score);
}
