/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The interface strings of one language, read straight from its compiled
 * gettext catalogue (.mo), so a survivor-facing view or a printed plan can
 * speak her language while the process locale, LANGUAGE and everything
 * else stay in the worker's language.
 *
 * Lookups never fail: a message the catalogue lacks comes back in English
 * (the msgid), and a NULL catalogue means "the interface language", i.e.
 * the process's own gettext. Call sites mark their strings for xgettext
 * with the keywords pw_catalog_gettext:2, pw_catalog_ngettext:2,3 and
 * pw_catalog_pgettext:2c,3. */

#define PW_CATALOG_ERROR (pw_catalog_error_quark ())

typedef enum
{
  PW_CATALOG_ERROR_NOT_FOUND,   /* no catalogue for that language */
  PW_CATALOG_ERROR_INVALID,     /* not a .mo file, or a damaged one */
} PwCatalogError;

GQuark pw_catalog_error_quark (void);

#define PW_TYPE_CATALOG (pw_catalog_get_type ())
G_DECLARE_FINAL_TYPE (PwCatalog, pw_catalog, PW, CATALOG, GObject)

/* PATHWAY_LOCALEDIR when set (uninstalled runs, tests), else LOCALEDIR:
 * the same directory main() binds the text domain to. */
const char *pw_catalog_get_default_localedir (void);

/* An empty catalogue: every lookup answers in English. */
PwCatalog  *pw_catalog_new_english       (void);
PwCatalog  *pw_catalog_new_from_bytes    (GBytes      *bytes,
                                          const char  *language,
                                          GError     **error);
/* @localedir NULL: the default one. @language is an ISO 639 code, maybe
 * with a region ("pt_BR", "es-ES"): the region's catalogue first, then
 * the language's. "en" and "C" give the English catalogue. */
PwCatalog  *pw_catalog_new_for_language  (const char  *localedir,
                                          const char  *language,
                                          GError     **error);
/* Shared, loaded once per language from the default locale directory;
 * never NULL (English when there is no catalogue for @language). */
PwCatalog  *pw_catalog_get_for_language  (const char  *language);

const char *pw_catalog_get_language      (PwCatalog   *self);
guint       pw_catalog_get_n_messages    (PwCatalog   *self);
guint       pw_catalog_get_n_plurals     (PwCatalog   *self);
/* Which plural form the catalogue uses for @n (its Plural-Forms header). */
gulong      pw_catalog_get_plural_index  (PwCatalog   *self,
                                          gulong       n);
gboolean    pw_catalog_has_message       (PwCatalog   *self,
                                          const char  *msgid);

/* Like gettext, they tell the compiler a translation keeps the msgid's
 * printf format, so -Wformat checks the call sites. */
const char *pw_catalog_gettext           (PwCatalog   *self,
                                          const char  *msgid) G_GNUC_FORMAT (2);
const char *pw_catalog_ngettext          (PwCatalog   *self,
                                          const char  *msgid,
                                          const char  *msgid_plural,
                                          gulong       n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
const char *pw_catalog_pgettext          (PwCatalog   *self,
                                          const char  *context,
                                          const char  *msgid) G_GNUC_FORMAT (3);

/* A date ("YYYY-MM-DD") as people write it in the catalogue's language,
 * e.g. "3 March 2026", "3 marzo 2026", "3 de marzo de 2026", through the
 * catalogue's own month names and pattern. NULL if @date is not a date. */
char       *pw_catalog_format_date       (PwCatalog   *self,
                                          const char  *date);

/* The plural expression evaluator, for tests: evaluates a Plural-Forms
 * "plural=" expression (C syntax over n) at @n. FALSE if it does not parse. */
gboolean    pw_plural_expression_eval    (const char  *expression,
                                          gulong       n,
                                          gulong      *result);

G_END_DECLS
