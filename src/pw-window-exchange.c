/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-exchange.h"
#include "pw-export-dialog.h"
#include "pw-import-dialog.h"
#include "pw-window-exchange.h"

void
pw_window_exchange_toast (GtkWindow  *window,
                          const char *text)
{
  GtkWidget *content = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (ADW_IS_APPLICATION_WINDOW (window))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (text));
  else
    /* The text may name a case: never into the log. */
    g_debug ("A message could not be shown: no toast overlay in this window");
}

static void
show_error (GtkWindow  *window,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (PwWindow *self)
{
  PwSession *session = pw_window_get_session (self);
  gboolean unlocked = session != NULL && pw_session_get_state (session) == PW_SESSION_UNLOCKED;
  gboolean demo = session != NULL && pw_session_get_demo (session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", session != NULL && !unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-demo", demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-vault", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-survivor", unlocked);
  /* Nothing real goes into the example cases: they are shown in workshops. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", unlocked && !demo);
}

void
pw_window_exchange_init (PwWindow *self)
{
  PwSession *session;

  g_return_if_fail (PW_IS_WINDOW (self));

  session = pw_window_get_session (self);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::state", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::demo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  PwSession *session = pw_window_get_session (PW_WINDOW (widget));

  if (session == NULL || pw_session_open_demo (session, &error))
    return;
  show_error (GTK_WINDOW (widget), _("The Example Cases Did Not Open"), error->message);
}

static void
close_demo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwSession *session = pw_window_get_session (PW_WINDOW (widget));

  if (session != NULL && pw_session_get_demo (session))
    pw_session_lock (session);
}

static void
export (GtkWidget *widget,
        gint64     survivor_id)
{
  PwSession *session = pw_window_get_session (PW_WINDOW (widget));
  PwExportDialog *dialog;

  if (session == NULL || pw_session_get_state (session) != PW_SESSION_UNLOCKED)
    return;
  dialog = pw_export_dialog_new (GTK_WINDOW (widget), session, survivor_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_vault_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  export (widget, 0);
}

static void
export_survivor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    export (widget, id);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  PwWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  PwSession *session = pw_window_get_session (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (self), "pw-import-chooser", NULL);
  if (file == NULL || session == NULL || pw_session_get_state (session) != PW_SESSION_UNLOCKED)
    return;
  gtk_window_present (GTK_WINDOW (pw_import_dialog_new (GTK_WINDOW (self), session, file)));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Pathway case files"));
  gtk_file_filter_add_pattern (filter, "*" PW_EXCHANGE_EXTENSION);
  gtk_file_filter_add_pattern (filter, "*.json");

  chooser = gtk_file_chooser_native_new (_("Import Case Files"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), widget);
  /* The window keeps it alive until it answers. */
  g_object_set_data_full (G_OBJECT (widget), "pw-import-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
pw_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.close-demo", NULL, close_demo_action);
  gtk_widget_class_install_action (widget_class, "win.export-vault", NULL, export_vault_action);
  gtk_widget_class_install_action (widget_class, "win.export-survivor", "x", export_survivor_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}
