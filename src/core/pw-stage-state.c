/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-stage-state"

#include "config.h"

#include "pw-stage-state.h"

struct _PwStageState
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  char *stage_id;
  PwStageStatus status;
  char *since;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (PwStageState, pw_stage_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_STAGE_ID,
  PROP_STATUS,
  PROP_SINCE,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_stage_state_finalize (GObject *object)
{
  PwStageState *self = (PwStageState *) object;

  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->since, g_free);

  G_OBJECT_CLASS (pw_stage_state_parent_class)->finalize (object);
}

static void
pw_stage_state_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwStageState *self = PW_STAGE_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_stage_state_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwStageState *self = PW_STAGE_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_stage_state_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_stage_state_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE_ID:
      pw_stage_state_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pw_stage_state_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SINCE:
      pw_stage_state_set_since (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_stage_state_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_stage_state_class_init (PwStageStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_stage_state_finalize;
  object_class->get_property = pw_stage_state_get_property;
  object_class->set_property = pw_stage_state_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_STAGE_STATUS, PW_STAGE_STATUS_NOT_REACHED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_stage_state_init (PwStageState *self)
{
  self->status = PW_STAGE_STATUS_NOT_REACHED;
}

PwStageState *
pw_stage_state_new (void)
{
  return g_object_new (PW_TYPE_STAGE_STATE, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwStageState *
pw_stage_state_copy (const PwStageState *self)
{
  PwStageState *copy;

  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), NULL);

  copy = pw_stage_state_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->stage_id = g_strdup (self->stage_id);
  copy->status = self->status;
  copy->since = g_strdup (self->since);
  copy->created_at = self->created_at;

  return copy;
}

gint64
pw_stage_state_get_id (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), 0);

  return self->id;
}

void
pw_stage_state_set_id (PwStageState *self,
                       gint64        value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_stage_state_get_survivor_id (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_stage_state_set_survivor_id (PwStageState *self,
                                gint64        value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

const char *
pw_stage_state_get_stage_id (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), NULL);

  return self->stage_id;
}

void
pw_stage_state_set_stage_id (PwStageState *self,
                             const char   *value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (g_strcmp0 (self->stage_id, value) == 0)
    return;
  g_free (self->stage_id);
  self->stage_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

PwStageStatus
pw_stage_state_get_status (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), 0);

  return self->status;
}

void
pw_stage_state_set_status (PwStageState  *self,
                           PwStageStatus  value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_stage_state_get_since (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), NULL);

  return self->since;
}

void
pw_stage_state_set_since (PwStageState *self,
                          const char   *value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (g_strcmp0 (self->since, value) == 0)
    return;
  g_free (self->since);
  self->since = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SINCE]);
}

gint64
pw_stage_state_get_created_at (const PwStageState *self)
{
  g_return_val_if_fail (PW_IS_STAGE_STATE ((gpointer) self), 0);

  return self->created_at;
}

void
pw_stage_state_set_created_at (PwStageState *self,
                               gint64        value)
{
  g_return_if_fail (PW_IS_STAGE_STATE (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}
