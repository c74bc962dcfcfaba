/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-read-only-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-read-only-banner.h"

struct _PwReadOnlyBanner
{
  AdwBin parent_instance;

  GtkRevealer *revealer;
  PwVault *vault;
  gulong read_only_handler;
};

G_DEFINE_FINAL_TYPE (PwReadOnlyBanner, pw_read_only_banner, ADW_TYPE_BIN)

static void
update (PwReadOnlyBanner *self)
{
  gtk_revealer_set_reveal_child (self->revealer,
                                 self->vault != NULL && pw_vault_get_read_only (self->vault));
}

void
pw_read_only_banner_set_vault (PwReadOnlyBanner *self,
                               PwVault          *vault)
{
  g_return_if_fail (PW_IS_READ_ONLY_BANNER (self));
  g_return_if_fail (vault == NULL || PW_IS_VAULT (vault));

  if (self->vault == vault)
    return;
  if (self->vault != NULL)
    g_clear_signal_handler (&self->read_only_handler, self->vault);
  g_set_object (&self->vault, vault);
  if (vault != NULL)
    self->read_only_handler = g_signal_connect_swapped (vault, "notify::read-only",
                                                        G_CALLBACK (update), self);
  update (self);
}

gboolean
pw_read_only_banner_get_shown (PwReadOnlyBanner *self)
{
  g_return_val_if_fail (PW_IS_READ_ONLY_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

GtkWidget *
pw_read_only_banner_new (void)
{
  return g_object_new (PW_TYPE_READ_ONLY_BANNER, NULL);
}

static void
pw_read_only_banner_dispose (GObject *object)
{
  PwReadOnlyBanner *self = PW_READ_ONLY_BANNER (object);

  if (self->vault != NULL)
    g_clear_signal_handler (&self->read_only_handler, self->vault);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (pw_read_only_banner_parent_class)->dispose (object);
}

static void
pw_read_only_banner_class_init (PwReadOnlyBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pw_read_only_banner_dispose;
}

static void
pw_read_only_banner_init (PwReadOnlyBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (pw_vault_read_only_sentence ());

  gtk_widget_add_css_class (box, "pw-read-only-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  /* The revealer is the bin's own child: AdwBin disposes of it. */
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}
