/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pw-her-plan.h"
#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_PLAN_PRINTER (pw_plan_printer_get_type ())
G_DECLARE_FINAL_TYPE (PwPlanPrinter, pw_plan_printer, PW, PLAN_PRINTER, GtkPrintOperation)

/* Her plan on paper, in her language: where she is on the pathway, her
 * goals in her order and words, her next steps with dates and who helps,
 * what she has achieved, and — only if she agrees — the contact of her
 * service. Nothing about risk, notes, consents or other people. The
 * footer gives the date and her case code; never her alias, which may be
 * a name someone who finds the paper recognises (the case code means
 * nothing outside the service). */
PwPlanPrinter *pw_plan_printer_new          (PwHerPlan     *plan);

PwHerPlan     *pw_plan_printer_get_plan     (PwPlanPrinter *self);
/* NULL or "": no contact on the paper. */
void           pw_plan_printer_set_contact  (PwPlanPrinter *self,
                                             const char    *contact);
const char    *pw_plan_printer_get_contact  (PwPlanPrinter *self);
/* "YYYY-MM-DD" of the footer's date; NULL: today. For tests. */
void           pw_plan_printer_set_today    (PwPlanPrinter *self,
                                             const char    *today);

/* Writes the PDF to @path without a dialog. */
gboolean       pw_plan_printer_export_pdf   (PwPlanPrinter *self,
                                             const char    *path,
                                             GError       **error);

/* Opens the print dialog for her plan over @parent (which can also save a
 * PDF). Problems are reported in a dialog. */
void           pw_plan_printer_run_dialog   (GtkWindow     *parent,
                                             PwSession     *session,
                                             gint64         survivor_id);

G_END_DECLS
