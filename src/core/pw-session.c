/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-session"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-exchange-file.h"
#include "pw-session.h"
#include "pw-catalog.h"
#include "pw-session-private.h"

/* The one context object handed to every view: the vault (and through it
 * the store), the settings, and the idle lock. Views never keep survivor
 * data past a `state` change away from UNLOCKED. */
struct _PwSession
{
  GObject parent_instance;

  PwVault *vault;
  PwStore *demo_store;  /* the example cases, in memory; NULL outside the demo */
  GSettings *settings;
  PwTemplateRegistry *templates;
  PwKdfCost cost;

  PwSessionState state;
  gint64 last_activity;
  guint idle_source;
};

G_DEFINE_FINAL_TYPE (PwSession, pw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_SETTINGS,
  PROP_STATE,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_imported_templates   (PwSession *self);
static void unload_imported_templates (PwSession *self);

GType
pw_session_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { PW_SESSION_NEEDS_SETUP, "PW_SESSION_NEEDS_SETUP", "needs-setup" },
        { PW_SESSION_LOCKED, "PW_SESSION_LOCKED", "locked" },
        { PW_SESSION_UNLOCKED, "PW_SESSION_UNLOCKED", "unlocked" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("PwSessionState", values));
    }
  return type;
}

PwSession *
pw_session_new (PwVault   *vault,
                GSettings *settings)
{
  g_return_val_if_fail (PW_IS_VAULT (vault), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PW_TYPE_SESSION,
                       "vault", vault,
                       "settings", settings,
                       NULL);
}

static gboolean on_idle_check (gpointer data);

static void
schedule_idle_check (PwSession *self)
{
  guint minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");

  g_clear_handle_id (&self->idle_source, g_source_remove);
  /* Fictional cases need no idle lock, and a workshop must not lose them. */
  if (self->state != PW_SESSION_UNLOCKED || minutes == 0 || self->demo_store != NULL)
    return;

  /* Check every few seconds rather than re-arming a timer on every key press. */
  self->idle_source = g_timeout_add_seconds (MIN (minutes * 60, 5u), on_idle_check, self);
}

/* Locks when the last activity is older than the auto-lock delay at
 * monotonic time @now. Returns whether it locked. */
gboolean
pw_session_check_idle (PwSession *self,
                       gint64     now)
{
  guint minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");

  if (self->state != PW_SESSION_UNLOCKED || minutes == 0 || self->demo_store != NULL ||
      now - self->last_activity < (gint64) minutes * 60 * G_USEC_PER_SEC)
    return FALSE;

  pw_session_lock (self);
  return TRUE;
}

static gboolean
on_idle_check (gpointer data)
{
  PwSession *self = data;

  if (pw_session_check_idle (self, g_get_monotonic_time ()))
    {
      self->idle_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
update_state (PwSession *self)
{
  PwSessionState state;

  if (self->demo_store != NULL || !pw_vault_get_locked (self->vault))
    state = PW_SESSION_UNLOCKED;
  else if (pw_vault_exists (self->vault))
    state = PW_SESSION_LOCKED;
  else
    state = PW_SESSION_NEEDS_SETUP;

  if (state == self->state)
    return;

  self->state = state;
  if (state == PW_SESSION_UNLOCKED)
    load_imported_templates (self);
  else
    unload_imported_templates (self);
  self->last_activity = g_get_monotonic_time ();
  schedule_idle_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void close_demo (PwSession *self);

static void
on_vault_locked_changed (PwSession *self)
{
  /* The real vault and the demo are never open together. */
  if (!pw_vault_get_locked (self->vault) && self->demo_store != NULL)
    close_demo (self);
  else
    update_state (self);
}

/* A restored backup replaces the store under an unlocked vault: pass
 * through LOCKED so every view drops its models and rebuilds them. */
static void
on_vault_store_changed (PwSession *self)
{
  if (self->state != PW_SESSION_UNLOCKED || pw_vault_get_store (self->vault) == NULL)
    return;

  self->state = PW_SESSION_LOCKED;
  unload_imported_templates (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  update_state (self);
}

static void
on_auto_lock_changed (PwSession *self)
{
  schedule_idle_check (self);
}

PwVault *
pw_session_get_vault (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return self->vault;
}

GSettings *
pw_session_get_settings (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return self->settings;
}

PwStore *
pw_session_get_store (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  if (self->demo_store != NULL)
    return self->demo_store;
  return pw_vault_get_store (self->vault);
}

PwSessionState
pw_session_get_state (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), PW_SESSION_LOCKED);
  return self->state;
}

PwKdfCost
pw_session_get_kdf_cost (PwSession *self)
{
  return self->cost;
}

/* Tests make vaults with a cheap cost; the product keeps the default. */
void
pw_session_set_kdf_cost (PwSession *self,
                         PwKdfCost  cost)
{
  g_return_if_fail (PW_IS_SESSION (self));
  self->cost = cost;
}

void
pw_session_lock (PwSession *self)
{
  g_return_if_fail (PW_IS_SESSION (self));

  close_demo (self);
  if (!pw_vault_get_locked (self->vault))
    pw_vault_lock (self->vault);
  update_state (self);
}

/* Views hear the new state (and drop their models) before the demo's
 * store is closed under them. */
static void
close_demo (PwSession *self)
{
  g_autoptr(PwStore) store = g_steal_pointer (&self->demo_store);

  if (store == NULL)
    return;
  self->state = (PwSessionState) -1;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  pw_store_close (store);
}

/* The interface language: the first of the user's languages Pathway has a
 * catalogue for (the example cases carry texts in each of them), or NULL
 * for English. */
static const char *
demo_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      PwCatalog *catalog = pw_catalog_get_for_language (names[i]);
      const char *language = pw_catalog_get_language (catalog);

      if (g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "en"))
        return NULL;
      if (language != NULL && !g_str_equal (language, "en"))
        return language;
    }
  return NULL;
}

#define DEMO_RESOURCE "/org/pathwaytool/Pathway/demo/cases.json"

gboolean
pw_session_open_demo (PwSession  *self,
                      GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwExchangeFile) file = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  PwExchangeReadOptions options = { demo_language (), today };

  g_return_val_if_fail (PW_IS_SESSION (self), FALSE);

  if (self->demo_store != NULL)
    return TRUE;
  if (!pw_vault_get_locked (self->vault))
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_FAILED,
                           _("Lock the vault before opening the example cases: the two are "
                             "never open at the same time."));
      return FALSE;
    }

  /* A broken example file is a packaging bug: say so plainly. */
  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_FAILED,
                           _("The example cases are missing from this copy of Pathway. "
                             "Reinstall Pathway to get them back."));
      return FALSE;
    }
  file = pw_exchange_file_new (bytes, NULL, &options, error);
  if (file == NULL)
    return FALSE;
  store = pw_store_open_in_memory (error);
  if (store == NULL)
    return FALSE;
  pw_store_set_actor (store, "demo");
  if (!pw_exchange_file_import (file, store, NULL, NULL, error))
    return FALSE;

  self->demo_store = g_steal_pointer (&store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  update_state (self);
  return TRUE;
}

gboolean
pw_session_get_demo (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), FALSE);
  return self->demo_store != NULL;
}

PwTemplateRegistry *
pw_session_get_templates (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  return self->templates;
}

PwTemplate *
pw_session_lookup_template (PwSession   *self,
                            const char  *id,
                            GError     **error)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return pw_template_registry_lookup (self->templates, id, error);
}

/* Validates @file, refuses an update that would orphan plan items, stores
 * it in the vault and makes it available. Returns the template id. */
char *
pw_session_import_template (PwSession  *self,
                            GFile      *file,
                            GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwTemplate) template = NULL;
  g_autoptr(PwTemplate) old = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_auto(GStrv) used = NULL;
  g_autofree char *name = NULL;
  PwStore *store;
  const char *id;

  g_return_val_if_fail (PW_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  store = pw_vault_get_store (self->vault);
  if (store == NULL)
    {
      g_set_error_literal (error, PW_VAULT_ERROR, PW_VAULT_ERROR_LOCKED,
                           _("The vault is locked. Unlock it, then import the template again."));
      return NULL;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  /* The loader's own limit, before the file is read into memory. */
  if (g_file_info_get_size (info) > PW_TEMPLATE_MAX_FILE_SIZE)
    {
      g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_TOO_LARGE,
                   _("“%s” is larger than 4 MB, which no pathway template needs. Check that it is the right file."),
                   g_file_info_get_display_name (info));
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));
  template = pw_template_new_from_bytes (bytes, name, self->templates, error);
  if (template == NULL)
    return NULL;

  id = pw_template_get_id (template);
  if (pw_template_registry_contains (self->templates, id))
    {
      if (pw_template_registry_get_source (self->templates, id) == PW_TEMPLATE_SOURCE_SHIPPED)
        {
          g_set_error (error, PW_TEMPLATE_ERROR, PW_TEMPLATE_ERROR_EXISTS,
                       _("A template with the id “%s” is included with Pathway. Give yours another id in its “id” field, then import it again."),
                       id);
          return NULL;
        }

      old = pw_template_registry_lookup (self->templates, id, NULL);
      used = pw_store_list_used_step_ids (store, id, error);
      if (used == NULL)
        return NULL;
      if (!pw_template_check_update (old, template, (const char * const *) used, error))
        return NULL;
    }

  if (!pw_store_save_template (store, id, pw_template_get_version (template), bytes, error))
    return NULL;

  if (old != NULL)
    pw_template_registry_remove (self->templates, id);
  g_free (pw_template_registry_add_bytes (self->templates, bytes, name,
                                          PW_TEMPLATE_SOURCE_IMPORTED, NULL));
  return g_strdup (id);
}

/* Imported templates live in the vault: they come and go with unlocking. */
static void
load_imported_templates (PwSession *self)
{
  PwStore *store = pw_vault_get_store (self->vault);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  templates = pw_store_list_templates (store, &error);
  if (templates == NULL)
    {
      g_warning ("Could not read the imported templates: %s", error->message);
      return;
    }

  /* In any order: the registry resolves a variant's `extends` when it is
   * looked up, not when it is added. */
  for (guint i = 0; i < templates->len; i++)
    g_free (pw_template_registry_add_bytes (self->templates, g_ptr_array_index (templates, i), NULL,
                                            PW_TEMPLATE_SOURCE_IMPORTED, NULL));
}

static void
unload_imported_templates (PwSession *self)
{
  g_auto(GStrv) ids = pw_template_registry_dup_ids (self->templates);

  for (guint i = 0; ids[i] != NULL; i++)
    if (pw_template_registry_get_source (self->templates, ids[i]) == PW_TEMPLATE_SOURCE_IMPORTED)
      pw_template_registry_remove (self->templates, ids[i]);
}

void
pw_session_touch (PwSession *self)
{
  g_return_if_fail (PW_IS_SESSION (self));
  self->last_activity = g_get_monotonic_time ();
}

static void
pw_session_constructed (GObject *object)
{
  PwSession *self = PW_SESSION (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (pw_session_parent_class)->constructed (object);

  self->state = (PwSessionState) -1;

  /* The shipped templates are part of the program: a failure here is a
   * packaging bug, not something a person can fix. */
  self->templates = pw_template_registry_new ();
  if (!pw_template_registry_add_shipped (self->templates, &error))
    g_critical ("The shipped pathway templates do not load: %s", error->message);

  g_signal_connect_object (self->vault, "notify::locked",
                           G_CALLBACK (on_vault_locked_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vault, "notify::store",
                           G_CALLBACK (on_vault_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-lock-minutes",
                           G_CALLBACK (on_auto_lock_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
pw_session_dispose (GObject *object)
{
  PwSession *self = PW_SESSION (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->demo_store != NULL)
    pw_store_close (self->demo_store);
  g_clear_object (&self->demo_store);
  if (self->vault != NULL && !pw_vault_get_locked (self->vault))
    pw_vault_lock (self->vault);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (pw_session_parent_class)->dispose (object);
}

static void
pw_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo_store != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_class_init (PwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_session_constructed;
  object_class->dispose = pw_session_dispose;
  object_class->get_property = pw_session_get_property;
  object_class->set_property = pw_session_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, PW_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PW_TYPE_SESSION_STATE, PW_SESSION_NEEDS_SETUP,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_session_init (PwSession *self)
{
  self->cost = pw_kdf_cost_default ();
}
