/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-setup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-passphrase.h"
#include "pw-setup-page.h"

struct _PwSetupPage
{
  AdwBin parent_instance;

  AdwEntryRow *label_row;
  AdwEntryRow *passphrase_row;
  AdwEntryRow *confirm_row;
  GtkLevelBar *strength_bar;
  GtkLabel *hint_label;
  GtkLabel *error_label;
  GtkStack *button_stack;
  GtkSpinner *spinner;
  GtkButton *create_button;

  char *reported_error;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (PwSetupPage, pw_setup_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
form_ready (PwSetupPage *self,
            const char **problem)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  PwPassphraseStrength strength = pw_passphrase_strength (passphrase);

  *problem = NULL;
  if (*confirm != '\0' && !g_str_equal (passphrase, confirm))
    *problem = _("The two passphrases are not the same.");

  return *problem == NULL &&
         *label != '\0' &&
         pw_passphrase_acceptable (strength) &&
         g_str_equal (passphrase, confirm);
}

static void
update_state (PwSetupPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  PwPassphraseStrength strength = pw_passphrase_strength (passphrase);
  const char *problem = NULL;
  gboolean ready = form_ready (self, &problem);

  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_text (self->hint_label, pw_passphrase_strength_hint (strength));

  if (problem == NULL)
    problem = self->reported_error;
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), ready && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !self->busy);
  gtk_stack_set_visible_child_name (self->button_stack, self->busy ? "busy" : "button");
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
on_changed (PwSetupPage *self)
{
  g_clear_pointer (&self->reported_error, g_free);
  update_state (self);
}

static void
on_create (PwSetupPage *self)
{
  const char *problem = NULL;
  g_autofree char *label = NULL;

  if (self->busy || !form_ready (self, &problem))
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  g_signal_emit (self, signals[SIGNAL_CREATE], 0,
                 label, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
}

void
pw_setup_page_set_busy (PwSetupPage *self,
                        gboolean     busy)
{
  g_return_if_fail (PW_IS_SETUP_PAGE (self));

  self->busy = busy;
  update_state (self);
}

void
pw_setup_page_report_error (PwSetupPage *self,
                            const char  *message)
{
  g_return_if_fail (PW_IS_SETUP_PAGE (self));

  self->busy = FALSE;
  g_free (self->reported_error);
  self->reported_error = g_strdup (message);
  update_state (self);
}

void
pw_setup_page_reset (PwSetupPage *self)
{
  g_return_if_fail (PW_IS_SETUP_PAGE (self));

  self->busy = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  g_clear_pointer (&self->reported_error, g_free);
  update_state (self);
}

static void
pw_setup_page_dispose (GObject *object)
{
  g_clear_pointer (&PW_SETUP_PAGE (object)->reported_error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), PW_TYPE_SETUP_PAGE);

  G_OBJECT_CLASS (pw_setup_page_parent_class)->dispose (object);
}

static void
pw_setup_page_class_init (PwSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_setup_page_dispose;

  /**
   * PwSetupPage::create:
   * @label: the name of the first passphrase (who it belongs to)
   * @passphrase: the passphrase, typed twice the same
   */
  signals[SIGNAL_CREATE] = g_signal_new ("create",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         /* Static scope: the passphrase is not
                                          * copied into memory freed unwiped. */
                                         G_TYPE_NONE, 2,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PwSetupPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
}

static void
pw_setup_page_init (PwSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}
