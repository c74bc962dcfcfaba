/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_TYPE_DATE_BUTTON (pw_date_button_get_type ())

G_DECLARE_FINAL_TYPE (PwDateButton, pw_date_button, PW, DATE_BUTTON, GtkWidget)

/* A button that shows a date as the locale writes it and opens a
 * calendar; the date is "YYYY-MM-DD" or NULL (none chosen). */
GtkWidget  *pw_date_button_new       (void);
const char *pw_date_button_get_date  (PwDateButton *self);
void        pw_date_button_set_date  (PwDateButton *self,
                                      const char   *date);
void        pw_date_button_set_empty_label (PwDateButton *self,
                                            const char   *label);

G_END_DECLS
