/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-session"

#include "config.h"

#include "pw-session.h"

/* The one context object handed to every view: the vault (and through it
 * the store), the settings, and the idle lock. Views never keep survivor
 * data past a `state` change away from UNLOCKED. */
struct _PwSession
{
  GObject parent_instance;

  PwVault *vault;
  GSettings *settings;
  PwKdfCost cost;

  PwSessionState state;
  gint64 last_activity;
  guint idle_source;
};

G_DEFINE_FINAL_TYPE (PwSession, pw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_SETTINGS,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
pw_session_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { PW_SESSION_NEEDS_SETUP, "PW_SESSION_NEEDS_SETUP", "needs-setup" },
        { PW_SESSION_LOCKED, "PW_SESSION_LOCKED", "locked" },
        { PW_SESSION_UNLOCKED, "PW_SESSION_UNLOCKED", "unlocked" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("PwSessionState", values));
    }
  return type;
}

PwSession *
pw_session_new (PwVault   *vault,
                GSettings *settings)
{
  g_return_val_if_fail (PW_IS_VAULT (vault), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PW_TYPE_SESSION,
                       "vault", vault,
                       "settings", settings,
                       NULL);
}

static gboolean on_idle_check (gpointer data);

static void
schedule_idle_check (PwSession *self)
{
  guint minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->state != PW_SESSION_UNLOCKED || minutes == 0)
    return;

  /* Check every few seconds rather than re-arming a timer on every key press. */
  self->idle_source = g_timeout_add_seconds (MIN (minutes * 60, 5u), on_idle_check, self);
}

static gboolean
on_idle_check (gpointer data)
{
  PwSession *self = data;
  guint minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");
  gint64 idle = g_get_monotonic_time () - self->last_activity;

  if (minutes > 0 && idle >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    {
      self->idle_source = 0;
      pw_session_lock (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
update_state (PwSession *self)
{
  PwSessionState state;

  if (!pw_vault_get_locked (self->vault))
    state = PW_SESSION_UNLOCKED;
  else if (pw_vault_exists (self->vault))
    state = PW_SESSION_LOCKED;
  else
    state = PW_SESSION_NEEDS_SETUP;

  if (state == self->state)
    return;

  self->state = state;
  self->last_activity = g_get_monotonic_time ();
  schedule_idle_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_vault_locked_changed (PwSession *self)
{
  update_state (self);
}

static void
on_auto_lock_changed (PwSession *self)
{
  schedule_idle_check (self);
}

PwVault *
pw_session_get_vault (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return self->vault;
}

GSettings *
pw_session_get_settings (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return self->settings;
}

PwStore *
pw_session_get_store (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return pw_vault_get_store (self->vault);
}

PwSessionState
pw_session_get_state (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), PW_SESSION_LOCKED);
  return self->state;
}

PwKdfCost
pw_session_get_kdf_cost (PwSession *self)
{
  return self->cost;
}

/* Tests make vaults with a cheap cost; the product keeps the default. */
void
pw_session_set_kdf_cost (PwSession *self,
                         PwKdfCost  cost)
{
  g_return_if_fail (PW_IS_SESSION (self));
  self->cost = cost;
}

void
pw_session_lock (PwSession *self)
{
  g_return_if_fail (PW_IS_SESSION (self));

  if (!pw_vault_get_locked (self->vault))
    pw_vault_lock (self->vault);
  update_state (self);
}

void
pw_session_touch (PwSession *self)
{
  g_return_if_fail (PW_IS_SESSION (self));
  self->last_activity = g_get_monotonic_time ();
}

static void
pw_session_constructed (GObject *object)
{
  PwSession *self = PW_SESSION (object);

  G_OBJECT_CLASS (pw_session_parent_class)->constructed (object);

  self->state = (PwSessionState) -1;
  g_signal_connect_object (self->vault, "notify::locked",
                           G_CALLBACK (on_vault_locked_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-lock-minutes",
                           G_CALLBACK (on_auto_lock_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
pw_session_dispose (GObject *object)
{
  PwSession *self = PW_SESSION (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->vault != NULL && !pw_vault_get_locked (self->vault))
    pw_vault_lock (self->vault);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pw_session_parent_class)->dispose (object);
}

static void
pw_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_class_init (PwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_session_constructed;
  object_class->dispose = pw_session_dispose;
  object_class->get_property = pw_session_get_property;
  object_class->set_property = pw_session_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, PW_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PW_TYPE_SESSION_STATE, PW_SESSION_NEEDS_SETUP,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_session_init (PwSession *self)
{
  self->cost = pw_kdf_cost_default ();
}
