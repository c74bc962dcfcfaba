/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pw-template-private.h"

/* json-glib 1.6 accepts an empty file, comments, single quotes, leading
 * zeros, trailing data and duplicate member names, and keeps no positions
 * for a valid document. Templates are written by hand, so this parser is
 * strict and remembers where every value starts; it still builds json-glib
 * nodes so the rest of the loader reads ordinary JsonObjects. */

typedef struct
{
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        line;
  guint        column;
  guint        depth;
  const char  *name;
  GHashTable  *positions;
  GError     **error;
} Parser;

void
pw_template_set_error (GError     **error,
                       int          code,
                       const char  *display_name,
                       guint        line,
                       guint        column,
                       const char  *message)
{
  if (line > 0)
    g_set_error (error, PW_TEMPLATE_ERROR, code, "%s:%u:%u: %s",
                 display_name, line, column, message);
  else
    g_set_error (error, PW_TEMPLATE_ERROR, code, "%s: %s", display_name, message);
}

static gboolean G_GNUC_PRINTF (5, 6)
fail (Parser     *p,
      guint       line,
      guint       column,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  pw_template_set_error (p->error, code, p->name, line, column, message);
  return FALSE;
}

static inline gboolean
at_end (Parser *p)
{
  return p->pos >= p->len;
}

static inline guchar
peek (Parser *p)
{
  return at_end (p) ? 0 : (guchar) p->data[p->pos];
}

static inline void
advance (Parser *p)
{
  guchar c = (guchar) p->data[p->pos++];

  if (c == '\n')
    {
      p->line++;
      p->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      p->column++;
    }
}

static void
skip_whitespace (Parser *p)
{
  while (!at_end (p))
    {
      guchar c = peek (p);

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      advance (p);
    }
}

/* What the reader will see at the current position, for messages. */
static char *
describe_here (Parser *p)
{
  gsize end = p->pos;
  guchar c;

  if (at_end (p))
    return g_strdup (_("the end of the file"));

  c = peek (p);
  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf ("U+%04X", c);

  if (g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.' || c == '_')
    {
      while (end < p->len && end - p->pos < 24
             && (g_ascii_isalnum (p->data[end]) || strchr ("-+._", p->data[end]) != NULL))
        end++;
    }
  else
    {
      end = g_utf8_next_char (p->data + p->pos) - p->data;
    }

  {
    g_autofree char *token = g_strndup (p->data + p->pos, end - p->pos);
    return g_strdup_printf ("“%s”", token);
  }
}

/* Mistakes that deserve their own sentence wherever they appear. */
static gboolean
fail_special (Parser *p)
{
  if (at_end (p))
    return !fail (p, p->line, p->column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                  _("The file ends before the template is complete: a closing “}”, “]” or double quote may be missing, or the file was cut short."));

  if (peek (p) == '/')
    return !fail (p, p->line, p->column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                  _("JSON does not allow comments. To keep a note in a template, use a member whose name starts with “x-”."));

  if (peek (p) == '\'')
    return !fail (p, p->line, p->column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                  _("Texts and member names must be in double quotes (\"), not single quotes (')."));

  return FALSE;
}

#define FAIL_UNEXPECTED(p, format)                                        \
  G_STMT_START {                                                          \
    if (!fail_special (p))                                                \
      {                                                                   \
        g_autofree char *found_ = describe_here (p);                      \
        fail ((p), (p)->line, (p)->column, PW_TEMPLATE_ERROR_INVALID_JSON, \
              format, found_);                                            \
      }                                                                   \
  } G_STMT_END

static void
record (Parser   *p,
        JsonNode *node,
        guint     line,
        guint     column)
{
  PwJsonPos *pos = g_new0 (PwJsonPos, 1);

  pos->line = line;
  pos->column = column;
  g_hash_table_insert (p->positions, node, pos);
}

static JsonNode *parse_value (Parser *p);

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
parse_hex4 (Parser  *p,
            guint    line,
            guint    column,
            gunichar *out)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (peek (p));

      if (at_end (p) || digit < 0)
        return fail (p, line, column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                     _("In a text, “\\u” must be followed by four hexadecimal digits."));
      value = value * 16 + digit;
      advance (p);
    }

  *out = value;
  return TRUE;
}

/* Called with the opening quote at the current position. */
static char *
parse_string (Parser *p)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint start_line = p->line;
  guint start_column = p->column;
  guint n_chars = 0;

  advance (p);

  for (;;)
    {
      guchar c;

      if (at_end (p))
        {
          fail (p, start_line, start_column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                _("A text is not closed: its closing double quote is missing."));
          return NULL;
        }

      if (n_chars > PW_TEMPLATE_MAX_TEXT_CHARS)
        {
          fail (p, start_line, start_column, PW_TEMPLATE_ERROR_TOO_LARGE,
                _("A text is longer than %u characters, the most a template allows."),
                (guint) PW_TEMPLATE_MAX_TEXT_CHARS);
          return NULL;
        }

      c = peek (p);

      if (c == '"')
        {
          advance (p);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      if (c < 0x20)
        {
          fail (p, p->line, p->column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                _("A text contains a line break, a tab or another control character. Write a line break as \\n and a tab as \\t."));
          return NULL;
        }

      if (c != '\\')
        {
          /* The whole input is valid UTF-8 already: copy one character. */
          gsize next = g_utf8_next_char (p->data + p->pos) - p->data;

          g_string_append_len (out, p->data + p->pos, next - p->pos);
          while (p->pos < next)
            advance (p);
          n_chars++;
          continue;
        }

      {
        guint esc_line = p->line;
        guint esc_column = p->column;
        gunichar ch;

        advance (p);
        c = peek (p);
        if (at_end (p))
          continue;

        switch (c)
          {
          case '"': ch = '"'; break;
          case '\\': ch = '\\'; break;
          case '/': ch = '/'; break;
          case 'b': ch = '\b'; break;
          case 'f': ch = '\f'; break;
          case 'n': ch = '\n'; break;
          case 'r': ch = '\r'; break;
          case 't': ch = '\t'; break;
          case 'u':
            advance (p);
            if (!parse_hex4 (p, esc_line, esc_column, &ch))
              return NULL;
            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                gunichar low = 0;

                if (peek (p) != '\\' || p->pos + 1 >= p->len || p->data[p->pos + 1] != 'u')
                  {
                    fail (p, esc_line, esc_column, PW_TEMPLATE_ERROR_INVALID_JSON,
                          _("A text contains an unpaired UTF-16 surrogate (\\u%04X), which is not a character."),
                          ch);
                    return NULL;
                  }
                advance (p);
                advance (p);
                if (!parse_hex4 (p, esc_line, esc_column, &low))
                  return NULL;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (p, esc_line, esc_column, PW_TEMPLATE_ERROR_INVALID_JSON,
                          _("A text contains an unpaired UTF-16 surrogate (\\u%04X), which is not a character."),
                          ch);
                    return NULL;
                  }
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (ch >= 0xDC00 && ch <= 0xDFFF)
              {
                fail (p, esc_line, esc_column, PW_TEMPLATE_ERROR_INVALID_JSON,
                      _("A text contains an unpaired UTF-16 surrogate (\\u%04X), which is not a character."),
                      ch);
                return NULL;
              }
            else if (ch == 0)
              {
                fail (p, esc_line, esc_column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                      _("A text contains \\u0000 (a NUL character), which a template may not contain."));
                return NULL;
              }
            g_string_append_unichar (out, ch);
            n_chars++;
            continue;
          default:
            {
              g_autofree char *found = describe_here (p);

              fail (p, esc_line, esc_column, PW_TEMPLATE_ERROR_INVALID_JSON,
                    _("A backslash in a text must start an escape such as \\n, \\\" or \\\\; found a backslash followed by %s."),
                    found);
              return NULL;
            }
          }

        advance (p);
        g_string_append_unichar (out, ch);
        n_chars++;
      }
    }
}

static gboolean
is_delimiter (guchar c)
{
  return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r'
         || c == ',' || c == ']' || c == '}';
}

static JsonNode *
parse_number (Parser *p)
{
  guint line = p->line;
  guint column = p->column;
  gsize start = p->pos;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;
  JsonNode *node;

  if (peek (p) == '-')
    advance (p);

  if (peek (p) == '0')
    {
      advance (p);
      if (g_ascii_isdigit (peek (p)))
        {
          p->pos = start;
          p->line = line;
          p->column = column;
          {
            g_autofree char *found = describe_here (p);
            fail (p, line, column, PW_TEMPLATE_ERROR_INVALID_JSON,
                  _("%s is not a valid number: numbers may not start with 0."), found);
          }
          return NULL;
        }
    }
  else if (g_ascii_isdigit (peek (p)))
    {
      while (g_ascii_isdigit (peek (p)))
        advance (p);
    }
  else
    {
      goto invalid;
    }

  if (peek (p) == '.')
    {
      is_integer = FALSE;
      advance (p);
      if (!g_ascii_isdigit (peek (p)))
        goto invalid;
      while (g_ascii_isdigit (peek (p)))
        advance (p);
    }

  if (peek (p) == 'e' || peek (p) == 'E')
    {
      is_integer = FALSE;
      advance (p);
      if (peek (p) == '+' || peek (p) == '-')
        advance (p);
      if (!g_ascii_isdigit (peek (p)))
        goto invalid;
      while (g_ascii_isdigit (peek (p)))
        advance (p);
    }

  if (!is_delimiter (peek (p)))
    goto invalid;

  text = g_strndup (p->data + start, p->pos - start);
  node = json_node_new (JSON_NODE_VALUE);

  if (is_integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        {
          json_node_unref (node);
          fail (p, line, column, PW_TEMPLATE_ERROR_INVALID_JSON,
                _("The number %s is too large."), text);
          return NULL;
        }
      json_node_set_int (node, value);
    }
  else
    {
      double value = g_ascii_strtod (text, NULL);

      if (!isfinite (value))
        {
          json_node_unref (node);
          fail (p, line, column, PW_TEMPLATE_ERROR_INVALID_JSON,
                _("The number %s is too large."), text);
          return NULL;
        }
      json_node_set_double (node, value);
    }

  record (p, node, line, column);
  return node;

invalid:
  p->pos = start;
  p->line = line;
  p->column = column;
  {
    g_autofree char *found = describe_here (p);
    fail (p, line, column, PW_TEMPLATE_ERROR_INVALID_JSON,
          _("%s is not a valid number."), found);
  }
  return NULL;
}

static JsonNode *
parse_literal (Parser *p)
{
  static const char *words[] = { "true", "false", "null" };
  guint line = p->line;
  guint column = p->column;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);
      JsonNode *node;

      if (p->len - p->pos < n || memcmp (p->data + p->pos, words[i], n) != 0
          || !is_delimiter (p->pos + n < p->len ? (guchar) p->data[p->pos + n] : 0))
        continue;

      for (gsize j = 0; j < n; j++)
        advance (p);

      if (i == 2)
        {
          node = json_node_new (JSON_NODE_NULL);
        }
      else
        {
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_boolean (node, i == 0);
        }
      record (p, node, line, column);
      return node;
    }

  FAIL_UNEXPECTED (p, _("Expected a value (a text in double quotes, a number, an object { … }, a list [ … ], true, false or null), but found %s."));
  return NULL;
}

static gboolean
enter (Parser *p)
{
  if (++p->depth > PW_TEMPLATE_MAX_DEPTH)
    return fail (p, p->line, p->column, PW_TEMPLATE_ERROR_TOO_LARGE,
                 _("Objects and lists are nested more than %u levels deep, the most a template allows."),
                 (guint) PW_TEMPLATE_MAX_DEPTH);
  return TRUE;
}

static JsonNode *
parse_object (Parser *p)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;
  guint line = p->line;
  guint column = p->column;

  if (!enter (p))
    return NULL;
  advance (p);
  skip_whitespace (p);

  if (peek (p) == '}')
    {
      advance (p);
      goto done;
    }

  for (;;)
    {
      g_autofree char *key = NULL;
      JsonNode *value;
      PwJsonPos *pos;
      guint key_line, key_column;

      if (peek (p) != '"')
        {
          FAIL_UNEXPECTED (p, _("Expected a member name in double quotes, but found %s."));
          return NULL;
        }

      key_line = p->line;
      key_column = p->column;
      key = parse_string (p);
      if (key == NULL)
        return NULL;

      skip_whitespace (p);
      if (peek (p) != ':')
        {
          g_autofree char *found = describe_here (p);

          if (!fail_special (p))
            fail (p, p->line, p->column, PW_TEMPLATE_ERROR_INVALID_JSON,
                  _("Expected “:” after the member name “%s”, but found %s."), key, found);
          return NULL;
        }
      advance (p);

      value = parse_value (p);
      if (value == NULL)
        return NULL;

      if (json_object_has_member (object, key))
        {
          PwJsonPos *first = g_hash_table_lookup (p->positions,
                                                  json_object_get_member (object, key));

          json_node_unref (value);
          fail (p, key_line, key_column, PW_TEMPLATE_ERROR_DUPLICATE_MEMBER,
                _("The member “%s” appears twice in the same object (first at line %u); keep only one."),
                key, first != NULL ? first->key_line : 0);
          return NULL;
        }

      pos = g_hash_table_lookup (p->positions, value);
      pos->key_line = key_line;
      pos->key_column = key_column;
      json_object_set_member (object, key, value);

      skip_whitespace (p);
      if (peek (p) == '}')
        {
          advance (p);
          break;
        }
      if (peek (p) != ',')
        {
          FAIL_UNEXPECTED (p, _("Expected “,” or “}” after a member, but found %s."));
          return NULL;
        }

      {
        guint comma_line = p->line;
        guint comma_column = p->column;

        advance (p);
        skip_whitespace (p);
        if (peek (p) == '}')
          {
            fail (p, comma_line, comma_column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                  _("There is a comma before “}”: remove it."));
            return NULL;
          }
      }
    }

done:
  p->depth--;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  record (p, node, line, column);
  return node;
}

static JsonNode *
parse_array (Parser *p)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;
  guint line = p->line;
  guint column = p->column;

  if (!enter (p))
    return NULL;
  advance (p);
  skip_whitespace (p);

  if (peek (p) == ']')
    {
      advance (p);
      goto done;
    }

  for (;;)
    {
      JsonNode *element = parse_value (p);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);

      skip_whitespace (p);
      if (peek (p) == ']')
        {
          advance (p);
          break;
        }
      if (peek (p) != ',')
        {
          FAIL_UNEXPECTED (p, _("Expected “,” or “]” after an element of a list, but found %s."));
          return NULL;
        }

      {
        guint comma_line = p->line;
        guint comma_column = p->column;

        advance (p);
        skip_whitespace (p);
        if (peek (p) == ']')
          {
            fail (p, comma_line, comma_column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
                  _("There is a comma before “]”: remove it."));
            return NULL;
          }
      }
    }

done:
  p->depth--;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  record (p, node, line, column);
  return node;
}

static JsonNode *
parse_value (Parser *p)
{
  guchar c;

  skip_whitespace (p);
  c = peek (p);

  if (at_end (p))
    {
      fail_special (p);
      return NULL;
    }

  if (c == '{')
    return parse_object (p);
  if (c == '[')
    return parse_array (p);
  if (c == '-' || g_ascii_isdigit (c))
    return parse_number (p);
  if (c == '"')
    {
      guint line = p->line;
      guint column = p->column;
      g_autofree char *string = parse_string (p);
      JsonNode *node;

      if (string == NULL)
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, string);
      record (p, node, line, column);
      return node;
    }

  return parse_literal (p);
}

static void
position_of_offset (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar c = (guchar) data[i];

      if (c == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

GHashTable *
pw_json_positions_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

JsonNode *
pw_json_parse_strict (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GHashTable  *positions,
                      GError     **error)
{
  Parser parser = {
    .data = data,
    .len = length,
    .line = 1,
    .column = 1,
    .name = display_name,
    .positions = positions,
    .error = error,
  };
  const char *invalid = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (positions != NULL, NULL);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      position_of_offset (data, invalid - data, &line, &column);
      fail (&parser, line, column, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
            _("The file is not valid UTF-8 text here (it may have been saved in another encoding); save it as UTF-8."));
      return NULL;
    }

  /* Editors on some systems write a byte order mark: it carries no content. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.pos = 3;

  skip_whitespace (&parser);
  if (at_end (&parser))
    {
      fail (&parser, 0, 0, PW_TEMPLATE_ERROR_INVALID_JSON, "%s",
            _("The file is empty: a template is one JSON object { … }."));
      return NULL;
    }

  root = parse_value (&parser);
  if (root == NULL)
    return NULL;

  skip_whitespace (&parser);
  if (!at_end (&parser))
    {
      g_autofree char *found = describe_here (&parser);

      fail (&parser, parser.line, parser.column, PW_TEMPLATE_ERROR_INVALID_JSON,
            _("There is more text after the end of the template, starting with %s: a template is exactly one JSON object."),
            found);
      json_node_unref (root);
      return NULL;
    }

  return root;
}
