/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-milestone"

#include "config.h"

#include "pw-milestone.h"

struct _PwMilestone
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  char *date;
  char *title;
  char *stage_id;
  char *domain;
  gint64 plan_item_id;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (PwMilestone, pw_milestone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_STAGE_ID,
  PROP_DOMAIN,
  PROP_PLAN_ITEM_ID,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_milestone_finalize (GObject *object)
{
  PwMilestone *self = (PwMilestone *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->domain, g_free);

  G_OBJECT_CLASS (pw_milestone_parent_class)->finalize (object);
}

static void
pw_milestone_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwMilestone *self = PW_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_PLAN_ITEM_ID:
      g_value_set_int64 (value, self->plan_item_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_milestone_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwMilestone *self = PW_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_milestone_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_milestone_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pw_milestone_set_date (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pw_milestone_set_title (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      pw_milestone_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_DOMAIN:
      pw_milestone_set_domain (self, g_value_get_string (value));
      break;

    case PROP_PLAN_ITEM_ID:
      pw_milestone_set_plan_item_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      pw_milestone_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_milestone_class_init (PwMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_milestone_finalize;
  object_class->get_property = pw_milestone_get_property;
  object_class->set_property = pw_milestone_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PLAN_ITEM_ID] =
    g_param_spec_int64 ("plan-item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_milestone_init (PwMilestone *self)
{
}

PwMilestone *
pw_milestone_new (void)
{
  return g_object_new (PW_TYPE_MILESTONE, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwMilestone *
pw_milestone_copy (const PwMilestone *self)
{
  PwMilestone *copy;

  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), NULL);

  copy = pw_milestone_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->date = g_strdup (self->date);
  copy->title = g_strdup (self->title);
  copy->stage_id = g_strdup (self->stage_id);
  copy->domain = g_strdup (self->domain);
  copy->plan_item_id = self->plan_item_id;
  copy->created_at = self->created_at;

  return copy;
}

gint64
pw_milestone_get_id (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), 0);

  return self->id;
}

void
pw_milestone_set_id (PwMilestone *self,
                     gint64       value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_milestone_get_survivor_id (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_milestone_set_survivor_id (PwMilestone *self,
                              gint64       value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

const char *
pw_milestone_get_date (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), NULL);

  return self->date;
}

void
pw_milestone_set_date (PwMilestone *self,
                       const char  *value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
pw_milestone_get_title (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), NULL);

  return self->title;
}

void
pw_milestone_set_title (PwMilestone *self,
                        const char  *value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
pw_milestone_get_stage_id (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), NULL);

  return self->stage_id;
}

void
pw_milestone_set_stage_id (PwMilestone *self,
                           const char  *value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (g_strcmp0 (self->stage_id, value) == 0)
    return;
  g_free (self->stage_id);
  self->stage_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

const char *
pw_milestone_get_domain (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), NULL);

  return self->domain;
}

void
pw_milestone_set_domain (PwMilestone *self,
                         const char  *value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (g_strcmp0 (self->domain, value) == 0)
    return;
  g_free (self->domain);
  self->domain = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOMAIN]);
}

gint64
pw_milestone_get_plan_item_id (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), 0);

  return self->plan_item_id;
}

void
pw_milestone_set_plan_item_id (PwMilestone *self,
                               gint64       value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (self->plan_item_id == value)
    return;
  self->plan_item_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN_ITEM_ID]);
}

gint64
pw_milestone_get_created_at (const PwMilestone *self)
{
  g_return_val_if_fail (PW_IS_MILESTONE ((gpointer) self), 0);

  return self->created_at;
}

void
pw_milestone_set_created_at (PwMilestone *self,
                             gint64       value)
{
  g_return_if_fail (PW_IS_MILESTONE (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}
