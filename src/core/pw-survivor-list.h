/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-enums.h"

G_BEGIN_DECLS

typedef struct _PwStore PwStore;

#define PW_TYPE_SURVIVOR_LIST (pw_survivor_list_get_type ())

G_DECLARE_FINAL_TYPE (PwSurvivorList, pw_survivor_list, PW, SURVIVOR_LIST, GObject)

/* A GListModel of PwSurvivor over the ids of one query: a row's object is
 * loaded when it is first asked for, so 10,000 survivors cost one id
 * query. Follows the store's ::changed signal. */
PwSurvivorList *pw_survivor_list_new               (PwStore         *store);
const char     *pw_survivor_list_get_search_text   (PwSurvivorList  *self);
void            pw_survivor_list_set_search_text   (PwSurvivorList  *self,
                                                    const char      *text);
/* A PwSurvivorStatus, or -1 for every status. */
int             pw_survivor_list_get_status_filter (PwSurvivorList  *self);
void            pw_survivor_list_set_status_filter (PwSurvivorList  *self,
                                                    int              status);
/* Her current stage id; NULL: any; "": none marked yet. */
const char     *pw_survivor_list_get_stage_filter      (PwSurvivorList  *self);
void            pw_survivor_list_set_stage_filter      (PwSurvivorList  *self,
                                                        const char      *stage_id);
/* NULL: any; "": none given. */
const char     *pw_survivor_list_get_key_worker_filter (PwSurvivorList  *self);
void            pw_survivor_list_set_key_worker_filter (PwSurvivorList  *self,
                                                        const char      *key_worker);
/* A PwSurvivorAttention (see pw-store.h). */
int             pw_survivor_list_get_attention_filter  (PwSurvivorList  *self);
void            pw_survivor_list_set_attention_filter  (PwSurvivorList  *self,
                                                        int              attention);
PwSurvivorSort  pw_survivor_list_get_sort          (PwSurvivorList  *self);
void            pw_survivor_list_set_sort          (PwSurvivorList  *self,
                                                    PwSurvivorSort   sort);
/* Position of survivor @id, or G_MAXUINT. */
guint           pw_survivor_list_find              (PwSurvivorList  *self,
                                                    gint64           id);
gboolean        pw_survivor_list_reload            (PwSurvivorList  *self,
                                                    GError         **error);

G_END_DECLS
