/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-template.h"

G_BEGIN_DECLS

/* Every file in this resource folder is a shipped template. */
#define PW_TEMPLATE_RESOURCE_DIR "/org/pathwaytool/Pathway/templates/"

typedef enum
{
  PW_TEMPLATE_SOURCE_SHIPPED,
  PW_TEMPLATE_SOURCE_IMPORTED,
} PwTemplateSource;

#define PW_TYPE_TEMPLATE_REGISTRY (pw_template_registry_get_type ())
G_DECLARE_FINAL_TYPE (PwTemplateRegistry, pw_template_registry, PW, TEMPLATE_REGISTRY, GObject)

PwTemplateRegistry *pw_template_registry_new              (void);
gboolean            pw_template_registry_add_shipped      (PwTemplateRegistry  *self,
                                                           GError             **error);
char               *pw_template_registry_add_bytes        (PwTemplateRegistry  *self,
                                                           GBytes              *bytes,
                                                           const char          *display_name,
                                                           PwTemplateSource     source,
                                                           GError             **error);
char               *pw_template_registry_add_path         (PwTemplateRegistry  *self,
                                                           const char          *path,
                                                           PwTemplateSource     source,
                                                           GError             **error);
gboolean            pw_template_registry_remove           (PwTemplateRegistry  *self,
                                                           const char          *id);
gboolean            pw_template_registry_contains         (PwTemplateRegistry  *self,
                                                           const char          *id);
char              **pw_template_registry_dup_ids          (PwTemplateRegistry  *self);
PwTemplateSource    pw_template_registry_get_source       (PwTemplateRegistry  *self,
                                                           const char          *id);
const char         *pw_template_registry_get_display_name (PwTemplateRegistry  *self,
                                                           const char          *id);
PwTemplate         *pw_template_registry_lookup           (PwTemplateRegistry  *self,
                                                           const char          *id,
                                                           GError             **error);

gboolean            pw_template_check_file                (const char          *path,
                                                           char               **report,
                                                           GError             **error);

G_END_DECLS
