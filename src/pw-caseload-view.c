/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-caseload-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pw-caseload-view.h"
#include "pw-casework-util.h"
#include "pw-survivor-list.h"
#include "pw-survivor-row.h"

struct _PwCaseloadView
{
  GtkWidget           parent_instance;

  PwSession          *session;
  PwStore            *store;
  PwSurvivorList     *list;        /* NULL while locked */
  GtkSingleSelection *selection;
  gulong              changed_id;
  guint               count_idle;

  int                 status_filter;
  int                 attention_filter;
  char               *stage_filter;      /* "": any; PW_CASELOAD_NONE: none marked */
  char               *key_worker_filter; /* "": any; PW_CASELOAD_NONE: none given */
  int                 sort;

  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkFlowBox         *chips_box;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (PwCaseloadView, pw_caseload_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STATUS_FILTER,
  PROP_ATTENTION_FILTER,
  PROP_STAGE_FILTER,
  PROP_KEY_WORKER_FILTER,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SURVIVOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
attention_label (int attention)
{
  switch (attention)
    {
    case PW_SURVIVOR_ATTENTION_OVERDUE:
      return _("Overdue items");
    case PW_SURVIVOR_ATTENTION_DUE_SOON:
      return _("Due in the next 7 days");
    case PW_SURVIVOR_ATTENTION_REVIEW_DUE:
      return _("Risk review due");
    case PW_SURVIVOR_ATTENTION_STALE:
      return _("No plan update in 60 days");
    case PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING:
      return _("Consent expiring in 30 days");
    default:
      return NULL;
    }
}

/* The words of the search field that narrow the list, from the first
 * letter on (the full-text index has an index of one-letter prefixes). */
static char *
search_words (PwCaseloadView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", word->str);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
apply_to_list (PwCaseloadView *self)
{
  g_autofree char *words = NULL;
  const char *stage = NULL;
  const char *worker = NULL;

  if (self->list == NULL)
    return;

  if (g_strcmp0 (self->stage_filter, PW_CASELOAD_NONE) == 0)
    stage = "";
  else if (self->stage_filter != NULL && *self->stage_filter != '\0')
    stage = self->stage_filter;
  if (g_strcmp0 (self->key_worker_filter, PW_CASELOAD_NONE) == 0)
    worker = "";
  else if (self->key_worker_filter != NULL && *self->key_worker_filter != '\0')
    worker = self->key_worker_filter;

  g_object_freeze_notify (G_OBJECT (self->list));
  pw_survivor_list_set_status_filter (self->list, self->status_filter);
  pw_survivor_list_set_attention_filter (self->list, self->attention_filter);
  pw_survivor_list_set_stage_filter (self->list, stage);
  pw_survivor_list_set_key_worker_filter (self->list, worker);
  pw_survivor_list_set_sort (self->list, self->sort);
  words = search_words (self);
  pw_survivor_list_set_search_text (self->list, words);
  g_object_thaw_notify (G_OBJECT (self->list));
}

static void
on_chip_clicked (GtkButton      *button,
                 PwCaseloadView *self)
{
  const char *prop = g_object_get_data (G_OBJECT (button), "pw-property");

  if (g_str_equal (prop, "status-filter") || g_str_equal (prop, "attention-filter"))
    g_object_set (self, prop, g_str_equal (prop, "status-filter") ? -1 : 0, NULL);
  else
    g_object_set (self, prop, "", NULL);
}

static void
add_chip (PwCaseloadView *self,
          const char     *label,
          const char     *property)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (label);
  g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s”"), label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "pw-filter-chip");
  g_object_set_data (G_OBJECT (button), "pw-property", (gpointer) property);
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);
  gtk_flow_box_append (self->chips_box, button);
}

static const char *
stage_filter_name (PwCaseloadView *self)
{
  if (g_strcmp0 (self->stage_filter, PW_CASELOAD_NONE) == 0)
    return _("No stage marked yet");
  return pw_casework_stage_name (self->session, NULL, self->stage_filter, NULL) ?: self->stage_filter;
}

static void
update_chips (PwCaseloadView *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  if (self->status_filter >= 0)
    {
      add_chip (self, pw_casework_survivor_status_label (self->status_filter), "status-filter");
      any = TRUE;
    }
  if (attention_label (self->attention_filter) != NULL)
    {
      add_chip (self, attention_label (self->attention_filter), "attention-filter");
      any = TRUE;
    }
  if (self->stage_filter != NULL && *self->stage_filter != '\0')
    {
      g_autofree char *label = g_strdup_printf (_("Stage: %s"), stage_filter_name (self));

      add_chip (self, label, "stage-filter");
      any = TRUE;
    }
  if (self->key_worker_filter != NULL && *self->key_worker_filter != '\0')
    {
      g_autofree char *label = NULL;

      if (g_str_equal (self->key_worker_filter, PW_CASELOAD_NONE))
        label = g_strdup (_("No key worker"));
      else
        /* Translators: a filter of the case list; %s is a key worker's name */
        label = g_strdup_printf (_("Key worker: %s"), self->key_worker_filter);
      add_chip (self, label, "key-worker-filter");
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), any);
}

static gboolean
is_narrowed (PwCaseloadView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return self->status_filter >= 0 || self->attention_filter != PW_SURVIVOR_ATTENTION_ANY ||
         (self->stage_filter != NULL && *self->stage_filter != '\0') ||
         (self->key_worker_filter != NULL && *self->key_worker_filter != '\0') ||
         (text != NULL && *text != '\0');
}

static void
update_count (PwCaseloadView *self)
{
  PwSurvivorQuery everyone = PW_SURVIVOR_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint total = 0, shown;

  if (self->list == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (!is_narrowed (self))
    total = shown;
  else if (!pw_store_count_survivors (self->store, &everyone, &total, &error))
    g_debug ("Survivors not counted: %s", error->message);

  if (is_narrowed (self))
    /* Translators: under the search field: "12 of 340 survivors" */
    text = g_strdup_printf (ngettext ("%u of %u survivor", "%u of %u survivors", total), shown, total);
  else
    text = g_strdup_printf (ngettext ("%u survivor", "%u survivors", total), total);
  gtk_label_set_label (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
}

static gboolean
update_count_idle (gpointer data)
{
  PwCaseloadView *self = data;

  self->count_idle = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update_count (PwCaseloadView *self)
{
  if (self->count_idle == 0)
    self->count_idle = g_idle_add (update_count_idle, self);
}

static void
on_filters_changed (PwCaseloadView *self)
{
  apply_to_list (self);
  update_chips (self);
  update_count (self);
}

static void
on_search_changed (PwCaseloadView *self)
{
  g_autofree char *words = search_words (self);

  if (self->list != NULL)
    pw_survivor_list_set_search_text (self->list, words);
  update_count (self);
}

static void
on_search_activate (PwCaseloadView *self)
{
  /* Enter opens the first match, so a search is two keystrokes from her file. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_single_selection_set_selected (self->selection, 0);
    }
}

static void
on_stop_search (PwCaseloadView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_selection_changed (PwCaseloadView *self)
{
  PwSurvivor *survivor = gtk_single_selection_get_selected_item (self->selection);

  /* Losing the selection to a search leaves her file open. */
  if (survivor != NULL)
    g_signal_emit (self, signals[SURVIVOR_ACTIVATED], 0, pw_survivor_get_id (survivor));
}

static void
on_store_changed (PwCaseloadView *self,
                  PwRecordKind    kind)
{
  if (kind == PW_RECORD_KIND_SURVIVOR)
    queue_update_count (self);
}

static void
on_items_changed (PwCaseloadView *self)
{
  queue_update_count (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PwCaseloadView           *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (pw_survivor_row_new (self->session)));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PwCaseloadView           *self)
{
  pw_survivor_row_set_survivor (PW_SURVIVOR_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PwCaseloadView           *self)
{
  pw_survivor_row_set_survivor (PW_SURVIVOR_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
reset_filters (PwCaseloadView *self)
{
  self->status_filter = -1;
  self->attention_filter = PW_SURVIVOR_ATTENTION_ANY;
  g_free (self->stage_filter);
  self->stage_filter = g_strdup ("");
  g_free (self->key_worker_filter);
  self->key_worker_filter = g_strdup ("");
  for (guint i = PROP_STATUS_FILTER; i <= PROP_KEY_WORKER_FILTER; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

/* Nothing about any survivor may outlive the unlocked state. */
static void
drop_data (PwCaseloadView *self)
{
  g_clear_handle_id (&self->count_idle, g_source_remove);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed, self);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->list);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reset_filters (self);
  update_chips (self);
  gtk_label_set_label (self->count_label, "");
}

static void
on_session_state_changed (PwCaseloadView *self)
{
  PwStore *store;

  drop_data (self);
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    return;
  store = pw_session_get_store (self->session);
  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  self->list = PW_SURVIVOR_LIST (pw_store_get_survivors (store));
  apply_to_list (self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  update_count (self);
}

void
pw_caseload_view_set_session (PwCaseloadView *self,
                              PwSession      *session)
{
  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));
  g_return_if_fail (PW_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
  on_session_state_changed (self);
}

void
pw_caseload_view_focus_search (PwCaseloadView *self)
{
  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
pw_caseload_view_clear_filters (PwCaseloadView *self)
{
  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));

  reset_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_filters_changed (self);
}

void
pw_caseload_view_select (PwCaseloadView *self,
                         gint64          survivor_id)
{
  guint position;

  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));

  if (self->list == NULL)
    return;
  position = pw_survivor_list_find (self->list, survivor_id);
  if (position == G_MAXUINT)
    {
      pw_caseload_view_clear_filters (self);
      position = pw_survivor_list_find (self->list, survivor_id);
    }
  if (position == G_MAXUINT)
    return;
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
pw_caseload_view_unselect (PwCaseloadView *self)
{
  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));

  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
}

void
pw_caseload_view_apply_filter (PwCaseloadView *self,
                               const char     *spec)
{
  g_return_if_fail (PW_IS_CASELOAD_VIEW (self));
  g_return_if_fail (spec != NULL);

  reset_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->status_filter = PW_SURVIVOR_STATUS_ACTIVE;
  if (g_str_has_prefix (spec, "attention:"))
    self->attention_filter = CLAMP (atoi (spec + strlen ("attention:")),
                                    PW_SURVIVOR_ATTENTION_ANY, PW_SURVIVOR_ATTENTION_LAST);
  else if (g_str_has_prefix (spec, "stage:"))
    {
      g_free (self->stage_filter);
      self->stage_filter = g_strdup (spec[6] != '\0' ? spec + 6 : PW_CASELOAD_NONE);
    }
  for (guint i = PROP_STATUS_FILTER; i <= PROP_KEY_WORKER_FILTER; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  on_filters_changed (self);
}

GListModel *
pw_caseload_view_get_model (PwCaseloadView *self)
{
  g_return_val_if_fail (PW_IS_CASELOAD_VIEW (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

static void
append_radio (GMenu      *menu,
              const char *label,
              const char *action,
              GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

/* Stages and key workers change with the data: build the menu each time. */
static void
create_filter_menu (GtkMenuButton  *button,
                    PwCaseloadView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) attention = g_menu_new ();
  g_autoptr(GMenu) stages = g_menu_new ();
  g_autoptr(GMenu) workers = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_auto(GStrv) names = NULL;
  PwTemplate *template = self->session ? pw_casework_get_template (self->session, NULL) : NULL;

  append_radio (status, _("All Statuses"), "caseload.status", g_variant_new_int32 (-1));
  for (int s = PW_SURVIVOR_STATUS_ACTIVE; s <= PW_SURVIVOR_STATUS_CLOSED; s++)
    append_radio (status, pw_casework_survivor_status_label (s), "caseload.status", g_variant_new_int32 (s));
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (status));

  append_radio (attention, _("Everyone"), "caseload.attention", g_variant_new_int32 (0));
  for (int a = PW_SURVIVOR_ATTENTION_OVERDUE; a <= PW_SURVIVOR_ATTENTION_LAST; a++)
    append_radio (attention, attention_label (a), "caseload.attention", g_variant_new_int32 (a));
  g_menu_append_section (menu, _("Needs Attention"), G_MENU_MODEL (attention));

  append_radio (stages, _("Any Stage"), "caseload.stage", g_variant_new_string (""));
  if (template != NULL)
    {
      GListModel *list = pw_template_get_stages (template);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PwStage) stage = g_list_model_get_item (list, i);

          append_radio (stages, pw_stage_get_name (stage, NULL), "caseload.stage",
                        g_variant_new_string (pw_stage_get_id (stage)));
        }
    }
  append_radio (stages, _("No Stage Marked Yet"), "caseload.stage", g_variant_new_string (PW_CASELOAD_NONE));
  g_menu_append_submenu (more, _("Stage"), G_MENU_MODEL (stages));

  append_radio (workers, _("Any Key Worker"), "caseload.key-worker", g_variant_new_string (""));
  if (self->store != NULL)
    names = pw_store_list_key_workers (self->store, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    append_radio (workers, names[i], "caseload.key-worker", g_variant_new_string (names[i]));
  append_radio (workers, _("No Key Worker"), "caseload.key-worker", g_variant_new_string (PW_CASELOAD_NONE));
  g_menu_append_submenu (more, _("Key Worker"), G_MENU_MODEL (workers));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));

  append_radio (sort, _("Case Code"), "caseload.sort", g_variant_new_int32 (PW_SURVIVOR_SORT_CASE_CODE));
  append_radio (sort, _("Last Change"), "caseload.sort", g_variant_new_int32 (PW_SURVIVOR_SORT_UPDATED));
  append_radio (sort, _("Intake Date"), "caseload.sort", g_variant_new_int32 (PW_SURVIVOR_SORT_INTAKE_DATE));
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (sort));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
pw_caseload_view_dispose (GObject *object)
{
  PwCaseloadView *self = PW_CASELOAD_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->count_idle, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_CASELOAD_VIEW);
  /* Children without an id are not the template's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_caseload_view_parent_class)->dispose (object);
}

static void
pw_caseload_view_finalize (GObject *object)
{
  PwCaseloadView *self = PW_CASELOAD_VIEW (object);

  g_free (self->stage_filter);
  g_free (self->key_worker_filter);

  G_OBJECT_CLASS (pw_caseload_view_parent_class)->finalize (object);
}

static void
pw_caseload_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwCaseloadView *self = PW_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_ATTENTION_FILTER:
      g_value_set_int (value, self->attention_filter);
      break;
    case PROP_STAGE_FILTER:
      g_value_set_string (value, self->stage_filter);
      break;
    case PROP_KEY_WORKER_FILTER:
      g_value_set_string (value, self->key_worker_filter);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ?: "");
}

static void
pw_caseload_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwCaseloadView *self = PW_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_value_get_object (value) != NULL)
        pw_caseload_view_set_session (self, g_value_get_object (value));
      return;
    case PROP_STATUS_FILTER:
      if (self->status_filter == g_value_get_int (value))
        return;
      self->status_filter = g_value_get_int (value);
      break;
    case PROP_ATTENTION_FILTER:
      if (self->attention_filter == g_value_get_int (value))
        return;
      self->attention_filter = g_value_get_int (value);
      break;
    case PROP_STAGE_FILTER:
      if (g_strcmp0 (self->stage_filter, g_value_get_string (value)) == 0)
        return;
      set_string (&self->stage_filter, g_value_get_string (value));
      break;
    case PROP_KEY_WORKER_FILTER:
      if (g_strcmp0 (self->key_worker_filter, g_value_get_string (value)) == 0)
        return;
      set_string (&self->key_worker_filter, g_value_get_string (value));
      break;
    case PROP_SORT:
      if (self->sort == g_value_get_int (value))
        return;
      self->sort = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  on_filters_changed (self);
}

static void
pw_caseload_view_class_init (PwCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_caseload_view_dispose;
  object_class->finalize = pw_caseload_view_finalize;
  object_class->get_property = pw_caseload_view_get_property;
  object_class->set_property = pw_caseload_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, -1, PW_SURVIVOR_STATUS_CLOSED, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENTION_FILTER] =
    g_param_spec_int ("attention-filter", NULL, NULL, PW_SURVIVOR_ATTENTION_ANY,
                      PW_SURVIVOR_ATTENTION_LAST, PW_SURVIVOR_ATTENTION_ANY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_FILTER] =
    g_param_spec_string ("stage-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_WORKER_FILTER] =
    g_param_spec_string ("key-worker-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, PW_SURVIVOR_SORT_CASE_CODE,
                      PW_SURVIVOR_SORT_INTAKE_DATE, PW_SURVIVOR_SORT_CASE_CODE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SURVIVOR_ACTIVATED] =
    g_signal_new ("survivor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_property_action (widget_class, "caseload.status", "status-filter");
  gtk_widget_class_install_property_action (widget_class, "caseload.attention", "attention-filter");
  gtk_widget_class_install_property_action (widget_class, "caseload.stage", "stage-filter");
  gtk_widget_class_install_property_action (widget_class, "caseload.key-worker", "key-worker-filter");
  gtk_widget_class_install_property_action (widget_class, "caseload.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-caseload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, stack);
  gtk_widget_class_bind_template_child (widget_class, PwCaseloadView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, pw_caseload_view_clear_filters);
}

static void
pw_caseload_view_init (PwCaseloadView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->status_filter = -1;
  self->stage_filter = g_strdup ("");
  self->key_worker_filter = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* Results follow each keystroke: the query takes a few milliseconds. */
  gtk_search_entry_set_search_delay (self->search_entry, 80);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_menu_button_set_create_popup_func (self->filter_button,
                                         (GtkMenuButtonCreatePopupFunc) create_filter_menu,
                                         self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
