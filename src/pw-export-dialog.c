/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "pw-exchange.h"
#include "pw-exchange-crypto.h"
#include "pw-export-dialog.h"
#include "pw-passphrase.h"
#include "pw-window-exchange.h"

/* Export one survivor's file (with her consent, recorded in her file) or
 * the whole vault: choose a passphrase for the recipient — or confirm a
 * warning to write plain JSON — and re-enter your own. */
struct _PwExportDialog
{
  AdwWindow parent_instance;

  PwSession *session;
  gint64 survivor_id;
  GCancellable *cancellable;
  GFile *test_file;
  GtkFileChooserNative *chooser;
  GPtrArray *consents;      /* PwConsent that can cover the transfer */
  GtkCheckButton *chosen;   /* the consent row's check button */
  PwExchangeTransfer transfer;
  char *recipient;
  gboolean busy;
  gboolean gone;            /* disposed: the widgets are no more */

  AdwWindowTitle *window_title;
  GtkButton *export_button;
  GtkStack *stack;
  GtkLabel *intro_label;
  AdwPreferencesGroup *consent_group;
  GtkListBox *consent_list;
  AdwPreferencesGroup *transfer_group;
  AdwEntryRow *recipient_row;
  AdwComboRow *reason_row;
  GtkSwitch *encrypt_switch;
  AdwEntryRow *passphrase_row;
  AdwEntryRow *confirm_row;
  GtkWidget *strength_box;
  GtkLevelBar *strength_bar;
  GtkLabel *hint_label;
  GtkWidget *plain_warning;
  GtkCheckButton *understood_check;
  AdwPreferencesGroup *identity_group;
  AdwEntryRow *own_row;
  GtkLabel *error_label;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
};

G_DEFINE_FINAL_TYPE (PwExportDialog, pw_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SURVIVOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PwExportDialog *
pw_export_dialog_new (GtkWindow *parent,
                      PwSession *session,
                      gint64     survivor_id)
{
  return g_object_new (PW_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "survivor-id", survivor_id,
                       NULL);
}

void
pw_export_dialog_set_file (PwExportDialog *self,
                           GFile          *file)
{
  g_return_if_fail (PW_IS_EXPORT_DIALOG (self));
  g_set_object (&self->test_file, file);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
clear_secrets (PwExportDialog *self)
{
  /* Setting "" drops the text from the entries' buffers. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->own_row), "");
}

static gboolean
form_ready (PwExportDialog  *self,
            const char     **problem)
{
  const char *passphrase = text_of (self->passphrase_row);
  const char *confirm = text_of (self->confirm_row);
  gboolean encrypt = gtk_switch_get_active (self->encrypt_switch);

  *problem = NULL;
  if (encrypt && *confirm != '\0' && !g_str_equal (passphrase, confirm))
    *problem = _("The two passphrases are not the same.");

  if (self->survivor_id > 0 && self->chosen == NULL)
    return FALSE;
  if (encrypt && (!pw_passphrase_acceptable (pw_passphrase_strength (passphrase)) ||
                  !g_str_equal (passphrase, confirm)))
    return FALSE;
  if (!encrypt && !gtk_check_button_get_active (self->understood_check))
    return FALSE;
  if (self->session != NULL && !pw_session_get_demo (self->session) &&
      *text_of (self->own_row) == '\0')
    return FALSE;
  return TRUE;
}

static void
update_state (PwExportDialog *self,
              const char     *error_message)
{
  const char *passphrase = text_of (self->passphrase_row);
  PwPassphraseStrength strength = pw_passphrase_strength (passphrase);
  gboolean encrypt = gtk_switch_get_active (self->encrypt_switch);
  const char *problem = NULL;
  gboolean ready = form_ready (self, &problem);

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), encrypt);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), encrypt);
  gtk_widget_set_visible (self->strength_box, encrypt);
  gtk_widget_set_visible (self->plain_warning, !encrypt);
  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_text (self->hint_label,
                      strength == PW_PASSPHRASE_EMPTY
                      ? _("Choose a passphrase only you and the person who receives the file will know.")
                      : pw_passphrase_strength_hint (strength));

  if (problem == NULL)
    problem = error_message;
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), ready && !self->busy);
}

static void
on_changed (PwExportDialog *self)
{
  update_state (self, NULL);
}

static void
set_busy (PwExportDialog *self,
          const char     *what)
{
  self->busy = what != NULL;
  gtk_stack_set_visible_child_name (self->stack, self->busy ? "busy" : "form");
  gtk_label_set_text (self->busy_label, what != NULL ? what : "");
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !self->busy);
}

static void
fail (PwExportDialog *self,
      const char     *message)
{
  set_busy (self, NULL);
  update_state (self, message);
}

/* ---- writing, in a thread ---- */

typedef struct
{
  GBytes    *plain;
  char      *passphrase;   /* NULL: write plain JSON */
  PwKdfCost  cost;
  GFile     *file;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  gsize len;
  gconstpointer data = g_bytes_get_data (job->plain, &len);

  /* The export made these bytes and only this job holds them: wipe her
   * file from memory rather than leave it to the allocator. */
  if (len > 0)
    sodium_memzero ((gpointer) data, len);
  g_bytes_unref (job->plain);
  if (job->passphrase != NULL)
    {
      sodium_memzero (job->passphrase, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  g_object_unref (job->file);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  WriteJob *job = data;
  g_autoptr(GBytes) out = NULL;
  GError *error = NULL;

  if (job->passphrase != NULL)
    out = pw_exchange_encrypt (job->plain, job->passphrase, job->cost, &error);
  else
    out = g_bytes_ref (job->plain);
  /* Closed meanwhile (locked): write nothing rather than a file whose
   * export her record would not show. */
  if (out != NULL && g_cancellable_set_error_if_cancelled (cancellable, &error))
    g_clear_pointer (&out, g_bytes_unref);
  if (out == NULL || !pw_exchange_write_file (job->file, out, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PwExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result)) != NULL
                ? ((WriteJob *) g_task_get_task_data (G_TASK (result)))->file : NULL;
  GtkWindow *parent;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!self->gone && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error->message);
      return;
    }

  /* Her file says when it left, for whom and on which consent. If that
   * cannot be written, the file must not exist either. */
  if (self->survivor_id > 0 &&
      (pw_session_get_store (self->session) == NULL ||
       !pw_exchange_record_transfer (pw_session_get_store (self->session), self->survivor_id,
                                     &self->transfer, &error)))
    {
      g_file_delete (file, NULL, NULL);
      if (error != NULL && !self->gone)
        fail (self, error->message);
      return;
    }
  if (self->gone)
    return;

  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”."), name);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    pw_window_exchange_toast (parent, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
write_to (PwExportDialog *self,
          GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) plain = NULL;
  PwTemplateRegistry *templates = pw_session_get_templates (self->session);
  PwStore *store = pw_session_get_store (self->session);
  gboolean encrypt = gtk_switch_get_active (self->encrypt_switch);
  WriteJob *job;

  if (store == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_clear_pointer (&self->recipient, g_free);
  if (self->survivor_id > 0)
    {
      self->recipient = g_strstrip (g_strdup (text_of (self->recipient_row)));
      self->transfer.consent_id = pw_consent_get_id (g_object_get_data (G_OBJECT (self->chosen), "consent"));
      self->transfer.recipient = self->recipient;
      self->transfer.reason = adw_combo_row_get_selected (self->reason_row);
      self->transfer.date = NULL;
    }

  set_busy (self, encrypt ? _("Encrypting and writing the file…") : _("Writing the file…"));
  plain = pw_exchange_export (store, templates,
                                    self->survivor_id > 0 ? &self->survivor_id : NULL,
                                    self->survivor_id > 0 ? 1 : 0,
                                    self->survivor_id > 0 ? &self->transfer : NULL,
                                    &error);
  if (plain == NULL)
    {
      fail (self, error->message);
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->plain = g_steal_pointer (&plain);
  job->passphrase = encrypt ? g_strdup (text_of (self->passphrase_row)) : NULL;
  job->cost = pw_session_get_kdf_cost (self->session);
  job->file = g_object_ref (file);
  clear_secrets (self);

  task = g_task_new (self, self->cancellable, on_written, g_object_ref (self));
  /* The result says what happened to the file, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static char *
suggested_name (PwExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  const char *extension = gtk_switch_get_active (self->encrypt_switch) ? PW_EXCHANGE_EXTENSION : ".json";

  /* Never her case code: the name ends up in the file chooser's recent
   * files and in folder listings anyone at the desk can read. */
  /* Translators: the start of an exported file's name, before the date; no spaces */
  return g_strdup_printf ("%s-%s%s", _("case-files"), day, extension);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     PwExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      set_busy (self, NULL);
      update_state (self, NULL);
      return;
    }
  write_to (self, file);
}

static void
choose_file (PwExportDialog *self)
{
  g_autofree char *name = suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->test_file != NULL)
    {
      write_to (self, self->test_file);
      return;
    }

  if (gtk_switch_get_active (self->encrypt_switch))
    {
      gtk_file_filter_set_name (filter, _("Encrypted Pathway case files"));
      gtk_file_filter_add_pattern (filter, "*" PW_EXCHANGE_EXTENSION);
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Pathway case files (JSON)"));
      gtk_file_filter_add_pattern (filter, "*.json");
    }

  set_busy (self, _("Choosing where to save…"));
  self->chooser = gtk_file_chooser_native_new (_("Export Case Files"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_passphrase_checked (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PwExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_exchange_check_passphrase_finish (PW_VAULT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_editable_set_text (GTK_EDITABLE (self->own_row), "");
      fail (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->own_row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->own_row), "");
  choose_file (self);
}

static void
on_export (PwExportDialog *self)
{
  const char *problem;

  if (self->busy || !form_ready (self, &problem))
    return;

  /* The example cases have no passphrase of their own. */
  if (pw_session_get_demo (self->session))
    {
      choose_file (self);
      return;
    }

  set_busy (self, _("Checking your passphrase…"));
  pw_exchange_check_passphrase_async (pw_session_get_vault (self->session),
                                      text_of (self->own_row), self->cancellable,
                                      on_passphrase_checked, g_object_ref (self));
}

/* ---- building the form ---- */

static char *
consent_subtitle (PwConsent *consent)
{
  const char *expires = pw_consent_get_expires (consent);
  const char *form = pw_consent_get_form (consent) == PW_CONSENT_FORM_WRITTEN
                     ? _("written") : _("verbal");

  if (expires != NULL && *expires != '\0')
    /* Translators: "given on 2025-01-20 (written), until 2025-12-31" */
    return g_strdup_printf (_("Given on %s (%s), until %s"), pw_consent_get_date (consent), form, expires);
  /* Translators: "given on 2025-01-20 (written)" */
  return g_strdup_printf (_("Given on %s (%s)"), pw_consent_get_date (consent), form);
}

static void
on_consent_toggled (GtkCheckButton *button,
                    PwExportDialog *self)
{
  if (gtk_check_button_get_active (button))
    self->chosen = button;
  else if (self->chosen == button)
    self->chosen = NULL;
  update_state (self, NULL);
}

static void
fill_consents (PwExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(PwSurvivor) survivor = NULL;
  PwStore *store = pw_session_get_store (self->session);
  GtkCheckButton *group = NULL;
  g_autofree char *title = NULL;

  survivor = pw_store_get_survivor (store, self->survivor_id, &error);
  if (survivor != NULL)
    {
      /* Translators: %s is her case code */
      title = g_strdup_printf (_("Export %s’s Case File"), pw_survivor_get_case_code (survivor));
      adw_window_title_set_title (self->window_title, title);
    }
  gtk_label_set_text (self->intro_label,
                      _("Her whole file goes in one file — plan, stages, assessments, consents, "
                        "referrals, notes and milestones — except restricted notes. The export "
                        "is recorded in her file."));

  self->consents = pw_exchange_list_transfer_consents (store, self->survivor_id, &error);
  services = pw_store_list_services (store, NULL);
  if (self->consents == NULL || self->consents->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No consent covers it"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Record her consent to share data with the receiving "
                                     "service, given and not expired, then export her file."));
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->consent_list, row);
      return;
    }

  for (guint i = 0; i < self->consents->len; i++)
    {
      PwConsent *consent = g_ptr_array_index (self->consents, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *name = NULL;
      g_autofree char *row_title = NULL;
      g_autofree char *subtitle = consent_subtitle (consent);

      for (guint j = 0; services != NULL && j < services->len; j++)
        if (pw_service_get_id (g_ptr_array_index (services, j)) == pw_consent_get_service_id (consent))
          name = pw_service_get_name (g_ptr_array_index (services, j));
      /* Translators: %s is the name of a service */
      row_title = g_strdup_printf (_("Sharing her data with %s"), name != NULL ? name : "?");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "consent", g_object_ref (consent), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (on_consent_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->consent_list, row);

      /* One consent: it is the one. Her file names the service already. */
      if (self->consents->len == 1)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          if (name != NULL)
            gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), name);
        }
    }
}

static void
fill_vault (PwExportDialog *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *intro = NULL;
  guint n;

  ids = pw_store_list_survivor_ids (pw_session_get_store (self->session), NULL, -1,
                                    PW_SURVIVOR_SORT_CASE_CODE, NULL);
  n = ids != NULL ? ids->len : 0;
  adw_window_title_set_title (self->window_title, _("Export All Case Files"));
  intro = g_strdup_printf (ngettext ("%u survivor in this vault, with all her records except "
                                     "restricted notes, and the service directory — for example "
                                     "to move the vault to another computer.",
                                     "All %u survivors in this vault, with all their records "
                                     "except restricted notes, and the service directory — for "
                                     "example to move the vault to another computer.",
                                     n),
                           n);
  gtk_label_set_text (self->intro_label, intro);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->transfer_group), FALSE);
}

static void
on_session_state (PwExportDialog *self)
{
  /* Locking closes everything that shows what the vault holds. */
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_export_dialog_constructed (GObject *object)
{
  PwExportDialog *self = PW_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (pw_export_dialog_parent_class)->constructed (object);

  /* Only the .ui instantiation test builds one without a session. */
  if (self->session == NULL || pw_session_get_store (self->session) == NULL)
    return;

  if (self->survivor_id > 0)
    fill_consents (self);
  else
    fill_vault (self);
  if (pw_session_get_demo (self->session))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->identity_group), FALSE);
      adw_window_title_set_subtitle (self->window_title, _("Example cases"));
    }

  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  update_state (self, NULL);
}

static void
pw_export_dialog_dispose (GObject *object)
{
  PwExportDialog *self = PW_EXPORT_DIALOG (object);

  self->gone = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->test_file);
  g_clear_pointer (&self->consents, g_ptr_array_unref);
  g_clear_pointer (&self->recipient, g_free);

  G_OBJECT_CLASS (pw_export_dialog_parent_class)->dispose (object);
}

static gboolean
pw_export_dialog_close_request (GtkWindow *window)
{
  /* Half a file is worse than a moment's wait. */
  if (PW_EXPORT_DIALOG (window)->busy && PW_EXPORT_DIALOG (window)->chooser == NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (pw_export_dialog_parent_class)->close_request (window);
}

static void
pw_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwExportDialog *self = PW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwExportDialog *self = PW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SURVIVOR_ID:
      self->survivor_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_export_dialog_class_init (PwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_export_dialog_constructed;
  object_class->dispose = pw_export_dialog_dispose;
  object_class->get_property = pw_export_dialog_get_property;
  object_class->set_property = pw_export_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = pw_export_dialog_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, consent_group);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, consent_list);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, transfer_group);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, encrypt_switch);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, strength_box);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, plain_warning);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, understood_check);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, identity_group);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, own_row);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PwExportDialog, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export);
}

static void
pw_export_dialog_init (PwExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  adw_window_title_set_title (self->window_title, _("Export Case Files"));
  update_state (self, NULL);
}
