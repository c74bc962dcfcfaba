/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pw-application.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* Names, not words: the same in every language. */
static const char *untranslatable[] = { "Pathway", NULL };

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Makes glibc drop translations cached for the previous language. */
  setlocale (LC_MESSAGES, "");
}

static GtkWindow *
open_window (PwApplication *app,
             int            width,
             int            height)
{
  GtkWindow *window = GTK_WINDOW (pw_window_new (app));

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  /* Let the leaflet settle its folded state after the first allocation. */
  pw_test_iterate (100);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static GPtrArray *
shoot (PwApplication *app,
       const char    *language,
       gboolean       dark)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "wide", 1100, 720 },
    { "narrow", 360, 640 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GPtrArray *texts = NULL;

  set_language (language);
  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWindow *window = open_window (app, sizes[i].width, sizes[i].height);
      g_autofree char *name = g_strdup_printf ("window-%s-%s-%s", language, sizes[i].name,
                                               dark ? "dark" : "light");
      g_autofree char *file = pw_test_screenshot (GTK_WIDGET (window), name);

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
      if (sizes[i].width <= 400)
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
      if (texts == NULL)
        texts = pw_test_collect_texts (GTK_WIDGET (window));
      gtk_window_destroy (window);
    }

  return texts;
}

static void
assert_translated (GPtrArray  *english,
                   GPtrArray  *translated,
                   const char *language)
{
  g_assert_cmpuint (translated->len, >=, 3);

  for (guint i = 0; i < translated->len; i++)
    {
      const char *text = g_ptr_array_index (translated, i);

      if (g_strv_contains (untranslatable, text))
        continue;
      for (guint j = 0; j < english->len; j++)
        if (g_str_equal (text, g_ptr_array_index (english, j)))
          g_error ("“%s” is still in English with LANGUAGE=%s", text, language);
    }
}

static void
on_activate (GApplication *app)
{
  g_autoptr(GPtrArray) en = NULL;
  g_autoptr(GPtrArray) it = NULL;
  g_autoptr(GPtrArray) es = NULL;
  g_autoptr(GPtrArray) unused = NULL;

  en = shoot (PW_APPLICATION (app), "en", FALSE);
  unused = shoot (PW_APPLICATION (app), "en", TRUE);
  it = shoot (PW_APPLICATION (app), "it", FALSE);
  g_clear_pointer (&unused, g_ptr_array_unref);
  unused = shoot (PW_APPLICATION (app), "it", TRUE);
  es = shoot (PW_APPLICATION (app), "es", FALSE);

  assert_translated (en, it, "it");
  assert_translated (en, es, "es");

  set_language ("en");
  g_application_quit (app);
}

static void
test_window_opens_translated (void)
{
  g_autoptr(PwApplication) app = pw_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static void
test_window_size_persists (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwApplication) app = pw_application_new ();
  PwWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  window = pw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/window/opens-translated", test_window_opens_translated);
  g_test_add_func ("/window/size-persists", test_window_size_persists);

  return g_test_run ();
}
