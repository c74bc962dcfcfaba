/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"
#include "pw-plan-item-editor.h"

struct _PwPlanItemEditor
{
  AdwWindow        parent_instance;

  PwSession       *session;
  PwSurvivor      *survivor;
  PwPlanItem      *item;          /* NULL: a new goal */
  PwTemplate      *template;
  char            *step_id;
  guint            n_items;

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkTextView     *words_view;
  AdwActionRow    *step_row;
  GtkMenuButton   *step_button;
  AdwEntryRow     *title_row;
  GtkSpinButton   *priority_spin;
  AdwEntryRow     *responsible_row;
  AdwActionRow    *due_row;
  PwDateButton    *due_button;
  AdwComboRow     *status_row;
  GtkTextView     *notes_view;
  AdwPreferencesGroup *history_group;
  GtkWidget       *delete_button;
  GtkSearchEntry  *step_search;
  GtkCustomFilter *step_filter;
};

G_DEFINE_FINAL_TYPE (PwPlanItemEditor, pw_plan_item_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PwStore *
get_store (PwPlanItemEditor *self)
{
  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    return NULL;
  return pw_session_get_store (self->session);
}

static void
show_error (PwPlanItemEditor *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ?: "", -1);
}

/* ------------------------------------------------------------------------ */
/* The step                                                                 */

static char *
step_context (PwPlanItemEditor *self,
              PwStep           *step)
{
  PwStage *stage = pw_template_lookup_stage (self->template, pw_step_get_stage_id (step));
  PwDomain *domain = pw_template_lookup_domain (self->template, pw_step_get_domain_id (step));

  return g_strdup_printf ("%s · %s", stage != NULL ? pw_stage_get_name (stage, NULL) : "",
                          domain != NULL ? pw_domain_get_name (domain, NULL) : "");
}

static void
update_step (PwPlanItemEditor *self)
{
  PwStep *step = NULL;

  if (self->template != NULL && self->step_id != NULL)
    step = pw_template_lookup_step (self->template, self->step_id);

  if (step != NULL)
    {
      g_autofree char *context = step_context (self, step);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", pw_step_get_title (step, NULL), context);

      adw_action_row_set_subtitle (self->step_row, subtitle);
      gtk_menu_button_set_label (self->step_button, _("Change…"));
    }
  else
    {
      adw_action_row_set_subtitle (self->step_row, _("Not linked to a step of the pathway"));
      gtk_menu_button_set_label (self->step_button, _("Choose…"));
    }
}

static void
choose_step (PwPlanItemEditor *self,
             const char       *step_id)
{
  PwStep *step = step_id != NULL && self->template != NULL ? pw_template_lookup_step (self->template, step_id) : NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  g_free (self->step_id);
  self->step_id = step != NULL ? g_strdup (step_id) : NULL;
  /* The step's name is a fair first title for the team. */
  if (step != NULL && (title == NULL || *title == '\0'))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), pw_step_get_title (step, NULL));
  update_step (self);
}

static gboolean
step_filter_func (gpointer item,
                  gpointer user_data)
{
  PwPlanItemEditor *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->step_search));
  PwStep *step = pw_template_lookup_step (self->template, gtk_string_object_get_string (item));
  g_autofree char *context = NULL;
  g_autofree char *haystack = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  if (step == NULL)
    return FALSE;
  context = step_context (self, step);
  haystack = g_strdup_printf ("%s %s", pw_step_get_title (step, NULL), context);
  return g_str_match_string (query, haystack, TRUE);
}

static void
setup_step_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (context, "caption");
  gtk_widget_add_css_class (context, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), context);
  gtk_list_item_set_child (item, box);
}

static void
bind_step_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PwPlanItemEditor         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  PwStep *step = pw_template_lookup_step (self->template,
                                          gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_autofree char *context = step != NULL ? step_context (self, step) : NULL;

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), step ? pw_step_get_title (step, NULL) : "");
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), context ?: "");
}

static void
on_step_activate (GtkListView      *list_view,
                  guint             position,
                  PwPlanItemEditor *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  if (item == NULL)
    return;
  gtk_menu_button_popdown (self->step_button);
  choose_step (self, gtk_string_object_get_string (item));
}

static void
on_step_search_changed (PwPlanItemEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->step_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_no_step_clicked (PwPlanItemEditor *self)
{
  gtk_menu_button_popdown (self->step_button);
  choose_step (self, NULL);
}

static void
build_step_popover (PwPlanItemEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkStringList *ids = gtk_string_list_new (NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_Not Linked to a Step"));
  GtkFilterListModel *filtered;
  GtkWidget *list_view;
  GListModel *stages = pw_template_get_stages (self->template);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, s);
      GListModel *steps = pw_stage_get_steps (stage);

      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, i);

          gtk_string_list_append (ids, pw_step_get_id (step));
        }
    }

  self->step_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->step_search, "placeholder-text", _("Search the steps of the pathway"), NULL);
  g_signal_connect_swapped (self->step_search, "search-changed", G_CALLBACK (on_step_search_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_search));

  self->step_filter = gtk_custom_filter_new (step_filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (ids), GTK_FILTER (self->step_filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_step_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_step_item), self);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))),
                                 g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  g_signal_connect (list_view, "activate", G_CALLBACK (on_step_activate), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 300, 340);
  gtk_box_append (GTK_BOX (box), scrolled);

  g_signal_connect_swapped (none, "clicked", G_CALLBACK (on_no_step_clicked), self);
  gtk_box_append (GTK_BOX (box), none);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->step_button, popover);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

static gboolean
move_to_rank (PwPlanItemEditor  *self,
              PwStore           *store,
              gint64             id,
              guint              rank,
              GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 survivor_id = pw_survivor_get_id (self->survivor);
  guint current = 0;

  items = pw_store_load_plan_items (store, survivor_id, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      gint64 other = pw_plan_item_get_id (g_ptr_array_index (items, i));

      if (other == id)
        current = i + 1;
      else
        g_array_append_val (ids, other);
    }
  if (current == rank || current == 0)
    return TRUE;
  g_array_insert_val (ids, MIN (rank - 1, ids->len), id);
  return pw_store_reorder_plan_items (store, survivor_id, (const gint64 *) ids->data, ids->len, error);
}

static void
fill_item (PwPlanItemEditor *self,
           PwPlanItem       *item)
{
  g_autofree char *words = buffer_text (self->words_view);
  g_autofree char *notes = buffer_text (self->notes_view);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *responsible = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->responsible_row))));
  PwStep *step = self->step_id != NULL && self->template != NULL ? pw_template_lookup_step (self->template, self->step_id) : NULL;

  pw_plan_item_set_her_words (item, words);
  pw_plan_item_set_title (item, title);
  pw_plan_item_set_notes (item, *notes ? notes : NULL);
  pw_plan_item_set_responsible (item, *responsible ? responsible : NULL);
  pw_plan_item_set_due_date (item, pw_date_button_get_date (self->due_button));
  pw_plan_item_set_status (item, adw_combo_row_get_selected (self->status_row));
  pw_plan_item_set_step_id (item, self->step_id);
  if (step != NULL)
    {
      pw_plan_item_set_stage_id (item, pw_step_get_stage_id (step));
      pw_plan_item_set_domain (item, pw_step_get_domain_id (step));
    }
  else if (self->step_id == NULL && self->item != NULL && pw_plan_item_get_step_id (self->item) != NULL)
    {
      /* Unlinked from its step: it leaves that step's stage and area too. */
      pw_plan_item_set_stage_id (item, NULL);
      pw_plan_item_set_domain (item, NULL);
    }
}

/* Messages after closing go to the main window. */
static GtkWidget *
toast_target (PwPlanItemEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return GTK_WIDGET (parent != NULL ? parent : GTK_WINDOW (self));
}

gboolean
pw_plan_item_editor_save (PwPlanItemEditor *self)
{
  g_autoptr(PwPlanItem) item = NULL;
  g_autoptr(GError) error = NULL;
  PwStore *store = get_store (self);
  PwPlanItemStatus previous;
  guint rank;
  gint64 id;

  g_return_val_if_fail (PW_IS_PLAN_ITEM_EDITOR (self), FALSE);

  if (store == NULL)
    {
      show_error (self, _("The vault is locked. Unlock it and try again."));
      return FALSE;
    }

  item = self->item != NULL ? pw_plan_item_copy (self->item) : pw_plan_item_new ();
  previous = self->item != NULL ? pw_plan_item_get_status (self->item) : PW_PLAN_ITEM_STATUS_PROPOSED;
  fill_item (self, item);
  if (*pw_plan_item_get_her_words (item) == '\0' && *pw_plan_item_get_title (item) == '\0')
    {
      show_error (self, _("Write the goal in her words, or give it a title for the team."));
      gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
      return FALSE;
    }

  rank = gtk_spin_button_get_value_as_int (self->priority_spin);
  if (self->item == NULL)
    {
      pw_plan_item_set_survivor_id (item, pw_survivor_get_id (self->survivor));
      id = pw_store_add_plan_item (store, item, &error);
    }
  else
    {
      id = pw_plan_item_get_id (item);
      if (!pw_store_update_plan_item (store, item, &error))
        id = 0;
    }
  if (id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  /* Saved: what follows is extra, and reported without undoing it. */
  if (!move_to_rank (self, store, id, rank, &error))
    pw_casework_toast (toast_target (self), error->message);
  g_clear_error (&error);
  if (pw_plan_item_get_status (item) == PW_PLAN_ITEM_STATUS_ACHIEVED &&
      previous != PW_PLAN_ITEM_STATUS_ACHIEVED &&
      !pw_casework_celebrate (toast_target (self), store, id, previous, &error))
    pw_casework_toast (toast_target (self), error->message);

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PwPlanItemEditor *self)
{
  pw_plan_item_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pw_plan_item_editor_save (PW_PLAN_ITEM_EDITOR (widget));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PwPlanItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = get_store (self);
  GtkWindow *parent;

  if (!g_str_equal (response, "delete") || store == NULL || self->item == NULL)
    return;
  if (!pw_store_delete_plan_item (store, pw_plan_item_get_id (self->item), &error))
    {
      show_error (self, error->message);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    pw_casework_toast (GTK_WIDGET (parent), _("The goal was deleted."));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (PwPlanItemEditor *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Goal?"),
                                                       _("The goal and its history will be deleted from her plan. This cannot be undone.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static void
load_history (PwPlanItemEditor *self,
              PwStore          *store)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  history = pw_store_list_plan_item_history (store, pw_plan_item_get_id (self->item), &error);
  if (history == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Newest first: what happened last is what she will ask about. */
  for (guint i = history->len; i > 0; i--)
    {
      PwStatusChange *change = g_ptr_array_index (history, i - 1);
      g_autofree char *date = pw_casework_format_date (pw_status_change_get_changed_on (change));
      GtkWidget *row = adw_action_row_new ();
      PwPlanItemStatus status = pw_status_change_get_status (change);
      GtkWidget *icon = gtk_image_new_from_icon_name (pw_casework_plan_status_icon (status));
      g_autofree char *css = g_strdup_printf ("pw-status-%s", pw_enum_to_nick (PW_TYPE_PLAN_ITEM_STATUS, status));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pw_casework_plan_status_label (pw_status_change_get_status (change)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_widget_add_css_class (icon, "pw-status-icon");
      gtk_widget_add_css_class (icon, css);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->history_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), history->len > 0);
}

static void
on_session_state_changed (PwPlanItemEditor *self)
{
  /* Her plan must not stay on screen once the vault locks. */
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_plan_item_editor_dispose (GObject *object)
{
  PwPlanItemEditor *self = PW_PLAN_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PLAN_ITEM_EDITOR);
  g_clear_object (&self->item);
  g_clear_object (&self->survivor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_plan_item_editor_parent_class)->dispose (object);
}

static void
pw_plan_item_editor_finalize (GObject *object)
{
  PwPlanItemEditor *self = PW_PLAN_ITEM_EDITOR (object);

  g_free (self->step_id);

  G_OBJECT_CLASS (pw_plan_item_editor_parent_class)->finalize (object);
}

static void
pw_plan_item_editor_class_init (PwPlanItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_plan_item_editor_dispose;
  object_class->finalize = pw_plan_item_editor_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-plan-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, words_view);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, step_row);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, step_button);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, priority_spin);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, PwPlanItemEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
pw_plan_item_editor_init (PwPlanItemEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int s = PW_PLAN_ITEM_STATUS_PROPOSED; s <= PW_PLAN_ITEM_STATUS_DROPPED; s++)
    gtk_string_list_append (statuses, pw_casework_plan_status_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  self->due_button = PW_DATE_BUTTON (pw_date_button_new ());
  adw_action_row_add_suffix (self->due_row, GTK_WIDGET (self->due_button));
}

PwPlanItemEditor *
pw_plan_item_editor_new (GtkWindow  *parent,
                         PwSession  *session,
                         PwSurvivor *survivor,
                         PwPlanItem *item,
                         const char *step_id)
{
  PwPlanItemEditor *self;
  g_autoptr(GPtrArray) items = NULL;
  PwStore *store;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);
  g_return_val_if_fail (PW_IS_SURVIVOR (survivor), NULL);

  self = g_object_new (PW_TYPE_PLAN_ITEM_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->survivor = g_object_ref (survivor);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->template = pw_casework_get_template (session, pw_survivor_get_template_id (survivor));
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state_changed),
                           self, G_CONNECT_SWAPPED);

  store = get_store (self);
  if (store != NULL)
    items = pw_store_load_plan_items (store, pw_survivor_get_id (survivor), NULL);
  self->n_items = items != NULL ? items->len : 0;

  adw_window_title_set_title (self->window_title, item != NULL ? _("Edit Goal") : _("New Goal"));
  adw_window_title_set_subtitle (self->window_title, pw_survivor_get_case_code (survivor));
  gtk_button_set_label (GTK_BUTTON (self->save_button), item != NULL ? _("_Save") : _("_Add"));
  if (self->template != NULL)
    build_step_popover (self);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->step_button), FALSE);

  gtk_spin_button_set_range (self->priority_spin, 1, MAX (1, self->n_items + (item == NULL ? 1 : 0)));
  if (item != NULL)
    {
      set_buffer_text (self->words_view, pw_plan_item_get_her_words (item));
      set_buffer_text (self->notes_view, pw_plan_item_get_notes (item));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), pw_plan_item_get_title (item) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->responsible_row), pw_plan_item_get_responsible (item) ?: "");
      pw_date_button_set_date (self->due_button, pw_plan_item_get_due_date (item));
      adw_combo_row_set_selected (self->status_row, pw_plan_item_get_status (item));
      self->step_id = g_strdup (pw_plan_item_get_step_id (item));
      for (guint i = 0; items != NULL && i < items->len; i++)
        if (pw_plan_item_get_id (g_ptr_array_index (items, i)) == pw_plan_item_get_id (item))
          gtk_spin_button_set_value (self->priority_spin, i + 1);
      gtk_widget_set_visible (self->delete_button, TRUE);
      if (store != NULL)
        load_history (self, store);
    }
  else
    {
      gtk_spin_button_set_value (self->priority_spin, self->n_items + 1);
      adw_combo_row_set_selected (self->status_row, PW_PLAN_ITEM_STATUS_AGREED);
      if (step_id != NULL)
        choose_step (self, step_id);
    }
  update_step (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->words_view));

  return self;
}
