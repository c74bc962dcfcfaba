/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-template"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-template-private.h"
#include "pw-template-registry.h"

/* The templates an `extends` can name: the shipped ones and the imported
 * ones. Documents are kept unresolved, so a base and its variants can be
 * added in any order; lookups resolve and cache. */
struct _PwTemplateRegistry
{
  GObject     parent_instance;

  GHashTable *entries;
  GHashTable *resolved;
};

typedef struct
{
  PwTemplateDoc    *doc;
  PwTemplateSource  source;
} Entry;

G_DEFINE_FINAL_TYPE (PwTemplateRegistry, pw_template_registry, G_TYPE_OBJECT)

#define MAX_SIBLINGS 500

static void
entry_free (Entry *entry)
{
  pw_template_doc_unref (entry->doc);
  g_free (entry);
}

static void
pw_template_registry_finalize (GObject *object)
{
  PwTemplateRegistry *self = PW_TEMPLATE_REGISTRY (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->resolved, g_hash_table_unref);

  G_OBJECT_CLASS (pw_template_registry_parent_class)->finalize (object);
}

static void
pw_template_registry_class_init (PwTemplateRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_template_registry_finalize;
}

static void
pw_template_registry_init (PwTemplateRegistry *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  self->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

PwTemplateRegistry *
pw_template_registry_new (void)
{
  return g_object_new (PW_TYPE_TEMPLATE_REGISTRY, NULL);
}

static char *
add_doc (PwTemplateRegistry  *self,
         PwTemplateDoc       *doc,
         PwTemplateSource     source,
         GError             **error)
{
  Entry *entry;

  if (g_hash_table_contains (self->entries, doc->id))
    {
      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXISTS,
                   _("%s: a template with the id “%s” is already available. Give this one another id, or remove the other first."),
                   doc->display_name, doc->id);
      return NULL;
    }

  entry = g_new0 (Entry, 1);
  entry->doc = pw_template_doc_ref (doc);
  entry->source = source;
  g_hash_table_insert (self->entries, doc->id, entry);

  /* A new base can change how a variant resolves. */
  g_hash_table_remove_all (self->resolved);

  return g_strdup (doc->id);
}

/**
 * pw_template_registry_add_bytes:
 *
 * Validates the template and makes it available under its id. Its
 * `extends` is resolved later, by pw_template_registry_lookup().
 *
 * Returns: (transfer full): the id of the template, or %NULL
 */
char *
pw_template_registry_add_bytes (PwTemplateRegistry  *self,
                                GBytes              *bytes,
                                const char          *display_name,
                                PwTemplateSource     source,
                                GError             **error)
{
  g_autoptr(PwTemplateDoc) doc = NULL;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = pw_template_doc_parse (bytes, display_name != NULL ? display_name : "<data>", error);
  if (doc == NULL)
    return NULL;

  return add_doc (self, doc, source, error);
}

char *
pw_template_registry_add_path (PwTemplateRegistry  *self,
                               const char          *path,
                               PwTemplateSource     source,
                               GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = pw_template_read_file (path, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_filename_display_name (path);
  return pw_template_registry_add_bytes (self, bytes, display_name, source, error);
}

/**
 * pw_template_registry_add_shipped:
 *
 * Adds every template compiled into the resources under
 * %PW_TEMPLATE_RESOURCE_DIR whose id is not registered yet. A broken one
 * is skipped and reported in @error; the others are still added.
 */
gboolean
pw_template_registry_add_shipped (PwTemplateRegistry  *self,
                                  GError             **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  names = g_resources_enumerate_children (PW_TEMPLATE_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (PW_TEMPLATE_RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PwTemplateDoc) doc = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL)
        doc = pw_template_doc_parse (bytes, names[i], &local_error);

      if (doc == NULL)
        {
          g_critical ("Shipped template %s: %s", names[i], local_error->message);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }

      if (!g_hash_table_contains (self->entries, doc->id))
        g_free (add_doc (self, doc, PW_TEMPLATE_SOURCE_SHIPPED, NULL));
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_template_registry_remove (PwTemplateRegistry *self,
                             const char         *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!g_hash_table_remove (self->entries, id))
    return FALSE;

  g_hash_table_remove_all (self->resolved);
  return TRUE;
}

gboolean
pw_template_registry_contains (PwTemplateRegistry *self,
                               const char         *id)
{
  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->entries, id);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so lists in messages and menus do not depend on hashing. */
char **
pw_template_registry_dup_ids (PwTemplateRegistry *self)
{
  g_autofree const char **keys = NULL;
  guint n;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->entries, &n);
  qsort (keys, n, sizeof (char *), compare_names);
  return g_strdupv ((char **) keys);
}

PwTemplateSource
pw_template_registry_get_source (PwTemplateRegistry *self,
                                 const char         *id)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), PW_TEMPLATE_SOURCE_IMPORTED);
  g_return_val_if_fail (id != NULL, PW_TEMPLATE_SOURCE_IMPORTED);

  entry = g_hash_table_lookup (self->entries, id);
  g_return_val_if_fail (entry != NULL, PW_TEMPLATE_SOURCE_IMPORTED);

  return entry->source;
}

/* The file name the template was read from, or NULL for an unknown id. */
const char *
pw_template_registry_get_display_name (PwTemplateRegistry *self,
                                       const char         *id)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL ? entry->doc->display_name : NULL;
}

PwTemplateDoc *
pw_template_registry_get_doc (PwTemplateRegistry *self,
                              const char         *id)
{
  Entry *entry = g_hash_table_lookup (self->entries, id);

  return entry != NULL ? entry->doc : NULL;
}

/**
 * pw_template_registry_lookup:
 *
 * Returns: (transfer full): the template @id with its `extends` resolved
 */
PwTemplate *
pw_template_registry_lookup (PwTemplateRegistry  *self,
                             const char          *id,
                             GError             **error)
{
  PwTemplate *template;
  Entry *entry;

  g_return_val_if_fail (PW_IS_TEMPLATE_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = g_hash_table_lookup (self->resolved, id);
  if (template != NULL)
    return g_object_ref (template);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry == NULL)
    {
      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_NOT_FOUND,
                   _("There is no template with the id “%s”."), id);
      return NULL;
    }

  template = pw_template_doc_resolve (entry->doc, self, error);
  if (template == NULL)
    return NULL;

  g_hash_table_insert (self->resolved, g_strdup (id), g_object_ref (template));
  return template;
}

/* The checker ------------------------------------------------------------ */

/* Templates beside the checked file come first, so an author can check a
 * variant against the base they are editing next to it. An id that two
 * files in the folder claim is ambiguous, and neither is used. */
static void
add_siblings (PwTemplateRegistry *self,
              const char         *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autoptr(GFile) checked = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_template_doc_unref);
  g_autoptr(GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  dir = g_dir_open (dirname, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL && names->len < MAX_SIBLINGS)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sibling = g_build_filename (dirname, g_ptr_array_index (names, i), NULL);
      g_autofree char *display_name = g_filename_display_name (sibling);
      g_autoptr(GFile) file = g_file_new_for_path (sibling);
      g_autoptr(GBytes) bytes = NULL;
      PwTemplateDoc *doc;

      if (g_file_equal (file, checked))
        continue;

      bytes = pw_template_read_file (sibling, NULL);
      doc = bytes != NULL ? pw_template_doc_parse (bytes, display_name, NULL) : NULL;
      if (doc == NULL)
        continue;

      g_ptr_array_add (docs, doc);
      g_hash_table_insert (count, doc->id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, doc->id)) + 1));
    }

  for (guint i = 0; i < docs->len; i++)
    {
      PwTemplateDoc *doc = g_ptr_array_index (docs, i);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (count, doc->id)) == 1)
        g_free (add_doc (self, doc, PW_TEMPLATE_SOURCE_IMPORTED, NULL));
    }
}

/**
 * pw_template_check_file:
 * @report: (out): on success, what `pathway --check-template` prints
 *
 * Loads and validates the template at @path, resolving `extends` against
 * the valid templates in the same folder and the shipped ones.
 */
gboolean
pw_template_check_file (const char  *path,
                        char       **report,
                        GError     **error)
{
  g_autoptr(PwTemplateRegistry) registry = pw_template_registry_new ();
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *languages;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  add_siblings (registry, path);
  pw_template_registry_add_shipped (registry, NULL);

  template = pw_template_new_from_path (path, registry, error);
  if (template == NULL)
    return FALSE;

  g_string_append_printf (out, _("OK: %s version %d"),
                          pw_template_get_id (template), pw_template_get_version (template));
  g_string_append_c (out, '\n');

  languages = pw_template_get_languages (template);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_auto(GStrv) missing = NULL;
      guint present, total, percent, n_missing;

      pw_template_get_completeness (template, languages[i], &present, &total);
      percent = total > 0 ? (guint) ((guint64) present * 100 / total) : 100;
      g_string_append_printf (out,
                              ngettext ("%s: %u%% (%u of %u text)",
                                        "%s: %u%% (%u of %u texts)", total),
                              languages[i], percent, present, total);
      g_string_append_c (out, '\n');

      missing = pw_template_get_missing (template, languages[i]);
      n_missing = g_strv_length (missing);
      for (guint j = 0; j < n_missing && j < 10; j++)
        {
          g_string_append_printf (out, _("  missing: %s"), missing[j]);
          g_string_append_c (out, '\n');
        }
      if (n_missing > 10)
        {
          g_string_append_printf (out, ngettext ("  … and %u more", "  … and %u more", n_missing - 10),
                                  n_missing - 10);
          g_string_append_c (out, '\n');
        }
    }

  *report = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}
