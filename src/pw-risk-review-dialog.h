/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_RISK_REVIEW_DIALOG (pw_risk_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwRiskReviewDialog, pw_risk_review_dialog, PW, RISK_REVIEW_DIALOG, AdwWindow)

/* Why a risk review is done: the values stored as an assessment's
 * review trigger. */
#define PW_RISK_TRIGGER_INTAKE    "intake"
#define PW_RISK_TRIGGER_SCHEDULED "scheduled"
#define PW_RISK_TRIGGER_RESIDENCE "residence"
#define PW_RISK_TRIGGER_WORK      "work"
#define PW_RISK_TRIGGER_AREA      "area"
#define PW_RISK_TRIGGER_OTHER     "other"

/* A new risk assessment of survivor @survivor_id: date, assessor, level,
 * factors from the checklist, notes, next review. Modal over @parent's
 * window; emits ::saved (gint64 assessment id) and closes once stored;
 * closes when the vault locks. The survivor editor asks for the first
 * one with PW_RISK_TRIGGER_INTAKE. */
PwRiskReviewDialog *pw_risk_review_dialog_new     (GtkWidget          *parent,
                                                   PwSession          *session,
                                                   gint64              survivor_id);
void                pw_risk_review_dialog_set_trigger (PwRiskReviewDialog *self,
                                                       const char         *trigger);
/* As if Save were pressed; TRUE if it was stored. */
gboolean            pw_risk_review_dialog_save    (PwRiskReviewDialog *self);

/* The checklist's factor ids, NULL-terminated ("other" last). */
const char * const *pw_risk_review_factor_ids     (void);
/* A stored factor in words: a checklist id, or "other:<her words>". */
char               *pw_risk_review_factor_label   (const char         *factor);
/* A stored review trigger in words, or NULL for none. */
const char         *pw_risk_review_trigger_label  (const char         *trigger);
const char         *pw_risk_level_label           (int                 level);

G_END_DECLS
