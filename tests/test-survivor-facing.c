/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-survivor-facing"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pw-her-plan.h"
#include "pw-plan-printer.h"
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

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "it", TRUE);
  pw_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/survivor-facing/print/spanish-while-interface-italian", test_print_spanish);
  ADD ("/survivor-facing/print/italian-with-contact", test_print_italian);
  ADD ("/survivor-facing/print/long-plan-pages", test_print_long_plan);
#undef ADD

  return g_test_run ();
}
