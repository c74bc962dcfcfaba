/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-iso-codes"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pw-iso-codes.h"

typedef struct
{
  char *code;
  char *name;        /* English: the msgid in the iso-codes domain */
  char *other_names; /* English names the standard also gives, or NULL */
} Entry;

typedef struct
{
  const char *domain;
  /* Some languages translate the shorter ISO 639-2 list but not all of
   * ISO 639-3: Catalan has "italià" in one and leaves "Italian" in the other. */
  const char *fallback_domain;
  GPtrArray  *entries;    /* Entry, in file order */
  GHashTable *by_code;    /* code (folded to the kind's case) → Entry */

  /* For the interface language the caches were built in. */
  char       *language;
  char      **sorted;     /* codes */
  GHashTable *haystacks;  /* Entry → " folded tokens " */
} Table;

struct _PwIsoCodes
{
  GObject parent_instance;

  Table   tables[2];
};

G_DEFINE_FINAL_TYPE (PwIsoCodes, pw_iso_codes, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->other_names);
  g_free (entry);
}

static void
table_drop_caches (Table *table)
{
  g_clear_pointer (&table->language, g_free);
  g_clear_pointer (&table->sorted, g_strfreev);
  g_clear_pointer (&table->haystacks, g_hash_table_unref);
}

static void
pw_iso_codes_finalize (GObject *object)
{
  PwIsoCodes *self = PW_ISO_CODES (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->tables); i++)
    {
      table_drop_caches (&self->tables[i]);
      g_clear_pointer (&self->tables[i].by_code, g_hash_table_unref);
      g_clear_pointer (&self->tables[i].entries, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (pw_iso_codes_parent_class)->finalize (object);
}

static void
pw_iso_codes_class_init (PwIsoCodesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_iso_codes_finalize;
}

static void
pw_iso_codes_init (PwIsoCodes *self)
{
  self->tables[PW_ISO_COUNTRY].domain = "iso_3166-1";
  self->tables[PW_ISO_LANGUAGE].domain = "iso_639-3";
  self->tables[PW_ISO_LANGUAGE].fallback_domain = "iso_639-2";
  for (guint i = 0; i < G_N_ELEMENTS (self->tables); i++)
    {
      self->tables[i].entries = g_ptr_array_new_with_free_func (entry_free);
      self->tables[i].by_code = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

static JsonArray *
load_array (const char  *dir,
            const char  *standard,
            JsonParser  *parser,
            GError     **error)
{
  g_autofree char *file = g_strdup_printf ("iso_%s.json", standard);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  JsonNode *root, *node;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (node = json_object_get_member (json_node_get_object (root), standard)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not an iso-codes file", path);
      return NULL;
    }
  return json_node_get_array (node);
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
add_entry (Table      *table,
           const char *code,
           const char *name,
           const char *other_names)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->code = g_strdup (code);
  entry->name = g_strdup (name);
  entry->other_names = g_strdup (other_names);
  g_ptr_array_add (table->entries, entry);
  g_hash_table_insert (table->by_code, entry->code, entry);
}

static char *
probe_dir (const char *data_dir)
{
  g_autofree char *dir = g_build_filename (data_dir, "iso-codes", "json", NULL);
  g_autofree char *probe = g_build_filename (dir, "iso_639-3.json", NULL);

  return g_file_test (probe, G_FILE_TEST_EXISTS) ? g_steal_pointer (&dir) : NULL;
}

static char *
find_data_dir (void)
{
  /* Tests isolate XDG_DATA_DIRS; the data is part of the system anyway. */
  static const char *fallbacks[] = { "/usr/share", "/usr/local/share", "/app/share" };
  const char * const *dirs = g_get_system_data_dirs ();
  char *found;

  for (guint i = 0; dirs[i] != NULL; i++)
    if ((found = probe_dir (dirs[i])) != NULL)
      return found;
  for (guint i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    if ((found = probe_dir (fallbacks[i])) != NULL)
      return found;
  return NULL;
}

PwIsoCodes *
pw_iso_codes_new (const char  *json_dir,
                  GError     **error)
{
  g_autoptr(PwIsoCodes) self = g_object_new (PW_TYPE_ISO_CODES, NULL);
  g_autoptr(JsonParser) countries_parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) languages_parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) bibliographic_parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) other_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dir = json_dir != NULL ? g_strdup (json_dir) : find_data_dir ();
  g_autofree char *prefix = NULL;
  g_autofree char *locale_dir = NULL;
  JsonArray *countries, *languages, *iso_639_2;

  if (dir == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "The iso-codes data (iso-codes/json) is not installed");
      return NULL;
    }

  countries = load_array (dir, "3166-1", countries_parser, error);
  if (countries == NULL)
    return NULL;
  languages = load_array (dir, "639-3", languages_parser, error);
  if (languages == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *object = json_array_get_object_element (countries, i);
      const char *code = object ? member (object, "alpha_2") : NULL;
      const char *name = object ? member (object, "name") : NULL;

      if (code != NULL && name != NULL)
        add_entry (&self->tables[PW_ISO_COUNTRY], code,
                   member (object, "common_name") ?: name, member (object, "official_name"));
    }

  /* ISO 639-2 sometimes knows a language by more names ("Bini; Edo"):
   * people search by those. It is optional. */
  iso_639_2 = load_array (dir, "639-2", bibliographic_parser, NULL);
  for (guint i = 0; iso_639_2 != NULL && i < json_array_get_length (iso_639_2); i++)
    {
      JsonObject *object = json_array_get_object_element (iso_639_2, i);
      const char *code = object ? member (object, "alpha_3") : NULL;
      const char *name = object ? member (object, "name") : NULL;

      if (code != NULL && name != NULL)
        g_hash_table_insert (other_names, (gpointer) code, (gpointer) name);
    }

  for (guint i = 0; i < json_array_get_length (languages); i++)
    {
      JsonObject *object = json_array_get_object_element (languages, i);
      const char *alpha_3 = object ? member (object, "alpha_3") : NULL;
      const char *name = object ? member (object, "name") : NULL;
      const char *alpha_2;
      g_autofree char *others = NULL;

      /* Living languages only: no ancient, extinct or constructed ones. */
      if (alpha_3 == NULL || name == NULL || g_strcmp0 (member (object, "type"), "L") != 0)
        continue;
      alpha_2 = member (object, "alpha_2");
      others = g_strjoin (" ", member (object, "inverted_name") ?: "",
                          (const char *) g_hash_table_lookup (other_names, alpha_3) ?: "", NULL);
      add_entry (&self->tables[PW_ISO_LANGUAGE], alpha_2 ?: alpha_3, name, others);
    }

  /* The translations live beside the data: PREFIX/share/locale. */
  prefix = g_path_get_dirname (dir);
  locale_dir = g_build_filename (prefix, "..", "locale", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->tables); i++)
    {
      bindtextdomain (self->tables[i].domain, locale_dir);
      bind_textdomain_codeset (self->tables[i].domain, "UTF-8");
      if (self->tables[i].fallback_domain != NULL)
        {
          bindtextdomain (self->tables[i].fallback_domain, locale_dir);
          bind_textdomain_codeset (self->tables[i].fallback_domain, "UTF-8");
        }
    }

  return g_steal_pointer (&self);
}

PwIsoCodes *
pw_iso_codes_get_default (void)
{
  static PwIsoCodes *instance;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GError) error = NULL;
      PwIsoCodes *codes = pw_iso_codes_new (NULL, &error);

      if (codes == NULL)
        {
          g_message ("Countries and languages cannot be listed: %s", error->message);
          codes = g_object_new (PW_TYPE_ISO_CODES, NULL);
        }
      g_once_init_leave (&instance, codes);
    }
  return instance;
}

static const char *
translated (const Table *table,
            const Entry *entry)
{
  const char *text = dgettext (table->domain, entry->name);

  /* dgettext hands back the msgid itself when it has no translation. */
  if (text == entry->name && table->fallback_domain != NULL)
    text = dgettext (table->fallback_domain, entry->name);
  return text;
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_auto(GStrv) alternates = NULL;
  g_auto(GStrv) tokens = NULL;

  if (text == NULL)
    return;
  tokens = g_str_tokenize_and_fold (text, NULL, &alternates);
  for (guint i = 0; tokens[i] != NULL; i++)
    g_string_append_printf (haystack, "%s ", tokens[i]);
  for (guint i = 0; alternates[i] != NULL; i++)
    g_string_append_printf (haystack, "%s ", alternates[i]);
}

typedef struct
{
  const char *code;
  char       *key;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const SortItem *) a)->key, ((const SortItem *) b)->key);
}

/* Sorted codes and search texts depend on the interface language, which
 * tests (and a person in Settings) may change while we run. */
static Table *
get_table (PwIsoCodes *self,
           PwIsoKind   kind)
{
  Table *table = &self->tables[kind];
  const char *language = g_get_language_names ()[0];
  g_autoptr(GArray) items = NULL;

  if (table->sorted != NULL && g_strcmp0 (table->language, language) == 0)
    return table;

  table_drop_caches (table);
  table->language = g_strdup (language);
  table->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  items = g_array_sized_new (FALSE, FALSE, sizeof (SortItem), table->entries->len);
  for (guint i = 0; i < table->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (table->entries, i);
      g_autoptr(GString) haystack = g_string_new (" ");
      SortItem item = { entry->code, g_utf8_collate_key (translated (table, entry), -1) };

      append_folded (haystack, translated (table, entry));
      append_folded (haystack, entry->name);
      append_folded (haystack, entry->other_names);
      append_folded (haystack, entry->code);
      g_hash_table_insert (table->haystacks, entry, g_string_free (g_steal_pointer (&haystack), FALSE));
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_sort_items);

  table->sorted = g_new0 (char *, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);

      table->sorted[i] = g_strdup (item->code);
      g_free (item->key);
    }
  return table;
}

static Entry *
lookup (Table      *table,
        PwIsoKind   kind,
        const char *code)
{
  char folded[8];

  if (code == NULL || strlen (code) >= sizeof folded)
    return NULL;
  /* Countries are stored upper case, languages lower case. */
  for (guint i = 0; i <= strlen (code); i++)
    folded[i] = kind == PW_ISO_COUNTRY ? g_ascii_toupper (code[i]) : g_ascii_tolower (code[i]);
  return g_hash_table_lookup (table->by_code, folded);
}

char **
pw_iso_codes_dup_codes (PwIsoCodes *self,
                        PwIsoKind   kind)
{
  g_return_val_if_fail (PW_IS_ISO_CODES (self), NULL);
  g_return_val_if_fail (kind == PW_ISO_COUNTRY || kind == PW_ISO_LANGUAGE, NULL);

  return g_strdupv (get_table (self, kind)->sorted);
}

gboolean
pw_iso_codes_contains (PwIsoCodes *self,
                       PwIsoKind   kind,
                       const char *code)
{
  g_return_val_if_fail (PW_IS_ISO_CODES (self), FALSE);
  g_return_val_if_fail (kind == PW_ISO_COUNTRY || kind == PW_ISO_LANGUAGE, FALSE);

  return lookup (&self->tables[kind], kind, code) != NULL;
}

const char *
pw_iso_codes_get_name (PwIsoCodes *self,
                       PwIsoKind   kind,
                       const char *code)
{
  Table *table;
  Entry *entry;

  g_return_val_if_fail (PW_IS_ISO_CODES (self), code);
  g_return_val_if_fail (kind == PW_ISO_COUNTRY || kind == PW_ISO_LANGUAGE, code);

  table = &self->tables[kind];
  entry = lookup (table, kind, code);
  return entry != NULL ? translated (table, entry) : code;
}

gboolean
pw_iso_codes_matches (PwIsoCodes *self,
                      PwIsoKind   kind,
                      const char *code,
                      const char *query)
{
  g_auto(GStrv) words = NULL;
  Table *table;
  Entry *entry;
  const char *haystack;

  g_return_val_if_fail (PW_IS_ISO_CODES (self), FALSE);
  g_return_val_if_fail (kind == PW_ISO_COUNTRY || kind == PW_ISO_LANGUAGE, FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  table = get_table (self, kind);
  entry = lookup (table, kind, code);
  if (entry == NULL)
    return FALSE;
  haystack = g_hash_table_lookup (table->haystacks, entry);

  words = g_str_tokenize_and_fold (query, NULL, NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *needle = g_strconcat (" ", words[i], NULL);

      if (strstr (haystack, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

char *
pw_iso_codes_join_names (PwIsoCodes         *self,
                         PwIsoKind           kind,
                         const char * const *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (PW_IS_ISO_CODES (self), NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (names->len > 0)
        /* Translators: separates items of a list, as in "English, Italian" */
        g_string_append (names, _(", "));
      g_string_append (names, pw_iso_codes_get_name (self, kind, codes[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

char *
pw_iso_codes_dup_search_text (PwIsoCodes *self,
                              PwIsoKind   kind,
                              const char *code)
{
  Table *table;
  Entry *entry;

  g_return_val_if_fail (PW_IS_ISO_CODES (self), NULL);
  g_return_val_if_fail (kind == PW_ISO_COUNTRY || kind == PW_ISO_LANGUAGE, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  table = &self->tables[kind];
  entry = lookup (table, kind, code);
  if (entry == NULL)
    return g_strdup (code);
  return g_strjoin (" ", code, entry->name, entry->other_names ?: "", translated (table, entry), NULL);
}
