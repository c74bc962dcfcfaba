/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-service"

#include "config.h"

#include "pw-service.h"

struct _PwService
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *kind;
  char *contact;
  char **languages;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwService, pw_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_CONTACT,
  PROP_LANGUAGES,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_service_finalize (GObject *object)
{
  PwService *self = (PwService *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pw_service_parent_class)->finalize (object);
}

static void
pw_service_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwService *self = PW_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
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
pw_service_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwService *self = PW_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_service_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pw_service_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pw_service_set_kind (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      pw_service_set_contact (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGES:
      pw_service_set_languages (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      pw_service_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_service_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_service_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_service_class_init (PwServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_service_finalize;
  object_class->get_property = pw_service_get_property;
  object_class->set_property = pw_service_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
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
pw_service_init (PwService *self)
{
}

PwService *
pw_service_new (void)
{
  return g_object_new (PW_TYPE_SERVICE, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwService *
pw_service_copy (const PwService *self)
{
  PwService *copy;

  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  copy = pw_service_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->kind = g_strdup (self->kind);
  copy->contact = g_strdup (self->contact);
  copy->languages = g_strdupv (self->languages);
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_service_get_id (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), 0);

  return self->id;
}

void
pw_service_set_id (PwService *self,
                   gint64     value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
pw_service_get_name (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  return self->name;
}

void
pw_service_set_name (PwService  *self,
                     const char *value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
pw_service_get_kind (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  return self->kind;
}

void
pw_service_set_kind (PwService  *self,
                     const char *value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (g_strcmp0 (self->kind, value) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
pw_service_get_contact (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  return self->contact;
}

void
pw_service_set_contact (PwService  *self,
                        const char *value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (g_strcmp0 (self->contact, value) == 0)
    return;
  g_free (self->contact);
  self->contact = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}

const char * const *
pw_service_get_languages (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  return (const char * const *) self->languages;
}

void
pw_service_set_languages (PwService          *self,
                          const char * const *value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (self->languages == (char **) value ||
      (self->languages != NULL && value != NULL && g_strv_equal ((const char * const *) self->languages, value)) ||
      ((self->languages == NULL || self->languages[0] == NULL) && (value == NULL || value[0] == NULL)))
    return;
  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGES]);
}

const char *
pw_service_get_notes (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), NULL);

  return self->notes;
}

void
pw_service_set_notes (PwService  *self,
                      const char *value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
pw_service_get_created_at (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), 0);

  return self->created_at;
}

void
pw_service_set_created_at (PwService *self,
                           gint64     value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_service_get_updated_at (const PwService *self)
{
  g_return_val_if_fail (PW_IS_SERVICE ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_service_set_updated_at (PwService *self,
                           gint64     value)
{
  g_return_if_fail (PW_IS_SERVICE (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
