/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-application.h"

G_BEGIN_DECLS

/* One entry of a .po file; @msgstr holds the "msgstr", or the
 * "msgstr[0]", "msgstr[1]"… of a plural, in the file's order. */
typedef struct
{
  char  *msgctxt;
  char  *msgid;
  GStrv  msgstr;
} PwTestPoEntry;

void           pw_test_init_gtk        (int             *argc,
                                        char          ***argv);
void           pw_test_wait_for_frame  (GtkWidget       *widget);
void           pw_test_iterate         (guint            ms);
char          *pw_test_screenshot      (GtkWidget       *widget,
                                        const char      *name);
GPtrArray     *pw_test_collect_texts   (GtkWidget       *root);
const char    *pw_test_source_root     (void);
GtkWidget     *pw_test_find            (GtkWidget       *root,
                                        GType            type,
                                        const char      *text);
GtkWidget     *pw_test_find_with_class (GtkWidget       *root,
                                        GType            type,
                                        const char      *css_class);
GtkWindow     *pw_test_find_toplevel   (GType            type);
void           pw_test_click           (GtkWidget       *root,
                                        const char      *label);
void           pw_test_click_button    (GtkWidget       *button);
void           pw_test_set_language    (const char      *language);
PwApplication *pw_test_get_application (void);
GPtrArray     *pw_test_load_po         (const char      *language);
void           pw_test_po_entry_free   (PwTestPoEntry   *entry);
GHashTable    *pw_test_load_msgids     (const char      *language);
GHashTable    *pw_test_load_catalog    (const char      *language);
GStrv          pw_test_languages       (void);
void           pw_test_wait_until      (gboolean       (*condition) (gpointer),
                                        gpointer         data,
                                        guint            timeout_ms);

G_END_DECLS
