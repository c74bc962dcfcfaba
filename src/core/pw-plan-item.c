/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-item"

#include "config.h"

#include "pw-plan-item.h"

struct _PwPlanItem
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  char *step_id;
  char *stage_id;
  char *domain;
  char *title;
  char *her_words;
  int priority;
  char *responsible;
  char *due_date;
  PwPlanItemStatus status;
  char *achieved_date;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwPlanItem, pw_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_STEP_ID,
  PROP_STAGE_ID,
  PROP_DOMAIN,
  PROP_TITLE,
  PROP_HER_WORDS,
  PROP_PRIORITY,
  PROP_RESPONSIBLE,
  PROP_DUE_DATE,
  PROP_STATUS,
  PROP_ACHIEVED_DATE,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_plan_item_finalize (GObject *object)
{
  PwPlanItem *self = (PwPlanItem *) object;

  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->her_words, g_free);
  g_clear_pointer (&self->responsible, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->achieved_date, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pw_plan_item_parent_class)->finalize (object);
}

static void
pw_plan_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwPlanItem *self = PW_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_HER_WORDS:
      g_value_set_string (value, self->her_words);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;

    case PROP_RESPONSIBLE:
      g_value_set_string (value, self->responsible);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ACHIEVED_DATE:
      g_value_set_string (value, self->achieved_date);
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
pw_plan_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwPlanItem *self = PW_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_plan_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_plan_item_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_STEP_ID:
      pw_plan_item_set_step_id (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      pw_plan_item_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_DOMAIN:
      pw_plan_item_set_domain (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pw_plan_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_HER_WORDS:
      pw_plan_item_set_her_words (self, g_value_get_string (value));
      break;

    case PROP_PRIORITY:
      pw_plan_item_set_priority (self, g_value_get_int (value));
      break;

    case PROP_RESPONSIBLE:
      pw_plan_item_set_responsible (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      pw_plan_item_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pw_plan_item_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ACHIEVED_DATE:
      pw_plan_item_set_achieved_date (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      pw_plan_item_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_plan_item_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_plan_item_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_plan_item_class_init (PwPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_plan_item_finalize;
  object_class->get_property = pw_plan_item_get_property;
  object_class->set_property = pw_plan_item_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_HER_WORDS] =
    g_param_spec_string ("her-words", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_RESPONSIBLE] =
    g_param_spec_string ("responsible", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PW_TYPE_PLAN_ITEM_STATUS, PW_PLAN_ITEM_STATUS_PROPOSED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_ACHIEVED_DATE] =
    g_param_spec_string ("achieved-date", NULL, NULL, NULL,
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
pw_plan_item_init (PwPlanItem *self)
{
  self->status = PW_PLAN_ITEM_STATUS_PROPOSED;
}

PwPlanItem *
pw_plan_item_new (void)
{
  return g_object_new (PW_TYPE_PLAN_ITEM, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwPlanItem *
pw_plan_item_copy (const PwPlanItem *self)
{
  PwPlanItem *copy;

  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  copy = pw_plan_item_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->step_id = g_strdup (self->step_id);
  copy->stage_id = g_strdup (self->stage_id);
  copy->domain = g_strdup (self->domain);
  copy->title = g_strdup (self->title);
  copy->her_words = g_strdup (self->her_words);
  copy->priority = self->priority;
  copy->responsible = g_strdup (self->responsible);
  copy->due_date = g_strdup (self->due_date);
  copy->status = self->status;
  copy->achieved_date = g_strdup (self->achieved_date);
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_plan_item_get_id (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->id;
}

void
pw_plan_item_set_id (PwPlanItem *self,
                     gint64      value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_plan_item_get_survivor_id (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_plan_item_set_survivor_id (PwPlanItem *self,
                              gint64      value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

const char *
pw_plan_item_get_step_id (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->step_id;
}

void
pw_plan_item_set_step_id (PwPlanItem *self,
                          const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->step_id, value) == 0)
    return;
  g_free (self->step_id);
  self->step_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP_ID]);
}

const char *
pw_plan_item_get_stage_id (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->stage_id;
}

void
pw_plan_item_set_stage_id (PwPlanItem *self,
                           const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->stage_id, value) == 0)
    return;
  g_free (self->stage_id);
  self->stage_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

const char *
pw_plan_item_get_domain (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->domain;
}

void
pw_plan_item_set_domain (PwPlanItem *self,
                         const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->domain, value) == 0)
    return;
  g_free (self->domain);
  self->domain = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOMAIN]);
}

const char *
pw_plan_item_get_title (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->title;
}

void
pw_plan_item_set_title (PwPlanItem *self,
                        const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
pw_plan_item_get_her_words (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->her_words;
}

void
pw_plan_item_set_her_words (PwPlanItem *self,
                            const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->her_words, value) == 0)
    return;
  g_free (self->her_words);
  self->her_words = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HER_WORDS]);
}

int
pw_plan_item_get_priority (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->priority;
}

void
pw_plan_item_set_priority (PwPlanItem *self,
                           int         value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->priority == value)
    return;
  self->priority = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRIORITY]);
}

const char *
pw_plan_item_get_responsible (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->responsible;
}

void
pw_plan_item_set_responsible (PwPlanItem *self,
                              const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->responsible, value) == 0)
    return;
  g_free (self->responsible);
  self->responsible = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESPONSIBLE]);
}

const char *
pw_plan_item_get_due_date (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->due_date;
}

void
pw_plan_item_set_due_date (PwPlanItem *self,
                           const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->due_date, value) == 0)
    return;
  g_free (self->due_date);
  self->due_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_DATE]);
}

PwPlanItemStatus
pw_plan_item_get_status (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->status;
}

void
pw_plan_item_set_status (PwPlanItem       *self,
                         PwPlanItemStatus  value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_plan_item_get_achieved_date (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->achieved_date;
}

void
pw_plan_item_set_achieved_date (PwPlanItem *self,
                                const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->achieved_date, value) == 0)
    return;
  g_free (self->achieved_date);
  self->achieved_date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACHIEVED_DATE]);
}

const char *
pw_plan_item_get_notes (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), NULL);

  return self->notes;
}

void
pw_plan_item_set_notes (PwPlanItem *self,
                        const char *value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
pw_plan_item_get_created_at (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->created_at;
}

void
pw_plan_item_set_created_at (PwPlanItem *self,
                             gint64      value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_plan_item_get_updated_at (const PwPlanItem *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_plan_item_set_updated_at (PwPlanItem *self,
                             gint64      value)
{
  g_return_if_fail (PW_IS_PLAN_ITEM (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
