/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-iso-codes"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pw-iso-codes.h"
#include "pw-test-util.h"

static guint
index_of (char       **codes,
          const char  *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  return G_MAXUINT;
}

/* The lists come from Debian's iso-codes, names in the interface language. */
static void
test_iso_codes_names (void)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  g_auto(GStrv) countries = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *joined = NULL;
  const char *codes[] = { "en", "bin", "pcm", NULL };

  pw_test_set_language ("en");
  countries = pw_iso_codes_dup_codes (iso, PW_ISO_COUNTRY);
  languages = pw_iso_codes_dup_codes (iso, PW_ISO_LANGUAGE);
  g_assert_cmpuint (g_strv_length (countries), >, 240);
  /* Living languages only, thousands of them: ancient Greek is not one. */
  g_assert_cmpuint (g_strv_length (languages), >, 7000);
  g_assert_cmpuint (index_of (languages, "grc"), ==, G_MAXUINT);

  g_assert_true (pw_iso_codes_contains (iso, PW_ISO_COUNTRY, "ng"));
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_COUNTRY, "NG"), ==, "Nigeria");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, "sq"), ==, "Albanian");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, "zz-unknown"), ==, "zz-unknown");
  joined = pw_iso_codes_join_names (iso, PW_ISO_LANGUAGE, codes);
  g_assert_cmpstr (joined, ==, "English, Bini, Nigerian Pidgin");
  /* Sorted by name: Albania before Zimbabwe. */
  g_assert_cmpuint (index_of (countries, "AL"), <, index_of (countries, "ZW"));

  pw_test_set_language ("it");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, "sq"), ==, "Albanese");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_COUNTRY, "CI"), ==, "Costa d'Avorio");
  g_clear_pointer (&countries, g_strfreev);
  countries = pw_iso_codes_dup_codes (iso, PW_ISO_COUNTRY);
  /* In Italian, Germania (DE) sorts after Francia (FR). */
  g_assert_cmpuint (index_of (countries, "FR"), <, index_of (countries, "DE"));
  pw_test_set_language ("es");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, "en"), ==, "Inglés");
  /* Catalan's ISO 639-3 catalogue lacks "Italian"; its 639-2 one has it. */
  pw_test_set_language ("ca");
  g_assert_cmpstr (pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, "it"), ==, "italià");
  pw_test_set_language ("en");
}

static void
test_iso_codes_search (void)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  g_autofree char *text = NULL;

  pw_test_set_language ("en");
  /* Other names the standard gives: Bini is also Edo. */
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "bin", "edo"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "pcm", "pidg"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "pcm", "nigerian pid"));
  g_assert_false (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "en", "edo"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "en", ""));
  /* Accents and case do not matter; the code itself matches. */
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_COUNTRY, "CI", "cote"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_COUNTRY, "CI", "CÔTE"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_COUNTRY, "NG", "ng"));

  /* In Italian, the Italian name and the English one both work. */
  pw_test_set_language ("it");
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "en", "ingl"));
  g_assert_true (pw_iso_codes_matches (iso, PW_ISO_LANGUAGE, "en", "engl"));
  text = pw_iso_codes_dup_search_text (iso, PW_ISO_LANGUAGE, "bin");
  g_assert_nonnull (strstr (text, "Edo"));
  pw_test_set_language ("en");
}

static void
test_iso_codes_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-iso-XXXXXX", NULL);
  g_autoptr(PwIsoCodes) iso = pw_iso_codes_new (dir, &error);

  g_assert_null (iso);
  g_assert_nonnull (error);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/iso-codes/names", test_iso_codes_names);
  g_test_add_func ("/iso-codes/search", test_iso_codes_search);
  g_test_add_func ("/iso-codes/missing", test_iso_codes_missing);

  return g_test_run ();
}
