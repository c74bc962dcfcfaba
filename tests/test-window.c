/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-application.h"
#include "pw-lock-page.h"
#include "pw-recovery-key-page.h"
#include "pw-store.h"
#include "pw-survivor.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* Names, not words: the same in every language. */
static const char *untranslatable[] = { "Pathway", "Passphrase", NULL };

static const char *test_passphrase = "orange kettle under seven lanterns";

static PwSession *
new_session (const char *directory)
{
  g_autoptr(PwVault) vault = pw_vault_new (directory);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  PwSession *session = pw_session_new (vault, settings);

  pw_session_set_kdf_cost (session, pw_kdf_cost_fast ());
  return session;
}

static GtkWindow *
open_window (PwApplication *app,
             PwSession     *session,
             int            width,
             int            height)
{
  GtkWindow *window = GTK_WINDOW (pw_window_new (app, session));

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
       PwSession     *session,
       const char    *what,
       const char    *language,
       gboolean       dark)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "wide", 1100, 720 },
    { "narrow", 360, 640 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GPtrArray *texts = NULL;

  pw_test_set_language (language);
  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWindow *window = open_window (app, session, sizes[i].width, sizes[i].height);
      g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s", what, language, sizes[i].name,
                                               dark ? "dark" : "light");
      g_autofree char *file = pw_test_screenshot (GTK_WIDGET (window), name);

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
      if (sizes[i].width <= 400)
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
      if (texts == NULL)
        texts = pw_test_collect_texts (GTK_WIDGET (window));
      gtk_window_destroy (window);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  return texts;
}

static void
assert_translated (GPtrArray  *english,
                   GPtrArray  *translated,
                   const char *language)
{
  g_autoptr(GHashTable) ours = pw_test_load_msgids (language);

  g_assert_cmpuint (translated->len, >=, 3);

  for (guint i = 0; i < translated->len; i++)
    {
      const char *text = g_ptr_array_index (translated, i);

      /* Toolkit strings are the toolkit's catalogue's business. */
      if (g_strv_contains (untranslatable, text) || !g_hash_table_contains (ours, text))
        continue;
      for (guint j = 0; j < english->len; j++)
        if (g_str_equal (text, g_ptr_array_index (english, j)))
          g_error ("“%s” is still in English with LANGUAGE=%s", text, language);
    }
}

/* Screens in every language, light and dark, wide and narrow; with
 * LANGUAGE=it or es no English string may be visible. */
static void
check_screens (PwApplication *app,
               PwSession     *session,
               const char    *what)
{
  g_autoptr(GPtrArray) en = shoot (app, session, what, "en", FALSE);
  g_autoptr(GPtrArray) en_dark = shoot (app, session, what, "en", TRUE);
  g_autoptr(GPtrArray) it = shoot (app, session, what, "it", FALSE);
  g_autoptr(GPtrArray) it_dark = shoot (app, session, what, "it", TRUE);
  g_autoptr(GPtrArray) es = shoot (app, session, what, "es", FALSE);

  assert_translated (en, it, "it");
  assert_translated (en, es, "es");
  pw_test_set_language ("en");
}

static void
test_window_screens_translated (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-window-XXXXXX", NULL);
  g_autofree char *recovery = NULL;
  g_autoptr(PwSession) session = new_session (dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_NEEDS_SETUP);
  check_screens (app, session, "setup");

  recovery = pw_vault_create (pw_session_get_vault (session), "Test Worker",
                              test_passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
  check_screens (app, session, "workspace");

  pw_session_lock (session);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_LOCKED);
  check_screens (app, session, "lock");
}

static void
test_window_size_persists (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-window-XXXXXX", NULL);
  g_autoptr(PwSession) session = new_session (dir);
  PwWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  window = pw_window_new (app, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
}

typedef struct
{
  GtkWidget *window;
  PwSession *session;
  PwSessionState state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return pw_session_get_state (wait->session) == wait->state;
}

static const char *
visible_page (GtkWidget *window)
{
  GtkStack *stack = GTK_STACK (pw_test_find (window, GTK_TYPE_STACK, NULL));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
error_shown (gpointer data)
{
  GtkWidget *page = pw_test_find (data, PW_TYPE_LOCK_PAGE, NULL);
  GtkWidget *label = page ? pw_test_find_with_class (page, GTK_TYPE_LABEL, "error") : NULL;

  return label != NULL && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static void
type_into (GtkWidget  *window,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = pw_test_find (window, ADW_TYPE_ENTRY_ROW, row_title);

  if (row == NULL)
    {
      g_autoptr(GPtrArray) texts = pw_test_collect_texts (window);

      g_test_message ("no visible entry row “%s” on page %s", row_title, visible_page (window));
      for (guint i = 0; i < texts->len; i++)
        g_test_message ("  visible: %s", (char *) g_ptr_array_index (texts, i));
    }

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A newcomer's first minutes: create a vault, check the recovery key, lock,
 * mistype once, unlock — all through the real widgets. */
static void
test_window_vault_flow (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-window-XXXXXX", NULL);
  g_autoptr(PwSession) session = new_session (dir);
  g_autofree char *key = NULL;
  StateWait wait = { NULL, session, PW_SESSION_UNLOCKED };
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 survivor_id;
  PwRecoveryKeyPage *recovery_page;
  GtkWidget *key_label;
  const guint *positions;
  GtkWindow *window;

  pw_test_set_language ("en");
  window = open_window (app, session, 1000, 720);
  wait.window = GTK_WIDGET (window);
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "setup");

  type_into (GTK_WIDGET (window), "Your Name or Role", "Test Worker");
  type_into (GTK_WIDGET (window), "Passphrase", test_passphrase);
  type_into (GTK_WIDGET (window), "Repeat the Passphrase", "not the same at all");
  g_assert_false (gtk_widget_is_sensitive (pw_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Create Vault")));
  type_into (GTK_WIDGET (window), "Repeat the Passphrase", test_passphrase);
  pw_test_click (GTK_WIDGET (window), "_Create Vault");

  pw_test_wait_until (state_reached, &wait, 20000);
  pw_test_iterate (50);
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "recovery");
  g_free (pw_test_screenshot (GTK_WIDGET (window), "recovery-key-en"));

  recovery_page = PW_RECOVERY_KEY_PAGE (pw_test_find (GTK_WIDGET (window), PW_TYPE_RECOVERY_KEY_PAGE, NULL));
  key_label = pw_test_find_with_class (GTK_WIDGET (recovery_page), GTK_TYPE_LABEL, "pw-recovery-key");
  g_assert_nonnull (key_label);
  key = g_strdup (gtk_label_get_text (GTK_LABEL (key_label)));
  g_assert_cmpuint (strlen (key), >=, 28);

  pw_test_click (GTK_WIDGET (window), "I Have Stored It — _Continue");
  pw_test_iterate (50);
  positions = pw_recovery_key_page_get_positions (recovery_page);

  /* A wrong character keeps the person on the check. */
  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Character %u", positions[i]);
      type_into (GTK_WIDGET (window), title, i == 0 ? "#" : "x");
    }
  pw_test_click (GTK_WIDGET (window), "C_onfirm");
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "recovery");

  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Character %u", positions[i]);
      char c[2] = { 0, 0 };
      guint n = 0;

      for (const char *p = key; *p; p++)
        if (*p != '-' && ++n == positions[i])
          c[0] = g_ascii_tolower (*p);
      type_into (GTK_WIDGET (window), title, c);
    }
  pw_test_click (GTK_WIDGET (window), "C_onfirm");
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "workspace");

  /* A record written now must be there after lock and unlock. */
  survivor = pw_survivor_new ();
  pw_survivor_set_case_code (survivor, "TEST-042");
  pw_survivor_set_alias (survivor, "Example Rosemary");
  survivor_id = pw_store_add_survivor (pw_session_get_store (session), survivor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (survivor_id, >, 0);

  /* Ctrl+L's action locks and returns to the lock screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_LOCKED);
  g_assert_null (pw_session_get_store (session));
  pw_test_iterate (50);
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "lock");

  type_into (GTK_WIDGET (window), "Passphrase", "orange kettle under six lanterns");
  pw_test_click (GTK_WIDGET (window), "_Unlock");
  pw_test_wait_until (error_shown, window, 20000);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_LOCKED);
  g_free (pw_test_screenshot (GTK_WIDGET (window), "lock-wrong-passphrase-en"));

  type_into (GTK_WIDGET (window), "Passphrase", test_passphrase);
  pw_test_click (GTK_WIDGET (window), "_Unlock");
  pw_test_wait_until (state_reached, &wait, 20000);
  pw_test_iterate (50);
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "workspace");
  g_clear_object (&survivor);
  survivor = pw_store_get_survivor (pw_session_get_store (session), survivor_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_survivor_get_case_code (survivor), ==, "TEST-042");

  /* The recovery key opens it too. */
  pw_session_lock (session);
  pw_test_iterate (50);
  pw_test_click (GTK_WIDGET (window), "Use the _Recovery Key Instead");
  type_into (GTK_WIDGET (window), "Recovery Key", key);
  pw_test_click (GTK_WIDGET (window), "_Unlock");
  pw_test_wait_until (state_reached, &wait, 20000);

  gtk_window_destroy (window);
}

static void
test_window_lock_backoff (void)
{
  g_assert_cmpuint (pw_lock_page_backoff_seconds (0), ==, 0);
  g_assert_cmpuint (pw_lock_page_backoff_seconds (1), ==, 0);
  g_assert_cmpuint (pw_lock_page_backoff_seconds (2), ==, 2);
  g_assert_cmpuint (pw_lock_page_backoff_seconds (3), ==, 4);
  g_assert_cmpuint (pw_lock_page_backoff_seconds (10), ==, 30);
  g_assert_cmpuint (pw_lock_page_backoff_seconds (1000), ==, 30);
}

static void
test_window_recovery_check (void)
{
  const guint positions[] = { 1, 5, 6, 28 };
  const char *good[] = { "a", "e", "f", "z" };
  const char *upper[] = { "A", " E ", "F", "Z" };
  const char *bad[] = { "a", "e", "f", "y" };
  const char *empty[] = { "a", "", "f", "z" };
  const char *key = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234Z";

  g_assert_true (pw_recovery_key_characters_match (key, positions, good));
  g_assert_true (pw_recovery_key_characters_match (key, positions, upper));
  g_assert_false (pw_recovery_key_characters_match (key, positions, bad));
  g_assert_false (pw_recovery_key_characters_match (key, positions, empty));
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/window/screens-translated", test_window_screens_translated);
  g_test_add_func ("/window/size-persists", test_window_size_persists);
  g_test_add_func ("/window/vault-flow", test_window_vault_flow);
  g_test_add_func ("/window/lock-backoff", test_window_lock_backoff);
  g_test_add_func ("/window/recovery-check", test_window_recovery_check);

  return g_test_run ();
}
