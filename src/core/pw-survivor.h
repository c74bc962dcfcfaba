/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_SURVIVOR (pw_survivor_get_type ())

G_DECLARE_FINAL_TYPE (PwSurvivor, pw_survivor, PW, SURVIVOR, GObject)

PwSurvivor          *pw_survivor_new                    (void);
PwSurvivor          *pw_survivor_copy                   (const PwSurvivor *self);
gint64               pw_survivor_get_id                 (const PwSurvivor *self);
void                 pw_survivor_set_id                 (PwSurvivor *self,
                                                         gint64      value);
const char          *pw_survivor_get_case_code          (const PwSurvivor *self);
void                 pw_survivor_set_case_code          (PwSurvivor *self,
                                                         const char *value);
const char          *pw_survivor_get_alias              (const PwSurvivor *self);
void                 pw_survivor_set_alias              (PwSurvivor *self,
                                                         const char *value);
int                  pw_survivor_get_birth_year         (const PwSurvivor *self);
void                 pw_survivor_set_birth_year         (PwSurvivor *self,
                                                         int         value);
const char          *pw_survivor_get_country            (const PwSurvivor *self);
void                 pw_survivor_set_country            (PwSurvivor *self,
                                                         const char *value);
const char * const  *pw_survivor_get_languages          (const PwSurvivor *self);
void                 pw_survivor_set_languages          (PwSurvivor         *self,
                                                         const char * const *value);
const char          *pw_survivor_get_preferred_language (const PwSurvivor *self);
void                 pw_survivor_set_preferred_language (PwSurvivor *self,
                                                         const char *value);
const char          *pw_survivor_get_template_id        (const PwSurvivor *self);
void                 pw_survivor_set_template_id        (PwSurvivor *self,
                                                         const char *value);
const char          *pw_survivor_get_key_worker         (const PwSurvivor *self);
void                 pw_survivor_set_key_worker         (PwSurvivor *self,
                                                         const char *value);
const char          *pw_survivor_get_intake_date        (const PwSurvivor *self);
void                 pw_survivor_set_intake_date        (PwSurvivor *self,
                                                         const char *value);
PwSurvivorStatus     pw_survivor_get_status             (const PwSurvivor *self);
void                 pw_survivor_set_status             (PwSurvivor       *self,
                                                         PwSurvivorStatus  value);
PwCloseReason        pw_survivor_get_close_reason       (const PwSurvivor *self);
void                 pw_survivor_set_close_reason       (PwSurvivor    *self,
                                                         PwCloseReason  value);
const char          *pw_survivor_get_current_stage      (const PwSurvivor *self);
void                 pw_survivor_set_current_stage      (PwSurvivor *self,
                                                         const char *value);
/* Computed by the store when it loads her (never saved): plan items past
 * their due date and not achieved, paused or dropped; whether her latest
 * risk assessment's next review date has passed. */
int                  pw_survivor_get_overdue_items      (const PwSurvivor *self);
void                 pw_survivor_set_overdue_items      (PwSurvivor *self,
                                                         int         value);
gboolean             pw_survivor_get_review_due         (const PwSurvivor *self);
void                 pw_survivor_set_review_due         (PwSurvivor *self,
                                                         gboolean    value);
gint64               pw_survivor_get_created_at         (const PwSurvivor *self);
void                 pw_survivor_set_created_at         (PwSurvivor *self,
                                                         gint64      value);
gint64               pw_survivor_get_updated_at         (const PwSurvivor *self);
void                 pw_survivor_set_updated_at         (PwSurvivor *self,
                                                         gint64      value);

G_END_DECLS
