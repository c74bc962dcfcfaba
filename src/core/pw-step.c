/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include "pw-step.h"
#include "pw-template-private.h"

struct _PwStep
{
  GObject     parent_instance;

  char       *id;
  char       *stage_id;
  char       *domain_id;
  GHashTable *title;
  GHashTable *description;
  GHashTable *survivor_role;
  GHashTable *community_role;
  GPtrArray  *references;
  GPtrArray  *languages;
};

G_DEFINE_FINAL_TYPE (PwStep, pw_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STAGE_ID,
  PROP_DOMAIN_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SURVIVOR_ROLE,
  PROP_COMMUNITY_ROLE,
  PROP_N_REFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
pw_reference_free (PwReference *reference)
{
  g_clear_pointer (&reference->label, g_hash_table_unref);
  g_free (reference->country);
  g_free (reference->url);
  g_free (reference);
}

static void
pw_step_finalize (GObject *object)
{
  PwStep *self = PW_STEP (object);

  g_free (self->id);
  g_free (self->stage_id);
  g_free (self->domain_id);
  g_clear_pointer (&self->title, g_hash_table_unref);
  g_clear_pointer (&self->description, g_hash_table_unref);
  g_clear_pointer (&self->survivor_role, g_hash_table_unref);
  g_clear_pointer (&self->community_role, g_hash_table_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_step_parent_class)->finalize (object);
}

static void
pw_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PwStep *self = PW_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;
    case PROP_DOMAIN_ID:
      g_value_set_string (value, self->domain_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pw_step_get_title (self, NULL));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, pw_step_get_description (self, NULL));
      break;
    case PROP_SURVIVOR_ROLE:
      g_value_set_string (value, pw_step_get_survivor_role (self, NULL));
      break;
    case PROP_COMMUNITY_ROLE:
      g_value_set_string (value, pw_step_get_community_role (self, NULL));
      break;
    case PROP_N_REFERENCES:
      g_value_set_uint (value, self->references->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_step_class_init (PwStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_step_finalize;
  object_class->get_property = pw_step_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN_ID] =
    g_param_spec_string ("domain-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ROLE] =
    g_param_spec_string ("survivor-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMUNITY_ROLE] =
    g_param_spec_string ("community-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFERENCES] =
    g_param_spec_uint ("n-references", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_step_init (PwStep *self)
{
}

/* Takes ownership of @references (PwReference elements). */
PwStep *
pw_step_new_internal (const char *id,
                      const char *stage_id,
                      const char *domain_id,
                      GHashTable *title,
                      GHashTable *description,
                      GHashTable *survivor_role,
                      GHashTable *community_role,
                      GPtrArray  *references,
                      GPtrArray  *languages)
{
  PwStep *self = g_object_new (PW_TYPE_STEP, NULL);

  self->id = g_strdup (id);
  self->stage_id = g_strdup (stage_id);
  self->domain_id = g_strdup (domain_id);
  self->title = g_hash_table_ref (title);
  self->description = g_hash_table_ref (description);
  self->survivor_role = g_hash_table_ref (survivor_role);
  self->community_role = g_hash_table_ref (community_role);
  self->references = references;
  self->languages = g_ptr_array_ref (languages);

  return self;
}

#define LANGS(self) ((const char * const *) (self)->languages->pdata)

const char *
pw_step_get_id (PwStep *self)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return self->id;
}

const char *
pw_step_get_stage_id (PwStep *self)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return self->stage_id;
}

const char *
pw_step_get_domain_id (PwStep *self)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return self->domain_id;
}

const char *
pw_step_get_title (PwStep     *self,
                   const char *lang)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return pw_text_get (self->title, lang, LANGS (self));
}

const char *
pw_step_get_description (PwStep     *self,
                         const char *lang)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return pw_text_get (self->description, lang, LANGS (self));
}

const char *
pw_step_get_survivor_role (PwStep     *self,
                           const char *lang)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return pw_text_get (self->survivor_role, lang, LANGS (self));
}

const char *
pw_step_get_community_role (PwStep     *self,
                            const char *lang)
{
  g_return_val_if_fail (PW_IS_STEP (self), NULL);

  return pw_text_get (self->community_role, lang, LANGS (self));
}

guint
pw_step_get_n_references (PwStep *self)
{
  g_return_val_if_fail (PW_IS_STEP (self), 0);

  return self->references->len;
}

const char *
pw_step_get_reference_label (PwStep     *self,
                             guint       index,
                             const char *lang)
{
  PwReference *reference;

  g_return_val_if_fail (PW_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->references->len, NULL);

  reference = g_ptr_array_index (self->references, index);
  return pw_text_get (reference->label, lang, LANGS (self));
}

/* ISO 3166 alpha-2, or NULL when the reference is not tied to a country. */
const char *
pw_step_get_reference_country (PwStep *self,
                               guint   index)
{
  PwReference *reference;

  g_return_val_if_fail (PW_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->references->len, NULL);

  reference = g_ptr_array_index (self->references, index);
  return reference->country;
}

const char *
pw_step_get_reference_url (PwStep *self,
                           guint   index)
{
  PwReference *reference;

  g_return_val_if_fail (PW_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->references->len, NULL);

  reference = g_ptr_array_index (self->references, index);
  return reference->url;
}
