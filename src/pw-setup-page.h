/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_TYPE_SETUP_PAGE (pw_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (PwSetupPage, pw_setup_page, PW, SETUP_PAGE, AdwBin)

void pw_setup_page_reset        (PwSetupPage *self);
void pw_setup_page_set_busy     (PwSetupPage *self,
                                 gboolean     busy);
void pw_setup_page_report_error (PwSetupPage *self,
                                 const char  *message);

G_END_DECLS
