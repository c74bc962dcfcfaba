/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-template-private.h"

/* One walker validates a document and, when asked, builds the objects.
 * A base template is checked in full; a variant (with "extends") only
 * carries what changes; the merged tree of a variant over its base is a
 * full template again, checked once more while building. */
typedef enum
{
  MODE_BASE,
  MODE_VARIANT,
  MODE_MERGED,
} Mode;

typedef struct
{
  const char  *name;
  GHashTable  *positions;
  Mode         mode;
  gboolean     build;
  GPtrArray   *languages;
  GHashTable  *step_ids;
  GPtrArray   *slots;
  GError     **error;
} Ctx;

typedef enum
{
  KIND_OBJECT,
  KIND_ARRAY,
  KIND_STRING,
  KIND_INT,
} Kind;

static JsonNode *deep_copy (JsonNode *node);

static const char * const stage_ids[] = {
  "detection", "rights", "recovery", "autonomy", NULL
};

static const char * const domain_ids[] = {
  "safety", "housing", "health", "psychological", "legal",
  "language", "education", "employment", "social", "family", NULL
};

/* Errors ----------------------------------------------------------------- */

static void
position_of (Ctx      *ctx,
             JsonNode *node,
             gboolean  key,
             guint    *line,
             guint    *column)
{
  PwJsonPos *pos = NULL;

  if (ctx->positions != NULL && node != NULL)
    pos = g_hash_table_lookup (ctx->positions, node);

  *line = 0;
  *column = 0;
  if (pos == NULL)
    return;

  if (key && pos->key_line > 0)
    {
      *line = pos->key_line;
      *column = pos->key_column;
    }
  else
    {
      *line = pos->line;
      *column = pos->column;
    }
}

static guint
line_of (Ctx      *ctx,
         JsonNode *node)
{
  guint line, column;

  position_of (ctx, node, FALSE, &line, &column);
  return line;
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (Ctx        *ctx,
         JsonNode   *node,
         gboolean    key,
         int         code,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (ctx->error != NULL && *ctx->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (ctx, node, key, &line, &column);
  pw_template_set_error (ctx->error, code, ctx->name, line, column, message);
  return FALSE;
}

static char *
join (const char * const *items)
{
  return g_strjoinv (", ", (char **) items);
}

/* Shapes of values ------------------------------------------------------- */

static gboolean
has_kind (JsonNode *node,
          Kind      kind)
{
  switch (kind)
    {
    case KIND_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case KIND_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case KIND_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case KIND_INT:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    default:
      g_assert_not_reached ();
    }
}

static const char *
expected_kind (Kind kind)
{
  switch (kind)
    {
    case KIND_OBJECT:
      return _("an object { … }");
    case KIND_ARRAY:
      return _("a list [ … ]");
    case KIND_STRING:
      return _("a text in double quotes");
    case KIND_INT:
      return _("a whole number");
    default:
      g_assert_not_reached ();
    }
}

static const char *
actual_kind (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object { … }");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list [ … ]");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("a text");
  if (type == G_TYPE_INT64)
    return _("a whole number");
  if (type == G_TYPE_DOUBLE)
    return _("a number with decimals");
  return _("true or false");
}

static gboolean
check_kind (Ctx        *ctx,
            JsonNode   *node,
            const char *loc,
            const char *member,
            Kind        kind)
{
  if (has_kind (node, kind))
    return TRUE;

  if (member != NULL)
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_WRONG_TYPE,
                    _("%s: “%s” must be %s, not %s."),
                    loc, member, expected_kind (kind), actual_kind (node));

  return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_WRONG_TYPE,
                  _("%s must be %s, not %s."),
                  loc, expected_kind (kind), actual_kind (node));
}

/* Reads member @name of the object @node into @out (NULL when absent). */
static gboolean
get_member (Ctx         *ctx,
            JsonNode    *node,
            const char  *loc,
            const char  *name,
            Kind         kind,
            gboolean     required,
            JsonNode   **out)
{
  JsonNode *value = json_object_get_member (json_node_get_object (node), name);

  *out = NULL;

  if (value == NULL)
    {
      if (required)
        return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_MISSING_MEMBER,
                        _("%s: “%s” is missing."), loc, name);
      return TRUE;
    }

  if (!check_kind (ctx, value, loc, name, kind))
    return FALSE;

  *out = value;
  return TRUE;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 64 || lb > 64)
    return G_MAXUINT;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* Typos must not pass silently; "x-" members are the authors' own. */
static gboolean
check_members (Ctx                *ctx,
               JsonNode           *node,
               const char         *loc,
               const char * const *allowed)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *suggestion = NULL;
      g_autofree char *known = NULL;

      if (g_strv_contains (allowed, name) || g_str_has_prefix (name, "x-"))
        continue;

      for (guint i = 0; allowed[i] != NULL; i++)
        if (edit_distance (name, allowed[i]) <= 2)
          {
            suggestion = allowed[i];
            break;
          }

      if (suggestion != NULL)
        return fail_at (ctx, json_object_get_member (object, name), TRUE,
                        PW_TEMPLATE_ERROR_UNKNOWN_MEMBER,
                        _("%s: “%s” is not a member a template can have here. Did you mean “%s”?"),
                        loc, name, suggestion);

      known = join (allowed);
      return fail_at (ctx, json_object_get_member (object, name), TRUE,
                      PW_TEMPLATE_ERROR_UNKNOWN_MEMBER,
                      _("%s: “%s” is not a member a template can have here. The members here are: %s. Members whose names start with “x-” are free for your own notes."),
                      loc, name, known);
    }

  return TRUE;
}

/* Identifiers ------------------------------------------------------------ */

static gboolean
is_slug_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static gboolean
is_template_id (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > 63 || s[0] == '-')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!is_slug_char (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_step_id (const char *s,
            const char *stage)
{
  gsize n = strlen (stage);

  if (strncmp (s, stage, n) != 0 || s[n] != '.' || s[n + 1] == '\0')
    return FALSE;
  for (const char *c = s + n + 1; *c != '\0'; c++)
    if (!is_slug_char (*c))
      return FALSE;
  return strlen (s) <= 128;
}

static gboolean
is_indicator_id (const char *s)
{
  if (*s == '\0' || strlen (s) > 128)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!is_slug_char (*s) && *s != '.')
      return FALSE;
  return TRUE;
}

static gboolean
is_language_code (const char *s)
{
  gsize n = strlen (s);

  if (n != 2 && n != 5)
    return FALSE;
  if (!g_ascii_islower (s[0]) || !g_ascii_islower (s[1]))
    return FALSE;
  if (n == 5 && (s[2] != '-' || !g_ascii_isupper (s[3]) || !g_ascii_isupper (s[4])))
    return FALSE;
  return TRUE;
}

static gboolean
is_country_code (const char *s)
{
  return strlen (s) == 2 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]);
}

static gboolean
is_icon_name (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > 100)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
      return FALSE;
  return TRUE;
}

static gboolean
is_web_address (const char *s)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  for (const char *c = s; *c != '\0'; c++)
    if (g_ascii_isspace (*c))
      return FALSE;

  uri = g_uri_parse (s, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Localized texts -------------------------------------------------------- */

static GHashTable *
text_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* @where names the text for messages ("Step “x”, “title”"); @path is its
 * place in the resolved template for the missing-texts report. */
static gboolean
parse_text (Ctx         *ctx,
            JsonNode    *node,
            const char  *where,
            const char  *path,
            GHashTable **out)
{
  g_autoptr(GHashTable) text = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (has_kind (node, KIND_STRING))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_WRONG_TYPE,
                    _("%s must have a text for each language, like {\"en\": \"…\", \"it\": \"…\"}, not a single text."),
                    where);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_WRONG_TYPE,
                    _("%s must have a text for each language, like {\"en\": \"…\", \"it\": \"…\"}, not %s."),
                    where, actual_kind (node));

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  text = text_new ();

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *value = json_object_get_member (object, lang);

      if (ctx->mode != MODE_MERGED
          && !g_strv_contains ((const char * const *) ctx->languages->pdata, lang))
        {
          g_autofree char *listed = join ((const char * const *) ctx->languages->pdata);

          return fail_at (ctx, value, TRUE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                          _("%s has a text in “%s”, which is not listed in “languages” (%s)."),
                          where, lang, listed);
        }

      if (!has_kind (value, KIND_STRING))
        return fail_at (ctx, value, FALSE, PW_TEMPLATE_ERROR_WRONG_TYPE,
                        _("%s: the text in “%s” must be in double quotes, not %s."),
                        where, lang, actual_kind (value));

      if (is_blank (json_node_get_string (value)))
        return fail_at (ctx, value, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("%s: the text in “%s” is empty."), where, lang);

      g_hash_table_insert (text, g_strdup (lang), g_strdup (json_node_get_string (value)));
    }

  if (!g_hash_table_contains (text, "en"))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_MISSING_MEMBER,
                    _("%s has no English text (“en”). Every text needs one: English is shown wherever a language is missing."),
                    where);

  if (ctx->build && path != NULL)
    {
      PwTextSlot *slot = g_new0 (PwTextSlot, 1);

      slot->path = g_strdup (path);
      slot->text = g_hash_table_ref (text);
      g_ptr_array_add (ctx->slots, slot);
    }

  if (out != NULL)
    *out = g_steal_pointer (&text);
  return TRUE;
}

/* Reads the optional (or required) text member @name of @node. */
static gboolean
get_text (Ctx         *ctx,
          JsonNode    *node,
          const char  *loc,
          const char  *name,
          gboolean     required,
          const char  *path_prefix,
          GHashTable **out)
{
  JsonNode *value = json_object_get_member (json_node_get_object (node), name);
  g_autofree char *where = NULL;
  g_autofree char *path = NULL;

  *out = NULL;

  if (value == NULL)
    {
      if (required)
        return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_MISSING_MEMBER,
                        _("%s: “%s” is missing."), loc, name);
      return TRUE;
    }

  /* Translators: where a text is: "Step “rights.first”, “title”" */
  where = g_strdup_printf (_("%s, “%s”"), loc, name);
  path = path_prefix != NULL && *path_prefix != '\0'
         ? g_strdup_printf ("%s.%s", path_prefix, name)
         : g_strdup (name);

  return parse_text (ctx, value, where, path, out);
}

/* Domains ---------------------------------------------------------------- */

static gboolean
check_domain_reference (Ctx        *ctx,
                        JsonNode   *node,
                        const char *kind,
                        const char *owner)
{
  const char *domain = json_node_get_string (node);
  g_autofree char *known = NULL;

  if (g_strv_contains (domain_ids, domain))
    return TRUE;

  known = join (domain_ids);
  if (g_str_equal (kind, "step"))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                    _("Step “%s” names the domain “%s”, which is not one of: %s."),
                    owner, domain, known);
  return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                  _("Indicator “%s” names the domain “%s”, which is not one of: %s."),
                  owner, domain, known);
}

static gboolean
validate_domain (Ctx        *ctx,
                 JsonNode   *node,
                 guint       index,
                 GHashTable *seen,
                 GListStore *out)
{
  static const char * const members[] = { "id", "icon", "name", NULL };
  g_autofree char *loc = NULL;
  g_autofree char *path = g_strdup_printf ("domains[%u]", index);
  g_autoptr(GHashTable) name = NULL;
  JsonNode *id_node, *icon_node, *first;
  const char *id;

  loc = g_strdup_printf (_("Domain %u"), index + 1);
  if (!check_kind (ctx, node, loc, NULL, KIND_OBJECT))
    return FALSE;

  id_node = json_object_get_member (json_node_get_object (node), "id");
  if (id_node != NULL && has_kind (id_node, KIND_STRING))
    {
      g_free (loc);
      loc = g_strdup_printf (_("Domain “%s”"), json_node_get_string (id_node));
    }

  if (!check_members (ctx, node, loc, members)
      || !get_member (ctx, node, loc, "id", KIND_STRING, TRUE, &id_node))
    return FALSE;

  id = json_node_get_string (id_node);
  if (!g_strv_contains (domain_ids, id))
    {
      g_autofree char *known = join (domain_ids);

      return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                      _("“%s” is not one of the ten domains: %s."), id, known);
    }

  first = g_hash_table_lookup (seen, id);
  if (first != NULL)
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_DUPLICATE_ID,
                    _("The domain “%s” is listed twice (first at line %u)."),
                    id, line_of (ctx, first));
  g_hash_table_insert (seen, (gpointer) id, id_node);

  if (!get_member (ctx, node, loc, "icon", KIND_STRING, TRUE, &icon_node))
    return FALSE;
  if (!is_icon_name (json_node_get_string (icon_node)))
    return fail_at (ctx, icon_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("%s: “%s” is not an icon name; use a name such as “security-high-symbolic”."),
                    loc, json_node_get_string (icon_node));

  if (!get_text (ctx, node, loc, "name", TRUE, path, &name))
    return FALSE;

  if (ctx->build)
    {
      g_autoptr(PwDomain) domain = pw_domain_new_internal (id, json_node_get_string (icon_node),
                                                           name, ctx->languages);
      g_list_store_append (out, domain);
    }

  return TRUE;
}

/* Steps ------------------------------------------------------------------ */

static gboolean
validate_reference (Ctx        *ctx,
                    JsonNode   *node,
                    const char *step_id,
                    guint       index,
                    const char *step_path,
                    GPtrArray  *out)
{
  static const char * const members[] = { "label", "country", "url", NULL };
  g_autofree char *loc = g_strdup_printf (_("Reference %u of step “%s”"), index + 1, step_id);
  g_autofree char *path = g_strdup_printf ("%s.references[%u]", step_path, index);
  g_autoptr(GHashTable) label = NULL;
  JsonNode *country = NULL, *url = NULL;

  if (!check_kind (ctx, node, loc, NULL, KIND_OBJECT)
      || !check_members (ctx, node, loc, members)
      || !get_text (ctx, node, loc, "label", TRUE, path, &label)
      || !get_member (ctx, node, loc, "country", KIND_STRING, FALSE, &country)
      || !get_member (ctx, node, loc, "url", KIND_STRING, FALSE, &url))
    return FALSE;

  if (country != NULL && !is_country_code (json_node_get_string (country)))
    return fail_at (ctx, country, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("%s: “%s” is not a country code; use two capital letters, such as “IT” or “ES”."),
                    loc, json_node_get_string (country));

  if (url != NULL && !is_web_address (json_node_get_string (url)))
    return fail_at (ctx, url, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("%s: “%s” is not a web address starting with https:// or http://."),
                    loc, json_node_get_string (url));

  if (ctx->build)
    {
      PwReference *reference = g_new0 (PwReference, 1);

      reference->label = g_steal_pointer (&label);
      reference->country = country != NULL ? g_strdup (json_node_get_string (country)) : NULL;
      reference->url = url != NULL ? g_strdup (json_node_get_string (url)) : NULL;
      g_ptr_array_add (out, reference);
    }

  return TRUE;
}

static gboolean
validate_step (Ctx        *ctx,
               JsonNode   *node,
               const char *stage_id,
               guint       index,
               const char *stage_path,
               GListStore *out)
{
  static const char * const members[] = {
    "id", "domain", "title", "description", "survivor_role", "community_role",
    "references", NULL
  };
  static const char * const variant_members[] = {
    "id", "domain", "title", "description", "survivor_role", "community_role",
    "references", "insert_after", NULL
  };
  g_autofree char *loc = NULL;
  g_autofree char *path = g_strdup_printf ("%s.steps[%u]", stage_path, index);
  g_autoptr(GHashTable) title = NULL;
  g_autoptr(GHashTable) description = NULL;
  g_autoptr(GHashTable) survivor_role = NULL;
  g_autoptr(GHashTable) community_role = NULL;
  g_autoptr(GPtrArray) references = NULL;
  JsonNode *id_node, *domain_node, *references_node, *after_node, *first;
  const char *id;

  loc = g_strdup_printf (_("Step %u of stage “%s”"), index + 1, stage_id);
  if (!check_kind (ctx, node, loc, NULL, KIND_OBJECT))
    return FALSE;

  id_node = json_object_get_member (json_node_get_object (node), "id");
  if (id_node != NULL && has_kind (id_node, KIND_STRING))
    {
      g_free (loc);
      loc = g_strdup_printf (_("Step “%s”"), json_node_get_string (id_node));
    }

  if (!check_members (ctx, node, loc, ctx->mode == MODE_VARIANT ? variant_members : members)
      || !get_member (ctx, node, loc, "id", KIND_STRING, TRUE, &id_node))
    return FALSE;

  id = json_node_get_string (id_node);
  if (!is_step_id (id, stage_id))
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("“%s” is not a valid id for a step of the stage “%s”: write “%s.” followed by lowercase letters (a–z), digits and hyphens."),
                    id, stage_id, stage_id);

  first = g_hash_table_lookup (ctx->step_ids, id);
  if (first != NULL)
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_DUPLICATE_ID,
                    _("The step id “%s” is used twice (first at line %u); step ids must be unique in the whole template."),
                    id, line_of (ctx, first));
  g_hash_table_insert (ctx->step_ids, (gpointer) id, id_node);

  if (!get_member (ctx, node, loc, "domain", KIND_STRING, TRUE, &domain_node)
      || !check_domain_reference (ctx, domain_node, "step", id))
    return FALSE;

  if (!get_text (ctx, node, loc, "title", TRUE, path, &title))
    return FALSE;

  {
    const char *en = g_hash_table_lookup (title, "en");
    glong length = g_utf8_strlen (en, -1);

    if (length > PW_TEMPLATE_MAX_TITLE_CHARS)
      {
        JsonNode *title_node = json_object_get_member (json_node_get_object (node), "title");

        return fail_at (ctx, json_object_get_member (json_node_get_object (title_node), "en"), FALSE,
                        PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("Step “%s”: the English title is %u characters long; keep it to %u or fewer so it fits on the map."),
                        id, (guint) length, (guint) PW_TEMPLATE_MAX_TITLE_CHARS);
      }
  }

  if (!get_text (ctx, node, loc, "description", TRUE, path, &description)
      || !get_text (ctx, node, loc, "survivor_role", TRUE, path, &survivor_role)
      || !get_text (ctx, node, loc, "community_role", TRUE, path, &community_role)
      || !get_member (ctx, node, loc, "references", KIND_ARRAY, FALSE, &references_node))
    return FALSE;

  references = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_reference_free);
  if (references_node != NULL)
    {
      JsonArray *array = json_node_get_array (references_node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!validate_reference (ctx, json_array_get_element (array, i), id, i, path, references))
          return FALSE;
    }

  if (ctx->mode == MODE_VARIANT)
    {
      if (!get_member (ctx, node, loc, "insert_after", KIND_STRING, FALSE, &after_node))
        return FALSE;
      if (after_node != NULL && !is_step_id (json_node_get_string (after_node), stage_id))
        return fail_at (ctx, after_node, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                        _("Step “%s” is to be placed after “%s”, which is not a step of the stage “%s”."),
                        id, json_node_get_string (after_node), stage_id);
    }

  if (ctx->build)
    {
      g_autoptr(PwStep) step = pw_step_new_internal (id, stage_id, json_node_get_string (domain_node),
                                                     title, description, survivor_role, community_role,
                                                     g_steal_pointer (&references), ctx->languages);
      g_list_store_append (out, step);
    }

  return TRUE;
}

/* Stages ----------------------------------------------------------------- */

static gboolean
validate_stage (Ctx        *ctx,
                JsonNode   *node,
                guint       index,
                GHashTable *seen,
                GListStore *out)
{
  static const char * const members[] = {
    "id", "name", "summary", "survivor_role", "community_role", "steps", NULL
  };
  gboolean full = ctx->mode != MODE_VARIANT;
  g_autofree char *loc = NULL;
  g_autofree char *path = g_strdup_printf ("stages[%u]", index);
  g_autoptr(GHashTable) name = NULL;
  g_autoptr(GHashTable) summary = NULL;
  g_autoptr(GHashTable) survivor_role = NULL;
  g_autoptr(GHashTable) community_role = NULL;
  g_autoptr(GListStore) steps = NULL;
  JsonNode *id_node, *steps_node, *first;
  const char *id;

  loc = g_strdup_printf (_("Stage %u"), index + 1);
  if (!check_kind (ctx, node, loc, NULL, KIND_OBJECT))
    return FALSE;

  id_node = json_object_get_member (json_node_get_object (node), "id");
  if (id_node != NULL && has_kind (id_node, KIND_STRING))
    {
      g_free (loc);
      loc = g_strdup_printf (_("Stage “%s”"), json_node_get_string (id_node));
    }

  if (!check_members (ctx, node, loc, members)
      || !get_member (ctx, node, loc, "id", KIND_STRING, TRUE, &id_node))
    return FALSE;

  id = json_node_get_string (id_node);
  if (!g_strv_contains (stage_ids, id))
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                    _("“%s” is not a stage: the four stages are detection, rights, recovery and autonomy."),
                    id);

  if (full && !g_str_equal (id, stage_ids[index]))
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("Stage %u must be “%s”, not “%s”: the stages come in this order: detection, rights, recovery, autonomy."),
                    index + 1, stage_ids[index], id);

  first = g_hash_table_lookup (seen, id);
  if (first != NULL)
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_DUPLICATE_ID,
                    _("The stage “%s” appears twice (first at line %u)."),
                    id, line_of (ctx, first));
  g_hash_table_insert (seen, (gpointer) id, id_node);

  if (!get_text (ctx, node, loc, "name", full, path, &name)
      || !get_text (ctx, node, loc, "summary", full, path, &summary)
      || !get_text (ctx, node, loc, "survivor_role", full, path, &survivor_role)
      || !get_text (ctx, node, loc, "community_role", full, path, &community_role)
      || !get_member (ctx, node, loc, "steps", KIND_ARRAY, full, &steps_node))
    return FALSE;

  steps = g_list_store_new (PW_TYPE_STEP);
  if (steps_node != NULL)
    {
      JsonArray *array = json_node_get_array (steps_node);
      guint n = json_array_get_length (array);

      if (full && n == 0)
        return fail_at (ctx, steps_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("Stage “%s” has no steps; every stage needs at least one."), id);

      for (guint i = 0; i < n; i++)
        if (!validate_step (ctx, json_array_get_element (array, i), id, i, path, steps))
          return FALSE;
    }

  if (ctx->build)
    {
      g_autoptr(PwStage) stage = pw_stage_new_internal (id, index, name, summary,
                                                        survivor_role, community_role,
                                                        steps, ctx->languages);
      g_list_store_append (out, stage);
    }

  return TRUE;
}

/* Indicators ------------------------------------------------------------- */

static gboolean
validate_indicator (Ctx        *ctx,
                    JsonNode   *node,
                    guint       index,
                    GHashTable *seen,
                    GListStore *out)
{
  static const char * const members[] = { "id", "domain", "name", "question", "levels", NULL };
  g_autofree char *loc = NULL;
  g_autofree char *path = g_strdup_printf ("indicators[%u]", index);
  g_autoptr(GHashTable) name = NULL;
  g_autoptr(GHashTable) question = NULL;
  GHashTable *levels[PW_TEMPLATE_N_LEVELS] = { NULL, };
  JsonNode *id_node, *domain_node, *levels_node, *first;
  JsonArray *array;
  gboolean ok = FALSE;
  const char *id;
  guint n;

  loc = g_strdup_printf (_("Indicator %u"), index + 1);
  if (!check_kind (ctx, node, loc, NULL, KIND_OBJECT))
    return FALSE;

  id_node = json_object_get_member (json_node_get_object (node), "id");
  if (id_node != NULL && has_kind (id_node, KIND_STRING))
    {
      g_free (loc);
      loc = g_strdup_printf (_("Indicator “%s”"), json_node_get_string (id_node));
    }

  if (!check_members (ctx, node, loc, members)
      || !get_member (ctx, node, loc, "id", KIND_STRING, TRUE, &id_node))
    return FALSE;

  id = json_node_get_string (id_node);
  if (!is_indicator_id (id))
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("“%s” is not a valid indicator id: use lowercase letters (a–z), digits, dots and hyphens, such as “safety.feeling-safe”."),
                    id);

  first = g_hash_table_lookup (seen, id);
  if (first != NULL)
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_DUPLICATE_ID,
                    _("The indicator id “%s” is used twice (first at line %u)."),
                    id, line_of (ctx, first));
  g_hash_table_insert (seen, (gpointer) id, id_node);

  if (!get_member (ctx, node, loc, "domain", KIND_STRING, TRUE, &domain_node)
      || !check_domain_reference (ctx, domain_node, "indicator", id)
      || !get_text (ctx, node, loc, "name", TRUE, path, &name)
      || !get_text (ctx, node, loc, "question", FALSE, path, &question)
      || !get_member (ctx, node, loc, "levels", KIND_ARRAY, TRUE, &levels_node))
    return FALSE;

  array = json_node_get_array (levels_node);
  n = json_array_get_length (array);
  if (n != PW_TEMPLATE_N_LEVELS)
    return fail_at (ctx, levels_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    ngettext ("Indicator “%s” has %u level; it needs exactly five, from 1 (the lowest) to 5.",
                              "Indicator “%s” has %u levels; it needs exactly five, from 1 (the lowest) to 5.",
                              n),
                    id, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf (_("Level %u of indicator “%s”"), i + 1, id);
      g_autofree char *level_path = g_strdup_printf ("%s.levels[%u]", path, i);

      if (!parse_text (ctx, json_array_get_element (array, i), where, level_path, &levels[i]))
        goto out;
    }

  if (ctx->build)
    {
      g_autoptr(PwIndicator) indicator = NULL;

      indicator = pw_indicator_new_internal (id, json_node_get_string (domain_node),
                                             name, question, levels, ctx->languages);
      g_list_store_append (out, indicator);
    }
  ok = TRUE;

out:
  for (guint i = 0; i < PW_TEMPLATE_N_LEVELS; i++)
    g_clear_pointer (&levels[i], g_hash_table_unref);
  return ok;
}

/* The root --------------------------------------------------------------- */

static gboolean
validate_languages (Ctx      *ctx,
                    JsonNode *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node;
  JsonArray *array;

  if (!get_member (ctx, root, _("Template"), "languages", KIND_ARRAY, TRUE, &node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *loc = g_strdup_printf (_("Language %u in “languages”"), i + 1);
      const char *code;
      JsonNode *first;

      if (!check_kind (ctx, element, loc, NULL, KIND_STRING))
        return FALSE;

      code = json_node_get_string (element);
      if (!is_language_code (code))
        return fail_at (ctx, element, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("“%s” is not a language code: use two lowercase letters such as “it”, optionally followed by a region such as “pt-BR”."),
                        code);

      first = g_hash_table_lookup (seen, code);
      if (first != NULL)
        return fail_at (ctx, element, FALSE, PW_TEMPLATE_ERROR_DUPLICATE_ID,
                        _("“%s” is listed twice in “languages”."), code);
      g_hash_table_insert (seen, (gpointer) code, element);

      g_ptr_array_add (ctx->languages, g_strdup (code));
    }

  if (!g_hash_table_contains (seen, "en"))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE, "%s",
                    _("“languages” must include “en”: English is the fallback for every text."));

  return TRUE;
}

static gboolean
validate_list (Ctx        *ctx,
               JsonNode   *root,
               const char *member,
               gboolean    required,
               gboolean  (*validate) (Ctx *, JsonNode *, guint, GHashTable *, GListStore *),
               GListStore *out,
               JsonNode  **out_node)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node;
  JsonArray *array;

  if (!get_member (ctx, root, _("Template"), member, KIND_ARRAY, required, &node))
    return FALSE;

  *out_node = node;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!validate (ctx, json_array_get_element (array, i), i, seen, out))
      return FALSE;

  return TRUE;
}

static gboolean
validate_root (Ctx         *ctx,
               JsonNode    *root,
               PwTemplate **out)
{
  /* "$schema" lets editors find pathway-template.schema.json. */
  static const char * const base_members[] = {
    "$schema", "format", "format_version", "id", "version", "languages", "name",
    "description", "domains", "stages", "indicators", NULL
  };
  static const char * const variant_members[] = {
    "$schema", "format", "format_version", "id", "version", "extends", "languages", "name",
    "description", "domains", "stages", "indicators", NULL
  };
  const char *loc = _("Template");
  gboolean full = ctx->mode != MODE_VARIANT;
  g_autoptr(GHashTable) name = NULL;
  g_autoptr(GHashTable) description = NULL;
  g_autoptr(GListStore) domains = g_list_store_new (PW_TYPE_DOMAIN);
  g_autoptr(GListStore) stages = g_list_store_new (PW_TYPE_STAGE);
  g_autoptr(GListStore) indicators = g_list_store_new (PW_TYPE_INDICATOR);
  JsonNode *node, *id_node, *version_node, *extends_node = NULL, *list_node;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail_at (ctx, root, FALSE, PW_TEMPLATE_ERROR_INVALID_FORMAT,
                    _("This is not a Pathway template: a template is one JSON object { … }, and this file holds %s."),
                    actual_kind (root));

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node == NULL)
    return fail_at (ctx, root, FALSE, PW_TEMPLATE_ERROR_INVALID_FORMAT, "%s",
                    _("This is not a Pathway template: it has no “format” member, which must be \"pathway-template\"."));
  if (!has_kind (node, KIND_STRING) || !g_str_equal (json_node_get_string (node), "pathway-template"))
    return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_INVALID_FORMAT, "%s",
                    _("This is not a Pathway template: “format” must be \"pathway-template\"."));

  if (!get_member (ctx, root, loc, "format_version", KIND_INT, TRUE, &node))
    return FALSE;
  if (json_node_get_int (node) != 1)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      if (json_node_get_int (node) > 1)
        return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_UNSUPPORTED_VERSION,
                        _("This template is written in format version %s, which is newer than this version of Pathway can read (version 1). Update Pathway to use it."),
                        version);
      return fail_at (ctx, node, FALSE, PW_TEMPLATE_ERROR_UNSUPPORTED_VERSION,
                      _("“format_version” is %s, but the only format version is 1."), version);
    }

  if (!check_members (ctx, root, loc, full && ctx->mode != MODE_MERGED ? base_members : variant_members)
      || !get_member (ctx, root, loc, "$schema", KIND_STRING, FALSE, &node)
      || !get_member (ctx, root, loc, "id", KIND_STRING, TRUE, &id_node))
    return FALSE;

  if (!is_template_id (json_node_get_string (id_node)))
    return fail_at (ctx, id_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                    _("“%s” is not a valid template id: use 1 to 63 lowercase letters (a–z), digits and hyphens, starting with a letter or a digit."),
                    json_node_get_string (id_node));

  if (!get_member (ctx, root, loc, "version", KIND_INT, TRUE, &version_node))
    return FALSE;
  if (json_node_get_int (version_node) < 1 || json_node_get_int (version_node) > G_MAXINT)
    return fail_at (ctx, version_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE, "%s",
                    _("“version” must be a whole number from 1 up; raise it with every change you publish."));

  if (ctx->mode != MODE_BASE)
    {
      if (!get_member (ctx, root, loc, "extends", KIND_STRING, ctx->mode == MODE_VARIANT, &extends_node))
        return FALSE;
      if (extends_node != NULL && !is_template_id (json_node_get_string (extends_node)))
        return fail_at (ctx, extends_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("“extends” must name the id of another template, and “%s” is not a valid template id."),
                        json_node_get_string (extends_node));
      if (ctx->mode == MODE_VARIANT
          && g_str_equal (json_node_get_string (extends_node), json_node_get_string (id_node)))
        return fail_at (ctx, extends_node, FALSE, PW_TEMPLATE_ERROR_EXTENDS_CYCLE,
                        _("The template “%s” extends itself."), json_node_get_string (id_node));
    }

  if (!validate_languages (ctx, root)
      || !get_text (ctx, root, loc, "name", TRUE, "", &name)
      || !get_text (ctx, root, loc, "description", FALSE, "", &description))
    return FALSE;

  if (!validate_list (ctx, root, "domains", full, validate_domain, domains, &list_node))
    return FALSE;
  if (full)
    {
      g_autoptr(GPtrArray) missing = g_ptr_array_new_null_terminated (0, NULL, TRUE);
      JsonArray *array = json_node_get_array (list_node);

      for (guint i = 0; domain_ids[i] != NULL; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < json_array_get_length (array) && !found; j++)
            {
              JsonNode *id = json_object_get_member (json_array_get_object_element (array, j), "id");

              found = g_str_equal (json_node_get_string (id), domain_ids[i]);
            }
          if (!found)
            g_ptr_array_add (missing, (gpointer) domain_ids[i]);
        }

      if (missing->len > 0)
        {
          g_autofree char *list = join ((const char * const *) missing->pdata);

          return fail_at (ctx, list_node, FALSE, PW_TEMPLATE_ERROR_MISSING_MEMBER,
                          _("“domains” must list all ten domains; missing: %s."), list);
        }
    }

  if (full)
    {
      if (!get_member (ctx, root, loc, "stages", KIND_ARRAY, TRUE, &list_node))
        return FALSE;
      if (json_array_get_length (json_node_get_array (list_node)) != 4)
        {
          guint n = json_array_get_length (json_node_get_array (list_node));

          return fail_at (ctx, list_node, FALSE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                          _("There must be exactly four stages, in this order: detection, rights, recovery, autonomy. This template has %u."),
                          n);
        }
    }

  if (!validate_list (ctx, root, "stages", full, validate_stage, stages, &list_node)
      || !validate_list (ctx, root, "indicators", full, validate_indicator, indicators, &list_node))
    return FALSE;

  if (ctx->build)
    *out = pw_template_new_internal (json_node_get_string (id_node),
                                     (int) json_node_get_int (version_node),
                                     extends_node != NULL ? json_node_get_string (extends_node) : NULL,
                                     ctx->languages, name, description,
                                     domains, stages, indicators,
                                     g_steal_pointer (&ctx->slots));
  return TRUE;
}

static void
ctx_init (Ctx        *ctx,
          const char *name,
          GHashTable *positions,
          Mode        mode,
          gboolean    build,
          GError    **error)
{
  ctx->name = name;
  ctx->positions = positions;
  ctx->mode = mode;
  ctx->build = build;
  ctx->languages = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  ctx->step_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->slots = g_ptr_array_new ();
  ctx->error = error;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->languages, g_ptr_array_unref);
  g_clear_pointer (&ctx->step_ids, g_hash_table_unref);
  if (ctx->slots != NULL)
    {
      for (guint i = 0; i < ctx->slots->len; i++)
        {
          PwTextSlot *slot = g_ptr_array_index (ctx->slots, i);

          g_free (slot->path);
          g_hash_table_unref (slot->text);
          g_free (slot);
        }
      g_ptr_array_unref (ctx->slots);
      ctx->slots = NULL;
    }
}

/* Documents -------------------------------------------------------------- */

PwTemplateDoc *
pw_template_doc_ref (PwTemplateDoc *doc)
{
  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
pw_template_doc_unref (PwTemplateDoc *doc)
{
  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;

  g_free (doc->display_name);
  g_free (doc->id);
  g_free (doc->extends);
  g_clear_pointer (&doc->root, json_node_unref);
  g_clear_pointer (&doc->positions, g_hash_table_unref);
  g_free (doc);
}

PwTemplateDoc *
pw_template_doc_parse (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(JsonNode) root = NULL;
  PwTemplateDoc *doc;
  const char *data;
  gsize size;
  Ctx ctx = { NULL, };
  gboolean ok;
  Mode mode = MODE_BASE;

  data = g_bytes_get_data (bytes, &size);
  if (size > PW_TEMPLATE_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size_full (PW_TEMPLATE_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = g_strdup_printf (_("The file is larger than %s, the most a template may be."), limit);

      pw_template_set_error (error, PW_TEMPLATE_ERROR_TOO_LARGE, display_name, 0, 0, message);
      return NULL;
    }

  positions = pw_json_positions_new ();
  root = pw_json_parse_strict (data != NULL ? data : "", size, display_name, positions, error);
  if (root == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "extends"))
    mode = MODE_VARIANT;

  ctx_init (&ctx, display_name, positions, mode, FALSE, error);
  ok = validate_root (&ctx, root, NULL);
  ctx_clear (&ctx);
  if (!ok)
    return NULL;

  doc = g_new0 (PwTemplateDoc, 1);
  g_atomic_ref_count_init (&doc->ref_count);
  doc->display_name = g_strdup (display_name);
  doc->id = g_strdup (json_object_get_string_member (json_node_get_object (root), "id"));
  if (mode == MODE_VARIANT)
    doc->extends = g_strdup (json_object_get_string_member (json_node_get_object (root), "extends"));
  doc->root = g_steal_pointer (&root);
  doc->positions = g_steal_pointer (&positions);

  return doc;
}

/* Resolving `extends` ---------------------------------------------------- */

static int
find_element (GPtrArray  *elements,
              const char *id)
{
  for (guint i = 0; i < elements->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (elements, i));

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return i;
    }
  return -1;
}

static GPtrArray *
elements_of (JsonObject *object,
             const char *member)
{
  JsonArray *array = json_object_get_array_member (object, member);
  GPtrArray *elements = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (elements, json_array_get_element (array, i));
  return elements;
}

static void
set_elements (JsonObject *object,
              const char *member,
              GPtrArray  *elements)
{
  JsonArray *array = json_array_sized_new (elements->len);

  for (guint i = 0; i < elements->len; i++)
    {
      JsonNode *copy = deep_copy (g_ptr_array_index (elements, i));

      json_object_remove_member (json_node_get_object (copy), "insert_after");
      json_array_add_element (array, copy);
    }
  json_object_set_array_member (object, member, array);
}

/* Same id replaces in place; a new id is appended. */
static void
merge_by_id (JsonObject *merged,
             JsonObject *variant,
             const char *member)
{
  g_autoptr(GPtrArray) elements = NULL;
  JsonArray *changes;

  if (!json_object_has_member (variant, member))
    return;

  elements = elements_of (merged, member);
  changes = json_object_get_array_member (variant, member);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *change = json_array_get_element (changes, i);
      int index = find_element (elements, json_object_get_string_member (json_node_get_object (change), "id"));

      if (index >= 0)
        elements->pdata[index] = change;
      else
        g_ptr_array_add (elements, change);
    }
  set_elements (merged, member, elements);
}

static gboolean
merge_steps (Ctx        *ctx,
             JsonObject *merged_stage,
             JsonObject *variant_stage,
             const char *base_id)
{
  g_autoptr(GPtrArray) elements = elements_of (merged_stage, "steps");
  JsonArray *changes = json_object_get_array_member (variant_stage, "steps");
  const char *stage_id = json_object_get_string_member (merged_stage, "id");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *change = json_array_get_element (changes, i);
      JsonObject *object = json_node_get_object (change);
      const char *id = json_object_get_string_member (object, "id");
      JsonNode *after = json_object_get_member (object, "insert_after");
      int index = find_element (elements, id);

      if (index >= 0 && after != NULL)
        return fail_at (ctx, after, TRUE, PW_TEMPLATE_ERROR_INVALID_VALUE,
                        _("Step “%s” replaces the step with the same id in “%s” and keeps its place, so it cannot have “insert_after”."),
                        id, base_id);

      if (index >= 0)
        {
          elements->pdata[index] = change;
        }
      else if (after != NULL)
        {
          int anchor = find_element (elements, json_node_get_string (after));

          if (anchor < 0)
            return fail_at (ctx, after, FALSE, PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
                            _("Step “%s” is to be placed after “%s”, which is not a step of the stage “%s”."),
                            id, json_node_get_string (after), stage_id);
          g_ptr_array_insert (elements, anchor + 1, change);
        }
      else
        {
          g_ptr_array_add (elements, change);
        }
    }

  set_elements (merged_stage, "steps", elements);
  return TRUE;
}

static gboolean
apply_variant (Ctx           *ctx,
               JsonNode      *merged_root,
               PwTemplateDoc *variant)
{
  static const char * const replaced[] = { "id", "version", "extends", "languages", "name", NULL };
  static const char * const stage_texts[] = { "name", "summary", "survivor_role", "community_role", NULL };
  JsonObject *merged = json_node_get_object (merged_root);
  JsonObject *object = json_node_get_object (variant->root);

  for (guint i = 0; replaced[i] != NULL; i++)
    json_object_set_member (merged, replaced[i],
                            deep_copy (json_object_get_member (object, replaced[i])));

  /* The base's description describes the base, not the variant. */
  if (json_object_has_member (object, "description"))
    json_object_set_member (merged, "description",
                            deep_copy (json_object_get_member (object, "description")));
  else
    json_object_remove_member (merged, "description");

  merge_by_id (merged, object, "domains");
  merge_by_id (merged, object, "indicators");

  if (json_object_has_member (object, "stages"))
    {
      JsonArray *changes = json_object_get_array_member (object, "stages");
      g_autoptr(GPtrArray) stages = elements_of (merged, "stages");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          int index = find_element (stages, json_object_get_string_member (change, "id"));
          JsonObject *stage;

          g_assert (index >= 0);
          stage = json_node_get_object (g_ptr_array_index (stages, index));

          for (guint j = 0; stage_texts[j] != NULL; j++)
            if (json_object_has_member (change, stage_texts[j]))
              json_object_set_member (stage, stage_texts[j],
                                      deep_copy (json_object_get_member (change, stage_texts[j])));

          if (json_object_has_member (change, "steps")
              && !merge_steps (ctx, stage, change, variant->extends))
            return FALSE;
        }
    }

  return TRUE;
}

/* json_node_copy() shares objects and arrays with the original: merging a
 * variant into such a copy would change the base template itself. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *new_object = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (object);

        /* In document order, unlike JsonObjectIter in json-glib 1.6. */
        for (GList *l = names; l != NULL; l = l->next)
          json_object_set_member (new_object, l->data,
                                  deep_copy (json_object_get_member (object, l->data)));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, new_object);
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *new_array = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (new_array, deep_copy (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, new_array);
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static JsonNode *
resolve_root (PwTemplateDoc       *doc,
              PwTemplateRegistry  *registry,
              GPtrArray           *chain,
              GError             **error)
{
  g_autoptr(JsonNode) base_root = NULL;
  g_autoptr(JsonNode) merged = NULL;
  PwTemplateDoc *base;
  JsonNode *extends_node;
  Ctx ctx = { NULL, };
  gboolean ok;

  if (doc->extends == NULL)
    return json_node_ref (doc->root);

  ctx_init (&ctx, doc->display_name, doc->positions, MODE_VARIANT, FALSE, error);
  extends_node = json_object_get_member (json_node_get_object (doc->root), "extends");
  g_ptr_array_add (chain, doc->id);

  if (g_ptr_array_find_with_equal_func (chain, doc->extends, g_str_equal, NULL))
    {
      g_autoptr(GString) circle = g_string_new (NULL);
      guint start = 0;

      g_ptr_array_find_with_equal_func (chain, doc->extends, g_str_equal, &start);
      for (guint i = start; i < chain->len; i++)
        g_string_append_printf (circle, "%s → ", (const char *) g_ptr_array_index (chain, i));
      g_string_append (circle, doc->extends);

      fail_at (&ctx, extends_node, FALSE, PW_TEMPLATE_ERROR_EXTENDS_CYCLE,
               _("“extends” goes round in a circle: %s. A template cannot be based on itself, even through others."),
               circle->str);
      ctx_clear (&ctx);
      return NULL;
    }

  base = registry != NULL ? pw_template_registry_get_doc (registry, doc->extends) : NULL;
  if (base == NULL)
    {
      g_auto(GStrv) ids = registry != NULL ? pw_template_registry_dup_ids (registry) : NULL;

      if (ids != NULL && ids[0] != NULL)
        {
          g_autofree char *list = join ((const char * const *) ids);

          fail_at (&ctx, extends_node, FALSE, PW_TEMPLATE_ERROR_EXTENDS_MISSING,
                   _("This template extends “%s”, which is not available. The available templates are: %s."),
                   doc->extends, list);
        }
      else
        {
          fail_at (&ctx, extends_node, FALSE, PW_TEMPLATE_ERROR_EXTENDS_MISSING,
                   _("This template extends “%s”, which is not available: add that template first."),
                   doc->extends);
        }
      ctx_clear (&ctx);
      return NULL;
    }

  base_root = resolve_root (base, registry, chain, error);
  if (base_root == NULL)
    {
      ctx_clear (&ctx);
      return NULL;
    }

  merged = deep_copy (base_root);
  ok = apply_variant (&ctx, merged, doc);
  ctx_clear (&ctx);

  return ok ? g_steal_pointer (&merged) : NULL;
}

PwTemplate *
pw_template_doc_resolve (PwTemplateDoc       *doc,
                         PwTemplateRegistry  *registry,
                         GError             **error)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  PwTemplate *template = NULL;
  Ctx ctx = { NULL, };

  root = resolve_root (doc, registry, chain, error);
  if (root == NULL)
    return NULL;

  if (doc->extends == NULL)
    ctx_init (&ctx, doc->display_name, doc->positions, MODE_BASE, TRUE, error);
  else
    ctx_init (&ctx, doc->display_name, NULL, MODE_MERGED, TRUE, error);

  validate_root (&ctx, root, &template);
  ctx_clear (&ctx);

  return template;
}
