/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PW_ISO_COUNTRY,   /* ISO 3166-1 alpha-2, upper case: "NG" */
  PW_ISO_LANGUAGE,  /* living languages: ISO 639-1 when there is one ("en"), else 639-3 ("pcm") */
} PwIsoKind;

#define PW_TYPE_ISO_CODES (pw_iso_codes_get_type ())

G_DECLARE_FINAL_TYPE (PwIsoCodes, pw_iso_codes, PW, ISO_CODES, GObject)

/* Countries and languages from Debian's iso-codes data (@json_dir holds
 * iso_3166-1.json and iso_639-3.json; NULL looks in the system data
 * folders), with names translated through the iso-codes gettext domains. */
PwIsoCodes  *pw_iso_codes_new          (const char  *json_dir,
                                        GError     **error);
/* Loaded on first use; empty (and logged) if the data is missing. */
PwIsoCodes  *pw_iso_codes_get_default  (void);

/* Every code of @kind, sorted by name in the interface language. */
char       **pw_iso_codes_dup_codes    (PwIsoCodes  *self,
                                        PwIsoKind    kind);
gboolean     pw_iso_codes_contains     (PwIsoCodes  *self,
                                        PwIsoKind    kind,
                                        const char  *code);
/* The name in the interface language; @code itself when unknown. */
const char  *pw_iso_codes_get_name     (PwIsoCodes  *self,
                                        PwIsoKind    kind,
                                        const char  *code);
/* Whether each word of @query starts a word of the name (translated or
 * English, or another name the standard gives) or is the code; case and
 * accents ignored. */
gboolean     pw_iso_codes_matches      (PwIsoCodes  *self,
                                        PwIsoKind    kind,
                                        const char  *code,
                                        const char  *query);
/* The code and every name of @code (translated, English and the other
 * names the standard gives) in one string, for a search index. */
char        *pw_iso_codes_dup_search_text (PwIsoCodes  *self,
                                           PwIsoKind    kind,
                                           const char  *code);
/* Names of @codes joined with ", ", in the interface language. */
char        *pw_iso_codes_join_names   (PwIsoCodes         *self,
                                        PwIsoKind           kind,
                                        const char * const *codes);

G_END_DECLS
