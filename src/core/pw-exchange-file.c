/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-exchange-crypto.h"
#include "pw-exchange-file.h"

typedef struct
{
  gint64            referral;  /* file id */
  PwReferralStatus  status;
  char             *date;
} ReferralStep;

/* One survivor as read: objects keep the file's ids (their own and those
 * they refer to) until the import maps them to the vault's. */
typedef struct
{
  PwSurvivor *survivor;
  char       *template_id;
  int         template_version;  /* -1: not given */
  char       *life_changes[3];   /* PwLifeChange order */
  GPtrArray  *stages;
  GPtrArray  *items;
  GPtrArray  *item_history;      /* PwStatusChange; plan_item_id: file id */
  GPtrArray  *assessments;
  GPtrArray  *consents;
  GPtrArray  *referrals;
  GArray     *referral_history;  /* ReferralStep */
  GPtrArray  *notes;
  GPtrArray  *milestones;
} Case;

struct _PwExchangeFile
{
  GObject    parent_instance;

  gboolean   encrypted;
  char      *scope;
  gint64     exported_at;
  char      *program_version;
  gboolean   has_transfer;
  char      *transfer_recipient;
  char      *transfer_date;
  GPtrArray *services;           /* PwService; id: file id */
  GPtrArray *cases;              /* Case */
};

G_DEFINE_FINAL_TYPE (PwExchangeFile, pw_exchange_file, G_TYPE_OBJECT)

static void
referral_step_clear (gpointer data)
{
  g_free (((ReferralStep *) data)->date);
}

static Case *
case_new (void)
{
  Case *c = g_new0 (Case, 1);

  c->template_version = -1;
  c->stages = g_ptr_array_new_with_free_func (g_object_unref);
  c->items = g_ptr_array_new_with_free_func (g_object_unref);
  c->item_history = g_ptr_array_new_with_free_func (g_object_unref);
  c->assessments = g_ptr_array_new_with_free_func (g_object_unref);
  c->consents = g_ptr_array_new_with_free_func (g_object_unref);
  c->referrals = g_ptr_array_new_with_free_func (g_object_unref);
  c->referral_history = g_array_new (FALSE, TRUE, sizeof (ReferralStep));
  g_array_set_clear_func (c->referral_history, referral_step_clear);
  c->notes = g_ptr_array_new_with_free_func (g_object_unref);
  c->milestones = g_ptr_array_new_with_free_func (g_object_unref);
  return c;
}

static void
case_free (Case *c)
{
  g_clear_object (&c->survivor);
  g_free (c->template_id);
  for (guint i = 0; i < G_N_ELEMENTS (c->life_changes); i++)
    g_free (c->life_changes[i]);
  g_ptr_array_unref (c->stages);
  g_ptr_array_unref (c->items);
  g_ptr_array_unref (c->item_history);
  g_ptr_array_unref (c->assessments);
  g_ptr_array_unref (c->consents);
  g_ptr_array_unref (c->referrals);
  g_array_unref (c->referral_history);
  g_ptr_array_unref (c->notes);
  g_ptr_array_unref (c->milestones);
  g_free (c);
}

static void
pw_exchange_file_finalize (GObject *object)
{
  PwExchangeFile *self = PW_EXCHANGE_FILE (object);

  g_free (self->scope);
  g_free (self->program_version);
  g_free (self->transfer_recipient);
  g_free (self->transfer_date);
  g_ptr_array_unref (self->services);
  g_ptr_array_unref (self->cases);

  G_OBJECT_CLASS (pw_exchange_file_parent_class)->finalize (object);
}

static void
pw_exchange_file_class_init (PwExchangeFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_exchange_file_finalize;
}

static void
pw_exchange_file_init (PwExchangeFile *self)
{
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct
{
  GPtrArray  *path;        /* segments, for the message */
  GHashTable *catalogue;   /* text → text in the interface language */
  int         shift_days;
  GHashTable *ids[PW_RECORD_KIND_TEMPLATE + 1];  /* file ids seen, per kind */
  GError    **error;
} Reader;

static char *
path_text (Reader *r)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < r->path->len; i++)
    {
      const char *segment = g_ptr_array_index (r->path, i);

      if (i > 0 && segment[0] != '[')
        g_string_append (text, " › ");
      g_string_append (text, segment);
    }
  if (text->len == 0)
    g_string_append (text, _("the top of the file"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
path_push (Reader     *r,
           const char *segment)
{
  g_ptr_array_add (r->path, g_strdup (segment));
}

static void
path_push_index (Reader *r,
                 guint   index)
{
  g_ptr_array_add (r->path, g_strdup_printf ("[%u]", index));
}

static void
path_pop (Reader *r)
{
  g_ptr_array_remove_index (r->path, r->path->len - 1);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Reader     *r,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *where = path_text (r);
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, PW_EXCHANGE_ERROR, code,
               /* Translators: the first %s says what is wrong, the second where */
               _("This case file cannot be imported: %s (in %s). Nothing was imported; "
                 "ask the sender to export the case file again."),
               problem, where);
  return FALSE;
}

static gboolean
is_extension (const char *name)
{
  return g_str_has_prefix (name, "x-");
}

static gboolean
check_members (Reader             *r,
               JsonObject         *object,
               const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!is_extension (name) && !g_strv_contains (allowed, name))
      return fail (r, PW_EXCHANGE_ERROR_UNKNOWN_MEMBER,
                   _("the member “%s” is not part of the format"), name);
  return TRUE;
}

/* The member @name, NULL when absent or null. FALSE when required and
 * absent or null. */
static gboolean
member (Reader      *r,
        JsonObject  *object,
        const char  *name,
        gboolean     required,
        JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (r, node == NULL ? PW_EXCHANGE_ERROR_MISSING_MEMBER : PW_EXCHANGE_ERROR_WRONG_TYPE,
                     node == NULL ? _("the member “%s” is missing")
                                  : _("the member “%s” is empty (null)"),
                     name);
      return TRUE;
    }
  *out = node;
  return TRUE;
}

static gboolean
wrong_type (Reader     *r,
            const char *name,
            const char *expected)
{
  /* Translators: the second %s is "a text", "a whole number", "a list"… */
  return fail (r, PW_EXCHANGE_ERROR_WRONG_TYPE, _("“%s” should be %s"), name, expected);
}

static gboolean
read_text (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           gboolean     translate,
           guint        max_chars,
           char       **out)
{
  JsonNode *node;
  const char *text;

  *out = NULL;
  if (!member (r, object, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (r, name, _("a text"));
  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > max_chars)
    return fail (r, PW_EXCHANGE_ERROR_TOO_LARGE,
                 _("“%s” is longer than %u characters"), name, max_chars);
  if (translate && r->catalogue != NULL && g_hash_table_contains (r->catalogue, text))
    text = g_hash_table_lookup (r->catalogue, text);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (Reader      *r,
          JsonObject  *object,
          const char  *name,
          gboolean     required,
          gint64       min,
          gint64       max,
          gint64      *out,
          gboolean    *present)
{
  JsonNode *node;
  gint64 value;

  *out = 0;
  if (present != NULL)
    *present = FALSE;
  if (!member (r, object, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (r, name, _("a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is %lld, outside what it can be (%lld to %lld)"),
                 name, (long long) value, (long long) min, (long long) max);
  *out = value;
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
date_valid (const char *date,
            GDate      *out)
{
  unsigned y, m, d;
  char tail;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
      sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[8]) ||
      y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static gboolean
read_date (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           char       **out)
{
  g_autofree char *text = NULL;
  GDate date;

  *out = NULL;
  if (!read_text (r, object, name, required, FALSE, 10, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  g_date_clear (&date, 1);
  if (!date_valid (text, &date))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is not a date written as year-month-day, such as 2024-03-31"), name);
  if (r->shift_days != 0)
    {
      char buffer[16];

      if (r->shift_days > 0)
        g_date_add_days (&date, r->shift_days);
      else
        g_date_subtract_days (&date, -r->shift_days);
      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      g_free (text);
      text = g_strdup (buffer);
    }
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_time (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           gint64      *out)
{
  g_autofree char *text = NULL;

  *out = 0;
  if (!read_text (r, object, name, required, FALSE, 40, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!pw_exchange_parse_time (text, out))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is not a time written as 2024-03-31T09:30:00Z"), name);
  *out += (gint64) r->shift_days * 24 * 3600 * G_USEC_PER_SEC;
  return TRUE;
}

static gboolean
read_enum (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           GType        type,
           int          fallback,
           int         *out)
{
  g_autofree char *text = NULL;

  *out = fallback;
  if (!read_text (r, object, name, required, FALSE, 40, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!pw_enum_from_nick (type, text, out) ||
      (type == PW_TYPE_RISK_LEVEL && *out == PW_RISK_LEVEL_NONE) ||
      (type == PW_TYPE_CLOSE_REASON && *out == PW_CLOSE_REASON_NONE))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” has a value Pathway does not know: “%s”"), name, text);
  return TRUE;
}

/* An identifier from a template or a code list: letters, digits, ".", "-", "_". */
static gboolean
token_valid (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_token (Reader      *r,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            char       **out)
{
  if (!read_text (r, object, name, required, FALSE, 120, out))
    return FALSE;
  if (*out != NULL && !token_valid (*out))
    {
      g_clear_pointer (out, g_free);
      return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                   _("“%s” should be an identifier (letters, digits, “.”, “-” or “_”)"), name);
    }
  return TRUE;
}

static gboolean
read_array (Reader      *r,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            guint        max,
            JsonArray  **out)
{
  JsonNode *node;

  *out = NULL;
  if (!member (r, object, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (r, name, _("a list"));
  *out = json_node_get_array (node);
  if (json_array_get_length (*out) > max)
    return fail (r, PW_EXCHANGE_ERROR_TOO_LARGE,
                 _("the list “%s” has more than %u entries"), name, max);
  return TRUE;
}

/* The object at @index of @array, with the path entered. */
static JsonObject *
enter_element (Reader     *r,
               const char *list,
               JsonArray  *array,
               guint       index)
{
  JsonNode *node = json_array_get_element (array, index);

  path_push_index (r, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *name = g_strdup_printf ("%s[%u]", list, index);

      path_pop (r);
      wrong_type (r, name, _("an object { … }"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Languages: ISO 639 codes, optionally with a region. */
static gboolean
read_languages (Reader      *r,
                JsonObject  *object,
                const char  *name,
                GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!read_array (r, object, name, FALSE, PW_EXCHANGE_MAX_ITEMS, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *code;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (r, name, _("a list of language codes"));
      code = json_node_get_string (node);
      if (strlen (code) < 2 || strlen (code) > 12 || !g_ascii_isalpha (code[0]) ||
          strspn (code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-") != strlen (code))
        return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                     _("“%s” holds “%s”, which is not a language code such as “it”"), name, code);
      g_strv_builder_add (builder, code);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_language (Reader      *r,
               JsonObject  *object,
               const char  *name,
               char       **out)
{
  if (!read_text (r, object, name, FALSE, FALSE, 12, out))
    return FALSE;
  if (*out != NULL &&
      (strlen (*out) < 2 || !g_ascii_isalpha ((*out)[0]) ||
       strspn (*out, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-") != strlen (*out)))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is not a language code such as “it”"), name);
  return TRUE;
}

/* The record's own "id": a positive number, unique among its kind. */
static gboolean
read_id (Reader       *r,
         JsonObject   *object,
         PwRecordKind  kind,
         gint64       *out)
{
  if (!read_int (r, object, "id", TRUE, 1, G_MAXINT64 / 2, out, NULL))
    return FALSE;
  if (r->ids[kind] == NULL)
    r->ids[kind] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!g_hash_table_add (r->ids[kind], g_memdup2 (out, sizeof *out)))
    return fail (r, PW_EXCHANGE_ERROR_DUPLICATE,
                 _("the id %lld is used by two records of the same kind"), (long long) *out);
  return TRUE;
}

/* A reference to a record of @known (file ids), or 0 when absent. */
static gboolean
read_ref (Reader      *r,
          JsonObject  *object,
          const char  *name,
          gboolean     required,
          GHashTable  *known,
          gint64      *out)
{
  if (!read_int (r, object, name, required, 1, G_MAXINT64 / 2, out, NULL))
    return FALSE;
  if (*out != 0 && (known == NULL || !g_hash_table_contains (known, out)))
    return fail (r, PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE,
                 _("“%s” refers to record %lld, which is not in the file"),
                 name, (long long) *out);
  return TRUE;
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

/* ---- records ---- */

#define TEXT PW_EXCHANGE_MAX_TEXT

static gboolean
read_service (Reader          *r,
              JsonObject      *o,
              PwExchangeFile  *self)
{
  static const char * const members[] = {
    "id", "name", "type", "contact", "languages", "notes", "created_at", "updated_at", NULL
  };
  g_autoptr(PwService) service = pw_service_new ();
  g_autofree char *name = NULL, *kind = NULL, *contact = NULL, *notes = NULL;
  g_auto(GStrv) languages = NULL;
  gint64 id, created, updated;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_SERVICE, &id) ||
      !read_text (r, o, "name", TRUE, TRUE, 1000, &name) ||
      !read_text (r, o, "type", FALSE, TRUE, 1000, &kind) ||
      !read_text (r, o, "contact", FALSE, TRUE, 1000, &contact) ||
      !read_languages (r, o, "languages", &languages) ||
      !read_text (r, o, "notes", FALSE, TRUE, TEXT, &notes) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  if (g_strstrip (name)[0] == '\0')
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE, _("“%s” is empty"), "name");

  pw_service_set_id (service, id);
  pw_service_set_name (service, name);
  pw_service_set_kind (service, kind);
  pw_service_set_contact (service, contact);
  pw_service_set_languages (service, (const char * const *) languages);
  pw_service_set_notes (service, notes);
  pw_service_set_created_at (service, created);
  pw_service_set_updated_at (service, updated);
  g_ptr_array_add (self->services, g_steal_pointer (&service));
  return TRUE;
}

static gboolean
read_stage (Reader     *r,
            JsonObject *o,
            Case       *c,
            GHashTable *unused_a,
            GHashTable *unused_b)
{
  static const char * const members[] = { "id", "stage", "status", "since", "created_at", NULL };
  g_autoptr(PwStageState) state = pw_stage_state_new ();
  g_autofree char *stage = NULL, *since = NULL;
  gint64 id, created;
  int status;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_STAGE_STATE, &id) ||
      !read_token (r, o, "stage", TRUE, &stage) ||
      !read_enum (r, o, "status", TRUE, PW_TYPE_STAGE_STATUS, 0, &status) ||
      !read_date (r, o, "since", TRUE, &since) ||
      !read_time (r, o, "created_at", FALSE, &created))
    return FALSE;
  pw_stage_state_set_id (state, id);
  pw_stage_state_set_stage_id (state, stage);
  pw_stage_state_set_status (state, status);
  pw_stage_state_set_since (state, since);
  pw_stage_state_set_created_at (state, created);
  g_ptr_array_add (c->stages, g_steal_pointer (&state));
  return TRUE;
}

static gboolean
read_item (Reader     *r,
           JsonObject *o,
           Case       *c,
           GHashTable *item_ids,
           GHashTable *unused)
{
  static const char * const members[] = {
    "id", "step", "stage", "domain", "title", "her_words", "priority", "responsible",
    "due_date", "status", "achieved_date", "notes", "status_history", "created_at",
    "updated_at", NULL
  };
  static const char * const change_members[] = { "status", "date", "created_at", NULL };
  g_autoptr(PwPlanItem) item = pw_plan_item_new ();
  g_autofree char *step = NULL, *stage = NULL, *domain = NULL, *title = NULL;
  g_autofree char *words = NULL, *responsible = NULL, *due = NULL, *achieved = NULL;
  g_autofree char *notes = NULL;
  JsonArray *history;
  gint64 id, priority, created, updated;
  int status;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_PLAN_ITEM, &id) ||
      !read_token (r, o, "step", FALSE, &step) ||
      !read_token (r, o, "stage", FALSE, &stage) ||
      !read_token (r, o, "domain", FALSE, &domain) ||
      !read_text (r, o, "title", TRUE, TRUE, 1000, &title) ||
      !read_text (r, o, "her_words", FALSE, FALSE, TEXT, &words) ||
      !read_int (r, o, "priority", FALSE, 0, 100000, &priority, NULL) ||
      !read_text (r, o, "responsible", FALSE, TRUE, 1000, &responsible) ||
      !read_date (r, o, "due_date", FALSE, &due) ||
      !read_enum (r, o, "status", TRUE, PW_TYPE_PLAN_ITEM_STATUS, 0, &status) ||
      !read_date (r, o, "achieved_date", FALSE, &achieved) ||
      !read_text (r, o, "notes", FALSE, TRUE, TEXT, &notes) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated) ||
      !read_array (r, o, "status_history", FALSE, PW_EXCHANGE_MAX_ITEMS, &history))
    return FALSE;

  path_push (r, "status_history");
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *h = enter_element (r, "status_history", history, i);
      g_autoptr(PwStatusChange) change = pw_status_change_new ();
      g_autofree char *date = NULL;
      gint64 at;
      int s;

      if (h == NULL ||
          !check_members (r, h, change_members) ||
          !read_enum (r, h, "status", TRUE, PW_TYPE_PLAN_ITEM_STATUS, 0, &s) ||
          !read_date (r, h, "date", TRUE, &date) ||
          !read_time (r, h, "created_at", FALSE, &at))
        return FALSE;
      pw_status_change_set_plan_item_id (change, id);
      pw_status_change_set_status (change, s);
      pw_status_change_set_changed_on (change, date);
      pw_status_change_set_created_at (change, at);
      g_ptr_array_add (c->item_history, g_steal_pointer (&change));
      path_pop (r);
    }
  path_pop (r);

  pw_plan_item_set_id (item, id);
  pw_plan_item_set_step_id (item, step);
  pw_plan_item_set_stage_id (item, stage);
  pw_plan_item_set_domain (item, domain);
  pw_plan_item_set_title (item, title);
  pw_plan_item_set_her_words (item, words);
  pw_plan_item_set_priority (item, priority);
  pw_plan_item_set_responsible (item, responsible);
  pw_plan_item_set_due_date (item, due);
  pw_plan_item_set_status (item, status);
  pw_plan_item_set_achieved_date (item, achieved);
  pw_plan_item_set_notes (item, notes);
  pw_plan_item_set_created_at (item, created);
  pw_plan_item_set_updated_at (item, updated);
  g_ptr_array_add (c->items, g_steal_pointer (&item));
  id_set_add (item_ids, id);
  return TRUE;
}

static gboolean
read_assessment (Reader     *r,
                 JsonObject *o,
                 Case       *c,
                 GHashTable *unused_a,
                 GHashTable *unused_b)
{
  static const char * const members[] = {
    "id", "kind", "date", "assessor", "risk_level", "risk_factors", "review_trigger",
    "next_review", "notes", "needs", "scores", "created_at", "updated_at", NULL
  };
  static const char * const need_members[] = { "need", "label", "coverage", "priority", NULL };
  static const char * const score_members[] = { "indicator", "her_score", "worker_score", NULL };
  g_autoptr(PwAssessment) a = pw_assessment_new ();
  g_autoptr(GStrvBuilder) factors = g_strv_builder_new ();
  g_auto(GStrv) factor_strv = NULL;
  g_autofree char *date = NULL, *assessor = NULL, *trigger = NULL, *next = NULL, *notes = NULL;
  JsonArray *factor_array, *needs, *scores;
  gint64 id, created, updated;
  int kind, level;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_ASSESSMENT, &id) ||
      !read_enum (r, o, "kind", TRUE, PW_TYPE_ASSESSMENT_KIND, 0, &kind) ||
      !read_date (r, o, "date", TRUE, &date) ||
      !read_text (r, o, "assessor", FALSE, TRUE, 1000, &assessor) ||
      !read_enum (r, o, "risk_level", FALSE, PW_TYPE_RISK_LEVEL, PW_RISK_LEVEL_NONE, &level) ||
      !read_array (r, o, "risk_factors", FALSE, PW_EXCHANGE_MAX_ITEMS, &factor_array) ||
      !read_text (r, o, "review_trigger", FALSE, TRUE, TEXT, &trigger) ||
      !read_date (r, o, "next_review", FALSE, &next) ||
      !read_text (r, o, "notes", FALSE, TRUE, TEXT, &notes) ||
      !read_array (r, o, "needs", FALSE, PW_EXCHANGE_MAX_ITEMS, &needs) ||
      !read_array (r, o, "scores", FALSE, PW_EXCHANGE_MAX_ITEMS, &scores) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  if (kind != PW_ASSESSMENT_KIND_RISK && level != PW_RISK_LEVEL_NONE)
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is only for risk assessments"), "risk_level");

  for (guint i = 0; factor_array != NULL && i < json_array_get_length (factor_array); i++)
    {
      JsonNode *node = json_array_get_element (factor_array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !token_valid (json_node_get_string (node)))
        return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                     _("“%s” should be a list of identifiers"), "risk_factors");
      g_strv_builder_add (factors, json_node_get_string (node));
    }

  path_push (r, "needs");
  for (guint i = 0; needs != NULL && i < json_array_get_length (needs); i++)
    {
      JsonObject *n = enter_element (r, "needs", needs, i);
      g_autofree char *need = NULL, *label = NULL;
      gint64 priority;
      int coverage;

      if (n == NULL ||
          !check_members (r, n, need_members) ||
          !read_token (r, n, "need", TRUE, &need) ||
          !read_text (r, n, "label", FALSE, TRUE, 1000, &label) ||
          !read_enum (r, n, "coverage", TRUE, PW_TYPE_NEED_COVERAGE, 0, &coverage) ||
          !read_int (r, n, "priority", FALSE, 0, 1000, &priority, NULL))
        return FALSE;
      pw_assessment_add_need (a, pw_need_item_new (need, label, coverage, priority));
      path_pop (r);
    }
  path_pop (r);

  path_push (r, "scores");
  for (guint i = 0; scores != NULL && i < json_array_get_length (scores); i++)
    {
      JsonObject *s = enter_element (r, "scores", scores, i);
      g_autofree char *indicator = NULL;
      gint64 hers, workers;

      if (s == NULL ||
          !check_members (r, s, score_members) ||
          !read_token (r, s, "indicator", TRUE, &indicator) ||
          !read_int (r, s, "her_score", FALSE, 1, 5, &hers, NULL) ||
          !read_int (r, s, "worker_score", FALSE, 1, 5, &workers, NULL))
        return FALSE;
      for (guint j = 0; j < pw_assessment_get_scores (a)->len; j++)
        {
          PwCheckinScore *other = g_ptr_array_index (pw_assessment_get_scores (a), j);

          if (g_str_equal (other->indicator_id, indicator))
            return fail (r, PW_EXCHANGE_ERROR_DUPLICATE,
                         _("the indicator “%s” is scored twice"), indicator);
        }
      pw_assessment_add_score (a, pw_checkin_score_new (indicator, hers, workers));
      path_pop (r);
    }
  path_pop (r);

  factor_strv = g_strv_builder_end (factors);
  pw_assessment_set_id (a, id);
  pw_assessment_set_kind (a, kind);
  pw_assessment_set_date (a, date);
  pw_assessment_set_assessor (a, assessor);
  pw_assessment_set_risk_level (a, level);
  pw_assessment_set_risk_factors (a, (const char * const *) factor_strv);
  pw_assessment_set_review_trigger (a, trigger);
  pw_assessment_set_next_review (a, next);
  pw_assessment_set_notes (a, notes);
  pw_assessment_set_created_at (a, created);
  pw_assessment_set_updated_at (a, updated);
  g_ptr_array_add (c->assessments, g_steal_pointer (&a));
  return TRUE;
}

static gboolean
read_consent (Reader     *r,
              JsonObject *o,
              Case       *c,
              GHashTable *consent_ids,
              GHashTable *unused)
{
  static const char * const members[] = {
    "id", "scope", "service", "form", "status", "date", "expires", "notes",
    "created_at", "updated_at", NULL
  };
  g_autoptr(PwConsent) consent = pw_consent_new ();
  g_autofree char *date = NULL, *expires = NULL, *notes = NULL;
  gint64 id, service, created, updated;
  int scope, form, status;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_CONSENT, &id) ||
      !read_enum (r, o, "scope", TRUE, PW_TYPE_CONSENT_SCOPE, 0, &scope) ||
      !read_ref (r, o, "service", scope == PW_CONSENT_SCOPE_DATA_SHARING,
                 r->ids[PW_RECORD_KIND_SERVICE], &service) ||
      !read_enum (r, o, "form", TRUE, PW_TYPE_CONSENT_FORM, 0, &form) ||
      !read_enum (r, o, "status", TRUE, PW_TYPE_CONSENT_STATUS, 0, &status) ||
      !read_date (r, o, "date", TRUE, &date) ||
      !read_date (r, o, "expires", FALSE, &expires) ||
      !read_text (r, o, "notes", FALSE, TRUE, TEXT, &notes) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  pw_consent_set_id (consent, id);
  pw_consent_set_scope (consent, scope);
  pw_consent_set_service_id (consent, service);
  pw_consent_set_form (consent, form);
  pw_consent_set_status (consent, status);
  pw_consent_set_date (consent, date);
  pw_consent_set_expires (consent, expires);
  pw_consent_set_notes (consent, notes);
  pw_consent_set_created_at (consent, created);
  pw_consent_set_updated_at (consent, updated);
  g_ptr_array_add (c->consents, g_steal_pointer (&consent));
  id_set_add (consent_ids, id);
  return TRUE;
}

static gboolean
read_referral (Reader     *r,
               JsonObject *o,
               Case       *c,
               GHashTable *item_ids,
               GHashTable *consent_ids)
{
  static const char * const members[] = {
    "id", "referred_organisation", "outgoing_referral_date", "status", "plan_item", "consent",
    "no_consent_reason", "outcome", "status_history", "created_at", "updated_at", NULL
  };
  static const char * const change_members[] = { "status", "date", NULL };
  g_autoptr(PwReferral) referral = pw_referral_new ();
  g_autofree char *date = NULL, *reason = NULL, *outcome = NULL;
  JsonArray *history;
  gint64 id, service, item, consent, created, updated;
  int status;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_REFERRAL, &id) ||
      !read_ref (r, o, "referred_organisation", TRUE, r->ids[PW_RECORD_KIND_SERVICE], &service) ||
      !read_date (r, o, "outgoing_referral_date", TRUE, &date) ||
      !read_enum (r, o, "status", TRUE, PW_TYPE_REFERRAL_STATUS, 0, &status) ||
      !read_ref (r, o, "plan_item", FALSE, item_ids, &item) ||
      !read_ref (r, o, "consent", FALSE, consent_ids, &consent) ||
      !read_text (r, o, "no_consent_reason", FALSE, TRUE, TEXT, &reason) ||
      !read_text (r, o, "outcome", FALSE, TRUE, TEXT, &outcome) ||
      !read_array (r, o, "status_history", FALSE, PW_EXCHANGE_MAX_ITEMS, &history) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  /* The rule the vault keeps: none goes out without consent or a reason. */
  if (status != PW_REFERRAL_STATUS_PROPOSED && consent == 0 &&
      (reason == NULL || reason[strspn (reason, " \t\n")] == '\0'))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("a referral that left “proposed” has neither her consent nor a reason"));

  path_push (r, "status_history");
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *h = enter_element (r, "status_history", history, i);
      ReferralStep step = { id, 0, NULL };
      int s;

      if (h == NULL ||
          !check_members (r, h, change_members) ||
          !read_enum (r, h, "status", TRUE, PW_TYPE_REFERRAL_STATUS, 0, &s) ||
          !read_date (r, h, "date", TRUE, &step.date))
        return FALSE;
      step.status = s;
      g_array_append_val (c->referral_history, step);
      path_pop (r);
    }
  path_pop (r);

  pw_referral_set_id (referral, id);
  pw_referral_set_service_id (referral, service);
  pw_referral_set_date (referral, date);
  pw_referral_set_status (referral, status);
  pw_referral_set_plan_item_id (referral, item);
  pw_referral_set_consent_id (referral, consent);
  pw_referral_set_no_consent_reason (referral, reason);
  pw_referral_set_outcome (referral, outcome);
  pw_referral_set_created_at (referral, created);
  pw_referral_set_updated_at (referral, updated);
  g_ptr_array_add (c->referrals, g_steal_pointer (&referral));
  return TRUE;
}

static gboolean
read_note (Reader     *r,
           JsonObject *o,
           Case       *c,
           GHashTable *unused_a,
           GHashTable *unused_b)
{
  static const char * const members[] = {
    "id", "date", "body", "author", "created_at", "updated_at", NULL
  };
  g_autoptr(PwNote) note = pw_note_new ();
  g_autofree char *date = NULL, *body = NULL, *author = NULL;
  gint64 id, created, updated;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_NOTE, &id) ||
      !read_date (r, o, "date", TRUE, &date) ||
      !read_text (r, o, "body", TRUE, TRUE, TEXT, &body) ||
      !read_text (r, o, "author", FALSE, FALSE, 200, &author) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  pw_note_set_id (note, id);
  pw_note_set_date (note, date);
  pw_note_set_body (note, body);
  pw_note_set_author (note, author);
  pw_note_set_created_at (note, created);
  pw_note_set_updated_at (note, updated);
  g_ptr_array_add (c->notes, g_steal_pointer (&note));
  return TRUE;
}

static gboolean
read_milestone (Reader     *r,
                JsonObject *o,
                Case       *c,
                GHashTable *item_ids,
                GHashTable *unused)
{
  static const char * const members[] = {
    "id", "date", "title", "stage", "domain", "plan_item", "created_at", NULL
  };
  g_autoptr(PwMilestone) m = pw_milestone_new ();
  g_autofree char *date = NULL, *title = NULL, *stage = NULL, *domain = NULL;
  gint64 id, item, created;

  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_MILESTONE, &id) ||
      !read_date (r, o, "date", TRUE, &date) ||
      !read_text (r, o, "title", TRUE, TRUE, 1000, &title) ||
      !read_token (r, o, "stage", FALSE, &stage) ||
      !read_token (r, o, "domain", FALSE, &domain) ||
      !read_ref (r, o, "plan_item", FALSE, item_ids, &item) ||
      !read_time (r, o, "created_at", FALSE, &created))
    return FALSE;
  pw_milestone_set_id (m, id);
  pw_milestone_set_date (m, date);
  pw_milestone_set_title (m, title);
  pw_milestone_set_stage_id (m, stage);
  pw_milestone_set_domain (m, domain);
  pw_milestone_set_plan_item_id (m, item);
  pw_milestone_set_created_at (m, created);
  g_ptr_array_add (c->milestones, g_steal_pointer (&m));
  return TRUE;
}

typedef gboolean (*ReadFunc) (Reader *r, JsonObject *o, Case *c, GHashTable *a, GHashTable *b);

static gboolean
read_list (Reader     *r,
           JsonObject *o,
           const char *name,
           ReadFunc    func,
           Case       *c,
           GHashTable *a,
           GHashTable *b)
{
  JsonArray *array;

  if (!read_array (r, o, name, FALSE, PW_EXCHANGE_MAX_RECORDS, &array))
    return FALSE;
  path_push (r, name);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *element = enter_element (r, name, array, i);

      if (element == NULL || !func (r, element, c, a, b))
        return FALSE;
      path_pop (r);
    }
  path_pop (r);
  return TRUE;
}

static gboolean
read_survivor (Reader          *r,
               JsonObject      *o,
               PwExchangeFile  *self,
               GHashTable      *codes)
{
  static const char * const members[] = {
    "id", "case_code", "alias", "birth_year", "country_of_origin", "languages",
    "preferred_language", "template", "key_worker", "intake_date", "case_status",
    "reason_for_case_closure", "residence_changed_on", "work_changed_on", "area_changed_on",
    "created_at", "updated_at", "stage_history", "plan_items", "assessments", "consents",
    "referrals", "notes", "milestones", NULL
  };
  static const char * const template_members[] = { "id", "version", NULL };
  static const char * const life_names[] = {
    "residence_changed_on", "work_changed_on", "area_changed_on"
  };
  g_autoptr(GHashTable) item_ids = id_set_new ();
  g_autoptr(GHashTable) consent_ids = id_set_new ();
  g_autofree char *code = NULL, *alias = NULL, *country = NULL, *preferred = NULL;
  g_autofree char *worker = NULL, *intake = NULL, *folded = NULL;
  g_auto(GStrv) languages = NULL;
  Case *c = case_new ();
  PwSurvivor *s;
  JsonNode *template;
  gint64 id, year, created, updated;
  int status, reason;

  g_ptr_array_add (self->cases, c);
  if (!check_members (r, o, members) ||
      !read_id (r, o, PW_RECORD_KIND_SURVIVOR, &id) ||
      !read_text (r, o, "case_code", TRUE, FALSE, PW_EXCHANGE_MAX_CODE, &code))
    return FALSE;
  if (g_strstrip (code)[0] == '\0')
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE, _("“%s” is empty"), "case_code");

  /* From here on, messages name her by her code. */
  {
    char **segment = (char **) &g_ptr_array_index (r->path, r->path->len - 1);
    char *named = g_strdup_printf ("%s “%s”", *segment, code);

    g_free (*segment);
    *segment = named;
  }

  folded = g_ascii_strdown (code, -1);
  if (!g_hash_table_add (codes, g_steal_pointer (&folded)))
    return fail (r, PW_EXCHANGE_ERROR_DUPLICATE, _("the case code “%s” appears twice"), code);

  if (!read_text (r, o, "alias", FALSE, FALSE, 200, &alias) ||
      !read_int (r, o, "birth_year", FALSE, 1900, 2200, &year, NULL) ||
      !read_text (r, o, "country_of_origin", FALSE, FALSE, 10, &country) ||
      !read_languages (r, o, "languages", &languages) ||
      !read_language (r, o, "preferred_language", &preferred) ||
      !member (r, o, "template", FALSE, &template) ||
      !read_text (r, o, "key_worker", FALSE, TRUE, 200, &worker) ||
      !read_date (r, o, "intake_date", FALSE, &intake) ||
      !read_enum (r, o, "case_status", TRUE, PW_TYPE_SURVIVOR_STATUS, 0, &status) ||
      !read_enum (r, o, "reason_for_case_closure", FALSE, PW_TYPE_CLOSE_REASON,
                  PW_CLOSE_REASON_NONE, &reason) ||
      !read_time (r, o, "created_at", FALSE, &created) ||
      !read_time (r, o, "updated_at", FALSE, &updated))
    return FALSE;
  if (country != NULL &&
      (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1])))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is not a two-letter country code such as “NG”"), "country_of_origin");
  if (reason != PW_CLOSE_REASON_NONE && status != PW_SURVIVOR_STATUS_CLOSED)
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is only for closed cases"), "reason_for_case_closure");
  for (guint i = 0; i < G_N_ELEMENTS (life_names); i++)
    if (!read_date (r, o, life_names[i], FALSE, &c->life_changes[i]))
      return FALSE;

  if (template != NULL)
    {
      JsonObject *t;
      gint64 version;
      gboolean has_version;

      path_push (r, "template");
      if (!JSON_NODE_HOLDS_OBJECT (template))
        {
          path_pop (r);
          return wrong_type (r, "template", _("an object { … }"));
        }
      t = json_node_get_object (template);
      if (!check_members (r, t, template_members) ||
          !read_token (r, t, "id", TRUE, &c->template_id) ||
          !read_int (r, t, "version", FALSE, 0, G_MAXINT, &version, &has_version))
        return FALSE;
      c->template_version = has_version ? (int) version : -1;
      path_pop (r);
    }

  s = c->survivor = pw_survivor_new ();
  pw_survivor_set_id (s, id);
  pw_survivor_set_case_code (s, code);
  pw_survivor_set_alias (s, alias);
  pw_survivor_set_birth_year (s, year);
  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);
      pw_survivor_set_country (s, upper);
    }
  pw_survivor_set_languages (s, (const char * const *) languages);
  pw_survivor_set_preferred_language (s, preferred);
  pw_survivor_set_template_id (s, c->template_id);
  pw_survivor_set_key_worker (s, worker);
  pw_survivor_set_intake_date (s, intake);
  pw_survivor_set_status (s, status);
  pw_survivor_set_close_reason (s, reason);
  pw_survivor_set_created_at (s, created);
  pw_survivor_set_updated_at (s, updated);

  /* Plan items and consents first: referrals and milestones point at them. */
  return read_list (r, o, "stage_history", read_stage, c, NULL, NULL) &&
         read_list (r, o, "plan_items", read_item, c, item_ids, NULL) &&
         read_list (r, o, "assessments", read_assessment, c, NULL, NULL) &&
         read_list (r, o, "consents", read_consent, c, consent_ids, NULL) &&
         read_list (r, o, "referrals", read_referral, c, item_ids, consent_ids) &&
         read_list (r, o, "notes", read_note, c, NULL, NULL) &&
         read_list (r, o, "milestones", read_milestone, c, item_ids, NULL);
}

/* "translations": { "it": { "English text": "testo italiano", … }, … } */
static gboolean
read_catalogue (Reader      *r,
                JsonObject  *root,
                const char  *language,
                GHashTable **out)
{
  JsonNode *node;
  JsonObjectIter iter;
  const char *lang;
  JsonNode *table;

  *out = NULL;
  if (!member (r, root, "translations", FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  path_push (r, "translations");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (r, "translations", _("an object { … }"));
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &lang, &table))
    {
      JsonObjectIter texts;
      const char *source;
      JsonNode *text;

      if (!JSON_NODE_HOLDS_OBJECT (table))
        return wrong_type (r, lang, _("an object { … }"));
      json_object_iter_init (&texts, json_node_get_object (table));
      while (json_object_iter_next (&texts, &source, &text))
        {
          if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
            return wrong_type (r, lang, _("an object of texts"));
          if (language != NULL && g_str_equal (lang, language))
            {
              if (*out == NULL)
                *out = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (*out, (gpointer) source, (gpointer) json_node_get_string (text));
            }
        }
    }
  path_pop (r);
  return TRUE;
}

static gboolean
read_transfer (Reader          *r,
               JsonObject      *root,
               PwExchangeFile  *self)
{
  static const char * const members[] = {
    "outgoing_referral_date", "reason_for_outgoing_referral", "referred_organisation",
    "consent", NULL
  };
  static const char * const reasons[] = {
    "migration_or_change_of_location", "additional_services_required", "other", NULL
  };
  g_autofree char *reason = NULL;
  Case *c = g_ptr_array_index (self->cases, 0);
  JsonNode *node;
  JsonObject *t;
  gint64 consent;
  gboolean found = FALSE;

  if (!member (r, root, "transfer", TRUE, &node))
    return FALSE;
  path_push (r, "transfer");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (r, "transfer", _("an object { … }"));
  t = json_node_get_object (node);
  if (!check_members (r, t, members) ||
      !read_date (r, t, "outgoing_referral_date", TRUE, &self->transfer_date) ||
      !read_text (r, t, "reason_for_outgoing_referral", TRUE, FALSE, 40, &reason) ||
      !read_text (r, t, "referred_organisation", FALSE, FALSE, 1000, &self->transfer_recipient) ||
      !read_int (r, t, "consent", TRUE, 1, G_MAXINT64 / 2, &consent, NULL))
    return FALSE;
  if (!g_strv_contains (reasons, reason))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” has a value Pathway does not know: “%s”"),
                 "reason_for_outgoing_referral", reason);
  for (guint i = 0; i < c->consents->len; i++)
    if (pw_consent_get_id (g_ptr_array_index (c->consents, i)) == consent)
      found = TRUE;
  if (!found)
    return fail (r, PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE,
                 _("“%s” refers to record %lld, which is not in the file"),
                 "consent", (long long) consent);
  self->has_transfer = TRUE;
  path_pop (r);
  return TRUE;
}

static int
days_between (gint64      from_usec,
              const char *to_date)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (from_usec / G_USEC_PER_SEC);
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  if (from == NULL || !date_valid (to_date, &b))
    return 0;
  g_date_set_dmy (&a, g_date_time_get_day_of_month (from), g_date_time_get_month (from),
                  g_date_time_get_year (from));
  return g_date_days_between (&a, &b);
}

static gboolean
read_root (Reader                       *r,
           JsonNode                     *root_node,
           PwExchangeFile               *self,
           const PwExchangeReadOptions  *options)
{
  static const char * const members[] = {
    "format", "format_version", "exported_at", "exported_by", "scope", "transfer",
    "services", "survivors", "translations", NULL
  };
  static const char * const program_members[] = { "program", "version", NULL };
  static const char * const scopes[] = { "survivor", "vault", "examples", NULL };
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *format = NULL, *program = NULL;
  JsonObject *root, *by;
  JsonNode *node, *by_node;
  JsonArray *services, *survivors;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error_literal (r->error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NOT_EXPORT,
                           _("This file is not a Pathway case file. Choose a file exported by "
                             "Pathway (ending in .pathway or .json); nothing was imported."));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  /* What it is and which version come before anything else. */
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), PW_EXCHANGE_FORMAT))
    {
      g_set_error_literal (r->error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NOT_EXPORT,
                           _("This file is not a Pathway case file. Choose a file exported by "
                             "Pathway (ending in .pathway or .json); nothing was imported."));
      return FALSE;
    }
  if (!read_int (r, root, "format_version", TRUE, 1, G_MAXINT, &version, NULL))
    return FALSE;
  if (version > PW_EXCHANGE_FORMAT_VERSION)
    {
      g_set_error (r->error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_TOO_NEW,
                   _("This case file was written by a newer version of Pathway (format "
                     "version %lld; this one reads version %d). Update Pathway, "
                     "then import it again; nothing was imported."),
                   (long long) version, PW_EXCHANGE_FORMAT_VERSION);
      return FALSE;
    }

  if (!check_members (r, root, members) ||
      !read_text (r, root, "format", TRUE, FALSE, 40, &format) ||
      !read_time (r, root, "exported_at", TRUE, &self->exported_at) ||
      !read_text (r, root, "scope", TRUE, FALSE, 20, &self->scope) ||
      !member (r, root, "exported_by", TRUE, &by_node))
    return FALSE;
  if (!g_strv_contains (scopes, self->scope))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” has a value Pathway does not know: “%s”"), "scope", self->scope);
  path_push (r, "exported_by");
  if (!JSON_NODE_HOLDS_OBJECT (by_node))
    return wrong_type (r, "exported_by", _("an object { … }"));
  by = json_node_get_object (by_node);
  if (!check_members (r, by, program_members) ||
      !read_text (r, by, "program", TRUE, FALSE, 200, &program) ||
      !read_text (r, by, "version", TRUE, FALSE, 100, &self->program_version))
    return FALSE;
  path_pop (r);

  if (options != NULL && options->today != NULL)
    {
      r->shift_days = days_between (self->exported_at, options->today);
      self->exported_at += (gint64) r->shift_days * 24 * 3600 * G_USEC_PER_SEC;
    }
  if (!read_catalogue (r, root, options != NULL ? options->language : NULL, &r->catalogue))
    return FALSE;

  if (!read_array (r, root, "services", TRUE, PW_EXCHANGE_MAX_SERVICES, &services))
    return FALSE;
  path_push (r, "services");
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *o = enter_element (r, "services", services, i);

      if (o == NULL || !read_service (r, o, self))
        return FALSE;
      path_pop (r);
    }
  path_pop (r);
  if (r->ids[PW_RECORD_KIND_SERVICE] == NULL)
    r->ids[PW_RECORD_KIND_SERVICE] = id_set_new ();

  if (!read_array (r, root, "survivors", TRUE, PW_EXCHANGE_MAX_SURVIVORS, &survivors))
    return FALSE;
  path_push (r, "survivors");
  for (guint i = 0; i < json_array_get_length (survivors); i++)
    {
      JsonObject *o = enter_element (r, "survivors", survivors, i);

      if (o == NULL || !read_survivor (r, o, self, codes))
        return FALSE;
      path_pop (r);
    }
  path_pop (r);

  if (g_str_equal (self->scope, "survivor"))
    {
      if (self->cases->len != 1)
        return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                     _("a file made for one survivor holds %u survivors"), self->cases->len);
      return read_transfer (r, root, self);
    }
  if (json_object_has_member (root, "transfer"))
    return fail (r, PW_EXCHANGE_ERROR_INVALID_VALUE,
                 _("“%s” is only for a file of one survivor"), "transfer");
  return TRUE;
}

PwExchangeFile *
pw_exchange_file_new (GBytes                       *contents,
                      const char                   *passphrase,
                      const PwExchangeReadOptions  *options,
                      GError                      **error)
{
  g_autoptr(PwExchangeFile) self = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(JsonNode) root = NULL;
  Reader r = { 0, };
  gboolean ok;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PW_TYPE_EXCHANGE_FILE, NULL);
  if (pw_exchange_is_encrypted (contents))
    {
      if (passphrase == NULL)
        {
          g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NEEDS_PASSPHRASE,
                               _("This case file is encrypted. Enter the passphrase the sender "
                                 "chose for it."));
          return NULL;
        }
      plain = pw_exchange_decrypt (contents, passphrase, error);
      if (plain == NULL)
        return NULL;
      self->encrypted = TRUE;
    }
  else
    plain = g_bytes_ref (contents);

  root = pw_exchange_parse_json (plain, error);
  if (root == NULL)
    return NULL;

  r.path = g_ptr_array_new_with_free_func (g_free);
  r.error = error;
  ok = read_root (&r, root, self, options);
  g_ptr_array_unref (r.path);
  g_clear_pointer (&r.catalogue, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (r.ids); i++)
    g_clear_pointer (&r.ids[i], g_hash_table_unref);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* ------------------------------------------------------------------------ */
/* The preview                                                              */

gboolean
pw_exchange_file_get_encrypted (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), FALSE);
  return self->encrypted;
}

const char *
pw_exchange_file_get_scope (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);
  return self->scope;
}

gint64
pw_exchange_file_get_exported_at (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), 0);
  return self->exported_at;
}

const char *
pw_exchange_file_get_program_version (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);
  return self->program_version;
}

guint
pw_exchange_file_get_n_survivors (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), 0);
  return self->cases->len;
}

guint
pw_exchange_file_get_n_services (PwExchangeFile *self)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), 0);
  return self->services->len;
}

guint
pw_exchange_file_count (PwExchangeFile *self,
                        PwRecordKind    kind)
{
  guint n = 0;

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), 0);

  if (kind == PW_RECORD_KIND_SURVIVOR)
    return self->cases->len;
  if (kind == PW_RECORD_KIND_SERVICE)
    return self->services->len;
  for (guint i = 0; i < self->cases->len; i++)
    {
      Case *c = g_ptr_array_index (self->cases, i);

      switch (kind)
        {
        case PW_RECORD_KIND_STAGE_STATE: n += c->stages->len; break;
        case PW_RECORD_KIND_PLAN_ITEM: n += c->items->len; break;
        case PW_RECORD_KIND_ASSESSMENT: n += c->assessments->len; break;
        case PW_RECORD_KIND_CONSENT: n += c->consents->len; break;
        case PW_RECORD_KIND_REFERRAL: n += c->referrals->len; break;
        case PW_RECORD_KIND_NOTE: n += c->notes->len; break;
        case PW_RECORD_KIND_MILESTONE: n += c->milestones->len; break;
        case PW_RECORD_KIND_SURVIVOR:
        case PW_RECORD_KIND_SERVICE:
        case PW_RECORD_KIND_TEMPLATE:
        default:
          break;
        }
    }
  return n;
}

GStrv
pw_exchange_file_dup_case_codes (PwExchangeFile *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    g_strv_builder_add (builder, pw_survivor_get_case_code (((Case *) g_ptr_array_index (self->cases, i))->survivor));
  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
pw_exchange_file_dup_templates (PwExchangeFile *self)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      Case *c = g_ptr_array_index (self->cases, i);
      char *text;
      gboolean seen = FALSE;

      if (c->template_id == NULL)
        continue;
      text = c->template_version >= 0
             ? g_strdup_printf (_("%s (version %d)"), c->template_id, c->template_version)
             : g_strdup (c->template_id);
      for (guint j = 0; j < list->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (list, j), text);
      if (seen)
        g_free (text);
      else
        g_ptr_array_add (list, text);
    }
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

gboolean
pw_exchange_file_get_transfer (PwExchangeFile  *self,
                               const char     **recipient,
                               const char     **date)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), FALSE);

  if (recipient != NULL)
    *recipient = self->transfer_recipient;
  if (date != NULL)
    *date = self->transfer_date;
  return self->has_transfer;
}

GStrv
pw_exchange_file_find_conflicts (PwExchangeFile *self,
                                 PwStore        *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      const char *code = pw_survivor_get_case_code (((Case *) g_ptr_array_index (self->cases, i))->survivor);

      if (pw_store_case_code_exists (store, code))
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

static gboolean
code_in_file (PwExchangeFile *self,
              const char     *code)
{
  for (guint i = 0; i < self->cases->len; i++)
    if (g_ascii_strcasecmp (pw_survivor_get_case_code (((Case *) g_ptr_array_index (self->cases, i))->survivor),
                            code) == 0)
      return TRUE;
  return FALSE;
}

char *
pw_exchange_file_suggest_code (PwExchangeFile *self,
                               PwStore        *store,
                               const char     *code)
{
  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", code, n);

      if (!pw_store_case_code_exists (store, candidate) && !code_in_file (self, candidate))
        return g_steal_pointer (&candidate);
    }
}

GStrv
pw_exchange_file_find_unknown_steps (PwExchangeFile     *self,
                                     PwTemplateRegistry *templates,
                                     GStrv              *missing_templates)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), NULL);
  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (templates), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      Case *c = g_ptr_array_index (self->cases, i);
      const char *code = pw_survivor_get_case_code (c->survivor);
      g_autoptr(PwTemplate) template = NULL;

      /* A survivor without a template is shown on the default one. */
      template = pw_template_registry_lookup (templates, c->template_id ?: "default", NULL);
      if (template == NULL)
        {
          g_ptr_array_add (missing, g_strdup_printf ("%s: %s", code, c->template_id));
          continue;
        }
      for (guint j = 0; j < c->items->len; j++)
        {
          const char *step = pw_plan_item_get_step_id (g_ptr_array_index (c->items, j));

          if (step != NULL && pw_template_lookup_step (template, step) == NULL)
            g_ptr_array_add (unknown, g_strdup_printf ("%s: %s", code, step));
        }
    }

  g_ptr_array_sort (unknown, compare_strings);
  g_ptr_array_add (unknown, NULL);
  g_ptr_array_add (missing, NULL);
  if (missing_templates != NULL)
    *missing_templates = (GStrv) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&unknown), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

typedef struct
{
  PwExchangeFile *self;
  GHashTable     *renames;
  guint           n_imported;
} ImportJob;

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = b != NULL ? g_utf8_casefold (b, -1) : NULL;

  if (fa != NULL)
    g_strstrip (fa);
  if (fb != NULL)
    g_strstrip (fb);
  return g_strcmp0 (fa != NULL && *fa ? fa : NULL, fb != NULL && *fb ? fb : NULL) == 0;
}

static gint64
map_id (GHashTable *map,
        gint64      file_id)
{
  gint64 *id;

  if (file_id <= 0)
    return 0;
  id = g_hash_table_lookup (map, &file_id);
  g_assert (id != NULL);
  return *id;
}

static void
map_add (GHashTable *map,
         gint64      file_id,
         gint64      id)
{
  gint64 *value = g_new (gint64, 1);

  *value = id;
  g_hash_table_insert (map, g_memdup2 (&file_id, sizeof file_id), value);
}

#define MAP_NEW() g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free)

static gboolean
import_case (PwStore     *store,
             Case        *c,
             const char  *code,
             GHashTable  *services,
             GError     **error)
{
  g_autoptr(GHashTable) items = MAP_NEW ();
  g_autoptr(GHashTable) consents = MAP_NEW ();
  g_autoptr(GHashTable) referrals = MAP_NEW ();
  g_autoptr(PwSurvivor) s = pw_survivor_copy (c->survivor);
  gint64 sid, id;

  pw_survivor_set_case_code (s, code);
  if ((sid = pw_store_import_record (store, s, error)) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (c->life_changes); i++)
    if (c->life_changes[i] != NULL &&
        !pw_store_import_life_change (store, sid, (PwLifeChange) i, c->life_changes[i], error))
      return FALSE;

  for (guint i = 0; i < c->stages->len; i++)
    {
      g_autoptr(PwStageState) state = pw_stage_state_copy (g_ptr_array_index (c->stages, i));

      pw_stage_state_set_survivor_id (state, sid);
      if (pw_store_import_record (store, state, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < c->items->len; i++)
    {
      PwPlanItem *original = g_ptr_array_index (c->items, i);
      g_autoptr(PwPlanItem) item = pw_plan_item_copy (original);

      pw_plan_item_set_survivor_id (item, sid);
      if ((id = pw_store_import_record (store, item, error)) == 0)
        return FALSE;
      map_add (items, pw_plan_item_get_id (original), id);
    }
  for (guint i = 0; i < c->item_history->len; i++)
    {
      g_autoptr(PwStatusChange) change = pw_status_change_copy (g_ptr_array_index (c->item_history, i));

      pw_status_change_set_plan_item_id (change, map_id (items, pw_status_change_get_plan_item_id (change)));
      if (pw_store_import_record (store, change, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < c->assessments->len; i++)
    {
      g_autoptr(PwAssessment) a = pw_assessment_copy (g_ptr_array_index (c->assessments, i));

      pw_assessment_set_survivor_id (a, sid);
      if (pw_store_import_record (store, a, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < c->consents->len; i++)
    {
      PwConsent *original = g_ptr_array_index (c->consents, i);
      g_autoptr(PwConsent) consent = pw_consent_copy (original);

      pw_consent_set_survivor_id (consent, sid);
      pw_consent_set_service_id (consent, map_id (services, pw_consent_get_service_id (consent)));
      if ((id = pw_store_import_record (store, consent, error)) == 0)
        return FALSE;
      map_add (consents, pw_consent_get_id (original), id);
    }
  for (guint i = 0; i < c->referrals->len; i++)
    {
      PwReferral *original = g_ptr_array_index (c->referrals, i);
      g_autoptr(PwReferral) referral = pw_referral_copy (original);
      gboolean has_history = FALSE;

      pw_referral_set_survivor_id (referral, sid);
      pw_referral_set_service_id (referral, map_id (services, pw_referral_get_service_id (referral)));
      pw_referral_set_plan_item_id (referral, map_id (items, pw_referral_get_plan_item_id (referral)));
      pw_referral_set_consent_id (referral, map_id (consents, pw_referral_get_consent_id (referral)));
      if ((id = pw_store_import_record (store, referral, error)) == 0)
        return FALSE;
      map_add (referrals, pw_referral_get_id (original), id);

      for (guint j = 0; j < c->referral_history->len; j++)
        {
          ReferralStep *step = &g_array_index (c->referral_history, ReferralStep, j);

          if (step->referral != pw_referral_get_id (original))
            continue;
          has_history = TRUE;
          if (!pw_store_import_referral_status (store, id, step->status, step->date, error))
            return FALSE;
        }
      /* A history always starts somewhere: as the vault's own migration does. */
      if (!has_history &&
          !pw_store_import_referral_status (store, id, pw_referral_get_status (referral),
                                            pw_referral_get_date (referral), error))
        return FALSE;
    }
  for (guint i = 0; i < c->notes->len; i++)
    {
      g_autoptr(PwNote) note = pw_note_copy (g_ptr_array_index (c->notes, i));

      pw_note_set_survivor_id (note, sid);
      if (pw_store_import_record (store, note, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < c->milestones->len; i++)
    {
      g_autoptr(PwMilestone) m = pw_milestone_copy (g_ptr_array_index (c->milestones, i));

      pw_milestone_set_survivor_id (m, sid);
      pw_milestone_set_plan_item_id (m, map_id (items, pw_milestone_get_plan_item_id (m)));
      if (pw_store_import_record (store, m, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_all (PwStore  *store,
            gpointer  data,
            GError  **error)
{
  ImportJob *job = data;
  PwExchangeFile *self = job->self;
  g_autoptr(GHashTable) services = MAP_NEW ();
  g_autoptr(GPtrArray) existing = pw_store_list_services (store, error);

  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < self->services->len; i++)
    {
      PwService *service = g_ptr_array_index (self->services, i);
      g_autoptr(PwService) copy = NULL;
      gint64 id = 0;

      for (guint j = 0; j < existing->len && id == 0; j++)
        {
          PwService *other = g_ptr_array_index (existing, j);

          if (same_text (pw_service_get_name (service), pw_service_get_name (other)) &&
              same_text (pw_service_get_kind (service), pw_service_get_kind (other)) &&
              same_text (pw_service_get_contact (service), pw_service_get_contact (other)))
            id = pw_service_get_id (other);
        }
      if (id == 0)
        {
          copy = pw_service_copy (service);
          if ((id = pw_store_import_record (store, copy, error)) == 0)
            return FALSE;
        }
      map_add (services, pw_service_get_id (service), id);
    }

  for (guint i = 0; i < self->cases->len; i++)
    {
      Case *c = g_ptr_array_index (self->cases, i);
      const char *code = pw_survivor_get_case_code (c->survivor);
      const char *renamed = job->renames != NULL ? g_hash_table_lookup (job->renames, code) : NULL;

      if (renamed != NULL && *renamed == '\0')
        continue;
      if (!import_case (store, c, renamed != NULL ? renamed : code, services, error))
        return FALSE;
      job->n_imported++;
    }
  return TRUE;
}

gboolean
pw_exchange_file_import (PwExchangeFile  *self,
                         PwStore         *store,
                         GHashTable      *renames,
                         guint           *n_imported,
                         GError         **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ImportJob job = { self, renames, 0 };

  g_return_val_if_fail (PW_IS_EXCHANGE_FILE (self), FALSE);
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  /* Every conflict answered, every new code free: decided before writing. */
  for (guint i = 0; i < self->cases->len; i++)
    {
      const char *code = pw_survivor_get_case_code (((Case *) g_ptr_array_index (self->cases, i))->survivor);
      const char *renamed = renames != NULL ? g_hash_table_lookup (renames, code) : NULL;
      g_autofree char *target = NULL;

      if (renamed != NULL && *renamed == '\0')
        continue;
      target = g_strstrip (g_strdup (renamed != NULL ? renamed : code));
      if (*target == '\0' || g_utf8_strlen (target, -1) > PW_EXCHANGE_MAX_CODE)
        {
          g_set_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_CONFLICT,
                       _("The new case code for “%s” is empty or too long. Enter another one; "
                         "nothing was imported."),
                       code);
          return FALSE;
        }
      if (pw_store_case_code_exists (store, target) ||
          !g_hash_table_add (chosen, g_ascii_strdown (target, -1)) ||
          (renamed != NULL && code_in_file (self, target) && g_ascii_strcasecmp (target, code) != 0))
        {
          g_set_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_CONFLICT,
                       _("The case code “%s” is already used. Choose to skip her or give her "
                         "another code; nothing was imported."),
                       target);
          return FALSE;
        }
    }

  if (!pw_store_import (store, import_all, &job, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = job.n_imported;
  return TRUE;
}
