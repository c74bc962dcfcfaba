/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pw-test-util.h"
#include "pw-types.h"

const char *
pw_test_source_root (void)
{
  const char *root = g_getenv ("PATHWAY_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

void
pw_test_init_gtk (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("PATHWAY_LOCALEDIR");

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A focused entry finalized while its cursor blinks makes GTK warn
   * (fatally in tests) that it "did not receive a focus-out event"; on a
   * loaded machine that happens at random. Nothing here tests blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  /* The title bar of a GNOME session (one close button), so screenshots and
   * the 400 px checks see what people see. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  adw_init ();
  pw_ensure_types ();
}

static gboolean
on_timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pw_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
pw_test_wait_for_frame (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (GTK_WIDGET (native)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (native)));

  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (native));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* Renders @widget as GTK draws it and writes build/screenshots/@name.png.
 * The PNGs are for a person to look at. */
char *
pw_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  pw_test_wait_for_frame (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);

  return g_steal_pointer (&file);
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
collect (GtkWidget *widget,
         GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_WINDOW_TITLE (widget))
    {
      add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      add_text (texts, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }

  add_text (texts, gtk_widget_get_tooltip_text (widget));

  if (GTK_IS_TEXT (widget))
    add_text (texts, gtk_text_get_placeholder_text (GTK_TEXT (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, texts);
}

/* Every string a person can see (labels, titles, placeholders, tooltips). */
GPtrArray *
pw_test_collect_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect (root, texts);
  return texts;
}

static const char *
widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

/* The first visible widget of @type below @root whose title, label or
 * button label is @text (NULL matches any). Tests drive the real widgets. */
GtkWidget *
pw_test_find (GtkWidget  *root,
              GType       type,
              const char *text)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *t = widget_text (root);

      if (text == NULL || g_strcmp0 (t, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pw_test_find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pw_test_find_with_class (GtkWidget  *root,
                         GType       type,
                         const char *css_class)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pw_test_find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
pw_test_set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Makes glibc drop translations cached for the previous language. */
  setlocale (LC_MESSAGES, "");
}

/* The one application of the test binary: GApplication registers once per
 * process. Transfer none. */
PwApplication *
pw_test_get_application (void)
{
  static PwApplication *app;

  if (app == NULL)
    {
      app = pw_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
    }
  return app;
}

/* The visible toplevel of @type (a dialog, a window), or NULL. */
GtkWindow *
pw_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* GTK keeps its own reference to every toplevel. */
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Clicks @button as a person would: it must be there and sensitive. */
void
pw_test_click_button (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* gtk_widget_activate() on a button clicks only after a 250 ms animation. */
  g_signal_emit_by_name (button, "clicked");
}

/* Clicks the visible button labelled @label below @root. */
void
pw_test_click (GtkWidget  *root,
               const char *label)
{
  GtkWidget *button = pw_test_find (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    {
      g_autoptr(GPtrArray) texts = pw_test_collect_texts (root);

      for (guint i = 0; i < texts->len; i++)
        g_test_message ("  visible: %s", (char *) g_ptr_array_index (texts, i));
      g_error ("no visible button “%s”", label);
    }
  pw_test_click_button (button);
}

void
pw_test_wait_until (gboolean (*condition) (gpointer),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_true (condition (data));
}

static char *
unescape_po (const char *quoted)
{
  g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);

  return g_strcompress (inner);
}

void
pw_test_po_entry_free (PwTestPoEntry *entry)
{
  g_free (entry->msgctxt);
  g_free (entry->msgid);
  g_strfreev (entry->msgstr);
  g_free (entry);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
add_entry (GPtrArray  *entries,
           GString   **msgctxt,
           GString   **msgid,
           GPtrArray  *msgstr)
{
  if (*msgid != NULL)
    {
      PwTestPoEntry *entry = g_new0 (PwTestPoEntry, 1);
      g_autoptr(GStrvBuilder) forms = g_strv_builder_new ();

      for (guint i = 0; i < msgstr->len; i++)
        g_strv_builder_add (forms, ((GString *) g_ptr_array_index (msgstr, i))->str);
      entry->msgctxt = *msgctxt != NULL ? g_string_free (g_steal_pointer (msgctxt), FALSE) : NULL;
      entry->msgid = g_string_free (g_steal_pointer (msgid), FALSE);
      entry->msgstr = g_strv_builder_end (forms);
      g_ptr_array_add (entries, entry);
    }
  if (*msgctxt != NULL)
    g_string_free (g_steal_pointer (msgctxt), TRUE);
  g_ptr_array_set_size (msgstr, 0);
}

/* Our catalogue for @language (po/@language.po), entry by entry in the
 * file's order, the header included and obsolete entries left out. */
GPtrArray *
pw_test_load_po (const char *language)
{
  g_autofree char *path = g_strdup_printf ("%s/po/%s.po", pw_test_source_root (), language);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_test_po_entry_free);
  GString *msgctxt = NULL;
  GString *msgid = NULL;
  g_autoptr(GPtrArray) msgstr = g_ptr_array_new_with_free_func (string_free);
  GString *current = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote = strchr (line, '"');
      g_autofree char *part = quote != NULL && line[0] != '#' ? unescape_po (quote) : NULL;

      if (part == NULL)
        current = NULL;
      else if (g_str_has_prefix (line, "msgctxt \""))
        {
          add_entry (entries, &msgctxt, &msgid, msgstr);
          current = msgctxt = g_string_new (part);
        }
      else if (g_str_has_prefix (line, "msgid \""))
        {
          /* After its msgctxt, a msgid is still the same entry. */
          if (msgid != NULL)
            add_entry (entries, &msgctxt, &msgid, msgstr);
          current = msgid = g_string_new (part);
        }
      else if (g_str_has_prefix (line, "msgstr \"") || g_str_has_prefix (line, "msgstr["))
        {
          current = g_string_new (part);
          g_ptr_array_add (msgstr, current);
        }
      else if (line[0] == '"' && current != NULL)
        g_string_append (current, part);
      else
        current = NULL;
    }
  add_entry (entries, &msgctxt, &msgid, msgstr);
  return entries;
}

/* Labels show mnemonics without their underscore. */
static char *
without_mnemonics (const char *text)
{
  GString *plain = g_string_new (text);

  g_string_replace (plain, "_", "", 0);
  return g_string_free (plain, FALSE);
}

/* Our own catalogue's msgids (po/@language.po), with and without mnemonic
 * underscores, so a test can tell our untranslated strings from a
 * toolkit's. */
GHashTable *
pw_test_load_msgids (const char *language)
{
  g_autoptr(GPtrArray) entries = pw_test_load_po (language);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PwTestPoEntry *entry = g_ptr_array_index (entries, i);

      if (*entry->msgid == '\0')
        continue;
      g_hash_table_add (set, g_strdup (entry->msgid));
      g_hash_table_add (set, without_mnemonics (entry->msgid));
    }
  return set;
}

/* Our catalogue for @language (po/@language.po): msgid → translation (the
 * first plural form), with and without mnemonic underscores. */
GHashTable *
pw_test_load_catalog (const char *language)
{
  g_autoptr(GPtrArray) entries = pw_test_load_po (language);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      PwTestPoEntry *entry = g_ptr_array_index (entries, i);
      const char *translation = entry->msgstr[0];

      if (*entry->msgid == '\0' || translation == NULL || *translation == '\0')
        continue;
      g_hash_table_insert (table, g_strdup (entry->msgid), g_strdup (translation));
      g_hash_table_insert (table, without_mnemonics (entry->msgid), without_mnemonics (translation));
    }
  return table;
}

/* The languages in po/LINGUAS, in its order. */
GStrv
pw_test_languages (void)
{
  g_autofree char *path = g_build_filename (pw_test_source_root (), "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}
