/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-exchange.h"

G_BEGIN_DECLS

/* A case file read and validated in full: nothing in a vault has been
 * touched yet. It answers what the import preview shows, and imports
 * itself in one transaction. */

#define PW_TYPE_EXCHANGE_FILE (pw_exchange_file_get_type ())

G_DECLARE_FINAL_TYPE (PwExchangeFile, pw_exchange_file, PW, EXCHANGE_FILE, GObject)

typedef struct
{
  /* Texts for this interface language from the file's "translations"
   * (example files); NULL: the texts as written. */
  const char *language;
  /* "YYYY-MM-DD": move every date and time by the days between the
   * file's export date and this one (example files stay current). */
  const char *today;
} PwExchangeReadOptions;

/* @contents: the file as read; encrypted files need @passphrase
 * (PW_EXCHANGE_ERROR_NEEDS_PASSPHRASE without one). */
PwExchangeFile *pw_exchange_file_new            (GBytes                       *contents,
                                                 const char                   *passphrase,
                                                 const PwExchangeReadOptions  *options,
                                                 GError                      **error);

gboolean        pw_exchange_file_get_encrypted  (PwExchangeFile  *self);
/* "survivor", "vault" or "examples". */
const char     *pw_exchange_file_get_scope      (PwExchangeFile  *self);
gint64          pw_exchange_file_get_exported_at (PwExchangeFile *self);
const char     *pw_exchange_file_get_program_version (PwExchangeFile *self);
guint           pw_exchange_file_get_n_survivors (PwExchangeFile *self);
guint           pw_exchange_file_get_n_services (PwExchangeFile  *self);
/* Records of @kind in the whole file (PW_RECORD_KIND_STAGE_STATE counts
 * stage changes). */
guint           pw_exchange_file_count          (PwExchangeFile  *self,
                                                 PwRecordKind     kind);
/* Case codes in file order. */
GStrv           pw_exchange_file_dup_case_codes (PwExchangeFile  *self);
/* "id" or "id (version N)" of each template used, once each, sorted. */
GStrv           pw_exchange_file_dup_templates  (PwExchangeFile  *self);

/* The transfer of one survivor's file (scope "survivor"): the receiving
 * service as typed by the sender (may be NULL) and the date; FALSE when
 * the file is not one. */
gboolean        pw_exchange_file_get_transfer   (PwExchangeFile  *self,
                                                 const char     **recipient,
                                                 const char     **date);

/* Case codes of the file already used in @store. */
GStrv           pw_exchange_file_find_conflicts (PwExchangeFile  *self,
                                                 PwStore         *store);
/* A free code for @code: "@code-2", "-3"… not in @store nor in the file. */
char           *pw_exchange_file_suggest_code   (PwExchangeFile  *self,
                                                 PwStore         *store,
                                                 const char      *code);
/* Steps her plan items point at that her template in @templates does not
 * have, as "CODE: step-id", and templates that are not installed at all,
 * as "CODE: template-id"; sorted, empty when all is known. */
GStrv           pw_exchange_file_find_unknown_steps (PwExchangeFile     *self,
                                                     PwTemplateRegistry *templates,
                                                     GStrv              *missing_templates);

/* Imports everything in one transaction. @renames maps a case code of the
 * file to the code to use instead, or to "" to leave her out; every code
 * that conflicts must be in it. Services equal to one in @store (same
 * name, type and contact) are not added twice. */
gboolean        pw_exchange_file_import         (PwExchangeFile  *self,
                                                 PwStore         *store,
                                                 GHashTable      *renames,
                                                 guint           *n_imported,
                                                 GError         **error);

G_END_DECLS
