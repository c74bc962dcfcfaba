/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_REFERRAL (pw_referral_get_type ())

G_DECLARE_FINAL_TYPE (PwReferral, pw_referral, PW, REFERRAL, GObject)

PwReferral      *pw_referral_new                   (void);
PwReferral      *pw_referral_copy                  (const PwReferral *self);
gint64           pw_referral_get_id                (const PwReferral *self);
void             pw_referral_set_id                (PwReferral *self,
                                                    gint64      value);
gint64           pw_referral_get_survivor_id       (const PwReferral *self);
void             pw_referral_set_survivor_id       (PwReferral *self,
                                                    gint64      value);
gint64           pw_referral_get_service_id        (const PwReferral *self);
void             pw_referral_set_service_id        (PwReferral *self,
                                                    gint64      value);
gint64           pw_referral_get_plan_item_id      (const PwReferral *self);
void             pw_referral_set_plan_item_id      (PwReferral *self,
                                                    gint64      value);
gint64           pw_referral_get_consent_id        (const PwReferral *self);
void             pw_referral_set_consent_id        (PwReferral *self,
                                                    gint64      value);
const char      *pw_referral_get_no_consent_reason (const PwReferral *self);
void             pw_referral_set_no_consent_reason (PwReferral *self,
                                                    const char *value);
const char      *pw_referral_get_date              (const PwReferral *self);
void             pw_referral_set_date              (PwReferral *self,
                                                    const char *value);
PwReferralStatus pw_referral_get_status            (const PwReferral *self);
void             pw_referral_set_status            (PwReferral       *self,
                                                    PwReferralStatus  value);
const char      *pw_referral_get_outcome           (const PwReferral *self);
void             pw_referral_set_outcome           (PwReferral *self,
                                                    const char *value);
gint64           pw_referral_get_created_at        (const PwReferral *self);
void             pw_referral_set_created_at        (PwReferral *self,
                                                    gint64      value);
gint64           pw_referral_get_updated_at        (const PwReferral *self);
void             pw_referral_set_updated_at        (PwReferral *self,
                                                    gint64      value);

G_END_DECLS
