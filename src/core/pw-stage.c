/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include "pw-stage.h"
#include "pw-template-private.h"

struct _PwStage
{
  GObject     parent_instance;

  char       *id;
  guint       index;
  GHashTable *name;
  GHashTable *summary;
  GHashTable *survivor_role;
  GHashTable *community_role;
  GListStore *steps;
  GPtrArray  *languages;
};

G_DEFINE_FINAL_TYPE (PwStage, pw_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INDEX,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_SURVIVOR_ROLE,
  PROP_COMMUNITY_ROLE,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pw_stage_finalize (GObject *object)
{
  PwStage *self = PW_STAGE (object);

  g_free (self->id);
  g_clear_pointer (&self->name, g_hash_table_unref);
  g_clear_pointer (&self->summary, g_hash_table_unref);
  g_clear_pointer (&self->survivor_role, g_hash_table_unref);
  g_clear_pointer (&self->community_role, g_hash_table_unref);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->languages, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_stage_parent_class)->finalize (object);
}

static void
pw_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PwStage *self = PW_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_NAME:
      g_value_set_string (value, pw_stage_get_name (self, NULL));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, pw_stage_get_summary (self, NULL));
      break;
    case PROP_SURVIVOR_ROLE:
      g_value_set_string (value, pw_stage_get_survivor_role (self, NULL));
      break;
    case PROP_COMMUNITY_ROLE:
      g_value_set_string (value, pw_stage_get_community_role (self, NULL));
      break;
    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_stage_class_init (PwStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_stage_finalize;
  object_class->get_property = pw_stage_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ROLE] =
    g_param_spec_string ("survivor-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMUNITY_ROLE] =
    g_param_spec_string ("community-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_stage_init (PwStage *self)
{
}

PwStage *
pw_stage_new_internal (const char *id,
                       guint       index,
                       GHashTable *name,
                       GHashTable *summary,
                       GHashTable *survivor_role,
                       GHashTable *community_role,
                       GListStore *steps,
                       GPtrArray  *languages)
{
  PwStage *self = g_object_new (PW_TYPE_STAGE, NULL);

  self->id = g_strdup (id);
  self->index = index;
  self->name = g_hash_table_ref (name);
  self->summary = g_hash_table_ref (summary);
  self->survivor_role = g_hash_table_ref (survivor_role);
  self->community_role = g_hash_table_ref (community_role);
  self->steps = g_object_ref (steps);
  self->languages = g_ptr_array_ref (languages);

  return self;
}

#define LANGS(self) ((const char * const *) (self)->languages->pdata)

const char *
pw_stage_get_id (PwStage *self)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return self->id;
}

/* 0 for detection … 3 for autonomy. */
guint
pw_stage_get_index (PwStage *self)
{
  g_return_val_if_fail (PW_IS_STAGE (self), 0);

  return self->index;
}

const char *
pw_stage_get_name (PwStage    *self,
                   const char *lang)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return pw_text_get (self->name, lang, LANGS (self));
}

const char *
pw_stage_get_summary (PwStage    *self,
                      const char *lang)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return pw_text_get (self->summary, lang, LANGS (self));
}

const char *
pw_stage_get_survivor_role (PwStage    *self,
                            const char *lang)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return pw_text_get (self->survivor_role, lang, LANGS (self));
}

const char *
pw_stage_get_community_role (PwStage    *self,
                             const char *lang)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return pw_text_get (self->community_role, lang, LANGS (self));
}

/* The steps in map order; the model never changes: do not modify it. */
GListModel *
pw_stage_get_steps (PwStage *self)
{
  g_return_val_if_fail (PW_IS_STAGE (self), NULL);

  return G_LIST_MODEL (self->steps);
}
