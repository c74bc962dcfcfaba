/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-record-util.h"
#include "pw-overview-page.h"

struct _PwOverviewPage
{
  GtkWidget            parent_instance;

  PwSession           *session;
  PwStore             *store;
  gulong               changed_id;
  guint                refresh_source;
  gboolean             dirty;
  gboolean             folded;
  GPtrArray           *rows;

  GtkStack            *stack;
  AdwPreferencesGroup *attention_group;
  AdwPreferencesGroup *stages_group;
  GtkLabel            *totals_label;
};

G_DEFINE_FINAL_TYPE (PwOverviewPage, pw_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_rows (PwOverviewPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (PwOverviewPage      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         guint                count,
         const char          *filter)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *count_label = gtk_label_new (number);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (count_label, "pw-count");
  if (count == 0)
    gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_set_valign (count_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);

  /* Nothing to show behind a zero. */
  if (count > 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.filter-caseload");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", filter);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static guint
count_where (PwOverviewPage      *self,
             PwSurvivorAttention  attention,
             GError             **error)
{
  PwSurvivorQuery query = PW_SURVIVOR_QUERY_INIT;
  guint n = 0;

  query.status = PW_SURVIVOR_STATUS_ACTIVE;
  query.attention = attention;
  pw_store_count_survivors (self->store, &query, &n, error);
  return n;
}

static char *
items_and_people (guint items,
                  guint people)
{
  g_autofree char *first = g_strdup_printf (ngettext ("%u goal", "%u goals", items), items);

  /* Translators: "12 goals · 5 survivors" */
  return g_strdup_printf (ngettext ("%s · %u survivor", "%s · %u survivors", people), first, people);
}

/* "2 first assessments · 1 after a change of home, work or area · 3 past their date" */
static char *
reviews_in_words (GPtrArray *due)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint first = 0, changed = 0, late = 0;

  for (guint i = 0; i < due->len; i++)
    {
      const PwReviewDue *review = g_ptr_array_index (due, i);

      if (review->reason == PW_REVIEW_FIRST)
        first++;
      else if (review->reason == PW_REVIEW_AFTER_CHANGE)
        changed++;
      else if (review->reason == PW_REVIEW_OVERDUE)
        late++;
    }

  if (due->len == 0)
    return g_strdup (_("Every active survivor has a current risk review"));
  if (first > 0)
    {
      /* Translators: risk reviews due, "2 first assessments · 1 after a change
       * of home, work or area · 3 past their date" (a part is left out at 0). */
      g_string_append_printf (text, ngettext ("%u first assessment", "%u first assessments", first), first);
    }
  if (changed > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u after a change of home, work or area",
                                              "%u after a change of home, work or area", changed),
                              changed);
    }
  if (late > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: risk reviews whose date set at the last one has passed. */
      g_string_append_printf (text, ngettext ("%u past its date", "%u past their date", late), late);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "4 consents · 3 survivors" */
static char *
consents_and_people (GPtrArray *consents,
                     guint     *people)
{
  g_autoptr(GHashTable) survivors = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *first = NULL;
  g_autofree gint64 *ids = g_new (gint64, MAX (consents->len, 1));

  for (guint i = 0; i < consents->len; i++)
    {
      ids[i] = pw_consent_get_survivor_id (g_ptr_array_index (consents, i));
      g_hash_table_add (survivors, &ids[i]);
    }
  *people = g_hash_table_size (survivors);
  first = g_strdup_printf (ngettext ("%u consent", "%u consents", consents->len), consents->len);
  return g_strdup_printf (ngettext ("%s · %u survivor", "%s · %u survivors", *people), first, *people);
}

void
pw_overview_page_refresh (PwOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_stage = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *soon_text = NULL;
  g_autofree char *reviews_text = NULL;
  g_autofree char *consents_text = NULL;
  g_autofree char *totals = NULL;
  PwSurvivorQuery query = PW_SURVIVOR_QUERY_INIT;
  PwTemplate *template;
  guint overdue_items = 0, soon_items = 0, total = 0, active = 0, paused = 0;
  guint overdue, soon, stale, consenting = 0;

  g_return_if_fail (PW_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;
  clear_rows (self);
  if (self->store == NULL)
    return;

  if (!pw_store_count_survivors (self->store, &query, &total, &error))
    goto fail;
  if (total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "overview");

  query.status = PW_SURVIVOR_STATUS_ACTIVE;
  pw_store_count_survivors (self->store, &query, &active, &error);
  query.status = PW_SURVIVOR_STATUS_PAUSED;
  if (error == NULL)
    pw_store_count_survivors (self->store, &query, &paused, &error);
  overdue = error == NULL ? count_where (self, PW_SURVIVOR_ATTENTION_OVERDUE, &error) : 0;
  soon = error == NULL ? count_where (self, PW_SURVIVOR_ATTENTION_DUE_SOON, &error) : 0;
  stale = error == NULL ? count_where (self, PW_SURVIVOR_ATTENTION_STALE, &error) : 0;
  if (error == NULL)
    pw_store_count_plan_items (self->store, PW_SURVIVOR_ATTENTION_OVERDUE, NULL, &overdue_items, &error);
  if (error == NULL)
    pw_store_count_plan_items (self->store, PW_SURVIVOR_ATTENTION_DUE_SOON, NULL, &soon_items, &error);
  if (error == NULL)
    by_stage = pw_store_count_active_by_stage (self->store, &error);
  if (error == NULL)
    reviews = pw_store_list_reviews_due (self->store, NULL, &error);
  if (error == NULL)
    consents = pw_store_list_expiring_consents (self->store, NULL, PW_EXPIRING_CONSENT_DAYS, &error);
  if (error != NULL)
    goto fail;

  overdue_text = items_and_people (overdue_items, overdue);
  soon_text = items_and_people (soon_items, soon);
  reviews_text = reviews_in_words (reviews);
  consents_text = consents_and_people (consents, &consenting);
  add_row (self, self->attention_group, _("Overdue goals"), overdue_text, overdue,
           "attention:1");
  add_row (self, self->attention_group, _("Goals due in the next 7 days"), soon_text, soon,
           "attention:2");
  /* One review is due per survivor at most. */
  add_row (self, self->attention_group, _("Risk reviews due"), reviews_text, reviews->len,
           "attention:3");
  add_row (self, self->attention_group, _("Consents expiring in the next 30 days"), consents_text,
           consenting, "attention:5");
  add_row (self, self->attention_group, _("No plan update in 60 days"),
           _("No goal of theirs was added or changed for two months"), stale, "attention:4");

  template = pw_casework_get_template (self->session, NULL);
  if (template != NULL)
    {
      GListModel *stages = pw_template_get_stages (template);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
          g_autofree char *filter = g_strdup_printf ("stage:%s", pw_stage_get_id (stage));
          g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, pw_stage_get_name (stage, NULL));

          add_row (self, self->stages_group, title, NULL,
                   GPOINTER_TO_UINT (g_hash_table_lookup (by_stage, pw_stage_get_id (stage))), filter);
        }
    }
  add_row (self, self->stages_group, _("No stage marked yet"), NULL,
           GPOINTER_TO_UINT (g_hash_table_lookup (by_stage, "")), "stage:");

  /* Translators: "In the vault: 120 active, 8 paused, 40 closed." */
  totals = g_strdup_printf (_("In the vault: %u active, %u paused, %u closed."),
                            active, paused, total - active - paused);
  gtk_label_set_label (self->totals_label, totals);
  return;

fail:
  clear_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_label_set_label (self->totals_label, error->message);
}

static gboolean
refresh_timeout (gpointer data)
{
  PwOverviewPage *self = data;

  self->refresh_source = 0;
  pw_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PwOverviewPage *self)
{
  /* Counting 10,000 cases is quick, but not on every keystroke's save. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_timeout_add (300, refresh_timeout, self);
}

static void
pw_overview_page_map (GtkWidget *widget)
{
  PwOverviewPage *self = PW_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (pw_overview_page_parent_class)->map (widget);
  if (self->dirty)
    pw_overview_page_refresh (self);
}

static void
on_session_state_changed (PwOverviewPage *self)
{
  pw_record_follow_store (self, self->session, G_CALLBACK (on_store_changed),
                          &self->store, &self->changed_id, NULL);
  pw_overview_page_refresh (self);
}

void
pw_overview_page_set_session (PwOverviewPage *self,
                              PwSession      *session)
{
  g_return_if_fail (PW_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (on_session_state_changed), self, G_CONNECT_SWAPPED);
  on_session_state_changed (self);
}

static void
pw_overview_page_dispose (GObject *object)
{
  PwOverviewPage *self = PW_OVERVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  pw_record_drop_store (&self->store, &self->changed_id);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_OVERVIEW_PAGE);
  /* Children without an id are not the template's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_overview_page_parent_class)->dispose (object);
}

static void
pw_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwOverviewPage *self = PW_OVERVIEW_PAGE (object);

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
pw_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwOverviewPage *self = PW_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_overview_page_class_init (PwOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_overview_page_dispose;
  object_class->get_property = pw_overview_page_get_property;
  object_class->set_property = pw_overview_page_set_property;
  widget_class->map = pw_overview_page_map;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwOverviewPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, PwOverviewPage, stages_group);
  gtk_widget_class_bind_template_child (widget_class, PwOverviewPage, totals_label);
}

static void
pw_overview_page_init (PwOverviewPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pw_record_wrap_group_titles (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
}
