/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-template.h"
#include "pw-template-private.h"
#include "pw-template-registry.h"

struct _PwTemplate
{
  GObject     parent_instance;

  char       *id;
  int         version;
  char       *extends;
  GPtrArray  *languages;
  GHashTable *name;
  GHashTable *description;
  GListStore *domains;
  GListStore *stages;
  GListStore *indicators;
  GHashTable *steps_by_id;
  GPtrArray  *text_slots;
};

G_DEFINE_FINAL_TYPE (PwTemplate, pw_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (pw-template-error-quark, pw_template_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_EXTENDS,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define LANGS(self) ((const char * const *) (self)->languages->pdata)

static void
pw_text_slot_free (PwTextSlot *slot)
{
  g_free (slot->path);
  g_clear_pointer (&slot->text, g_hash_table_unref);
  g_free (slot);
}

static void
pw_template_finalize (GObject *object)
{
  PwTemplate *self = PW_TEMPLATE (object);

  g_free (self->id);
  g_free (self->extends);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_hash_table_unref);
  g_clear_pointer (&self->description, g_hash_table_unref);
  g_clear_object (&self->domains);
  g_clear_object (&self->stages);
  g_clear_object (&self->indicators);
  g_clear_pointer (&self->steps_by_id, g_hash_table_unref);
  g_clear_pointer (&self->text_slots, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_template_parent_class)->finalize (object);
}

static void
pw_template_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwTemplate *self = PW_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_EXTENDS:
      g_value_set_string (value, self->extends);
      break;
    case PROP_NAME:
      g_value_set_string (value, pw_template_get_name (self, NULL));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, pw_template_get_description (self, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_template_class_init (PwTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_template_finalize;
  object_class->get_property = pw_template_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTENDS] =
    g_param_spec_string ("extends", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_template_init (PwTemplate *self)
{
}

/* Takes ownership of @text_slots. */
PwTemplate *
pw_template_new_internal (const char *id,
                          int         version,
                          const char *extends,
                          GPtrArray  *languages,
                          GHashTable *name,
                          GHashTable *description,
                          GListStore *domains,
                          GListStore *stages,
                          GListStore *indicators,
                          GPtrArray  *text_slots)
{
  PwTemplate *self = g_object_new (PW_TYPE_TEMPLATE, NULL);
  guint n_stages;

  self->id = g_strdup (id);
  self->version = version;
  self->extends = g_strdup (extends);
  self->languages = g_ptr_array_ref (languages);
  self->name = g_hash_table_ref (name);
  self->description = description != NULL ? g_hash_table_ref (description) : NULL;
  self->domains = g_object_ref (domains);
  self->stages = g_object_ref (stages);
  self->indicators = g_object_ref (indicators);
  self->text_slots = text_slots;
  g_ptr_array_set_free_func (self->text_slots, (GDestroyNotify) pw_text_slot_free);

  self->steps_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  n_stages = g_list_model_get_n_items (G_LIST_MODEL (stages));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (G_LIST_MODEL (stages), i);
      GListModel *steps = pw_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (steps);

      for (guint j = 0; j < n_steps; j++)
        {
          PwStep *step = g_list_model_get_item (steps, j);

          g_hash_table_replace (self->steps_by_id, (gpointer) pw_step_get_id (step), step);
        }
    }

  return self;
}

/* Text lookup ------------------------------------------------------------ */

static gboolean
languages_contain (const char * const *languages,
                   const char         *lang)
{
  return languages != NULL && g_strv_contains (languages, lang);
}

/* The interface language if the template has it, else English.
 * g_get_language_names() lists the most specific form first ("it_IT",
 * then "it"), so a regional text wins over the plain language. */
const char *
pw_languages_pick (const char * const *languages)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      char code[16];
      gsize n = strcspn (names[i], ".@");

      if (n == 0 || n >= sizeof code)
        continue;
      memcpy (code, names[i], n);
      code[n] = '\0';
      g_strdelimit (code, "_", '-');

      for (guint j = 0; languages != NULL && languages[j] != NULL; j++)
        if (g_str_equal (languages[j], code))
          return languages[j];

      if (n > 2 && code[2] == '-')
        {
          code[2] = '\0';
          for (guint j = 0; languages != NULL && languages[j] != NULL; j++)
            if (g_str_equal (languages[j], code))
              return languages[j];
        }
    }

  return "en";
}

const char *
pw_text_get (GHashTable         *text,
             const char         *lang,
             const char * const *languages)
{
  const char *value;

  if (text == NULL)
    return NULL;

  if (lang == NULL)
    lang = pw_languages_pick (languages);

  value = g_hash_table_lookup (text, lang);
  if (value != NULL)
    return value;

  if (strlen (lang) > 2 && lang[2] == '-')
    {
      char base[3] = { lang[0], lang[1], '\0' };

      value = g_hash_table_lookup (text, base);
      if (value != NULL)
        return value;
    }

  return g_hash_table_lookup (text, "en");
}

/* Loading ---------------------------------------------------------------- */

PwTemplate *
pw_template_new_from_bytes (GBytes              *bytes,
                            const char          *display_name,
                            PwTemplateRegistry  *registry,
                            GError             **error)
{
  g_autoptr(PwTemplateDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (registry == NULL || PW_IS_TEMPLATE_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";

  doc = pw_template_doc_parse (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  return pw_template_doc_resolve (doc, registry, error);
}

/* Reads at most one byte over the size limit, so a huge file is refused
 * without being read into memory. */
GBytes *
pw_template_read_file (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream),
                                     PW_TEMPLATE_MAX_FILE_SIZE + 1, NULL, error);
  if (bytes == NULL)
    return NULL;

  return g_steal_pointer (&bytes);
}

PwTemplate *
pw_template_new_from_path (const char          *path,
                           PwTemplateRegistry  *registry,
                           GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (registry == NULL || PW_IS_TEMPLATE_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = pw_template_read_file (path, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_filename_display_name (path);
  return pw_template_new_from_bytes (bytes, display_name, registry, error);
}

PwTemplate *
pw_template_new_from_resource (const char          *resource_path,
                               PwTemplateRegistry  *registry,
                               GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (registry == NULL || PW_IS_TEMPLATE_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_path_get_basename (resource_path);
  return pw_template_new_from_bytes (bytes, display_name, registry, error);
}

/* Accessors -------------------------------------------------------------- */

const char *
pw_template_get_id (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return self->id;
}

int
pw_template_get_version (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), 0);

  return self->version;
}

/* The id of the template this one extends directly, or NULL. */
const char *
pw_template_get_extends (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return self->extends;
}

const char * const *
pw_template_get_languages (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return LANGS (self);
}

gboolean
pw_template_has_language (PwTemplate *self,
                          const char *lang)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  return languages_contain (LANGS (self), lang);
}

/* The language texts are shown in when a caller passes NULL. */
const char *
pw_template_get_ui_language (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return pw_languages_pick (LANGS (self));
}

const char *
pw_template_get_name (PwTemplate *self,
                      const char *lang)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return pw_text_get (self->name, lang, LANGS (self));
}

/* NULL when the template has no description. */
const char *
pw_template_get_description (PwTemplate *self,
                             const char *lang)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return pw_text_get (self->description, lang, LANGS (self));
}

GListModel *
pw_template_get_domains (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return G_LIST_MODEL (self->domains);
}

GListModel *
pw_template_get_stages (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return G_LIST_MODEL (self->stages);
}

GListModel *
pw_template_get_indicators (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

static gpointer
find_by_id (GListStore  *store,
            const char  *id,
            const char *(*get_id) (gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (get_id (item), id))
        return item;
    }

  return NULL;
}

PwDomain *
pw_template_lookup_domain (PwTemplate *self,
                           const char *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_by_id (self->domains, id, (const char *(*) (gpointer)) pw_domain_get_id);
}

PwStage *
pw_template_lookup_stage (PwTemplate *self,
                          const char *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_by_id (self->stages, id, (const char *(*) (gpointer)) pw_stage_get_id);
}

PwStep *
pw_template_lookup_step (PwTemplate *self,
                         const char *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->steps_by_id, id);
}

PwIndicator *
pw_template_lookup_indicator (PwTemplate *self,
                              const char *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_by_id (self->indicators, id, (const char *(*) (gpointer)) pw_indicator_get_id);
}

/* Completeness ----------------------------------------------------------- */

/* Every localized text of the resolved template: names, summaries, roles,
 * titles, descriptions, reference labels, indicator questions and levels. */
guint
pw_template_get_n_texts (PwTemplate *self)
{
  g_return_val_if_fail (PW_IS_TEMPLATE (self), 0);

  return self->text_slots->len;
}

/* Paths such as "stages[2].steps[4].description" of the texts that have no
 * text in @lang (NULL: the interface language), in document order. */
char **
pw_template_get_missing (PwTemplate *self,
                         const char *lang)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PW_IS_TEMPLATE (self), NULL);

  if (lang == NULL)
    lang = pw_template_get_ui_language (self);

  for (guint i = 0; i < self->text_slots->len; i++)
    {
      PwTextSlot *slot = g_ptr_array_index (self->text_slots, i);

      if (!g_hash_table_contains (slot->text, lang))
        g_strv_builder_add (builder, slot->path);
    }

  return g_strv_builder_end (builder);
}

/* The share of texts present in @lang, from 0.0 to 1.0. */
double
pw_template_get_completeness (PwTemplate *self,
                              const char *lang,
                              guint      *n_present,
                              guint      *n_total)
{
  guint present = 0;
  guint total;

  g_return_val_if_fail (PW_IS_TEMPLATE (self), 0.0);

  if (lang == NULL)
    lang = pw_template_get_ui_language (self);

  total = self->text_slots->len;
  for (guint i = 0; i < total; i++)
    {
      PwTextSlot *slot = g_ptr_array_index (self->text_slots, i);

      if (g_hash_table_contains (slot->text, lang))
        present++;
    }

  if (n_present != NULL)
    *n_present = present;
  if (n_total != NULL)
    *n_total = total;

  return total > 0 ? (double) present / total : 1.0;
}

/* Updates ---------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * pw_template_check_update:
 * @old_template: (nullable): the template plans use now
 * @new_template: the template that is to replace it
 * @used_step_ids: (nullable): the step ids that plan items point at
 *
 * Plan items point at step ids, so a new version of a template must keep
 * every id in use: otherwise the update is refused with
 * %PW_TEMPLATE_ERROR_ORPHANED_STEPS and a message naming the steps.
 * With @old_template, the new one must also have the same id and a higher
 * version.
 */
gboolean
pw_template_check_update (PwTemplate          *old_template,
                          PwTemplate          *new_template,
                          const char * const  *used_step_ids,
                          GError             **error)
{
  g_autoptr(GPtrArray) orphaned = g_ptr_array_new ();

  g_return_val_if_fail (old_template == NULL || PW_IS_TEMPLATE (old_template), FALSE);
  g_return_val_if_fail (PW_IS_TEMPLATE (new_template), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (old_template != NULL && !g_str_equal (old_template->id, new_template->id))
    {
      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_INVALID_VALUE,
                   _("This file holds the template “%s”, not a new version of “%s”."),
                   new_template->id, old_template->id);
      return FALSE;
    }

  for (guint i = 0; used_step_ids != NULL && used_step_ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (new_template->steps_by_id, used_step_ids[i]))
        continue;
      if (!g_ptr_array_find_with_equal_func (orphaned, used_step_ids[i], g_str_equal, NULL))
        g_ptr_array_add (orphaned, (gpointer) used_step_ids[i]);
    }

  if (orphaned->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      g_ptr_array_sort (orphaned, compare_strings);
      for (guint i = 0; i < orphaned->len; i++)
        {
          const char *id = g_ptr_array_index (orphaned, i);
          PwStep *old_step = old_template != NULL ? pw_template_lookup_step (old_template, id) : NULL;

          if (i > 0)
            g_string_append (list, ", ");
          if (old_step != NULL)
            g_string_append_printf (list, "“%s” (%s)", pw_step_get_title (old_step, NULL), id);
          else
            g_string_append_printf (list, "%s", id);
        }

      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_ORPHANED_STEPS,
                   ngettext ("The new version of the template “%s” no longer has %u step that plans point at: %s. Keep the step in the template, or move the plan items to other steps first.",
                             "The new version of the template “%s” no longer has %u steps that plans point at: %s. Keep the steps in the template, or move the plan items to other steps first.",
                             orphaned->len),
                   new_template->id, orphaned->len, list->str);
      return FALSE;
    }

  if (old_template != NULL && new_template->version <= old_template->version)
    {
      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_NOT_NEWER,
                   _("Version %d of the template “%s” is not newer than the version in use (%d): raise “version” with every change."),
                   new_template->version, new_template->id, old_template->version);
      return FALSE;
    }

  return TRUE;
}
