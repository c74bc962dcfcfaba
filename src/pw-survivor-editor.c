/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-survivor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"
#include "pw-iso-picker.h"
#include "pw-risk-review-dialog.h"
#include "pw-survivor-editor.h"

#define CODE_PREFIX "PW-"

struct _PwSurvivorEditor
{
  AdwWindow       parent_instance;

  PwSession      *session;
  PwSurvivor     *survivor;      /* NULL: a new one */
  GPtrArray      *languages;     /* codes, in the order given */
  char          **template_ids;
  GPtrArray      *stage_ids;     /* of the chosen template; [0] = NULL (not marked) */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *code_row;
  AdwEntryRow    *alias_row;
  AdwEntryRow    *birth_year_row;
  AdwActionRow   *country_row;
  AdwActionRow   *languages_row;
  GtkWidget      *languages_chips_row;
  GtkFlowBox     *languages_box;
  AdwActionRow   *preferred_row;
  AdwComboRow    *template_row;
  AdwEntryRow    *key_worker_row;
  AdwActionRow   *intake_row;
  AdwComboRow    *stage_row;
  PwIsoPicker    *country_picker;
  PwIsoPicker    *language_picker;
  PwIsoPicker    *preferred_picker;
  PwDateButton   *intake_button;
};

G_DEFINE_FINAL_TYPE (PwSurvivorEditor, pw_survivor_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PwStore *
get_store (PwSurvivorEditor *self)
{
  if (self->session == NULL || pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    return NULL;
  return pw_session_get_store (self->session);
}

static void
show_error (PwSurvivorEditor *self,
            const char       *message)
{
  if (message != NULL)
    gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
chosen_template_id (PwSurvivorEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (self->template_ids == NULL || selected >= g_strv_length (self->template_ids))
    return NULL;
  return self->template_ids[selected];
}

/* Whether the pathway's own texts exist in her language. */
static void
update_preferred_hint (PwSurvivorEditor *self)
{
  const char *lang = pw_iso_picker_get_code (self->preferred_picker);
  PwTemplate *template = NULL;
  g_autofree char *hint = NULL;

  if (self->session != NULL)
    template = pw_casework_get_template (self->session, chosen_template_id (self));
  if (lang != NULL && template != NULL && !pw_template_has_language (template, lang))
    /* Translators: %s is a language name */
    hint = g_strdup_printf (_("The pathway is not written in %s yet: she will see it in English."),
                            pw_iso_codes_get_name (pw_iso_codes_get_default (), PW_ISO_LANGUAGE, lang));
  adw_action_row_set_subtitle (self->preferred_row,
                               hint ?: _("Her map and plan are shown and printed in this language."));
}

static void
on_remove_language (GtkButton        *button,
                    PwSurvivorEditor *self);

static void
update_languages (PwSurvivorEditor *self)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->languages_box))) != NULL)
    gtk_flow_box_remove (self->languages_box, child);

  for (guint i = 0; i < self->languages->len; i++)
    {
      const char *code = g_ptr_array_index (self->languages, i);
      const char *name = pw_iso_codes_get_name (iso, PW_ISO_LANGUAGE, code);
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      gtk_box_append (GTK_BOX (box), gtk_label_new (name));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "pw-filter-chip");
      g_object_set_data_full (G_OBJECT (button), "pw-code", g_strdup (code), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_language), self);
      gtk_flow_box_append (self->languages_box, button);
    }
  gtk_widget_set_visible (self->languages_chips_row, self->languages->len > 0);
  adw_action_row_set_subtitle (self->languages_row,
                               self->languages->len == 0 ? _("None recorded yet") : NULL);
}

static gboolean
has_language (PwSurvivorEditor *self,
              const char       *code)
{
  for (guint i = 0; i < self->languages->len; i++)
    if (g_str_equal (g_ptr_array_index (self->languages, i), code))
      return TRUE;
  return FALSE;
}

static void
on_language_picked (PwSurvivorEditor *self,
                    const char       *code)
{
  if (code == NULL || has_language (self, code))
    return;
  g_ptr_array_add (self->languages, g_strdup (code));
  /* Her first language is the best first guess for what she reads. */
  if (pw_iso_picker_get_code (self->preferred_picker) == NULL)
    pw_iso_picker_set_code (self->preferred_picker, code);
  update_languages (self);
}

static void
on_remove_language (GtkButton        *button,
                    PwSurvivorEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "pw-code");

  for (guint i = 0; i < self->languages->len; i++)
    if (g_str_equal (g_ptr_array_index (self->languages, i), code))
      {
        g_ptr_array_remove_index (self->languages, i);
        break;
      }
  update_languages (self);
}

static void
on_code_changed (PwSurvivorEditor *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  PwStore *store = get_store (self);
  gboolean taken = FALSE;

  if (store != NULL && *code != '\0' &&
      (self->survivor == NULL || g_ascii_strcasecmp (code, pw_survivor_get_case_code (self->survivor)) != 0))
    taken = pw_store_case_code_exists (store, code);

  if (taken || *code == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !taken && *code != '\0');
  show_error (self, taken ? _("Another survivor already has this case code. Choose a different one.") : NULL);
}

static void
fill_stages (PwSurvivorEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  PwTemplate *template = self->session ? pw_casework_get_template (self->session, chosen_template_id (self)) : NULL;

  g_ptr_array_set_size (self->stage_ids, 0);
  g_ptr_array_add (self->stage_ids, NULL);
  gtk_string_list_append (names, _("Not marked yet"));
  if (template != NULL)
    {
      GListModel *stages = pw_template_get_stages (template);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);

          g_ptr_array_add (self->stage_ids, g_strdup (pw_stage_get_id (stage)));
          gtk_string_list_append (names, pw_stage_get_name (stage, NULL));
        }
    }
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (names));
  /* Most people arrive at the first stage. */
  adw_combo_row_set_selected (self->stage_row, self->stage_ids->len > 1 ? 1 : 0);
}

static void
on_template_changed (PwSurvivorEditor *self)
{
  if (self->survivor == NULL)
    fill_stages (self);
  update_preferred_hint (self);
}

static gboolean
parse_birth_year (PwSurvivorEditor *self,
                  int              *year)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_year_row))));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint64 value;

  *year = 0;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1900, g_date_time_get_year (now), &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

gboolean
pw_survivor_editor_save (PwSurvivorEditor *self)
{
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *alias = NULL;
  g_autofree char *worker = NULL;
  PwStore *store = get_store (self);
  const char *stage_id = NULL;
  int year;
  gint64 id;

  g_return_val_if_fail (PW_IS_SURVIVOR_EDITOR (self), FALSE);

  if (store == NULL)
    {
      show_error (self, _("The vault is locked. Unlock it and try again."));
      return FALSE;
    }
  if (!parse_birth_year (self, &year))
    {
      show_error (self, _("Enter the year of birth as four digits, for example 1998, or leave it empty."));
      gtk_widget_grab_focus (GTK_WIDGET (self->birth_year_row));
      return FALSE;
    }

  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  alias = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_row))));
  worker = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_worker_row))));
  survivor = self->survivor != NULL ? pw_survivor_copy (self->survivor) : pw_survivor_new ();
  g_ptr_array_add (self->languages, NULL);
  pw_survivor_set_languages (survivor, (const char * const *) self->languages->pdata);
  g_ptr_array_remove_index (self->languages, self->languages->len - 1);
  pw_survivor_set_case_code (survivor, code);
  pw_survivor_set_alias (survivor, *alias ? alias : NULL);
  pw_survivor_set_birth_year (survivor, year);
  pw_survivor_set_country (survivor, pw_iso_picker_get_code (self->country_picker));
  pw_survivor_set_preferred_language (survivor, pw_iso_picker_get_code (self->preferred_picker));
  pw_survivor_set_template_id (survivor, chosen_template_id (self));
  pw_survivor_set_key_worker (survivor, *worker ? worker : NULL);
  pw_survivor_set_intake_date (survivor, pw_date_button_get_date (self->intake_button));

  if (self->survivor == NULL)
    id = pw_store_add_survivor (store, survivor, &error);
  else
    id = pw_store_update_survivor (store, survivor, &error) ? pw_survivor_get_id (survivor) : 0;
  if (id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (self->survivor == NULL && adw_combo_row_get_selected (self->stage_row) < self->stage_ids->len)
    stage_id = g_ptr_array_index (self->stage_ids, adw_combo_row_get_selected (self->stage_row));
  if (stage_id != NULL &&
      pw_store_set_stage_status (store, id, stage_id, PW_STAGE_STATUS_CURRENT,
                                 pw_date_button_get_date (self->intake_button), &error) == 0)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      g_autofree char *message = g_strdup_printf (_("She was added, but her stage was not saved: %s"),
                                                  error->message);

      pw_casework_toast (GTK_WIDGET (parent != NULL ? parent : GTK_WINDOW (self)), message);
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  /* Safety first: her first risk review follows her intake at once
   * (Cancel skips it; the Safety tab keeps asking for it). */
  if (self->survivor == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      PwRiskReviewDialog *review;

      review = pw_risk_review_dialog_new (parent != NULL ? GTK_WIDGET (parent) : NULL, self->session, id);
      pw_risk_review_dialog_set_trigger (review, PW_RISK_TRIGGER_INTAKE);
      gtk_window_present (GTK_WINDOW (review));
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PwSurvivorEditor *self)
{
  pw_survivor_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (PW_SURVIVOR_EDITOR (widget)->save_button)))
    pw_survivor_editor_save (PW_SURVIVOR_EDITOR (widget));
}

static void
on_session_state_changed (PwSurvivorEditor *self)
{
  if (pw_session_get_state (self->session) != PW_SESSION_UNLOCKED)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_survivor_editor_dispose (GObject *object)
{
  PwSurvivorEditor *self = PW_SURVIVOR_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_SURVIVOR_EDITOR);
  g_clear_object (&self->survivor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_survivor_editor_parent_class)->dispose (object);
}

static void
pw_survivor_editor_finalize (GObject *object)
{
  PwSurvivorEditor *self = PW_SURVIVOR_EDITOR (object);

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->stage_ids, g_ptr_array_unref);
  g_clear_pointer (&self->template_ids, g_strfreev);

  G_OBJECT_CLASS (pw_survivor_editor_parent_class)->finalize (object);
}

static void
pw_survivor_editor_class_init (PwSurvivorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_survivor_editor_dispose;
  object_class->finalize = pw_survivor_editor_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-survivor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, alias_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, languages_chips_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, languages_box);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, preferred_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, template_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, key_worker_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, intake_row);
  gtk_widget_class_bind_template_child (widget_class, PwSurvivorEditor, stage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_code_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_template_changed);
}

static void
pw_survivor_editor_init (PwSurvivorEditor *self)
{
  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->stage_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->country_picker = PW_ISO_PICKER (pw_iso_picker_new (PW_ISO_COUNTRY, FALSE, _("Not recorded")));
  adw_action_row_add_suffix (self->country_row, GTK_WIDGET (self->country_picker));
  self->language_picker = PW_ISO_PICKER (pw_iso_picker_new (PW_ISO_LANGUAGE, TRUE, _("Add…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_picker), _("Add a language she speaks"));
  g_signal_connect_swapped (self->language_picker, "picked", G_CALLBACK (on_language_picked), self);
  adw_action_row_add_suffix (self->languages_row, GTK_WIDGET (self->language_picker));
  self->preferred_picker = PW_ISO_PICKER (pw_iso_picker_new (PW_ISO_LANGUAGE, FALSE, _("Not recorded")));
  g_signal_connect_swapped (self->preferred_picker, "notify::code", G_CALLBACK (update_preferred_hint), self);
  adw_action_row_add_suffix (self->preferred_row, GTK_WIDGET (self->preferred_picker));
  self->intake_button = PW_DATE_BUTTON (pw_date_button_new ());
  adw_action_row_add_suffix (self->intake_row, GTK_WIDGET (self->intake_button));
}

static void
fill_templates (PwSurvivorEditor *self,
                const char       *current)
{
  PwTemplateRegistry *registry = pw_session_get_templates (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GSettings *settings = pw_session_get_settings (self->session);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *preferred = NULL;
  guint selected = 0;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (current != NULL)
    preferred = g_strdup (current);
  else if (schema != NULL && g_settings_schema_has_key (schema, "default-template"))
    preferred = g_settings_get_string (settings, "default-template");

  self->template_ids = registry != NULL ? pw_template_registry_dup_ids (registry) : g_new0 (char *, 1);
  for (guint i = 0; self->template_ids[i] != NULL; i++)
    {
      g_autoptr(PwTemplate) template = pw_template_registry_lookup (registry, self->template_ids[i], NULL);

      gtk_string_list_append (names, template != NULL ? pw_template_get_name (template, NULL)
                                                      : self->template_ids[i]);
      if (g_strcmp0 (self->template_ids[i], preferred) == 0 ||
          (preferred == NULL && g_str_equal (self->template_ids[i], "default")))
        selected = i;
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, selected);
}

PwSurvivorEditor *
pw_survivor_editor_new (GtkWindow  *parent,
                        PwSession  *session,
                        PwSurvivor *survivor)
{
  PwSurvivorEditor *self;
  PwStore *store;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  self = g_object_new (PW_TYPE_SURVIVOR_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->survivor = survivor != NULL ? g_object_ref (survivor) : NULL;
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state_changed),
                           self, G_CONNECT_SWAPPED);
  store = get_store (self);

  adw_window_title_set_title (self->window_title, survivor != NULL ? _("Edit Survivor") : _("New Survivor"));
  gtk_button_set_label (self->save_button, survivor != NULL ? _("_Save") : _("_Add"));
  fill_templates (self, survivor != NULL ? pw_survivor_get_template_id (survivor) : NULL);

  if (survivor != NULL)
    {
      const char * const *languages = pw_survivor_get_languages (survivor);
      g_autofree char *year = NULL;

      adw_window_title_set_subtitle (self->window_title, pw_survivor_get_case_code (survivor));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), pw_survivor_get_case_code (survivor));
      gtk_editable_set_text (GTK_EDITABLE (self->alias_row), pw_survivor_get_alias (survivor) ?: "");
      if (pw_survivor_get_birth_year (survivor) > 0)
        year = g_strdup_printf ("%d", pw_survivor_get_birth_year (survivor));
      gtk_editable_set_text (GTK_EDITABLE (self->birth_year_row), year ?: "");
      pw_iso_picker_set_code (self->country_picker, pw_survivor_get_country (survivor));
      for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
        g_ptr_array_add (self->languages, g_strdup (languages[i]));
      pw_iso_picker_set_code (self->preferred_picker, pw_survivor_get_preferred_language (survivor));
      gtk_editable_set_text (GTK_EDITABLE (self->key_worker_row), pw_survivor_get_key_worker (survivor) ?: "");
      pw_date_button_set_date (self->intake_button, pw_survivor_get_intake_date (survivor));
      /* Stages move on her map, not here. */
      gtk_widget_set_visible (GTK_WIDGET (self->stage_row), FALSE);
    }
  else
    {
      g_autofree char *code = store != NULL ? pw_store_suggest_case_code (store, CODE_PREFIX) : NULL;
      g_autofree char *today = pw_casework_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code ?: "");
      pw_date_button_set_date (self->intake_button, today);
      fill_stages (self);
    }
  update_languages (self);
  update_preferred_hint (self);
  on_code_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));

  return self;
}
