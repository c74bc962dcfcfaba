/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"
#include "pw-store.h"
#include "pw-vault.h"

G_BEGIN_DECLS

/* Small helpers the Safety & consent, Progress and Notes tabs, the
 * overview and the service network share (not a class): the store while
 * the vault is open, rows that never read her words as markup, lists, and
 * the words for stored values. */

/* For a page that follows @session, at each change of its state: while
 * the vault is unlocked, *@store holds the session's store with
 * @on_changed connected to its ::changed (swapped: @page); once locked,
 * *@store is NULL and, when @survivor_id is given, the page forgets her
 * (*@survivor_id = 0, @page's "survivor-id" notified). Returns *@store. */
PwStore    *pw_record_follow_store        (gpointer           page,
                                           PwSession         *session,
                                           GCallback          on_changed,
                                           PwStore          **store,
                                           gulong            *changed_id,
                                           gint64            *survivor_id);
/* Disconnects and drops what pw_record_follow_store() holds. */
void        pw_record_drop_store          (PwStore          **store,
                                           gulong            *changed_id);

/* A boxed list with @placeholder shown while it is empty. */
GtkWidget  *pw_record_list_new            (const char        *placeholder);
/* Lets the titles of every AdwPreferencesGroup below @root wrap instead of
 * being cut off when a narrow window (or a long language) leaves them
 * little room beside their header buttons. */
void        pw_record_wrap_group_titles   (GtkWidget         *root);
/* While @scroller (a page's scrolled window) is narrower than 560 px,
 * px, @button shows only @icon_name, its words moving to its tooltip, so
 * the text beside it keeps room to be read. Buttons made later (a row's)
 * can be added at any time; they leave when destroyed. */
void        pw_record_compact_button      (GtkScrolledWindow *scroller,
                                           GtkWidget         *button,
                                           const char        *icon_name);
void        pw_record_list_clear          (GtkListBox        *list);
/* An AdwActionRow; @title and @subtitle are plain text. */
GtkWidget  *pw_record_row_new             (const char        *title,
                                           const char        *subtitle);
GtkWidget  *pw_record_expander_new        (const char        *title,
                                           const char        *subtitle);
/* A short label for a row's end: @style is "success", "warning", "error",
 * "accent", "dim-label" or NULL. */
GtkWidget  *pw_record_tag_new             (const char        *text,
                                           const char        *style);
/* A plain text view in a frame, for notes. */
GtkWidget  *pw_record_text_box_new        (GtkTextView      **view,
                                           int                height);
char       *pw_record_text_view_get_text  (GtkTextView       *view);

const char *pw_record_consent_scope_label  (PwConsentScope    scope);
const char *pw_record_consent_form_label   (PwConsentForm     form);
const char *pw_record_consent_status_label (PwConsentStatus   status);
const char *pw_record_referral_status_label (PwReferralStatus status);
const char *pw_record_coverage_label      (PwNeedCoverage    coverage);
const char *pw_record_coverage_style      (PwNeedCoverage    coverage);
/* "housing", "food", "clothing", "health" in words; NULL for others. */
const char *pw_record_need_label          (const char        *need);
const char *pw_record_life_change_label   (PwLifeChange      change);
/* What her consent is for, e.g. "Sharing her data with Example Shelter".
 * @service_name may be NULL. */
char       *pw_record_consent_title       (PwConsent         *consent,
                                           const char        *service_name);
/* The name of @author_slot_id among the vault's key slots, or a
 * neutral word when the slot is gone. */
char       *pw_record_author_name         (PwVault           *vault,
                                           const char        *author_slot_id);

G_END_DECLS
