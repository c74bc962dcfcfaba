/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pw-assessment.h"
#include "pw-consent.h"
#include "pw-enums.h"
#include "pw-milestone.h"
#include "pw-note.h"
#include "pw-plan-item.h"
#include "pw-referral.h"
#include "pw-service.h"
#include "pw-stage-state.h"
#include "pw-status-change.h"
#include "pw-survivor.h"

G_BEGIN_DECLS

#define PW_STORE_ERROR (pw_store_error_quark ())

/* The size of the raw SQLCipher key (the vault's master key). */
#define PW_STORE_KEY_SIZE 32

typedef enum
{
  PW_STORE_ERROR_NOT_FOUND,     /* vault.db does not exist (and create was not asked) */
  PW_STORE_ERROR_WRONG_KEY,     /* the file is not a database readable with this key */
  PW_STORE_ERROR_TOO_NEW,       /* schema newer than this program: refused, untouched */
  PW_STORE_ERROR_NOT_ENCRYPTED, /* linked against plain SQLite: refuse to write */
  PW_STORE_ERROR_IO,            /* disk full, read-only, I/O error */
  PW_STORE_ERROR_CONSTRAINT,    /* a write broke a rule (duplicate case code…) */
  PW_STORE_ERROR_FAILED,
  PW_STORE_ERROR_CLOSED,        /* the store was closed (the vault is locked) */
  PW_STORE_ERROR_NO_RECORD,     /* the record asked for does not exist (any more) */
  PW_STORE_ERROR_INVALID,       /* a value passed in is not acceptable (bad date…) */
  PW_STORE_ERROR_BUSY,          /* another connection holds the vault's write lock */
} PwStoreError;

typedef enum
{
  PW_STORE_OPEN_DEFAULT = 0,
  PW_STORE_OPEN_CREATE  = 1 << 0, /* create vault.db when it is missing */
  /* Read an existing vault.db whose folder or disk refuses writes: every
   * write then fails with PW_STORE_ERROR_IO. Refused (PW_STORE_ERROR_IO)
   * when changes are waiting in vault.db-wal or the schema needs an
   * upgrade, since neither can be read or done without writing. */
  PW_STORE_OPEN_READ_ONLY = 1 << 1,
} PwStoreOpenFlags;

#define PW_TYPE_STORE (pw_store_get_type ())

G_DECLARE_FINAL_TYPE (PwStore, pw_store, PW, STORE, GObject)

GQuark   pw_store_error_quark (void);

/* @key is PW_STORE_KEY_SIZE bytes; the store copies it into sodium_malloc
 * memory and wipes it on close. */
PwStore *pw_store_open        (const char        *path,
                               const guint8      *key,
                               PwStoreOpenFlags   flags,
                               GError           **error);
void     pw_store_close       (PwStore           *self);

/* Who the audit log names for the following changes (a key slot id). */
void     pw_store_set_actor   (PwStore           *self,
                               const char        *actor);

const char *pw_store_get_path  (PwStore           *self);
const char *pw_store_get_actor (PwStore           *self);
gboolean    pw_store_is_open   (PwStore           *self);
gboolean    pw_store_is_read_only (PwStore        *self);

/* Conventions for everything below:
 * - Dates are "YYYY-MM-DD" strings (NULL when unknown); timestamps
 *   (created-at, updated-at) are UTC microseconds since the epoch.
 * - Objects the store hands out (get, lists, models) are live: the store
 *   refreshes them in place after every committed change, so bound
 *   widgets follow. To edit, take a copy (pw_survivor_copy()…), change it
 *   and pass it to the update call.
 * - Every write runs in one transaction with one audit_log row per changed
 *   record (never its content), then emits ::changed. On error nothing was
 *   written and the GError says so in the user's language.
 *
 * ::changed (PwRecordKind kind, gint64 record_id, gint64 survivor_id,
 *            PwAuditAction action) — after the commit. survivor_id is 0 for
 *            services. */

/* Survivors */
gint64      pw_store_add_survivor        (PwStore           *self,
                                          PwSurvivor        *survivor,
                                          GError           **error);
gboolean    pw_store_update_survivor     (PwStore           *self,
                                          PwSurvivor        *survivor,
                                          GError           **error);
/* A reason only counts for PW_SURVIVOR_STATUS_CLOSED (it is reset otherwise). */
gboolean    pw_store_set_survivor_status (PwStore           *self,
                                          gint64             survivor_id,
                                          PwSurvivorStatus   status,
                                          PwCloseReason      reason,
                                          GError           **error);
/* Deletes her and every record about her; the audit trail stays. */
gboolean    pw_store_delete_survivor     (PwStore           *self,
                                          gint64             survivor_id,
                                          GError           **error);
PwSurvivor *pw_store_get_survivor        (PwStore           *self,
                                          gint64             survivor_id,
                                          GError           **error);
gboolean    pw_store_case_code_exists    (PwStore           *self,
                                          const char        *case_code);
/* A GListModel of PwSurvivor (a PwSurvivorList: sort, status filter and
 * search are properties), sorted by case code, following the store. */
GListModel *pw_store_get_survivors       (PwStore           *self);
/* Ids of the survivors whose case code, alias, languages, key worker or
 * plan item titles contain words starting with those of @text (accents
 * and case ignored), in case-code order. */
GArray     *pw_store_search_survivors    (PwStore           *self,
                                          const char        *text,
                                          GError           **error);
/* The building block of the models: ids in order. @status < 0: any;
 * @text NULL or empty: no search. */
GArray     *pw_store_list_survivor_ids   (PwStore           *self,
                                          const char        *text,
                                          int                status,
                                          PwSurvivorSort     sort,
                                          GError           **error);

/* The caseload: what the list and the team's overview ask. */
typedef enum
{
  PW_SURVIVOR_ATTENTION_ANY,
  PW_SURVIVOR_ATTENTION_OVERDUE,    /* a plan item to do, due before today */
  PW_SURVIVOR_ATTENTION_DUE_SOON,   /* a plan item to do, due today or in the next 6 days */
  PW_SURVIVOR_ATTENTION_REVIEW_DUE, /* her risk review is due as pw_store_list_reviews_due()
                                     * says: none yet, a change since, or its date passed */
  PW_SURVIVOR_ATTENTION_STALE,      /* known for 60 days, and no plan item changed in 60 days */
  PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING, /* a consent of hers, given, expires between today
                                           * and PW_EXPIRING_CONSENT_DAYS days later */
} PwSurvivorAttention;

#define PW_SURVIVOR_ATTENTION_LAST PW_SURVIVOR_ATTENTION_CONSENT_EXPIRING

/* How far ahead the caseload looks for consents about to expire. */
#define PW_EXPIRING_CONSENT_DAYS 30

typedef struct
{
  const char          *text;       /* search as in pw_store_search_survivors(); NULL: none */
  int                  status;     /* a PwSurvivorStatus, or -1: any */
  const char          *stage_id;   /* her current stage; NULL: any; "": none marked yet */
  const char          *key_worker; /* NULL: any; "": none given */
  PwSurvivorAttention  attention;
  PwSurvivorSort       sort;
  const char          *today;      /* "YYYY-MM-DD" for the date rules; NULL: the local date */
} PwSurvivorQuery;

#define PW_SURVIVOR_QUERY_INIT \
  { NULL, -1, NULL, NULL, PW_SURVIVOR_ATTENTION_ANY, PW_SURVIVOR_SORT_CASE_CODE, NULL }

/* Ids of the survivors that match every condition of @query, in its order. */
GArray     *pw_store_query_survivor_ids   (PwStore                *self,
                                           const PwSurvivorQuery  *query,
                                           GError                **error);
/* The full-text part of a search alone, for list models that keep their
 * filtered order and narrow it as she types: ids (ascending) whose words
 * match @text as in pw_store_search_survivors(). @searching says whether
 * @text asks for a search at all (blanks do not). */
GArray     *pw_store_match_survivor_ids   (PwStore                *self,
                                           const char             *text,
                                           gboolean               *searching,
                                           GError                **error);
gboolean    pw_store_count_survivors      (PwStore                *self,
                                           const PwSurvivorQuery  *query,
                                           guint                  *count,
                                           GError                **error);
/* Plan items of active survivors that are overdue or due soon
 * (@attention is PW_SURVIVOR_ATTENTION_OVERDUE or _DUE_SOON). */
gboolean    pw_store_count_plan_items     (PwStore                *self,
                                           PwSurvivorAttention     attention,
                                           const char             *today,
                                           guint                  *count,
                                           GError                **error);
/* Active survivors by current stage id ("" for none marked yet): a
 * GHashTable of char * → GUINT_TO_POINTER (count). */
GHashTable *pw_store_count_active_by_stage (PwStore               *self,
                                            GError               **error);
/* Live PwSurvivor objects for @ids, in that order, in one query per 32
 * ids; ids that no longer exist are left out. For list models. */
GPtrArray  *pw_store_load_survivors       (PwStore                *self,
                                           const gint64           *ids,
                                           guint                   n_ids,
                                           GError                **error);
/* Every key worker named on a survivor, once each, sorted. */
char      **pw_store_list_key_workers     (PwStore                *self,
                                           GError                **error);
/* @prefix followed by the number after the highest one in use with that
 * prefix, at least four digits ("PW-0001"), and not taken. */
char       *pw_store_suggest_case_code    (PwStore                *self,
                                           const char             *prefix);

/* Her plan */
gint64      pw_store_add_plan_item          (PwStore           *self,
                                             PwPlanItem        *item,
                                             GError           **error);
gboolean    pw_store_update_plan_item       (PwStore           *self,
                                             PwPlanItem        *item,
                                             GError           **error);
/* Records the change in the item's dated history; @date NULL = today.
 * Achieving sets achieved-date to @date; any other status clears it. */
gboolean    pw_store_set_plan_item_status   (PwStore           *self,
                                             gint64             item_id,
                                             PwPlanItemStatus   status,
                                             const char        *date,
                                             GError           **error);
gboolean    pw_store_delete_plan_item       (PwStore           *self,
                                             gint64             item_id,
                                             GError           **error);
/* Her own order: @ids (all or some of her items) get priorities 1, 2, … */
gboolean    pw_store_reorder_plan_items     (PwStore           *self,
                                             gint64             survivor_id,
                                             const gint64      *ids,
                                             guint              n_ids,
                                             GError           **error);
PwPlanItem *pw_store_get_plan_item          (PwStore           *self,
                                             gint64             item_id,
                                             GError           **error);
/* PwPlanItem, in her priority order, following the store. */
GListModel *pw_store_get_plan_items         (PwStore           *self,
                                             gint64             survivor_id);
/* GPtrArray of live PwPlanItem in priority order. */
GPtrArray  *pw_store_load_plan_items        (PwStore           *self,
                                             gint64             survivor_id,
                                             GError           **error);
/* GPtrArray of PwStatusChange, oldest first. */
GPtrArray  *pw_store_list_plan_item_history (PwStore           *self,
                                             gint64             item_id,
                                             GError           **error);

/* Stages: every change is a new dated row, so going back is kept. */
gint64      pw_store_set_stage_status   (PwStore           *self,
                                         gint64             survivor_id,
                                         const char        *stage_id,
                                         PwStageStatus      status,
                                         const char        *since,
                                         GError           **error);
/* GPtrArray of PwStageState: the latest state of each stage, by stage id. */
GPtrArray  *pw_store_list_stage_states  (PwStore           *self,
                                         gint64             survivor_id,
                                         GError           **error);
/* GPtrArray of PwStageState: every change, oldest first. */
GPtrArray  *pw_store_list_stage_history (PwStore           *self,
                                         gint64             survivor_id,
                                         GError           **error);

/* The other records: create and list (GPtrArray of objects, by date). */
gint64      pw_store_add_milestone     (PwStore           *self,
                                        PwMilestone       *milestone,
                                        GError           **error);
GPtrArray  *pw_store_list_milestones   (PwStore           *self,
                                        gint64             survivor_id,
                                        GError           **error);
/* A restricted note gets the current actor as author. */
gint64      pw_store_add_note          (PwStore           *self,
                                        PwNote            *note,
                                        GError           **error);
/* Restricted notes of other authors come back with a NULL body. */
GPtrArray  *pw_store_list_notes        (PwStore           *self,
                                        gint64             survivor_id,
                                        GError           **error);
gint64      pw_store_add_service       (PwStore           *self,
                                        PwService         *service,
                                        GError           **error);
gboolean    pw_store_update_service    (PwStore           *self,
                                        PwService         *service,
                                        GError           **error);
/* Every service, by name. */
GPtrArray  *pw_store_list_services     (PwStore           *self,
                                        GError           **error);
gint64      pw_store_add_consent       (PwStore           *self,
                                        PwConsent         *consent,
                                        GError           **error);
gboolean    pw_store_set_consent_status (PwStore          *self,
                                         gint64            consent_id,
                                         PwConsentStatus   status,
                                         GError          **error);
GPtrArray  *pw_store_list_consents     (PwStore           *self,
                                        gint64             survivor_id,
                                        GError           **error);
gint64      pw_store_add_referral      (PwStore           *self,
                                        PwReferral        *referral,
                                        GError           **error);
gboolean    pw_store_set_referral_status (PwStore          *self,
                                          gint64            referral_id,
                                          PwReferralStatus  status,
                                          const char       *outcome,
                                          GError          **error);
GPtrArray  *pw_store_list_referrals    (PwStore           *self,
                                        gint64             survivor_id,
                                        GError           **error);
/* Changes its service, plan item, consent, reason, date and outcome (not
 * its status). A referral that has left "proposed" must keep a consent
 * that covers its service, or a reason. */
gboolean    pw_store_update_referral   (PwStore           *self,
                                        PwReferral        *referral,
                                        GError           **error);
/* Like pw_store_set_referral_status(), dated (@date NULL: today) in the
 * referral's history; @outcome NULL keeps the one stored. Leaving
 * "proposed" needs what pw_store_add_referral() needs: a consent of hers,
 * given, naming the service (for services or for sharing data), dated on
 * or before @date and not expired on it — or a recorded reason. */
gboolean    pw_store_record_referral_status (PwStore          *self,
                                             gint64            referral_id,
                                             PwReferralStatus  status,
                                             const char       *date,
                                             const char       *outcome,
                                             GError          **error);
typedef struct
{
  PwReferralStatus status;
  char             date[11];  /* "YYYY-MM-DD" */
} PwReferralStatusDate;
/* GArray of PwReferralStatusDate, oldest first (the first one is how it
 * was created). */
GArray     *pw_store_list_referral_history (PwStore         *self,
                                            gint64           referral_id,
                                            GError         **error);
/* The id of her newest consent that covers @service_id on @date (NULL:
 * today) as pw_store_record_referral_status() asks; 0 if none (and no
 * error). */
gint64      pw_store_find_covering_consent (PwStore         *self,
                                            gint64           survivor_id,
                                            gint64           service_id,
                                            const char      *date,
                                            GError         **error);
/* With its risk factors, needs or check-in scores. */
gint64      pw_store_add_assessment    (PwStore           *self,
                                        PwAssessment      *assessment,
                                        GError           **error);
/* @kind < 0: every kind. */
GPtrArray  *pw_store_list_assessments  (PwStore           *self,
                                        gint64             survivor_id,
                                        int                kind,
                                        GError           **error);
/* Any record but a survivor or a plan item (they have their own calls). */
gboolean    pw_store_delete_record     (PwStore           *self,
                                        PwRecordKind       kind,
                                        gint64             record_id,
                                        GError           **error);

/* Safety first: a change of residence, of work or of the area of the city
 * where she works or trains calls for a new risk review. Only the date of
 * the latest change of each kind is kept, on her record. */
typedef enum
{
  PW_LIFE_CHANGE_RESIDENCE,
  PW_LIFE_CHANGE_WORK,
  PW_LIFE_CHANGE_AREA,
} PwLifeChange;

/* @date NULL: today. */
gboolean    pw_store_record_life_change (PwStore           *self,
                                         gint64             survivor_id,
                                         PwLifeChange       change,
                                         const char        *date,
                                         GError           **error);
/* The date of her latest change of @change, or NULL (none recorded). */
char       *pw_store_get_life_change    (PwStore           *self,
                                         gint64             survivor_id,
                                         PwLifeChange       change,
                                         GError           **error);

typedef enum
{
  PW_REVIEW_NOT_DUE,      /* date: the next review date, if one was set */
  PW_REVIEW_FIRST,        /* no risk assessment yet; date: her intake date */
  PW_REVIEW_AFTER_CHANGE, /* @change on date, after her latest assessment */
  PW_REVIEW_OVERDUE,      /* date: her latest assessment's next review, passed */
} PwReviewReason;

typedef struct
{
  gint64          survivor_id;
  PwReviewReason  reason;
  PwLifeChange    change;  /* for PW_REVIEW_AFTER_CHANGE */
  char           *date;    /* "YYYY-MM-DD" or NULL, see PwReviewReason */
} PwReviewDue;

void         pw_review_due_free           (PwReviewDue       *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwReviewDue, pw_review_due_free)

/* Whether her risk review is due on @today (NULL: the local date). A
 * change after her latest assessment comes before an overdue date. */
PwReviewDue *pw_store_get_review_due      (PwStore           *self,
                                           gint64             survivor_id,
                                           const char        *today,
                                           GError           **error);
/* For the team's overview: every active survivor whose risk review is due
 * (first, after a change, overdue), oldest date first, no date last. A
 * GPtrArray of PwReviewDue. */
GPtrArray   *pw_store_list_reviews_due    (PwStore           *self,
                                           const char        *today,
                                           GError           **error);
/* For the team's overview: consents of active survivors, given, that
 * expire between @today (NULL: the local date) and @days days later,
 * soonest first. A GPtrArray of PwConsent. */
GPtrArray   *pw_store_list_expiring_consents (PwStore        *self,
                                              const char     *today,
                                              guint           days,
                                              GError        **error);

/* Imported pathway templates, kept in the vault as the JSON imported.
 * Saving an id that exists replaces it. The list is of GBytes, in import
 * order. Used step ids: the distinct step ids that plan items of survivors
 * on @template_id point at, sorted (empty, never NULL, on success). */
gboolean    pw_store_save_template      (PwStore           *self,
                                         const char        *template_id,
                                         int                version,
                                         GBytes            *json,
                                         GError           **error);
GPtrArray  *pw_store_list_templates     (PwStore           *self,
                                         GError           **error);
gboolean    pw_store_delete_template    (PwStore           *self,
                                         const char        *template_id,
                                         GError           **error);
GStrv       pw_store_list_used_step_ids (PwStore           *self,
                                         const char        *template_id,
                                         GError           **error);

/* Backups: an online copy, encrypted with the same key and settings,
 * written to a temporary file, synced and renamed to @dest_path, then
 * opened once to check it. Listing, scheduling and restoring belong to
 * PwVault, built on these pieces. */
gboolean    pw_store_backup            (PwStore           *self,
                                        const char        *dest_path,
                                        GError           **error);
/* "vault-YYYYMMDD-HHMMSS.db" (UTC) and back; 0 if @name is not one. */
char       *pw_store_backup_name       (gint64             timestamp);
gint64      pw_store_backup_time       (const char        *name);
/* Rotation: of @timestamps (µs, any order), which indices to delete at
 * @now so that the 10 newest and the newest of each of the last 12
 * calendar months (UTC) are kept. Returns a sorted GArray of guint. */
GArray     *pw_store_backups_to_delete (const gint64      *timestamps,
                                        guint              n_timestamps,
                                        gint64             now);

/* A store in memory only (the demo vault): nothing of it ever reaches the
 * disk, and closing it drops everything. */
PwStore    *pw_store_open_in_memory    (GError           **error);

/* Import: many records in one transaction, all or nothing. pw_store_import()
 * begins it, calls @func, and commits if @func returns TRUE (rolls back
 * otherwise). Inside @func, pw_store_import_record() inserts one record as
 * it is — its dates, timestamps (0: now) and status, with no history added
 * — and returns its new id; the ids it refers to (survivor, service, plan
 * item, consent, referral) must be ids in this store, e.g. returned by an
 * earlier call. Records: PwSurvivor, PwStageState, PwPlanItem,
 * PwStatusChange (history of a plan item), PwService, PwConsent,
 * PwReferral, PwAssessment (with its factors, needs and scores), PwNote
 * (author kept), PwMilestone. Each gets its audit row; ::changed is
 * emitted for all of them after the commit. */
typedef gboolean (*PwStoreImportFunc) (PwStore   *store,
                                       gpointer   user_data,
                                       GError   **error);

gboolean    pw_store_import                 (PwStore            *self,
                                             PwStoreImportFunc   func,
                                             gpointer            user_data,
                                             GError            **error);
gint64      pw_store_import_record          (PwStore            *self,
                                             gpointer            record,
                                             GError            **error);
/* Inside pw_store_import(): a dated step of a referral's status history. */
gboolean    pw_store_import_referral_status (PwStore            *self,
                                             gint64              referral_id,
                                             PwReferralStatus    status,
                                             const char         *date,
                                             GError            **error);
/* Inside pw_store_import(): the date of her latest change of @change. */
gboolean    pw_store_import_life_change     (PwStore            *self,
                                             gint64              survivor_id,
                                             PwLifeChange        change,
                                             const char         *date,
                                             GError            **error);

G_END_DECLS
