/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pw-store.h"
#include "pw-template-registry.h"
#include "pw-vault.h"

G_BEGIN_DECLS

/* The interchange format of case files, "pathway-export" (documented in
 * data/README-export.md, with a JSON Schema beside it). */
#define PW_EXCHANGE_FORMAT          "pathway-export"
#define PW_EXCHANGE_FORMAT_VERSION  1
#define PW_EXCHANGE_EXTENSION       ".pathway"

/* Limits a reader enforces; the README states the same numbers. */
#define PW_EXCHANGE_MAX_FILE_SIZE   (128 * 1024 * 1024)
#define PW_EXCHANGE_MAX_DEPTH       16
#define PW_EXCHANGE_MAX_SURVIVORS   100000
#define PW_EXCHANGE_MAX_SERVICES    10000
#define PW_EXCHANGE_MAX_RECORDS     10000   /* of one kind, for one survivor */
#define PW_EXCHANGE_MAX_ITEMS       200     /* factors, needs, scores, languages, history */
#define PW_EXCHANGE_MAX_TEXT        100000  /* characters of one text */
#define PW_EXCHANGE_MAX_CODE        64      /* characters of a case code */

#define PW_EXCHANGE_ERROR (pw_exchange_error_quark ())

typedef enum
{
  PW_EXCHANGE_ERROR_NOT_JSON,           /* not (strict) JSON text */
  PW_EXCHANGE_ERROR_NOT_EXPORT,         /* JSON, but not a pathway-export */
  PW_EXCHANGE_ERROR_TOO_NEW,            /* format_version newer than this program */
  PW_EXCHANGE_ERROR_MISSING_MEMBER,
  PW_EXCHANGE_ERROR_WRONG_TYPE,
  PW_EXCHANGE_ERROR_INVALID_VALUE,
  PW_EXCHANGE_ERROR_UNKNOWN_MEMBER,
  PW_EXCHANGE_ERROR_DUPLICATE,          /* an id or a case code twice in the file */
  PW_EXCHANGE_ERROR_UNKNOWN_REFERENCE,  /* a reference to a record that is not there */
  PW_EXCHANGE_ERROR_TOO_LARGE,
  PW_EXCHANGE_ERROR_NEEDS_PASSPHRASE,   /* encrypted, and no passphrase given */
  PW_EXCHANGE_ERROR_WRONG_PASSPHRASE,
  PW_EXCHANGE_ERROR_DAMAGED,            /* encrypted content changed or cut short */
  PW_EXCHANGE_ERROR_NO_CONSENT,         /* her consent does not cover the transfer */
  PW_EXCHANGE_ERROR_CONFLICT,           /* a case code already in the vault, unresolved */
  PW_EXCHANGE_ERROR_FAILED,
} PwExchangeError;

GQuark pw_exchange_error_quark (void);

/* HTCDS "reason for outgoing referral". */
typedef enum
{
  PW_TRANSFER_REASON_CHANGE_OF_LOCATION,
  PW_TRANSFER_REASON_ADDITIONAL_SERVICES,
  PW_TRANSFER_REASON_OTHER,
} PwTransferReason;

/* One survivor's file going to another service, with her consent. */
typedef struct
{
  gint64            consent_id;  /* her consent that covers it */
  const char       *recipient;   /* the receiving service, as typed */
  PwTransferReason  reason;
  const char       *date;        /* "YYYY-MM-DD"; NULL: today */
} PwExchangeTransfer;

/* The consents of hers that can cover a transfer today: given, to share
 * data with a named service, not expired. A GPtrArray of PwConsent. */
GPtrArray  *pw_exchange_list_transfer_consents (PwStore                   *store,
                                                gint64                     survivor_id,
                                                GError                   **error);

/* The JSON text of a case file: the survivors @ids (every survivor when
 * @n_ids is 0) with all their records except restricted notes, and the
 * services they refer to (every service for the whole vault). With
 * @transfer, exactly one survivor and a consent that covers it. */
GBytes     *pw_exchange_export                 (PwStore                   *store,
                                                PwTemplateRegistry        *templates,
                                                const gint64              *ids,
                                                guint                      n_ids,
                                                const PwExchangeTransfer  *transfer,
                                                GError                   **error);

/* Records in her file that her case file was sent (a dated note). */
gboolean    pw_exchange_record_transfer        (PwStore                   *store,
                                                gint64                     survivor_id,
                                                const PwExchangeTransfer  *transfer,
                                                GError                   **error);

/* Writes @data to @file through a temporary file in the same folder,
 * synced and renamed: a reader sees the old file or the whole new one. */
gboolean    pw_exchange_write_file             (GFile                     *file,
                                                GBytes                    *data,
                                                GError                   **error);

/* Whether @passphrase opens one of the vault's passphrase slots (the
 * re-entry asked before an export). The vault may be locked or not; the
 * _async variant runs the KDF in a thread. */
gboolean    pw_exchange_check_passphrase        (PwVault                  *vault,
                                                 const char               *passphrase,
                                                 GError                  **error);
void        pw_exchange_check_passphrase_async  (PwVault                  *vault,
                                                 const char               *passphrase,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gboolean    pw_exchange_check_passphrase_finish (PwVault                  *vault,
                                                 GAsyncResult             *result,
                                                 GError                  **error);

/* For the reader: checks that @data is one strict RFC 8259 JSON text (no
 * comments, duplicate member names, trailing data, lone surrogates, NUL)
 * within PW_EXCHANGE_MAX_DEPTH, and parses it. */
JsonNode   *pw_exchange_parse_json             (GBytes                    *data,
                                                GError                   **error);

/* "2024-03-01T09:30:00.000001Z" and back (UTC microseconds). */
char       *pw_exchange_format_time            (gint64                     usec);
gboolean    pw_exchange_parse_time             (const char                *text,
                                                gint64                    *usec);

G_END_DECLS
