/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-note"

#include "config.h"

#include "pw-note.h"

struct _PwNote
{
  GObject parent_instance;

  gint64 id;
  gint64 survivor_id;
  char *date;
  char *body;
  gboolean restricted;
  char *author;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (PwNote, pw_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVIVOR_ID,
  PROP_DATE,
  PROP_BODY,
  PROP_RESTRICTED,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_note_finalize (GObject *object)
{
  PwNote *self = (PwNote *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (pw_note_parent_class)->finalize (object);
}

static void
pw_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PwNote *self = PW_NOTE (object);

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

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_RESTRICTED:
      g_value_set_boolean (value, self->restricted);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
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
pw_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PwNote *self = PW_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pw_note_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVIVOR_ID:
      pw_note_set_survivor_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pw_note_set_date (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      pw_note_set_body (self, g_value_get_string (value));
      break;

    case PROP_RESTRICTED:
      pw_note_set_restricted (self, g_value_get_boolean (value));
      break;

    case PROP_AUTHOR:
      pw_note_set_author (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pw_note_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      pw_note_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_note_class_init (PwNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_note_finalize;
  object_class->get_property = pw_note_get_property;
  object_class->set_property = pw_note_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_RESTRICTED] =
    g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
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
pw_note_init (PwNote *self)
{
}

PwNote *
pw_note_new (void)
{
  return g_object_new (PW_TYPE_NOTE, NULL);
}

/* A detached copy, for editing without touching the live object. */
PwNote *
pw_note_copy (const PwNote *self)
{
  PwNote *copy;

  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), NULL);

  copy = pw_note_new ();
  copy->id = self->id;
  copy->survivor_id = self->survivor_id;
  copy->date = g_strdup (self->date);
  copy->body = g_strdup (self->body);
  copy->restricted = self->restricted;
  copy->author = g_strdup (self->author);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;

  return copy;
}

gint64
pw_note_get_id (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), 0);

  return self->id;
}

void
pw_note_set_id (PwNote *self,
                gint64  value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
pw_note_get_survivor_id (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), 0);

  return self->survivor_id;
}

void
pw_note_set_survivor_id (PwNote *self,
                         gint64  value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (self->survivor_id == value)
    return;
  self->survivor_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SURVIVOR_ID]);
}

const char *
pw_note_get_date (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), NULL);

  return self->date;
}

void
pw_note_set_date (PwNote     *self,
                  const char *value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
pw_note_get_body (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), NULL);

  return self->body;
}

void
pw_note_set_body (PwNote     *self,
                  const char *value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (g_strcmp0 (self->body, value) == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BODY]);
}

gboolean
pw_note_get_restricted (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), FALSE);

  return self->restricted;
}

void
pw_note_set_restricted (PwNote   *self,
                        gboolean  value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (self->restricted == value)
    return;
  self->restricted = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESTRICTED]);
}

const char *
pw_note_get_author (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), NULL);

  return self->author;
}

void
pw_note_set_author (PwNote     *self,
                    const char *value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (g_strcmp0 (self->author, value) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR]);
}

gint64
pw_note_get_created_at (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), 0);

  return self->created_at;
}

void
pw_note_set_created_at (PwNote *self,
                        gint64  value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
pw_note_get_updated_at (const PwNote *self)
{
  g_return_val_if_fail (PW_IS_NOTE ((gpointer) self), 0);

  return self->updated_at;
}

void
pw_note_set_updated_at (PwNote *self,
                        gint64  value)
{
  g_return_if_fail (PW_IS_NOTE (self));

  if (self->updated_at == value)
    return;
  self->updated_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}
