/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PwStore PwStore;

#define PW_TYPE_PLAN_ITEM_LIST (pw_plan_item_list_get_type ())

G_DECLARE_FINAL_TYPE (PwPlanItemList, pw_plan_item_list, PW, PLAN_ITEM_LIST, GObject)

/* A GListModel of one survivor's PwPlanItem in her priority order,
 * following the store's ::changed signal. */
PwPlanItemList *pw_plan_item_list_new             (PwStore         *store,
                                                   gint64           survivor_id);
gint64          pw_plan_item_list_get_survivor_id (PwPlanItemList  *self);
gboolean        pw_plan_item_list_reload          (PwPlanItemList  *self,
                                                   GError         **error);

G_END_DECLS
