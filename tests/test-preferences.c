/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-preferences"

#include "config.h"


#include "pw-preferences-window.h"
#include "pw-test-util.h"

static const char *passphrase = "a long passphrase for the tests";

static PwSession *
new_unlocked_session (char **dir)
{
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  PwSession *session;

  *dir = g_dir_make_tmp ("pw-preferences-XXXXXX", NULL);
  vault = pw_vault_new (*dir);
  session = pw_session_new (vault, settings);
  pw_session_set_kdf_cost (session, pw_kdf_cost_fast ());
  key = pw_vault_create (vault, "Test Worker", passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  return session;
}

static void
test_preferences_security (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PwSession) session = new_unlocked_session (&dir);
  GSettings *settings = pw_session_get_settings (session);
  PwPreferencesWindow *window;
  AdwComboRow *auto_lock;

  pw_test_set_language ("en");
  window = pw_preferences_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_free (pw_test_screenshot (GTK_WIDGET (window), "preferences-security-en"));

  /* The one passphrase made at creation is listed by its name. */
  g_assert_nonnull (pw_test_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Test Worker"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "No backups yet"));

  /* The auto-lock choice lands in the setting. */
  auto_lock = ADW_COMBO_ROW (pw_test_find (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Lock Automatically"));
  g_assert_nonnull (auto_lock);
  adw_combo_row_set_selected (auto_lock, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 0);
  adw_combo_row_set_selected (auto_lock, 4);
  g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 10);

  /* Back Up Now adds a row with a Restore button. */
  pw_test_click (GTK_WIDGET (window), "_Back Up Now");
  g_assert_null (pw_test_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "No backups yet"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Restore…"));

  /* Locking closes the window: nothing of the vault stays on screen. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  pw_session_lock (session);
  pw_test_iterate (50);
  g_assert_null (window);
}

static void
test_preferences_translated (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PwSession) session = new_unlocked_session (&dir);
  g_autoptr(GHashTable) ours = pw_test_load_msgids ("it");
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) italian = NULL;
  const char *languages[] = { "en", "it" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint page = 0; page < 2; page++)
      {
        PwPreferencesWindow *window;
        g_autofree char *name = g_strdup_printf ("preferences-%s-%s", page == 0 ? "security" : "templates", languages[l]);

        pw_test_set_language (languages[l]);
        window = pw_preferences_window_new (NULL, session);
        gtk_window_set_default_size (GTK_WINDOW (window), 640, 820);
        gtk_window_present (GTK_WINDOW (window));
        if (page == 1)
          adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "templates");
        g_free (pw_test_screenshot (GTK_WIDGET (window), name));
        if (page == 0)
          {
            if (l == 0)
              english = pw_test_collect_texts (GTK_WIDGET (window));
            else
              italian = pw_test_collect_texts (GTK_WIDGET (window));
          }
        gtk_window_destroy (GTK_WINDOW (window));
      }

  for (guint i = 0; i < italian->len; i++)
    {
      const char *text = g_ptr_array_index (italian, i);

      if (!g_hash_table_contains (ours, text) || g_str_equal (text, "Passphrase"))
        continue;
      for (guint j = 0; j < english->len; j++)
        if (g_str_equal (text, g_ptr_array_index (english, j)))
          g_error ("“%s” is still in English with LANGUAGE=it", text);
    }
  pw_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/preferences/security", test_preferences_security);
  g_test_add_func ("/preferences/translated", test_preferences_translated);

  return g_test_run ();
}
