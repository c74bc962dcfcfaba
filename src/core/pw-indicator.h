/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PW_TYPE_INDICATOR (pw_indicator_get_type ())
G_DECLARE_FINAL_TYPE (PwIndicator, pw_indicator, PW, INDICATOR, GObject)

#define PW_INDICATOR_N_LEVELS 5

const char *pw_indicator_get_id        (PwIndicator *self);
const char *pw_indicator_get_domain_id (PwIndicator *self);
const char *pw_indicator_get_name      (PwIndicator *self,
                                        const char  *lang);
const char *pw_indicator_get_question  (PwIndicator *self,
                                        const char  *lang);
const char *pw_indicator_get_level     (PwIndicator *self,
                                        guint        level,
                                        const char  *lang);

G_END_DECLS
