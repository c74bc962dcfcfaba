/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pw-enums.h"

G_BEGIN_DECLS

#define PW_TYPE_CONSENT (pw_consent_get_type ())

G_DECLARE_FINAL_TYPE (PwConsent, pw_consent, PW, CONSENT, GObject)

PwConsent      *pw_consent_new             (void);
PwConsent      *pw_consent_copy            (const PwConsent *self);
gint64          pw_consent_get_id          (const PwConsent *self);
void            pw_consent_set_id          (PwConsent *self,
                                            gint64     value);
gint64          pw_consent_get_survivor_id (const PwConsent *self);
void            pw_consent_set_survivor_id (PwConsent *self,
                                            gint64     value);
PwConsentScope  pw_consent_get_scope       (const PwConsent *self);
void            pw_consent_set_scope       (PwConsent      *self,
                                            PwConsentScope  value);
gint64          pw_consent_get_service_id  (const PwConsent *self);
void            pw_consent_set_service_id  (PwConsent *self,
                                            gint64     value);
PwConsentForm   pw_consent_get_form        (const PwConsent *self);
void            pw_consent_set_form        (PwConsent     *self,
                                            PwConsentForm  value);
PwConsentStatus pw_consent_get_status      (const PwConsent *self);
void            pw_consent_set_status      (PwConsent       *self,
                                            PwConsentStatus  value);
const char     *pw_consent_get_date        (const PwConsent *self);
void            pw_consent_set_date        (PwConsent  *self,
                                            const char *value);
const char     *pw_consent_get_expires     (const PwConsent *self);
void            pw_consent_set_expires     (PwConsent  *self,
                                            const char *value);
const char     *pw_consent_get_notes       (const PwConsent *self);
void            pw_consent_set_notes       (PwConsent  *self,
                                            const char *value);
gint64          pw_consent_get_created_at  (const PwConsent *self);
void            pw_consent_set_created_at  (PwConsent *self,
                                            gint64     value);
gint64          pw_consent_get_updated_at  (const PwConsent *self);
void            pw_consent_set_updated_at  (PwConsent *self,
                                            gint64     value);

G_END_DECLS
