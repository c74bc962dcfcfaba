/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-caseload-view.h"
#include "pw-lock-page.h"
#include "pw-overview-page.h"
#include "pw-read-only-banner.h"
#include "pw-plan-printer.h"
#include "pw-presentation-window.h"
#include "pw-recovery-key-page.h"
#include "pw-services-window.h"
#include "pw-setup-page.h"
#include "pw-survivor-facing-view.h"
#include "pw-survivor-editor.h"
#include "pw-survivor-view.h"
#include "pw-window.h"
#include "pw-window-exchange.h"

struct _PwWindow
{
  AdwApplicationWindow parent_instance;

  PwSession *session;
  GSettings *settings;
  GCancellable *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  PwSetupPage *setup_page;
  PwLockPage *lock_page;
  PwRecoveryKeyPage *recovery_page;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *sidebar_separator;
  PwReadOnlyBanner *read_only_banner;
  PwCaseloadView *caseload_view;
  GtkStack *content_stack;
  PwOverviewPage *overview_page;
  PwSurvivorView *survivor_view;
  PwSurvivorFacingView *her_view;

  /* Only her map and plan, in her language, full width. */
  gboolean survivor_mode;

  /* Between creating a vault and confirming the recovery key. */
  gboolean showing_recovery_key;
};

G_DEFINE_FINAL_TYPE (PwWindow, pw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SURVIVOR_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PwWindow *
pw_window_new (PwApplication *application,
               PwSession     *session)
{
  return g_object_new (PW_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

PwSession *
pw_window_get_session (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->session;
}

static gboolean
showing_survivor (PwWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "survivor") &&
         pw_survivor_view_get_survivor_id (self->survivor_view) > 0;
}

static void
update_workspace_actions (PwWindow *self)
{
  gboolean unlocked = self->session != NULL &&
                      pw_session_get_state (self->session) == PW_SESSION_UNLOCKED &&
                      !self->showing_recovery_key;
  const char *actions[] = { "win.new-survivor", "win.search", "win.show-caseload",
                            "win.show-overview", "win.filter-caseload", "win.show-plan-item",
                            "win.services" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.survivor-view",
                                 unlocked && showing_survivor (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-plan",
                                 unlocked && showing_survivor (self));
}

void
pw_window_set_survivor_mode (PwWindow *self,
                             gboolean  survivor_mode)
{
  g_return_if_fail (PW_IS_WINDOW (self));

  survivor_mode = !!survivor_mode && showing_survivor (self);
  if (self->survivor_mode == survivor_mode)
    return;
  /* Her own view takes the place of the whole workspace: no case list, no
   * tab or menu of the case file is left on screen behind her map. */
  if (survivor_mode)
    {
      g_autoptr(GError) error = NULL;

      if (!pw_survivor_facing_view_show_survivor (self->her_view,
                                                  pw_survivor_view_get_survivor_id (self->survivor_view),
                                                  &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }
      gtk_stack_set_visible_child_name (self->main_stack, "her-view");
    }
  else
    {
      pw_survivor_facing_view_clear (self->her_view);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "her-view") == 0)
        gtk_stack_set_visible_child_name (self->main_stack, "workspace");
    }
  self->survivor_mode = survivor_mode;
  /* Her view has no case list beside it: nobody else's code on screen. */
  gtk_widget_set_visible (self->sidebar_box, !survivor_mode);
  gtk_widget_set_visible (self->sidebar_separator, !survivor_mode);
  if (survivor_mode)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVIVOR_MODE]);
}

gboolean
pw_window_get_survivor_mode (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), FALSE);
  return self->survivor_mode;
}

static void
show_overview (PwWindow *self)
{
  pw_window_set_survivor_mode (self, FALSE);
  pw_survivor_view_set_survivor_id (self->survivor_view, 0, NULL);
  pw_caseload_view_unselect (self->caseload_view);
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  update_workspace_actions (self);
}

static void
show_survivor (PwWindow *self,
               gint64    survivor_id)
{
  g_autoptr(GError) error = NULL;

  if (!pw_survivor_view_set_survivor_id (self->survivor_view, survivor_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      show_overview (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "survivor");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  update_workspace_actions (self);
}

static void
on_survivor_activated (PwWindow *self,
                       gint64    survivor_id)
{
  show_survivor (self, survivor_id);
}

static void
on_survivor_gone (PwWindow *self)
{
  show_overview (self);
}

static void
on_survivor_saved (PwWindow *self,
                   gint64    survivor_id)
{
  pw_caseload_view_select (self->caseload_view, survivor_id);
  show_survivor (self, survivor_id);
}

static void
new_survivor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);
  PwSurvivorEditor *editor;

  pw_window_set_survivor_mode (self, FALSE);
  editor = pw_survivor_editor_new (GTK_WINDOW (self), self->session, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_survivor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  /* On her plan, Ctrl+F searches her plan; anywhere else, the case list. */
  if (showing_survivor (self) &&
      (self->survivor_mode || !adw_leaflet_get_folded (self->leaflet) ||
       adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->content_stack)) &&
      pw_survivor_view_search (self->survivor_view))
    return;
  if (self->survivor_mode)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  pw_caseload_view_focus_search (self->caseload_view);
}

static void
show_caseload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  pw_window_set_survivor_mode (self, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  show_overview (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
services_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (pw_services_window_new (widget, self->session)));
}

static void
filter_caseload_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  pw_caseload_view_apply_filter (self->caseload_view, g_variant_get_string (parameter, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
show_plan_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  if (showing_survivor (self))
    pw_survivor_view_show_plan_item (self->survivor_view, g_variant_get_int64 (parameter));
}

static gboolean
leave_survivor_mode (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  PwWindow *self = PW_WINDOW (widget);

  if (!self->survivor_mode)
    return FALSE;
  pw_window_set_survivor_mode (self, FALSE);
  return TRUE;
}

static void
update_page (PwWindow *self)
{
  PwSessionState state = self->session ? pw_session_get_state (self->session) : PW_SESSION_NEEDS_SETUP;
  const char *page;

  if (state != PW_SESSION_UNLOCKED)
    self->showing_recovery_key = FALSE;

  switch (state)
    {
    case PW_SESSION_NEEDS_SETUP:
      page = "setup";
      break;
    case PW_SESSION_LOCKED:
      page = "lock";
      break;
    case PW_SESSION_UNLOCKED:
    default:
      page = self->showing_recovery_key ? "recovery" : "workspace";
      break;
    }
  /* Her own view stays until it is left. */
  if (g_str_equal (page, "workspace") && self->survivor_mode)
    page = "her-view";

  if (state != PW_SESSION_UNLOCKED)
    {
      /* Nothing typed or shown before locking may survive it. */
      pw_recovery_key_page_clear (self->recovery_page);
      pw_setup_page_reset (self->setup_page);
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "lock"))
        pw_lock_page_reset (self->lock_page);
    }

  if (state != PW_SESSION_UNLOCKED)
    {
      pw_window_set_survivor_mode (self, FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
    }

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock",
                                 state == PW_SESSION_UNLOCKED);
  update_workspace_actions (self);
}

static void
on_her_view_leave (PwWindow *self)
{
  pw_window_set_survivor_mode (self, FALSE);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  pw_presentation_start (GTK_WINDOW (self), self->session);
}

static void
print_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  if (showing_survivor (self))
    pw_plan_printer_run_dialog (GTK_WINDOW (self), self->session,
                                pw_survivor_view_get_survivor_id (self->survivor_view));
}

static void
on_session_state_changed (PwWindow *self)
{
  update_page (self);
}

static void
on_create_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_key = NULL;

  recovery_key = pw_vault_create_finish (PW_VAULT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (recovery_key == NULL)
    {
      pw_setup_page_report_error (self->setup_page, error->message);
      return;
    }

  self->showing_recovery_key = TRUE;
  pw_recovery_key_page_set_key (self->recovery_page, recovery_key);
  memset (recovery_key, 0, strlen (recovery_key));
  pw_setup_page_reset (self->setup_page);
  update_page (self);
}

static void
on_setup_create (PwWindow   *self,
                 const char *label,
                 const char *passphrase)
{
  pw_setup_page_set_busy (self->setup_page, TRUE);
  pw_vault_create_async (pw_session_get_vault (self->session),
                         label, passphrase,
                         pw_session_get_kdf_cost (self->session),
                         self->cancellable,
                         on_create_finished,
                         g_object_ref (self));
}

static void
on_recovery_done (PwWindow *self)
{
  self->showing_recovery_key = FALSE;
  update_page (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The vault is ready.")));
}

static void
unlock_finished (PwWindow *self,
                 gboolean  ok,
                 GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    {
      pw_lock_page_report_failure (self->lock_page, error->message);
      return;
    }

  pw_lock_page_reset (self->lock_page);
  update_page (self);
}

static void
on_passphrase_unlock_finished (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pw_vault_unlock_finish (PW_VAULT (source), result, &error);

  unlock_finished (self, ok, error);
}

static void
on_recovery_unlock_finished (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pw_vault_unlock_with_recovery_key_finish (PW_VAULT (source), result, &error);

  unlock_finished (self, ok, error);
}

static void
on_lock_page_unlock (PwWindow   *self,
                     const char *secret,
                     gboolean    recovery)
{
  PwVault *vault = pw_session_get_vault (self->session);

  pw_lock_page_set_busy (self->lock_page, TRUE);
  if (recovery)
    pw_vault_unlock_with_recovery_key_async (vault, secret, self->cancellable,
                                             on_recovery_unlock_finished, g_object_ref (self));
  else
    pw_vault_unlock_async (vault, secret, self->cancellable,
                           on_passphrase_unlock_finished, g_object_ref (self));
}

static void
pw_window_save_size (PwWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
pw_window_close_request (GtkWindow *window)
{
  pw_window_save_size (PW_WINDOW (window));

  return GTK_WINDOW_CLASS (pw_window_parent_class)->close_request (window);
}

static gboolean
on_any_event (PwWindow *self)
{
  if (self->session != NULL)
    pw_session_touch (self->session);
  return GDK_EVENT_PROPAGATE;
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  pw_session_lock (self->session);
}

static void
pw_window_constructed (GObject *object)
{
  PwWindow *self = PW_WINDOW (object);

  G_OBJECT_CLASS (pw_window_parent_class)->constructed (object);
  pw_window_exchange_init (self);

  /* Only the .ui instantiation test builds one without a session. */
  if (self->session == NULL)
    {
      update_workspace_actions (self);
      return;
    }

  pw_read_only_banner_set_vault (self->read_only_banner, pw_session_get_vault (self->session));
  pw_caseload_view_set_session (self->caseload_view, self->session);
  pw_overview_page_set_session (self->overview_page, self->session);
  pw_survivor_view_set_session (self->survivor_view, self->session);
  pw_survivor_facing_view_set_session (self->her_view, self->session);

  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
  update_page (self);
}

static void
pw_window_dispose (GObject *object)
{
  PwWindow *self = PW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_window_parent_class)->dispose (object);
}

static void
pw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SURVIVOR_MODE:
      g_value_set_boolean (value, self->survivor_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SURVIVOR_MODE:
      pw_window_set_survivor_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_class_init (PwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pw_window_constructed;
  object_class->dispose = pw_window_dispose;
  object_class->get_property = pw_window_get_property;
  object_class->set_property = pw_window_set_property;
  window_class->close_request = pw_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SURVIVOR_MODE] =
    g_param_spec_boolean ("survivor-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  pw_window_exchange_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-survivor", NULL, new_survivor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-survivor", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-caseload", NULL, show_caseload_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.services", NULL, services_action);
  gtk_widget_class_install_action (widget_class, "win.filter-caseload", "s", filter_caseload_action);
  gtk_widget_class_install_action (widget_class, "win.show-plan-item", "x", show_plan_item_action);
  gtk_widget_class_install_property_action (widget_class, "win.survivor-view", "survivor-mode");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_survivor_mode, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.survivor-view", NULL);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.print-plan", NULL, print_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-plan", NULL);

  g_type_ensure (PW_TYPE_READ_ONLY_BANNER);
  g_type_ensure (PW_TYPE_CASELOAD_VIEW);
  g_type_ensure (PW_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PW_TYPE_SURVIVOR_VIEW);
  g_type_ensure (PW_TYPE_SURVIVOR_FACING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, recovery_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, caseload_view);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, survivor_view);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, her_view);
  gtk_widget_class_bind_template_callback (widget_class, on_survivor_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_survivor_gone);
  gtk_widget_class_bind_template_callback (widget_class, on_her_view_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_create);
  gtk_widget_class_bind_template_callback (widget_class, on_lock_page_unlock);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_done);
}

static void
pw_window_init (PwWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Any input counts as activity for the idle lock. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (on_any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}
