/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"
#include "pw-notes-page.h"
#include "pw-record-util.h"
#include "pw-store.h"

struct _PwNotesPage
{
  GtkWidget       parent_instance;

  PwSession      *session;
  PwStore        *store;
  gulong          changed_id;
  gint64          survivor_id;
  guint           rebuild_idle;

  GtkTextView    *body_view;
  PwDateButton   *date_button;
  GtkCheckButton *restricted_check;
  GtkWidget      *add_button;
  GtkBox         *notes_box;
  GtkListBox     *notes_list;
};

G_DEFINE_FINAL_TYPE (PwNotesPage, pw_notes_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SURVIVOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
current_slot_id (PwNotesPage *self)
{
  PwKeySlot *slot;

  if (self->session == NULL)
    return NULL;
  slot = pw_vault_get_current_slot (pw_session_get_vault (self->session));
  return slot != NULL ? pw_key_slot_get_id (slot) : NULL;
}

static gboolean
can_restrict (PwNotesPage *self)
{
  PwKeySlot *slot = self->session != NULL ? pw_vault_get_current_slot (pw_session_get_vault (self->session))
                                          : NULL;

  /* The recovery key belongs to no one: a note only it could read would
   * be lost to its author. */
  return slot != NULL && pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE;
}

static void
update_compose (PwNotesPage *self)
{
  g_autofree char *text = pw_record_text_view_get_text (self->body_view);
  gboolean ready = self->store != NULL && self->survivor_id > 0;

  gtk_widget_set_sensitive (self->add_button, ready && *text != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restricted_check), ready && can_restrict (self));
  if (!can_restrict (self))
    gtk_check_button_set_active (self->restricted_check, FALSE);
}

static void
reset_compose (PwNotesPage *self)
{
  g_autofree char *today = pw_casework_today ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", -1);
  gtk_check_button_set_active (self->restricted_check, FALSE);
  pw_date_button_set_date (self->date_button, today);
  update_compose (self);
}

static void
on_add_clicked (PwNotesPage *self)
{
  g_autoptr(PwNote) note = pw_note_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = pw_record_text_view_get_text (self->body_view);

  if (self->store == NULL || self->survivor_id <= 0 || *body == '\0')
    return;
  pw_note_set_survivor_id (note, self->survivor_id);
  pw_note_set_date (note, pw_date_button_get_date (self->date_button));
  pw_note_set_body (note, body);
  pw_note_set_restricted (note, gtk_check_button_get_active (self->restricted_check));
  if (pw_store_add_note (self->store, note, &error) <= 0)
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  reset_compose (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PwNotesPage      *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "note-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  if (!pw_store_delete_record (self->store, PW_RECORD_KIND_NOTE, id, &error))
    pw_casework_toast (GTK_WIDGET (self), error->message);
}

static void
on_delete_clicked (GtkButton   *button,
                   PwNotesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "note-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Note?"),
                                   _("It is removed from the vault for good. The audit log keeps only that a note was deleted, and by whom."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "note-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
note_row (PwNotesPage *self,
          PwNote      *note)
{
  g_autofree char *date = pw_casework_format_date (pw_note_get_date (note));
  g_autofree char *author = pw_record_author_name (pw_session_get_vault (self->session),
                                                   pw_note_get_author (note));
  g_autofree char *header_text = NULL;
  gboolean mine = g_strcmp0 (pw_note_get_author (note), current_slot_id (self)) == 0;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *body;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (pw_note_get_restricted (note))
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("channel-secure-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Restricted: only its author can read it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Restricted note"), -1);
      gtk_box_append (GTK_BOX (header), lock);
    }
  /* Translators: a note's date and its author, e.g. "3 Mar 2026 · Example Worker" */
  header_text = g_strdup_printf (_("%s · %s"), date, author);
  title = gtk_label_new (header_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (mine)
    {
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (delete, _("Delete Note"));
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      g_object_set_data (G_OBJECT (delete), "note-id", GSIZE_TO_POINTER (pw_note_get_id (note)));
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
      gtk_box_append (GTK_BOX (header), delete);
    }
  gtk_box_append (GTK_BOX (box), header);

  if (pw_note_get_body (note) != NULL)
    {
      body = gtk_label_new (pw_note_get_body (note));
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("A restricted note by %s. Only its author can read it."), author);

      body = gtk_label_new (text);
      gtk_widget_add_css_class (body, "dim-label");
    }
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_box_append (GTK_BOX (box), body);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
rebuild (PwNotesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  pw_record_list_clear (self->notes_list);
  update_compose (self);
  if (self->store == NULL || self->survivor_id <= 0)
    return;

  notes = pw_store_list_notes (self->store, self->survivor_id, &error);
  if (notes == NULL)
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = notes->len; i > 0; i--)
    gtk_list_box_append (self->notes_list, note_row (self, g_ptr_array_index (notes, i - 1)));
}

static gboolean
rebuild_idle (gpointer data)
{
  PwNotesPage *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PwNotesPage   *self,
                  PwRecordKind   kind,
                  gint64         id,
                  gint64         survivor_id,
                  PwAuditAction  action)
{
  if (kind == PW_RECORD_KIND_NOTE && self->survivor_id > 0 && survivor_id == self->survivor_id &&
      self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, self, NULL);
}

static void
on_session_state (PwNotesPage *self)
{
  pw_record_follow_store (self, self->session, G_CALLBACK (on_store_changed),
                          &self->store, &self->changed_id, &self->survivor_id);
  /* A half-written note is her data too: it goes with the lock. */
  if (self->store == NULL)
    reset_compose (self);
  rebuild (self);
}

void
pw_notes_page_set_survivor_id (PwNotesPage *self,
                               gint64       survivor_id)
{
  g_return_if_fail (PW_IS_NOTES_PAGE (self));

  if (self->survivor_id == survivor_id)
    return;
  self->survivor_id = survivor_id;
  reset_compose (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_ID]);
}

gint64
pw_notes_page_get_survivor_id (PwNotesPage *self)
{
  g_return_val_if_fail (PW_IS_NOTES_PAGE (self), 0);

  return self->survivor_id;
}

static void
pw_notes_page_dispose (GObject *object)
{
  PwNotesPage *self = PW_NOTES_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  pw_record_drop_store (&self->store, &self->changed_id);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_NOTES_PAGE);
  /* The scrolled window has no id: the template does not drop it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_notes_page_parent_class)->dispose (object);
}

static void
pw_notes_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwNotesPage *self = PW_NOTES_PAGE (object);

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
pw_notes_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwNotesPage *self = PW_NOTES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_value_get_object (value) != NULL)
        {
          self->session = g_value_dup_object (value);
          g_signal_connect_object (self->session, "notify::state", G_CALLBACK (on_session_state), self,
                                   G_CONNECT_SWAPPED);
          on_session_state (self);
        }
      break;
    case PROP_SURVIVOR_ID:
      pw_notes_page_set_survivor_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_notes_page_class_init (PwNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_notes_page_dispose;
  object_class->get_property = pw_notes_page_get_property;
  object_class->set_property = pw_notes_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwNotesPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, PwNotesPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, PwNotesPage, restricted_check);
  gtk_widget_class_bind_template_child (widget_class, PwNotesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PwNotesPage, notes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pw_notes_page_init (PwNotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pw_record_wrap_group_titles (GTK_WIDGET (self));

  self->notes_list = GTK_LIST_BOX (pw_record_list_new (_("No notes yet.")));
  gtk_box_append (self->notes_box, GTK_WIDGET (self->notes_list));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (update_compose), self);
  reset_compose (self);
}

GtkWidget *
pw_notes_page_new (PwSession *session)
{
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_NOTES_PAGE, "session", session, NULL);
}
