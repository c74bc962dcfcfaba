/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-application"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "pw-application.h"
#include "pw-preferences-window.h"
#include "pw-session-watcher.h"
#include "pw-template-registry.h"
#include "pw-types.h"
#include "pw-window.h"

struct _PwApplication
{
  AdwApplication parent_instance;

  PwSession *session;
  PwSessionWatcher *watcher;  /* locks with the desktop and before sleep */
};

G_DEFINE_FINAL_TYPE (PwApplication, pw_application, ADW_TYPE_APPLICATION)

PwApplication *
pw_application_new (void)
{
  return g_object_new (PW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

static void
on_bench_after_paint (GdkFrameClock *clock,
                      GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint, app);
  g_application_quit (app);
}

static void
on_bench_window_map (GtkWidget    *window,
                     GApplication *app)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_bench_after_paint), app);
}

static void
pw_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (pw_window_new (PW_APPLICATION (app), PW_APPLICATION (app)->session));

      /* tests/bench/bench-startup measures the time to the first frame. */
      if (g_getenv ("PATHWAY_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (on_bench_window_map), app);
    }

  gtk_window_present (window);
}

static void
pw_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  GtkIconTheme *icon_theme;

  G_APPLICATION_CLASS (pw_application_parent_class)->startup (app);

#ifdef __linux__
  /* An unlocked vault's records are in this process's memory: no core
   * file may take them to disk after a crash, and no other program of
   * this user may read them through ptrace or /proc. For debugging, set
   * PATHWAY_ALLOW_CORE_DUMPS=1. */
  if (g_getenv ("PATHWAY_ALLOW_CORE_DUMPS") == NULL)
    prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif

  pw_ensure_types ();

  if (PW_APPLICATION (app)->session == NULL)
    {
      g_autoptr(PwVault) vault = pw_vault_new (NULL);
      g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

      g_autoptr(PwSession) session = pw_session_new (vault, settings);

      pw_application_set_session (PW_APPLICATION (app), session);
    }

  gtk_window_set_default_icon_name (APP_ID);

  icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_add_resource_path (icon_theme, RESOURCE_BASE_PATH "/icons");

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
pw_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Pathway developers", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Pathway"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Pathway developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Pathway helps professionals accompany survivors of human trafficking along the four stages of integration: detection and identification, restoration of rights, recovery and autonomy. Every record stays encrypted on this computer."),
                        "website", "https://pathwaytool.org/",
                        "developers", developers,
                        /* Translators: replace with your names, one per line, to be credited */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Pathway developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
pw_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  /* Close windows first so each can save its state. */
  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  g_application_quit (G_APPLICATION (app));
}

static void
pw_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  PwApplication *self = PW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PwPreferencesWindow *preferences;

  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED ||
      pw_session_get_demo (self->session))
    return;

  preferences = pw_preferences_window_new (parent, self->session);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_session_state_changed (PwApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  /* The demo's vault is in memory: nothing of the real one to set up. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               pw_session_get_state (self->session) == PW_SESSION_UNLOCKED &&
                               !pw_session_get_demo (self->session));
}

static const GActionEntry app_actions[] = {
  { "preferences", pw_application_preferences_action },
  { "about", pw_application_about_action },
  { "quit", pw_application_quit_action },
};

/* Tests hand in a session around a vault in a temporary directory. */
void
pw_application_set_session (PwApplication *self,
                            PwSession     *session)
{
  g_return_if_fail (PW_IS_APPLICATION (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_state_changed, self);
  g_clear_object (&self->watcher);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->watcher = pw_session_watcher_new (session);
      g_signal_connect_object (session, "notify::state",
                               G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::demo",
                               G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
      on_session_state_changed (self);
    }
}

PwSession *
pw_application_get_session (PwApplication *self)
{
  g_return_val_if_fail (PW_IS_APPLICATION (self), NULL);
  return self->session;
}

static void
pw_application_shutdown (GApplication *app)
{
  PwApplication *self = PW_APPLICATION (app);

  g_clear_object (&self->watcher);
  /* Wipes the master key before the process ends. */
  if (self->session != NULL)
    pw_session_lock (self->session);
  g_clear_object (&self->session);

  G_APPLICATION_CLASS (pw_application_parent_class)->shutdown (app);
}

/* `pathway --check-template FILE`: for template authors' scripts, so it
 * runs before registration and opens no window and no vault. */
static int
pw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  const char *path = NULL;

  if (!g_variant_dict_lookup (options, "check-template", "^&ay", &path))
    return -1;

  if (!pw_template_check_file (path, &report, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s", report);
  return 0;
}

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->shutdown = pw_application_shutdown;

  app_class->activate = pw_application_activate;
  app_class->startup = pw_application_startup;
  app_class->handle_local_options = pw_application_handle_local_options;
}

static void
pw_application_init (PwApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  g_application_add_main_option (G_APPLICATION (self), "check-template", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Check a pathway template file, print its completeness per language, and exit"),
                                 _("FILE"));
}
