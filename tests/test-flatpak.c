/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-flatpak"

#include "config.h"

#include <json-glib/json-glib.h>

#include "pw-test-util.h"

/* The manifest cannot be built here (no route to the Flatpak remotes), so this
 * checks what a broken edit would most likely break. */
static void
test_flatpak_manifest (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (pw_test_source_root (), "flatpak", BASE_ID ".json", NULL);
  JsonObject *root;
  JsonArray *modules, *finish_args;
  gboolean have_sodium = FALSE, have_sqlcipher = FALSE, have_app = FALSE;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "app-id"), ==, BASE_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "command"), ==, "pathway");
  g_assert_cmpstr (json_object_get_string_member (root, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (root, "runtime-version"), ==, "47");

  finish_args = json_object_get_array_member (root, "finish-args");
  for (guint i = 0; i < json_array_get_length (finish_args); i++)
    {
      const char *arg = json_array_get_string_element (finish_args, i);

      g_assert_false (g_str_has_prefix (arg, "--share=network"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem"));
      g_assert_false (g_str_has_prefix (arg, "--device=all"));
    }

  modules = json_object_get_array_member (root, "modules");
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      const char *name = json_object_get_string_member (module, "name");
      JsonArray *sources = json_object_get_array_member (module, "sources");

      g_assert_nonnull (sources);
      if (g_str_equal (name, "libsodium"))
        have_sodium = TRUE;
      else if (g_str_equal (name, "sqlcipher"))
        have_sqlcipher = TRUE;
      else if (g_str_equal (name, "pathway"))
        have_app = TRUE;

      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonObject *source = json_array_get_object_element (sources, j);

          if (g_str_equal (json_object_get_string_member (source, "type"), "archive"))
            g_assert_cmpuint (strlen (json_object_get_string_member (source, "sha256")), ==, 64);
        }
    }
  g_assert_true (have_sodium);
  g_assert_true (have_sqlcipher);
  g_assert_true (have_app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/flatpak/manifest", test_flatpak_manifest);

  return g_test_run ();
}
