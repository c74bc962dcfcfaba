/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-domain.h"
#include "pw-indicator.h"
#include "pw-stage.h"
#include "pw-step.h"

G_BEGIN_DECLS

#define PW_TEMPLATE_ERROR (pw_template_error_quark ())

typedef enum
{
  PW_TEMPLATE_ERROR_INVALID_JSON,
  PW_TEMPLATE_ERROR_INVALID_FORMAT,
  PW_TEMPLATE_ERROR_UNSUPPORTED_VERSION,
  PW_TEMPLATE_ERROR_MISSING_MEMBER,
  PW_TEMPLATE_ERROR_WRONG_TYPE,
  PW_TEMPLATE_ERROR_UNKNOWN_MEMBER,
  PW_TEMPLATE_ERROR_DUPLICATE_MEMBER,
  PW_TEMPLATE_ERROR_DUPLICATE_ID,
  PW_TEMPLATE_ERROR_UNKNOWN_REFERENCE,
  PW_TEMPLATE_ERROR_INVALID_VALUE,
  PW_TEMPLATE_ERROR_TOO_LARGE,
  PW_TEMPLATE_ERROR_EXTENDS_CYCLE,
  PW_TEMPLATE_ERROR_EXTENDS_MISSING,
  PW_TEMPLATE_ERROR_ORPHANED_STEPS,
  PW_TEMPLATE_ERROR_NOT_NEWER,
  PW_TEMPLATE_ERROR_EXISTS,
  PW_TEMPLATE_ERROR_NOT_FOUND,
} PwTemplateError;

GQuark pw_template_error_quark (void);

/* The largest template file the loader accepts. */
#define PW_TEMPLATE_MAX_FILE_SIZE (4 * 1024 * 1024)

#define PW_TYPE_TEMPLATE (pw_template_get_type ())
G_DECLARE_FINAL_TYPE (PwTemplate, pw_template, PW, TEMPLATE, GObject)

typedef struct _PwTemplateRegistry PwTemplateRegistry;

/* @registry (nullable) provides the templates an `extends` may name. */
PwTemplate         *pw_template_new_from_bytes    (GBytes              *bytes,
                                                   const char          *display_name,
                                                   PwTemplateRegistry  *registry,
                                                   GError             **error);
PwTemplate         *pw_template_new_from_path     (const char          *path,
                                                   PwTemplateRegistry  *registry,
                                                   GError             **error);
PwTemplate         *pw_template_new_from_resource (const char          *resource_path,
                                                   PwTemplateRegistry  *registry,
                                                   GError             **error);

const char         *pw_template_get_id            (PwTemplate          *self);
int                 pw_template_get_version       (PwTemplate          *self);
const char         *pw_template_get_extends       (PwTemplate          *self);
const char * const *pw_template_get_languages     (PwTemplate          *self);
gboolean            pw_template_has_language      (PwTemplate          *self,
                                                   const char          *lang);
const char         *pw_template_get_ui_language   (PwTemplate          *self);
const char         *pw_template_get_name          (PwTemplate          *self,
                                                   const char          *lang);
const char         *pw_template_get_description   (PwTemplate          *self,
                                                   const char          *lang);

GListModel         *pw_template_get_domains       (PwTemplate          *self);
GListModel         *pw_template_get_stages        (PwTemplate          *self);
GListModel         *pw_template_get_indicators    (PwTemplate          *self);
PwDomain           *pw_template_lookup_domain     (PwTemplate          *self,
                                                   const char          *id);
PwStage            *pw_template_lookup_stage      (PwTemplate          *self,
                                                   const char          *id);
PwStep             *pw_template_lookup_step       (PwTemplate          *self,
                                                   const char          *id);
PwIndicator        *pw_template_lookup_indicator  (PwTemplate          *self,
                                                   const char          *id);

guint               pw_template_get_n_texts       (PwTemplate          *self);
char              **pw_template_get_missing       (PwTemplate          *self,
                                                   const char          *lang);
double              pw_template_get_completeness  (PwTemplate          *self,
                                                   const char          *lang,
                                                   guint               *n_present,
                                                   guint               *n_total);

gboolean            pw_template_check_update      (PwTemplate          *old_template,
                                                   PwTemplate          *new_template,
                                                   const char * const  *used_step_ids,
                                                   GError             **error);

G_END_DECLS
