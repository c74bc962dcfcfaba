/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include "pw-domain.h"
#include "pw-template-private.h"

struct _PwDomain
{
  GObject     parent_instance;

  char       *id;
  char       *icon_name;
  GHashTable *name;
  GPtrArray  *languages;
};

G_DEFINE_FINAL_TYPE (PwDomain, pw_domain, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ICON_NAME,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pw_domain_finalize (GObject *object)
{
  PwDomain *self = PW_DOMAIN (object);

  g_free (self->id);
  g_free (self->icon_name);
  g_clear_pointer (&self->name, g_hash_table_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_domain_parent_class)->finalize (object);
}

static void
pw_domain_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwDomain *self = PW_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_NAME:
      g_value_set_string (value, pw_domain_get_name (self, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_domain_class_init (PwDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_domain_finalize;
  object_class->get_property = pw_domain_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_domain_init (PwDomain *self)
{
}

PwDomain *
pw_domain_new_internal (const char *id,
                        const char *icon_name,
                        GHashTable *name,
                        GPtrArray  *languages)
{
  PwDomain *self = g_object_new (PW_TYPE_DOMAIN, NULL);

  self->id = g_strdup (id);
  self->icon_name = g_strdup (icon_name);
  self->name = g_hash_table_ref (name);
  self->languages = g_ptr_array_ref (languages);

  return self;
}

const char *
pw_domain_get_id (PwDomain *self)
{
  g_return_val_if_fail (PW_IS_DOMAIN (self), NULL);

  return self->id;
}

const char *
pw_domain_get_icon_name (PwDomain *self)
{
  g_return_val_if_fail (PW_IS_DOMAIN (self), NULL);

  return self->icon_name;
}

const char *
pw_domain_get_name (PwDomain   *self,
                    const char *lang)
{
  g_return_val_if_fail (PW_IS_DOMAIN (self), NULL);

  return pw_text_get (self->name, lang, (const char * const *) self->languages->pdata);
}
