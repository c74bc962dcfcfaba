/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pw-catalog.h"

/* Expected plural indices were computed with an independent evaluator
 * (Python's gettext.c2py) for these n. */
static const gulong plural_ns[] = { 0, 1, 2, 3, 5, 11, 19, 20, 21, 22, 100, 101, 102, 111, 119, 120, 1000000, 2000000 };

static const struct
{
  const char *language;
  const char *expression;
  gulong expected[G_N_ELEMENTS (plural_ns)];
} plural_rules[] = {
  { "en, it, es, ca, pt", "(n != 1)", { 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 } },
  { "fr, pt_BR", "(n > 1)", { 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 } },
  { "es, it, pt (gettext 0.22)", "(n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2)",
    { 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1 } },
  { "fr (gettext 0.22)", "(n == 0 || n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2)",
    { 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1 } },
  { "ro", "(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2)",
    { 1, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2 } },
  { "ru", "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
    { 2, 0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 1, 2, 2, 2, 2, 2 } },
  { "pl", "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
    { 2, 0, 1, 1, 2, 2, 2, 2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2 } },
  { "ar", "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5",
    { 0, 1, 2, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 4, 4, 4, 5, 5 } },
  { "ja", "0", { 0 } },
};

static void
test_plural_rules (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (plural_rules); r++)
    for (guint i = 0; i < G_N_ELEMENTS (plural_ns); i++)
      {
        gulong result = 99;

        g_test_message ("%s: n = %lu", plural_rules[r].language, plural_ns[i]);
        g_assert_true (pw_plural_expression_eval (plural_rules[r].expression, plural_ns[i], &result));
        g_assert_cmpuint (result, ==, plural_rules[r].expected[i]);
      }
}

static void
test_plural_precedence (void)
{
  static const struct { const char *expression; gulong n, expected; } cases[] = {
    { "1 + 2 * 3", 0, 7 },
    { "(1 + 2) * 3", 0, 9 },
    { "10 - 4 - 3", 0, 3 },        /* left associative */
    { "100 / 10 / 5", 0, 2 },
    { "n % 7 % 4", 13, 2 },
    { "!n", 0, 1 },
    { "!n", 5, 0 },
    { "!!n", 5, 1 },
    { "n != 1 && n != 2 || n == 2", 2, 1 },
    { "1 ? 2 : 3 ? 4 : 5", 0, 2 },  /* right associative */
    { "0 ? 2 : 0 ? 4 : 5", 0, 5 },
    { "n<=2", 2, 1 },
    { "n>=3", 2, 0 },
    { "n<2", 2, 0 },
    { "n>1", 2, 1 },
    { "n / 0", 5, 0 },             /* no crash on a broken header */
    { "n % 0", 5, 0 },
    { "  ( n  ==  1 )  ", 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gulong result = 99;

      g_test_message ("%s at %lu", cases[i].expression, cases[i].n);
      g_assert_true (pw_plural_expression_eval (cases[i].expression, cases[i].n, &result));
      g_assert_cmpuint (result, ==, cases[i].expected);
    }
}

static void
test_plural_invalid (void)
{
  static const char *bad[] = {
    "", "n ==", "(n", "n)", "n ? 1", "n ? 1 :", "x", "n = 1", "n & 1", "n | 1",
    "1 2", "-1", "n +", "()", "n == 1;", "n ! 1",
  };
  GString *deep = g_string_new (NULL);
  GString *long_chain = g_string_new ("n");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (pw_plural_expression_eval (bad[i], 1, NULL));
    }

  /* Hostile nesting and length are refused, not recursed into. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, 'n');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, ')');
  g_assert_false (pw_plural_expression_eval (deep->str, 1, NULL));
  for (guint i = 0; i < 5000; i++)
    g_string_append (long_chain, "+n");
  g_assert_false (pw_plural_expression_eval (long_chain->str, 1, NULL));

  g_string_free (deep, TRUE);
  g_string_free (long_chain, TRUE);
}

/* ---- .mo files built by hand ------------------------------------------ */

typedef struct
{
  const char *id;
  gsize id_len;
  const char *str;
  gsize str_len;
} MoEntry;

#define E(id, str) { id, sizeof id - 1, str, sizeof str - 1 }

static void
append_word (GByteArray *out,
             guint32     word,
             gboolean    big_endian)
{
  guint32 raw = big_endian ? GUINT32_TO_BE (word) : GUINT32_TO_LE (word);

  g_byte_array_append (out, (const guint8 *) &raw, 4);
}

static GBytes *
build_mo (const MoEntry *entries,
          guint          n,
          gboolean       big_endian)
{
  GByteArray *out = g_byte_array_new ();
  guint32 originals = 28, translations = 28 + 8 * n, strings = 28 + 16 * n;
  guint32 at = strings;

  append_word (out, 0x950412de, big_endian);
  append_word (out, 0, big_endian);
  append_word (out, n, big_endian);
  append_word (out, originals, big_endian);
  append_word (out, translations, big_endian);
  append_word (out, 0, big_endian);
  append_word (out, 0, big_endian);
  for (guint i = 0; i < n; i++)
    {
      append_word (out, entries[i].id_len, big_endian);
      append_word (out, at, big_endian);
      at += entries[i].id_len + 1;
    }
  for (guint i = 0; i < n; i++)
    {
      append_word (out, entries[i].str_len, big_endian);
      append_word (out, at, big_endian);
      at += entries[i].str_len + 1;
    }
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].id, entries[i].id_len + 1);
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].str, entries[i].str_len + 1);

  return g_byte_array_free_to_bytes (out);
}

static const MoEntry romanian[] = {
  E ("", "Content-Type: text/plain; charset=UTF-8\n"
         "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);\n"),
  E ("%u goal\0%u goals", "%u obiectiv\0%u obiective\0%u de obiective"),
  E ("Short\0Shorts", "Unu\0Doi"),  /* fewer forms than the header promises */
  E ("My goals", "Obiectivele mele"),
  E ("month\004May", "mai"),
};

static void
test_mo_plural_header (void)
{
  for (int big_endian = 0; big_endian <= 1; big_endian++)
    {
      g_autoptr(GBytes) bytes = build_mo (romanian, G_N_ELEMENTS (romanian), big_endian);
      g_autoptr(GError) error = NULL;
      g_autoptr(PwCatalog) catalog = pw_catalog_new_from_bytes (bytes, "ro", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (pw_catalog_get_n_plurals (catalog), ==, 3);
      g_assert_cmpuint (pw_catalog_get_n_messages (catalog), ==, 4);
      g_assert_cmpstr (pw_catalog_gettext (catalog, "My goals"), ==, "Obiectivele mele");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 1), ==, "%u obiectiv");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 0), ==, "%u obiective");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 19), ==, "%u obiective");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 20), ==, "%u de obiective");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 101), ==, "%u obiective");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 120), ==, "%u de obiective");
      /* A missing form falls back to English, never to a wrong form. */
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "Short", "Shorts", 1), ==, "Unu");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "Short", "Shorts", 2), ==, "Doi");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "Short", "Shorts", 20), ==, "Shorts");
      g_assert_cmpstr (pw_catalog_pgettext (catalog, "month", "May"), ==, "mai");
      /* The context keeps the plain msgid apart. */
      g_assert_cmpstr (pw_catalog_gettext (catalog, "May"), ==, "May");
      g_assert_cmpstr (pw_catalog_pgettext (catalog, "verb", "May"), ==, "May");
    }
}

static void
test_mo_no_header (void)
{
  static const MoEntry entries[] = {
    E ("%u goal\0%u goals", "%u obiettivo\0%u obiettivi"),
  };
  static const MoEntry broken[] = {
    E ("", "Plural-Forms: nplurals=2; plural=n ==;\n"),
    E ("%u goal\0%u goals", "%u obiettivo\0%u obiettivi"),
  };
  g_autoptr(GBytes) bytes = build_mo (entries, G_N_ELEMENTS (entries), FALSE);
  g_autoptr(GBytes) broken_bytes = build_mo (broken, G_N_ELEMENTS (broken), FALSE);
  g_autoptr(PwCatalog) catalog = pw_catalog_new_from_bytes (bytes, "it", NULL);
  g_autoptr(PwCatalog) broken_catalog = pw_catalog_new_from_bytes (broken_bytes, "it", NULL);

  /* Without a usable Plural-Forms, the English rule. */
  g_assert_nonnull (catalog);
  g_assert_nonnull (broken_catalog);
  g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 1), ==, "%u obiettivo");
  g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 0), ==, "%u obiettivi");
  g_assert_cmpstr (pw_catalog_ngettext (broken_catalog, "%u goal", "%u goals", 7), ==, "%u obiettivi");
}

static void
test_mo_charset (void)
{
  /* "Sí" in ISO-8859-1. */
  static const MoEntry entries[] = {
    E ("", "Content-Type: text/plain; charset=ISO-8859-1\n"),
    E ("Yes", "S\xed"),
  };
  static const MoEntry bad_utf8[] = {
    E ("", "Content-Type: text/plain; charset=UTF-8\n"),
    E ("Yes", "S\xed"),
    E ("No", "No"),
  };
  g_autoptr(GBytes) bytes = build_mo (entries, G_N_ELEMENTS (entries), FALSE);
  g_autoptr(GBytes) bad_bytes = build_mo (bad_utf8, G_N_ELEMENTS (bad_utf8), FALSE);
  g_autoptr(PwCatalog) catalog = pw_catalog_new_from_bytes (bytes, "es", NULL);
  g_autoptr(PwCatalog) bad = pw_catalog_new_from_bytes (bad_bytes, "es", NULL);

  g_assert_cmpstr (pw_catalog_gettext (catalog, "Yes"), ==, "Sí");
  /* Invalid UTF-8 never reaches Pango: that message stays English. */
  g_assert_cmpstr (pw_catalog_gettext (bad, "Yes"), ==, "Yes");
  g_assert_cmpstr (pw_catalog_gettext (bad, "No"), ==, "No");
}

static void
assert_invalid (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCatalog) catalog = pw_catalog_new_from_bytes (bytes, "xx", &error);

  g_assert_null (catalog);
  g_assert_error (error, PW_CATALOG_ERROR, PW_CATALOG_ERROR_INVALID);
}

static void
test_mo_damaged (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) good = build_mo (romanian, G_N_ELEMENTS (romanian), FALSE);
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);

  /* Too short, wrong magic, a string past the end, a string without its NUL. */
  assert_invalid (empty);
  {
    g_autoptr(GBytes) truncated = g_bytes_new (data, 20);
    assert_invalid (truncated);
  }
  {
    g_autoptr(GBytes) cut = g_bytes_new (data, size - 10);
    assert_invalid (cut);
  }
  copy[0] ^= 0xff;
  {
    g_autoptr(GBytes) magic = g_bytes_new (copy, size);
    assert_invalid (magic);
  }
  copy[0] ^= 0xff;
  copy[size - 1] = 'x';
  {
    g_autoptr(GBytes) no_nul = g_bytes_new (copy, size);
    assert_invalid (no_nul);
  }
  copy[size - 1] = '\0';
  /* The first msgid's offset far past the end. */
  copy[28 + 4] = 0xff;
  copy[28 + 5] = 0xff;
  copy[28 + 6] = 0xff;
  copy[28 + 7] = 0x7f;
  {
    g_autoptr(GBytes) offset = g_bytes_new (copy, size);
    assert_invalid (offset);
  }
  /* A huge string count. */
  memcpy (copy, data, size);
  copy[8] = 0xff;
  copy[9] = 0xff;
  copy[10] = 0xff;
  copy[11] = 0xff;
  {
    g_autoptr(GBytes) count = g_bytes_new (copy, size);
    assert_invalid (count);
  }
}

static GBytes *
load_built_mo (const char *language)
{
  g_autofree char *path = g_build_filename (pw_catalog_get_default_localedir (), language,
                                            "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("The built catalogue %s is missing: is PATHWAY_LOCALEDIR set?", path);
  return g_bytes_new_take (contents, length);
}

/* Random damage to a real catalogue must give an error or a catalogue,
 * never a crash or a read past the end (run it under valgrind too). */
static void
test_mo_mutations (void)
{
  g_autoptr(GBytes) real = load_built_mo ("es");
  gsize size;
  const guint8 *data = g_bytes_get_data (real, &size);
  GRand *rand = g_rand_new_with_seed (7431);
  guint loaded = 0, refused = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PwCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;
      guint flips = g_rand_int_range (rand, 1, 8);

      for (guint f = 0; f < flips; f++)
        {
          /* Mostly the header and tables, where damage matters most. */
          guint at = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, MIN (size, 28 + 16 * 64))
                                           : g_rand_int_range (rand, 0, size);
          copy[at] = g_rand_int_range (rand, 0, 256);
        }
      bytes = g_bytes_new (copy, g_rand_int_range (rand, 0, 10) == 0 ? (gsize) g_rand_int_range (rand, 0, size) : size);
      catalog = pw_catalog_new_from_bytes (bytes, "es", &error);
      if (catalog == NULL)
        {
          g_assert_error (error, PW_CATALOG_ERROR, PW_CATALOG_ERROR_INVALID);
          refused++;
          continue;
        }
      loaded++;
      pw_catalog_gettext (catalog, "My Goals");
      pw_catalog_ngettext (catalog, "Try again in %u second.", "Try again in %u seconds.", 3);
      g_free (pw_catalog_format_date (catalog, "2026-03-03"));
    }
  g_test_message ("%u loaded, %u refused", loaded, refused);
  g_assert_cmpuint (loaded + refused, ==, 400);
  g_rand_free (rand);
}

/* ---- The built catalogues ---------------------------------------------- */

static void
test_built_italian_and_spanish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCatalog) it = pw_catalog_new_for_language (NULL, "it", &error);
  g_autoptr(PwCatalog) es = NULL;

  g_assert_no_error (error);
  es = pw_catalog_new_for_language (NULL, "es", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (pw_catalog_get_language (it), ==, "it");
  g_assert_cmpuint (pw_catalog_get_n_messages (it), >, 300);
  g_assert_cmpuint (pw_catalog_get_n_messages (es), >, 300);

  g_assert_cmpstr (pw_catalog_pgettext (it, "month", "March"), ==, "marzo");
  g_assert_cmpstr (pw_catalog_pgettext (es, "month", "March"), ==, "marzo");
  g_assert_cmpstr (pw_catalog_pgettext (it, "month", "January"), ==, "gennaio");
  g_assert_cmpstr (pw_catalog_pgettext (es, "month", "January"), ==, "enero");

  g_assert_cmpstr (pw_catalog_ngettext (es, "Try again in %u second.", "Try again in %u seconds.", 1),
                   ==, "Vuelva a intentarlo dentro de %u segundo.");
  g_assert_cmpstr (pw_catalog_ngettext (es, "Try again in %u second.", "Try again in %u seconds.", 0),
                   ==, "Vuelva a intentarlo dentro de %u segundos.");
  g_assert_cmpstr (pw_catalog_ngettext (es, "Try again in %u second.", "Try again in %u seconds.", 5),
                   ==, "Vuelva a intentarlo dentro de %u segundos.");
  g_assert_true (g_str_has_prefix (pw_catalog_ngettext (it, "Try again in %u second.", "Try again in %u seconds.", 1),
                                   "Riprov"));
}

static void
test_region_and_aliases (void)
{
  static const char *spanish[] = { "es", "es_ES", "es-ES", "es_ES.UTF-8", "es_MX@euro" };

  for (guint i = 0; i < G_N_ELEMENTS (spanish); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwCatalog) catalog = pw_catalog_new_for_language (NULL, spanish[i], &error);

      g_test_message ("%s", spanish[i]);
      g_assert_no_error (error);
      g_assert_cmpstr (pw_catalog_get_language (catalog), ==, "es");
      g_assert_cmpstr (pw_catalog_pgettext (catalog, "month", "May"), ==, "mayo");
    }
}

static void
test_english_fallback (void)
{
  static const char *english[] = { "en", "en_GB", "C", "C.UTF-8", "POSIX" };
  static const char *unknown[] = { "xx", "zz_ZZ", "../it", "it/../es", ".", "" };
  PwCatalog *shared;
  const char *msgid = "zebra-marker-7431 is not a message";

  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      g_autoptr(PwCatalog) catalog = pw_catalog_new_for_language (NULL, english[i], NULL);

      g_assert_nonnull (catalog);
      g_assert_cmpuint (pw_catalog_get_n_messages (catalog), ==, 0);
      g_assert_cmpstr (pw_catalog_pgettext (catalog, "month", "March"), ==, "March");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 1), ==, "%u goal");
      g_assert_cmpstr (pw_catalog_ngettext (catalog, "%u goal", "%u goals", 0), ==, "%u goals");
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwCatalog) catalog = pw_catalog_new_for_language (NULL, unknown[i], &error);

      g_test_message ("“%s”", unknown[i]);
      g_assert_null (catalog);
      g_assert_error (error, PW_CATALOG_ERROR, PW_CATALOG_ERROR_NOT_FOUND);
    }

  /* The shared catalogue of an unknown language answers in English. */
  shared = pw_catalog_get_for_language ("xx");
  g_assert_nonnull (shared);
  g_assert_true (shared == pw_catalog_get_for_language ("xx"));
  g_assert_cmpstr (pw_catalog_pgettext (shared, "month", "March"), ==, "March");
  g_assert_cmpstr (pw_catalog_gettext (pw_catalog_get_for_language ("es"), msgid), ==, msgid);
  g_assert_true (pw_catalog_gettext (pw_catalog_get_for_language ("es"), msgid) == msgid);
  g_assert_cmpstr (pw_catalog_gettext (pw_catalog_get_for_language (NULL), "Pathway"), ==, "Pathway");
}

/* Her catalogue and the worker's interface in the same process: loading
 * Spanish changes neither the locale nor LANGUAGE nor what _() says. */
static void
test_process_locale_untouched (void)
{
  g_autofree char *locale_before = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *messages_before = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autofree char *worker_before = g_strdup (_("Try again in %u second."));
  g_autoptr(PwCatalog) es = pw_catalog_new_for_language (NULL, "es", NULL);
  const char *hers;

  g_assert_true (g_str_has_prefix (worker_before, "Riprov"));

  hers = pw_catalog_ngettext (es, "Try again in %u second.", "Try again in %u seconds.", 1);
  g_assert_cmpstr (hers, ==, "Vuelva a intentarlo dentro de %u segundo.");

  g_assert_cmpstr (setlocale (LC_ALL, NULL), ==, locale_before);
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, messages_before);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "it");
  g_assert_cmpstr (_("Try again in %u second."), ==, worker_before);
  g_assert_cmpstr (g_dpgettext2 (NULL, "month", "March"), ==, "marzo");
  /* A NULL catalogue is the interface's own gettext. */
  g_assert_cmpstr (pw_catalog_gettext (NULL, "Try again in %u second."), ==, worker_before);
  g_assert_cmpstr (pw_catalog_pgettext (NULL, "month", "January"), ==, "gennaio");
}

static void
test_format_date (void)
{
  g_autoptr(PwCatalog) es = pw_catalog_new_for_language (NULL, "es", NULL);
  g_autoptr(PwCatalog) it = pw_catalog_new_for_language (NULL, "it", NULL);
  g_autoptr(PwCatalog) en = pw_catalog_new_english ();
  g_autofree char *es_date = pw_catalog_format_date (es, "2026-03-03");
  g_autofree char *it_date = pw_catalog_format_date (it, "2026-03-03");
  g_autofree char *en_date = pw_catalog_format_date (en, "2026-12-25");

  g_assert_cmpstr (es_date, ==, "3 de marzo de 2026");
  g_assert_cmpstr (it_date, ==, "3 marzo 2026");
  g_assert_cmpstr (en_date, ==, "25 December 2026");
  g_assert_null (pw_catalog_format_date (es, "2026-02-30"));
  g_assert_null (pw_catalog_format_date (es, "2026-3-3"));
  g_assert_null (pw_catalog_format_date (es, "yesterday"));
  g_assert_null (pw_catalog_format_date (es, NULL));
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, pw_catalog_get_default_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A first lookup under English makes GLib stop translating named domains
   * for the rest of the process, as in a test that starts in English: the
   * interface fallback must not depend on that. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  g_dgettext (GETTEXT_PACKAGE, "Pathway");

  /* The worker's interface is Italian for the rest of the run. */
  g_setenv ("LANGUAGE", "it", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/plural/rules", test_plural_rules);
  g_test_add_func ("/catalog/plural/precedence", test_plural_precedence);
  g_test_add_func ("/catalog/plural/invalid", test_plural_invalid);
  g_test_add_func ("/catalog/mo/plural-header", test_mo_plural_header);
  g_test_add_func ("/catalog/mo/no-header", test_mo_no_header);
  g_test_add_func ("/catalog/mo/charset", test_mo_charset);
  g_test_add_func ("/catalog/mo/damaged", test_mo_damaged);
  g_test_add_func ("/catalog/mo/mutations", test_mo_mutations);
  g_test_add_func ("/catalog/built/it-es", test_built_italian_and_spanish);
  g_test_add_func ("/catalog/built/regions", test_region_and_aliases);
  g_test_add_func ("/catalog/fallback/english", test_english_fallback);
  g_test_add_func ("/catalog/locale/untouched", test_process_locale_untouched);
  g_test_add_func ("/catalog/date/her-style", test_format_date);

  return g_test_run ();
}
