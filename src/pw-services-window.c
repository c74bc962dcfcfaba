/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-services-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-form-dialog.h"
#include "pw-iso-codes.h"
#include "pw-iso-picker.h"
#include "pw-record-util.h"
#include "pw-services-window.h"
#include "pw-store.h"

struct _PwServicesWindow
{
  AdwWindow       parent_instance;

  PwSession      *session;
  PwStore        *store;
  gulong          changed_id;
  PwTemplate     *template;     /* for the names of the areas of life */

  GtkWidget      *add_button;
  GtkSearchEntry *search_entry;
  GtkBox         *list_box;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (PwServicesWindow, pw_services_window, ADW_TYPE_WINDOW)

static void open_form (PwServicesWindow *self, PwService *service);

static const char *
kind_name (PwServicesWindow *self,
           const char       *kind)
{
  PwDomain *domain = kind != NULL && self->template != NULL ? pw_template_lookup_domain (self->template, kind)
                                                            : NULL;

  return domain != NULL ? pw_domain_get_name (domain, NULL) : kind;
}

static char *
languages_text (const char * const *codes)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, codes[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
matches (PwServicesWindow *self,
         PwService        *service,
         const char       *query)
{
  g_autofree char *langs = NULL;
  g_autofree char *hay = NULL;
  g_autofree char *folded = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  langs = languages_text (pw_service_get_languages (service));
  hay = g_strjoin (" ", pw_service_get_name (service) ?: "", kind_name (self, pw_service_get_kind (service)) ?: "",
                   pw_service_get_contact (service) ?: "", pw_service_get_notes (service) ?: "", langs, NULL);
  folded = g_utf8_casefold (hay, -1);
  return strstr (folded, query) != NULL;
}

static void
on_edit_clicked (GtkButton        *button,
                 PwServicesWindow *self)
{
  open_form (self, g_object_get_data (G_OBJECT (button), "service"));
}

static void
rebuild (PwServicesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  pw_record_list_clear (self->list);
  gtk_widget_set_sensitive (self->add_button, self->store != NULL);
  if (self->store == NULL)
    return;
  services = pw_store_list_services (self->store, &error);
  if (services == NULL)
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < services->len; i++)
    {
      PwService *service = g_ptr_array_index (services, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *langs = languages_text (pw_service_get_languages (service));
      const char *parts[3] = { kind_name (self, pw_service_get_kind (service)),
                               pw_service_get_contact (service), langs };
      GtkWidget *row, *button;

      if (!matches (self, service, query))
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (parts[p] != NULL && *parts[p] != '\0')
          {
            if (subtitle->len > 0)
              g_string_append (subtitle, " · ");
            g_string_append (subtitle, parts[p]);
          }
      row = pw_record_row_new (pw_service_get_name (service), subtitle->len > 0 ? subtitle->str : NULL);
      button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (button, _("Edit Service"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "service", g_object_ref (service), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_search_changed (PwServicesWindow *self)
{
  rebuild (self);
}

/* ------------------------------------------------------------------------ */
/* The form                                                                 */

typedef struct
{
  PwServicesWindow *window;
  PwFormDialog     *dialog;
  PwService        *service;      /* a copy to edit, or a new one */
  GPtrArray        *kinds;        /* domain ids, index + 1 = combo position */
  GPtrArray        *languages;    /* codes */
  AdwEntryRow      *name_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *contact_row;
  GtkFlowBox       *languages_box;
  GtkTextView      *notes_view;
} ServiceForm;

static void
service_form_free (ServiceForm *form)
{
  g_clear_object (&form->window);
  g_clear_object (&form->service);
  g_clear_pointer (&form->kinds, g_ptr_array_unref);
  g_clear_pointer (&form->languages, g_ptr_array_unref);
  g_free (form);
}

static void update_language_chips (ServiceForm *form);

static void
on_remove_language (GtkButton   *button,
                    ServiceForm *form)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  for (guint i = 0; i < form->languages->len; i++)
    if (g_str_equal (g_ptr_array_index (form->languages, i), code))
      {
        g_ptr_array_remove_index (form->languages, i);
        break;
      }
  update_language_chips (form);
}

static void
update_language_chips (ServiceForm *form)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (form->languages_box))) != NULL)
    gtk_flow_box_remove (form->languages_box, child);
  for (guint i = 0; i < form->languages->len; i++)
    {
      const char *code = g_ptr_array_index (form->languages, i);
      const char *name = pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, code);
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      gtk_box_append (GTK_BOX (box), gtk_label_new (name));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data_full (G_OBJECT (button), "code", g_strdup (code), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_language), form);
      gtk_flow_box_append (form->languages_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (form->languages_box), form->languages->len > 0);
}

static void
on_language_picked (ServiceForm *form,
                    const char  *code)
{
  for (guint i = 0; i < form->languages->len; i++)
    if (g_str_equal (g_ptr_array_index (form->languages, i), code))
      return;
  g_ptr_array_add (form->languages, g_strdup (code));
  update_language_chips (form);
}

static void
update_service_form (ServiceForm *form)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (form->name_row));

  pw_form_dialog_set_can_save (form->dialog, name[strspn (name, " ")] != '\0', _("Give the service a name"));
}

static gboolean
save_service (PwFormDialog  *dialog,
              gpointer       data,
              GError       **error)
{
  ServiceForm *form = data;
  PwStore *store = form->window->store;
  guint kind = adw_combo_row_get_selected (form->kind_row);
  g_autofree char *notes = pw_record_text_view_get_text (form->notes_view);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name_row))));
  g_autofree char *contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->contact_row))));

  if (store == NULL)
    return TRUE;
  g_ptr_array_add (form->languages, NULL);
  pw_service_set_languages (form->service, (const char * const *) form->languages->pdata);
  g_ptr_array_remove_index (form->languages, form->languages->len - 1);
  pw_service_set_name (form->service, name);
  pw_service_set_kind (form->service, kind > 0 && kind != GTK_INVALID_LIST_POSITION && kind - 1 < form->kinds->len
                                        ? g_ptr_array_index (form->kinds, kind - 1) : NULL);
  pw_service_set_contact (form->service, contact);
  pw_service_set_notes (form->service, notes);
  if (pw_service_get_id (form->service) > 0)
    return pw_store_update_service (store, form->service, error);
  return pw_store_add_service (store, form->service, error) > 0;
}

static void
on_delete_response (AdwMessageDialog *message,
                    const char       *response,
                    ServiceForm      *form)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || form->window->store == NULL)
    return;
  if (!pw_store_delete_record (form->window->store, PW_RECORD_KIND_SERVICE,
                               pw_service_get_id (form->service), &error))
    {
      /* A referral or a consent names it: the record must stay. */
      if (g_error_matches (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT))
        pw_form_dialog_show_error (form->dialog,
                                   _("This service is named in a referral or a consent, so it stays in the network. Edit it instead."));
      else
        pw_form_dialog_show_error (form->dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (form->dialog));
}

static void
on_delete_clicked (ServiceForm *form)
{
  GtkWidget *message;

  message = adw_message_dialog_new (GTK_WINDOW (form->dialog), _("Delete This Service?"),
                                    _("It disappears from the network for the whole team."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect (message, "response", G_CALLBACK (on_delete_response), form);
  gtk_window_present (GTK_WINDOW (message));
}

static void
open_form (PwServicesWindow *self,
           PwService        *service)
{
  GtkStringList *kinds_model = gtk_string_list_new (NULL);
  GListModel *domains = self->template != NULL ? pw_template_get_domains (self->template) : NULL;
  const char * const *languages;
  ServiceForm *form;
  GtkWidget *group, *picker;
  guint selected = 0;

  if (self->store == NULL)
    return;

  form = g_new0 (ServiceForm, 1);
  form->window = g_object_ref (self);
  form->service = service != NULL ? pw_service_copy (service) : pw_service_new ();
  form->kinds = g_ptr_array_new_with_free_func (g_free);
  form->languages = g_ptr_array_new_with_free_func (g_free);
  form->dialog = pw_form_dialog_new (GTK_WIDGET (self), self->session,
                                     service != NULL ? _("Edit Service") : _("New Service"),
                                     service != NULL ? _("_Save") : _("_Add"));

  group = adw_preferences_group_new ();
  form->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), pw_service_get_name (form->service) ?: "");
  g_signal_connect_swapped (form->name_row, "changed", G_CALLBACK (update_service_form), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->name_row));

  gtk_string_list_append (kinds_model, _("Not set"));
  for (guint i = 0; domains != NULL && i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PwDomain) domain = g_list_model_get_item (domains, i);

      gtk_string_list_append (kinds_model, pw_domain_get_name (domain, NULL));
      g_ptr_array_add (form->kinds, g_strdup (pw_domain_get_id (domain)));
      if (g_strcmp0 (pw_domain_get_id (domain), pw_service_get_kind (form->service)) == 0)
        selected = i + 1;
    }
  form->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->kind_row), _("Area of life"));
  adw_combo_row_set_model (form->kind_row, G_LIST_MODEL (kinds_model));
  adw_combo_row_set_selected (form->kind_row, selected);
  g_object_unref (kinds_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->kind_row));

  form->contact_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->contact_row), _("Contact (the service’s own, never hers)"));
  gtk_editable_set_text (GTK_EDITABLE (form->contact_row), pw_service_get_contact (form->service) ?: "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->contact_row));
  pw_form_dialog_add (form->dialog, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Languages Spoken"));
  picker = pw_iso_picker_new (PW_ISO_LANGUAGE, TRUE, _("Add…"));
  gtk_widget_set_valign (picker, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (picker, "picked", G_CALLBACK (on_language_picked), form);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), picker);
  form->languages_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (form->languages_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (form->languages_box, 6);
  gtk_flow_box_set_row_spacing (form->languages_box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->languages_box));
  languages = pw_service_get_languages (form->service);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    g_ptr_array_add (form->languages, g_strdup (languages[i]));
  update_language_chips (form);
  pw_form_dialog_add (form->dialog, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Opening hours, who to ask for, what they need to accept a referral."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pw_record_text_box_new (&form->notes_view, 80));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (form->notes_view), pw_service_get_notes (form->service) ?: "", -1);
  pw_form_dialog_add (form->dialog, group);

  if (service != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Service…"));

      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), form);
      pw_form_dialog_add (form->dialog, delete);
    }
  pw_form_dialog_set_save_func (form->dialog, save_service, form, (GDestroyNotify) service_form_free);
  update_service_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->name_row));
}

void
pw_services_window_add_service (PwServicesWindow *self)
{
  g_return_if_fail (PW_IS_SERVICES_WINDOW (self));

  open_form (self, NULL);
}

static void
on_add_clicked (PwServicesWindow *self)
{
  open_form (self, NULL);
}

/* ------------------------------------------------------------------------ */

static void
on_store_changed (PwServicesWindow *self,
                  PwRecordKind      kind)
{
  if (kind == PW_RECORD_KIND_SERVICE)
    rebuild (self);
}

static void
on_session_state (PwServicesWindow *self)
{
  /* The network holds no survivor data, but it lives in the vault. */
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_services_window_dispose (GObject *object)
{
  PwServicesWindow *self = PW_SERVICES_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->template);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SERVICES_WINDOW);

  G_OBJECT_CLASS (pw_services_window_parent_class)->dispose (object);
}

static void
pw_services_window_class_init (PwServicesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_services_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-services-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwServicesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, PwServicesWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwServicesWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pw_services_window_init (PwServicesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (pw_record_list_new (_("No services yet. Add the organisations your team works with.")));
  gtk_box_append (self->list_box, GTK_WIDGET (self->list));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

PwServicesWindow *
pw_services_window_new (GtkWidget *parent,
                        PwSession *session)
{
  PwServicesWindow *self;
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  self = g_object_new (PW_TYPE_SERVICES_WINDOW, NULL);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  self->session = g_object_ref (session);
  self->template = pw_casework_get_template (session, NULL);
  if (self->template != NULL)
    g_object_ref (self->template);
  if (pw_session_get_state (session) == PW_SESSION_UNLOCKED)
    {
      self->store = g_object_ref (pw_session_get_store (session));
      self->changed_id = g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed), self);
    }
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}
