/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_SERVICE (pw_service_get_type ())

G_DECLARE_FINAL_TYPE (PwService, pw_service, PW, SERVICE, GObject)

PwService           *pw_service_new            (void);
PwService           *pw_service_copy           (const PwService *self);
gint64               pw_service_get_id         (const PwService *self);
void                 pw_service_set_id         (PwService *self,
                                                gint64     value);
const char          *pw_service_get_name       (const PwService *self);
void                 pw_service_set_name       (PwService  *self,
                                                const char *value);
const char          *pw_service_get_kind       (const PwService *self);
void                 pw_service_set_kind       (PwService  *self,
                                                const char *value);
const char          *pw_service_get_contact    (const PwService *self);
void                 pw_service_set_contact    (PwService  *self,
                                                const char *value);
const char * const  *pw_service_get_languages  (const PwService *self);
void                 pw_service_set_languages  (PwService          *self,
                                                const char * const *value);
const char          *pw_service_get_notes      (const PwService *self);
void                 pw_service_set_notes      (PwService  *self,
                                                const char *value);
gint64               pw_service_get_created_at (const PwService *self);
void                 pw_service_set_created_at (PwService *self,
                                                gint64     value);
gint64               pw_service_get_updated_at (const PwService *self);
void                 pw_service_set_updated_at (PwService *self,
                                                gint64     value);

G_END_DECLS
