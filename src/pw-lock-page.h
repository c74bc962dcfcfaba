/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_TYPE_LOCK_PAGE (pw_lock_page_get_type ())

G_DECLARE_FINAL_TYPE (PwLockPage, pw_lock_page, PW, LOCK_PAGE, AdwBin)

void  pw_lock_page_reset            (PwLockPage *self);
void  pw_lock_page_set_busy         (PwLockPage *self,
                                     gboolean    busy);
void  pw_lock_page_report_failure   (PwLockPage *self,
                                     const char *message);
guint pw_lock_page_backoff_seconds  (guint       failures);

G_END_DECLS
