/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-iso-codes.h"
#include "pw-notes-page.h"
#include "pw-pathway-map.h"
#include "pw-plan-page.h"
#include "pw-progress-page.h"
#include "pw-safety-page.h"
#include "pw-survivor-editor.h"
#include "pw-survivor-view.h"

struct _PwSurvivorView
{
  GtkWidget          parent_instance;

  PwSession         *session;
  PwStore           *store;
  PwSurvivor        *survivor;       /* live: the store keeps it current */
  gulong             changed_id;
  gboolean           folded;

  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkWidget         *survivor_view_button;
  GtkWidget         *survivor_view_icon_button;
  AdwButtonContent  *survivor_view_content;
  AdwSqueezer       *switcher_squeezer;
  GtkWidget         *switcher_placeholder;
  AdwViewSwitcherBar *switcher_bar;
  GtkRevealer       *status_revealer;
  GtkLabel          *status_label;
  GtkButton         *status_button;
  AdwViewStack      *view_stack;
  GtkScrolledWindow *map_scroller;
  PwPlanPage        *plan_page;
  PwPathwayMap      *map;
  /* Safety & consent, progress, notes. */
  AdwViewStackPage  *team_pages[3];
};

G_DEFINE_FINAL_TYPE (PwSurvivorView, pw_survivor_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SURVIVOR_GONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (PwSurvivorView *self)
{
  PwSurvivorStatus status = self->survivor != NULL ? pw_survivor_get_status (self->survivor)
                                                   : PW_SURVIVOR_STATUS_ACTIVE;
  gboolean have = self->survivor != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "survivor.edit", have);
  gtk_widget_action_set_enabled (widget, "survivor.pause", have && status == PW_SURVIVOR_STATUS_ACTIVE);
  gtk_widget_action_set_enabled (widget, "survivor.resume", have && status == PW_SURVIVOR_STATUS_PAUSED);
  gtk_widget_action_set_enabled (widget, "survivor.close", have && status != PW_SURVIVOR_STATUS_CLOSED);
  gtk_widget_action_set_enabled (widget, "survivor.reopen", have && status == PW_SURVIVOR_STATUS_CLOSED);
  gtk_widget_action_set_enabled (widget, "survivor.delete", have);
  gtk_widget_action_set_enabled (widget, "survivor.export", have);
}

static char *
details_text (PwSurvivorView *self)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  PwSurvivor *s = self->survivor;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *languages = pw_survivor_get_languages (s);

  if (pw_survivor_get_country (s) != NULL)
    g_ptr_array_add (parts, g_strdup (pw_iso_codes_get_name (iso, PW_ISO_COUNTRY, pw_survivor_get_country (s))));
  if (languages != NULL && languages[0] != NULL)
    g_ptr_array_add (parts, pw_iso_codes_join_names (iso, PW_ISO_LANGUAGE, languages));
  if (pw_survivor_get_key_worker (s) != NULL)
    /* Translators: under her case code; %s is a person's name or initials */
    g_ptr_array_add (parts, g_strdup_printf (_("key worker: %s"), pw_survivor_get_key_worker (s)));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_header (PwSurvivorView *self)
{
  PwSurvivor *s = self->survivor;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *status_text = NULL;
  const char *alias;
  PwSurvivorStatus status;

  if (s == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
      update_actions (self);
      return;
    }

  alias = pw_survivor_get_alias (s);
  if (alias != NULL)
    title = g_strdup_printf ("%s · %s", pw_survivor_get_case_code (s), alias);
  else
    title = g_strdup (pw_survivor_get_case_code (s));
  adw_window_title_set_title (self->window_title, title);
  details = details_text (self);
  adw_window_title_set_subtitle (self->window_title, details ?: "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), details);

  status = pw_survivor_get_status (s);
  if (status == PW_SURVIVOR_STATUS_PAUSED)
    {
      status_text = g_strdup (_("This case is paused."));
      gtk_button_set_label (self->status_button, _("_Resume Case"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), "survivor.resume");
    }
  else if (status == PW_SURVIVOR_STATUS_CLOSED)
    {
      PwCloseReason reason = pw_survivor_get_close_reason (s);

      if (reason != PW_CLOSE_REASON_NONE)
        /* Translators: %s is the reason, e.g. "Integrated" */
        status_text = g_strdup_printf (_("This case is closed. Reason: %s."), pw_casework_close_reason_label (reason));
      else
        status_text = g_strdup (_("This case is closed."));
      gtk_button_set_label (self->status_button, _("Re_open Case"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), "survivor.reopen");
    }
  if (status_text != NULL)
    gtk_label_set_label (self->status_label, status_text);
  gtk_revealer_set_reveal_child (self->status_revealer, status_text != NULL);
  update_actions (self);
}

static void
update_folded (PwSurvivorView *self)
{
  gtk_widget_set_visible (self->back_button, self->folded);
  /* Narrow: the title needs the room more than the button's label. */
  gtk_widget_set_visible (self->survivor_view_button, !self->folded);
  gtk_widget_set_visible (self->survivor_view_icon_button, self->folded);
}

static void
on_squeezer_changed (PwSurvivorView *self)
{
  /* Too narrow for the tabs at the top: they go to the bottom. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (self->switcher_squeezer) == self->switcher_placeholder);
}

static void
clear_survivor (PwSurvivorView *self)
{
  if (self->survivor != NULL)
    g_signal_handlers_disconnect_by_func (self->survivor, update_header, self);
  g_clear_object (&self->survivor);
  pw_plan_page_set_survivor (self->plan_page, NULL);
  if (self->map != NULL)
    pw_pathway_map_set_survivor_id (self->map, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->team_pages); i++)
    if (self->team_pages[i] != NULL)
      g_object_set (adw_view_stack_page_get_child (self->team_pages[i]), "survivor-id", (gint64) 0, NULL);
  update_header (self);
}

gboolean
pw_survivor_view_set_survivor_id (PwSurvivorView  *self,
                                  gint64           survivor_id,
                                  GError         **error)
{
  g_autoptr(PwSurvivor) survivor = NULL;

  g_return_val_if_fail (PW_IS_SURVIVOR_VIEW (self), FALSE);

  if (survivor_id > 0 && self->survivor != NULL && pw_survivor_get_id (self->survivor) == survivor_id)
    return TRUE;
  clear_survivor (self);
  if (survivor_id <= 0)
    return TRUE;
  if (self->store == NULL)
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CLOSED,
                           _("The vault is locked. Unlock it and try again."));
      return FALSE;
    }

  survivor = pw_store_get_survivor (self->store, survivor_id, error);
  if (survivor == NULL)
    return FALSE;
  self->survivor = g_steal_pointer (&survivor);
  g_signal_connect_swapped (self->survivor, "notify", G_CALLBACK (update_header), self);

  pw_plan_page_set_survivor (self->plan_page, self->survivor);
  if (self->map != NULL)
    {
      pw_pathway_map_set_template (self->map,
                                   pw_casework_get_template (self->session, pw_survivor_get_template_id (self->survivor)));
      pw_pathway_map_set_survivor_id (self->map, survivor_id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->team_pages); i++)
    if (self->team_pages[i] != NULL)
      g_object_set (adw_view_stack_page_get_child (self->team_pages[i]), "survivor-id", survivor_id, NULL);
  update_header (self);
  return TRUE;
}

gint64
pw_survivor_view_get_survivor_id (PwSurvivorView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_VIEW (self), 0);

  return self->survivor != NULL ? pw_survivor_get_id (self->survivor) : 0;
}

gboolean
pw_survivor_view_show_plan_item (PwSurvivorView *self,
                                 gint64          item_id)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_VIEW (self), FALSE);

  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  return pw_plan_page_show_item (self->plan_page, item_id);
}

gboolean
pw_survivor_view_search (PwSurvivorView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_VIEW (self), FALSE);

  if (self->survivor == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plan") != 0)
    return FALSE;
  pw_plan_page_start_search (self->plan_page);
  return TRUE;
}

void
pw_survivor_view_show_page (PwSurvivorView *self,
                            const char     *name)
{
  g_return_if_fail (PW_IS_SURVIVOR_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
pw_survivor_view_get_page (PwSurvivorView *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* ------------------------------------------------------------------------ */
/* Case actions                                                             */

static GtkWindow *
parent_window (PwSurvivorView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_status (PwSurvivorView   *self,
            PwSurvivorStatus  status,
            PwCloseReason     reason,
            const char       *done)
{
  g_autoptr(GError) error = NULL;

  if (self->survivor == NULL || self->store == NULL)
    return;
  if (!pw_store_set_survivor_status (self->store, pw_survivor_get_id (self->survivor), status, reason, &error))
    pw_casework_toast (GTK_WIDGET (self), error->message);
  else
    pw_casework_toast (GTK_WIDGET (self), done);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (widget);
  PwSurvivorEditor *editor;

  if (self->survivor == NULL)
    return;
  editor = pw_survivor_editor_new (parent_window (self), self->session, self->survivor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The window's action (src/pw-window-exchange.c) asks for her consent. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (widget);

  if (self->survivor != NULL)
    gtk_widget_activate_action (widget, "win.export-survivor", "x", pw_survivor_get_id (self->survivor));
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_status (PW_SURVIVOR_VIEW (widget), PW_SURVIVOR_STATUS_PAUSED, PW_CLOSE_REASON_NONE,
              _("The case is paused."));
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (PW_SURVIVOR_VIEW (widget), PW_SURVIVOR_STATUS_ACTIVE, PW_CLOSE_REASON_NONE,
              _("The case is active again."));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (PW_SURVIVOR_VIEW (widget), PW_SURVIVOR_STATUS_ACTIVE, PW_CLOSE_REASON_NONE,
              _("The case is open again."));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PwSurvivorView   *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  PwCloseReason reason = PW_CLOSE_REASON_OTHER;

  if (!g_str_equal (response, "close"))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      reason = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "pw-reason"));
  set_status (self, PW_SURVIVOR_STATUS_CLOSED, reason, _("The case is closed."));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = NULL;

  if (self->survivor == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Close This Case?"),
                                                       _("Her record and plan stay in the vault and the case can be reopened. Why is it closing?")));
  for (PwCloseReason r = PW_CLOSE_REASON_INTEGRATED; r <= PW_CLOSE_REASON_OTHER; r++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (pw_casework_close_reason_label (r));

      g_object_set_data (G_OBJECT (check), "pw-reason", GINT_TO_POINTER (r));
      if (first == NULL)
        {
          first = check;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
        }
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
      gtk_box_append (GTK_BOX (box), check);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("C_lose Case"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  const char *code = g_object_get_data (G_OBJECT (dialog), "pw-code");
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "delete", g_strcmp0 (typed, code) == 0);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PwSurvivorView   *self)
{
  const char *code = g_object_get_data (G_OBJECT (dialog), "pw-code");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "delete") || self->survivor == NULL || self->store == NULL ||
      g_strcmp0 (typed, code) != 0 || g_strcmp0 (code, pw_survivor_get_case_code (self->survivor)) != 0)
    return;

  id = pw_survivor_get_id (self->survivor);
  if (!pw_store_delete_survivor (self->store, id, &error))
    {
      pw_casework_toast (GTK_WIDGET (self), error->message);
      return;
    }
  pw_casework_toast (GTK_WIDGET (self), _("The record was deleted."));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *code;
  g_autofree char *body = NULL;

  if (self->survivor == NULL)
    return;
  code = pw_survivor_get_case_code (self->survivor);
  body = g_strdup_printf (_("Her record, her plan and everything else about her will be deleted from this vault. "
                            "This cannot be undone; the audit log keeps only the fact that a record was deleted.\n\n"
                            "To confirm, type the case code %s."), code);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Delete This Record?"), body));
  g_object_set_data_full (G_OBJECT (dialog), "pw-code", g_strdup (code), g_free);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Case code"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_delete_entry_changed), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "delete", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------------------ */

static void
on_store_changed (PwSurvivorView *self,
                  PwRecordKind    kind,
                  gint64          id,
                  gint64          survivor_id,
                  PwAuditAction   action)
{
  if (kind == PW_RECORD_KIND_SURVIVOR && action == PW_AUDIT_ACTION_DELETE &&
      self->survivor != NULL && pw_survivor_get_id (self->survivor) == id)
    {
      clear_survivor (self);
      g_signal_emit (self, signals[SURVIVOR_GONE], 0);
    }
}

static void
on_map_error (PwSurvivorView *self,
              const char     *message)
{
  pw_casework_toast (GTK_WIDGET (self), message);
}

static void
on_session_state_changed (PwSurvivorView *self)
{
  PwStore *store = NULL;
  gboolean had = self->survivor != NULL;

  clear_survivor (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (pw_session_get_state (self->session) == PW_SESSION_UNLOCKED)
    store = pw_session_get_store (self->session);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
    }
  if (had)
    g_signal_emit (self, signals[SURVIVOR_GONE], 0);
}

void
pw_survivor_view_set_session (PwSurvivorView *self,
                              PwSession      *session)
{
  g_return_if_fail (PW_IS_SURVIVOR_VIEW (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  pw_plan_page_set_session (self->plan_page, session);

  self->map = PW_PATHWAY_MAP (pw_pathway_map_new (session));
  g_signal_connect_object (self->map, "error", G_CALLBACK (on_map_error), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->map));

  self->team_pages[0] = adw_view_stack_add_titled (self->view_stack, pw_safety_page_new (session),
                                                   "safety", C_("survivor view tab", "Safety"));
  adw_view_stack_page_set_icon_name (self->team_pages[0], "security-high-symbolic");
  self->team_pages[1] = adw_view_stack_add_titled (self->view_stack, pw_progress_page_new (session),
                                                   "progress", _("Progress"));
  adw_view_stack_page_set_icon_name (self->team_pages[1], "x-office-presentation-symbolic");
  self->team_pages[2] = adw_view_stack_add_titled (self->view_stack, pw_notes_page_new (session),
                                                   "notes", _("Notes"));
  adw_view_stack_page_set_icon_name (self->team_pages[2], "document-edit-symbolic");

  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
  on_session_state_changed (self);
}

static void
pw_survivor_view_dispose (GObject *object)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (object);
  GtkWidget *child;

  if (self->survivor != NULL)
    g_signal_handlers_disconnect_by_func (self->survivor, update_header, self);
  g_clear_object (&self->survivor);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SURVIVOR_VIEW);
  /* Children without an id are not the template's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_survivor_view_parent_class)->dispose (object);
}

static void
pw_survivor_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_survivor_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwSurvivorView *self = PW_SURVIVOR_VIEW (object);
  gboolean b = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded == b)
        return;
      self->folded = b;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  update_folded (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
pw_survivor_view_class_init (PwSurvivorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_survivor_view_dispose;
  object_class->get_property = pw_survivor_view_get_property;
  object_class->set_property = pw_survivor_view_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SURVIVOR_GONE] =
    g_signal_new ("survivor-gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "survivor.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "survivor.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "survivor.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "survivor.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "survivor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "survivor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "survivor.export", NULL, export_action);

  g_type_ensure (PW_TYPE_PLAN_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-survivor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, survivor_view_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, survivor_view_icon_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, survivor_view_content);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, switcher_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, status_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorView, plan_page);
  gtk_widget_class_bind_template_callback (widget_class, on_squeezer_changed);
}

static void
pw_survivor_view_init (PwSurvivorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_visible (self->back_button, FALSE);
  update_actions (self);
}
