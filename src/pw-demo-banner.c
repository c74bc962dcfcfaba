/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-demo-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-demo-banner.h"
#include "pw-window.h"

/* "Demo — changes are not kept": shown across the window, and in its
 * title, while the example cases are open. It finds the session through
 * the PwWindow it sits in, so the window needs no code for it. */
struct _PwDemoBanner
{
  AdwBin parent_instance;

  PwSession *session;
  gulong demo_handler;
};

G_DEFINE_FINAL_TYPE (PwDemoBanner, pw_demo_banner, ADW_TYPE_BIN)

static void
update (PwDemoBanner *self)
{
  gboolean demo = self->session != NULL && pw_session_get_demo (self->session);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The revealer is the bin's own child: AdwBin disposes of it. */
  gtk_revealer_set_reveal_child (GTK_REVEALER (adw_bin_get_child (ADW_BIN (self))), demo);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_title (GTK_WINDOW (root),
                          demo ? _("Pathway — Demo — changes are not kept") : _("Pathway"));
}

static void
set_session (PwDemoBanner *self,
             PwSession    *session)
{
  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->demo_handler, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->demo_handler = g_signal_connect_swapped (session, "notify::demo", G_CALLBACK (update), self);
  update (self);
}

/* The window's template builds us before it has its session: look when
 * it is shown. */
static void
pw_demo_banner_map (GtkWidget *widget)
{
  PwDemoBanner *self = PW_DEMO_BANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  set_session (self, PW_IS_WINDOW (root) ? pw_window_get_session (PW_WINDOW (root)) : NULL);
  GTK_WIDGET_CLASS (pw_demo_banner_parent_class)->map (widget);
}

static void
pw_demo_banner_unroot (GtkWidget *widget)
{
  set_session (PW_DEMO_BANNER (widget), NULL);
  GTK_WIDGET_CLASS (pw_demo_banner_parent_class)->unroot (widget);
}

static void
pw_demo_banner_dispose (GObject *object)
{
  PwDemoBanner *self = PW_DEMO_BANNER (object);

  if (self->session != NULL)
    g_clear_signal_handler (&self->demo_handler, self->session);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_DEMO_BANNER);

  G_OBJECT_CLASS (pw_demo_banner_parent_class)->dispose (object);
}

static void
pw_demo_banner_class_init (PwDemoBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_demo_banner_dispose;
  widget_class->map = pw_demo_banner_map;
  widget_class->unroot = pw_demo_banner_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-demo-banner.ui");
}

static void
pw_demo_banner_init (PwDemoBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
