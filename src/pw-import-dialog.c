/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-exchange-crypto.h"
#include "pw-exchange-file.h"
#include "pw-import-dialog.h"
#include "pw-window-exchange.h"

/* Read the file (its passphrase if encrypted), check all of it, show what
 * it holds and what conflicts, then import it in one transaction. */
struct _PwImportDialog
{
  AdwWindow parent_instance;

  PwSession *session;
  GFile *file;
  GCancellable *cancellable;
  GBytes *contents;
  PwExchangeFile *exchange;
  GPtrArray *conflict_codes;   /* char * */
  GPtrArray *conflict_choices; /* AdwComboRow per code */
  GPtrArray *conflict_entries; /* AdwEntryRow per code */
  gboolean gone;

  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkStack *stack;
  GtkLabel *busy_label;
  AdwEntryRow *passphrase_row;
  GtkLabel *passphrase_error;
  GtkButton *open_button;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *source_group;
  AdwPreferencesGroup *contents_group;
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *steps_group;
  GtkLabel *preview_error;
};

G_DEFINE_FINAL_TYPE (PwImportDialog, pw_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Encryption adds a little: the limit is on what is inside. */
#define MAX_READ (PW_EXCHANGE_MAX_FILE_SIZE + PW_EXCHANGE_MAX_FILE_SIZE / 512 + 4096)

PwImportDialog *
pw_import_dialog_new (GtkWindow *parent,
                      PwSession *session,
                      GFile     *file)
{
  return g_object_new (PW_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "file", file,
                       NULL);
}

static void
show_error (PwImportDialog *self,
            const char     *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
}

static void
show_busy (PwImportDialog *self,
           const char     *what)
{
  gtk_label_set_text (self->busy_label, what);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
}

/* ---- the preview ---- */

/* A row in @group: @title, with @subtitle under it and a short @value
 * (a count) at its end; long texts go in the subtitle, never the end. */
static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
}

/* Records of one kind, when there are any: zeros are only noise. */
static void
add_count (AdwPreferencesGroup *group,
           const char          *title,
           guint                n)
{
  g_autofree char *value = g_strdup_printf ("%u", n);

  if (n > 0)
    add_row (group, title, NULL, value);
}

static void
on_choice_changed (PwImportDialog *self)
{
  for (guint i = 0; i < self->conflict_choices->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->conflict_entries, i),
                            adw_combo_row_get_selected (g_ptr_array_index (self->conflict_choices, i)) == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), FALSE);
}

static void
fill_conflicts (PwImportDialog *self,
                PwStore        *store)
{
  g_auto(GStrv) conflicts = pw_exchange_file_find_conflicts (self->exchange, store);

  for (guint i = 0; conflicts[i] != NULL; i++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *suggested = pw_exchange_file_suggest_code (self->exchange, store, conflicts[i]);
      g_autofree char *entry_title = NULL;
      GtkWidget *combo = adw_combo_row_new ();
      GtkWidget *entry = adw_entry_row_new ();

      gtk_string_list_append (choices, _("Leave her out"));
      gtk_string_list_append (choices, _("Import her under a new code"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), conflicts[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (choices));
      g_signal_connect_swapped (combo, "notify::selected", G_CALLBACK (on_choice_changed), self);

      /* Translators: %s is a case code */
      entry_title = g_strdup_printf (_("New Case Code for %s"), conflicts[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), entry_title);
      gtk_editable_set_text (GTK_EDITABLE (entry), suggested);
      gtk_widget_set_visible (entry, FALSE);

      adw_preferences_group_add (self->conflicts_group, combo);
      adw_preferences_group_add (self->conflicts_group, entry);
      g_ptr_array_add (self->conflict_codes, g_strdup (conflicts[i]));
      g_ptr_array_add (self->conflict_choices, combo);
      g_ptr_array_add (self->conflict_entries, entry);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts[0] != NULL);
}

static void
fill_unknown_steps (PwImportDialog *self)
{
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) unknown = pw_exchange_file_find_unknown_steps (self->exchange,
                                                               pw_session_get_templates (self->session),
                                                               &missing);
  guint n_unknown = g_strv_length (unknown), n_missing = g_strv_length (missing);

  if (n_missing > 0)
    {
      g_autofree char *list = g_strjoinv ("\n", missing);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (list);
      g_autofree char *title = g_strdup_printf (ngettext ("%u survivor’s pathway template is not installed",
                                                          "%u survivors’ pathway templates are not installed",
                                                          n_missing),
                                                n_missing);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
      adw_preferences_group_add (self->steps_group, row);
    }
  if (n_unknown > 0)
    {
      g_autofree char *list = g_strjoinv ("\n", unknown);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (list);
      g_autofree char *title = g_strdup_printf (ngettext ("%u plan item points at a step this vault does not know",
                                                          "%u plan items point at steps this vault does not know",
                                                          n_unknown),
                                                n_unknown);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
      adw_preferences_group_add (self->steps_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->steps_group), n_unknown + n_missing > 0);
}

static void
show_preview (PwImportDialog *self)
{
  PwExchangeFile *f = self->exchange;
  PwStore *store = pw_session_get_store (self->session);
  g_autoptr(GDateTime) utc = NULL;
  g_auto(GStrv) codes = pw_exchange_file_dup_case_codes (f);
  g_auto(GStrv) templates = pw_exchange_file_dup_templates (f);
  g_autofree char *when = NULL;
  g_autofree char *by = NULL;
  g_autofree char *code_list = NULL;
  g_autofree char *n_survivors = NULL;
  const char *recipient, *date;

  if (store == NULL)
    return;

  if (g_str_equal (pw_exchange_file_get_scope (f), "examples"))
    {
      show_error (self, _("This file holds Pathway’s fictional example cases. They stay out of "
                          "real vaults: open them with “Explore the Example Cases” on the lock "
                          "screen instead."));
      return;
    }

  /* Where it comes from, and what needs a decision, before the counts. */
  utc = g_date_time_new_from_unix_utc (pw_exchange_file_get_exported_at (f) / G_USEC_PER_SEC);
  when = utc != NULL ? pw_casework_format_date_time (utc, TRUE) : g_strdup ("?");
  /* Translators: "by Pathway 0.1.0 · Encrypted" */
  by = g_strdup_printf (_("by Pathway %s · %s"), pw_exchange_file_get_program_version (f),
                        pw_exchange_file_get_encrypted (f) ? _("Encrypted") : _("Not encrypted"));
  if (pw_exchange_file_get_transfer (f, &recipient, &date))
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: %s is the receiving service as the sender typed it */
      title = g_strdup_printf (_("Sent for %s"), recipient != NULL ? recipient : "—");
      /* Translators: %s is a date */
      subtitle = g_strdup_printf (_("With her consent to share data, on %s"), date);
      add_row (self->source_group, title, subtitle, NULL);
    }
  /* Translators: %s is a date and time */
  {
    g_autofree char *exported = g_strdup_printf (_("Exported on %s"), when);
    add_row (self->source_group, exported, by, NULL);
  }

  fill_conflicts (self, store);
  fill_unknown_steps (self);

  if (g_strv_length (codes) <= 12)
    code_list = g_strjoinv (", ", codes);
  n_survivors = g_strdup_printf ("%u", g_strv_length (codes));
  add_row (self->contents_group, _("Survivors"), code_list, n_survivors);
  add_count (self->contents_group, _("Plan items"), pw_exchange_file_count (f, PW_RECORD_KIND_PLAN_ITEM));
  add_count (self->contents_group, _("Assessments and check-ins"), pw_exchange_file_count (f, PW_RECORD_KIND_ASSESSMENT));
  add_count (self->contents_group, _("Consents"), pw_exchange_file_count (f, PW_RECORD_KIND_CONSENT));
  add_count (self->contents_group, _("Referrals"), pw_exchange_file_count (f, PW_RECORD_KIND_REFERRAL));
  add_count (self->contents_group, _("Notes"), pw_exchange_file_count (f, PW_RECORD_KIND_NOTE));
  add_count (self->contents_group, _("Milestones"), pw_exchange_file_count (f, PW_RECORD_KIND_MILESTONE));
  add_count (self->contents_group, _("Services"), pw_exchange_file_get_n_services (f));
  if (templates[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", templates);
      add_row (self->contents_group, _("Pathway templates"), list, NULL);
    }

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

/* ---- reading, in a thread ---- */

typedef struct
{
  GBytes *contents;
  char   *passphrase;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_bytes_unref (job->contents);
  if (job->passphrase != NULL)
    {
      sodium_memzero (job->passphrase, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  PwExchangeFile *file = pw_exchange_file_new (job->contents, job->passphrase, NULL, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PwExchangeFile *file = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->gone)
    {
      g_clear_object (&file);
      return;
    }
  if (file == NULL)
    {
      if (g_error_matches (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NEEDS_PASSPHRASE))
        gtk_stack_set_visible_child_name (self->stack, "passphrase");
      else if (g_error_matches (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_WRONG_PASSPHRASE))
        {
          gtk_label_set_text (self->passphrase_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->passphrase_error), TRUE);
          gtk_stack_set_visible_child_name (self->stack, "passphrase");
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
        }
      else
        show_error (self, error->message);
      return;
    }
  self->exchange = file;
  g_clear_pointer (&self->contents, g_bytes_unref);
  show_preview (self);
}

static void
start_reading (PwImportDialog *self,
               const char     *passphrase)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_read, g_object_ref (self));
  ReadJob *job = g_new0 (ReadJob, 1);

  job->contents = g_bytes_ref (self->contents);
  job->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  show_busy (self, passphrase != NULL ? _("Opening the file…") : _("Reading the file…"));
  g_task_run_in_thread (task, read_thread);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (self->gone)
    return;
  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be read: %s. Check that "
                                                     "it is still there and that you may open it."),
                                                  error->message);
      show_error (self, message);
      return;
    }
  self->contents = g_steal_pointer (&bytes);
  if (pw_exchange_is_encrypted (self->contents))
    {
      gtk_stack_set_visible_child_name (self->stack, "passphrase");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }
  start_reading (self, NULL);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);

  if (self->gone)
    return;
  if (info != NULL && g_file_info_get_size (info) > MAX_READ)
    {
      g_autofree char *message = g_strdup_printf (_("The file holds more than %u MB, more than "
                                                     "Pathway imports at once. Nothing was "
                                                     "imported; ask for the case files in "
                                                     "smaller parts."),
                                                  PW_EXCHANGE_MAX_FILE_SIZE / (1024 * 1024));
      show_error (self, message);
      return;
    }
  g_file_load_bytes_async (self->file, self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_passphrase_changed (PwImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) != '\0');
}

static void
on_open (PwImportDialog *self)
{
  g_autofree char *passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));

  if (*passphrase == '\0' || self->contents == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_error), FALSE);
  start_reading (self, passphrase);
  sodium_memzero (passphrase, strlen (passphrase));
}

/* ---- importing ---- */

static void
on_import (PwImportDialog *self)
{
  g_autoptr(GHashTable) renames = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PwStore *store = pw_session_get_store (self->session);
  GtkWindow *parent;
  guint n = 0;

  if (self->exchange == NULL || store == NULL)
    return;

  for (guint i = 0; i < self->conflict_codes->len; i++)
    {
      gboolean skip = adw_combo_row_get_selected (g_ptr_array_index (self->conflict_choices, i)) == 0;
      const char *code = gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->conflict_entries, i)));

      g_hash_table_insert (renames, g_ptr_array_index (self->conflict_codes, i),
                           g_strdup (skip ? "" : code));
    }

  if (!pw_exchange_file_import (self->exchange, store, renames, &n, &error))
    {
      gtk_label_set_text (self->preview_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_error), TRUE);
      return;
    }

  if (n == 0)
    message = g_strdup (_("Nothing was imported: every survivor in the file was left out."));
  else
    message = g_strdup_printf (ngettext ("%u survivor imported.", "%u survivors imported.", n), n);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    pw_window_exchange_toast (parent, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- lifecycle ---- */

static void
on_session_state (PwImportDialog *self)
{
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_import_dialog_constructed (GObject *object)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (pw_import_dialog_parent_class)->constructed (object);

  /* Only the .ui instantiation test builds one without a session. */
  if (self->session == NULL || self->file == NULL)
    return;

  name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, name);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, on_queried, g_object_ref (self));
}

static void
pw_import_dialog_dispose (GObject *object)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  self->gone = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->exchange);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->conflict_codes, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_choices, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_entries, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_import_dialog_parent_class)->dispose (object);
}

static void
pw_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwImportDialog *self = PW_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_import_dialog_class_init (PwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_import_dialog_constructed;
  object_class->dispose = pw_import_dialog_dispose;
  object_class->get_property = pw_import_dialog_get_property;
  object_class->set_property = pw_import_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, passphrase_error);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, source_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, contents_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, steps_group);
  gtk_widget_class_bind_template_child (widget_class, PwImportDialog, preview_error);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_bind_template_callback (widget_class, on_open);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
}

static void
pw_import_dialog_init (PwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->conflict_codes = g_ptr_array_new_with_free_func (g_free);
  self->conflict_choices = g_ptr_array_new ();
  self->conflict_entries = g_ptr_array_new ();
}
