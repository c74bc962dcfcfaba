/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-exchange-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pw-application.h"
#include "pw-demo-banner.h"
#include "pw-exchange.h"
#include "pw-exchange-crypto.h"
#include "pw-export-dialog.h"
#include "pw-import-dialog.h"
#include "pw-test-util.h"
#include "pw-window.h"

static const char *worker_passphrase = "orange kettle under seven lanterns";
static const char *file_passphrase = "violet harbour under nine kites";

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
  pw_test_iterate (100);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static const char *
visible_page (GtkWidget *window)
{
  GtkStack *stack = GTK_STACK (pw_test_find (window, GTK_TYPE_STACK, NULL));

  return gtk_stack_get_visible_child_name (stack);
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = pw_test_find (root, ADW_TYPE_ENTRY_ROW, row_title);

  if (row == NULL)
    g_error ("no visible entry row “%s”", row_title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
has_text (GtkWidget  *root,
          const char *needle)
{
  g_autoptr(GPtrArray) texts = pw_test_collect_texts (root);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gboolean
banner_shown (GtkWidget *window)
{
  GtkWidget *banner = pw_test_find (window, PW_TYPE_DEMO_BANNER, NULL);
  GtkWidget *revealer = banner != NULL ? adw_bin_get_child (ADW_BIN (banner)) : NULL;

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *file = NULL;

  pw_test_iterate (350);
  file = pw_test_screenshot (widget, name);
  g_test_message ("screenshot: %s", file);
}

/* ------------------------------------------------------------------------ */
/* The demo                                                                 */

/* Two clicks on a fresh install: the button, and the examples are there;
 * nothing lands on disk, and closing goes back to the first-run page. */
static void
test_demo_from_first_run (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-demo-ui-XXXXXX", NULL);
  g_autoptr(PwSession) session = new_session (dir);
  const char *languages[] = { "en", "it" };
  GtkWindow *window;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = NULL;

      pw_test_set_language (languages[l]);
      window = open_window (app, session, 1100, 720);
      g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "setup");
      g_assert_false (banner_shown (GTK_WIDGET (window)));
      if (l == 0)
        shoot (GTK_WIDGET (window), "exchange-setup-page-en");

      pw_test_click (GTK_WIDGET (window), l == 0 ? "Explore with _Example Cases" : _("Explore with _Example Cases"));
      /* Past the banner's slide-down. */
      pw_test_iterate (500);
      g_assert_true (pw_session_get_demo (session));
      g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
      g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "workspace");

      /* Marked in the window title and across the window. */
      g_assert_true (banner_shown (GTK_WIDGET (window)));
      g_assert_nonnull (strstr (gtk_window_get_title (window), l == 0 ? "Demo" : "Demo"));
      if (l == 0)
        {
          g_assert_cmpstr (gtk_window_get_title (window), ==, "Pathway — Demo — changes are not kept");
          g_assert_true (has_text (GTK_WIDGET (window), "changes are not kept"));
          g_assert_true (pw_store_case_code_exists (pw_session_get_store (session), "DEMO-01"));
        }
      else
        {
          g_assert_cmpstr (gtk_window_get_title (window), !=, "Pathway — Demo — changes are not kept");
          g_assert_false (has_text (GTK_WIDGET (window), "changes are not kept"));
        }
      /* Nothing real can be brought in, and there is no real vault to set up. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
      g_assert_null (g_object_get_data (G_OBJECT (window), "pw-import-chooser"));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));

      name = g_strdup_printf ("exchange-demo-window-%s", languages[l]);
      shoot (GTK_WIDGET (window), name);

      pw_test_click (GTK_WIDGET (window), l == 0 ? "_Close Demo" : _("_Close Demo"));
      pw_test_iterate (50);
      g_assert_false (pw_session_get_demo (session));
      g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "setup");
      g_assert_false (banner_shown (GTK_WIDGET (window)));
      g_assert_cmpstr (gtk_window_get_title (window), ==, _("Pathway"));
      gtk_window_destroy (window);
    }

  /* No vault, no file: the folder the vault would live in is still empty. */
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_assert_false (pw_vault_exists (pw_session_get_vault (session)));
  pw_test_set_language ("en");
}

/* From the lock screen: the vault stays locked; closing comes back to it. */
static void
test_demo_from_lock_page (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-demo-ui-XXXXXX", NULL);
  g_autoptr(PwSession) session = new_session (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GtkWindow *window;

  pw_test_set_language ("en");
  key = pw_vault_create (pw_session_get_vault (session), "Test Worker", worker_passphrase,
                         pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  pw_session_lock (session);

  window = open_window (app, session, 1000, 700);
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "lock");
  shoot (GTK_WIDGET (window), "exchange-lock-page-en");
  pw_test_click (GTK_WIDGET (window), "Explore the _Example Cases");
  pw_test_iterate (50);
  g_assert_true (pw_session_get_demo (session));
  g_assert_true (pw_vault_get_locked (pw_session_get_vault (session)));
  g_assert_true (banner_shown (GTK_WIDGET (window)));

  /* Ctrl+L ends it too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  pw_test_iterate (50);
  g_assert_false (pw_session_get_demo (session));
  g_assert_cmpstr (visible_page (GTK_WIDGET (window)), ==, "lock");
  gtk_window_destroy (window);
}

/* ------------------------------------------------------------------------ */
/* Export from one vault, import into another                               */

static gint64
add_fictional_survivor (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSurvivor) s = pw_survivor_new ();
  g_autoptr(PwService) service = pw_service_new ();
  g_autoptr(PwConsent) consent = pw_consent_new ();
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  gint64 sid, service_id;

  pw_survivor_set_case_code (s, "TEST-007");
  pw_survivor_set_alias (s, "Example Rosemary");
  pw_survivor_set_template_id (s, "default");
  sid = pw_store_add_survivor (store, s, &error);
  g_assert_no_error (error);

  pw_service_set_name (service, "Example Service in Turin");
  service_id = pw_store_add_service (store, service, &error);
  g_assert_no_error (error);

  pw_consent_set_survivor_id (consent, sid);
  pw_consent_set_scope (consent, PW_CONSENT_SCOPE_DATA_SHARING);
  pw_consent_set_service_id (consent, service_id);
  pw_consent_set_form (consent, PW_CONSENT_FORM_WRITTEN);
  pw_consent_set_date (consent, "2024-01-10");
  pw_store_add_consent (store, consent, &error);
  g_assert_no_error (error);

  pw_plan_item_set_survivor_id (item, sid);
  pw_plan_item_set_step_id (item, "recovery.language-course");
  pw_plan_item_set_title (item, "Italian course");
  pw_plan_item_set_her_words (item, "zebra-marker-7431");
  pw_store_add_plan_item (store, item, &error);
  g_assert_no_error (error);
  return sid;
}

typedef struct
{
  GType       type;
  const char *page;
} DialogWait;

static gboolean
dialog_gone (gpointer data)
{
  return pw_test_find_toplevel (*(GType *) data) == NULL;
}

static gboolean
dialog_page (gpointer data)
{
  DialogWait *wait = data;
  GtkWindow *dialog = pw_test_find_toplevel (wait->type);
  GtkStack *stack;

  if (dialog == NULL)
    return FALSE;
  stack = GTK_STACK (pw_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->page) == 0;
}

static gboolean
error_visible (gpointer data)
{
  GtkWindow *dialog = pw_test_find_toplevel (PW_TYPE_EXPORT_DIALOG);
  GtkWidget *label = dialog != NULL ? pw_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error") : NULL;

  return label != NULL && *gtk_label_get_text (GTK_LABEL (label)) != '\0' &&
         dialog_page (&(DialogWait) { PW_TYPE_EXPORT_DIALOG, "form" });
}

static void
test_export_then_import (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir_a = g_dir_make_tmp ("pw-export-ui-XXXXXX", NULL);
  g_autofree char *dir_b = g_dir_make_tmp ("pw-import-ui-XXXXXX", NULL);
  g_autofree char *out_dir = g_dir_make_tmp ("pw-export-out-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (out_dir, "TEST-007.pathway", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr(PwSession) a = new_session (dir_a);
  g_autoptr(PwSession) b = new_session (dir_b);
  g_autoptr(GError) error = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  GType export_type = PW_TYPE_EXPORT_DIALOG, import_type = PW_TYPE_IMPORT_DIALOG;
  GtkWindow *window, *dialog;
  gsize len;
  gint64 sid;

  pw_test_set_language ("en");
  key_a = pw_vault_create (pw_session_get_vault (a), "Test Worker", worker_passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  sid = add_fictional_survivor (pw_session_get_store (a));

  window = open_window (app, a, 1000, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-survivor", "x", sid));
  pw_test_iterate (100);
  dialog = pw_test_find_toplevel (PW_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  pw_export_dialog_set_file (PW_EXPORT_DIALOG (dialog), out_file);

  /* Her only consent to share data is chosen already, the service named. */
  g_assert_true (has_text (GTK_WIDGET (dialog), "Sharing her data with Example Service in Turin"));
  type_into (GTK_WIDGET (dialog), "Passphrase for the Recipient", file_passphrase);
  type_into (GTK_WIDGET (dialog), "Repeat the Passphrase", file_passphrase);
  g_assert_false (gtk_widget_is_sensitive (pw_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Export…")));
  type_into (GTK_WIDGET (dialog), "Your Passphrase", "not my passphrase");
  shoot (GTK_WIDGET (dialog), "exchange-export-dialog-en");

  /* A wrong passphrase of her own: nothing written. */
  pw_test_click (GTK_WIDGET (dialog), "_Export…");
  pw_test_wait_until (error_visible, NULL, 20000);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  shoot (GTK_WIDGET (dialog), "exchange-export-wrong-passphrase-en");

  type_into (GTK_WIDGET (dialog), "Your Passphrase", worker_passphrase);
  /* The recipient's passphrase was kept: only her own was cleared. */
  pw_test_click (GTK_WIDGET (dialog), "_Export…");
  pw_test_wait_until (dialog_gone, &export_type, 20000);

  g_assert_true (g_file_get_contents (out_path, &written, &len, &error));
  g_assert_true (len > 66 && memcmp (written, PW_EXCHANGE_MAGIC, PW_EXCHANGE_MAGIC_LEN) == 0);
  g_assert_null (g_strstr_len (written, len, "zebra-marker-7431"));
  g_assert_null (g_strstr_len (written, len, "TEST-007"));
  notes = pw_store_list_notes (pw_session_get_store (a), sid, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (pw_note_get_body (notes->pdata[0]), "Example Service in Turin"));
  gtk_window_destroy (window);

  /* Another vault, on another computer. */
  key_b = pw_vault_create (pw_session_get_vault (b), "Other Worker", worker_passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  window = open_window (app, b, 1000, 760);
  dialog = GTK_WINDOW (pw_import_dialog_new (window, b, out_file));
  gtk_window_present (dialog);
  pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "passphrase" }, 20000);
  shoot (GTK_WIDGET (dialog), "exchange-import-passphrase-en");

  type_into (GTK_WIDGET (dialog), "Passphrase of the File", "violet harbour under ten kites");
  pw_test_click (GTK_WIDGET (dialog), "_Open the File");
  pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "passphrase" }, 20000);
  pw_test_iterate (200);
  g_assert_true (has_text (GTK_WIDGET (dialog), "This passphrase does not open the file"));

  type_into (GTK_WIDGET (dialog), "Passphrase of the File", file_passphrase);
  pw_test_click (GTK_WIDGET (dialog), "_Open the File");
  pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "preview" }, 20000);
  g_assert_true (has_text (GTK_WIDGET (dialog), "TEST-007"));
  g_assert_true (has_text (GTK_WIDGET (dialog), "Example Service in Turin"));
  g_assert_false (pw_store_case_code_exists (pw_session_get_store (b), "TEST-007"));
  shoot (GTK_WIDGET (dialog), "exchange-import-preview-en");

  pw_test_click (GTK_WIDGET (dialog), "_Import");
  pw_test_wait_until (dialog_gone, &import_type, 5000);
  g_assert_true (pw_store_case_code_exists (pw_session_get_store (b), "TEST-007"));

  /* The same file again: her code is taken, so the preview asks. */
  dialog = GTK_WINDOW (pw_import_dialog_new (window, b, out_file));
  gtk_window_present (dialog);
  pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "passphrase" }, 20000);
  type_into (GTK_WIDGET (dialog), "Passphrase of the File", file_passphrase);
  pw_test_click (GTK_WIDGET (dialog), "_Open the File");
  pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "preview" }, 20000);
  g_assert_true (has_text (GTK_WIDGET (dialog), "Case Codes Already in This Vault"));
  shoot (GTK_WIDGET (dialog), "exchange-import-conflict-en");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

/* The dialogs in Italian, light and dark, and a refused file. */
static void
test_dialogs_translated (void)
{
  PwApplication *app = pw_test_get_application ();
  g_autofree char *dir = g_dir_make_tmp ("pw-export-ui-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(PwSession) session = new_session (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *languages[] = { "it", "es" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window, *dialog;
  gint64 sid;

  key = pw_vault_create (pw_session_get_vault (session), "Test Worker", worker_passphrase, pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  sid = add_fictional_survivor (pw_session_get_store (session));
  g_file_set_contents (bad_path, "{\"format\": \"pathway-export\", \"format_version\": 7}", -1, &error);
  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = NULL;

      pw_test_set_language (languages[l]);
      window = open_window (app, session, 1000, 760);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-survivor", "x", sid));
      pw_test_iterate (100);
      dialog = pw_test_find_toplevel (PW_TYPE_EXPORT_DIALOG);
      /* Without encryption: the warning and its check. */
      gtk_switch_set_active (GTK_SWITCH (pw_test_find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL)), FALSE);
      name = g_strdup_printf ("exchange-export-plain-warning-%s", languages[l]);
      shoot (GTK_WIDGET (dialog), name);
      gtk_window_destroy (dialog);

      if (l == 0)
        {
          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-vault", NULL));
          pw_test_iterate (100);
          dialog = pw_test_find_toplevel (PW_TYPE_EXPORT_DIALOG);
          shoot (GTK_WIDGET (dialog), "exchange-export-vault-it-dark");
          gtk_window_destroy (dialog);
          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
        }

      dialog = GTK_WINDOW (pw_import_dialog_new (window, session, bad));
      gtk_window_present (dialog);
      pw_test_wait_until (dialog_page, &(DialogWait) { PW_TYPE_IMPORT_DIALOG, "error" }, 20000);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("exchange-import-refused-%s", languages[l]);
      shoot (GTK_WIDGET (dialog), name);
      g_assert_true (has_text (GTK_WIDGET (dialog), "7"));
      gtk_window_destroy (dialog);
      gtk_window_destroy (window);
    }
  pw_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  pw_test_init_gtk (&argc, &argv);

  g_test_add_func ("/exchange-ui/demo/first-run", test_demo_from_first_run);
  g_test_add_func ("/exchange-ui/demo/lock-page", test_demo_from_lock_page);
  g_test_add_func ("/exchange-ui/export-then-import", test_export_then_import);
  g_test_add_func ("/exchange-ui/dialogs-translated", test_dialogs_translated);

  return g_test_run ();
}
