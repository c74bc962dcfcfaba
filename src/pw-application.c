/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-application.h"
#include "pw-types.h"
#include "pw-window.h"

struct _PwApplication
{
  AdwApplication parent_instance;
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
      window = GTK_WINDOW (pw_window_new (PW_APPLICATION (app)));

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
  GtkIconTheme *icon_theme;

  G_APPLICATION_CLASS (pw_application_parent_class)->startup (app);

  pw_ensure_types ();

  gtk_window_set_default_icon_name (APP_ID);

  icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_add_resource_path (icon_theme, RESOURCE_BASE_PATH "/icons");

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
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

static const GActionEntry app_actions[] = {
  { "about", pw_application_about_action },
  { "quit", pw_application_quit_action },
};

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = pw_application_activate;
  app_class->startup = pw_application_startup;
}

static void
pw_application_init (PwApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}
