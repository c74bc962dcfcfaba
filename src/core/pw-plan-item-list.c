/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-plan-item-list"

#include "config.h"

#include <string.h>

#include "pw-plan-item-list.h"
#include "pw-plan-item.h"
#include "pw-store-private.h"

struct _PwPlanItemList
{
  GObject    parent_instance;

  PwStore   *store;
  gulong     changed_id;
  gint64     survivor_id;
  GPtrArray *items;         /* PwPlanItem, live objects of the store */
};

static void pw_plan_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PwPlanItemList, pw_plan_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pw_plan_item_list_model_init))

static GType
pw_plan_item_list_get_item_type (GListModel *model)
{
  return PW_TYPE_PLAN_ITEM;
}

static guint
pw_plan_item_list_get_n_items (GListModel *model)
{
  return PW_PLAN_ITEM_LIST (model)->items->len;
}

static gpointer
pw_plan_item_list_get_item (GListModel *model,
                            guint       position)
{
  PwPlanItemList *self = PW_PLAN_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pw_plan_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pw_plan_item_list_get_item_type;
  iface->get_n_items = pw_plan_item_list_get_n_items;
  iface->get_item = pw_plan_item_list_get_item;
}

static GArray *
ids_of (GPtrArray *items)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = pw_plan_item_get_id (g_ptr_array_index (items, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
pw_plan_item_list_reload (PwPlanItemList  *self,
                          GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) new_ids = NULL;
  guint position, removed, added;

  g_return_val_if_fail (PW_IS_PLAN_ITEM_LIST (self), FALSE);

  items = pw_store_load_plan_items (self->store, self->survivor_id, error);
  if (items == NULL)
    return FALSE;

  old_ids = ids_of (self->items);
  new_ids = ids_of (items);
  pw_store_diff_ids ((const gint64 *) old_ids->data, old_ids->len,
                     (const gint64 *) new_ids->data, new_ids->len,
                     &position, &removed, &added);

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  return TRUE;
}

static void
on_store_changed (PwStore        *store,
                  PwRecordKind    kind,
                  gint64          id,
                  gint64          survivor_id,
                  PwAuditAction   action,
                  PwPlanItemList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  if (survivor_id != self->survivor_id ||
      (kind != PW_RECORD_KIND_PLAN_ITEM &&
       !(kind == PW_RECORD_KIND_SURVIVOR && action == PW_AUDIT_ACTION_DELETE)))
    return;

  before = ids_of (self->items);
  if (!pw_plan_item_list_reload (self, &error))
    {
      g_debug ("Plan items not reloaded: %s", error->message);
      return;
    }
  after = ids_of (self->items);

  /* Same rows in the same order: tell which one changed in place. */
  if (kind == PW_RECORD_KIND_PLAN_ITEM && before->len == after->len &&
      memcmp (before->data, after->data, before->len * sizeof (gint64)) == 0)
    for (guint i = 0; i < after->len; i++)
      if (g_array_index (after, gint64, i) == id)
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
}

static void
pw_plan_item_list_dispose (GObject *object)
{
  PwPlanItemList *self = PW_PLAN_ITEM_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (pw_plan_item_list_parent_class)->dispose (object);
}

static void
pw_plan_item_list_finalize (GObject *object)
{
  PwPlanItemList *self = PW_PLAN_ITEM_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_plan_item_list_parent_class)->finalize (object);
}

static void
pw_plan_item_list_class_init (PwPlanItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_plan_item_list_dispose;
  object_class->finalize = pw_plan_item_list_finalize;
}

static void
pw_plan_item_list_init (PwPlanItemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

PwPlanItemList *
pw_plan_item_list_new (PwStore *store,
                       gint64   survivor_id)
{
  PwPlanItemList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  self = g_object_new (PW_TYPE_PLAN_ITEM_LIST, NULL);
  self->store = g_object_ref (store);
  self->survivor_id = survivor_id;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  if (!pw_plan_item_list_reload (self, &error))
    g_debug ("Plan items not loaded: %s", error->message);
  return self;
}

gint64
pw_plan_item_list_get_survivor_id (PwPlanItemList *self)
{
  g_return_val_if_fail (PW_IS_PLAN_ITEM_LIST (self), 0);

  return self->survivor_id;
}
