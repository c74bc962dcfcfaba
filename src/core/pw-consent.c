/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-consent"

#include "config.h"

#include "pw-consent.h"

struct _PwConsent
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  PwConsentScope scope;
  gint64 service_id;
  PwConsentForm form;
  PwConsentStatus status;
  char *date;
  char *expires;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwConsent, pw_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_SCOPE,
  PROP_SERVICE_ID,
  PROP_FORM,
  PROP_STATUS,
  PROP_DATE,
  PROP_EXPIRES,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_consent_finalize (GObject *object)
{
  PwConsent *self = (PwConsent *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->expires, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pw_consent_parent_class)->finalize (object);
}

static void
pw_consent_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwConsent *self = PW_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;

    case PROP_SERVICE_ID:
      g_value_set_int64 (value, self->service_id);
      break;

    case PROP_FORM:
      g_value_set_enum (value, self->form);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_EXPIRES:
      g_value_set_string (value, self->expires);
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
pw_consent_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwConsent *self = PW_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_consent_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_consent_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_SCOPE:
      pw_consent_set_scope (self, g_value_get_enum (value));
      break;

    case PROP_SERVICE_ID:
      pw_consent_set_service_id (self, g_value_get_int64 (value));
      break;

    case PROP_FORM:
      pw_consent_set_form (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      pw_consent_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DATE:
      pw_consent_set_date (self, g_value_get_string (value));
      break;

    case PROP_EXPIRES:
      pw_consent_set_expires (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      pw_consent_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_consent_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_consent_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_consent_class_init (PwConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_consent_finalize;
  object_class->get_property = pw_consent_get_property;
  object_class->set_property = pw_consent_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, PW_TYPE_CONSENT_SCOPE, PW_CONSENT_SCOPE_SERVICES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SERVICE_ID] =
    g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL, PW_TYPE_CONSENT_FORM, PW_CONSENT_FORM_WRITTEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_CONSENT_STATUS, PW_CONSENT_STATUS_GIVEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_EXPIRES] =
    g_param_spec_string ("expires", NULL, NULL, NULL,
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
pw_consent_init (PwConsent *self)
{
  self->scope = PW_CONSENT_SCOPE_SERVICES;
  self->form = PW_CONSENT_FORM_WRITTEN;
  self->status = PW_CONSENT_STATUS_GIVEN;
}

PwConsent *
pw_consent_new (void)
{
  return g_object_new (PW_TYPE_CONSENT, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwConsent *
pw_consent_copy (const PwConsent *self)
{
  PwConsent *copy;

  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), NULL);

  copy = pw_consent_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->scope = self->scope;
  copy->service_id = self->service_id;
  copy->form = self->form;
  copy->status = self->status;
  copy->date = g_strdup (self->date);
  copy->expires = g_strdup (self->expires);
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_consent_get_id (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->id;
}

void
pw_consent_set_id (PwConsent *self,
                   gint64     value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_consent_get_survivor_id (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_consent_set_survivor_id (PwConsent *self,
                            gint64     value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

PwConsentScope
pw_consent_get_scope (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->scope;
}

void
pw_consent_set_scope (PwConsent      *self,
                      PwConsentScope  value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->scope == value)
    return;
  self->scope = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCOPE]);
}

gint64
pw_consent_get_service_id (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->service_id;
}

void
pw_consent_set_service_id (PwConsent *self,
                           gint64     value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->service_id == value)
    return;
  self->service_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SERVICE_ID]);
}

PwConsentForm
pw_consent_get_form (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->form;
}

void
pw_consent_set_form (PwConsent     *self,
                     PwConsentForm  value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->form == value)
    return;
  self->form = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORM]);
}

PwConsentStatus
pw_consent_get_status (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->status;
}

void
pw_consent_set_status (PwConsent       *self,
                       PwConsentStatus  value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_consent_get_date (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), NULL);

  return self->date;
}

void
pw_consent_set_date (PwConsent  *self,
                     const char *value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
pw_consent_get_expires (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), NULL);

  return self->expires;
}

void
pw_consent_set_expires (PwConsent  *self,
                        const char *value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (g_strcmp0 (self->expires, value) == 0)
    return;
  g_free (self->expires);
  self->expires = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRES]);
}

const char *
pw_consent_get_notes (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), NULL);

  return self->notes;
}

void
pw_consent_set_notes (PwConsent  *self,
                      const char *value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
pw_consent_get_created_at (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->created_at;
}

void
pw_consent_set_created_at (PwConsent *self,
                           gint64     value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_consent_get_updated_at (const PwConsent *self)
{
  g_return_val_if_fail (PW_IS_CONSENT ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_consent_set_updated_at (PwConsent *self,
                           gint64     value)
{
  g_return_if_fail (PW_IS_CONSENT (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
