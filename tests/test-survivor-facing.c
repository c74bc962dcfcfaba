/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-survivor-facing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pw-her-plan.h"
#include "pw-pathway-map.h"
#include "pw-plan-printer.h"
#include "pw-presentation-window.h"
#include "pw-caseload-view.h"
#include "pw-survivor-facing-view.h"
#include "pw-window.h"
#include "pw-test-util.h"
#include "her-plan-fixture.h"

/* The worker's interface is Italian for the whole run; the survivor of the
 * fixture prefers Spanish. */

typedef HerPlanFixture Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  hpf_set_up (f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  hpf_tear_down (f);
  pw_test_iterate (10);
}

/* The survivor-facing messages (contexts "her plan" and "her goal") and
 * the worker's printing messages, as the catalogue of @language says them. */
static const char *her_messages[][2] = {
  { "her plan", "My plan" }, { "her plan", "Where I am now: %s" }, { "her plan", "My goals" },
  { "her plan", "My next steps" }, { "her plan", "What I have achieved" }, { "her plan", "Who helps: %s" },
  { "her plan", "Printed on %s" }, { "her plan", "Page %d of %d" }, { "her plan", "I am here" },
  { "her plan", "Back here again" }, { "her plan", "My contact" },
  { "her goal", "Under way" }, { "her goal", "Agreed" }, { "her goal", "On hold for now" },
};

/* A message's text without its printf part, for searching. */
static char *
message_stem (const char *text)
{
  const char *percent = strchr (text, '%');
  g_autofree char *stem = percent ? g_strndup (text, percent - text) : g_strdup (text);

  return g_strstrip (g_steal_pointer (&stem));
}

static char *
normalise_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_autofree char *program = g_find_program_in_path (argv[0]);

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils (build-aux/dev does)", argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
screenshot_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  char *text;    /* whitespace collapsed */
  guint pages;
} Printed;

static void
printed_clear (Printed *printed)
{
  g_clear_pointer (&printed->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Printed, printed_clear)

/* Prints her plan to a PDF, reads its text back with pdftotext, and writes
 * page 1 as a PNG beside the screenshots for a person to look at. */
static Printed
print_plan (Fixture    *f,
            gint64      survivor_id,
            const char *language,
            const char *contact,
            const char *png_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwHerPlan) plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                               survivor_id, language, &error);
  g_autoptr(PwPlanPrinter) printer = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pages;
  Printed printed = { NULL, 0 };

  g_assert_no_error (error);
  printer = pw_plan_printer_new (plan);
  pw_plan_printer_set_today (printer, "2026-12-01");
  pw_plan_printer_set_contact (printer, contact);
  g_assert_true (pw_plan_printer_export_pdf (printer, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  printed.text = normalise_space (text);
  info = run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  printed.pages = strtoul (pages + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (printed.pages, >=, 1);

  if (png_name != NULL)
    {
      g_autofree char *prefix = screenshot_path (png_name);
      g_autofree char *out = run_tool ((const char *[]) { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                                                          "-singlefile", pdf, prefix, NULL });
      g_autofree char *png = g_strconcat (prefix, ".png", NULL);

      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
      g_test_message ("printed page 1: %s", png);
    }
  g_unlink (pdf);
  return printed;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from: %s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” must not be in: %s", needle, text);
}

/* Nothing of the case file but her plan; nobody else's. */
static void
assert_discreet (const char *text)
{
  assert_lacks (text, HPF_ALIAS);
  assert_lacks (text, HPF_KEY_WORKER);
  assert_lacks (text, HPF_NOTE);
  assert_lacks (text, HPF_RISK_FACTOR);
  assert_lacks (text, HPF_DROPPED);
  assert_lacks (text, HPF_WORKER_TITLE);
  assert_lacks (text, "other-survivor-marker-1188");
  assert_lacks (text, "TEST-002");
}

static void
test_print_spanish (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Printed) printed = print_plan (f, f->survivor_id, NULL, NULL, "printed-plan-es");
  PwCatalog *es = pw_catalog_get_for_language ("es");
  PwCatalog *it = pw_catalog_get_for_language ("it");
  g_autoptr(PwHerPlan) plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                               f->survivor_id, NULL, NULL);
  PwTemplate *template = pw_her_plan_get_template (plan);
  const char *text = printed.text;
  const char *goal3, *goal1, *documents;

  g_assert_cmpuint (printed.pages, ==, 1);

  /* Her interface strings and pathway texts in Spanish... */
  assert_contains (text, "Mi plan");
  assert_contains (text, "Mis objetivos");
  assert_contains (text, "Mis próximos pasos");
  assert_contains (text, "Lo que he conseguido");
  assert_contains (text, "Dónde estoy ahora: Restitución de derechos");
  assert_contains (text, "Itinerario de integración");
  assert_contains (text, "Impreso el 1 de diciembre de 2026");
  assert_contains (text, "3 de marzo de 2026");
  assert_contains (text, "Página 1 de 1");
  assert_contains (text, "Quién me ayuda: " HPF_HELPER);
  assert_contains (text, "En marcha");
  assert_contains (text, "TEST-001");
  for (guint i = 0; i < g_list_model_get_n_items (pw_template_get_stages (template)); i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (pw_template_get_stages (template), i);

      assert_contains (text, pw_stage_get_name (stage, "es"));
    }

  /* ...her goals in her words and her order... */
  goal3 = strstr (text, HPF_GOAL_3);
  goal1 = strstr (text, HPF_GOAL_1);
  documents = strstr (text, pw_step_get_title (pw_template_lookup_step (template, "rights.identity-documents"), "es"));
  g_assert_nonnull (goal3);
  g_assert_nonnull (goal1);
  g_assert_nonnull (documents);
  g_assert_true (goal3 < goal1 && goal1 < documents);
  assert_contains (text, HPF_ACHIEVED);
  assert_contains (text, HPF_MILESTONE);
  assert_contains (text, HPF_MILESTONE_LINKED);

  /* ...and not one of the worker's Italian strings, nor anything private. */
  for (guint i = 0; i < G_N_ELEMENTS (her_messages); i++)
    {
      g_autofree char *italian = message_stem (pw_catalog_pgettext (it, her_messages[i][0], her_messages[i][1]));
      g_autofree char *spanish = message_stem (pw_catalog_pgettext (es, her_messages[i][0], her_messages[i][1]));

      if (g_strcmp0 (italian, spanish) != 0 && strlen (italian) > 3)
        assert_lacks (text, italian);
    }
  assert_lacks (text, "marzo 2026 ");  /* an Italian date would lack "de" */
  assert_discreet (text);
  /* The contact only when she agrees to it. */
  assert_lacks (text, "Mi contacto de referencia");
}

static void
test_print_italian (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Printed) printed = print_plan (f, f->survivor_id, "it", "Servizio Esempio, 000 000 0000",
                                        "printed-plan-it");

  assert_contains (printed.text, "Il mio progetto");
  assert_contains (printed.text, "I miei obiettivi");
  assert_contains (printed.text, "Dove sono ora: Ripristino dei diritti");
  assert_contains (printed.text, "Stampato il 1 dicembre 2026");
  assert_contains (printed.text, "Il mio contatto di riferimento");
  assert_contains (printed.text, "Servizio Esempio, 000 000 0000");
  assert_lacks (printed.text, "Mis objetivos");
  assert_discreet (printed.text);
}

/* Her plan prints in every language Pathway ships, whatever the worker's:
 * her strings, the pathway's names and the dates are all in her language. */
static void
test_print_every_language (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(GStrv) languages = pw_test_languages ();
  PwCatalog *english = pw_catalog_get_for_language ("en");

  g_assert_cmpuint (g_strv_length (languages), >=, 6);
  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autofree char *png = g_strdup_printf ("printed-plan-every-%s", languages[l]);
      g_auto(Printed) printed = print_plan (f, f->survivor_id, languages[l], NULL, png);
      PwCatalog *catalog = pw_catalog_get_for_language (languages[l]);
      g_autoptr(PwHerPlan) plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                                   f->survivor_id, languages[l], NULL);
      PwTemplate *template = pw_her_plan_get_template (plan);
      g_autofree char *printed_on = pw_catalog_format_date (catalog, "2026-12-01");

      g_test_message ("%s: %s", languages[l], printed.text);
      g_assert_cmpstr (pw_catalog_get_language (catalog), ==, languages[l]);
      g_assert_cmpuint (printed.pages, ==, 1);
      assert_contains (printed.text, printed_on);
      assert_contains (printed.text, HPF_GOAL_1);
      for (guint i = 0; i < g_list_model_get_n_items (pw_template_get_stages (template)); i++)
        {
          g_autoptr(PwStage) stage = g_list_model_get_item (pw_template_get_stages (template), i);

          assert_contains (printed.text, pw_stage_get_name (stage, languages[l]));
        }
      for (guint i = 0; i < G_N_ELEMENTS (her_messages); i++)
        {
          g_autofree char *theirs = message_stem (pw_catalog_pgettext (catalog, her_messages[i][0], her_messages[i][1]));
          g_autofree char *ours = message_stem (pw_catalog_pgettext (english, her_messages[i][0], her_messages[i][1]));

          /* No English one of her strings is printed. */
          if (g_strcmp0 (theirs, ours) != 0 && strlen (ours) > 3)
            assert_lacks (printed.text, ours);
        }
      assert_discreet (printed.text);
    }
}

/* The print dialog's own tab: the contact goes on paper only when the
 * worker says she agrees. */
static void
test_print_contact_tab (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PwHerPlan) plan = pw_her_plan_new (f->store, pw_session_get_templates (f->session),
                                               f->survivor_id, NULL, NULL);
  g_autoptr(PwPlanPrinter) printer = pw_plan_printer_new (plan);
  GtkPrintOperationClass *klass = GTK_PRINT_OPERATION_GET_CLASS (printer);
  GtkWidget *tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (printer)));
  GtkWidget *toggle = pw_test_find (tab, GTK_TYPE_SWITCH, NULL);
  GtkWidget *entry = pw_test_find (tab, GTK_TYPE_ENTRY, NULL);

  g_assert_nonnull (toggle);
  g_assert_nonnull (entry);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (gtk_widget_get_sensitive (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Servicio Ejemplo, 000 000 000");
  klass->custom_widget_apply (GTK_PRINT_OPERATION (printer), tab);
  g_assert_null (pw_plan_printer_get_contact (printer));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (gtk_widget_get_sensitive (entry));
  klass->custom_widget_apply (GTK_PRINT_OPERATION (printer), tab);
  g_assert_cmpstr (pw_plan_printer_get_contact (printer), ==, "Servicio Ejemplo, 000 000 000");
  g_object_unref (tab);
}

static void
test_print_long_plan (Fixture       *f,
                      gconstpointer  data)
{
  gint64 mine = f->survivor_id;
  g_auto(Printed) printed = { NULL, 0 };

  f->survivor_id = hpf_add_survivor (f, "TEST-004", "es");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *words = g_strdup_printf ("Ejemplo largo número %u: una frase de prueba bastante larga "
                                                "para que el texto ocupe más de una línea en el papel", i + 1);

      hpf_add_item (f, "recovery.language-course", "recovery", PW_PLAN_ITEM_STATUS_AGREED, words,
                    "2026-06-01", HPF_HELPER);
    }
  printed = print_plan (f, f->survivor_id, NULL, NULL, NULL);
  f->survivor_id = mine;

  g_assert_cmpuint (printed.pages, >=, 3);
  assert_contains (printed.text, "Página 2 de");
  assert_contains (printed.text, "Ejemplo largo número 1:");
  assert_contains (printed.text, "Ejemplo largo número 40:");
}

/* ---- Her view ------------------------------------------------------------ */

/* po/@language.po as msgctxt\004msgid → msgstr (plural forms joined). */
static GHashTable *
load_po (const char *language)
{
  g_autoptr(GPtrArray) entries = pw_test_load_po (language);
  GHashTable *po = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      PwTestPoEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GString) forms = g_string_new (NULL);

      for (guint j = 0; entry->msgstr[j] != NULL; j++)
        {
          if (forms->len > 0)
            g_string_append_c (forms, '\n');
          g_string_append (forms, entry->msgstr[j]);
        }
      if (*entry->msgid == '\0' || forms->len == 0)
        continue;
      g_hash_table_replace (po,
                            entry->msgctxt != NULL && *entry->msgctxt != '\0'
                              ? g_strdup_printf ("%s\004%s", entry->msgctxt, entry->msgid)
                              : g_strdup (entry->msgid),
                            g_string_free (g_steal_pointer (&forms), FALSE));
    }
  return po;
}

/* Texts only the worker's Italian would show: Italian translations that
 * are neither the Spanish nor the English text, cut before any printf
 * placeholder. */
static GPtrArray *
italian_only_texts (void)
{
  g_autoptr(GHashTable) it = load_po ("it");
  g_autoptr(GHashTable) es = load_po ("es");
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, it);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      const char *msgid = strchr (key, '\004') ? strchr (key, '\004') + 1 : key;
      g_auto(GStrv) forms = g_strsplit (value, "\n", -1);

      if (*key == '\0')
        continue;
      for (guint i = 0; forms[i] != NULL; i++)
        {
          g_autofree char *stem = message_stem (forms[i]);
          const char *spanish = g_hash_table_lookup (es, key);

          if (g_utf8_strlen (stem, -1) < 5 || g_strcmp0 (stem, msgid) == 0 ||
              (spanish != NULL && strstr (spanish, stem) != NULL))
            continue;
          g_ptr_array_add (texts, g_steal_pointer (&stem));
        }
    }
  return texts;
}

static void
assert_no_italian (GPtrArray *shown)
{
  g_autoptr(GPtrArray) italian = italian_only_texts ();

  g_assert_cmpuint (italian->len, >, 300);
  for (guint i = 0; i < shown->len; i++)
    for (guint j = 0; j < italian->len; j++)
      {
        const char *text = g_ptr_array_index (shown, i);
        const char *it = g_ptr_array_index (italian, j);

        if (g_str_has_prefix (text, it))
          g_error ("Her view shows the worker's Italian “%s” (in “%s”)", it, text);
      }
}

static gboolean
contains_text (GPtrArray  *texts,
               const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Widgets that belong to the case file, never to her view. */
static const char *professional_types[] = {
  "PwCaseloadView", "PwSurvivorView", "PwOverviewPage", "PwPlanPage", "PwSafetyPage",
  "PwNotesPage", "PwProgressPage", "PwSurvivorEditor", "PwPlanItemEditor", "PwRiskReviewDialog",
  "GtkMenuButton", "GtkPopoverMenu", "GtkSearchEntry",
};

static void
assert_nothing_professional (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (professional_types); i++)
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), professional_types[i]))
      g_error ("Her view shows a %s", professional_types[i]);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_nothing_professional (child);
}

typedef struct
{
  GtkWindow *window;
  PwSurvivorFacingView *view;
} ViewWindow;

static ViewWindow
open_view (Fixture *f,
           int      width,
           int      height)
{
  g_autoptr(GError) error = NULL;
  ViewWindow v;

  v.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (v.window, width, height);
  v.view = PW_SURVIVOR_FACING_VIEW (pw_survivor_facing_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (v.view), width, height);
  pw_survivor_facing_view_set_session (v.view, f->session);
  gtk_window_set_child (v.window, GTK_WIDGET (v.view));
  g_assert_true (pw_survivor_facing_view_show_survivor (v.view, f->survivor_id, &error));
  g_assert_no_error (error);
  gtk_window_present (v.window);
  pw_test_wait_for_frame (GTK_WIDGET (v.window));
  pw_test_iterate (50);
  return v;
}

static void
test_view_spanish (Fixture       *f,
                   gconstpointer  data)
{
  ViewWindow v = open_view (f, 1100, 760);
  g_autoptr(GPtrArray) map_texts = NULL;
  g_autoptr(GPtrArray) plan_texts = NULL;
  g_autofree char *png = NULL;

  map_texts = pw_test_collect_texts (GTK_WIDGET (v.view));
  png = pw_test_screenshot (GTK_WIDGET (v.window), "survivor-view-es-map");
  g_clear_pointer (&png, g_free);
  pw_survivor_facing_view_show_page (v.view, "plan");
  pw_test_wait_for_frame (GTK_WIDGET (v.view));
  plan_texts = pw_test_collect_texts (GTK_WIDGET (v.view));
  png = pw_test_screenshot (GTK_WIDGET (v.window), "survivor-view-es-plan");

  /* Her map and her plan in Spanish: the template's texts and the app's. */
  g_assert_true (contains_text (map_texts, "Restitución de derechos"));
  g_assert_true (contains_text (map_texts, "Mi itinerario"));
  g_assert_true (contains_text (plan_texts, "Mis objetivos"));
  g_assert_true (contains_text (plan_texts, HPF_GOAL_1));
  g_assert_true (contains_text (plan_texts, "Dónde estoy ahora: Restitución de derechos"));
  g_assert_true (contains_text (plan_texts, "3 de marzo de 2026"));
  g_assert_true (contains_text (plan_texts, "Cerrar"));

  /* The worker's Italian nowhere, and nothing of the case file. */
  assert_no_italian (map_texts);
  assert_no_italian (plan_texts);
  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *texts = i == 0 ? map_texts : plan_texts;

      g_assert_false (contains_text (texts, HPF_ALIAS));
      g_assert_false (contains_text (texts, HPF_KEY_WORKER));
      g_assert_false (contains_text (texts, HPF_NOTE));
      g_assert_false (contains_text (texts, HPF_RISK_FACTOR));
      g_assert_false (contains_text (texts, HPF_DROPPED));
      g_assert_false (contains_text (texts, HPF_WORKER_TITLE));
      g_assert_false (contains_text (texts, "other-survivor-marker-1188"));
      g_assert_false (contains_text (texts, "TEST-002"));
    }
  assert_nothing_professional (GTK_WIDGET (v.view));
  pw_survivor_facing_view_show_page (v.view, "map");
  pw_test_wait_for_frame (GTK_WIDGET (v.view));
  assert_nothing_professional (GTK_WIDGET (v.view));

  /* A step of her map tells her about it, in Spanish, and changes nothing. */
  {
    PwPathwayMap *map = PW_PATHWAY_MAP (pw_survivor_facing_view_get_map (v.view));
    GtkWidget *popover = pw_pathway_map_get_popover (map);
    g_autoptr(GPtrArray) popover_texts = NULL;
    PwCatalog *it = pw_catalog_get_for_language ("it");

    g_assert_true (pw_pathway_map_open_step (map, "recovery.language-course"));
    pw_test_wait_for_frame (popover);
    popover_texts = pw_test_collect_texts (popover);
    g_assert_true (contains_text (popover_texts, "Mi papel"));
    g_assert_true (contains_text (popover_texts, "En mi plan"));
    g_assert_true (contains_text (popover_texts, HPF_GOAL_1));
    g_assert_false (contains_text (popover_texts, "Add to Plan"));
    g_assert_false (contains_text (popover_texts, pw_catalog_gettext (it, "Add to Plan")));
    g_assert_false (contains_text (popover_texts, pw_catalog_gettext (pw_catalog_get_for_language ("es"), "Add to Plan")));
    assert_no_italian (popover_texts);
    assert_nothing_professional (popover);
    gtk_popover_popdown (GTK_POPOVER (popover));

    /* What she set aside is not on her map. */
    g_assert_true (pw_pathway_map_open_step (map, "autonomy.work-placement"));
    pw_test_wait_for_frame (popover);
    g_clear_pointer (&popover_texts, g_ptr_array_unref);
    popover_texts = pw_test_collect_texts (popover);
    g_assert_false (contains_text (popover_texts, HPF_DROPPED));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  gtk_window_destroy (v.window);
}

static void
on_leave (gboolean *left)
{
  *left = TRUE;
}

static void
test_view_leave_and_lock (Fixture       *f,
                          gconstpointer  data)
{
  ViewWindow v = open_view (f, 900, 640);
  gboolean left = FALSE;

  g_signal_connect_swapped (v.view, "leave", G_CALLBACK (on_leave), &left);
  /* Esc leaves at once, wherever the focus is in her view. */
  gtk_widget_grab_focus (pw_survivor_facing_view_get_map (v.view));
  gtk_widget_activate_action (GTK_WIDGET (v.view), "nothing", NULL);
  g_signal_emit_by_name (v.view, "leave");
  g_assert_true (left);

  /* Locking forgets her. */
  pw_session_lock (f->session);
  g_assert_cmpint (pw_survivor_facing_view_get_survivor_id (v.view), ==, 0);
  g_assert_null (pw_survivor_facing_view_get_plan (v.view));
  {
    g_autoptr(GPtrArray) texts = pw_test_collect_texts (GTK_WIDGET (v.view));

    g_assert_false (contains_text (texts, HPF_GOAL_1));
  }
  gtk_window_destroy (v.window);
}

/* ---- Presentation -------------------------------------------------------- */

static void
test_presentation_refused_with_real_vault (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PwPresentationWindow *window;

  /* Her real vault is unlocked: nothing may reach a projector. */
  g_assert_false (pw_presentation_can_start (f->session, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "Ctrl+L"));
  g_clear_error (&error);
  window = pw_presentation_window_new (NULL, f->session, &error);
  g_assert_null (window);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Locked, it runs on the bare pathway... */
  pw_session_lock (f->session);
  window = pw_presentation_window_new (NULL, f->session, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  /* An overview, each stage and its steps, the overview again. */
  g_assert_cmpuint (pw_presentation_window_get_n_slides (window), ==, 2 + 2 * 4);
  pw_presentation_window_follow_case (window, f->survivor_id);
  g_assert_cmpint (pw_presentation_window_get_case (window), ==, 0);

  /* ...and closes itself the moment the real vault is unlocked. */
  g_assert_true (pw_vault_unlock (pw_session_get_vault (f->session), "a long test passphrase", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_session_get_state (f->session), ==, PW_SESSION_UNLOCKED);
  pw_test_iterate (20);
  g_assert_null (window);
}

/* WCAG contrast of @fg (blended over @bg) against @bg. */
static double
luminance (const GdkRGBA *c)
{
  double rgb[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (const GdkRGBA *fg,
          const GdkRGBA *bg)
{
  GdkRGBA blended = {
    fg->red * fg->alpha + bg->red * (1 - fg->alpha),
    fg->green * fg->alpha + bg->green * (1 - fg->alpha),
    fg->blue * fg->alpha + bg->blue * (1 - fg->alpha),
    1,
  };
  double a = luminance (&blended) + 0.05, b = luminance (bg) + 0.05;

  return MAX (a, b) / MIN (a, b);
}

typedef struct
{
  int smallest_text;     /* px of a line of the smallest slide text */
  int largest_text;
  double lowest_contrast;
  guint n_labels;
} Legibility;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
measure_legibility (GtkWidget     *widget,
                    const GdkRGBA *background,
                    Legibility    *result)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      PangoRectangle logical;
      GdkRGBA color;

      GdkRGBA own_background = *background;

      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      result->smallest_text = MIN (result->smallest_text, logical.height);
      result->largest_text = MAX (result->largest_text, logical.height);
      if (contrast (&color, &own_background) < 7.0)
        g_test_message ("low contrast %.1f:1: “%s”", contrast (&color, &own_background),
                        gtk_label_get_text (GTK_LABEL (widget)));
      result->lowest_contrast = MIN (result->lowest_contrast, contrast (&color, &own_background));
      result->n_labels++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    measure_legibility (child, background, result);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
check_slide (PwPresentationWindow *window,
             guint                 slide,
             const char           *screenshot)
{
  GtkWidget *stack = pw_test_find (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);
  GtkWidget *content;
  Legibility legibility = { G_MAXINT, 0, 100, 0 };
  GdkRGBA background;
  g_autofree char *png = NULL;

  pw_presentation_window_set_slide (window, slide);
  pw_test_iterate (50);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  content = gtk_stack_get_visible_child (GTK_STACK (stack));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (window)),
                                                 "window_bg_color", &background));
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (screenshot != NULL)
    png = pw_test_screenshot (GTK_WIDGET (window), screenshot);
  measure_legibility (content, &background, &legibility);
  g_test_message ("slide %u: %u labels, text lines %d–%d px, lowest contrast %.1f:1", slide,
                  legibility.n_labels, legibility.smallest_text, legibility.largest_text,
                  legibility.lowest_contrast);

  /* From the back of a room at 1280×720: no line under 26 px (a 20 pt
   * body on a 1080p screen), a title over 50 px, and at least 7:1 (WCAG
   * AAA), since a projector washes contrast out. */
  g_assert_cmpuint (legibility.n_labels, >=, 3);
  g_assert_cmpint (legibility.smallest_text, >=, 26);
  g_assert_cmpint (legibility.largest_text, >=, 50);
  g_assert_cmpfloat (legibility.lowest_contrast, >=, 7.0);
  /* Everything fits: nothing is cut off at the bottom. */
  g_assert_cmpint (gtk_widget_get_height (content), <=, gtk_widget_get_height (stack));
  {
    int minimum = 0;

    gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (stack), &minimum, NULL, NULL, NULL);
    if (minimum > gtk_widget_get_height (stack))
      g_error ("slide %u needs %d px but has %d", slide, minimum, gtk_widget_get_height (stack));
  }
}

static void
test_presentation_demo (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PwPresentationWindow *window;
  g_autoptr(GPtrArray) texts = NULL;
  guint n;

  pw_session_lock (f->session);
  g_assert_true (pw_session_open_demo (f->session, &error));
  g_assert_no_error (error);
  g_assert_true (pw_session_get_demo (f->session));
  g_assert_true (pw_presentation_can_start (f->session, NULL));

  window = pw_presentation_window_new (NULL, f->session, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_set_size_request (gtk_widget_get_first_child (GTK_WIDGET (window)), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  n = pw_presentation_window_get_n_slides (window);

  /* The keyboard alone: C follows the first example case; arrows move. */
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.follow-case", NULL);
  g_assert_cmpint (pw_presentation_window_get_case (window), >, 0);
  texts = pw_test_collect_texts (GTK_WIDGET (window));
  g_assert_true (contains_text (texts, "DEMO-01"));
  g_assert_true (contains_text (texts, _("Example cases, fictional")));

  check_slide (window, 0, "presentation-overview");
  check_slide (window, 1, "presentation-stage");
  check_slide (window, 2, "presentation-steps");
  for (guint i = 3; i < n; i++)
    check_slide (window, i, NULL);
  check_slide (window, n - 1, "presentation-end");

  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.move", "i", G_MININT32);
  g_assert_cmpuint (pw_presentation_window_get_slide (window), ==, 0);
  for (guint i = 1; i < n + 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "presentation.move", "i", 1);
      g_assert_cmpuint (pw_presentation_window_get_slide (window), ==, MIN (i, n - 1));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.move", "i", -1);
  g_assert_cmpuint (pw_presentation_window_get_slide (window), ==, n - 2);

  /* Locking closes the demo: the case is forgotten, the window stays. */
  pw_session_lock (f->session);
  g_assert_nonnull (window);
  g_assert_cmpint (pw_presentation_window_get_case (window), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "presentation.leave", NULL);
  pw_test_iterate (20);
  g_assert_null (window);
}

/* ---- In the window --------------------------------------------------------- */

static const char *
main_page (GtkWidget *window)
{
  /* The window's outermost stack: setup, lock, recovery, her view, workspace. */
  GtkWidget *stack = pw_test_find (window, GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Every GtkMenuButton below @widget, shown or not. */
static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, found);
}

static gboolean
any_popover_mapped (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_popover_mapped (child))
      return TRUE;
  return FALSE;
}

static void
test_window_survivor_view (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (pw_window_new (pw_test_get_application (), f->session));
  GtkWidget *caseload;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *png = NULL;
  PwSurvivorFacingView *her_view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_widget_set_size_request (gtk_widget_get_first_child (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (window);
  caseload = pw_test_find (window, PW_TYPE_CASELOAD_VIEW, NULL);
  g_assert_nonnull (caseload);
  pw_caseload_view_select (PW_CASELOAD_VIEW (caseload), f->survivor_id);
  g_signal_emit_by_name (caseload, "survivor-activated", f->survivor_id);
  pw_test_iterate (50);
  g_assert_cmpstr (main_page (window), ==, "workspace");

  /* The button in her header (and Ctrl+Shift+S) run win.survivor-view. */
  g_assert_true (gtk_widget_activate_action (window, "win.survivor-view", NULL));
  pw_test_wait_for_frame (window);
  g_assert_cmpstr (main_page (window), ==, "her-view");
  g_assert_true (pw_window_get_survivor_mode (PW_WINDOW (window)));
  her_view = PW_SURVIVOR_FACING_VIEW (pw_test_find (window, PW_TYPE_SURVIVOR_FACING_VIEW, NULL));
  g_assert_nonnull (her_view);
  g_assert_cmpint (pw_survivor_facing_view_get_survivor_id (her_view), ==, f->survivor_id);

  /* Walking the whole window: nothing of the case file is on screen. */
  assert_nothing_professional (window);
  texts = pw_test_collect_texts (window);
  g_assert_true (contains_text (texts, "Mi itinerario"));
  g_assert_false (contains_text (texts, "TEST-002"));
  g_assert_false (contains_text (texts, HPF_ALIAS));
  g_assert_false (contains_text (texts, HPF_KEY_WORKER));
  assert_no_italian (texts);
  png = pw_test_screenshot (window, "survivor-view-es-window");

  /* No menu of the case file can be opened from her view, not even by a
   * key such as F10: GTK runs no shortcut of an unmapped widget, and every
   * menu button of the window is unmapped while she looks. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect_menu_buttons (window, buttons);
    g_assert_cmpuint (buttons->len, >, 0);
    for (guint i = 0; i < buttons->len; i++)
      g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)));
    g_assert_false (any_popover_mapped (window));
  }

  /* Leaving takes no passphrase and is instant. */
  g_signal_emit_by_name (her_view, "leave");
  g_assert_cmpstr (main_page (window), ==, "workspace");
  g_assert_false (pw_window_get_survivor_mode (PW_WINDOW (window)));
  g_assert_cmpint (pw_survivor_facing_view_get_survivor_id (her_view), ==, 0);

  /* F5 with her real vault open: a sentence, no presentation. */
  g_assert_true (gtk_widget_activate_action (window, "win.present", NULL));
  pw_test_iterate (50);
  g_assert_null (pw_test_find_toplevel (PW_TYPE_PRESENTATION_WINDOW));
  {
    GtkWindow *dialog = pw_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Ctrl+L"));
    gtk_window_destroy (dialog);
  }

  /* Back into her view, then the vault locks: she is gone from memory. */
  g_assert_true (gtk_widget_activate_action (window, "win.survivor-view", NULL));
  g_assert_cmpstr (main_page (window), ==, "her-view");
  pw_session_lock (f->session);
  pw_test_iterate (20);
  g_assert_cmpstr (main_page (window), ==, "lock");
  g_assert_cmpint (pw_survivor_facing_view_get_survivor_id (her_view), ==, 0);

  /* Locked, F5 presents the bare pathway. */
  g_assert_true (gtk_widget_activate_action (window, "win.present", NULL));
  pw_test_iterate (50);
  {
    GtkWindow *presentation = pw_test_find_toplevel (PW_TYPE_PRESENTATION_WINDOW);

    g_assert_nonnull (presentation);
    gtk_window_destroy (presentation);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pw_test_iterate (20);
}

/* The same slides with a Spanish-speaking trainer, in the dark style. */
static void
test_presentation_spanish_dark (Fixture       *f,
                                gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  PwPresentationWindow *window;

  pw_test_set_language ("es");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  pw_session_lock (f->session);
  g_assert_true (pw_session_open_demo (f->session, &error));
  g_assert_no_error (error);

  window = pw_presentation_window_new (NULL, f->session, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (gtk_widget_get_first_child (GTK_WIDGET (window)), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  pw_test_wait_for_frame (GTK_WIDGET (window));
  /* Three example cases on: one whose pathway is the Spanish one. */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "presentation.follow-case", NULL);
  check_slide (window, 3, "presentation-stage-es-dark");
  check_slide (window, 4, "presentation-steps-es-dark");
  texts = pw_test_collect_texts (GTK_WIDGET (window));
  g_assert_true (contains_text (texts, "Etapa 2 de 4"));
  g_assert_true (contains_text (texts, "Casos de ejemplo, ficticios"));

  gtk_window_destroy (GTK_WINDOW (window));
  pw_session_lock (f->session);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  pw_test_set_language ("it");
}

/* Her view in a second language (Italian, her own), and in the dark. */
static void
test_view_italian_dark (Fixture       *f,
                        gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  ViewWindow v;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *png = NULL;

  f->survivor_id = f->other_id;
  v = open_view (f, 1100, 760);
  texts = pw_test_collect_texts (GTK_WIDGET (v.view));
  g_assert_true (contains_text (texts, "Il mio percorso"));
  g_assert_true (contains_text (texts, "Ripristino dei diritti"));
  png = pw_test_screenshot (GTK_WIDGET (v.window), "survivor-view-it-map");
  g_clear_pointer (&png, g_free);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  pw_survivor_facing_view_show_page (v.view, "plan");
  pw_test_wait_for_frame (GTK_WIDGET (v.view));
  pw_test_iterate (250);
  png = pw_test_screenshot (GTK_WIDGET (v.window), "survivor-view-it-plan-dark");
  g_clear_pointer (&texts, g_ptr_array_unref);
  texts = pw_test_collect_texts (GTK_WIDGET (v.view));
  g_assert_true (contains_text (texts, "I miei obiettivi"));
  g_assert_true (contains_text (texts, "other-survivor-marker-1188"));
  g_assert_false (contains_text (texts, HPF_GOAL_1));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (v.window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_setenv ("LANGUAGE", "it", TRUE);
  pw_test_init_gtk (&argc, &argv);
  /* Screenshots of slides, not of slide transitions. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* What the application loads at start. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/pathwaytool/Pathway/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/survivor-facing/print/spanish-while-interface-italian", test_print_spanish);
  ADD ("/survivor-facing/print/italian-with-contact", test_print_italian);
  ADD ("/survivor-facing/print/every-language", test_print_every_language);
  ADD ("/survivor-facing/print/long-plan-pages", test_print_long_plan);
  ADD ("/survivor-facing/print/contact-only-if-she-agrees", test_print_contact_tab);
  ADD ("/survivor-facing/view/spanish-and-nothing-private", test_view_spanish);
  ADD ("/survivor-facing/view/leave-and-lock", test_view_leave_and_lock);
  ADD ("/survivor-facing/presentation/refused-with-real-vault", test_presentation_refused_with_real_vault);
  ADD ("/survivor-facing/presentation/demo-case-legible", test_presentation_demo);
  ADD ("/survivor-facing/window/survivor-view-f5-lock", test_window_survivor_view);
  ADD ("/survivor-facing/presentation/spanish-dark", test_presentation_spanish_dark);
  ADD ("/survivor-facing/view/italian-dark", test_view_italian_dark);
#undef ADD

  return g_test_run ();
}
