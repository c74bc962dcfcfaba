/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-form-dialog.h"

struct _PwFormDialog
{
  AdwWindow       parent_instance;

  PwSession      *session;
  PwFormSaveFunc  save_func;
  gpointer        save_data;
  GDestroyNotify  save_destroy;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkBox         *content_box;
};

G_DEFINE_FINAL_TYPE (PwFormDialog, pw_form_dialog, ADW_TYPE_WINDOW)

void
pw_form_dialog_show_error (PwFormDialog *self,
                           const char   *message)
{
  g_return_if_fail (PW_IS_FORM_DIALOG (self));

  gtk_label_set_label (self->error_label, message ?: "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

gboolean
pw_form_dialog_save (PwFormDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PW_IS_FORM_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->save_button))
    return FALSE;
  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    {
      pw_form_dialog_show_error (self, _("The vault is locked. Unlock it and try again."));
      return FALSE;
    }
  if (self->save_func != NULL && !self->save_func (self, self->save_data, &error))
    {
      pw_form_dialog_show_error (self, error != NULL ? error->message
                                                     : _("This could not be saved. Try again."));
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PwFormDialog *self)
{
  pw_form_dialog_save (self);
}

static void
on_session_state (PwFormDialog *self)
{
  /* Locking drops every view of her data, forms included. */
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
pw_form_dialog_add (PwFormDialog *self,
                    GtkWidget    *child)
{
  g_return_if_fail (PW_IS_FORM_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (self->content_box, child);
}

void
pw_form_dialog_set_save_func (PwFormDialog   *self,
                              PwFormSaveFunc  func,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  g_return_if_fail (PW_IS_FORM_DIALOG (self));

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);
  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

void
pw_form_dialog_set_can_save (PwFormDialog *self,
                             gboolean      can_save,
                             const char   *hint)
{
  g_return_if_fail (PW_IS_FORM_DIALOG (self));

  gtk_widget_set_sensitive (self->save_button, can_save);
  adw_window_title_set_subtitle (self->window_title, can_save ? NULL : hint);
}

GtkWidget *
pw_form_dialog_get_save_button (PwFormDialog *self)
{
  g_return_val_if_fail (PW_IS_FORM_DIALOG (self), NULL);

  return self->save_button;
}

static void
pw_form_dialog_dispose (GObject *object)
{
  PwFormDialog *self = PW_FORM_DIALOG (object);

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);
  self->save_destroy = NULL;
  self->save_func = NULL;
  self->save_data = NULL;
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_FORM_DIALOG);

  G_OBJECT_CLASS (pw_form_dialog_parent_class)->dispose (object);
}

static void
pw_form_dialog_class_init (PwFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_form_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-form-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwFormDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwFormDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwFormDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwFormDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwFormDialog, content_box);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_form_dialog_init (PwFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PwFormDialog *
pw_form_dialog_new (GtkWidget  *parent,
                    PwSession  *session,
                    const char *title,
                    const char *save_label)
{
  PwFormDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  self = g_object_new (PW_TYPE_FORM_DIALOG, NULL);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self,
                           G_CONNECT_SWAPPED);
  return self;
}
