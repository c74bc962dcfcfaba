/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PW_TYPE_DOMAIN (pw_domain_get_type ())
G_DECLARE_FINAL_TYPE (PwDomain, pw_domain, PW, DOMAIN, GObject)

const char *pw_domain_get_id        (PwDomain   *self);
const char *pw_domain_get_icon_name (PwDomain   *self);
const char *pw_domain_get_name      (PwDomain   *self,
                                     const char *lang);

G_END_DECLS
