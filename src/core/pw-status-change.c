/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-status-change"

#include "config.h"

#include "pw-status-change.h"

struct _PwStatusChange
{
  GObject parent_instance;

  gint64 id;
  gint64 plan_item_id;
  PwPlanItemStatus status;
  char *changed_on;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (PwStatusChange, pw_status_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN_ITEM_ID,
  PROP_STATUS,
  PROP_CHANGED_ON,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_status_change_finalize (GObject *object)
{
  PwStatusChange *self = (PwStatusChange *) object;

  g_clear_pointer (&self->changed_on, g_free);

  G_OBJECT_CLASS (pw_status_change_parent_class)->finalize (object);
}

static void
pw_status_change_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwStatusChange *self = PW_STATUS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PLAN_ITEM_ID:
      g_value_set_int64 (value, self->plan_item_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CHANGED_ON:
      g_value_set_string (value, self->changed_on);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_status_change_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwStatusChange *self = PW_STATUS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_status_change_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLAN_ITEM_ID:
      pw_status_change_set_plan_item_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      pw_status_change_set_status (self, g_value_get_enum (value));
      break;

    case PROP_CHANGED_ON:
      pw_status_change_set_changed_on (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_status_change_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_status_change_class_init (PwStatusChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_status_change_finalize;
  object_class->get_property = pw_status_change_get_property;
  object_class->set_property = pw_status_change_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PLAN_ITEM_ID] =
    g_param_spec_int64 ("plan-item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_PLAN_ITEM_STATUS, PW_PLAN_ITEM_STATUS_PROPOSED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CHANGED_ON] =
    g_param_spec_string ("changed-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_status_change_init (PwStatusChange *self)
{
  self->status = PW_PLAN_ITEM_STATUS_PROPOSED;
}

PwStatusChange *
pw_status_change_new (void)
{
  return g_object_new (PW_TYPE_STATUS_CHANGE, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwStatusChange *
pw_status_change_copy (const PwStatusChange *self)
{
  PwStatusChange *copy;

  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), NULL);

  copy = pw_status_change_new ();
  copy->id = self->id;
  copy->plan_item_id = self->plan_item_id;
  copy->status = self->status;
  copy->changed_on = g_strdup (self->changed_on);
  copy->created_at = self->created_at;

  return copy;
}

gint64
pw_status_change_get_id (const PwStatusChange *self)
{
  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), 0);

  return self->id;
}

void
pw_status_change_set_id (PwStatusChange *self,
                         gint64          value)
{
  g_return_if_fail (PW_IS_STATUS_CHANGE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_status_change_get_plan_item_id (const PwStatusChange *self)
{
  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), 0);

  return self->plan_item_id;
}

void
pw_status_change_set_plan_item_id (PwStatusChange *self,
                                   gint64          value)
{
  g_return_if_fail (PW_IS_STATUS_CHANGE (self));

  if (self->plan_item_id == value)
    return;
  self->plan_item_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN_ITEM_ID]);
}

PwPlanItemStatus
pw_status_change_get_status (const PwStatusChange *self)
{
  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), 0);

  return self->status;
}

void
pw_status_change_set_status (PwStatusChange   *self,
                             PwPlanItemStatus  value)
{
  g_return_if_fail (PW_IS_STATUS_CHANGE (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_status_change_get_changed_on (const PwStatusChange *self)
{
  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), NULL);

  return self->changed_on;
}

void
pw_status_change_set_changed_on (PwStatusChange *self,
                                 const char     *value)
{
  g_return_if_fail (PW_IS_STATUS_CHANGE (self));

  if (g_strcmp0 (self->changed_on, value) == 0)
    return;
  g_free (self->changed_on);
  self->changed_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGED_ON]);
}

gint64
pw_status_change_get_created_at (const PwStatusChange *self)
{
  g_return_val_if_fail (PW_IS_STATUS_CHANGE ((gpointer) self), 0);

  return self->created_at;
}

void
pw_status_change_set_created_at (PwStatusChange *self,
                                 gint64          value)
{
  g_return_if_fail (PW_IS_STATUS_CHANGE (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}
