/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-passphrase.h"
#include "pw-preferences-window.h"
#include "pw-recovery-key-page.h"

struct _PwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  PwSession *session;
  GCancellable *cancellable;
  GtkFilterListModel *passphrase_slots;

  AdwComboRow *auto_lock_row;
  GtkListBox *slots_list;
  AdwComboRow *default_template_row;
  GtkListBox *backups_list;
  GtkListBox *templates_list;

  GStrv template_ids;
  gboolean filling_templates;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (PwPreferencesWindow, pw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint auto_lock_choices[] = { 0, 1, 2, 5, 10, 15, 30, 60 };

PwPreferencesWindow *
pw_preferences_window_new (GtkWindow *parent,
                           PwSession *session)
{
  return g_object_new (PW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

/* Auto-lock */

static void
setup_auto_lock (PwPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint current = g_settings_get_uint (pw_session_get_settings (self->session), "auto-lock-minutes");
  guint selected = G_N_ELEMENTS (auto_lock_choices);

  for (guint i = 0; i < G_N_ELEMENTS (auto_lock_choices); i++)
    {
      g_autofree char *label = NULL;

      if (auto_lock_choices[i] == 0)
        label = g_strdup (_("Never"));
      else
        label = g_strdup_printf (ngettext ("After %u minute", "After %u minutes", auto_lock_choices[i]),
                                 auto_lock_choices[i]);
      gtk_string_list_append (labels, label);
      if (auto_lock_choices[i] == current)
        selected = i;
    }

  /* A value set elsewhere (gsettings) still shows truthfully. */
  if (selected == G_N_ELEMENTS (auto_lock_choices))
    {
      g_autofree char *label = g_strdup_printf (ngettext ("After %u minute", "After %u minutes", current), current);
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->auto_lock_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->auto_lock_row, selected);
}

static void
on_auto_lock_selected (PwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->auto_lock_row);

  if (self->session == NULL || selected >= G_N_ELEMENTS (auto_lock_choices))
    return;

  g_settings_set_uint (pw_session_get_settings (self->session), "auto-lock-minutes",
                       auto_lock_choices[selected]);
}

/* Errors */

static void
show_error (PwPreferencesWindow *self,
            const char          *heading,
            const GError        *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (PwPreferencesWindow *self,
       const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* Passphrase dialogs: one form for adding, changing and renaming. */

typedef enum { FORM_ADD, FORM_CHANGE, FORM_RENAME } FormKind;

typedef struct
{
  PwPreferencesWindow *self;
  FormKind kind;
  char *slot_id;
  GtkWidget *label_row;
  GtkWidget *passphrase_row;
  GtkWidget *confirm_row;
  GtkWidget *hint;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_free (form->slot_id);
  g_free (form);
}

static gboolean
form_valid (Form *form)
{
  if (form->label_row != NULL)
    {
      g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->label_row))));

      if (*label == '\0')
        return FALSE;
    }

  if (form->passphrase_row != NULL)
    {
      const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (form->passphrase_row));
      const char *confirm = gtk_editable_get_text (GTK_EDITABLE (form->confirm_row));

      if (!pw_passphrase_acceptable (pw_passphrase_strength (passphrase)) ||
          !g_str_equal (passphrase, confirm))
        return FALSE;
    }
  return TRUE;
}

static void
on_form_changed (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "pw-form");

  if (form->hint != NULL)
    {
      const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (form->passphrase_row));
      const char *confirm = gtk_editable_get_text (GTK_EDITABLE (form->confirm_row));

      if (*confirm != '\0' && !g_str_equal (passphrase, confirm))
        gtk_label_set_text (GTK_LABEL (form->hint), _("The two passphrases are not the same."));
      else
        gtk_label_set_text (GTK_LABEL (form->hint),
                            pw_passphrase_strength_hint (pw_passphrase_strength (passphrase)));
    }
  adw_message_dialog_set_response_enabled (dialog, "ok", form_valid (form));
}

static void
on_add_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PwPreferencesWindow) self = user_data;
  g_autoptr(PwKeySlot) slot = NULL;
  g_autoptr(GError) error = NULL;

  slot = pw_vault_add_passphrase_slot_finish (PW_VAULT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (slot == NULL)
    show_error (self, _("The Passphrase Was Not Added"), error);
  else
    toast (self, _("Passphrase added."));
}

static void
on_change_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_vault_change_passphrase_finish (PW_VAULT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Passphrase Was Not Changed"), error);
      return;
    }
  toast (self, _("Passphrase changed."));
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "pw-form");
  PwPreferencesWindow *self = form->self;
  PwVault *vault = pw_session_get_vault (self->session);
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || !form_valid (form))
    goto out;

  if (form->label_row != NULL)
    label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->label_row))));

  switch (form->kind)
    {
    case FORM_ADD:
      toast (self, _("Adding the passphrase…"));
      pw_vault_add_passphrase_slot_async (vault, label,
                                          gtk_editable_get_text (GTK_EDITABLE (form->passphrase_row)),
                                          pw_session_get_kdf_cost (self->session),
                                          self->cancellable, on_add_finished, g_object_ref (self));
      break;
    case FORM_CHANGE:
      toast (self, _("Changing the passphrase…"));
      pw_vault_change_passphrase_async (vault, form->slot_id,
                                        gtk_editable_get_text (GTK_EDITABLE (form->passphrase_row)),
                                        pw_session_get_kdf_cost (self->session),
                                        self->cancellable, on_change_finished, g_object_ref (self));
      break;
    case FORM_RENAME:
      if (!pw_vault_rename_slot (vault, form->slot_id, label, &error))
        show_error (self, _("The Passphrase Was Not Renamed"), error);
      break;
    default:
      g_assert_not_reached ();
    }

out:
  /* The typed passphrase must not outlive the dialog. */
  if (form->passphrase_row != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (form->passphrase_row), "");
      gtk_editable_set_text (GTK_EDITABLE (form->confirm_row), "");
    }
}

static GtkWidget *
add_row (GtkWidget  *list,
         gboolean    password,
         const char *title,
         Form       *form,
         GtkWidget  *dialog)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_form_changed), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
open_form (PwPreferencesWindow *self,
           FormKind             kind,
           PwKeySlot           *slot)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *list;
  Form *form = g_new0 (Form, 1);
  g_autofree char *heading = NULL;

  form->self = self;
  form->kind = kind;
  form->slot_id = slot ? g_strdup (pw_key_slot_get_id (slot)) : NULL;

  switch (kind)
    {
    case FORM_ADD:
      heading = g_strdup (_("Add a Passphrase"));
      break;
    case FORM_CHANGE:
      /* Translators: %s is the name given to a passphrase, e.g. a colleague's name */
      heading = g_strdup_printf (_("Change the Passphrase of “%s”"), pw_key_slot_get_label (slot));
      break;
    case FORM_RENAME:
    default:
      heading = g_strdup (_("Rename the Passphrase"));
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  g_object_set_data_full (G_OBJECT (dialog), "pw-form", form, form_free);
  if (kind == FORM_ADD)
    adw_message_dialog_set_body (dialog, _("For a colleague who shares this computer: each person unlocks the vault with their own passphrase, and the activity log shows whose it was."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  if (kind != FORM_CHANGE)
    {
      form->label_row = add_row (list, FALSE, _("Name or Role"), form, GTK_WIDGET (dialog));
      if (slot != NULL)
        gtk_editable_set_text (GTK_EDITABLE (form->label_row), pw_key_slot_get_label (slot));
    }
  if (kind != FORM_RENAME)
    {
      form->passphrase_row = add_row (list, TRUE, _("New Passphrase"), form, GTK_WIDGET (dialog));
      form->confirm_row = add_row (list, TRUE, _("Repeat the Passphrase"), form, GTK_WIDGET (dialog));
      form->hint = gtk_label_new (pw_passphrase_strength_hint (PW_PASSPHRASE_EMPTY));
      gtk_label_set_wrap (GTK_LABEL (form->hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (form->hint), 0);
      gtk_widget_add_css_class (form->hint, "caption");
      gtk_box_append (GTK_BOX (box), form->hint);
    }
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", kind == FORM_ADD ? _("_Add") : kind == FORM_CHANGE ? _("C_hange") : _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "ok", form_valid (form));
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_slot (PwPreferencesWindow *self)
{
  open_form (self, FORM_ADD, NULL);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PwKeySlot        *slot)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  if (!pw_vault_remove_slot (pw_session_get_vault (self->session), pw_key_slot_get_id (slot), &error))
    show_error (self, _("The Passphrase Was Not Removed"), error);
  else
    toast (self, _("Passphrase removed."));
}

static void
confirm_remove (PwPreferencesWindow *self,
                PwKeySlot           *slot)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is the name given to a passphrase */
  heading = g_strdup_printf (_("Remove the Passphrase of “%s”?"), pw_key_slot_get_label (slot));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("It will no longer open the vault. The case files and the other passphrases are not affected.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response),
                         g_object_ref (slot), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_slot_rename (GtkButton *button,
                PwKeySlot *slot)
{
  open_form (PW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), FORM_RENAME, slot);
}

static void
on_slot_change (GtkButton *button,
                PwKeySlot *slot)
{
  open_form (PW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), FORM_CHANGE, slot);
}

static void
on_slot_remove (GtkButton *button,
                PwKeySlot *slot)
{
  confirm_remove (PW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), slot);
}

static GtkWidget *
slot_button (const char *icon,
             const char *tooltip,
             GCallback   callback,
             PwKeySlot  *slot)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_data (button, "clicked", callback, g_object_ref (slot),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return button;
}

static GtkWidget *
create_slot_row (gpointer item,
                 gpointer user_data)
{
  PwKeySlot *slot = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = pw_casework_format_date_time (pw_key_slot_get_created (slot), FALSE);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_key_slot_get_label (slot));
  if (pw_key_slot_get_current (slot))
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Added on %s · used to unlock now"), date);
  else
    subtitle = g_strdup_printf (_("Added on %s"), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             slot_button ("document-edit-symbolic", _("Rename"), G_CALLBACK (on_slot_rename), slot));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             slot_button ("dialog-password-symbolic", _("Change Passphrase"), G_CALLBACK (on_slot_change), slot));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             slot_button ("user-trash-symbolic", _("Remove"), G_CALLBACK (on_slot_remove), slot));
  return row;
}

static gboolean
is_passphrase_slot (gpointer item,
                    gpointer user_data)
{
  return pw_key_slot_get_kind (item) == PW_KEY_SLOT_PASSPHRASE;
}

/* Recovery key */

static void
on_new_key_done (GtkWindow *window)
{
  gtk_window_destroy (window);
}

static void
on_regenerate_finished (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PwPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GtkWidget *window, *page, *overlay;

  key = pw_vault_regenerate_recovery_key_finish (PW_VAULT (source), result, &error);
  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("No New Recovery Key Was Made"), error);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 620);
  page = g_object_new (PW_TYPE_RECOVERY_KEY_PAGE, NULL);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  pw_recovery_key_page_set_key (PW_RECOVERY_KEY_PAGE (page), key);
  memset (key, 0, strlen (key));
  g_signal_connect_swapped (page, "done", G_CALLBACK (on_new_key_done), window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_regenerate_response (AdwMessageDialog    *dialog,
                        const char          *response,
                        PwPreferencesWindow *self)
{
  if (!g_str_equal (response, "new"))
    return;

  pw_vault_regenerate_recovery_key_async (pw_session_get_vault (self->session),
                                          pw_session_get_kdf_cost (self->session),
                                          self->cancellable, on_regenerate_finished,
                                          g_object_ref (self));
}

static void
on_regenerate_recovery (PwPreferencesWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Make a New Recovery Key?"),
                                                       _("The current recovery key stops working at once. Destroy every copy of it once the new key is stored safely.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "new", _("_Make a New Key"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_regenerate_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backups */

static void fill_backups (PwPreferencesWindow *self);

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  gint64 when = *(gint64 *) user_data;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!pw_vault_restore_backup (pw_session_get_vault (self->session), when, &error))
    show_error (self, _("The Backup Was Not Restored"), error);
  else
    toast (self, _("Backup restored. The state before it was backed up first."));
  fill_backups (self);
}

static void
on_restore_clicked (GtkButton *button,
                    gpointer   user_data)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  gint64 when = *(gint64 *) user_data;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when / G_USEC_PER_SEC);
  g_autofree char *date = pw_casework_format_date_time (utc, TRUE);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the date and time of a backup */
  body = g_strdup_printf (_("The vault will go back to how it was on %s. Everything written since then is set aside in a new backup first, so it can be restored again."), date);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response),
                         g_memdup2 (&when, sizeof when), (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_backups (PwPreferencesWindow *self)
{
  g_autoptr(GArray) backups = pw_vault_list_backups (pw_session_get_vault (self->session));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL)
    gtk_list_box_remove (self->backups_list, child);

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->backups_list, row);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      gint64 when = g_array_index (backups, gint64, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when / G_USEC_PER_SEC);
      g_autofree char *date = pw_casework_format_date_time (utc, TRUE);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_restore_clicked),
                             g_memdup2 (&when, sizeof when), (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->backups_list, row);
    }
}

static void
on_backup_now (PwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pw_vault_backup_now (pw_session_get_vault (self->session), &error))
    {
      show_error (self, _("No Backup Was Made"), error);
      return;
    }
  fill_backups (self);
  toast (self, _("Backup made."));
}

/* Templates */

static char *
template_subtitle (PwTemplate         *template,
                   PwTemplateRegistry *registry)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char * const *languages = pw_template_get_languages (template);
  const char *id = pw_template_get_id (template);

  if (pw_template_registry_get_source (registry, id) == PW_TEMPLATE_SOURCE_SHIPPED)
    /* Translators: %d is a template's version number */
    g_string_printf (subtitle, _("Version %d · included with Pathway"), pw_template_get_version (template));
  else
    g_string_printf (subtitle, _("Version %d · imported"), pw_template_get_version (template));

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      guint present = 0, total = 0;
      double ratio = pw_template_get_completeness (template, languages[i], &present, &total);
      g_autofree char *code = g_ascii_strup (languages[i], -1);

      /* Translators: a language code and how much of the template is translated, e.g. "IT 100 %" */
      g_string_append_printf (subtitle, i == 0 ? " · %s %.0f %%" : ", %s %.0f %%", code, ratio * 100);
    }
  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static void
fill_templates (PwPreferencesWindow *self)
{
  PwTemplateRegistry *registry = pw_session_get_templates (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (pw_session_get_settings (self->session), "default-template");
  guint selected = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->templates_list))) != NULL)
    gtk_list_box_remove (self->templates_list, child);

  g_clear_pointer (&self->template_ids, g_strfreev);
  self->template_ids = pw_template_registry_dup_ids (registry);

  for (guint i = 0; self->template_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwTemplate) template = pw_template_registry_lookup (registry, self->template_ids[i], &error);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (template == NULL)
        {
          /* An imported template whose base is gone still gets a truthful row. */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->template_ids[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
          gtk_string_list_append (names, self->template_ids[i]);
        }
      else
        {
          subtitle = template_subtitle (template, registry);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_template_get_name (template, NULL));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_string_list_append (names, pw_template_get_name (template, NULL));
        }
      gtk_list_box_append (self->templates_list, row);

      if (g_strcmp0 (current, self->template_ids[i]) == 0)
        selected = i;
    }

  self->filling_templates = TRUE;
  adw_combo_row_set_model (self->default_template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->default_template_row, selected);
  self->filling_templates = FALSE;
}

static void
on_default_template_selected (PwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_template_row);

  if (self->session == NULL || self->template_ids == NULL || self->filling_templates ||
      selected >= g_strv_length (self->template_ids))
    return;

  g_settings_set_string (pw_session_get_settings (self->session), "default-template",
                         self->template_ids[selected]);
}

static void
on_import_response (GtkNativeDialog     *chooser,
                    int                  response,
                    PwPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  id = pw_session_import_template (self->session, file, &error);
  if (id == NULL)
    {
      show_error (self, _("The Template Was Not Imported"), error);
      return;
    }

  fill_templates (self);
  toast (self, _("Template imported."));
}

static void
on_import_template (PwPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pathway templates (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import a Pathway Template"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Lifecycle */

static void
on_session_state (PwPreferencesWindow *self)
{
  /* Locking closes everything that shows what the vault holds; a restored
   * backup only reloads the views, the vault stays unlocked. */
  if (pw_vault_get_locked (pw_session_get_vault (self->session)))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_preferences_window_constructed (GObject *object)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (object);
  GtkCustomFilter *filter;

  G_OBJECT_CLASS (pw_preferences_window_parent_class)->constructed (object);

  /* Only the .ui instantiation test builds one without a session. */
  if (self->session == NULL)
    return;

  setup_auto_lock (self);
  fill_templates (self);
  fill_backups (self);

  filter = gtk_custom_filter_new (is_passphrase_slot, NULL, NULL);
  self->passphrase_slots =
    gtk_filter_list_model_new (g_object_ref (pw_vault_get_slots (pw_session_get_vault (self->session))),
                               GTK_FILTER (filter));
  gtk_list_box_bind_model (self->slots_list, G_LIST_MODEL (self->passphrase_slots),
                           create_slot_row, self, NULL);

  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
}

static void
pw_preferences_window_dispose (GObject *object)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->passphrase_slots);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->template_ids, g_strfreev);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_preferences_window_parent_class)->dispose (object);
}

static void
pw_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PwPreferencesWindow *self = PW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_preferences_window_class_init (PwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_preferences_window_constructed;
  object_class->dispose = pw_preferences_window_dispose;
  object_class->get_property = pw_preferences_window_get_property;
  object_class->set_property = pw_preferences_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, auto_lock_row);
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, slots_list);
  gtk_widget_class_bind_template_callback (widget_class, on_auto_lock_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_regenerate_recovery);
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, default_template_row);
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, templates_list);
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_now);
  gtk_widget_class_bind_template_callback (widget_class, on_default_template_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_import_template);
}

static void
pw_preferences_window_init (PwPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
