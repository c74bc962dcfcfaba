/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-session-watcher"

#include "config.h"

#include <unistd.h>

#include "pw-session-watcher.h"

#define LOGIN1_NAME      "org.freedesktop.login1"
#define LOGIN1_PATH      "/org/freedesktop/login1"
#define LOGIN1_MANAGER   "org.freedesktop.login1.Manager"
#define LOGIN1_SESSION   "org.freedesktop.login1.Session"

/* Signals are matched from any sender: a forged one can only lock the
 * vault, which is the safe direction, and whoever can send on this user's
 * session bus could do far more than that anyway. */
struct _PwSessionWatcher
{
  GObject          parent_instance;

  PwSession       *session;
  GCancellable    *cancellable;

  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint            gnome_screensaver_id;
  guint            freedesktop_screensaver_id;
  guint            prepare_for_sleep_id;
  guint            session_lock_id;
  char            *login_session;
};

G_DEFINE_FINAL_TYPE (PwSessionWatcher, pw_session_watcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOGIN_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lock_now (PwSessionWatcher *self,
          const char       *why)
{
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED ||
      pw_session_get_demo (self->session))
    return;

  g_debug ("Locking the vault: %s", why);
  pw_session_lock (self->session);
}

static gboolean
first_boolean (GVariant *parameters)
{
  gboolean value = FALSE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &value);
  return value;
}

static void
on_screensaver_active_changed (GDBusConnection *connection,
                               const char      *sender,
                               const char      *object_path,
                               const char      *interface_name,
                               const char      *signal_name,
                               GVariant        *parameters,
                               gpointer         user_data)
{
  if (first_boolean (parameters))
    lock_now (user_data, "the screen saver came on");
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  /* The idle countdown runs on the monotonic clock, which stands still
   * while the computer sleeps: lock before, not some time after waking. */
  if (first_boolean (parameters))
    lock_now (user_data, "the computer is going to sleep");
}

static void
on_session_lock (GDBusConnection *connection,
                 const char      *sender,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  lock_now (user_data, "the login session was locked");
}

static guint
subscribe (PwSessionWatcher    *self,
           GDBusConnection     *connection,
           const char          *interface_name,
           const char          *member,
           const char          *object_path,
           GDBusSignalCallback  callback)
{
  return g_dbus_connection_signal_subscribe (connection, NULL, interface_name, member,
                                             object_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                             callback, self, NULL);
}

static void
watch_session_bus (PwSessionWatcher *self,
                   GDBusConnection  *connection)
{
  self->session_bus = g_object_ref (connection);
  self->gnome_screensaver_id =
    subscribe (self, connection, "org.gnome.ScreenSaver", "ActiveChanged", NULL,
               on_screensaver_active_changed);
  /* KDE and others, at /ScreenSaver and /org/freedesktop/ScreenSaver. */
  self->freedesktop_screensaver_id =
    subscribe (self, connection, "org.freedesktop.ScreenSaver", "ActiveChanged", NULL,
               on_screensaver_active_changed);
}

static void
set_login_session (PwSessionWatcher *self,
                   const char       *path)
{
  if (self->session_lock_id != 0 || self->system_bus == NULL)
    return;

  self->login_session = g_strdup (path);
  self->session_lock_id = subscribe (self, self->system_bus, LOGIN1_SESSION, "Lock", path,
                                     on_session_lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN_SESSION]);
}

static void
on_session_by_pid (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PwSessionWatcher *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No login session to watch: %s", error->message);
      return;
    }

  g_variant_get (reply, "(&o)", &path);
  set_login_session (self, path);
}

/* "auto" is the caller's session, or else the user's graphical one: what
 * an app started by the desktop (outside the session's own scope) needs.
 * Older logind does not know "auto": ask by process then. */
static void
on_session_auto (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PwSessionWatcher *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("logind has no \"auto\" session (%s): asking by process", error->message);
      g_dbus_connection_call (self->system_bus, LOGIN1_NAME, LOGIN1_PATH, LOGIN1_MANAGER,
                              "GetSessionByPID", g_variant_new ("(u)", (guint32) getpid ()),
                              G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000,
                              self->cancellable, on_session_by_pid, self);
      return;
    }

  g_variant_get (reply, "(&o)", &path);
  set_login_session (self, path);
}

static void
watch_system_bus (PwSessionWatcher *self,
                  GDBusConnection  *connection)
{
  self->system_bus = g_object_ref (connection);
  self->prepare_for_sleep_id = subscribe (self, connection, LOGIN1_MANAGER, "PrepareForSleep",
                                          LOGIN1_PATH, on_prepare_for_sleep);
  g_dbus_connection_call (connection, LOGIN1_NAME, LOGIN1_PATH, LOGIN1_MANAGER,
                          "GetSession", g_variant_new ("(s)", "auto"),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000,
                          self->cancellable, on_session_auto, self);
}

/* The async callbacks hold no reference: the watcher cancels everything
 * in dispose, and a cancelled call answers G_IO_ERROR_CANCELLED, after
 * which @user_data is not touched. */
static GDBusConnection *
finish_bus (GAsyncResult *result,
            const char   *which)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection = g_bus_get_finish (result, &error);

  if (connection == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No %s bus to watch for locks: %s", which, error->message);
  return connection;
}

static void
on_session_bus (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GDBusConnection) connection = finish_bus (result, "session");

  if (connection != NULL)
    watch_session_bus (user_data, connection);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GDBusConnection) connection = finish_bus (result, "system");

  if (connection != NULL)
    watch_system_bus (user_data, connection);
}

static void
unsubscribe (GDBusConnection *connection,
             guint           *id)
{
  if (*id != 0 && connection != NULL)
    g_dbus_connection_signal_unsubscribe (connection, *id);
  *id = 0;
}

static void
pw_session_watcher_dispose (GObject *object)
{
  PwSessionWatcher *self = PW_SESSION_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  unsubscribe (self->session_bus, &self->gnome_screensaver_id);
  unsubscribe (self->session_bus, &self->freedesktop_screensaver_id);
  unsubscribe (self->system_bus, &self->prepare_for_sleep_id);
  unsubscribe (self->system_bus, &self->session_lock_id);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_session_watcher_parent_class)->dispose (object);
}

static void
pw_session_watcher_finalize (GObject *object)
{
  PwSessionWatcher *self = PW_SESSION_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->login_session, g_free);

  G_OBJECT_CLASS (pw_session_watcher_parent_class)->finalize (object);
}

static void
pw_session_watcher_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwSessionWatcher *self = PW_SESSION_WATCHER (object);

  switch (prop_id)
    {
    case PROP_LOGIN_SESSION:
      g_value_set_string (value, self->login_session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_watcher_class_init (PwSessionWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_session_watcher_dispose;
  object_class->finalize = pw_session_watcher_finalize;
  object_class->get_property = pw_session_watcher_get_property;

  properties[PROP_LOGIN_SESSION] =
    g_param_spec_string ("login-session", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_session_watcher_init (PwSessionWatcher *self)
{
  self->cancellable = g_cancellable_new ();
}

PwSessionWatcher *
pw_session_watcher_new (PwSession *session)
{
  PwSessionWatcher *self;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  self = g_object_new (PW_TYPE_SESSION_WATCHER, NULL);
  self->session = g_object_ref (session);
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_session_bus, self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);
  return self;
}

PwSessionWatcher *
pw_session_watcher_new_for_buses (PwSession       *session,
                                  GDBusConnection *session_bus,
                                  GDBusConnection *system_bus)
{
  PwSessionWatcher *self;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);
  g_return_val_if_fail (session_bus == NULL || G_IS_DBUS_CONNECTION (session_bus), NULL);
  g_return_val_if_fail (system_bus == NULL || G_IS_DBUS_CONNECTION (system_bus), NULL);

  self = g_object_new (PW_TYPE_SESSION_WATCHER, NULL);
  self->session = g_object_ref (session);
  if (session_bus != NULL)
    watch_session_bus (self, session_bus);
  if (system_bus != NULL)
    watch_system_bus (self, system_bus);
  return self;
}

const char *
pw_session_watcher_get_login_session (PwSessionWatcher *self)
{
  g_return_val_if_fail (PW_IS_SESSION_WATCHER (self), NULL);
  return self->login_session;
}
