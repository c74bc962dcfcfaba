/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-pathway-map"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-map-station.h"
#include "pw-pathway-map.h"
#include "pw-step-popover.h"
#include "pw-template-registry.h"
#include "pw-test-util.h"

/* The map with a fictional survivor in a temporary vault. */

typedef struct
{
  char        *dir;
  PwSession   *session;
  PwStore     *store;
  PwTemplate  *template;
  gint64       survivor_id;
  GtkWindow   *window;
  GtkWidget   *scroller;
  PwPathwayMap *map;
} Fixture;

static PwTemplateRegistry *registry;

static PwTemplate *
load_template (const char *id)
{
  g_autoptr(GError) error = NULL;
  PwTemplate *template;

  if (registry == NULL)
    {
      registry = pw_template_registry_new ();
      g_assert_true (pw_template_registry_add_shipped (registry, &error));
      g_assert_no_error (error);
    }
  template = pw_template_registry_lookup (registry, id, &error);
  g_assert_no_error (error);
  return template;
}

static gint64
add_item (Fixture          *f,
          const char       *step_id,
          PwPlanItemStatus  status,
          const char       *her_words,
          const char       *due)
{
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autoptr(GError) error = NULL;
  PwStep *step = pw_template_lookup_step (f->template, step_id);
  gint64 id;

  g_assert_nonnull (step);
  pw_plan_item_set_survivor_id (item, f->survivor_id);
  pw_plan_item_set_step_id (item, step_id);
  pw_plan_item_set_stage_id (item, pw_step_get_stage_id (step));
  pw_plan_item_set_domain (item, pw_step_get_domain_id (step));
  pw_plan_item_set_title (item, pw_step_get_title (step, "en"));
  pw_plan_item_set_her_words (item, her_words);
  pw_plan_item_set_status (item, status);
  pw_plan_item_set_due_date (item, due);
  id = pw_store_add_plan_item (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_stage (Fixture       *f,
           const char    *stage_id,
           PwStageStatus  status,
           const char    *since)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pw_store_set_stage_status (f->store, f->survivor_id, stage_id, status, since, &error), >, 0);
  g_assert_no_error (error);
}

static void
fill_survivor (Fixture *f)
{
  g_autoptr(PwSurvivor) survivor = pw_survivor_new ();
  g_autoptr(PwMilestone) milestone = NULL;
  g_autoptr(PwMilestone) stage_milestone = NULL;
  g_autoptr(PwAssessment) risk = NULL;
  g_autoptr(GError) error = NULL;
  gint64 achieved;

  pw_survivor_set_case_code (survivor, "TEST-001");
  pw_survivor_set_alias (survivor, "Example Rosemary");
  pw_survivor_set_template_id (survivor, "default");
  f->survivor_id = pw_store_add_survivor (f->store, survivor, &error);
  g_assert_no_error (error);

  add_item (f, "detection.safe-first-contact", PW_PLAN_ITEM_STATUS_ACHIEVED, "zebra-marker-7431", NULL);
  add_item (f, "detection.safe-first-contact", PW_PLAN_ITEM_STATUS_IN_PROGRESS, NULL, NULL);
  achieved = add_item (f, "rights.residence-permit", PW_PLAN_ITEM_STATUS_ACHIEVED, NULL, NULL);
  add_item (f, "recovery.language-course", PW_PLAN_ITEM_STATUS_AGREED, "Example words for a goal", "2020-01-15");
  add_item (f, "recovery.psychological-support", PW_PLAN_ITEM_STATUS_PROPOSED, NULL, NULL);
  add_item (f, "recovery.stable-housing", PW_PLAN_ITEM_STATUS_PAUSED, NULL, NULL);
  add_item (f, "autonomy.work-contract", PW_PLAN_ITEM_STATUS_DROPPED, NULL, NULL);

  set_stage (f, "detection", PW_STAGE_STATUS_CURRENT, "2025-01-10");
  set_stage (f, "detection", PW_STAGE_STATUS_COMPLETED, "2025-03-02");
  set_stage (f, "rights", PW_STAGE_STATUS_CURRENT, "2025-03-02");
  set_stage (f, "rights", PW_STAGE_STATUS_REVISITED, "2025-09-20");
  set_stage (f, "recovery", PW_STAGE_STATUS_CURRENT, "2026-01-12");

  milestone = pw_milestone_new ();
  pw_milestone_set_survivor_id (milestone, f->survivor_id);
  pw_milestone_set_date (milestone, "2025-06-01");
  pw_milestone_set_title (milestone, "Example milestone TEST-M1");
  pw_milestone_set_plan_item_id (milestone, achieved);
  pw_store_add_milestone (f->store, milestone, &error);
  g_assert_no_error (error);

  stage_milestone = pw_milestone_new ();
  pw_milestone_set_survivor_id (stage_milestone, f->survivor_id);
  pw_milestone_set_date (stage_milestone, "2026-02-01");
  pw_milestone_set_title (stage_milestone, "Example milestone TEST-M2");
  pw_milestone_set_stage_id (stage_milestone, "recovery");
  pw_store_add_milestone (f->store, stage_milestone, &error);
  g_assert_no_error (error);

  risk = pw_assessment_new ();
  pw_assessment_set_survivor_id (risk, f->survivor_id);
  pw_assessment_set_kind (risk, PW_ASSESSMENT_KIND_RISK);
  pw_assessment_set_date (risk, "2025-01-10");
  pw_assessment_set_risk_level (risk, PW_RISK_LEVEL_MEDIUM);
  pw_assessment_set_next_review (risk, "2025-04-10");
  pw_store_add_assessment (f->store, risk, &error);
  g_assert_no_error (error);
}

static void
open_window (Fixture *f,
             int      width,
             int      height)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->scroller = gtk_scrolled_window_new ();
  /* Exactly this size, even on a smaller (virtual) screen. */
  gtk_widget_set_size_request (f->scroller, width, height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scroller), GTK_WIDGET (f->map));
  gtk_window_set_child (f->window, f->scroller);
  gtk_window_present (f->window);
  pw_test_wait_for_frame (GTK_WIDGET (f->window));
  pw_test_iterate (50);
  pw_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwVault) vault = NULL;
  g_autofree char *recovery = NULL;

  pw_test_set_language ("en");
  f->dir = g_dir_make_tmp ("pw-map-XXXXXX", &error);
  g_assert_no_error (error);
  vault = pw_vault_new (f->dir);
  recovery = pw_vault_create (vault, "Test", "a long test passphrase", pw_kdf_cost_fast (), &error);
  g_assert_no_error (error);
  f->session = pw_session_new (vault, settings);
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
  f->store = g_object_ref (pw_session_get_store (f->session));
  f->template = load_template ("default");
  fill_survivor (f);

  f->map = PW_PATHWAY_MAP (pw_pathway_map_new (f->session));
  g_object_ref_sink (f->map);
  pw_pathway_map_set_template (f->map, f->template);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->map);
  g_clear_object (&f->template);
  g_clear_object (&f->store);
  g_clear_object (&f->session);
  pw_test_iterate (10);
  if (f->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                       G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                       NULL, NULL);
      GFileInfo *info;

      while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

          g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
      g_rmdir (f->dir);
      g_free (f->dir);
    }
  pw_test_set_language ("en");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static guint
n_template_steps (PwTemplate *template)
{
  GListModel *stages = pw_template_get_stages (template);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);

      n += g_list_model_get_n_items (pw_stage_get_steps (stage));
    }
  return n;
}

static int
station_for_step (Fixture    *f,
                  const char *step_id)
{
  PwStep *step = pw_template_lookup_step (f->template, step_id);

  for (guint i = 0; i < pw_pathway_map_get_n_stations (f->map); i++)
    if (g_strcmp0 (pw_map_station_get_title (PW_MAP_STATION (pw_pathway_map_get_station (f->map, i))),
                   pw_step_get_title (step, NULL)) == 0)
      return i;
  g_assert_not_reached ();
}

static PwMapStation *
station (Fixture    *f,
         const char *step_id)
{
  return PW_MAP_STATION (pw_pathway_map_get_station (f->map, station_for_step (f, step_id)));
}

static void
assert_bare_label (const char *label)
{
  g_assert_null (strstr (label, "plan item"));
  g_assert_null (strstr (label, "not in her plan"));
  g_assert_null (strstr (label, "overdue"));
}

static void
test_bare (Fixture       *f,
           gconstpointer  data)
{
  guint n = n_template_steps (f->template);

  open_window (f, 1400, 900);
  g_assert_cmpuint (pw_pathway_map_get_n_stations (f->map), ==, n);
  g_assert_cmpint (pw_pathway_map_get_survivor_id (f->map), ==, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = pw_pathway_map_get_station (f->map, i);
      const char *label = pw_map_station_get_label (PW_MAP_STATION (widget));

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_true (gtk_widget_get_focusable (widget));
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      /* The bare pathway says nothing about anyone's plan. */
      assert_bare_label (label);
    }

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "detection.safe-first-contact")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Safe first contact — Safety");
  g_assert_null (pw_pathway_map_get_stage_menu_button (f->map, "recovery"));
  /* Each stage's summary is there for explaining the pathway. */
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL,
                                  pw_stage_get_summary (pw_template_lookup_stage (f->template, "recovery"), NULL)));
}

static gboolean
map_settled (gpointer data)
{
  Fixture *f = data;
  guint n = pw_pathway_map_get_n_stations (f->map);
  GtkWidget *menu = pw_pathway_map_get_stage_menu_button (f->map, "detection");

  /* Her data comes in on an idle: under load it can land after the first
   * frames and rebuild the stations, which then need a frame of their own. */
  return n > 0 && gtk_widget_get_mapped (pw_pathway_map_get_station (f->map, 0)) &&
         gtk_widget_get_mapped (pw_pathway_map_get_station (f->map, n - 1)) &&
         menu != NULL && gtk_widget_get_mapped (menu);
}

static void
show_survivor (Fixture *f,
               int      width,
               int      height)
{
  pw_pathway_map_set_survivor_id (f->map, f->survivor_id);
  open_window (f, width, height);
  pw_test_wait_until (map_settled, f, 5000);
  pw_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
test_survivor_labels (Fixture       *f,
                      gconstpointer  data)
{
  show_survivor (f, 1400, 900);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "detection.safe-first-contact")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Safe first contact — Safety — 2 plan items, 1 achieved, 1 in progress");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "rights.residence-permit")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Residence permit — Legal situation — 1 plan item, 1 achieved, 1 milestone");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "recovery.language-course")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Language course — Language — 1 plan item, 1 agreed, 1 overdue");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "autonomy.own-home")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Her own rental contract — Housing — not in her plan");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (station (f, "detection.safe-first-contact")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Stage 1 of 4: Detection and identification");

  /* Overdue stands out by more than colour: a class for the border, words. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (station (f, "recovery.language-course")), "overdue"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (station (f, "recovery.language-course")), GTK_TYPE_LABEL, "1 overdue"));
  g_assert_nonnull (pw_test_find_with_class (GTK_WIDGET (f->map), GTK_TYPE_BOX, "pw-map-banner"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL,
                                  "The risk review was due on 10 April 2025.\n1 plan item is past its due date."));

  /* Where she stands, with dates, back and forth. */
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "Current stage · since January 2026"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "Revisited · since September 2025"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "Completed · March 2025"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "Not reached yet"));
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "1 milestone"));
  g_assert_nonnull (pw_pathway_map_get_stage_menu_button (f->map, "recovery"));

  /* The survivor's own view leaves the risk review out. */
  pw_pathway_map_set_show_risk (f->map, FALSE);
  g_assert_nonnull (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "1 plan item is past its due date."));
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  const int *size = data;
  guint n;
  g_autofree gboolean *seen = NULL;
  guint n_seen = 0;
  GtkWidget *focus;
  GtkWidget *popover;
  int stage_count = 0;

  show_survivor (f, size[0], size[1]);
  n = pw_pathway_map_get_n_stations (f->map);
  seen = g_new0 (gboolean, n);

  gtk_widget_grab_focus (pw_pathway_map_get_station (f->map, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 4 /* Home */));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pw_pathway_map_get_station (f->map, 0));

  /* Down the stage, across to the next, up to its header, down again. */
  for (;;)
    {
      int index;
      GtkWidget *before;

      for (;;)
        {
          focus = gtk_root_get_focus (GTK_ROOT (f->window));
          for (index = 0; index < (int) n; index++)
            if (pw_pathway_map_get_station (f->map, index) == focus)
              break;
          g_assert_cmpint (index, <, (int) n);
          if (!seen[index])
            n_seen++;
          seen[index] = TRUE;

          /* The focused step is always on screen. */
          pw_test_wait_for_frame (GTK_WIDGET (f->map));
          {
            graphene_rect_t bounds;

            g_assert_true (gtk_widget_compute_bounds (focus, f->scroller, &bounds));
            g_assert_cmpfloat (bounds.origin.y, >=, -1);
            g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (f->scroller) + 1);
            g_assert_cmpfloat (bounds.origin.x, >=, -1);
            g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (f->scroller) + 1);
          }

          before = focus;
          gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 3 /* Down */);
          focus = gtk_root_get_focus (GTK_ROOT (f->window));
          /* Stacked stages run on into the next one: then this visits all. */
          if (focus == before)
            break;
        }
      stage_count++;

      before = gtk_root_get_focus (GTK_ROOT (f->window));
      gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 1 /* Right */);
      if (gtk_root_get_focus (GTK_ROOT (f->window)) == before)
        break;
      /* Up to the header's menu, then down to the stage's first step. */
      for (guint i = 0; i < n && GTK_IS_WIDGET (gtk_root_get_focus (GTK_ROOT (f->window))) &&
                        gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), PW_TYPE_MAP_STATION); i++)
        gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 2 /* Up */);
      g_assert_true (GTK_IS_MENU_BUTTON (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                                                   GTK_TYPE_MENU_BUTTON)));
      gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 3 /* Down */);
    }
  g_assert_cmpuint (n_seen, ==, n);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 5 /* End */));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pw_pathway_map_get_station (f->map, n - 1));

  /* Enter opens the step. */
  focus = pw_pathway_map_get_station (f->map, n - 1);
  g_assert_true (gtk_widget_activate (focus));
  popover = pw_pathway_map_get_popover (f->map);
  pw_test_wait_until (popover_shown, popover, 5000);
  g_assert_true (pw_step_popover_get_step (PW_STEP_POPOVER (popover)) != NULL);
  gtk_popover_popdown (GTK_POPOVER (popover));
  pw_test_iterate (20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
}

static gboolean
station_has_label (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (pw_map_station_get_label (args[0]), args[1]) == 0;
}

static void
test_add_to_plan (Fixture       *f,
                  gconstpointer  data)
{
  PwMapStation *target;
  GtkWidget *popover;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  PwPlanItem *added = NULL;
  guint before;

  show_survivor (f, 1400, 900);
  target = station (f, "autonomy.own-home");
  items = pw_store_load_plan_items (f->store, f->survivor_id, &error);
  g_assert_no_error (error);
  before = items->len;
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (pw_pathway_map_open_step (f->map, "autonomy.own-home"));
  popover = pw_pathway_map_get_popover (f->map);
  pw_test_wait_until (popover_shown, popover, 5000);
  g_assert_cmpuint (pw_step_popover_get_n_plan_items (PW_STEP_POPOVER (popover)), ==, 0);
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "Her own rental contract"));
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "Not in her plan yet."));

  pw_test_click (popover, "Add to Plan");

  /* In the store, linked to the step, proposed, titled in the worker's language. */
  items = pw_store_load_plan_items (f->store, f->survivor_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, before + 1);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (pw_plan_item_get_step_id (g_ptr_array_index (items, i)), "autonomy.own-home") == 0)
      added = g_ptr_array_index (items, i);
  g_assert_nonnull (added);
  g_assert_cmpint (pw_plan_item_get_status (added), ==, PW_PLAN_ITEM_STATUS_PROPOSED);
  g_assert_cmpstr (pw_plan_item_get_title (added), ==, "Her own rental contract");
  g_assert_cmpstr (pw_plan_item_get_stage_id (added), ==, "autonomy");
  g_assert_cmpstr (pw_plan_item_get_domain (added), ==, "housing");

  /* Shown at once, in the popover and on the map. */
  g_assert_cmpuint (pw_step_popover_get_n_plan_items (PW_STEP_POPOVER (popover)), ==, 1);
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "proposed"));
  g_assert_cmpstr (pw_map_station_get_label (target), ==,
                   "Her own rental contract — Housing — 1 plan item, 1 proposed");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_stage_state (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean found = FALSE;
  guint n_history;

  show_survivor (f, 1400, 900);
  history = pw_store_list_stage_history (f->store, f->survivor_id, &error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  /* What the header's menu does: the action its items name. */
  g_assert_true (gtk_widget_activate_action (pw_pathway_map_get_stage_menu_button (f->map, "recovery"),
                                             "stage.recovery", "s", "completed"));

  states = pw_store_list_stage_states (f->store, f->survivor_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < states->len; i++)
    {
      PwStageState *state = g_ptr_array_index (states, i);

      if (g_strcmp0 (pw_stage_state_get_stage_id (state), "recovery") == 0)
        {
          g_assert_cmpint (pw_stage_state_get_status (state), ==, PW_STAGE_STATUS_COMPLETED);
          g_assert_cmpstr (pw_stage_state_get_since (state), ==, today);
          found = TRUE;
        }
    }
  g_assert_true (found);
  history = pw_store_list_stage_history (f->store, f->survivor_id, &error);
  g_assert_cmpuint (history->len, ==, n_history + 1);
  g_assert_null (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "Current stage · since January 2026"));
}

static void
test_live_and_lock (Fixture       *f,
                    gconstpointer  data)
{
  PwMapStation *target;
  gpointer args[2];

  show_survivor (f, 1400, 900);
  target = station (f, "autonomy.own-network");
  g_assert_cmpstr (pw_map_station_get_label (target), ==, "A network of her own — Relationships and community — not in her plan");

  /* A change made elsewhere in the app reaches the map. */
  add_item (f, "autonomy.own-network", PW_PLAN_ITEM_STATUS_IN_PROGRESS, NULL, NULL);
  args[0] = target;
  args[1] = "A network of her own — Relationships and community — 1 plan item, 1 in progress";
  pw_test_wait_until (station_has_label, args, 5000);

  /* Locking drops her: no survivor, no plan on any step. */
  pw_session_lock (f->session);
  g_assert_cmpint (pw_pathway_map_get_survivor_id (f->map), ==, 0);
  for (guint i = 0; i < pw_pathway_map_get_n_stations (f->map); i++)
    assert_bare_label (pw_map_station_get_label (PW_MAP_STATION (pw_pathway_map_get_station (f->map, i))));
  g_assert_null (pw_test_find (GTK_WIDGET (f->map), GTK_TYPE_LABEL, "1 overdue"));
  g_assert_null (pw_test_find_with_class (GTK_WIDGET (f->map), GTK_TYPE_BOX, "pw-map-banner"));
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkAdjustment *hadjustment;
  double upper;

  show_survivor (f, 1400, 900);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->map));
  upper = gtk_adjustment_get_upper (hadjustment);
  g_assert_cmpfloat (upper, <=, 1400);

  gtk_widget_grab_focus (pw_pathway_map_get_station (f->map, 20));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom", "i", 1));
  g_assert_cmpfloat (pw_pathway_map_get_zoom (f->map), >, 1.2);
  pw_test_wait_for_frame (GTK_WIDGET (f->map));
  /* Magnified: wider than the window, so it pans; the focused step stays. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, 1400);
  {
    graphene_rect_t bounds;
    g_autofree char *file = NULL;

    g_assert_true (gtk_widget_compute_bounds (pw_pathway_map_get_station (f->map, 20), f->scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 1400);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, 900);
    file = pw_test_screenshot (GTK_WIDGET (f->window), "pathway-map-en-light-zoomed-1400x900");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->map), "map.zoom", "i", 0));
  g_assert_cmpfloat (pw_pathway_map_get_zoom (f->map), ==, 1.0);
  pw_pathway_map_set_zoom (f->map, 0.1);
  g_assert_cmpfloat (pw_pathway_map_get_zoom (f->map), ==, 0.5);
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *first_menu;

  show_survivor (f, 1400, 900);
  first_menu = pw_pathway_map_get_stage_menu_button (f->map, "detection");

  /* Tab reads the map stage by stage: header, then its steps. */
  gtk_widget_grab_focus (first_menu);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), first_menu) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == first_menu);
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pw_pathway_map_get_station (f->map, 0));
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pw_pathway_map_get_station (f->map, 1));
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD);
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_MENU_BUTTON) == first_menu);
}

static const struct { const char *language; const char *template; gboolean dark; int width, height; } shots[] = {
  { "en", "default", FALSE, 1400, 900 },
  { "en", "default", TRUE, 1400, 900 },
  { "en", "default", FALSE, 400, 800 },
  { "en", "default", TRUE, 400, 800 },
  { "it", "it", FALSE, 1400, 900 },
  { "it", "it", TRUE, 1400, 900 },
  { "it", "it", FALSE, 400, 800 },
  { "it", "it", TRUE, 400, 800 },
};

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autoptr(PwTemplate) template = NULL;
      g_autofree char *name = NULL;
      g_autofree char *file = NULL;

      pw_test_set_language (shots[i].language);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      template = load_template (shots[i].template);

      g_clear_object (&f->map);
      f->map = g_object_ref_sink (PW_PATHWAY_MAP (pw_pathway_map_new (f->session)));
      pw_pathway_map_set_template (f->map, template);
      pw_pathway_map_set_survivor_id (f->map, f->survivor_id);
      open_window (f, shots[i].width, shots[i].height);

      name = g_strdup_printf ("pathway-map-%s-%s-%dx%d", shots[i].language,
                              shots[i].dark ? "dark" : "light", shots[i].width, shots[i].height);
      file = pw_test_screenshot (GTK_WIDGET (f->window), name);
      g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

      if (i == 0)
        {
          g_autofree char *bare = NULL;

          pw_pathway_map_set_survivor_id (f->map, 0);
          bare = pw_test_screenshot (GTK_WIDGET (f->window), "pathway-map-en-light-bare-1400x900");
        }
      gtk_window_destroy (f->window);
      f->window = NULL;
    }
}

static void
on_show_plan_item (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  *(gint64 *) data = g_variant_get_int64 (parameter);
}

/* Her items in the popover open on the Plan page: the window's action. */
static void
test_popover_items (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-plan-item", G_VARIANT_TYPE_INT64);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shown = 0, expected = 0;
  GtkWidget *popover, *row;
  g_autofree char *file = NULL;

  show_survivor (f, 1400, 900);
  g_signal_connect (action, "activate", G_CALLBACK (on_show_plan_item), &shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  items = pw_store_load_plan_items (f->store, f->survivor_id, &error);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (pw_plan_item_get_step_id (g_ptr_array_index (items, i)), "recovery.language-course") == 0)
      expected = pw_plan_item_get_id (g_ptr_array_index (items, i));
  g_assert_cmpint (expected, >, 0);

  g_assert_true (pw_pathway_map_open_step (f->map, "recovery.language-course"));
  popover = pw_pathway_map_get_popover (f->map);
  pw_test_wait_until (popover_shown, popover, 5000);
  g_assert_cmpuint (pw_step_popover_get_n_plan_items (PW_STEP_POPOVER (popover)), ==, 1);
  /* Her own words, quoted; the status and the missed due date. */
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "“Example words for a goal”"));
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "agreed · due 15 January 2020"));
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "Her Role"));
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "The Community’s Role"));
  file = pw_test_screenshot (popover, "pathway-map-popover-en-light");

  /* Small victories are shown where they happened. */
  g_assert_null (pw_test_find (popover, GTK_TYPE_LABEL, "Milestones"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (pw_pathway_map_open_step (f->map, "rights.residence-permit"));
  pw_test_wait_until (popover_shown, popover, 5000);
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "Milestones"));
  g_assert_nonnull (pw_test_find (popover, GTK_TYPE_LABEL, "1 June 2025 — Example milestone TEST-M1"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (pw_pathway_map_open_step (f->map, "recovery.language-course"));
  pw_test_wait_until (popover_shown, popover, 5000);

  row = pw_test_find (popover, GTK_TYPE_LIST_BOX_ROW, NULL);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_cmpint (shown, ==, expected);
  g_assert_false (gtk_widget_get_visible (popover));
}

/* Right to left: the road starts on the right, and so do the arrows. */
static void
test_rtl (Fixture       *f,
          gconstpointer  data)
{
  graphene_rect_t first, last;
  g_autofree char *file = NULL;
  guint n;

  /* As in an RTL locale: the default for every widget. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  show_survivor (f, 1400, 900);
  n = pw_pathway_map_get_n_stations (f->map);

  g_assert_true (gtk_widget_compute_bounds (pw_pathway_map_get_station (f->map, 0), GTK_WIDGET (f->map), &first));
  g_assert_true (gtk_widget_compute_bounds (pw_pathway_map_get_station (f->map, n - 1), GTK_WIDGET (f->map), &last));
  g_assert_cmpfloat (first.origin.x, >, last.origin.x + last.size.width);

  gtk_widget_grab_focus (pw_pathway_map_get_station (f->map, 0));
  gtk_widget_activate_action (GTK_WIDGET (f->map), "map.move", "i", 0 /* Left */);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                 GTK_WIDGET (station (f, "rights.reflection-period")));
  file = pw_test_screenshot (GTK_WIDGET (f->window), "pathway-map-en-rtl-1400x900");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* High contrast is read once, at start: look at it in a child process. */
static void
test_high_contrast (Fixture       *f,
                    gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("ADW_DEBUG_HIGH_CONTRAST");
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = NULL;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_clear_object (&f->map);
      f->map = g_object_ref_sink (PW_PATHWAY_MAP (pw_pathway_map_new (f->session)));
      pw_pathway_map_set_template (f->map, f->template);
      show_survivor (f, 1400, 900);
      file = pw_test_screenshot (GTK_WIDGET (f->window),
                                 dark ? "pathway-map-en-hc-dark-1400x900" : "pathway-map-en-hc-light-1400x900");
      gtk_window_destroy (f->window);
      f->window = NULL;
    }
}

static const int wide[] = { 1400, 900 };
static const int narrow[] = { 400, 800 };

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  /* The accessible assertions need GTK's test AT context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  pw_test_init_gtk (&argc, &argv);

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/pathwaytool/Pathway/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/pathway-map/bare/accessible", NULL, test_bare);
  ADD ("/pathway-map/survivor/labels", NULL, test_survivor_labels);
  ADD ("/pathway-map/keyboard/wide", wide, test_keyboard);
  ADD ("/pathway-map/keyboard/narrow", narrow, test_keyboard);
  ADD ("/pathway-map/keyboard/tab-order", NULL, test_tab_order);
  ADD ("/pathway-map/add-to-plan", NULL, test_add_to_plan);
  ADD ("/pathway-map/stage-state", NULL, test_stage_state);
  ADD ("/pathway-map/live-and-lock", NULL, test_live_and_lock);
  ADD ("/pathway-map/zoom", NULL, test_zoom);
  ADD ("/pathway-map/popover/plan-items", NULL, test_popover_items);
  ADD ("/pathway-map/rtl", NULL, test_rtl);
  ADD ("/pathway-map/screenshots", NULL, test_screenshots);
  ADD ("/pathway-map/screenshots/high-contrast", NULL, test_high_contrast);

#undef ADD

  return g_test_run ();
}
