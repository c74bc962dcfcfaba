/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-ui-files"

#include "config.h"

#include "pw-test-util.h"

/* Every class a .ui file names must exist at the floor's API level
 * (GTK 4.8, libadwaita 1.2): the build cannot catch a newer widget in XML. */
static GPtrArray *
unknown_classes (const char *path)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *unknown = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  regex = g_regex_new ("(?:class|parent)=\"([A-Za-z0-9_]+)\"", 0, 0, &error);
  g_assert_no_error (error);

  g_regex_match (regex, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);

      /* <style><class name="…"/> is CSS, not a type. */
      if (g_ascii_isupper (name[0]) &&
          gtk_builder_get_type_from_name (builder, name) == G_TYPE_INVALID)
        g_ptr_array_add (unknown, g_steal_pointer (&name));
      g_match_info_next (match, NULL);
    }

  return unknown;
}

static char *
template_class (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<template class=\"([A-Za-z0-9_]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  if (g_regex_match (regex, contents, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

static void
instantiate (const char *path)
{
  g_autofree char *klass = template_class (path);

  if (klass != NULL)
    {
      GType type = g_type_from_name (klass);
      GObject *object;

      g_assert_true (type != G_TYPE_INVALID);
      object = g_object_new (type, NULL);
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        g_object_unref (g_object_ref_sink (object));
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      GSList *objects;

      gtk_builder_add_from_file (builder, path, &error);
      g_assert_no_error (error);
      objects = gtk_builder_get_objects (builder);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (GTK_WINDOW (l->data));
      g_slist_free (objects);
    }
}

static void
collect_ui_files (const char *dir,
                  GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_ui_files (path, files);
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) unknown = unknown_classes (path);

  for (guint i = 0; i < unknown->len; i++)
    g_test_message ("%s names %s, which GTK 4.8 / libadwaita 1.2 do not have",
                    path, (char *) g_ptr_array_index (unknown, i));
  g_assert_cmpuint (unknown->len, ==, 0);

  instantiate (path);
}

static void
test_ui_newer_widget_rejected (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "newer-widget.ui", NULL);
  g_autoptr(GPtrArray) unknown = unknown_classes (path);

  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "AdwToolbarView");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ui_dir = NULL;

  pw_test_init_gtk (&argc, &argv);

  ui_dir = g_build_filename (pw_test_source_root (), "ui", NULL);
  collect_ui_files (ui_dir, files);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *rel = g_strdup (path + strlen (ui_dir) + 1);
      g_autofree char *test_path = NULL;

      g_strdelimit (rel, "/.", '-');
      test_path = g_strdup_printf ("/ui-files/instantiate/%s", rel);
      g_test_add_data_func (test_path, path, test_ui_file);
    }
  g_test_add_func ("/ui-files/newer-widget-rejected", test_ui_newer_widget_rejected);

  return g_test_run ();
}
