/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-languages"

/* Every shipped language, the whole interface. With LANGUAGE set to each
 * language of po/LINGUAS, the main screens are walked with the example
 * cases, wide and 400 px narrow, and photographed
 * (screenshots/languages-LANG-SCREEN-SIZE.png). The test fails on:
 * - an interface string of ours still in English,
 * - a pathway text (stage, step, domain) or an example case's text still
 *   in English,
 * - an interface string cut off with an ellipsis, or a window pushed wider
 *   than 400 px by a string that does not fit. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-application.h"
#include "pw-caseload-view.h"
#include "pw-casework-util.h"
#include "pw-catalog.h"
#include "pw-plan-item-editor.h"
#include "pw-plan-page.h"
#include "pw-services-window.h"
#include "pw-survivor-editor.h"
#include "pw-survivor-facing-view.h"
#include "pw-survivor-view.h"
#include "pw-test-util.h"
#include "pw-window.h"

/* Names, the same in every language. */
static const char *untranslatable[] = { "Pathway", NULL };

/* Every problem is listed, then the test fails. */
static void G_GNUC_PRINTF (1, 2)
report (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s\n", message);
  g_test_fail ();
}

typedef struct
{
  const char *language;
  GHashTable *catalog;      /* msgid → translation in @language */
  GHashTable *translations; /* every translation, to tell a word that is the same in both */
  GHashTable *english;      /* pathway and example-case texts that differ in @language */
  gboolean    narrow;
  guint       n_texts;
} Walk;

/* The English texts of the shipped pathway and of the example cases that
 * read differently in @language: none of them may be visible. */
static GHashTable *
load_english_content (PwSession  *session,
                      const char *language)
{
  GHashTable *english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  PwTemplate *template = pw_session_lookup_template (session, "default", &error);
  GListModel *stages;
  GListModel *domains;
  g_autofree char *path = g_build_filename (pw_test_source_root (), "data", "demo", "cases.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *table;
  g_autoptr(GList) members = NULL;

#define ADD_IF_DIFFERENT(en, translated) G_STMT_START { \
    const char *en_ = (en), *tr_ = (translated); \
    if (en_ != NULL && tr_ != NULL && g_strcmp0 (en_, tr_) != 0) \
      g_hash_table_add (english, g_strdup (en_)); \
  } G_STMT_END

  g_assert_no_error (error);
  g_assert_true (pw_template_has_language (template, language));
  stages = pw_template_get_stages (template);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = pw_stage_get_steps (stage);

      ADD_IF_DIFFERENT (pw_stage_get_name (stage, "en"), pw_stage_get_name (stage, language));
      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, j);

          ADD_IF_DIFFERENT (pw_step_get_title (step, "en"), pw_step_get_title (step, language));
        }
    }
  domains = pw_template_get_domains (template);
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PwDomain) domain = g_list_model_get_item (domains, i);

      ADD_IF_DIFFERENT (pw_domain_get_name (domain, "en"), pw_domain_get_name (domain, language));
    }

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  table = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                        "translations"),
                                         language);
  g_assert_nonnull (table);
  members = json_object_get_members (table);
  for (GList *l = members; l != NULL; l = l->next)
    ADD_IF_DIFFERENT (l->data, json_object_get_string_member (table, l->data));
#undef ADD_IF_DIFFERENT

  g_object_unref (template);
  return english;
}

static void
check_labels_fit (Walk       *walk,
                  GtkWidget  *widget,
                  const char *screen)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      !gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      /* Survivor data may be long and is ellipsized on purpose; our own
       * words must fit. */
      if (g_hash_table_contains (walk->translations, text) &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        report ("“%s” is cut off on the %s screen (%s, %s)", text, screen, walk->language,
                            walk->narrow ? "narrow" : "wide");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labels_fit (walk, child, screen);
}

/* The deepest visible widget that asks for more than @width: the culprit. */
static GtkWidget *
find_too_wide (GtkWidget *widget,
               int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        return find_too_wide (child, width);
    }
  return widget;
}

static void
check_screen (Walk       *walk,
              GtkWidget  *widget,
              const char *screen)
{
  g_autofree char *name = g_strdup_printf ("languages-%s-%s-%s", walk->language, screen,
                                           walk->narrow ? "narrow" : "wide");
  g_autoptr(GPtrArray) texts = NULL;

  pw_test_wait_for_frame (widget);
  pw_test_iterate (150);
  pw_test_wait_for_frame (widget);
  g_free (pw_test_screenshot (widget, name));

  texts = pw_test_collect_texts (widget);
  g_assert_cmpuint (texts->len, >=, 3);
  walk->n_texts += texts->len;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *translation = g_hash_table_lookup (walk->catalog, text);

      if (g_strv_contains (untranslatable, text) || g_hash_table_contains (walk->translations, text))
        continue;
      if (translation != NULL && g_strcmp0 (translation, text) != 0)
        report ("“%s” is still in English on the %s screen with LANGUAGE=%s", text, screen,
                            walk->language);
      if (g_hash_table_contains (walk->english, text))
        report ("the pathway or example text “%s” is still in English on the %s screen with LANGUAGE=%s",
                            text, screen, walk->language);
    }

  check_labels_fit (walk, widget, screen);
  /* A string too long to wrap or shorten pushes the window wider. */
  if (walk->narrow && GTK_IS_WINDOW (widget) &&
      gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (widget))) > 400)
    {
      GtkWidget *culprit = find_too_wide (gtk_window_get_child (GTK_WINDOW (widget)), 400);
      const char *text = GTK_IS_LABEL (culprit) ? gtk_label_get_text (GTK_LABEL (culprit)) : "";

      for (GtkWidget *child = gtk_widget_get_first_child (culprit); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int minimum = 0;
          g_autofree char *classes = NULL;
          g_auto(GStrv) names = gtk_widget_get_css_classes (child);

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          classes = g_strjoinv (".", names);
          g_printerr ("  %s.%s: %d px\n", G_OBJECT_TYPE_NAME (child), classes, minimum);
        }

      report ("the %s screen is %d px wide with LANGUAGE=%s: a %s “%s” does not fit in 400 px",
               screen, gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (widget))), walk->language,
               G_OBJECT_TYPE_NAME (culprit), text);
    }
}

/* The dialog an action just opened: checked at the walk's width, closed. */
static void
check_dialog (Walk       *walk,
              GType       type,
              const char *screen)
{
  GtkWindow *dialog;

  pw_test_iterate (30);
  dialog = pw_test_find_toplevel (type);
  g_assert_nonnull (dialog);
  if (walk->narrow)
    gtk_window_set_default_size (dialog, 400, 800);
  check_screen (walk, GTK_WIDGET (dialog), screen);
  gtk_window_destroy (dialog);
}

static gint64
find_survivor (PwSession  *session,
               const char *case_code)
{
  GListModel *survivors = pw_store_get_survivors (pw_session_get_store (session));

  for (guint i = 0; i < g_list_model_get_n_items (survivors); i++)
    {
      g_autoptr(PwSurvivor) survivor = g_list_model_get_item (survivors, i);

      if (g_str_equal (pw_survivor_get_case_code (survivor), case_code))
        return pw_survivor_get_id (survivor);
    }
  g_error ("no example case %s", case_code);
  return 0;
}

static void
walk_screens (Walk      *walk,
              PwSession *session)
{
  GtkWindow *window = GTK_WINDOW (pw_window_new (pw_test_get_application (), session));
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GError) error = NULL;
  PwCaseloadView *caseload;
  PwSurvivorView *survivor_view;
  gint64 id;
  static const char * const pages[] = { "pathway", "plan", "safety", "progress", "notes" };

  if (walk->narrow)
    gtk_window_set_default_size (window, 400, 800);
  else
    gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  pw_test_wait_for_frame (root);
  pw_test_iterate (100);

  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_NEEDS_SETUP);
  check_screen (walk, root, "first-run");

  g_assert_true (pw_session_open_demo (session, &error));
  g_assert_no_error (error);
  pw_test_iterate (500);
  check_screen (walk, root, "overview");

  gtk_widget_activate_action (root, "win.show-caseload", NULL);
  check_screen (walk, root, "case-list");

  caseload = PW_CASELOAD_VIEW (pw_test_find (root, PW_TYPE_CASELOAD_VIEW, NULL));
  g_assert_nonnull (caseload);
  id = find_survivor (session, "DEMO-01");
  pw_caseload_view_select (caseload, id);
  g_signal_emit_by_name (caseload, "survivor-activated", id);
  pw_test_iterate (50);
  survivor_view = PW_SURVIVOR_VIEW (pw_test_find (root, PW_TYPE_SURVIVOR_VIEW, NULL));
  g_assert_nonnull (survivor_view);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      pw_survivor_view_show_page (survivor_view, pages[i]);
      check_screen (walk, root, pages[i]);
    }

  /* The editors and windows a worker opens from there. */
  pw_survivor_view_show_page (survivor_view, "plan");
  gtk_widget_activate_action (GTK_WIDGET (survivor_view), "survivor.edit", NULL);
  check_dialog (walk, PW_TYPE_SURVIVOR_EDITOR, "survivor-editor");

  {
    PwPlanPage *plan = PW_PLAN_PAGE (pw_test_find (root, PW_TYPE_PLAN_PAGE, NULL));
    GPtrArray *rows = pw_plan_page_get_rows (plan);

    g_assert_cmpuint (rows->len, >, 0);
    g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
    check_dialog (walk, PW_TYPE_PLAN_ITEM_EDITOR, "goal-editor");
  }

  gtk_widget_activate_action (root, "win.services", NULL);
  check_dialog (walk, PW_TYPE_SERVICES_WINDOW, "services");

  pw_window_set_survivor_mode (PW_WINDOW (window), FALSE);
  pw_session_lock (session);
  pw_test_iterate (50);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_NEEDS_SETUP);
  gtk_window_destroy (window);
}

static void
test_language (gconstpointer data)
{
  const char *language = data;
  g_autofree char *dir = g_dir_make_tmp ("pw-languages-XXXXXX", NULL);
  g_autoptr(PwVault) vault = pw_vault_new (dir);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(PwSession) session = pw_session_new (vault, settings);
  g_autoptr(GHashTable) catalog = pw_test_load_catalog (language);
  g_autoptr(GHashTable) translations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) english = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (translations, value);
  english = load_english_content (session, language);

  pw_test_set_language (language);

  /* Numbers and dates in the language's own way, whatever LC_NUMERIC and
   * LC_TIME say (here: C). */
  {
    g_autofree char *score = pw_casework_format_score (2.5);
    g_autofree char *whole = pw_casework_format_score (3.0);
    g_autofree char *expected = g_strdup_printf ("2%s5", (const char *) g_hash_table_lookup (catalog, "."));
    g_autofree char *date = pw_catalog_format_date (NULL, "2026-04-03");
    g_autofree char *april = g_strdup (g_hash_table_lookup (catalog, "April"));

    g_assert_cmpstr (score, ==, expected);
    g_assert_cmpstr (whole, ==, "3");
    g_assert_nonnull (april);
    g_assert_nonnull (strstr (date, "3"));
    g_assert_nonnull (strstr (date, "2026"));
    g_assert_null (strstr (date, "April"));
    g_test_message ("%s: %s, %s", language, score, date);
  }

  for (int narrow = 0; narrow <= 1; narrow++)
    {
      Walk walk = { language, catalog, translations, english, narrow, 0 };

      walk_screens (&walk, session);
      g_test_message ("%s %s: %u texts checked", language, narrow ? "narrow" : "wide", walk.n_texts);
    }
  pw_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) languages = NULL;

  pw_test_init_gtk (&argc, &argv);
  languages = pw_test_languages ();
  g_assert_cmpuint (g_strv_length (languages), >=, 6);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/languages/%s", languages[i]);

      g_test_add_data_func (path, languages[i], test_language);
    }

  return g_test_run ();
}
