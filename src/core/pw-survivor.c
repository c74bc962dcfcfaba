/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor"

#include "config.h"

#include "pw-survivor.h"

struct _PwSurvivor
{
  GObject parent_instance;

  gint64 id;
  char *case_code;
  char *alias;
  int birth_year;
  char *country;
  char **languages;
  char *preferred_language;
  char *template_id;
  char *key_worker;
  char *intake_date;
  PwSurvivorStatus status;
  PwCloseReason close_reason;
  char *current_stage;
  int overdue_items;
  gboolean review_due;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwSurvivor, pw_survivor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_CODE,
  PROP_ALIAS,
  PROP_BIRTH_YEAR,
  PROP_COUNTRY,
  PROP_LANGUAGES,
  PROP_PREFERRED_LANGUAGE,
  PROP_TEMPLATE_ID,
  PROP_KEY_WORKER,
  PROP_INTAKE_DATE,
  PROP_STATUS,
  PROP_CLOSE_REASON,
  PROP_CURRENT_STAGE,
  PROP_OVERDUE_ITEMS,
  PROP_REVIEW_DUE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_survivor_finalize (GObject *object)
{
  PwSurvivor *self = (PwSurvivor *) object;

  g_clear_pointer (&self->case_code, g_free);
  g_clear_pointer (&self->alias, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->preferred_language, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->key_worker, g_free);
  g_clear_pointer (&self->intake_date, g_free);
  g_clear_pointer (&self->current_stage, g_free);

  G_OBJECT_CLASS (pw_survivor_parent_class)->finalize (object);
}

static void
pw_survivor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwSurvivor *self = PW_SURVIVOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CASE_CODE:
      g_value_set_string (value, self->case_code);
      break;

    case PROP_ALIAS:
      g_value_set_string (value, self->alias);
      break;

    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_PREFERRED_LANGUAGE:
      g_value_set_string (value, self->preferred_language);
      break;

    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;

    case PROP_KEY_WORKER:
      g_value_set_string (value, self->key_worker);
      break;

    case PROP_INTAKE_DATE:
      g_value_set_string (value, self->intake_date);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CLOSE_REASON:
      g_value_set_enum (value, self->close_reason);
      break;

    case PROP_CURRENT_STAGE:
      g_value_set_string (value, self->current_stage);
      break;

    case PROP_OVERDUE_ITEMS:
      g_value_set_int (value, self->overdue_items);
      break;

    case PROP_REVIEW_DUE:
      g_value_set_boolean (value, self->review_due);
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
pw_survivor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwSurvivor *self = PW_SURVIVOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_survivor_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CASE_CODE:
      pw_survivor_set_case_code (self, g_value_get_string (value));
      break;

    case PROP_ALIAS:
      pw_survivor_set_alias (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_YEAR:
      pw_survivor_set_birth_year (self, g_value_get_int (value));
      break;

    case PROP_COUNTRY:
      pw_survivor_set_country (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGES:
      pw_survivor_set_languages (self, g_value_get_boxed (value));
      break;

    case PROP_PREFERRED_LANGUAGE:
      pw_survivor_set_preferred_language (self, g_value_get_string (value));
      break;

    case PROP_TEMPLATE_ID:
      pw_survivor_set_template_id (self, g_value_get_string (value));
      break;

    case PROP_KEY_WORKER:
      pw_survivor_set_key_worker (self, g_value_get_string (value));
      break;

    case PROP_INTAKE_DATE:
      pw_survivor_set_intake_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pw_survivor_set_status (self, g_value_get_enum (value));
      break;

    case PROP_CLOSE_REASON:
      pw_survivor_set_close_reason (self, g_value_get_enum (value));
      break;

    case PROP_CURRENT_STAGE:
      pw_survivor_set_current_stage (self, g_value_get_string (value));
      break;

    case PROP_OVERDUE_ITEMS:
      pw_survivor_set_overdue_items (self, g_value_get_int (value));
      break;

    case PROP_REVIEW_DUE:
      pw_survivor_set_review_due (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      pw_survivor_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_survivor_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_survivor_class_init (PwSurvivorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_survivor_finalize;
  object_class->get_property = pw_survivor_get_property;
  object_class->set_property = pw_survivor_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CASE_CODE] =
    g_param_spec_string ("case-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_ALIAS] =
    g_param_spec_string ("alias", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_BIRTH_YEAR] =
    g_param_spec_int ("birth-year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PREFERRED_LANGUAGE] =
    g_param_spec_string ("preferred-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_KEY_WORKER] =
    g_param_spec_string ("key-worker", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_INTAKE_DATE] =
    g_param_spec_string ("intake-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_SURVIVOR_STATUS, PW_SURVIVOR_STATUS_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CLOSE_REASON] =
    g_param_spec_enum ("close-reason", NULL, NULL, PW_TYPE_CLOSE_REASON, PW_CLOSE_REASON_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CURRENT_STAGE] =
    g_param_spec_string ("current-stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_OVERDUE_ITEMS] =
    g_param_spec_int ("overdue-items", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_REVIEW_DUE] =
    g_param_spec_boolean ("review-due", NULL, NULL, FALSE,
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
pw_survivor_init (PwSurvivor *self)
{
  self->status = PW_SURVIVOR_STATUS_ACTIVE;
  self->close_reason = PW_CLOSE_REASON_NONE;
}

PwSurvivor *
pw_survivor_new (void)
{
  return g_object_new (PW_TYPE_SURVIVOR, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwSurvivor *
pw_survivor_copy (const PwSurvivor *self)
{
  PwSurvivor *copy;

  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  copy = pw_survivor_new ();
  copy->id = self->id;
  copy->case_code = g_strdup (self->case_code);
  copy->alias = g_strdup (self->alias);
  copy->birth_year = self->birth_year;
  copy->country = g_strdup (self->country);
  copy->languages = g_strdupv (self->languages);
  copy->preferred_language = g_strdup (self->preferred_language);
  copy->template_id = g_strdup (self->template_id);
  copy->key_worker = g_strdup (self->key_worker);
  copy->intake_date = g_strdup (self->intake_date);
  copy->status = self->status;
  copy->close_reason = self->close_reason;
  copy->current_stage = g_strdup (self->current_stage);
  copy->overdue_items = self->overdue_items;
  copy->review_due = self->review_due;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_survivor_get_id (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->id;
}

void
pw_survivor_set_id (PwSurvivor *self,
                    gint64      value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
pw_survivor_get_case_code (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->case_code;
}

void
pw_survivor_set_case_code (PwSurvivor *self,
                           const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->case_code, value) == 0)
    return;
  g_free (self->case_code);
  self->case_code = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE_CODE]);
}

const char *
pw_survivor_get_alias (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->alias;
}

void
pw_survivor_set_alias (PwSurvivor *self,
                       const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->alias, value) == 0)
    return;
  g_free (self->alias);
  self->alias = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALIAS]);
}

int
pw_survivor_get_birth_year (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->birth_year;
}

void
pw_survivor_set_birth_year (PwSurvivor *self,
                            int         value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->birth_year == value)
    return;
  self->birth_year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIRTH_YEAR]);
}

const char *
pw_survivor_get_country (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->country;
}

void
pw_survivor_set_country (PwSurvivor *self,
                         const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->country, value) == 0)
    return;
  g_free (self->country);
  self->country = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRY]);
}

const char * const *
pw_survivor_get_languages (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return (const char * const *) self->languages;
}

void
pw_survivor_set_languages (PwSurvivor         *self,
                           const char * const *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->languages == (char **) value ||
      (self->languages != NULL && value != NULL && g_strv_equal ((const char * const *) self->languages, value)) ||
      ((self->languages == NULL || self->languages[0] == NULL) && (value == NULL || value[0] == NULL)))
    return;
  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGES]);
}

const char *
pw_survivor_get_preferred_language (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->preferred_language;
}

void
pw_survivor_set_preferred_language (PwSurvivor *self,
                                    const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->preferred_language, value) == 0)
    return;
  g_free (self->preferred_language);
  self->preferred_language = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREFERRED_LANGUAGE]);
}

const char *
pw_survivor_get_template_id (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->template_id;
}

void
pw_survivor_set_template_id (PwSurvivor *self,
                             const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->template_id, value) == 0)
    return;
  g_free (self->template_id);
  self->template_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEMPLATE_ID]);
}

const char *
pw_survivor_get_key_worker (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->key_worker;
}

void
pw_survivor_set_key_worker (PwSurvivor *self,
                            const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->key_worker, value) == 0)
    return;
  g_free (self->key_worker);
  self->key_worker = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEY_WORKER]);
}

const char *
pw_survivor_get_intake_date (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->intake_date;
}

void
pw_survivor_set_intake_date (PwSurvivor *self,
                             const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->intake_date, value) == 0)
    return;
  g_free (self->intake_date);
  self->intake_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTAKE_DATE]);
}

PwSurvivorStatus
pw_survivor_get_status (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->status;
}

void
pw_survivor_set_status (PwSurvivor       *self,
                        PwSurvivorStatus  value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

PwCloseReason
pw_survivor_get_close_reason (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->close_reason;
}

void
pw_survivor_set_close_reason (PwSurvivor    *self,
                              PwCloseReason  value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->close_reason == value)
    return;
  self->close_reason = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLOSE_REASON]);
}

const char *
pw_survivor_get_current_stage (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), NULL);

  return self->current_stage;
}

void
pw_survivor_set_current_stage (PwSurvivor *self,
                               const char *value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (g_strcmp0 (self->current_stage, value) == 0)
    return;
  g_free (self->current_stage);
  self->current_stage = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_STAGE]);
}

int
pw_survivor_get_overdue_items (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->overdue_items;
}

void
pw_survivor_set_overdue_items (PwSurvivor *self,
                               int         value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->overdue_items == value)
    return;
  self->overdue_items = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OVERDUE_ITEMS]);
}

gboolean
pw_survivor_get_review_due (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), FALSE);

  return self->review_due;
}

void
pw_survivor_set_review_due (PwSurvivor *self,
                            gboolean    value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  value = !!value;
  if (self->review_due == value)
    return;
  self->review_due = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEW_DUE]);
}

gint64
pw_survivor_get_created_at (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->created_at;
}

void
pw_survivor_set_created_at (PwSurvivor *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_survivor_get_updated_at (const PwSurvivor *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_survivor_set_updated_at (PwSurvivor *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_SURVIVOR (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
