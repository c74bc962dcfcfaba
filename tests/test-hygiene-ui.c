/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-hygiene-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/prctl.h>

#include "pw-application.h"
#include "pw-lock-page.h"
#include "pw-recovery-key-page.h"
#include "pw-setup-page.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* What the screens keep of secrets and of her records: the clipboard after
 * the recovery key was copied, the memory behind secret entries, and every
 * widget's text once the vault is locked. */

#define KEY "7K3M-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01"
#define MARKER "zebra-marker-7431"
#define CODE "ZMU-7431"
#define PASSPHRASE "orange kettle under seven lanterns"

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 640, 640);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static PwRecoveryKeyPage *
recovery_page_in_window (GtkWindow **window)
{
  PwRecoveryKeyPage *page = g_object_new (PW_TYPE_RECOVERY_KEY_PAGE, NULL);

  *window = window_with (GTK_WIDGET (page));
  pw_recovery_key_page_set_key (page, KEY);
  pw_recovery_key_page_set_clipboard_seconds (page, 1);
  return page;
}

static void
copy_key (PwRecoveryKeyPage *page)
{
  pw_test_click (GTK_WIDGET (page), "_Copy");
}

typedef struct
{
  char     *text;
  gboolean  done;
} ReadText;

static void
on_read_text (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadText *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  ReadText read = { NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (gdk_clipboard_get_content (clipboard) == NULL)
    return NULL;
  gdk_clipboard_read_text_async (clipboard, NULL, on_read_text, &read);
  while (!read.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (read.done);
  return read.text;
}

static gboolean
clipboard_is_empty (gpointer widget)
{
  return gdk_clipboard_get_content (gtk_widget_get_clipboard (widget)) == NULL;
}

static void
test_clipboard_cleared (void)
{
  GtkWindow *window = NULL;
  PwRecoveryKeyPage *page = recovery_page_in_window (&window);
  g_autofree char *copied = NULL;

  copy_key (page);
  copied = clipboard_text (GTK_WIDGET (page));
  g_assert_cmpstr (copied, ==, KEY);

  /* The page says how long (one second here; a seconds timer may fire up
   * to a second late, later on a loaded machine); then it is empty. */
  pw_test_wait_until (clipboard_is_empty, page, 10000);
  g_assert_null (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page))));
  g_assert_null (clipboard_text (GTK_WIDGET (page)));

  gtk_window_destroy (window);
}

/* What she copied since is hers: it stays. */
static void
test_clipboard_keeps_other_text (void)
{
  GtkWindow *window = NULL;
  PwRecoveryKeyPage *page = recovery_page_in_window (&window);
  g_autofree char *after = NULL;

  copy_key (page);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), "an address for the letter");
  pw_test_iterate (2500);
  after = clipboard_text (GTK_WIDGET (page));
  g_assert_cmpstr (after, ==, "an address for the letter");

  gtk_window_destroy (window);
}

/* Locking clears the page at once, and the clipboard with it. */
static void
test_clipboard_cleared_on_lock (void)
{
  GtkWindow *window = NULL;
  PwRecoveryKeyPage *page = recovery_page_in_window (&window);

  pw_recovery_key_page_set_clipboard_seconds (page, 60);
  copy_key (page);
  g_assert_nonnull (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page))));
  pw_recovery_key_page_clear (page);
  g_assert_null (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page))));

  gtk_window_destroy (window);
}

/* The page goes away while the key is on the clipboard: the key goes too,
 * and no timer is left to find the page gone (the sanitizer run would
 * catch the use after free). */
static void
test_clipboard_page_destroyed (void)
{
  GtkWindow *window = NULL;
  PwRecoveryKeyPage *page = recovery_page_in_window (&window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));

  copy_key (page);
  gtk_window_destroy (window);
  g_assert_null (gdk_clipboard_get_content (clipboard));
  pw_test_iterate (2500);
  g_assert_null (gdk_clipboard_get_content (clipboard));
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *out)
{
  if (GTK_IS_TEXT (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static guint
count_locked_buffers (GtkWidget *root,
                      guint     *n_texts)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint locked = 0;

  collect_texts (root, texts);
  *n_texts = texts->len;
  for (guint i = 0; i < texts->len; i++)
    if (GTK_IS_PASSWORD_ENTRY_BUFFER (gtk_text_get_buffer (texts->pdata[i])))
      locked++;
  return locked;
}

/* Passphrases and the recovery key are typed into GtkPasswordEntryBuffer:
 * locked memory, wiped when freed. */
static void
test_secret_entries (void)
{
  GtkWidget *lock = g_object_new (PW_TYPE_LOCK_PAGE, NULL);
  GtkWidget *setup = g_object_new (PW_TYPE_SETUP_PAGE, NULL);
  guint n_texts = 0;

  g_object_ref_sink (lock);
  g_object_ref_sink (setup);

  /* Passphrase and recovery key: both. */
  g_assert_cmpuint (count_locked_buffers (lock, &n_texts), ==, 2);
  g_assert_cmpuint (n_texts, ==, 2);
  /* The passphrase twice; the label is a name, not a secret. */
  g_assert_cmpuint (count_locked_buffers (setup, &n_texts), ==, 2);
  g_assert_cmpuint (n_texts, ==, 3);

  g_object_unref (lock);
  g_object_unref (setup);
}

typedef struct
{
  char *secret;
  gboolean recovery;
} Unlock;

static void
on_unlock (PwLockPage *page,
           const char *secret,
           gboolean    recovery,
           Unlock     *unlock)
{
  unlock->secret = g_strdup (secret);
  unlock->recovery = recovery;
}

/* What was typed is handed over once, then gone from the entries. */
static void
test_lock_page_entries_cleared (void)
{
  GtkWindow *window = NULL;
  PwLockPage *page = g_object_new (PW_TYPE_LOCK_PAGE, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  Unlock unlock = { NULL, FALSE };

  window = window_with (GTK_WIDGET (page));
  g_signal_connect (page, "unlock", G_CALLBACK (on_unlock), &unlock);
  collect_texts (GTK_WIDGET (page), texts);
  g_assert_cmpuint (texts->len, ==, 2);

  for (guint i = 0; i < texts->len; i++)
    if (gtk_widget_is_visible (texts->pdata[i]))
      gtk_editable_set_text (GTK_EDITABLE (texts->pdata[i]), PASSPHRASE);
  pw_test_click (GTK_WIDGET (page), "_Unlock");
  g_assert_cmpstr (unlock.secret, ==, PASSPHRASE);
  g_assert_false (unlock.recovery);

  /* A wrong passphrase: the entries are emptied for the next try. */
  pw_lock_page_report_failure (page, "The passphrase is not correct.");
  for (guint i = 0; i < texts->len; i++)
    g_assert_cmpstr (gtk_editable_get_text (texts->pdata[i]), ==, "");

  gtk_window_destroy (window);
  g_free (unlock.secret);
}

/* ------------------------------------------------------------------------ */
/* The whole window: after locking, no widget holds her text.               */

static void
all_texts (GtkWidget *widget,
           GString   *out)
{
  const char *texts[4] = { NULL, NULL, NULL, NULL };

  if (GTK_IS_LABEL (widget))
    texts[0] = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    texts[0] = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (GTK_IS_TEXT (widget))
    texts[0] = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *content = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      content = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_string_append_printf (out, "%s\n", content);
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    texts[1] = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_ACTION_ROW (widget))
    texts[2] = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  if (ADW_IS_WINDOW_TITLE (widget))
    texts[2] = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget));
  texts[3] = gtk_widget_get_tooltip_text (widget);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_string_append_printf (out, "%s\n", texts[i]);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    all_texts (child, out);
}

static gboolean
window_shows_marker (GtkWidget *window)
{
  g_autoptr(GString) out = g_string_new (NULL);

  all_texts (window, out);
  return strstr (out->str, MARKER) != NULL || strstr (out->str, CODE) != NULL;
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
test_window_forgets_on_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pw-hygiene-ui-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwSession) session = pw_session_new (vault, settings);
  PwApplication *app = pw_test_get_application ();
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GtkWindow *window;

  /* Started, Pathway writes no core file and cannot be traced. */
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
  pw_session_set_kdf_cost (session, pw_kdf_cost_fast ());
  key = pw_vault_create (vault, "Front desk", PASSPHRASE, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_survivor_set_case_code (survivor, CODE);
  pw_survivor_set_alias (survivor, "Example Rosemary " MARKER);
  g_assert_cmpint (pw_store_add_survivor (pw_vault_get_store (vault), survivor, &error), >, 0);
  g_assert_no_error (error);

  window = GTK_WINDOW (pw_window_new (app, session));
  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  pw_test_iterate (200);

  /* The walk sees what the window shows: her case in the list. */
  g_assert_true (window_shows_marker (GTK_WIDGET (window)));

  pw_session_lock (session);
  pw_test_iterate (200);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (pw_vault_get_locked (vault));
  g_assert_false (window_shows_marker (GTK_WIDGET (window)));

  gtk_window_destroy (window);
  pw_test_iterate (50);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/hygiene-ui/recovery-key/clipboard-cleared", test_clipboard_cleared);
  g_test_add_func ("/hygiene-ui/recovery-key/clipboard-keeps-other-text", test_clipboard_keeps_other_text);
  g_test_add_func ("/hygiene-ui/recovery-key/clipboard-cleared-on-lock", test_clipboard_cleared_on_lock);
  g_test_add_func ("/hygiene-ui/recovery-key/page-destroyed", test_clipboard_page_destroyed);
  g_test_add_func ("/hygiene-ui/secret-entries", test_secret_entries);
  g_test_add_func ("/hygiene-ui/lock-page/entries-cleared", test_lock_page_entries_cleared);
  g_test_add_func ("/hygiene-ui/window/forgets-on-lock", test_window_forgets_on_lock);

  return g_test_run ();
}
