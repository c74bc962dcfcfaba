/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-lock-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-lock-page.h"

struct _PwLockPage
{
  AdwBin parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow *passphrase_row;
  AdwEntryRow *recovery_row;
  GtkLabel *error_label;
  GtkStack *button_stack;
  GtkSpinner *spinner;
  GtkButton *unlock_button;
  GtkButton *mode_button;

  char *error_message;
  guint failures;
  guint wait_seconds;
  guint wait_source;
  gboolean busy;
  gboolean recovery;
};

G_DEFINE_FINAL_TYPE (PwLockPage, pw_lock_page, ADW_TYPE_BIN)

enum {
  SIGNAL_UNLOCK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each failure after the first doubles the wait, up to half a minute: a
 * person who mistyped loses nothing, a guessing script loses a lot. */
guint
pw_lock_page_backoff_seconds (guint failures)
{
  if (failures < 2)
    return 0;
  return MIN (1u << MIN (failures - 1, 5u), 30u);
}

static AdwEntryRow *
active_row (PwLockPage *self)
{
  return self->recovery ? self->recovery_row : self->passphrase_row;
}

static void
update_state (PwLockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (active_row (self)));
  gboolean waiting = self->wait_seconds > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !self->busy && !waiting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_row), !self->busy && !waiting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            !self->busy && !waiting && text != NULL && *text != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_button), !self->busy);

  gtk_stack_set_visible_child_name (self->button_stack, self->busy ? "busy" : "button");
  gtk_spinner_set_spinning (self->spinner, self->busy);

  if (waiting)
    {
      g_autofree char *wait = g_strdup_printf (ngettext ("Try again in %u second.",
                                                         "Try again in %u seconds.",
                                                         self->wait_seconds),
                                               self->wait_seconds);
      g_autofree char *text_with_wait = g_strdup_printf ("%s\n%s", self->error_message, wait);

      gtk_label_set_text (self->error_label, text_with_wait);
    }
  else if (self->error_message != NULL)
    gtk_label_set_text (self->error_label, self->error_message);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error_message != NULL);
}

static void
clear_entries (PwLockPage *self)
{
  /* Setting "" drops the text from the entry's buffer. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->recovery_row), "");
}

static void
on_unlock (PwLockPage *self)
{
  g_autofree char *secret = NULL;

  if (self->busy || self->wait_seconds > 0)
    return;

  secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (active_row (self))));
  if (*secret == '\0')
    return;

  g_signal_emit (self, signals[SIGNAL_UNLOCK], 0, secret, self->recovery);
  memset (secret, 0, strlen (secret));
}

static void
on_entry_changed (PwLockPage *self)
{
  update_state (self);
}

static void
set_recovery_mode (PwLockPage *self,
                   gboolean    recovery)
{
  self->recovery = recovery;
  clear_entries (self);
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), !recovery);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_row), recovery);
  gtk_button_set_label (self->mode_button,
                        recovery ? _("Use a _Passphrase Instead")
                                 : _("Use the _Recovery Key Instead"));
  adw_status_page_set_description (self->status_page,
                                   recovery ? _("Enter the recovery key you printed or stored when the vault was created.")
                                            : _("Enter your passphrase to open the case files."));
  g_clear_pointer (&self->error_message, g_free);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (active_row (self)));
}

static void
on_toggle_mode (PwLockPage *self)
{
  set_recovery_mode (self, !self->recovery);
}

static gboolean
on_wait_tick (gpointer data)
{
  PwLockPage *self = data;

  if (self->wait_seconds > 0)
    self->wait_seconds--;
  update_state (self);

  if (self->wait_seconds == 0)
    {
      self->wait_source = 0;
      gtk_widget_grab_focus (GTK_WIDGET (active_row (self)));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
pw_lock_page_report_failure (PwLockPage *self,
                             const char *message)
{
  g_return_if_fail (PW_IS_LOCK_PAGE (self));
  g_return_if_fail (message != NULL);

  self->busy = FALSE;
  self->failures++;
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  clear_entries (self);

  g_clear_handle_id (&self->wait_source, g_source_remove);
  self->wait_seconds = pw_lock_page_backoff_seconds (self->failures);
  if (self->wait_seconds > 0)
    self->wait_source = g_timeout_add_seconds (1, on_wait_tick, self);

  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (active_row (self)));
}

void
pw_lock_page_set_busy (PwLockPage *self,
                       gboolean    busy)
{
  g_return_if_fail (PW_IS_LOCK_PAGE (self));

  self->busy = busy;
  if (busy)
    {
      g_clear_pointer (&self->error_message, g_free);
      clear_entries (self);
    }
  update_state (self);
}

void
pw_lock_page_reset (PwLockPage *self)
{
  g_return_if_fail (PW_IS_LOCK_PAGE (self));

  self->busy = FALSE;
  self->failures = 0;
  self->wait_seconds = 0;
  g_clear_handle_id (&self->wait_source, g_source_remove);
  set_recovery_mode (self, FALSE);
}

static void
pw_lock_page_map (GtkWidget *widget)
{
  PwLockPage *self = PW_LOCK_PAGE (widget);

  GTK_WIDGET_CLASS (pw_lock_page_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (active_row (self)));
}

static void
pw_lock_page_dispose (GObject *object)
{
  PwLockPage *self = PW_LOCK_PAGE (object);

  g_clear_handle_id (&self->wait_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_LOCK_PAGE);

  G_OBJECT_CLASS (pw_lock_page_parent_class)->dispose (object);
}

static void
pw_lock_page_finalize (GObject *object)
{
  PwLockPage *self = PW_LOCK_PAGE (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (pw_lock_page_parent_class)->finalize (object);
}

static void
pw_lock_page_class_init (PwLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_lock_page_dispose;
  object_class->finalize = pw_lock_page_finalize;
  widget_class->map = pw_lock_page_map;

  /**
   * PwLockPage::unlock:
   * @secret: the passphrase or recovery key as typed
   * @recovery: whether @secret is the recovery key
   */
  signals[SIGNAL_UNLOCK] = g_signal_new ("unlock",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         /* Static scope: the secret is passed
                                          * as is, not copied into memory that
                                          * is freed without being wiped. */
                                         G_TYPE_NONE, 2,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                         G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, recovery_row);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, PwLockPage, mode_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle_mode);
}

static void
pw_lock_page_init (PwLockPage *self)
{
  g_autoptr(GtkEntryBuffer) buffer = gtk_password_entry_buffer_new ();
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The recovery key opens the vault like a passphrase: typed into locked
   * memory that is wiped when freed, as AdwPasswordEntryRow does, while
   * staying visible so that it can be compared with the paper copy. */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self->recovery_row));
  if (GTK_IS_TEXT (text))
    gtk_text_set_buffer (GTK_TEXT (text), buffer);

  update_state (self);
}
