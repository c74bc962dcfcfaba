/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-her-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-her-plan.h"

struct _PwHerPlan
{
  GObject parent_instance;

  gint64 survivor_id;
  char *case_code;
  char *language;
  PwCatalog *catalog;
  PwTemplate *template;
  GHashTable *stage_status;   /* stage id → PwStageStatus */
  char *current_stage;
  GPtrArray *goals;
  GPtrArray *next_steps;
  GPtrArray *achievements;
};

G_DEFINE_FINAL_TYPE (PwHerPlan, pw_her_plan, G_TYPE_OBJECT)

static void
achievement_free (PwAchievement *achievement)
{
  g_free (achievement->date);
  g_free (achievement->text);
  g_free (achievement->stage_id);
  g_free (achievement);
}

static PwAchievement *
achievement_new (const char *date,
                 const char *text,
                 const char *stage_id,
                 gboolean    is_milestone)
{
  PwAchievement *achievement = g_new0 (PwAchievement, 1);

  achievement->date = g_strdup (date);
  achievement->text = g_strdup (text);
  achievement->stage_id = g_strdup (stage_id);
  achievement->is_milestone = is_milestone;
  return achievement;
}

static int
compare_achievements (gconstpointer a,
                      gconstpointer b)
{
  const PwAchievement *x = *(PwAchievement * const *) a;
  const PwAchievement *y = *(PwAchievement * const *) b;

  /* Newest first; undated ones last. */
  if (x->date == NULL || y->date == NULL)
    return (x->date == NULL) - (y->date == NULL);
  return -g_strcmp0 (x->date, y->date);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  PwPlanItem *x = *(PwPlanItem * const *) a;
  PwPlanItem *y = *(PwPlanItem * const *) b;
  int by_date = g_strcmp0 (pw_plan_item_get_due_date (x), pw_plan_item_get_due_date (y));

  if (by_date != 0)
    return by_date;
  return pw_plan_item_get_priority (x) - pw_plan_item_get_priority (y);
}

static gboolean
is_open (PwPlanItem *item)
{
  PwPlanItemStatus status = pw_plan_item_get_status (item);

  return status != PW_PLAN_ITEM_STATUS_ACHIEVED && status != PW_PLAN_ITEM_STATUS_DROPPED;
}

static gboolean
load_stages (PwHerPlan  *self,
             PwStore    *store,
             PwSurvivor *survivor,
             GError    **error)
{
  g_autoptr(GPtrArray) states = pw_store_list_stage_states (store, self->survivor_id, error);
  const char *latest_since = NULL;

  if (states == NULL)
    return FALSE;

  for (guint i = 0; i < states->len; i++)
    {
      PwStageState *state = g_ptr_array_index (states, i);
      PwStageStatus status = pw_stage_state_get_status (state);

      g_hash_table_insert (self->stage_status, g_strdup (pw_stage_state_get_stage_id (state)),
                           GINT_TO_POINTER (status));
      if (status == PW_STAGE_STATUS_CURRENT &&
          (latest_since == NULL || g_strcmp0 (pw_stage_state_get_since (state), latest_since) >= 0))
        {
          latest_since = pw_stage_state_get_since (state);
          g_free (self->current_stage);
          self->current_stage = g_strdup (pw_stage_state_get_stage_id (state));
        }
    }

  if (self->current_stage == NULL && pw_survivor_get_current_stage (survivor) != NULL &&
      *pw_survivor_get_current_stage (survivor) != '\0')
    self->current_stage = g_strdup (pw_survivor_get_current_stage (survivor));
  return TRUE;
}

static gboolean
load_plan (PwHerPlan *self,
           PwStore   *store,
           GError   **error)
{
  g_autoptr(GPtrArray) items = pw_store_load_plan_items (store, self->survivor_id, error);
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GHashTable) celebrated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (items == NULL)
    return FALSE;
  milestones = pw_store_list_milestones (store, self->survivor_id, error);
  if (milestones == NULL)
    return FALSE;

  for (guint i = 0; i < milestones->len; i++)
    {
      PwMilestone *milestone = g_ptr_array_index (milestones, i);
      gint64 item_id = pw_milestone_get_plan_item_id (milestone);

      g_ptr_array_add (self->achievements,
                       achievement_new (pw_milestone_get_date (milestone),
                                        pw_milestone_get_title (milestone),
                                        pw_milestone_get_stage_id (milestone), TRUE));
      if (item_id > 0)
        g_hash_table_add (celebrated, g_memdup2 (&item_id, sizeof item_id));
    }

  for (guint i = 0; i < items->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (items, i);
      gint64 id = pw_plan_item_get_id (item);

      if (is_open (item))
        {
          g_ptr_array_add (self->goals, g_object_ref (item));
          if (pw_plan_item_get_due_date (item) != NULL &&
              pw_plan_item_get_status (item) != PW_PLAN_ITEM_STATUS_PAUSED)
            g_ptr_array_add (self->next_steps, g_object_ref (item));
        }
      else if (pw_plan_item_get_status (item) == PW_PLAN_ITEM_STATUS_ACHIEVED &&
               !g_hash_table_contains (celebrated, &id))
        /* A milestone made from the goal already says it. */
        g_ptr_array_add (self->achievements,
                         achievement_new (pw_plan_item_get_achieved_date (item),
                                          pw_her_plan_goal_text (self, item),
                                          pw_plan_item_get_stage_id (item), FALSE));
    }

  g_ptr_array_sort (self->next_steps, compare_due);
  g_ptr_array_sort (self->achievements, compare_achievements);
  return TRUE;
}

PwHerPlan *
pw_her_plan_new (PwStore            *store,
                 PwTemplateRegistry *templates,
                 gint64              survivor_id,
                 const char         *language,
                 GError            **error)
{
  g_autoptr(PwHerPlan) self = NULL;
  g_autoptr(PwSurvivor) survivor = NULL;
  const char *template_id;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (templates), NULL);
  g_return_val_if_fail (survivor_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  survivor = pw_store_get_survivor (store, survivor_id, error);
  if (survivor == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_HER_PLAN, NULL);
  self->survivor_id = survivor_id;
  self->case_code = g_strdup (pw_survivor_get_case_code (survivor));

  template_id = pw_survivor_get_template_id (survivor);
  self->template = pw_template_registry_lookup (templates, template_id ? template_id : "default", NULL);
  if (self->template == NULL)
    self->template = pw_template_registry_lookup (templates, "default", error);
  if (self->template == NULL)
    return NULL;

  if (language == NULL || *language == '\0')
    language = pw_survivor_get_preferred_language (survivor);
  if (language != NULL && *language != '\0')
    {
      self->language = g_strdup (language);
      self->catalog = g_object_ref (pw_catalog_get_for_language (language));
    }
  else
    self->language = g_strdup (pw_template_get_ui_language (self->template));

  if (!load_stages (self, store, survivor, error) || !load_plan (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
pw_her_plan_get_survivor_id (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), 0);
  return self->survivor_id;
}

const char *
pw_her_plan_get_case_code (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->case_code;
}

const char *
pw_her_plan_get_language (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->language;
}

PwCatalog *
pw_her_plan_get_catalog (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->catalog;
}

PwTemplate *
pw_her_plan_get_template (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->template;
}

PwStageStatus
pw_her_plan_get_stage_status (PwHerPlan  *self,
                              const char *stage_id)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), PW_STAGE_STATUS_NOT_REACHED);
  g_return_val_if_fail (stage_id != NULL, PW_STAGE_STATUS_NOT_REACHED);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->stage_status, stage_id));
}

const char *
pw_her_plan_get_current_stage (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->current_stage;
}

GPtrArray *
pw_her_plan_get_goals (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->goals;
}

GPtrArray *
pw_her_plan_get_next_steps (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->next_steps;
}

GPtrArray *
pw_her_plan_get_achievements (PwHerPlan *self)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return self->achievements;
}

const char *
pw_her_plan_step_title (PwHerPlan  *self,
                        PwPlanItem *item)
{
  const char *step_id;
  PwStep *step;

  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  g_return_val_if_fail (PW_IS_PLAN_ITEM (item), NULL);

  step_id = pw_plan_item_get_step_id (item);
  if (step_id == NULL || (step = pw_template_lookup_step (self->template, step_id)) == NULL)
    return NULL;
  return pw_step_get_title (step, self->language);
}

const char *
pw_her_plan_goal_text (PwHerPlan  *self,
                       PwPlanItem *item)
{
  const char *text;

  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  g_return_val_if_fail (PW_IS_PLAN_ITEM (item), NULL);

  text = pw_plan_item_get_her_words (item);
  if (text != NULL && *text != '\0')
    return text;
  text = pw_her_plan_step_title (self, item);
  if (text != NULL && *text != '\0')
    return text;
  text = pw_plan_item_get_title (item);
  return text != NULL ? text : "";
}

const char *
pw_her_plan_status_label (PwHerPlan        *self,
                          PwPlanItemStatus  status)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);

  /* Words for her, not the case file's: calmer than the worker's statuses. */
  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_PROPOSED:
      return pw_catalog_pgettext (self->catalog, "her goal", "An idea to talk about");
    case PW_PLAN_ITEM_STATUS_AGREED:
      return pw_catalog_pgettext (self->catalog, "her goal", "Agreed");
    case PW_PLAN_ITEM_STATUS_IN_PROGRESS:
      return pw_catalog_pgettext (self->catalog, "her goal", "Under way");
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      return pw_catalog_pgettext (self->catalog, "her goal", "Done");
    case PW_PLAN_ITEM_STATUS_PAUSED:
      return pw_catalog_pgettext (self->catalog, "her goal", "On hold for now");
    case PW_PLAN_ITEM_STATUS_DROPPED:
    default:
      return pw_catalog_pgettext (self->catalog, "her goal", "Set aside");
    }
}

char *
pw_her_plan_format_date (PwHerPlan  *self,
                         const char *date)
{
  g_return_val_if_fail (PW_IS_HER_PLAN (self), NULL);
  return pw_catalog_format_date (self->catalog, date);
}

static void
pw_her_plan_finalize (GObject *object)
{
  PwHerPlan *self = PW_HER_PLAN (object);

  g_free (self->case_code);
  g_free (self->language);
  g_free (self->current_stage);
  g_clear_object (&self->catalog);
  g_clear_object (&self->template);
  g_clear_pointer (&self->stage_status, g_hash_table_unref);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->next_steps, g_ptr_array_unref);
  g_clear_pointer (&self->achievements, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_her_plan_parent_class)->finalize (object);
}

static void
pw_her_plan_class_init (PwHerPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_her_plan_finalize;
}

static void
pw_her_plan_init (PwHerPlan *self)
{
  self->stage_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->goals = g_ptr_array_new_with_free_func (g_object_unref);
  self->next_steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->achievements = g_ptr_array_new_with_free_func ((GDestroyNotify) achievement_free);
}
