/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-referral"

#include "config.h"

#include "pw-referral.h"

struct _PwReferral
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  gint64 service_id;
  gint64 plan_item_id;
  gint64 consent_id;
  char *no_consent_reason;
  char *date;
  PwReferralStatus status;
  char *outcome;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwReferral, pw_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_SERVICE_ID,
  PROP_PLAN_ITEM_ID,
  PROP_CONSENT_ID,
  PROP_NO_CONSENT_REASON,
  PROP_DATE,
  PROP_STATUS,
  PROP_OUTCOME,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_referral_finalize (GObject *object)
{
  PwReferral *self = (PwReferral *) object;

  g_clear_pointer (&self->no_consent_reason, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (pw_referral_parent_class)->finalize (object);
}

static void
pw_referral_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwReferral *self = PW_REFERRAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_SERVICE_ID:
      g_value_set_int64 (value, self->service_id);
      break;

    case PROP_PLAN_ITEM_ID:
      g_value_set_int64 (value, self->plan_item_id);
      break;

    case PROP_CONSENT_ID:
      g_value_set_int64 (value, self->consent_id);
      break;

    case PROP_NO_CONSENT_REASON:
      g_value_set_string (value, self->no_consent_reason);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
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
pw_referral_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwReferral *self = PW_REFERRAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_referral_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_referral_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_SERVICE_ID:
      pw_referral_set_service_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLAN_ITEM_ID:
      pw_referral_set_plan_item_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONSENT_ID:
      pw_referral_set_consent_id (self, g_value_get_int64 (value));
      break;

    case PROP_NO_CONSENT_REASON:
      pw_referral_set_no_consent_reason (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      pw_referral_set_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pw_referral_set_status (self, g_value_get_enum (value));
      break;

    case PROP_OUTCOME:
      pw_referral_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_referral_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_referral_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_referral_class_init (PwReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_referral_finalize;
  object_class->get_property = pw_referral_get_property;
  object_class->set_property = pw_referral_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SERVICE_ID] =
    g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PLAN_ITEM_ID] =
    g_param_spec_int64 ("plan-item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CONSENT_ID] =
    g_param_spec_int64 ("consent-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_NO_CONSENT_REASON] =
    g_param_spec_string ("no-consent-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_REFERRAL_STATUS, PW_REFERRAL_STATUS_PROPOSED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
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
pw_referral_init (PwReferral *self)
{
  self->status = PW_REFERRAL_STATUS_PROPOSED;
}

PwReferral *
pw_referral_new (void)
{
  return g_object_new (PW_TYPE_REFERRAL, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwReferral *
pw_referral_copy (const PwReferral *self)
{
  PwReferral *copy;

  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), NULL);

  copy = pw_referral_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->service_id = self->service_id;
  copy->plan_item_id = self->plan_item_id;
  copy->consent_id = self->consent_id;
  copy->no_consent_reason = g_strdup (self->no_consent_reason);
  copy->date = g_strdup (self->date);
  copy->status = self->status;
  copy->outcome = g_strdup (self->outcome);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_referral_get_id (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->id;
}

void
pw_referral_set_id (PwReferral *self,
                    gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_referral_get_survivor_id (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_referral_set_survivor_id (PwReferral *self,
                             gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

gint64
pw_referral_get_service_id (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->service_id;
}

void
pw_referral_set_service_id (PwReferral *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->service_id == value)
    return;
  self->service_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SERVICE_ID]);
}

gint64
pw_referral_get_plan_item_id (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->plan_item_id;
}

void
pw_referral_set_plan_item_id (PwReferral *self,
                              gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->plan_item_id == value)
    return;
  self->plan_item_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN_ITEM_ID]);
}

gint64
pw_referral_get_consent_id (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->consent_id;
}

void
pw_referral_set_consent_id (PwReferral *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->consent_id == value)
    return;
  self->consent_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONSENT_ID]);
}

const char *
pw_referral_get_no_consent_reason (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), NULL);

  return self->no_consent_reason;
}

void
pw_referral_set_no_consent_reason (PwReferral *self,
                                   const char *value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (g_strcmp0 (self->no_consent_reason, value) == 0)
    return;
  g_free (self->no_consent_reason);
  self->no_consent_reason = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NO_CONSENT_REASON]);
}

const char *
pw_referral_get_date (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), NULL);

  return self->date;
}

void
pw_referral_set_date (PwReferral *self,
                      const char *value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

PwReferralStatus
pw_referral_get_status (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->status;
}

void
pw_referral_set_status (PwReferral       *self,
                        PwReferralStatus  value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_referral_get_outcome (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), NULL);

  return self->outcome;
}

void
pw_referral_set_outcome (PwReferral *self,
                         const char *value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (g_strcmp0 (self->outcome, value) == 0)
    return;
  g_free (self->outcome);
  self->outcome = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OUTCOME]);
}

gint64
pw_referral_get_created_at (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->created_at;
}

void
pw_referral_set_created_at (PwReferral *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_referral_get_updated_at (const PwReferral *self)
{
  g_return_val_if_fail (PW_IS_REFERRAL ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_referral_set_updated_at (PwReferral *self,
                            gint64      value)
{
  g_return_if_fail (PW_IS_REFERRAL (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
