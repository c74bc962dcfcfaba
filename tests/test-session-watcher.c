/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-session-watcher"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "pw-session-watcher.h"
#include "pw-vault.h"

/* One private D-Bus daemon for the whole run plays both the session and
 * the system bus. Each test gets two fresh connections: the app's, and
 * one that plays the screen saver and logind. */

#define PASSPHRASE "correct horse battery staple"
#define OUR_SESSION "/org/freedesktop/login1/session/_32"
#define OTHER_SESSION "/org/freedesktop/login1/session/_37"

static const char login1_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.login1.Manager'>"
  "    <method name='GetSession'>"
  "      <arg type='s' name='session_id' direction='in'/>"
  "      <arg type='o' name='object_path' direction='out'/>"
  "    </method>"
  "    <method name='GetSessionByPID'>"
  "      <arg type='u' name='pid' direction='in'/>"
  "      <arg type='o' name='object_path' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GTestDBus *test_bus;

typedef struct
{
  GDBusConnection  *ours;     /* the app's connection */
  GDBusConnection  *desktop;  /* the screen saver's and logind's */
  char             *dir;
  PwVault          *vault;
  GSettings        *settings;
  PwSession        *session;
  PwSessionWatcher *watcher;

  gboolean          auto_supported;
  guint             by_pid_calls;
  guint             registration;
  gboolean          marker_seen;
  guint             marker_id;
} Fixture;

static GDBusConnection *
connect_to (const char *address)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
on_marker (GDBusConnection *connection,
           const char      *sender,
           const char      *path,
           const char      *interface_name,
           const char      *signal_name,
           GVariant        *parameters,
           gpointer         user_data)
{
  ((Fixture *) user_data)->marker_seen = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  f->ours = connect_to (g_test_dbus_get_bus_address (test_bus));
  f->desktop = connect_to (g_test_dbus_get_bus_address (test_bus));

  f->dir = g_dir_make_tmp ("pw-watcher-XXXXXX", &error);
  g_assert_no_error (error);
  f->vault = pw_vault_new (f->dir);
  f->settings = g_settings_new (BASE_ID);
  f->session = pw_session_new (f->vault, f->settings);
  pw_session_set_kdf_cost (f->session, pw_kdf_cost_fast ());
  key = pw_vault_create (f->vault, "Test Worker", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);

  f->auto_supported = TRUE;
  f->marker_id = g_dbus_connection_signal_subscribe (f->ours, NULL, "org.example.Marker", "Seen",
                                                     NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                     on_marker, f, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->watcher);
  g_dbus_connection_signal_unsubscribe (f->ours, f->marker_id);
  if (f->registration != 0)
    g_dbus_connection_unregister_object (f->desktop, f->registration);
  g_clear_object (&f->session);
  g_clear_object (&f->vault);
  g_clear_object (&f->settings);
  g_dbus_connection_close_sync (f->ours, NULL, NULL);
  g_dbus_connection_close_sync (f->desktop, NULL, NULL);
  g_clear_object (&f->ours);
  g_clear_object (&f->desktop);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* After this, the bus has every match rule @connection asked for. */
static void
round_trip (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetId", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
emit (Fixture    *f,
      const char *path,
      const char *interface_name,
      const char *member,
      GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  round_trip (f->ours);
  g_dbus_connection_emit_signal (f->desktop, NULL, path, interface_name, member,
                                 parameters, &error);
  g_assert_no_error (error);
}

/* Signals from one sender arrive in order: once the marker is here, what
 * was sent before it has been handled too. */
static void
settle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->marker_seen = FALSE;
  emit (f, "/org/example/Marker", "org.example.Marker", "Seen", NULL);
  while (!f->marker_seen && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->marker_seen);
}

static void
assert_unlocked (Fixture *f)
{
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
  g_assert_false (pw_vault_get_locked (f->vault));
}

static void
assert_locked (Fixture *f)
{
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_LOCKED);
  g_assert_true (pw_vault_get_locked (f->vault));
  g_assert_null (pw_vault_get_store (f->vault));
  g_assert_null (pw_session_get_store (f->session));
}

static void
test_gnome_screensaver (Fixture       *f,
                        gconstpointer  data)
{
  f->watcher = pw_session_watcher_new_for_buses (f->session, f->ours, NULL);

  /* The screen saver going off again unlocks nothing, nor does it lock. */
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", FALSE));
  settle (f);
  assert_unlocked (f);

  /* A malformed signal is ignored. */
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(s)", "true"));
  settle (f);
  assert_unlocked (f);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  settle (f);
  assert_locked (f);

  /* And it unlocks again with the passphrase only. */
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", FALSE));
  settle (f);
  assert_locked (f);
}

static void
test_freedesktop_screensaver (Fixture       *f,
                              gconstpointer  data)
{
  const char * const paths[] = { "/ScreenSaver", "/org/freedesktop/ScreenSaver" };

  f->watcher = pw_session_watcher_new_for_buses (f->session, f->ours, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_unlocked (f);
      emit (f, paths[i], "org.freedesktop.ScreenSaver", "ActiveChanged",
            g_variant_new ("(b)", TRUE));
      settle (f);
      assert_locked (f);

      g_assert_true (pw_vault_unlock (f->vault, PASSPHRASE, &error));
      g_assert_no_error (error);
    }
}

static void
test_sleep (Fixture       *f,
            gconstpointer  data)
{
  f->watcher = pw_session_watcher_new_for_buses (f->session, NULL, f->ours);

  /* Waking up says FALSE: nothing to do. */
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", FALSE));
  settle (f);
  assert_unlocked (f);

  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  settle (f);
  assert_locked (f);
}

static void
on_login1_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface_name,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method, "GetSession"))
    {
      const char *id;

      g_variant_get (parameters, "(&s)", &id);
      if (f->auto_supported && g_str_equal (id, "auto"))
        g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", OUR_SESSION));
      else
        g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.login1.NoSuchSession",
                                                    "No session by that name");
    }
  else
    {
      guint32 pid;

      f->by_pid_calls++;
      g_variant_get (parameters, "(u)", &pid);
      g_assert_cmpuint (pid, ==, (guint32) getpid ());
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", OUR_SESSION));
    }
}

static void
start_logind (Fixture *f)
{
  static const GDBusInterfaceVTable vtable = { on_login1_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  info = g_dbus_node_info_new_for_xml (login1_xml, &error);
  g_assert_no_error (error);
  f->registration = g_dbus_connection_register_object (f->desktop, "/org/freedesktop/login1",
                                                       info->interfaces[0], &vtable, f, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (f->desktop, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

static void
wait_for_login_session (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (pw_session_watcher_get_login_session (f->watcher) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (pw_session_watcher_get_login_session (f->watcher), ==, OUR_SESSION);
}

static void
check_login_session_lock (Fixture *f)
{
  wait_for_login_session (f);

  /* `loginctl lock-session` of someone else's session is not ours. */
  emit (f, OTHER_SESSION, "org.freedesktop.login1.Session", "Lock", NULL);
  settle (f);
  assert_unlocked (f);

  emit (f, OUR_SESSION, "org.freedesktop.login1.Session", "Lock", NULL);
  settle (f);
  assert_locked (f);
}

static void
test_login_session_auto (Fixture       *f,
                         gconstpointer  data)
{
  start_logind (f);
  f->watcher = pw_session_watcher_new_for_buses (f->session, NULL, f->ours);
  check_login_session_lock (f);
  g_assert_cmpuint (f->by_pid_calls, ==, 0);
}

static void
test_login_session_by_pid (Fixture       *f,
                           gconstpointer  data)
{
  f->auto_supported = FALSE;
  start_logind (f);
  f->watcher = pw_session_watcher_new_for_buses (f->session, NULL, f->ours);
  check_login_session_lock (f);
  g_assert_cmpuint (f->by_pid_calls, ==, 1);
}

/* The constructor the application uses finds both buses by itself. */
static void
test_default_buses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDBusConnection) session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  start_logind (f);
  f->watcher = pw_session_watcher_new (f->session);
  wait_for_login_session (f);
  /* The watcher's own connection to the "session bus" has its match rules in. */
  round_trip (session_bus);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  settle (f);
  assert_locked (f);
}

/* Without any bus nothing breaks, and the idle lock still works. */
static void
test_no_bus (Fixture       *f,
             gconstpointer  data)
{
  f->watcher = pw_session_watcher_new_for_buses (f->session, NULL, NULL);
  g_assert_null (pw_session_watcher_get_login_session (f->watcher));
  assert_unlocked (f);
  pw_session_lock (f->session);
  assert_locked (f);
}

/* Dropped before the buses answer: the answers find nothing to touch. */
static void
test_dispose_early (Fixture       *f,
                    gconstpointer  data)
{
  start_logind (f);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PwSessionWatcher) watcher = pw_session_watcher_new (f->session);

      if (i % 2 == 1)
        g_main_context_iteration (NULL, FALSE);
    }
  /* Let every pending answer arrive. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  settle (f);

  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  settle (f);
  assert_unlocked (f);
}

/* A workshop's example cases are fictional: the screen saver leaves them
 * open, like the idle lock does. */
static void
test_demo_stays (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pw_session_lock (f->session);
  g_assert_true (pw_session_open_demo (f->session, &error));
  g_assert_no_error (error);

  f->watcher = pw_session_watcher_new_for_buses (f->session, f->ours, f->ours);
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  settle (f);
  g_assert_true (pw_session_get_demo (f->session));
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusConnection) session_bus = NULL;
  g_autoptr(GDBusConnection) system_bus = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* pw_session_watcher_new() finds both "buses" at this daemon. The shared
   * connections outlive the tests, so they must not end the process when
   * the daemon stops at the end. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (test_bus), TRUE);
  session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  g_assert_nonnull (session_bus);
  g_assert_nonnull (system_bus);
  g_dbus_connection_set_exit_on_close (session_bus, FALSE);
  g_dbus_connection_set_exit_on_close (system_bus, FALSE);

#define ADD(path, func) \
  g_test_add ("/session-watcher/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("gnome-screensaver", test_gnome_screensaver);
  ADD ("freedesktop-screensaver", test_freedesktop_screensaver);
  ADD ("sleep", test_sleep);
  ADD ("login-session/auto", test_login_session_auto);
  ADD ("login-session/by-pid", test_login_session_by_pid);
  ADD ("default-buses", test_default_buses);
  ADD ("no-bus", test_no_bus);
  ADD ("dispose-early", test_dispose_early);
  ADD ("demo-stays-open", test_demo_stays);

  status = g_test_run ();
  /* g_test_dbus_down() waits for the shared session connection to go. */
  g_clear_object (&session_bus);
  g_clear_object (&system_bus);
  g_test_dbus_down (test_bus);
  g_clear_object (&test_bus);
  return status;
}
