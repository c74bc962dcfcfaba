/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include "pw-indicator.h"
#include "pw-template-private.h"

struct _PwIndicator
{
  GObject     parent_instance;

  char       *id;
  char       *domain_id;
  GHashTable *name;
  GHashTable *question;
  GHashTable *levels[PW_INDICATOR_N_LEVELS];
  GPtrArray  *languages;
};

G_DEFINE_FINAL_TYPE (PwIndicator, pw_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOMAIN_ID,
  PROP_NAME,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pw_indicator_finalize (GObject *object)
{
  PwIndicator *self = PW_INDICATOR (object);

  g_free (self->id);
  g_free (self->domain_id);
  g_clear_pointer (&self->name, g_hash_table_unref);
  g_clear_pointer (&self->question, g_hash_table_unref);
  for (guint i = 0; i < PW_INDICATOR_N_LEVELS; i++)
    g_clear_pointer (&self->levels[i], g_hash_table_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_indicator_parent_class)->finalize (object);
}

static void
pw_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwIndicator *self = PW_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DOMAIN_ID:
      g_value_set_string (value, self->domain_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, pw_indicator_get_name (self, NULL));
      break;
    case PROP_QUESTION:
      g_value_set_string (value, pw_indicator_get_question (self, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_indicator_class_init (PwIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_indicator_finalize;
  object_class->get_property = pw_indicator_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN_ID] =
    g_param_spec_string ("domain-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_indicator_init (PwIndicator *self)
{
}

PwIndicator *
pw_indicator_new_internal (const char  *id,
                           const char  *domain_id,
                           GHashTable  *name,
                           GHashTable  *question,
                           GHashTable **levels,
                           GPtrArray   *languages)
{
  PwIndicator *self = g_object_new (PW_TYPE_INDICATOR, NULL);

  self->id = g_strdup (id);
  self->domain_id = g_strdup (domain_id);
  self->name = g_hash_table_ref (name);
  self->question = question != NULL ? g_hash_table_ref (question) : NULL;
  for (guint i = 0; i < PW_INDICATOR_N_LEVELS; i++)
    self->levels[i] = g_hash_table_ref (levels[i]);
  self->languages = g_ptr_array_ref (languages);

  return self;
}

const char *
pw_indicator_get_id (PwIndicator *self)
{
  g_return_val_if_fail (PW_IS_INDICATOR (self), NULL);

  return self->id;
}

const char *
pw_indicator_get_domain_id (PwIndicator *self)
{
  g_return_val_if_fail (PW_IS_INDICATOR (self), NULL);

  return self->domain_id;
}

const char *
pw_indicator_get_name (PwIndicator *self,
                       const char  *lang)
{
  g_return_val_if_fail (PW_IS_INDICATOR (self), NULL);

  return pw_text_get (self->name, lang, (const char * const *) self->languages->pdata);
}

/* NULL when the template gives no question for this indicator. */
const char *
pw_indicator_get_question (PwIndicator *self,
                           const char  *lang)
{
  g_return_val_if_fail (PW_IS_INDICATOR (self), NULL);

  if (self->question == NULL)
    return NULL;
  return pw_text_get (self->question, lang, (const char * const *) self->languages->pdata);
}

/* @level counts from 1 (lowest) to PW_INDICATOR_N_LEVELS. */
const char *
pw_indicator_get_level (PwIndicator *self,
                        guint        level,
                        const char  *lang)
{
  g_return_val_if_fail (PW_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= PW_INDICATOR_N_LEVELS, NULL);

  return pw_text_get (self->levels[level - 1], lang, (const char * const *) self->languages->pdata);
}
