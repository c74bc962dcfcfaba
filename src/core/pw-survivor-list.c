/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-list"

#include "config.h"

#include <string.h>

#include "pw-store-private.h"
#include "pw-survivor-list.h"
#include "pw-survivor.h"

struct _PwSurvivorList
{
  GObject         parent_instance;

  PwStore        *store;
  gulong          changed_id;
  GArray         *ids;      /* gint64 */
  GArray         *base_ids; /* the filters' ids, without the search; NULL: to query */
  GPtrArray      *items;    /* PwSurvivor or NULL until asked for */
  char           *search_text;
  int             status_filter;
  char           *stage_filter;
  char           *key_worker_filter;
  int             attention_filter;
  PwSurvivorSort  sort;
};

static void pw_survivor_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PwSurvivorList, pw_survivor_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pw_survivor_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH_TEXT,
  PROP_STATUS_FILTER,
  PROP_STAGE_FILTER,
  PROP_KEY_WORKER_FILTER,
  PROP_ATTENTION_FILTER,
  PROP_SORT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* A list view asks for the rows it shows one by one: load the page around
 * @position in one query rather than one query per row. */
#define PAGE_SIZE 32

static void
load_page (PwSurvivorList *self,
           guint           position)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint start = position - MIN (position, PAGE_SIZE / 4);
  guint j = 0;

  for (guint i = start; i < self->ids->len && wanted->len < PAGE_SIZE; i++)
    if (g_ptr_array_index (self->items, i) == NULL)
      {
        g_array_append_val (wanted, i);
        g_array_append_val (ids, g_array_index (self->ids, gint64, i));
      }

  loaded = pw_store_load_survivors (self->store, (const gint64 *) ids->data, ids->len, &error);
  if (loaded == NULL)
    g_debug ("Survivors not loaded: %s", error->message);

  for (guint k = 0; k < wanted->len; k++)
    {
      guint i = g_array_index (wanted, guint, k);
      gint64 id = g_array_index (ids, gint64, k);
      PwSurvivor *survivor = NULL;

      if (loaded != NULL && j < loaded->len &&
          pw_survivor_get_id (g_ptr_array_index (loaded, j)) == id)
        survivor = g_object_ref (g_ptr_array_index (loaded, j++));
      else
        {
          /* Deleted or locked in between: ::changed will follow, and a
           * model must not return NULL inside its length. */
          survivor = pw_survivor_new ();
          pw_survivor_set_id (survivor, id);
        }
      g_ptr_array_index (self->items, i) = survivor;
    }
}

static GType
pw_survivor_list_get_item_type (GListModel *model)
{
  return PW_TYPE_SURVIVOR;
}

static guint
pw_survivor_list_get_n_items (GListModel *model)
{
  return PW_SURVIVOR_LIST (model)->ids->len;
}

static gpointer
pw_survivor_list_get_item (GListModel *model,
                           guint       position)
{
  PwSurvivorList *self = PW_SURVIVOR_LIST (model);
  PwSurvivor *survivor;

  if (position >= self->ids->len)
    return NULL;

  survivor = g_ptr_array_index (self->items, position);
  if (survivor == NULL)
    load_page (self, position);
  survivor = g_ptr_array_index (self->items, position);

  return g_object_ref (survivor);
}

static void
pw_survivor_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pw_survivor_list_get_item_type;
  iface->get_n_items = pw_survivor_list_get_n_items;
  iface->get_item = pw_survivor_list_get_item;
}

static gboolean
contains_id (GArray *sorted,
             gint64  id)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = g_array_index (sorted, gint64, mid);

      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* The filters and the sort cost one ordered query; each keystroke of a
 * search only asks the full-text index and narrows that order. */
static gboolean
refresh (PwSurvivorList  *self,
         gboolean         requery,
         GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) matches = NULL;
  GPtrArray *items;
  guint position, removed, added;
  gboolean searching;

  if (requery)
    g_clear_pointer (&self->base_ids, g_array_unref);
  if (self->base_ids == NULL)
    {
      PwSurvivorQuery query = PW_SURVIVOR_QUERY_INIT;

      query.status = self->status_filter;
      query.stage_id = self->stage_filter;
      query.key_worker = self->key_worker_filter;
      query.attention = self->attention_filter;
      query.sort = self->sort;
      self->base_ids = pw_store_query_survivor_ids (self->store, &query, error);
      if (self->base_ids == NULL)
        return FALSE;
    }

  matches = pw_store_match_survivor_ids (self->store, self->search_text, &searching, error);
  if (matches == NULL)
    return FALSE;
  if (!searching)
    ids = g_array_copy (self->base_ids);
  else
    {
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (matches->len, self->base_ids->len));
      for (guint i = 0; i < self->base_ids->len; i++)
        {
          gint64 id = g_array_index (self->base_ids, gint64, i);

          if (contains_id (matches, id))
            g_array_append_val (ids, id);
        }
    }

  pw_store_diff_ids ((const gint64 *) self->ids->data, self->ids->len,
                     (const gint64 *) ids->data, ids->len,
                     &position, &removed, &added);
  if (removed == 0 && added == 0)
    return TRUE;

  items = g_ptr_array_new_full (ids->len, unref_if_set);
  for (guint i = 0; i < position; i++)
    g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (self->items, i)));
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, NULL);
  for (guint i = position + removed; i < self->ids->len; i++)
    g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (self->items, i)));

  g_ptr_array_unref (self->items);
  self->items = items;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  return TRUE;
}

gboolean
pw_survivor_list_reload (PwSurvivorList  *self,
                         GError         **error)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), FALSE);

  return refresh (self, TRUE, error);
}

guint
pw_survivor_list_find (PwSurvivorList *self,
                       gint64          id)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

static void
on_store_changed (PwStore        *store,
                  PwRecordKind    kind,
                  gint64          id,
                  gint64          survivor_id,
                  PwAuditAction   action,
                  PwSurvivorList *self)
{
  g_autoptr(GError) error = NULL;
  /* Plan items count in search and in the date filters. */
  gboolean searching = (self->search_text != NULL && *self->search_text != '\0') ||
                       self->attention_filter != PW_SURVIVOR_ATTENTION_ANY;
  guint n_before = self->ids->len;
  guint position;

  if (kind != PW_RECORD_KIND_SURVIVOR &&
      kind != PW_RECORD_KIND_STAGE_STATE &&
      kind != PW_RECORD_KIND_ASSESSMENT &&
      kind != PW_RECORD_KIND_PLAN_ITEM &&
      !(kind == PW_RECORD_KIND_CONSENT &&
        self->attention_filter == PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING))
    return;

  if (kind == PW_RECORD_KIND_SURVIVOR || searching ||
      (kind == PW_RECORD_KIND_STAGE_STATE && self->stage_filter != NULL))
    {
      g_autoptr(GArray) before = g_array_copy (self->ids);
      /* Only a change of her goals' words leaves the filters' order as it was. */
      gboolean requery = kind != PW_RECORD_KIND_PLAN_ITEM ||
                         self->attention_filter != PW_SURVIVOR_ATTENTION_ANY;

      if (!refresh (self, requery, &error))
        {
          g_debug ("Survivor list not reloaded: %s", error->message);
          return;
        }
      /* Reordered or filtered: items-changed has been emitted already. */
      if (before->len != self->ids->len ||
          memcmp (before->data, self->ids->data, before->len * sizeof (gint64)) != 0)
        return;
    }

  /* Same rows: the live object was refreshed in place; say which row. */
  position = pw_survivor_list_find (self, survivor_id);
  if (position != G_MAXUINT && n_before == self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
pw_survivor_list_dispose (GObject *object)
{
  PwSurvivorList *self = PW_SURVIVOR_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_survivor_list_parent_class)->dispose (object);
}

static void
pw_survivor_list_finalize (GObject *object)
{
  PwSurvivorList *self = PW_SURVIVOR_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->stage_filter, g_free);
  g_clear_pointer (&self->key_worker_filter, g_free);

  G_OBJECT_CLASS (pw_survivor_list_parent_class)->finalize (object);
}

static void
pw_survivor_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwSurvivorList *self = PW_SURVIVOR_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;

    case PROP_STAGE_FILTER:
      g_value_set_string (value, self->stage_filter);
      break;

    case PROP_KEY_WORKER_FILTER:
      g_value_set_string (value, self->key_worker_filter);
      break;

    case PROP_ATTENTION_FILTER:
      g_value_set_int (value, self->attention_filter);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_survivor_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwSurvivorList *self = PW_SURVIVOR_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      pw_survivor_list_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_STATUS_FILTER:
      pw_survivor_list_set_status_filter (self, g_value_get_int (value));
      break;

    case PROP_STAGE_FILTER:
      pw_survivor_list_set_stage_filter (self, g_value_get_string (value));
      break;

    case PROP_KEY_WORKER_FILTER:
      pw_survivor_list_set_key_worker_filter (self, g_value_get_string (value));
      break;

    case PROP_ATTENTION_FILTER:
      pw_survivor_list_set_attention_filter (self, g_value_get_int (value));
      break;

    case PROP_SORT:
      pw_survivor_list_set_sort (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_survivor_list_class_init (PwSurvivorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_survivor_list_dispose;
  object_class->finalize = pw_survivor_list_finalize;
  object_class->get_property = pw_survivor_list_get_property;
  object_class->set_property = pw_survivor_list_set_property;

  properties [PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, -1, PW_SURVIVOR_STATUS_CLOSED, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_STAGE_FILTER] =
    g_param_spec_string ("stage-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_KEY_WORKER_FILTER] =
    g_param_spec_string ("key-worker-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_ATTENTION_FILTER] =
    g_param_spec_int ("attention-filter", NULL, NULL,
                      PW_SURVIVOR_ATTENTION_ANY, PW_SURVIVOR_ATTENTION_LAST,
                      PW_SURVIVOR_ATTENTION_ANY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, PW_TYPE_SURVIVOR_SORT, PW_SURVIVOR_SORT_CASE_CODE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_survivor_list_init (PwSurvivorList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (unref_if_set);
  self->status_filter = -1;
  self->sort = PW_SURVIVOR_SORT_CASE_CODE;
}

PwSurvivorList *
pw_survivor_list_new (PwStore *store)
{
  PwSurvivorList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  self = g_object_new (PW_TYPE_SURVIVOR_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  if (!pw_survivor_list_reload (self, &error))
    g_debug ("Survivor list not loaded: %s", error->message);
  return self;
}

const char *
pw_survivor_list_get_search_text (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), NULL);

  return self->search_text;
}

static void
reload_or_log (PwSurvivorList *self,
               gboolean        requery)
{
  g_autoptr(GError) error = NULL;

  if (!refresh (self, requery, &error))
    g_debug ("Survivor list not reloaded: %s", error->message);
}

void
pw_survivor_list_set_search_text (PwSurvivorList *self,
                                  const char     *text)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  if (g_strcmp0 (self->search_text, text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  reload_or_log (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_TEXT]);
}

int
pw_survivor_list_get_status_filter (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), -1);

  return self->status_filter;
}

void
pw_survivor_list_set_status_filter (PwSurvivorList *self,
                                    int             status)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  status = CLAMP (status, -1, PW_SURVIVOR_STATUS_CLOSED);
  if (self->status_filter == status)
    return;
  self->status_filter = status;
  reload_or_log (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS_FILTER]);
}

PwSurvivorSort
pw_survivor_list_get_sort (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), PW_SURVIVOR_SORT_CASE_CODE);

  return self->sort;
}

void
pw_survivor_list_set_sort (PwSurvivorList *self,
                           PwSurvivorSort  sort)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  reload_or_log (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT]);
}

const char *
pw_survivor_list_get_stage_filter (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), NULL);

  return self->stage_filter;
}

void
pw_survivor_list_set_stage_filter (PwSurvivorList *self,
                                   const char     *stage_id)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  if (g_strcmp0 (self->stage_filter, stage_id) == 0)
    return;
  g_free (self->stage_filter);
  self->stage_filter = g_strdup (stage_id);
  reload_or_log (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_FILTER]);
}

const char *
pw_survivor_list_get_key_worker_filter (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), NULL);

  return self->key_worker_filter;
}

void
pw_survivor_list_set_key_worker_filter (PwSurvivorList *self,
                                        const char     *key_worker)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  if (g_strcmp0 (self->key_worker_filter, key_worker) == 0)
    return;
  g_free (self->key_worker_filter);
  self->key_worker_filter = g_strdup (key_worker);
  reload_or_log (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEY_WORKER_FILTER]);
}

int
pw_survivor_list_get_attention_filter (PwSurvivorList *self)
{
  g_return_val_if_fail (PW_IS_SURVIVOR_LIST (self), PW_SURVIVOR_ATTENTION_ANY);

  return self->attention_filter;
}

void
pw_survivor_list_set_attention_filter (PwSurvivorList *self,
                                       int             attention)
{
  g_return_if_fail (PW_IS_SURVIVOR_LIST (self));

  attention = CLAMP (attention, PW_SURVIVOR_ATTENTION_ANY, PW_SURVIVOR_ATTENTION_LAST);
  if (self->attention_filter == attention)
    return;
  self->attention_filter = attention;
  reload_or_log (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTENTION_FILTER]);
}
