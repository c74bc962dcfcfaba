/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "pw-exchange.h"

G_DEFINE_QUARK (pw-exchange-error-quark, pw_exchange_error)

/* ------------------------------------------------------------------------ */
/* Times                                                                    */

char *
pw_exchange_format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = NULL;

  if (dt == NULL)
    return NULL;
  exact = g_date_time_add (dt, usec % G_USEC_PER_SEC);
  return g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Only what we write, "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" or with an offset:
 * GLib accepts more ISO 8601 forms than a data file should. */
gboolean
pw_exchange_parse_time (const char *text,
                        gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (usec != NULL, FALSE);

  *usec = 0;
  if (text == NULL || strlen (text) < 20 || strlen (text) > 40 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return *usec > 0;
}

/* ------------------------------------------------------------------------ */
/* Strict JSON                                                              */

/* json-glib 1.6 accepts comments, single quotes, duplicate member names
 * and trailing data, and parses an empty file to nothing. A case file is
 * read by machines on both sides, so anything but one strict RFC 8259 text
 * is refused before json-glib sees it. */

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  GError    **error;
} Scan;

static gboolean
scan_fail (Scan       *s,
           const char *what)
{
  guint line = 1, column = 1;

  for (const char *q = s->start; q < s->p && q < s->end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *q & 0xc0) != 0x80)
        column++;
    }
  g_set_error (s->error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NOT_JSON,
               /* Translators: the first %s says what is wrong, e.g. "a comment" */
               _("This is not a Pathway case file, or it was damaged: it is not valid JSON "
                 "text (%s, at line %u, column %u). Nothing was imported; ask the sender to "
                 "export the case file again."),
               what, line, column);
  return FALSE;
}

static void
scan_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean scan_value (Scan *s);

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* A string; its decoded text goes to @out when given (member names). */
static gboolean
scan_string (Scan    *s,
             GString *out)
{
  s->p++;
  while (s->p < s->end)
    {
      guchar c = *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (s, _("a text contains a line break or another control character"));
      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, c);
          s->p++;
          continue;
        }
      if (s->p + 1 >= s->end)
        break;
      switch (s->p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          if (out != NULL)
            g_string_append_c (out, s->p[1]);
          s->p += 2;
          break;

        case 'u':
          {
            int u = s->end - s->p >= 6 ? hex4 (s->p + 2) : -1;

            if (u < 0)
              return scan_fail (s, _("a text contains a broken \\u escape"));
            if (u == 0)
              return scan_fail (s, _("a text contains a NUL character"));
            if (u >= 0xdc00 && u <= 0xdfff)
              return scan_fail (s, _("a text contains half of a character (a lone surrogate)"));
            if (u >= 0xd800 && u <= 0xdbff)
              {
                int low = s->end - s->p >= 12 && s->p[6] == '\\' && s->p[7] == 'u' ? hex4 (s->p + 8) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  return scan_fail (s, _("a text contains half of a character (a lone surrogate)"));
                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                s->p += 6;
              }
            if (out != NULL)
              g_string_append_unichar (out, u);
            s->p += 6;
          }
          break;

        default:
          return scan_fail (s, _("a text contains a backslash that starts no valid escape"));
        }
    }
  return scan_fail (s, _("the file ends inside a text"));
}

static gboolean
scan_number (Scan *s)
{
  const char *digits;

  if (*s->p == '-')
    s->p++;
  digits = s->p;
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return scan_fail (s, _("a number is not written correctly"));
  if (*s->p == '0' && s->p + 1 < s->end && g_ascii_isdigit (s->p[1]))
    return scan_fail (s, _("a number starts with 0"));
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  /* Beyond 2^53 numbers stop being exact in many readers. */
  if (s->p - digits > 15)
    {
      s->p = digits;
      return scan_fail (s, _("a number is too large"));
    }
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return scan_fail (s, _("a number is not written correctly"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return scan_fail (s, _("a number is not written correctly"));
      for (guint n = 0; s->p < s->end && g_ascii_isdigit (*s->p); n++, s->p++)
        if (n >= 3)
          return scan_fail (s, _("a number is too large"));
    }
  return TRUE;
}

static gboolean
scan_object (Scan *s)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  s->p++;
  scan_ws (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }
  while (TRUE)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      const char *name_at;

      scan_ws (s);
      if (s->p >= s->end)
        return scan_fail (s, _("the file ends inside an object"));
      if (*s->p == '/')
        return scan_fail (s, _("JSON has no comments"));
      if (*s->p != '"')
        return scan_fail (s, _("a member name is not a text in double quotes"));
      name_at = s->p;
      if (!scan_string (s, name))
        return FALSE;
      if (!g_hash_table_add (names, g_strdup (name->str)))
        {
          g_autofree char *what = g_strdup_printf (_("the member “%s” appears twice in the same object"),
                                                   name->str);
          s->p = name_at;
          return scan_fail (s, what);
        }
      scan_ws (s);
      if (s->p >= s->end || *s->p != ':')
        return scan_fail (s, _("a “:” is missing after a member name"));
      s->p++;
      if (!scan_value (s))
        return FALSE;
      scan_ws (s);
      if (s->p >= s->end)
        return scan_fail (s, _("the file ends inside an object"));
      if (*s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != ',')
        return scan_fail (s, _("a “,” or “}” is missing"));
      s->p++;
    }
}

static gboolean
scan_array (Scan *s)
{
  s->p++;
  scan_ws (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }
  while (TRUE)
    {
      if (!scan_value (s))
        return FALSE;
      scan_ws (s);
      if (s->p >= s->end)
        return scan_fail (s, _("the file ends inside a list"));
      if (*s->p == ']')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != ',')
        return scan_fail (s, _("a “,” or “]” is missing"));
      s->p++;
    }
}

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || strncmp (s->p, word, n) != 0)
    return scan_fail (s, _("unexpected text where a value should be"));
  s->p += n;
  return TRUE;
}

static gboolean
scan_value (Scan *s)
{
  gboolean ok;

  scan_ws (s);
  if (s->p >= s->end)
    return scan_fail (s, _("the file ends where a value should be"));

  switch (*s->p)
    {
    case '{':
    case '[':
      if (++s->depth > PW_EXCHANGE_MAX_DEPTH)
        return scan_fail (s, _("objects and lists are nested too deeply"));
      ok = *s->p == '{' ? scan_object (s) : scan_array (s);
      s->depth--;
      return ok;
    case '"':
      return scan_string (s, NULL);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    case '/':
      return scan_fail (s, _("JSON has no comments"));
    case '\'':
      return scan_fail (s, _("texts must be in double quotes"));
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return scan_fail (s, _("unexpected text where a value should be"));
    }
}

JsonNode *
pw_exchange_parse_json (GBytes  *data,
                        GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize len;
  Scan s = { 0, };

  g_return_val_if_fail (data != NULL, NULL);

  text = g_bytes_get_data (data, &len);
  if (len > PW_EXCHANGE_MAX_FILE_SIZE)
    {
      g_set_error (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_TOO_LARGE,
                   _("The file holds more than %u MB, more than Pathway imports at once. "
                     "Nothing was imported; ask for the case files in smaller parts."),
                   PW_EXCHANGE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  s.start = s.p = text != NULL ? text : "";
  s.end = s.p + len;
  s.error = error;
  if (len >= 3 && memcmp (s.p, "\xef\xbb\xbf", 3) == 0)
    s.p += 3;
  if (!g_utf8_validate_len (s.p, s.end - s.p, NULL))
    {
      scan_fail (&s, _("it is not UTF-8 text"));
      return NULL;
    }
  scan_ws (&s);
  if (s.p >= s.end)
    {
      scan_fail (&s, _("the file is empty"));
      return NULL;
    }
  if (!scan_value (&s))
    return NULL;
  scan_ws (&s);
  if (s.p < s.end)
    {
      scan_fail (&s, _("there is more text after the end"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, len, &local_error))
    {
      /* The scan above should have caught it: say so in the log, without
       * json-glib's message, which may quote the file's content. */
      g_debug ("json-glib refused what the strict scan accepted (error %d)", local_error->code);
      s.p = s.start;
      scan_fail (&s, _("unexpected text where a value should be"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* ------------------------------------------------------------------------ */
/* Export                                                                   */

static void
set_text (JsonObject *object,
          const char *name,
          const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

static void
set_time (JsonObject *object,
          const char *name,
          gint64      usec)
{
  g_autofree char *text = usec > 0 ? pw_exchange_format_time (usec) : NULL;

  set_text (object, name, text);
}

static void
set_enum (JsonObject *object,
          const char *name,
          GType       type,
          int         value)
{
  json_object_set_string_member (object, name, pw_enum_to_nick (type, value));
}

static void
set_ref (JsonObject *object,
         const char *name,
         gint64      id)
{
  if (id > 0)
    json_object_set_int_member (object, name, id);
  else
    json_object_set_null_member (object, name);
}

static void
set_strv (JsonObject         *object,
          const char         *name,
          const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (object, name, array);
}

static JsonObject *
service_to_json (PwService *service)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", pw_service_get_id (service));
  set_text (o, "name", pw_service_get_name (service));
  set_text (o, "type", pw_service_get_kind (service));
  set_text (o, "contact", pw_service_get_contact (service));
  set_strv (o, "languages", pw_service_get_languages (service));
  set_text (o, "notes", pw_service_get_notes (service));
  set_time (o, "created_at", pw_service_get_created_at (service));
  set_time (o, "updated_at", pw_service_get_updated_at (service));
  return o;
}

typedef struct
{
  PwStore            *store;
  PwTemplateRegistry *templates;
  GHashTable         *services;  /* ids of the services referred to */
} Exporter;

static JsonArray *
stage_history_to_json (Exporter  *ex,
                       gint64     survivor_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) states = pw_store_list_stage_history (ex->store, survivor_id, error);
  JsonArray *array;

  if (states == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < states->len; i++)
    {
      PwStageState *state = g_ptr_array_index (states, i);
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "id", pw_stage_state_get_id (state));
      set_text (o, "stage", pw_stage_state_get_stage_id (state));
      set_enum (o, "status", PW_TYPE_STAGE_STATUS, pw_stage_state_get_status (state));
      set_text (o, "since", pw_stage_state_get_since (state));
      set_time (o, "created_at", pw_stage_state_get_created_at (state));
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonArray *
plan_items_to_json (Exporter  *ex,
                    gint64     survivor_id,
                    GError   **error)
{
  g_autoptr(GPtrArray) items = pw_store_load_plan_items (ex->store, survivor_id, error);
  g_autoptr(JsonArray) array = NULL;

  if (items == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) history = NULL;
      JsonObject *o = json_object_new ();
      JsonArray *changes = json_array_new ();

      json_array_add_object_element (array, o);
      json_object_set_int_member (o, "id", pw_plan_item_get_id (item));
      set_text (o, "step", pw_plan_item_get_step_id (item));
      set_text (o, "stage", pw_plan_item_get_stage_id (item));
      set_text (o, "domain", pw_plan_item_get_domain (item));
      json_object_set_string_member (o, "title", pw_plan_item_get_title (item) ?: "");
      set_text (o, "her_words", pw_plan_item_get_her_words (item));
      json_object_set_int_member (o, "priority", pw_plan_item_get_priority (item));
      set_text (o, "responsible", pw_plan_item_get_responsible (item));
      set_text (o, "due_date", pw_plan_item_get_due_date (item));
      set_enum (o, "status", PW_TYPE_PLAN_ITEM_STATUS, pw_plan_item_get_status (item));
      set_text (o, "achieved_date", pw_plan_item_get_achieved_date (item));
      set_text (o, "notes", pw_plan_item_get_notes (item));
      set_time (o, "created_at", pw_plan_item_get_created_at (item));
      set_time (o, "updated_at", pw_plan_item_get_updated_at (item));

      json_object_set_array_member (o, "status_history", changes);
      history = pw_store_list_plan_item_history (ex->store, pw_plan_item_get_id (item), error);
      if (history == NULL)
        return NULL;
      for (guint j = 0; j < history->len; j++)
        {
          PwStatusChange *change = g_ptr_array_index (history, j);
          JsonObject *c = json_object_new ();

          set_enum (c, "status", PW_TYPE_PLAN_ITEM_STATUS, pw_status_change_get_status (change));
          set_text (c, "date", pw_status_change_get_changed_on (change));
          set_time (c, "created_at", pw_status_change_get_created_at (change));
          json_array_add_object_element (changes, c);
        }
    }
  return g_steal_pointer (&array);
}

static JsonArray *
assessments_to_json (Exporter  *ex,
                     gint64     survivor_id,
                     GError   **error)
{
  g_autoptr(GPtrArray) list = pw_store_list_assessments (ex->store, survivor_id, -1, error);
  JsonArray *array;

  if (list == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      PwAssessment *a = g_ptr_array_index (list, i);
      PwAssessmentKind kind = pw_assessment_get_kind (a);
      GPtrArray *needs = pw_assessment_get_needs (a);
      GPtrArray *scores = pw_assessment_get_scores (a);
      JsonObject *o = json_object_new ();
      JsonArray *need_array = json_array_new ();
      JsonArray *score_array = json_array_new ();

      json_object_set_int_member (o, "id", pw_assessment_get_id (a));
      set_enum (o, "kind", PW_TYPE_ASSESSMENT_KIND, kind);
      set_text (o, "date", pw_assessment_get_date (a));
      set_text (o, "assessor", pw_assessment_get_assessor (a));
      if (kind == PW_ASSESSMENT_KIND_RISK && pw_assessment_get_risk_level (a) != PW_RISK_LEVEL_NONE)
        set_enum (o, "risk_level", PW_TYPE_RISK_LEVEL, pw_assessment_get_risk_level (a));
      else
        json_object_set_null_member (o, "risk_level");
      set_strv (o, "risk_factors", pw_assessment_get_risk_factors (a));
      set_text (o, "review_trigger", pw_assessment_get_review_trigger (a));
      set_text (o, "next_review", pw_assessment_get_next_review (a));
      set_text (o, "notes", pw_assessment_get_notes (a));
      for (guint j = 0; j < needs->len; j++)
        {
          PwNeedItem *need = g_ptr_array_index (needs, j);
          JsonObject *n = json_object_new ();

          set_text (n, "need", need->need);
          set_text (n, "label", need->label);
          set_enum (n, "coverage", PW_TYPE_NEED_COVERAGE, need->coverage);
          json_object_set_int_member (n, "priority", need->priority);
          json_array_add_object_element (need_array, n);
        }
      json_object_set_array_member (o, "needs", need_array);
      for (guint j = 0; j < scores->len; j++)
        {
          PwCheckinScore *score = g_ptr_array_index (scores, j);
          JsonObject *sc = json_object_new ();

          set_text (sc, "indicator", score->indicator_id);
          if (score->her_score > 0)
            json_object_set_int_member (sc, "her_score", score->her_score);
          else
            json_object_set_null_member (sc, "her_score");
          if (score->worker_score > 0)
            json_object_set_int_member (sc, "worker_score", score->worker_score);
          else
            json_object_set_null_member (sc, "worker_score");
          json_array_add_object_element (score_array, sc);
        }
      json_object_set_array_member (o, "scores", score_array);
      set_time (o, "created_at", pw_assessment_get_created_at (a));
      set_time (o, "updated_at", pw_assessment_get_updated_at (a));
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonArray *
consents_to_json (Exporter  *ex,
                  gint64     survivor_id,
                  GError   **error)
{
  g_autoptr(GPtrArray) list = pw_store_list_consents (ex->store, survivor_id, error);
  JsonArray *array;

  if (list == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      PwConsent *c = g_ptr_array_index (list, i);
      JsonObject *o = json_object_new ();
      gint64 service = pw_consent_get_service_id (c);

      json_object_set_int_member (o, "id", pw_consent_get_id (c));
      set_enum (o, "scope", PW_TYPE_CONSENT_SCOPE, pw_consent_get_scope (c));
      set_ref (o, "service", service);
      set_enum (o, "form", PW_TYPE_CONSENT_FORM, pw_consent_get_form (c));
      set_enum (o, "status", PW_TYPE_CONSENT_STATUS, pw_consent_get_status (c));
      set_text (o, "date", pw_consent_get_date (c));
      set_text (o, "expires", pw_consent_get_expires (c));
      set_text (o, "notes", pw_consent_get_notes (c));
      set_time (o, "created_at", pw_consent_get_created_at (c));
      set_time (o, "updated_at", pw_consent_get_updated_at (c));
      if (service > 0)
        g_hash_table_add (ex->services, g_memdup2 (&service, sizeof service));
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonArray *
referrals_to_json (Exporter  *ex,
                   gint64     survivor_id,
                   GError   **error)
{
  g_autoptr(GPtrArray) list = pw_store_list_referrals (ex->store, survivor_id, error);
  g_autoptr(JsonArray) array = NULL;

  if (list == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      PwReferral *r = g_ptr_array_index (list, i);
      g_autoptr(GArray) history = NULL;
      JsonObject *o = json_object_new ();
      JsonArray *changes = json_array_new ();
      gint64 service = pw_referral_get_service_id (r);

      json_array_add_object_element (array, o);
      json_object_set_int_member (o, "id", pw_referral_get_id (r));
      json_object_set_int_member (o, "referred_organisation", service);
      set_text (o, "outgoing_referral_date", pw_referral_get_date (r));
      set_enum (o, "status", PW_TYPE_REFERRAL_STATUS, pw_referral_get_status (r));
      set_ref (o, "plan_item", pw_referral_get_plan_item_id (r));
      set_ref (o, "consent", pw_referral_get_consent_id (r));
      set_text (o, "no_consent_reason", pw_referral_get_no_consent_reason (r));
      set_text (o, "outcome", pw_referral_get_outcome (r));
      json_object_set_array_member (o, "status_history", changes);
      set_time (o, "created_at", pw_referral_get_created_at (r));
      set_time (o, "updated_at", pw_referral_get_updated_at (r));
      g_hash_table_add (ex->services, g_memdup2 (&service, sizeof service));

      history = pw_store_list_referral_history (ex->store, pw_referral_get_id (r), error);
      if (history == NULL)
        return NULL;
      for (guint j = 0; j < history->len; j++)
        {
          PwReferralStatusDate *step = &g_array_index (history, PwReferralStatusDate, j);
          JsonObject *c = json_object_new ();

          set_enum (c, "status", PW_TYPE_REFERRAL_STATUS, step->status);
          set_text (c, "date", step->date);
          json_array_add_object_element (changes, c);
        }
    }
  return g_steal_pointer (&array);
}

static JsonArray *
notes_to_json (Exporter  *ex,
               gint64     survivor_id,
               GError   **error)
{
  g_autoptr(GPtrArray) list = pw_store_list_notes (ex->store, survivor_id, error);
  JsonArray *array;

  if (list == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      PwNote *n = g_ptr_array_index (list, i);
      JsonObject *o;

      /* Restricted notes belong to their author's key slot: never exported. */
      if (pw_note_get_restricted (n))
        continue;
      o = json_object_new ();
      json_object_set_int_member (o, "id", pw_note_get_id (n));
      set_text (o, "date", pw_note_get_date (n));
      json_object_set_string_member (o, "body", pw_note_get_body (n) ?: "");
      set_text (o, "author", pw_note_get_author (n));
      set_time (o, "created_at", pw_note_get_created_at (n));
      set_time (o, "updated_at", pw_note_get_updated_at (n));
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonArray *
milestones_to_json (Exporter  *ex,
                    gint64     survivor_id,
                    GError   **error)
{
  g_autoptr(GPtrArray) list = pw_store_list_milestones (ex->store, survivor_id, error);
  JsonArray *array;

  if (list == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      PwMilestone *m = g_ptr_array_index (list, i);
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "id", pw_milestone_get_id (m));
      set_text (o, "date", pw_milestone_get_date (m));
      json_object_set_string_member (o, "title", pw_milestone_get_title (m) ?: "");
      set_text (o, "stage", pw_milestone_get_stage_id (m));
      set_text (o, "domain", pw_milestone_get_domain (m));
      set_ref (o, "plan_item", pw_milestone_get_plan_item_id (m));
      set_time (o, "created_at", pw_milestone_get_created_at (m));
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonObject *
survivor_to_json (Exporter  *ex,
                  gint64     survivor_id,
                  GError   **error)
{
  static const struct { const char *name; PwLifeChange change; } life_changes[] = {
    { "residence_changed_on", PW_LIFE_CHANGE_RESIDENCE },
    { "work_changed_on", PW_LIFE_CHANGE_WORK },
    { "area_changed_on", PW_LIFE_CHANGE_AREA },
  };
  g_autoptr(PwSurvivor) s = pw_store_get_survivor (ex->store, survivor_id, error);
  g_autoptr(JsonObject) o = NULL;
  const char *template_id;
  JsonArray *array;

  if (s == NULL)
    return NULL;

  o = json_object_new ();
  json_object_set_int_member (o, "id", survivor_id);
  set_text (o, "case_code", pw_survivor_get_case_code (s));
  set_text (o, "alias", pw_survivor_get_alias (s));
  if (pw_survivor_get_birth_year (s) > 0)
    json_object_set_int_member (o, "birth_year", pw_survivor_get_birth_year (s));
  else
    json_object_set_null_member (o, "birth_year");
  set_text (o, "country_of_origin", pw_survivor_get_country (s));
  set_strv (o, "languages", pw_survivor_get_languages (s));
  set_text (o, "preferred_language", pw_survivor_get_preferred_language (s));

  template_id = pw_survivor_get_template_id (s);
  if (template_id != NULL && *template_id != '\0')
    {
      JsonObject *t = json_object_new ();
      g_autoptr(PwTemplate) template = NULL;

      if (ex->templates != NULL)
        template = pw_template_registry_lookup (ex->templates, template_id, NULL);
      json_object_set_string_member (t, "id", template_id);
      if (template != NULL)
        json_object_set_int_member (t, "version", pw_template_get_version (template));
      else
        json_object_set_null_member (t, "version");
      json_object_set_object_member (o, "template", t);
    }
  else
    json_object_set_null_member (o, "template");

  set_text (o, "key_worker", pw_survivor_get_key_worker (s));
  set_text (o, "intake_date", pw_survivor_get_intake_date (s));
  set_enum (o, "case_status", PW_TYPE_SURVIVOR_STATUS, pw_survivor_get_status (s));
  if (pw_survivor_get_status (s) == PW_SURVIVOR_STATUS_CLOSED &&
      pw_survivor_get_close_reason (s) != PW_CLOSE_REASON_NONE)
    set_enum (o, "reason_for_case_closure", PW_TYPE_CLOSE_REASON, pw_survivor_get_close_reason (s));
  else
    json_object_set_null_member (o, "reason_for_case_closure");
  for (guint i = 0; i < G_N_ELEMENTS (life_changes); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *date = pw_store_get_life_change (ex->store, survivor_id,
                                                        life_changes[i].change, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      set_text (o, life_changes[i].name, date);
    }
  set_time (o, "created_at", pw_survivor_get_created_at (s));
  set_time (o, "updated_at", pw_survivor_get_updated_at (s));

#define ADD_ARRAY(name, builder) \
  if ((array = builder (ex, survivor_id, error)) == NULL) \
    return NULL; \
  json_object_set_array_member (o, name, array);

  ADD_ARRAY ("stage_history", stage_history_to_json);
  ADD_ARRAY ("plan_items", plan_items_to_json);
  ADD_ARRAY ("assessments", assessments_to_json);
  ADD_ARRAY ("consents", consents_to_json);
  ADD_ARRAY ("referrals", referrals_to_json);
  ADD_ARRAY ("notes", notes_to_json);
  ADD_ARRAY ("milestones", milestones_to_json);
#undef ADD_ARRAY

  return g_steal_pointer (&o);
}

static const char *
transfer_reason_nick (PwTransferReason reason)
{
  switch (reason)
    {
    case PW_TRANSFER_REASON_CHANGE_OF_LOCATION:
      return "migration_or_change_of_location";
    case PW_TRANSFER_REASON_ADDITIONAL_SERVICES:
      return "additional_services_required";
    case PW_TRANSFER_REASON_OTHER:
    default:
      return "other";
    }
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
no_consent (GError **error)
{
  g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_NO_CONSENT,
                       _("None of her consents covers sending her case file: it needs her "
                         "consent to share data with a named service, given and not expired. "
                         "Record her consent first; nothing was exported."));
  return FALSE;
}

GPtrArray *
pw_exchange_list_transfer_consents (PwStore  *store,
                                    gint64    survivor_id,
                                    GError  **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *today = today_text ();
  GPtrArray *usable;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  all = pw_store_list_consents (store, survivor_id, error);
  if (all == NULL)
    return NULL;
  usable = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      PwConsent *c = g_ptr_array_index (all, i);
      const char *expires = pw_consent_get_expires (c);

      if (pw_consent_get_scope (c) == PW_CONSENT_SCOPE_DATA_SHARING &&
          pw_consent_get_status (c) == PW_CONSENT_STATUS_GIVEN &&
          pw_consent_get_service_id (c) > 0 &&
          g_strcmp0 (pw_consent_get_date (c), today) <= 0 &&
          (expires == NULL || *expires == '\0' || g_strcmp0 (expires, today) >= 0))
        g_ptr_array_add (usable, g_object_ref (c));
    }
  return usable;
}

static gboolean
transfer_is_covered (PwStore                   *store,
                     gint64                     survivor_id,
                     const PwExchangeTransfer  *transfer,
                     GError                   **error)
{
  g_autoptr(GPtrArray) usable = pw_exchange_list_transfer_consents (store, survivor_id, error);

  if (usable == NULL)
    return FALSE;
  for (guint i = 0; i < usable->len; i++)
    if (pw_consent_get_id (g_ptr_array_index (usable, i)) == transfer->consent_id)
      return TRUE;
  return no_consent (error);
}

GBytes *
pw_exchange_export (PwStore                   *store,
                    PwTemplateRegistry        *templates,
                    const gint64              *ids,
                    guint                      n_ids,
                    const PwExchangeTransfer  *transfer,
                    GError                   **error)
{
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GPtrArray) service_list = NULL;
  JsonArray *survivors, *service_array;
  JsonObject *program;
  Exporter ex = { store, templates, services };
  char *text;
  gsize len;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (transfer == NULL || n_ids == 1, NULL);

  if (transfer != NULL && !transfer_is_covered (store, ids[0], transfer, error))
    return NULL;

  if (n_ids == 0)
    {
      all_ids = pw_store_list_survivor_ids (store, NULL, -1, PW_SURVIVOR_SORT_CASE_CODE, error);
      if (all_ids == NULL)
        return NULL;
      ids = (const gint64 *) all_ids->data;
      n_ids = all_ids->len;
    }

  json_object_set_string_member (root, "format", PW_EXCHANGE_FORMAT);
  json_object_set_int_member (root, "format_version", PW_EXCHANGE_FORMAT_VERSION);
  set_time (root, "exported_at", g_get_real_time ());
  program = json_object_new ();
  json_object_set_string_member (program, "program", "Pathway");
  json_object_set_string_member (program, "version", PACKAGE_VERSION);
  json_object_set_object_member (root, "exported_by", program);
  json_object_set_string_member (root, "scope", transfer != NULL ? "survivor" : "vault");

  if (transfer != NULL)
    {
      JsonObject *t = json_object_new ();
      g_autofree char *date = transfer->date != NULL ? g_strdup (transfer->date) : today_text ();

      json_object_set_string_member (t, "outgoing_referral_date", date);
      json_object_set_string_member (t, "reason_for_outgoing_referral",
                                     transfer_reason_nick (transfer->reason));
      set_text (t, "referred_organisation", transfer->recipient);
      json_object_set_int_member (t, "consent", transfer->consent_id);
      json_object_set_object_member (root, "transfer", t);
    }

  service_array = json_array_new ();
  json_object_set_array_member (root, "services", service_array);
  survivors = json_array_new ();
  json_object_set_array_member (root, "survivors", survivors);
  for (guint i = 0; i < n_ids; i++)
    {
      JsonObject *o = survivor_to_json (&ex, ids[i], error);

      if (o == NULL)
        return NULL;
      json_array_add_object_element (survivors, o);
    }

  /* The whole vault takes the whole directory; one file only what it names. */
  service_list = pw_store_list_services (store, error);
  if (service_list == NULL)
    return NULL;
  for (guint i = 0; i < service_list->len; i++)
    {
      PwService *service = g_ptr_array_index (service_list, i);
      gint64 id = pw_service_get_id (service);

      if (all_ids != NULL || g_hash_table_contains (services, &id))
        json_array_add_object_element (service_array, service_to_json (service));
    }

  node = json_node_init_object (json_node_alloc (), root);
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, FALSE);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

gboolean
pw_exchange_record_transfer (PwStore                   *store,
                             gint64                     survivor_id,
                             const PwExchangeTransfer  *transfer,
                             GError                   **error)
{
  g_autoptr(PwNote) note = pw_note_new ();
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (transfer != NULL, FALSE);

  date = transfer->date != NULL ? g_strdup (transfer->date) : today_text ();
  if (transfer->recipient != NULL && *transfer->recipient != '\0')
    /* Translators: a note written in her file when her case file is exported */
    body = g_strdup_printf (_("Her case file was exported for “%s”, with her consent to share "
                              "data (recorded on %s)."),
                            transfer->recipient, date);
  else
    body = g_strdup_printf (_("Her case file was exported, with her consent to share data "
                              "(recorded on %s)."),
                            date);

  pw_note_set_survivor_id (note, survivor_id);
  pw_note_set_date (note, date);
  pw_note_set_body (note, body);
  return pw_store_add_note (store, note, error) > 0;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static gboolean
write_error (GError     **error,
             int          errsv,
             const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("“%s” could not be written (%s). Nothing was saved; choose another folder "
                 "or free some space, then try again."),
               name, g_strerror (errsv));
  return FALSE;
}

gboolean
pw_exchange_write_file (GFile   *file,
                        GBytes  *data,
                        GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  const guint8 *p;
  gsize len, done = 0;
  int fd, dfd, errsv;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  p = g_bytes_get_data (data, &len);
  path = g_file_get_path (file);
  if (path == NULL)
    /* Not a local file: GIO writes beside it and renames, as we would. */
    return g_file_replace_contents (file, (const char *) p, len, NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, error);

  name = g_path_get_basename (path);
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".pathway-export-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return write_error (error, errno, name);

  while (done < len)
    {
      gssize n = write (fd, p + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += n;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto fail;

  /* The rename itself must reach the disk too. */
  dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dfd >= 0)
    {
      fsync (dfd);
      close (dfd);
    }
  return TRUE;

fail:
  errsv = errno != 0 ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return write_error (error, errsv, name);
}

/* ------------------------------------------------------------------------ */
/* Passphrase re-entry                                                      */

static GPtrArray *
passphrase_slots (PwVault *vault)
{
  GListModel *slots = pw_vault_get_slots (vault);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(PwKeySlot) slot = g_list_model_get_item (slots, i);

      if (pw_key_slot_get_kind (slot) == PW_KEY_SLOT_PASSPHRASE)
        g_ptr_array_add (list, g_object_ref (slot));
    }
  return list;
}

/* Runs in a worker thread: reads only what never changes in a slot. */
static gboolean
check_slots (GPtrArray   *slots,
             const char  *passphrase,
             GError     **error)
{
  guint8 *key;

  if (sodium_init () < 0 || (key = sodium_malloc (PW_KEY_SLOT_MASTER_KEY_SIZE)) == NULL)
    {
      g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_FAILED,
                           _("There is not enough memory to check the passphrase. Close "
                             "other programs and try again."));
      return FALSE;
    }
  for (guint i = 0; i < slots->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (pw_key_slot_unwrap (g_ptr_array_index (slots, i), passphrase, key, &local_error))
        {
          sodium_free (key);
          return TRUE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          sodium_free (key);
          g_set_error_literal (error, PW_EXCHANGE_ERROR, PW_EXCHANGE_ERROR_FAILED,
                               _("There is not enough memory to check the passphrase. Close "
                                 "other programs and try again."));
          return FALSE;
        }
    }
  sodium_free (key);
  g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_WRONG_PASSPHRASE,
                       _("This is not a passphrase of this vault. Type your own passphrase "
                         "again; check the keyboard layout and Caps Lock."));
  return FALSE;
}

gboolean
pw_exchange_check_passphrase (PwVault     *vault,
                              const char  *passphrase,
                              GError     **error)
{
  g_autoptr(GPtrArray) slots = NULL;

  g_return_val_if_fail (PW_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  slots = passphrase_slots (vault);
  return check_slots (slots, passphrase, error);
}

typedef struct
{
  GPtrArray *slots;
  char      *passphrase;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_ptr_array_unref (job->slots);
  sodium_memzero (job->passphrase, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  CheckJob *job = data;
  GError *error = NULL;

  if (check_slots (job->slots, job->passphrase, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pw_exchange_check_passphrase_async (PwVault             *vault,
                                    const char          *passphrase,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_return_if_fail (PW_IS_VAULT (vault));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_exchange_check_passphrase_async);
  job = g_new0 (CheckJob, 1);
  job->slots = passphrase_slots (vault);
  job->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

gboolean
pw_exchange_check_passphrase_finish (PwVault       *vault,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
