/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-catalog.h"

/* Format of a .mo file (GNU gettext manual, "The Format of GNU MO Files"):
 * a header of 32-bit words in the writer's byte order — magic, revision,
 * number of strings, offset of the original strings' table, offset of the
 * translations' table — then for each table N (length, offset) pairs
 * pointing at NUL-terminated strings. A plural entry's msgid is
 * "singular\0plural" and its msgstr holds the forms separated by NULs; a
 * msgctxt is joined to the msgid with \004. The entry with the empty msgid
 * is the header, which carries charset and Plural-Forms. */

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE 28
/* Deeper than any real Plural-Forms; stops a hostile file's recursion. */
#define PLURAL_MAX_DEPTH 64
#define PLURAL_MAX_LENGTH 1024

typedef struct
{
  const char *text;  /* forms separated by NULs */
  gsize       len;   /* without the final NUL */
} Translation;

typedef enum
{
  OP_NUMBER,
  OP_N,
  OP_NOT,
  OP_MUL, OP_DIV, OP_MOD,
  OP_ADD, OP_SUB,
  OP_LT, OP_GT, OP_LE, OP_GE,
  OP_EQ, OP_NE,
  OP_AND, OP_OR,
  OP_COND,
} PluralOp;

typedef struct _PluralNode PluralNode;
struct _PluralNode
{
  PluralOp    op;
  gulong      value;
  PluralNode *args[3];
};

struct _PwCatalog
{
  GObject parent_instance;

  char *language;
  GBytes *bytes;
  GStringChunk *converted;   /* strings recoded from a non-UTF-8 catalogue */
  GHashTable *messages;      /* msgid (in bytes) → Translation */
  guint n_plurals;
  PluralNode *plural;        /* NULL: English rule */
};

G_DEFINE_FINAL_TYPE (PwCatalog, pw_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (pw-catalog-error-quark, pw_catalog_error)

/* ---- Plural expressions ------------------------------------------------ */

typedef struct
{
  const char *p;
  int depth;
  gboolean failed;
} Parser;

static void
plural_node_free (PluralNode *node)
{
  if (node == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (node->args); i++)
    plural_node_free (node->args[i]);
  g_free (node);
}

static PluralNode *
node_new (PluralOp    op,
          PluralNode *a,
          PluralNode *b,
          PluralNode *c)
{
  PluralNode *node = g_new0 (PluralNode, 1);

  node->op = op;
  node->args[0] = a;
  node->args[1] = b;
  node->args[2] = c;
  return node;
}

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r')
    parser->p++;
}

/* Consumes @token if it comes next (and is not the start of a longer
 * operator, e.g. "<" in "<="). */
static gboolean
accept (Parser     *parser,
        const char *token)
{
  gsize len = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, len) != 0)
    return FALSE;
  if (len == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!') && parser->p[1] == '=')
    return FALSE;
  if (len == 1 && (token[0] == '&' || token[0] == '|'))
    return FALSE;
  parser->p += len;
  return TRUE;
}

static PluralNode *parse_conditional (Parser *parser);

static PluralNode *
fail (Parser     *parser,
      PluralNode *node)
{
  parser->failed = TRUE;
  plural_node_free (node);
  return NULL;
}

static PluralNode *
parse_primary (Parser *parser)
{
  skip_space (parser);

  if (*parser->p == 'n')
    {
      parser->p++;
      return node_new (OP_N, NULL, NULL, NULL);
    }
  if (g_ascii_isdigit (*parser->p))
    {
      PluralNode *node = node_new (OP_NUMBER, NULL, NULL, NULL);
      char *end = NULL;

      node->value = strtoul (parser->p, &end, 10);
      parser->p = end;
      return node;
    }
  if (accept (parser, "("))
    {
      PluralNode *node = parse_conditional (parser);

      if (node == NULL || !accept (parser, ")"))
        return fail (parser, node);
      return node;
    }
  if (accept (parser, "!"))
    {
      PluralNode *operand;

      if (++parser->depth > PLURAL_MAX_DEPTH)
        return fail (parser, NULL);
      operand = parse_primary (parser);
      parser->depth--;
      if (operand == NULL)
        return fail (parser, NULL);
      return node_new (OP_NOT, operand, NULL, NULL);
    }
  return fail (parser, NULL);
}

typedef struct
{
  const char *token;
  PluralOp op;
} BinaryOp;

/* Binary operators by precedence, loosest first; each level is left
 * associative, as in C. */
static const BinaryOp levels[][4] = {
  { { "||", OP_OR } },
  { { "&&", OP_AND } },
  { { "==", OP_EQ }, { "!=", OP_NE } },
  { { "<=", OP_LE }, { ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT } },
  { { "+", OP_ADD }, { "-", OP_SUB } },
  { { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_MOD } },
};

static PluralNode *
parse_level (Parser *parser,
             guint   level)
{
  PluralNode *left;

  if (level == G_N_ELEMENTS (levels))
    return parse_primary (parser);

  left = parse_level (parser, level + 1);
  while (left != NULL)
    {
      const BinaryOp *found = NULL;
      PluralNode *right;

      for (guint i = 0; i < G_N_ELEMENTS (levels[level]) && levels[level][i].token != NULL; i++)
        if (accept (parser, levels[level][i].token))
          {
            found = &levels[level][i];
            break;
          }
      if (found == NULL)
        break;

      right = parse_level (parser, level + 1);
      if (right == NULL)
        return fail (parser, left);
      left = node_new (found->op, left, right, NULL);
    }
  return left;
}

static PluralNode *
parse_conditional_inner (Parser *parser)
{
  PluralNode *condition, *then, *otherwise;

  condition = parse_level (parser, 0);
  if (condition == NULL || !accept (parser, "?"))
    return condition;

  then = parse_conditional (parser);
  if (then == NULL || !accept (parser, ":"))
    {
      plural_node_free (then);
      return fail (parser, condition);
    }
  otherwise = parse_conditional (parser);
  if (otherwise == NULL)
    {
      plural_node_free (then);
      return fail (parser, condition);
    }
  return node_new (OP_COND, condition, then, otherwise);
}

static PluralNode *
parse_conditional (Parser *parser)
{
  PluralNode *node;

  if (++parser->depth > PLURAL_MAX_DEPTH)
    return fail (parser, NULL);
  node = parse_conditional_inner (parser);
  parser->depth--;
  return node;
}

/* The whole of @text (up to @end, or its NUL) must be one expression. */
static PluralNode *
plural_parse (const char *text,
              const char *end)
{
  g_autofree char *copy = end ? g_strndup (text, end - text) : g_strdup (text);
  Parser parser = { copy, 0, FALSE };
  PluralNode *node;

  /* Real rules are under 200 characters; this bounds the tree's depth. */
  if (strlen (copy) > PLURAL_MAX_LENGTH)
    return NULL;

  node = parse_conditional (&parser);
  skip_space (&parser);
  if (node == NULL || parser.failed || *parser.p != '\0')
    {
      plural_node_free (node);
      return NULL;
    }
  return node;
}

static gulong
plural_eval (const PluralNode *node,
             gulong            n)
{
  gulong a, b;

  switch (node->op)
    {
    case OP_NUMBER:
      return node->value;
    case OP_N:
      return n;
    case OP_NOT:
      return !plural_eval (node->args[0], n);
    case OP_COND:
      return plural_eval (node->args[0], n) ? plural_eval (node->args[1], n)
                                            : plural_eval (node->args[2], n);
    case OP_AND:
      return plural_eval (node->args[0], n) && plural_eval (node->args[1], n);
    case OP_OR:
      return plural_eval (node->args[0], n) || plural_eval (node->args[1], n);
    default:
      break;
    }

  a = plural_eval (node->args[0], n);
  b = plural_eval (node->args[1], n);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_DIV: return b == 0 ? 0 : a / b;  /* a broken header must not crash us */
    case OP_MOD: return b == 0 ? 0 : a % b;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT: return a < b;
    case OP_GT: return a > b;
    case OP_LE: return a <= b;
    case OP_GE: return a >= b;
    case OP_EQ: return a == b;
    case OP_NE: return a != b;
    default:
      g_assert_not_reached ();
    }
}

gboolean
pw_plural_expression_eval (const char *expression,
                           gulong      n,
                           gulong     *result)
{
  PluralNode *node;

  g_return_val_if_fail (expression != NULL, FALSE);

  node = plural_parse (expression, NULL);
  if (node == NULL)
    return FALSE;
  if (result != NULL)
    *result = plural_eval (node, n);
  plural_node_free (node);
  return TRUE;
}

/* ---- The header --------------------------------------------------------- */

/* The value of "@field: value\n" in a catalogue header, or NULL. */
static char *
header_field (const char *header,
              const char *field)
{
  gsize len = strlen (field);
  const char *line = header;

  while (line != NULL && *line != '\0')
    {
      const char *end = strchr (line, '\n');

      if (g_ascii_strncasecmp (line, field, len) == 0 && line[len] == ':')
        {
          const char *value = line + len + 1;

          return g_strstrip (end ? g_strndup (value, end - value) : g_strdup (value));
        }
      line = end ? end + 1 : NULL;
    }
  return NULL;
}

static void
parse_plural_forms (PwCatalog  *self,
                    const char *header)
{
  g_autofree char *forms = header_field (header, "Plural-Forms");
  const char *nplurals, *plural, *end;
  gulong count;

  if (forms == NULL)
    return;

  nplurals = strstr (forms, "nplurals=");
  plural = strstr (forms, "plural=");
  /* "nplurals=" also contains "plural=": find the one that stands alone. */
  while (plural != NULL && plural > forms && plural[-1] == 'n')
    plural = strstr (plural + 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;

  count = strtoul (nplurals + strlen ("nplurals="), NULL, 10);
  plural += strlen ("plural=");
  end = strchr (plural, ';');
  if (count < 1 || count > 6)
    return;

  self->plural = plural_parse (plural, end);
  if (self->plural == NULL)
    {
      g_debug ("The %s catalogue has a Plural-Forms expression that does not parse; using the English rule",
               self->language);
      return;
    }
  self->n_plurals = count;
}

/* ---- Loading ------------------------------------------------------------ */

static inline guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The (length, offset) entry @index of the table at @table, checked to
 * point at a NUL-terminated string inside the file. */
static gboolean
read_string (const guint8  *data,
             gsize          size,
             guint32        table,
             guint32        index,
             gboolean       swapped,
             const char   **string,
             gsize         *length)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return FALSE;
  len = read_word (data, entry, swapped);
  offset = read_word (data, entry + 4, swapped);
  if ((guint64) offset + len + 1 > size || data[offset + len] != '\0')
    return FALSE;

  *string = (const char *) data + offset;
  *length = len;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *language)
{
  g_set_error (error, PW_CATALOG_ERROR, PW_CATALOG_ERROR_INVALID,
               _("The translation catalogue for “%s” is damaged. Reinstall Pathway to repair it."),
               language);
  return FALSE;
}

static gboolean
load_mo (PwCatalog  *self,
         GError    **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  g_autofree char *charset = NULL;
  gboolean swapped;
  guint32 magic, revision, n_strings, originals, translations;
  const char *header = NULL;
  gsize header_len = 0;

  if (size < MO_HEADER_SIZE)
    return invalid (error, self->language);

  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    return invalid (error, self->language);

  revision = read_word (data, 4, swapped);
  n_strings = read_word (data, 8, swapped);
  originals = read_word (data, 12, swapped);
  translations = read_word (data, 16, swapped);
  if ((revision >> 16) > 1 || n_strings > size / 8)
    return invalid (error, self->language);

  /* The header comes first when present: its charset decides the rest. */
  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *msgid;
      gsize msgid_len;

      if (!read_string (data, size, originals, i, swapped, &msgid, &msgid_len))
        return invalid (error, self->language);
      if (msgid_len == 0)
        {
          if (!read_string (data, size, translations, i, swapped, &header, &header_len))
            return invalid (error, self->language);
          break;
        }
    }

  if (header != NULL)
    {
      g_autofree char *content_type = header_field (header, "Content-Type");
      const char *cs = content_type ? strstr (content_type, "charset=") : NULL;

      if (cs != NULL)
        charset = g_strstrip (g_strdup (cs + strlen ("charset=")));
      if (charset != NULL && (g_ascii_strcasecmp (charset, "UTF-8") == 0 ||
                              g_ascii_strcasecmp (charset, "ASCII") == 0 ||
                              g_ascii_strcasecmp (charset, "CHARSET") == 0))
        g_clear_pointer (&charset, g_free);
      parse_plural_forms (self, header);
    }

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *msgid, *msgstr;
      gsize msgid_len, msgstr_len;
      Translation *translation;

      if (!read_string (data, size, originals, i, swapped, &msgid, &msgid_len) ||
          !read_string (data, size, translations, i, swapped, &msgstr, &msgstr_len))
        return invalid (error, self->language);
      if (msgid_len == 0 || msgstr_len == 0)
        continue;

      if (charset != NULL)
        {
          gsize written = 0;
          g_autofree char *recoded = g_convert (msgstr, msgstr_len, "UTF-8", charset,
                                                NULL, &written, NULL);

          if (recoded == NULL)
            continue;
          msgstr = g_string_chunk_insert_len (self->converted, recoded, written);
          msgstr_len = written;
        }
      else if (!g_utf8_validate_len (msgstr, msgstr_len, NULL))
        {
          /* Forms are NUL-separated: validate each. */
          gboolean ok = TRUE;

          for (gsize at = 0; at <= msgstr_len && ok;)
            {
              gsize form_len = strlen (msgstr + at);

              ok = g_utf8_validate_len (msgstr + at, form_len, NULL);
              at += form_len + 1;
            }
          if (!ok)
            continue;
        }

      translation = g_new (Translation, 1);
      translation->text = msgstr;
      translation->len = msgstr_len;
      /* The key stops at the first NUL: the singular of a plural entry. */
      g_hash_table_replace (self->messages, (gpointer) msgid, translation);
    }

  return TRUE;
}

static PwCatalog *
catalog_new (const char *language)
{
  PwCatalog *self = g_object_new (PW_TYPE_CATALOG, NULL);

  self->language = g_strdup (language);
  return self;
}

PwCatalog *
pw_catalog_new_english (void)
{
  return catalog_new ("en");
}

PwCatalog *
pw_catalog_new_from_bytes (GBytes      *bytes,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(PwCatalog) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = catalog_new (language);
  self->bytes = g_bytes_ref (bytes);
  if (!load_mo (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
pw_catalog_get_default_localedir (void)
{
  const char *dir = g_getenv ("PATHWAY_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* "es-ES.UTF-8@euro" → "es_ES", then "es". */
static GStrv
language_candidates (const char *language)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *name = g_strdup (language);
  char *cut;

  g_strdelimit (name, "-", '_');
  if ((cut = strpbrk (name, ".@")) != NULL)
    *cut = '\0';
  if (*name != '\0')
    g_strv_builder_add (builder, name);
  if ((cut = strchr (name, '_')) != NULL)
    {
      *cut = '\0';
      if (*name != '\0')
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_english (const char *language)
{
  return g_str_equal (language, "C") || g_str_equal (language, "POSIX") ||
         g_str_equal (language, "en") || g_str_has_prefix (language, "en_") ||
         g_str_has_prefix (language, "en-") || g_str_has_prefix (language, "C.");
}

PwCatalog *
pw_catalog_new_for_language (const char  *localedir,
                             const char  *language,
                             GError     **error)
{
  g_auto(GStrv) candidates = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_english (language))
    return pw_catalog_new_english ();

  if (localedir == NULL)
    localedir = pw_catalog_get_default_localedir ();

  candidates = language_candidates (language);
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GMappedFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* Language codes come from the vault: never let one walk the tree. */
      if (strchr (candidates[i], '/') != NULL || candidates[i][0] == '.')
        continue;

      path = g_build_filename (localedir, candidates[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      file = g_mapped_file_new (path, FALSE, NULL);
      if (file == NULL)
        continue;
      bytes = g_mapped_file_get_bytes (file);
      return pw_catalog_new_from_bytes (bytes, candidates[i], error);
    }

  g_set_error (error, PW_CATALOG_ERROR, PW_CATALOG_ERROR_NOT_FOUND,
               _("Pathway has no translation for the language “%s”; English is used instead."),
               language);
  return NULL;
}

G_LOCK_DEFINE_STATIC (shared);
static GHashTable *shared_catalogs;

PwCatalog *
pw_catalog_get_for_language (const char *language)
{
  PwCatalog *catalog;

  if (language == NULL || *language == '\0')
    language = "en";

  G_LOCK (shared);
  if (shared_catalogs == NULL)
    shared_catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  catalog = g_hash_table_lookup (shared_catalogs, language);
  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = pw_catalog_new_for_language (NULL, language, &error);
      if (catalog == NULL)
        {
          g_debug ("%s", error->message);
          catalog = pw_catalog_new_english ();
        }
      g_hash_table_insert (shared_catalogs, g_strdup (language), catalog);
    }
  G_UNLOCK (shared);

  return catalog;
}

/* ---- Lookups ------------------------------------------------------------ */

const char *
pw_catalog_get_language (PwCatalog *self)
{
  g_return_val_if_fail (PW_IS_CATALOG (self), NULL);
  return self->language;
}

guint
pw_catalog_get_n_messages (PwCatalog *self)
{
  g_return_val_if_fail (PW_IS_CATALOG (self), 0);
  return g_hash_table_size (self->messages);
}

guint
pw_catalog_get_n_plurals (PwCatalog *self)
{
  g_return_val_if_fail (PW_IS_CATALOG (self), 2);
  return self->n_plurals;
}

gulong
pw_catalog_get_plural_index (PwCatalog *self,
                             gulong     n)
{
  g_return_val_if_fail (PW_IS_CATALOG (self), n != 1);

  if (self->plural == NULL)
    return n == 1 ? 0 : 1;
  return plural_eval (self->plural, n);
}

gboolean
pw_catalog_has_message (PwCatalog  *self,
                        const char *msgid)
{
  g_return_val_if_fail (PW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (msgid != NULL, FALSE);

  return g_hash_table_contains (self->messages, msgid);
}

const char *
pw_catalog_gettext (PwCatalog  *self,
                    const char *msgid)
{
  Translation *translation;

  g_return_val_if_fail (self == NULL || PW_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  /* The default domain, as _() and C_() use it: GLib stops translating a
   * named domain for good once it saw an English locale first. */
  if (self == NULL)
    return g_dgettext (NULL, msgid);
  if (*msgid == '\0')
    return msgid;

  translation = g_hash_table_lookup (self->messages, msgid);
  return translation != NULL ? translation->text : msgid;
}

const char *
pw_catalog_ngettext (PwCatalog  *self,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  Translation *translation;
  gulong index;
  const char *form;
  gsize at;

  g_return_val_if_fail (self == NULL || PW_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);
  g_return_val_if_fail (msgid_plural != NULL, NULL);

  if (self == NULL)
    return g_dngettext (NULL, msgid, msgid_plural, n);

  translation = g_hash_table_lookup (self->messages, msgid);
  if (translation == NULL)
    return n == 1 ? msgid : msgid_plural;

  index = pw_catalog_get_plural_index (self, n);
  form = translation->text;
  for (at = 0; index > 0; index--)
    {
      at += strlen (translation->text + at) + 1;
      if (at > translation->len)
        /* Fewer forms than the header promises: English rather than a wrong form. */
        return n == 1 ? msgid : msgid_plural;
      form = translation->text + at;
    }
  return form;
}

const char *
pw_catalog_pgettext (PwCatalog  *self,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *key = NULL;
  Translation *translation;

  g_return_val_if_fail (self == NULL || PW_IS_CATALOG (self), msgid);
  g_return_val_if_fail (context != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return g_dpgettext2 (NULL, context, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  translation = g_hash_table_lookup (self->messages, key);
  return translation != NULL ? translation->text : msgid;
}

/* Fills "%1$u", "%2$s", "%3$u" (day, month, year) in @pattern by hand:
 * a pattern from a file is never a printf format. */
static char *
fill_date_pattern (const char *pattern,
                   guint       day,
                   const char *month,
                   guint       year)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '3' && p[2] == '$' &&
          (p[3] == 'u' || p[3] == 's' || p[3] == 'd'))
        {
          if (p[1] == '1')
            g_string_append_printf (out, "%u", day);
          else if (p[1] == '2')
            g_string_append (out, month);
          else
            g_string_append_printf (out, "%u", year);
          p += 3;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
pw_catalog_format_date (PwCatalog  *self,
                        const char *date)
{
  const char *months[12];
  unsigned int year, month, day;

  g_return_val_if_fail (self == NULL || PW_IS_CATALOG (self), NULL);

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  /* Translators: a month's name as it follows the day in a full date
   * ("3 April 2025"). Most languages use the same word as for the month
   * alone; Catalan, for one, writes "3 d'abril de 2025". */
  months[0] = pw_catalog_pgettext (self, "month in a date", "January");
  months[1] = pw_catalog_pgettext (self, "month in a date", "February");
  months[2] = pw_catalog_pgettext (self, "month in a date", "March");
  months[3] = pw_catalog_pgettext (self, "month in a date", "April");
  months[4] = pw_catalog_pgettext (self, "month in a date", "May");
  months[5] = pw_catalog_pgettext (self, "month in a date", "June");
  months[6] = pw_catalog_pgettext (self, "month in a date", "July");
  months[7] = pw_catalog_pgettext (self, "month in a date", "August");
  months[8] = pw_catalog_pgettext (self, "month in a date", "September");
  months[9] = pw_catalog_pgettext (self, "month in a date", "October");
  months[10] = pw_catalog_pgettext (self, "month in a date", "November");
  months[11] = pw_catalog_pgettext (self, "month in a date", "December");

  /* Translators: a date: %1$u is the day, %2$s the month's name, %3$u the year */
  return fill_date_pattern (pw_catalog_gettext (self, "%1$u %2$s %3$u"),
                            day, months[month - 1], year);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pw_catalog_finalize (GObject *object)
{
  PwCatalog *self = PW_CATALOG (object);

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->converted, g_string_chunk_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->plural, plural_node_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (pw_catalog_parent_class)->finalize (object);
}

static void
pw_catalog_class_init (PwCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_catalog_finalize;
}

static void
pw_catalog_init (PwCatalog *self)
{
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->converted = g_string_chunk_new (1024);
  self->n_plurals = 2;
}
