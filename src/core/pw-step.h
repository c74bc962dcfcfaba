/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PW_TYPE_STEP (pw_step_get_type ())
G_DECLARE_FINAL_TYPE (PwStep, pw_step, PW, STEP, GObject)

/* Texts: @lang NULL means the interface language (see pw_template_get_ui_language());
 * a language the step has no text for falls back to English. */
const char *pw_step_get_id                 (PwStep     *self);
const char *pw_step_get_stage_id           (PwStep     *self);
const char *pw_step_get_domain_id          (PwStep     *self);
const char *pw_step_get_title              (PwStep     *self,
                                            const char *lang);
const char *pw_step_get_description        (PwStep     *self,
                                            const char *lang);
const char *pw_step_get_survivor_role      (PwStep     *self,
                                            const char *lang);
const char *pw_step_get_community_role     (PwStep     *self,
                                            const char *lang);
guint       pw_step_get_n_references       (PwStep     *self);
const char *pw_step_get_reference_label    (PwStep     *self,
                                            guint       index,
                                            const char *lang);
const char *pw_step_get_reference_country  (PwStep     *self,
                                            guint       index);
const char *pw_step_get_reference_url      (PwStep     *self,
                                            guint       index);

G_END_DECLS
