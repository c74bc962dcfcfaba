/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_TYPE_DEMO_BANNER (pw_demo_banner_get_type ())

G_DECLARE_FINAL_TYPE (PwDemoBanner, pw_demo_banner, PW, DEMO_BANNER, AdwBin)

G_END_DECLS
