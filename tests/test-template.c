/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-template"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pw-template.h"
#include "pw-template-private.h"
#include "pw-template-registry.h"
#include "pw-test-util.h"

/* Malformed fixtures --------------------------------------------------------
 *
 * Each fixture breaks one rule. @needle is text in the fixture where the
 * error must point ("|" marks the exact character when it is not the first
 * one; @occurrence picks the nth match, -1 the last); NULL means the message
 * carries no position (an empty file). */

typedef enum
{
  SETUP_NONE,
  SETUP_MINIMAL,  /* the registry holds valid-minimal.json */
  SETUP_CYCLE,    /* the registry holds bad-extends-cycle-b.json */
} Setup;

typedef struct
{
  const char *file;
  int         code;
  const char *needle;
  int         occurrence;
  Setup       setup;
  const char *error_file;
} Malformed;

static const Malformed malformed[] = {
  { "bad-empty.json", PW_TEMPLATE_ERROR_INVALID_JSON, NULL },
  { "bad-whitespace-only.json", PW_TEMPLATE_ERROR_INVALID_JSON, NULL },
  { "bad-truncated.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\"", -1 },
  { "bad-not-an-object.json", PW_TEMPLATE_ERROR_INVALID_FORMAT, "[" },
  { "bad-not-a-template.json", PW_TEMPLATE_ERROR_INVALID_FORMAT, "{" },
  { "bad-trailing-garbage.json", PW_TEMPLATE_ERROR_INVALID_JSON, "{\"id\": \"again\"}" },
  { "bad-invalid-utf8.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\xff" },
  { "bad-comment.json", PW_TEMPLATE_ERROR_INVALID_JSON, "// raised" },
  { "bad-single-quotes.json", PW_TEMPLATE_ERROR_INVALID_JSON, "'id'" },
  { "bad-trailing-comma.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\"es\"|,\n  ]" },
  { "bad-leading-zero.json", PW_TEMPLATE_ERROR_INVALID_JSON, "02," },
  { "bad-number-too-large.json", PW_TEMPLATE_ERROR_INVALID_JSON, "1234567890123" },
  { "bad-control-char.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\tof recovery" },
  { "bad-lone-surrogate.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\\ud800" },
  { "bad-nul-escape.json", PW_TEMPLATE_ERROR_INVALID_JSON, "\\u0000" },
  { "bad-duplicate-member.json", PW_TEMPLATE_ERROR_DUPLICATE_MEMBER, "\"title\": {\n            \"en\": \"Example step 4\"" },
  { "bad-deep-nesting.json", PW_TEMPLATE_ERROR_TOO_LARGE, "\"x-deep\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[|[" },
  { "bad-huge-string.json", PW_TEMPLATE_ERROR_TOO_LARGE, "\"zzzzzzzzzz" },
  { "bad-wrong-format.json", PW_TEMPLATE_ERROR_INVALID_FORMAT, "\"pathway-templates\"" },
  { "bad-format-version-2.json", PW_TEMPLATE_ERROR_UNSUPPORTED_VERSION, "\"format_version\": |2" },
  { "bad-format-version-string.json", PW_TEMPLATE_ERROR_WRONG_TYPE, "\"format_version\": |\"1\"" },
  { "bad-missing-id.json", PW_TEMPLATE_ERROR_MISSING_MEMBER, "{" },
  { "bad-template-id.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"Test Minimal\"" },
  { "bad-version-string.json", PW_TEMPLATE_ERROR_WRONG_TYPE, "\"version\": |\"3\"" },
  { "bad-version-zero.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"version\": |0" },
  { "bad-steps-object.json", PW_TEMPLATE_ERROR_WRONG_TYPE, "\"steps\": |{" },
  { "bad-title-string.json", PW_TEMPLATE_ERROR_WRONG_TYPE, "\"title\": |\"Example step 4\"" },
  { "bad-duplicate-step-id.json", PW_TEMPLATE_ERROR_DUPLICATE_ID, "\"recovery.first\"", 2 },
  { "bad-duplicate-indicator-id.json", PW_TEMPLATE_ERROR_DUPLICATE_ID, "\"id\": |\"safety.feeling-safe\"", 2 },
  { "bad-duplicate-domain.json", PW_TEMPLATE_ERROR_DUPLICATE_ID, "\"id\": |\"social\"", 2 },
  { "bad-nine-domains.json", PW_TEMPLATE_ERROR_MISSING_MEMBER, "\"domains\": |[" },
  { "bad-unknown-domain.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"houseing\"" },
  { "bad-indicator-unknown-domain.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"home\"" },
  { "bad-unknown-member.json", PW_TEMPLATE_ERROR_UNKNOWN_MEMBER, "\"survivor_rol\"" },
  { "bad-unknown-root-member.json", PW_TEMPLATE_ERROR_UNKNOWN_MEMBER, "\"author\"" },
  { "bad-insert-after-in-base.json", PW_TEMPLATE_ERROR_UNKNOWN_MEMBER, "\"insert_after\"" },
  { "bad-missing-english.json", PW_TEMPLATE_ERROR_MISSING_MEMBER, "\"description\": |{\n            \"it\": \"Zebra-marker-2 " },
  { "bad-bad-language-code.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"ES\"" },
  { "bad-language-twice.json", PW_TEMPLATE_ERROR_DUPLICATE_ID, "\"it\"", 2 },
  { "bad-no-english-language.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"languages\": |[" },
  { "bad-unlisted-language.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"fr\"" },
  { "bad-empty-text.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"it\": |\"\"" },
  { "bad-blank-text.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"es\": |\" \\n \"" },
  { "bad-four-levels.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"levels\": |[", 1 },
  { "bad-six-levels.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"levels\": |[", 2 },
  { "bad-level-number.json", PW_TEMPLATE_ERROR_WRONG_TYPE, "},\n        |4," },
  { "bad-title-too-long.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"An example title" },
  { "bad-stage-order.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"id\": |\"rights\"" },
  { "bad-three-stages.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"stages\": |[" },
  { "bad-step-prefix.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"recovery.sneaky\"" },
  { "bad-empty-steps.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"steps\": |[]" },
  { "bad-country.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"Italy\"" },
  { "bad-url.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"ftp://" },
  { "bad-extends-missing.json", PW_TEMPLATE_ERROR_EXTENDS_MISSING, "\"extends\": |\"no-such-base\"", 1, SETUP_MINIMAL },
  { "bad-extends-self.json", PW_TEMPLATE_ERROR_EXTENDS_CYCLE, "\"extends\": |\"test-variant\"", 1, SETUP_MINIMAL },
  { "bad-extends-cycle-a.json", PW_TEMPLATE_ERROR_EXTENDS_CYCLE, "\"extends\": |\"test-cycle-a\"", 1, SETUP_CYCLE, "bad-extends-cycle-b.json" },
  { "bad-insert-after-unknown.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"insert_after\": |\"rights.nowhere\"", 1, SETUP_MINIMAL },
  { "bad-insert-after-replacing.json", PW_TEMPLATE_ERROR_INVALID_VALUE, "\"insert_after\"", 1, SETUP_MINIMAL },
  { "bad-variant-unknown-stage.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"integration\"", 1, SETUP_MINIMAL },
  { "bad-variant-new-domain.json", PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE, "\"leisure\"", 1, SETUP_MINIMAL },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "templates", name, NULL);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static PwTemplateRegistry *
registry_with (const char *first,
               ...)
{
  PwTemplateRegistry *registry = pw_template_registry_new ();
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = fixture_path (name);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = pw_template_registry_add_path (registry, path, PW_TEMPLATE_SOURCE_IMPORTED, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
  va_end (args);

  return registry;
}

/* Line and column (counting characters, as editors do) where the needle
 * points in @path. */
static void
needle_position (const char *path,
                 const char *needle,
                 int         occurrence,
                 guint      *line,
                 guint      *column)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) plain = g_string_new (needle);
  const char *bar = strchr (needle, '|');
  gsize offset = bar != NULL ? (gsize) (bar - needle) : 0;
  const char *found = NULL;
  gsize length;
  int seen = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (bar != NULL)
    g_string_erase (plain, offset, 1);

  for (const char *p = contents; (p = g_strstr_len (p, contents + length - p, plain->str)) != NULL; p++)
    {
      seen++;
      if (occurrence < 0 || seen == occurrence)
        found = p;
      if (seen == occurrence)
        break;
    }
  g_assert_nonnull (found);
  found += offset;

  *line = 1;
  *column = 1;
  for (const char *p = contents; p < found; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *path = fixture_path (m->file);
  g_autoptr(PwTemplateRegistry) registry = NULL;
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *error_path = fixture_path (m->error_file != NULL ? m->error_file : m->file);

  if (m->setup == SETUP_MINIMAL)
    registry = registry_with ("valid-minimal.json", NULL);
  else if (m->setup == SETUP_CYCLE)
    registry = registry_with ("bad-extends-cycle-b.json", NULL);

  template = pw_template_new_from_path (path, registry, &error);
  g_assert_null (template);
  g_assert_error (error, PW_TEMPLATE_ERROR, m->code);
  g_test_message ("%s", error->message);

  if (m->needle != NULL)
    {
      guint line, column;

      needle_position (error_path, m->needle, m->occurrence != 0 ? m->occurrence : 1, &line, &column);
      expected = g_strdup_printf ("%s:%u:%u: ", error_path, line, column);
    }
  else
    {
      expected = g_strdup_printf ("%s: ", error_path);
    }

  g_assert_true (g_str_has_prefix (error->message, expected));
  /* The sentence after the position is a whole one, without leftovers. */
  g_assert_true (g_str_has_suffix (error->message, ".") || g_str_has_suffix (error->message, "?"));
  g_assert_null (strstr (error->message, "(null)"));
  g_assert_cmpuint (strlen (error->message), >, strlen (expected) + 20);

  /* Bytes give the same verdict as the file, named as the caller says. */
  {
    g_autoptr(GBytes) bytes = fixture_bytes (m->file);
    g_autoptr(PwTemplate) again = NULL;
    g_autoptr(GError) again_error = NULL;

    again = pw_template_new_from_bytes (bytes, "zebra.json", registry, &again_error);
    g_assert_null (again);
    g_assert_error (again_error, PW_TEMPLATE_ERROR, m->code);
    if (m->error_file == NULL)
      g_assert_true (g_str_has_prefix (again_error->message, "zebra.json:"));
  }
}

static void
test_malformed_count (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = fixture_path ("");
  const char *name;
  guint n_bad = 0;

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);

  /* Every bad-*.json fixture is in the table, except the partner of the
   * two-file cycle, and the table has at least 25. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_prefix (name, "bad-") || g_str_equal (name, "bad-extends-cycle-b.json"))
        continue;
      n_bad++;
      for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
        listed |= g_str_equal (malformed[i].file, name);
      if (!listed)
        g_test_fail_printf ("%s is not in the table of malformed fixtures", name);
    }

  g_assert_cmpuint (n_bad, ==, G_N_ELEMENTS (malformed));
  g_assert_cmpuint (n_bad, >=, 25);
}

static void
test_too_large (void)
{
  g_autofree char *huge = g_malloc (PW_TEMPLATE_MAX_FILE_SIZE + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTemplate) template = NULL;
  g_autofree char *path = NULL;
  int fd;

  memset (huge, ' ', PW_TEMPLATE_MAX_FILE_SIZE + 1);
  bytes = g_bytes_new_static (huge, PW_TEMPLATE_MAX_FILE_SIZE + 1);
  template = pw_template_new_from_bytes (bytes, "huge.json", NULL, &error);
  g_assert_null (template);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: "));
  g_test_message ("%s", error->message);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "4.0\u00a0MiB"));
  g_clear_error (&error);

  /* A file just under the limit is read and judged on its content. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static (huge, PW_TEMPLATE_MAX_FILE_SIZE);
  template = pw_template_new_from_bytes (bytes, "huge.json", NULL, &error);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_INVALID_JSON);
  g_clear_error (&error);

  /* From a path, the loader stops reading past the limit. */
  fd = g_file_open_tmp ("huge-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, huge, PW_TEMPLATE_MAX_FILE_SIZE + 1, NULL));
  close (fd);
  template = pw_template_new_from_path (path, NULL, &error);
  g_assert_null (template);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* Valid templates ---------------------------------------------------------- */

static PwTemplate *
load_fixture (const char         *name,
              PwTemplateRegistry *registry)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  PwTemplate *template;

  template = pw_template_new_from_path (path, registry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static char *
stage_step_ids (PwTemplate *template,
                const char *stage_id)
{
  PwStage *stage = pw_template_lookup_stage (template, stage_id);
  GListModel *steps = pw_stage_get_steps (stage);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(PwStep) step = g_list_model_get_item (steps, i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", pw_step_get_id (step));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_valid_minimal (void)
{
  g_autoptr(PwTemplate) template = load_fixture ("valid-minimal.json", NULL);
  const char * const expected_languages[] = { "en", "it", "es", NULL };
  const char * const stage_ids[] = { "detection", "rights", "recovery", "autonomy" };
  GListModel *stages = pw_template_get_stages (template);
  PwStep *step;
  PwIndicator *indicator;
  PwDomain *domain;
  g_autofree char *name = NULL;
  int version;

  g_assert_cmpstr (pw_template_get_id (template), ==, "test-minimal");
  g_assert_cmpint (pw_template_get_version (template), ==, 2);
  g_assert_null (pw_template_get_extends (template));
  g_assert_true (g_strv_equal (pw_template_get_languages (template), expected_languages));
  g_assert_true (pw_template_has_language (template, "es"));
  g_assert_false (pw_template_has_language (template, "fr"));
  g_assert_cmpstr (pw_template_get_name (template, "it"), ==, "Percorso di prova");

  g_assert_true (g_list_model_get_item_type (stages) == PW_TYPE_STAGE);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpstr (pw_stage_get_id (stage), ==, stage_ids[i]);
      g_assert_cmpuint (pw_stage_get_index (stage), ==, i);
      g_assert_true (g_list_model_get_item_type (pw_stage_get_steps (stage)) == PW_TYPE_STEP);
      g_assert_cmpuint (g_list_model_get_n_items (pw_stage_get_steps (stage)), ==, 2);
    }

  step = pw_template_lookup_step (template, "recovery.second");
  g_assert_nonnull (step);
  g_assert_cmpstr (pw_step_get_stage_id (step), ==, "recovery");
  g_assert_cmpstr (pw_step_get_domain_id (step), ==, "education");
  g_assert_cmpstr (pw_step_get_title (step, "es"), ==, "Paso de ejemplo 6");
  g_assert_cmpstr (pw_step_get_survivor_role (step, "it"), ==, "Example Rosemary decide.");
  g_assert_cmpstr (pw_step_get_community_role (step, "en"), ==, "The example service helps.");
  g_assert_null (pw_template_lookup_step (template, "recovery.third"));

  step = pw_template_lookup_step (template, "detection.first");
  g_assert_cmpuint (pw_step_get_n_references (step), ==, 2);
  g_assert_cmpstr (pw_step_get_reference_label (step, 0, "it"), ==, "Riferimento di esempio");
  g_assert_cmpstr (pw_step_get_reference_country (step, 0), ==, "IT");
  g_assert_cmpstr (pw_step_get_reference_url (step, 0), ==, "https://example.org/zebra-marker-7431");
  g_assert_null (pw_step_get_reference_country (step, 1));
  g_assert_null (pw_step_get_reference_url (step, 1));

  g_assert_cmpuint (g_list_model_get_n_items (pw_template_get_domains (template)), ==, 10);
  domain = pw_template_lookup_domain (template, "psychological");
  g_assert_cmpstr (pw_domain_get_icon_name (domain), ==, "psychological-symbolic");
  g_assert_cmpstr (pw_domain_get_name (domain, "it"), ==, "IT psychological");

  indicator = pw_template_lookup_indicator (template, "safety.feeling-safe");
  g_assert_cmpstr (pw_indicator_get_domain_id (indicator), ==, "safety");
  g_assert_cmpstr (pw_indicator_get_level (indicator, 1, "en"), ==, "Level 1");
  g_assert_cmpstr (pw_indicator_get_level (indicator, 5, "it"), ==, "Livello 5");
  g_assert_cmpstr (pw_indicator_get_question (indicator, "it"), ==, "Quanto si sente al sicuro?");
  indicator = pw_template_lookup_indicator (template, "housing.stable");
  g_assert_null (pw_indicator_get_question (indicator, "en"));

  /* Read-only properties give the interface-language text. */
  g_object_get (template, "version", &version, "name", &name, NULL);
  g_assert_cmpint (version, ==, 2);
  g_assert_nonnull (name);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (step), "title")->flags & G_PARAM_READABLE);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (step), "title")->flags & G_PARAM_WRITABLE);
}

static void
test_valid_bom (void)
{
  g_autoptr(PwTemplate) template = load_fixture ("valid-bom.json", NULL);

  g_assert_cmpstr (pw_template_get_id (template), ==, "test-bom");
}

static void
test_fallback (void)
{
  g_autoptr(PwTemplate) template = load_fixture ("valid-minimal.json", NULL);
  PwStep *step = pw_template_lookup_step (template, "autonomy.second");
  PwStage *stage = pw_template_lookup_stage (template, "rights");

  g_assert_cmpstr (pw_step_get_description (step, "it"), ==, "Zebra-marker-8 descrive una tappa fittizia.");
  /* No Spanish text here: English instead, never NULL or empty. */
  g_assert_cmpstr (pw_step_get_description (step, "es"), ==, "Zebra-marker-8 describes a fictional step.");
  g_assert_cmpstr (pw_stage_get_summary (stage, "es"), ==, "Summary of rights.");
  g_assert_cmpstr (pw_step_get_title (step, "fr"), ==, "Example step 8");
  /* A regional code falls back to its language first. */
  g_assert_cmpstr (pw_step_get_title (step, "it-CH"), ==, "Tappa di esempio 8");

  /* NULL: the interface language, if the template has it. */
  g_setenv ("LANGUAGE", "it", TRUE);
  g_assert_cmpstr (pw_template_get_ui_language (template), ==, "it");
  g_assert_cmpstr (pw_step_get_title (step, NULL), ==, "Tappa di esempio 8");
  g_setenv ("LANGUAGE", "fr_FR:es", TRUE);
  g_assert_cmpstr (pw_template_get_ui_language (template), ==, "es");
  g_assert_cmpstr (pw_step_get_description (step, NULL), ==, "Zebra-marker-8 describes a fictional step.");
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_cmpstr (pw_template_get_ui_language (template), ==, "en");
  g_assert_cmpstr (pw_stage_get_name (stage, NULL), ==, "Stage rights");
  g_unsetenv ("LANGUAGE");
}

static void
test_missing (void)
{
  g_autoptr(PwTemplate) template = load_fixture ("valid-minimal.json", NULL);
  const char * const missing_es[] = {
    "description",
    "stages[0].steps[0].references[1].label",
    "stages[1].summary",
    "stages[3].steps[1].description",
    "indicators[0].question",
    NULL
  };
  const char * const missing_it[] = { "stages[0].steps[0].references[1].label", NULL };
  g_auto(GStrv) es = pw_template_get_missing (template, "es");
  g_auto(GStrv) it = pw_template_get_missing (template, "it");
  g_auto(GStrv) en = pw_template_get_missing (template, "en");
  g_auto(GStrv) fr = pw_template_get_missing (template, "fr");
  guint present, total;
  double ratio;

  g_assert_true (g_strv_equal ((const char * const *) es, missing_es));
  g_assert_true (g_strv_equal ((const char * const *) it, missing_it));
  g_assert_cmpuint (g_strv_length (en), ==, 0);

  /* name, description, 10 domains, 4 × (4 stage texts + 2 × 4 step texts),
   * 2 reference labels, 2 × (name + 5 levels) + 1 question. */
  total = pw_template_get_n_texts (template);
  g_assert_cmpuint (total, ==, 2 + 10 + 4 * (4 + 2 * 4) + 2 + 2 * 6 + 1);
  g_assert_cmpuint (g_strv_length (fr), ==, total);

  ratio = pw_template_get_completeness (template, "es", &present, &total);
  g_assert_cmpuint (present, ==, total - 5);
  g_assert_cmpfloat_with_epsilon (ratio, (double) (total - 5) / total, 1e-9);
  ratio = pw_template_get_completeness (template, "en", &present, NULL);
  g_assert_cmpfloat (ratio, ==, 1.0);
  g_assert_cmpuint (present, ==, total);
}

static void
test_variant (void)
{
  g_autoptr(PwTemplateRegistry) registry = registry_with ("valid-minimal.json", NULL);
  g_autoptr(PwTemplate) template = load_fixture ("valid-variant.json", registry);
  const char * const expected_languages[] = { "en", "it", NULL };
  g_autofree char *rights = stage_step_ids (template, "rights");
  g_autofree char *detection = stage_step_ids (template, "detection");
  GListModel *indicators = pw_template_get_indicators (template);
  g_autoptr(PwIndicator) last = NULL;
  PwStage *stage;
  PwDomain *domain;
  g_auto(GStrv) missing = NULL;

  g_assert_cmpstr (pw_template_get_id (template), ==, "test-variant");
  g_assert_cmpint (pw_template_get_version (template), ==, 1);
  g_assert_cmpstr (pw_template_get_extends (template), ==, "test-minimal");
  g_assert_true (g_strv_equal (pw_template_get_languages (template), expected_languages));
  g_assert_cmpstr (pw_template_get_name (template, "en"), ==, "Test variant");
  /* The base's description describes the base. */
  g_assert_null (pw_template_get_description (template, "en"));

  /* Same id replaces in place; insert_after places; a new id is appended. */
  g_assert_cmpstr (rights, ==, "rights.first rights.inserted rights.second rights.appended");
  g_assert_cmpstr (pw_step_get_title (pw_template_lookup_step (template, "rights.first"), "en"), ==, "Example step 101");
  g_assert_cmpstr (pw_step_get_domain_id (pw_template_lookup_step (template, "rights.first")), ==, "legal");
  g_assert_cmpstr (detection, ==, "detection.first detection.second");

  stage = pw_template_lookup_stage (template, "rights");
  g_assert_cmpstr (pw_stage_get_summary (stage, "en"), ==, "Variant summary of rights.");
  g_assert_cmpstr (pw_stage_get_name (stage, "it"), ==, "Fase rights");

  domain = pw_template_lookup_domain (template, "legal");
  g_assert_cmpstr (pw_domain_get_icon_name (domain), ==, "scales-symbolic");
  g_assert_cmpstr (pw_domain_get_name (domain, "en"), ==, "Law");
  g_assert_cmpuint (g_list_model_get_n_items (pw_template_get_domains (template)), ==, 10);

  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 3);
  g_assert_cmpstr (pw_indicator_get_name (pw_template_lookup_indicator (template, "housing.stable"), "it"),
                   ==, "Casa, variante");
  g_assert_cmpstr (pw_indicator_get_level (pw_template_lookup_indicator (template, "housing.stable"), 3, "en"),
                   ==, "Variant anchor 3");
  g_assert_cmpstr (pw_indicator_get_name (pw_template_lookup_indicator (template, "safety.feeling-safe"), "en"),
                   ==, "Feeling safe");
  last = g_list_model_get_item (indicators, 2);
  g_assert_cmpstr (pw_indicator_get_id (last), ==, "legal.permit");

  /* Completeness is counted on the resolved template. */
  missing = pw_template_get_missing (template, "it");
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "stages[0].steps[0].references[1].label");
}

/* Resolving a variant must leave its base as it was, however often. */
static void
test_variant_keeps_base (void)
{
  g_autoptr(PwTemplateRegistry) registry = registry_with ("valid-minimal.json", "valid-variant.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(PwTemplate) variant = NULL;
      g_autoptr(PwTemplate) again = NULL;
      g_autoptr(PwTemplate) base = NULL;
      g_autofree char *variant_rights = NULL;
      g_autofree char *again_rights = NULL;
      g_autofree char *base_rights = NULL;

      variant = pw_template_registry_lookup (registry, "test-variant", &error);
      g_assert_no_error (error);
      /* Not from the cache: a template from bytes resolves afresh. */
      {
        g_autoptr(GBytes) bytes = fixture_bytes ("valid-variant.json");

        again = pw_template_new_from_bytes (bytes, "valid-variant.json", registry, &error);
        g_assert_no_error (error);
      }
      base = pw_template_registry_lookup (registry, "test-minimal", &error);
      g_assert_no_error (error);

      variant_rights = stage_step_ids (variant, "rights");
      again_rights = stage_step_ids (again, "rights");
      base_rights = stage_step_ids (base, "rights");
      g_assert_cmpstr (variant_rights, ==, "rights.first rights.inserted rights.second rights.appended");
      g_assert_cmpstr (again_rights, ==, variant_rights);
      g_assert_cmpstr (base_rights, ==, "rights.first rights.second");
      g_assert_cmpstr (pw_step_get_title (pw_template_lookup_step (base, "rights.first"), "en"), ==, "Example step 3");
      g_assert_cmpuint (g_list_model_get_n_items (pw_template_get_indicators (base)), ==, 2);
      g_assert_cmpstr (pw_domain_get_icon_name (pw_template_lookup_domain (base, "legal")), ==, "legal-symbolic");
      g_assert_nonnull (pw_template_get_description (base, "en"));

      /* Forget the cached resolutions before the second round. */
      g_assert_true (pw_template_registry_remove (registry, "test-variant"));
      {
        g_autofree char *path = fixture_path ("valid-variant.json");
        g_autofree char *id = pw_template_registry_add_path (registry, path, PW_TEMPLATE_SOURCE_IMPORTED, &error);

        g_assert_no_error (error);
      }
    }
}

static void
test_variant_chain (void)
{
  /* Added in any order: `extends` is resolved at lookup. */
  g_autoptr(PwTemplateRegistry) registry = registry_with ("valid-chain.json", "valid-variant.json",
                                                          "valid-minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTemplate) template = pw_template_registry_lookup (registry, "test-chain", &error);
  g_autoptr(PwTemplate) again = NULL;
  g_autofree char *rights = NULL;
  g_autofree char *autonomy = NULL;
  g_auto(GStrv) ids = pw_template_registry_dup_ids (registry);
  const char * const expected_ids[] = { "test-chain", "test-minimal", "test-variant", NULL };

  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) ids, expected_ids));
  g_assert_cmpstr (pw_template_get_extends (template), ==, "test-variant");
  rights = stage_step_ids (template, "rights");
  autonomy = stage_step_ids (template, "autonomy");
  g_assert_cmpstr (rights, ==, "rights.first rights.inserted rights.second rights.appended");
  g_assert_cmpstr (autonomy, ==, "autonomy.first autonomy.second autonomy.third");

  /* Lookups are cached; removing a base makes its variants unavailable. */
  again = pw_template_registry_lookup (registry, "test-chain", &error);
  g_assert_true (again == template);
  g_clear_object (&again);

  g_assert_true (pw_template_registry_remove (registry, "test-minimal"));
  g_assert_false (pw_template_registry_contains (registry, "test-minimal"));
  again = pw_template_registry_lookup (registry, "test-chain", &error);
  g_assert_null (again);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXTENDS_MISSING);
  g_assert_nonnull (strstr (error->message, "valid-variant.json:7:14: "));
  g_assert_nonnull (strstr (error->message, "“test-minimal”"));
}

static void
test_registry (void)
{
  g_autoptr(PwTemplateRegistry) registry = registry_with ("valid-minimal.json", NULL);
  g_autoptr(GBytes) bytes = fixture_bytes ("valid-minimal.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PwTemplate) template = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_cmpint (pw_template_registry_get_source (registry, "test-minimal"), ==, PW_TEMPLATE_SOURCE_IMPORTED);
  g_assert_true (g_str_has_suffix (pw_template_registry_get_display_name (registry, "test-minimal"),
                                   "valid-minimal.json"));

  id = pw_template_registry_add_bytes (registry, bytes, "again.json", PW_TEMPLATE_SOURCE_IMPORTED, &error);
  g_assert_null (id);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXISTS);
  g_assert_true (g_str_has_prefix (error->message, "again.json: "));
  g_clear_error (&error);

  template = pw_template_registry_lookup (registry, "zebra", &error);
  g_assert_null (template);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A broken template never enters the registry. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = fixture_bytes ("bad-unknown-domain.json");
  id = pw_template_registry_add_bytes (registry, bytes, "broken.json", PW_TEMPLATE_SOURCE_IMPORTED, &error);
  g_assert_null (id);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE);
  ids = pw_template_registry_dup_ids (registry);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
}

static void
test_cycle_in_registry (void)
{
  g_autoptr(PwTemplateRegistry) registry = registry_with ("bad-extends-cycle-a.json",
                                                          "bad-extends-cycle-b.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTemplate) template = NULL;

  template = pw_template_registry_lookup (registry, "test-cycle-a", &error);
  g_assert_null (template);
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXTENDS_CYCLE);
  g_assert_nonnull (strstr (error->message, "test-cycle-a → test-cycle-b → test-cycle-a"));
}

static PwTemplate *
load_edited (const char *name,
             const char *from,
             const char *to,
             GError    **error)
{
  g_autoptr(GBytes) bytes = fixture_bytes (name);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GBytes) edited = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);
  edited = g_bytes_new (text->str, text->len);
  return pw_template_new_from_bytes (edited, name, NULL, error);
}

static void
test_update (void)
{
  g_autoptr(PwTemplate) old = load_fixture ("valid-minimal.json", NULL);
  g_autoptr(PwTemplate) renamed = NULL;
  g_autoptr(PwTemplate) newer = NULL;
  g_autoptr(PwTemplate) other = load_fixture ("valid-bom.json", NULL);
  g_autoptr(GError) error = NULL;
  const char * const used[] = { "recovery.first", "detection.second", "rights.first", "detection.second", NULL };
  const char * const used_kept[] = { "recovery.first", "rights.first", NULL };

  newer = load_edited ("valid-minimal.json", "\"version\": 2", "\"version\": 3", &error);
  g_assert_no_error (error);
  renamed = load_edited ("valid-minimal.json", "\"detection.second\"", "\"detection.renamed\"", &error);
  g_assert_no_error (error);

  g_assert_true (pw_template_check_update (old, newer, used, &error));
  g_assert_no_error (error);
  g_assert_true (pw_template_check_update (NULL, renamed, used_kept, &error));
  g_assert_true (pw_template_check_update (NULL, renamed, NULL, &error));

  /* Plan items point at detection.second: refused, naming it once. */
  g_assert_false (pw_template_check_update (old, renamed, used, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_ORPHANED_STEPS);
  g_assert_nonnull (strstr (error->message, "“Example step 2” (detection.second)"));
  g_assert_null (strstr (strstr (error->message, "detection.second") + 1, "detection.second"));
  g_assert_null (strstr (error->message, "recovery.first"));
  g_clear_error (&error);

  g_assert_false (pw_template_check_update (NULL, renamed, used, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_ORPHANED_STEPS);
  g_clear_error (&error);

  /* Same version, or another template, is not an update. */
  g_assert_false (pw_template_check_update (old, old, used, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_NOT_NEWER);
  g_clear_error (&error);
  g_assert_false (pw_template_check_update (old, other, NULL, &error));
  g_assert_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_INVALID_VALUE);
}

/* The strict parser against json-glib ----------------------------------------
 *
 * Whatever the strict parser accepts, json-glib reads to the same tree. */

static gboolean
strict_agrees_with_json_glib (const char *data,
                              gsize       length)
{
  g_autoptr(GHashTable) positions = pw_json_positions_new ();
  g_autoptr(JsonNode) strict = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  strict = pw_json_parse_strict (data, length, "x.json", positions, NULL);
  if (strict == NULL)
    return TRUE;

  /* json-glib reads NUL-terminated text and does not skip a BOM. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return FALSE;
  return json_node_equal (strict, json_parser_get_root (parser));
}

static void
test_parser_agrees (void)
{
  const char *names[] = { "valid-minimal.json", "valid-variant.json", "valid-chain.json", "valid-bom.json" };
  const char *snippets[] = {
    "{\"a\": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null, \"\\u00e9\\ud83d\\ude00\\n\\/\"]}",
    "[]", "{}", "\"x\"", "0", "-0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (names[i]);

      g_assert_true (strict_agrees_with_json_glib (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
    {
      g_autoptr(GHashTable) positions = pw_json_positions_new ();
      g_autoptr(JsonNode) node = pw_json_parse_strict (snippets[i], strlen (snippets[i]), "x", positions, NULL);

      g_assert_nonnull (node);
      g_assert_true (strict_agrees_with_json_glib (snippets[i], strlen (snippets[i])));
    }
}

/* Shipped templates --------------------------------------------------------- */

static gboolean
have_shipped (void)
{
  if (g_resources_get_info (PW_TEMPLATE_RESOURCE_DIR "default.json", G_RESOURCE_LOOKUP_FLAGS_NONE,
                            NULL, NULL, NULL))
    return TRUE;
  g_test_skip ("data/templates/default.json is not compiled into the resources yet");
  return FALSE;
}

static void
test_shipped (void)
{
  g_autoptr(PwTemplateRegistry) registry = pw_template_registry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) shipped = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  if (!have_shipped ())
    return;

  /* English, and every language the interface ships in (po/LINGUAS). */
  shipped = pw_test_languages ();
  g_strv_builder_add (builder, "en");
  g_strv_builder_addv (builder, (const char **) shipped);
  languages = g_strv_builder_end (builder);

  g_assert_true (pw_template_registry_add_shipped (registry, &error));
  g_assert_no_error (error);
  ids = pw_template_registry_dup_ids (registry);
  g_assert_true (g_strv_contains ((const char * const *) ids, "default"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "it"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "es"));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(PwTemplate) template = pw_template_registry_lookup (registry, ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (pw_template_registry_get_source (registry, ids[i]), ==, PW_TEMPLATE_SOURCE_SHIPPED);

      for (guint j = 0; languages[j] != NULL; j++)
        {
          g_auto(GStrv) missing = pw_template_get_missing (template, languages[j]);
          guint present, total;

          g_assert_true (pw_template_has_language (template, languages[j]));
          pw_template_get_completeness (template, languages[j], &present, &total);
          g_test_message ("%s %s: %u of %u texts", ids[i], languages[j], present, total);
          if (missing[0] != NULL)
            g_test_fail_printf ("%s has no %s text at %s (and %u more)", ids[i], languages[j],
                                missing[0], g_strv_length (missing) - 1);
          g_assert_cmpuint (present, ==, total);
        }
    }
}

/* The content rules of the issue, on the default template and its variants. */
static void
test_shipped_content (void)
{
  g_autoptr(PwTemplateRegistry) registry = pw_template_registry_new ();
  g_autoptr(PwTemplate) base = NULL;
  g_autoptr(GHashTable) domains_used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char *variants[] = { "it", "es" };
  GListModel *stages, *indicators;

  if (!have_shipped ())
    return;

  pw_template_registry_add_shipped (registry, &error);
  g_assert_no_error (error);
  base = pw_template_new_from_resource (PW_TEMPLATE_RESOURCE_DIR "default.json", registry, &error);
  g_assert_no_error (error);
  g_assert_null (pw_template_get_extends (base));

  stages = pw_template_get_stages (base);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = pw_stage_get_steps (stage);
      guint n = g_list_model_get_n_items (steps);

      g_test_message ("default %s: %u steps", pw_stage_get_id (stage), n);
      g_assert_cmpuint (n, >=, 8);
      g_assert_cmpuint (n, <=, 12);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, j);

          g_hash_table_add (domains_used, (gpointer) pw_step_get_domain_id (step));
        }
    }
  g_assert_cmpuint (g_hash_table_size (domains_used), ==, 10);

  /* One or two indicators per domain. */
  indicators = pw_template_get_indicators (base);
  {
    GListModel *domains = pw_template_get_domains (base);

    for (guint d = 0; d < g_list_model_get_n_items (domains); d++)
      {
        g_autoptr(PwDomain) domain = g_list_model_get_item (domains, d);
        guint count = 0;

        for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
          {
            g_autoptr(PwIndicator) indicator = g_list_model_get_item (indicators, i);

            count += g_str_equal (pw_indicator_get_domain_id (indicator), pw_domain_get_id (domain));
          }
        if (count < 1 || count > 2)
          g_test_fail_printf ("domain %s has %u indicators", pw_domain_get_id (domain), count);
      }
  }

  /* A variant keeps every step of the default (plans may point at them) and
   * is itself a valid update of nothing but itself. */
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(PwTemplate) variant = pw_template_registry_lookup (registry, variants[v], &error);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (0, NULL, TRUE);

      g_assert_no_error (error);
      g_assert_cmpstr (pw_template_get_extends (variant), ==, "default");
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
          GListModel *steps = pw_stage_get_steps (stage);

          for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
            {
              g_autoptr(PwStep) step = g_list_model_get_item (steps, j);

              g_ptr_array_add (ids, (gpointer) pw_step_get_id (step));
            }
        }
      g_assert_true (pw_template_check_update (NULL, variant, (const char * const *) ids->pdata, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pw_template_get_n_texts (variant), >, pw_template_get_n_texts (base));
    }
}

/* Mutations ------------------------------------------------------------------ */

static void
mutate (GRand   *rand,
        GString *text)
{
  static const char alphabet[] = "{}[]\",:\\ \n0123456789-+.eEtrufalsn\"x\xc3\xa9\xff\x01";
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n && text->len > 0; i++)
    {
      gsize at = g_rand_int_range (rand, 0, text->len);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          text->str[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1:
          g_string_insert_c (text, at, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
          break;
        case 2:
          g_string_erase (text, at, MIN (text->len - at, (gsize) g_rand_int_range (rand, 1, 4)));
          break;
        case 3:
          g_string_truncate (text, at);
          break;
        case 4:
          {
            gsize span = MIN (text->len - at, (gsize) g_rand_int_range (rand, 1, 400));
            g_autofree char *copy = g_strndup (text->str + at, span);
            gsize to = g_rand_int_range (rand, 0, text->len);

            g_string_insert_len (text, to, copy, span);
          }
          break;
        default:
          {
            gsize other = g_rand_int_range (rand, 0, text->len);
            char c = text->str[at];

            text->str[at] = text->str[other];
            text->str[other] = c;
          }
          break;
        }
    }
}

static void
test_mutation (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7431);
  g_autoptr(PwTemplateRegistry) registry = pw_template_registry_new ();
  g_autoptr(GBytes) base_source = NULL;
  g_autoptr(GBytes) variant_source = NULL;
  GBytes *sources[2];
  const char *iterations_env = g_getenv ("PW_TEMPLATE_MUTATIONS");
  guint iterations = iterations_env != NULL ? (guint) g_ascii_strtoull (iterations_env, NULL, 10) : 2000;
  guint n_loaded = 0;
  guint by_code[PW_TEMPLATE_ERROR_NOT_FOUND + 1] = { 0, };

  if (g_resources_get_info (PW_TEMPLATE_RESOURCE_DIR "default.json", G_RESOURCE_LOOKUP_FLAGS_NONE,
                            NULL, NULL, NULL))
    {
      pw_template_registry_add_shipped (registry, NULL);
      base_source = g_resources_lookup_data (PW_TEMPLATE_RESOURCE_DIR "default.json", 0, NULL);
      variant_source = g_resources_lookup_data (PW_TEMPLATE_RESOURCE_DIR "it.json", 0, NULL);
    }
  else
    {
      g_autofree char *path = fixture_path ("valid-minimal.json");

      g_free (pw_template_registry_add_path (registry, path, PW_TEMPLATE_SOURCE_IMPORTED, NULL));
      base_source = fixture_bytes ("valid-minimal.json");
      variant_source = fixture_bytes ("valid-variant.json");
    }
  g_assert_nonnull (base_source);
  g_assert_nonnull (variant_source);
  sources[0] = base_source;
  sources[1] = variant_source;

  for (guint i = 0; i < iterations; i++)
    {
      GBytes *source = sources[i % 2];
      g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (source, NULL), g_bytes_get_size (source));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PwTemplate) template = NULL;
      g_autoptr(GError) error = NULL;

      mutate (rand, text);
      bytes = g_bytes_new (text->str, text->len);
      template = pw_template_new_from_bytes (bytes, "mutant.json", registry, &error);

      /* A template or an error, never both, never neither. */
      g_assert_true ((template == NULL) != (error == NULL));
      if (template != NULL)
        {
          n_loaded++;
          g_assert_cmpuint (pw_template_get_n_texts (template), >, 0);
          g_assert_cmpuint (g_list_model_get_n_items (pw_template_get_stages (template)), ==, 4);
        }
      else
        {
          g_assert_true (error->domain == PW_TEMPLATE_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "mutant.json"));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          by_code[error->code]++;
        }

      if (!strict_agrees_with_json_glib (text->str, text->len))
        g_test_fail_printf ("iteration %u: the strict parser accepted what json-glib reads differently", i);
    }

  g_test_message ("%u mutants: %u loaded, %u invalid JSON, %u duplicate members, %u wrong types, "
                  "%u unknown members, %u invalid values",
                  iterations, n_loaded, by_code[PW_TEMPLATE_ERROR_INVALID_JSON],
                  by_code[PW_TEMPLATE_ERROR_DUPLICATE_MEMBER], by_code[PW_TEMPLATE_ERROR_WRONG_TYPE],
                  by_code[PW_TEMPLATE_ERROR_UNKNOWN_MEMBER], by_code[PW_TEMPLATE_ERROR_INVALID_VALUE]);
}

/* The command line ---------------------------------------------------------- */

static gboolean
run_pathway (const char  *file,
             const char  *language,
             char       **out,
             char       **err,
             int         *status)
{
  const char *bin = g_getenv ("PATHWAY_BIN");
  g_autofree char *path = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;

  if (bin == NULL)
    {
      g_test_skip ("PATHWAY_BIN is not set: run through meson test");
      return FALSE;
    }

  path = g_str_has_prefix (file, "/") ? g_strdup (file) : fixture_path (file);

  /* No display and no session bus: the check must need neither. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);

  {
    const char *argv[] = { bin, "--check-template", path, NULL };

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, status, &error);
    g_assert_no_error (error);
  }
  return TRUE;
}

static void
test_cli (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad = fixture_path ("bad-unknown-domain.json");
  g_autofree char *expected = NULL;
  int status;

  if (!run_pathway ("valid-minimal.json", "en", &out, &err, &status))
    return;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==,
                   "OK: test-minimal version 2\n"
                   "en: 100% (75 of 75 texts)\n"
                   "it: 98% (74 of 75 texts)\n"
                   "  missing: stages[0].steps[0].references[1].label\n"
                   "es: 93% (70 of 75 texts)\n"
                   "  missing: description\n"
                   "  missing: stages[0].steps[0].references[1].label\n"
                   "  missing: stages[1].summary\n"
                   "  missing: stages[3].steps[1].description\n"
                   "  missing: indicators[0].question\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A variant resolves against a base in the same folder. */
  run_pathway ("valid-chain.json", "en", &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "OK: test-chain version 1\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_pathway ("bad-unknown-domain.json", "en", &out, &err, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("%s:309:21: Step “recovery.first” names the domain “houseing”, which is not one of: "
                              "safety, housing, health, psychological, legal, language, education, employment, social, family.\n",
                              bad);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_pathway ("no-such-file.json", "en", &out, &err, &status);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_nonnull (strstr (err, "no-such-file.json"));
}

static void
test_cli_translated (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!run_pathway ("bad-unknown-domain.json", "it", &out, &err, &status))
    return;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, ":309:21: "));
  g_assert_nonnull (strstr (err, "La tappa «recovery.first» indica l’ambito «houseing»"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_pathway ("valid-minimal.json", "es", &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "test-minimal"));
  g_assert_nonnull (strstr (out, "es: 93% (70 de 75 textos)"));
}

static void
test_cli_shipped (void)
{
  const char *root = g_getenv ("PATHWAY_SOURCE_ROOT");
  const char *files[] = { "default.json", "it.json", "es.json" };

  if (root == NULL)
    {
      g_test_skip ("PATHWAY_SOURCE_ROOT is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, "data", "templates", files[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_test_skip ("the shipped templates are not in data/templates/ yet");
          return;
        }
      if (!run_pathway (path, "en", &out, &err, &status))
        return;
      g_test_message ("%s", out);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_str_has_prefix (out, "OK: "));
      g_assert_null (strstr (out, "missing:"));
      g_assert_true (g_regex_match_simple ("^en: 100% \\(\\d+ of \\d+ texts\\)$", out, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^it: 100% \\(\\d+ of \\d+ texts\\)$", out, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^es: 100% \\(\\d+ of \\d+ texts\\)$", out, G_REGEX_MULTILINE, 0));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/template/malformed/%s", malformed[i].file);

      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  g_test_add_func ("/template/malformed/all-listed", test_malformed_count);
  g_test_add_func ("/template/malformed/too-large", test_too_large);
  g_test_add_func ("/template/valid/minimal", test_valid_minimal);
  g_test_add_func ("/template/valid/bom", test_valid_bom);
  g_test_add_func ("/template/text/fallback", test_fallback);
  g_test_add_func ("/template/text/missing", test_missing);
  g_test_add_func ("/template/extends/variant", test_variant);
  g_test_add_func ("/template/extends/keeps-base", test_variant_keeps_base);
  g_test_add_func ("/template/extends/chain", test_variant_chain);
  g_test_add_func ("/template/extends/cycle", test_cycle_in_registry);
  g_test_add_func ("/template/registry/add-lookup", test_registry);
  g_test_add_func ("/template/update/orphaned-steps", test_update);
  g_test_add_func ("/template/parser/agrees-with-json-glib", test_parser_agrees);
  g_test_add_func ("/template/shipped/complete", test_shipped);
  g_test_add_func ("/template/shipped/content", test_shipped_content);
  g_test_add_func ("/template/mutation", test_mutation);
  g_test_add_func ("/template/cli/check", test_cli);
  g_test_add_func ("/template/cli/translated", test_cli_translated);
  g_test_add_func ("/template/cli/shipped", test_cli_shipped);

  return g_test_run ();
}
