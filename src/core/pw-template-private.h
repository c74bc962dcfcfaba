/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-template.h"
#include "pw-template-registry.h"

G_BEGIN_DECLS

/* Limits the loader enforces (and PW_TEMPLATE_MAX_FILE_SIZE);
 * README.md states the same numbers. */
#define PW_TEMPLATE_MAX_TEXT_CHARS  10000
#define PW_TEMPLATE_MAX_DEPTH       32
#define PW_TEMPLATE_MAX_TITLE_CHARS 40
#define PW_TEMPLATE_N_LEVELS        5

/* Where a value (and, for an object member, its name) starts in the text. */
typedef struct
{
  guint line;
  guint column;
  guint key_line;
  guint key_column;
} PwJsonPos;

/* Sets @error to "NAME:LINE:COLUMN: MESSAGE" (or "NAME: MESSAGE" when
 * @line is 0). */
void        pw_template_set_error       (GError     **error,
                                         int          code,
                                         const char  *display_name,
                                         guint        line,
                                         guint        column,
                                         const char  *message);

/* A strict RFC 8259 parser that builds json-glib nodes and records where
 * each node starts; @positions maps JsonNode* to PwJsonPos*. */
JsonNode   *pw_json_parse_strict        (const char  *data,
                                         gsize        length,
                                         const char  *display_name,
                                         GHashTable  *positions,
                                         GError     **error);
GHashTable *pw_json_positions_new       (void);

GBytes     *pw_template_read_file       (const char  *path,
                                         GError     **error);

/* A parsed and validated template document, before `extends` is resolved. */
typedef struct
{
  gatomicrefcount ref_count;
  char       *display_name;
  char       *id;
  char       *extends;
  JsonNode   *root;
  GHashTable *positions;
} PwTemplateDoc;

PwTemplateDoc *pw_template_doc_parse    (GBytes      *bytes,
                                         const char  *display_name,
                                         GError     **error);
PwTemplateDoc *pw_template_doc_ref      (PwTemplateDoc *doc);
void           pw_template_doc_unref    (PwTemplateDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwTemplateDoc, pw_template_doc_unref)

PwTemplate *pw_template_doc_resolve     (PwTemplateDoc       *doc,
                                         PwTemplateRegistry  *registry,
                                         GError             **error);

PwTemplateDoc *pw_template_registry_get_doc (PwTemplateRegistry *self,
                                             const char         *id);

/* Localized texts are GHashTables of language code → text, never changed
 * once built, shared by reference between a base and its variants. */
const char *pw_text_get                 (GHashTable         *text,
                                         const char         *lang,
                                         const char * const *languages);
const char *pw_languages_pick           (const char * const *languages);

typedef struct
{
  GHashTable *label;
  char       *country;
  char       *url;
} PwReference;

void        pw_reference_free           (PwReference *reference);

PwDomain    *pw_domain_new_internal     (const char  *id,
                                         const char  *icon_name,
                                         GHashTable  *name,
                                         GPtrArray   *languages);
PwStep      *pw_step_new_internal       (const char  *id,
                                         const char  *stage_id,
                                         const char  *domain_id,
                                         GHashTable  *title,
                                         GHashTable  *description,
                                         GHashTable  *survivor_role,
                                         GHashTable  *community_role,
                                         GPtrArray   *references,
                                         GPtrArray   *languages);
PwStage     *pw_stage_new_internal      (const char  *id,
                                         guint        index,
                                         GHashTable  *name,
                                         GHashTable  *summary,
                                         GHashTable  *survivor_role,
                                         GHashTable  *community_role,
                                         GListStore  *steps,
                                         GPtrArray   *languages);
PwIndicator *pw_indicator_new_internal  (const char  *id,
                                         const char  *domain_id,
                                         GHashTable  *name,
                                         GHashTable  *question,
                                         GHashTable **levels,
                                         GPtrArray   *languages);

typedef struct
{
  char       *path;
  GHashTable *text;
} PwTextSlot;

PwTemplate  *pw_template_new_internal   (const char  *id,
                                         int          version,
                                         const char  *extends,
                                         GPtrArray   *languages,
                                         GHashTable  *name,
                                         GHashTable  *description,
                                         GListStore  *domains,
                                         GListStore  *stages,
                                         GListStore  *indicators,
                                         GPtrArray   *text_slots);

G_END_DECLS
