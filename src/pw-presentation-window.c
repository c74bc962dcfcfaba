/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-map-station.h"
#include "pw-presentation-window.h"

/* The type follows the window's height, so the back row of a workshop
 * reads the same on a 720p projector as on a 1080p one. */
#define LINES_PER_SCREEN 34.0

struct _PwPresentationWindow
{
  AdwWindow parent_instance;

  PwSession *session;
  PwTemplate *template;
  GtkCssProvider *scale_provider;
  int scaled_for_height;
  int pending_height;
  guint scale_source;

  /* The example case followed through the stages. */
  gint64 case_id;
  char *case_code;
  GHashTable *case_stages;   /* stage id → PwStageState */
  GPtrArray *case_items;     /* PwPlanItem */

  GtkWidget *frame;
  GtkStack *slides;
  GtkWidget *hint_label;
  GtkWidget *demo_label;
  GtkWidget *counter_label;
  guint n_slides;
  guint current;
};

G_DEFINE_FINAL_TYPE (PwPresentationWindow, pw_presentation_window, ADW_TYPE_WINDOW)

static gboolean
real_vault_open (PwSession *session)
{
  return pw_session_get_state (session) == PW_SESSION_UNLOCKED && !pw_session_get_demo (session);
}

gboolean
pw_presentation_can_start (PwSession  *session,
                           GError    **error)
{
  g_return_val_if_fail (PW_IS_SESSION (session), FALSE);

  if (real_vault_open (session))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The presentation only runs while no real case is open, so that nothing "
                             "real can reach a projector. Lock the vault (Ctrl+L) or open the example "
                             "cases, then press F5 again."));
      return FALSE;
    }
  return TRUE;
}

/* ---- Slides -------------------------------------------------------------- */

static GtkWidget *
slide_label (GtkWidget         *box,
             const char        *text,
             const char        *css_class,
             GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text ? text : "",
                                   "accessible-role", role,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
slide_new (void)
{
  GtkWidget *slide = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (slide, "pw-slide");
  gtk_widget_set_valign (slide, GTK_ALIGN_CENTER);
  return slide;
}

static PwStageStatus
case_stage_status (PwPresentationWindow *self,
                   const char           *stage_id,
                   const char          **since)
{
  PwStageState *state = self->case_stages ? g_hash_table_lookup (self->case_stages, stage_id) : NULL;

  if (since != NULL)
    *since = state ? pw_stage_state_get_since (state) : NULL;
  return state ? pw_stage_state_get_status (state) : PW_STAGE_STATUS_NOT_REACHED;
}

/* Where the followed case stands in @stage, as a sentence; NULL without one. */
static char *
case_sentence (PwPresentationWindow *self,
               PwStage              *stage)
{
  const char *since = NULL;
  g_autofree char *date = NULL;

  if (self->case_id == 0)
    return NULL;

  switch (case_stage_status (self, pw_stage_get_id (stage), &since))
    {
    case PW_STAGE_STATUS_CURRENT:
      date = pw_map_format_date (since, FALSE);
      if (date != NULL)
        /* Translators: in the presentation; %1$s is an example case's code, %2$s a month and year */
        return g_strdup_printf (_("%1$s is in this stage, since %2$s."), self->case_code, date);
      /* Translators: in the presentation; %s is an example case's code */
      return g_strdup_printf (_("%s is in this stage."), self->case_code);
    case PW_STAGE_STATUS_REVISITED:
      /* Translators: in the presentation; %s is an example case's code */
      return g_strdup_printf (_("%s came back to this stage: progress is not a straight line."),
                              self->case_code);
    case PW_STAGE_STATUS_COMPLETED:
      /* Translators: in the presentation; %s is an example case's code */
      return g_strdup_printf (_("%s has been through this stage."), self->case_code);
    case PW_STAGE_STATUS_NOT_REACHED:
    default:
      /* Translators: in the presentation; %s is an example case's code */
      return g_strdup_printf (_("%s has not reached this stage yet."), self->case_code);
    }
}

static void
add_case_line (PwPresentationWindow *self,
               GtkWidget            *slide,
               PwStage              *stage)
{
  g_autofree char *sentence = case_sentence (self, stage);
  GtkWidget *label;

  if (sentence == NULL)
    return;
  label = slide_label (slide, sentence, "pw-slide-case", GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_widget_set_margin_top (label, 24);
}

static GtkWidget *
build_overview (PwPresentationWindow *self,
                gboolean              at_end)
{
  GListModel *stages = pw_template_get_stages (self->template);
  guint n = g_list_model_get_n_items (stages);
  GtkWidget *slide = slide_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *subtitle = NULL;

  if (at_end)
    {
      slide_label (slide, _("The Whole Pathway"), "pw-slide-title", GTK_ACCESSIBLE_ROLE_HEADING);
      subtitle = g_strdup (pw_template_get_name (self->template, NULL));
    }
  else
    {
      slide_label (slide, pw_template_get_name (self->template, NULL), "pw-slide-title",
                   GTK_ACCESSIBLE_ROLE_HEADING);
      subtitle = g_strdup_printf (ngettext ("%u stage, walked at her own pace, forward and sometimes back",
                                            "%u stages, walked at her own pace, forward and sometimes back", n),
                                  n);
    }
  slide_label (slide, subtitle, "pw-slide-subtitle", GTK_ACCESSIBLE_ROLE_LABEL);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_add_css_class (row, "pw-slide-road");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *badge = gtk_label_new (number);
      GtkWidget *name;

      gtk_widget_add_css_class (column, "pw-slide-stop");
      gtk_widget_add_css_class (badge, "pw-slide-number");
      gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (column), badge);
      name = slide_label (column, pw_stage_get_name (stage, NULL), "pw-slide-stage-name", GTK_ACCESSIBLE_ROLE_LABEL);
      gtk_label_set_xalign (GTK_LABEL (name), 0.5f);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
      if (self->case_id != 0)
        {
          PwStageStatus status = case_stage_status (self, pw_stage_get_id (stage), NULL);
          const char *text = NULL;
          GtkWidget *label;

          if (status == PW_STAGE_STATUS_CURRENT)
            text = _("She is here");
          else if (status == PW_STAGE_STATUS_COMPLETED)
            text = _("Been through");
          else if (status == PW_STAGE_STATUS_REVISITED)
            text = _("Back here again");
          if (text != NULL)
            {
              label = slide_label (column, text, "pw-slide-stop-case", GTK_ACCESSIBLE_ROLE_LABEL);
              gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
            }
          if (status == PW_STAGE_STATUS_CURRENT)
            gtk_widget_add_css_class (column, "current");
        }
      gtk_box_append (GTK_BOX (row), column);
    }
  gtk_box_append (GTK_BOX (slide), row);

  if (self->case_id != 0)
    {
      /* Translators: in the presentation; %s is an example case's code */
      g_autofree char *following = g_strdup_printf (_("Following the example case %s."), self->case_code);

      gtk_widget_set_margin_top (slide_label (slide, following, "pw-slide-case", GTK_ACCESSIBLE_ROLE_LABEL), 24);
    }
  return slide;
}

static GtkWidget *
build_stage (PwPresentationWindow *self,
             PwStage              *stage,
             guint                 index,
             guint                 n)
{
  GtkWidget *slide = slide_new ();
  GtkWidget *roles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *hers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *community = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Translators: in the presentation, above a stage's name */
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u"), index + 1, n);

  slide_label (slide, kicker, "pw-slide-kicker", GTK_ACCESSIBLE_ROLE_LABEL);
  slide_label (slide, pw_stage_get_name (stage, NULL), "pw-slide-title", GTK_ACCESSIBLE_ROLE_HEADING);
  slide_label (slide, pw_stage_get_summary (stage, NULL), "pw-slide-text", GTK_ACCESSIBLE_ROLE_LABEL);

  gtk_box_set_homogeneous (GTK_BOX (roles), TRUE);
  gtk_widget_add_css_class (roles, "pw-slide-roles");
  gtk_widget_add_css_class (hers, "pw-slide-role");
  gtk_widget_add_css_class (community, "pw-slide-role");
  slide_label (hers, _("Her Role"), "pw-slide-heading", GTK_ACCESSIBLE_ROLE_HEADING);
  slide_label (hers, pw_stage_get_survivor_role (stage, NULL), "pw-slide-role-text", GTK_ACCESSIBLE_ROLE_LABEL);
  slide_label (community, _("The Community’s Role"), "pw-slide-heading", GTK_ACCESSIBLE_ROLE_HEADING);
  slide_label (community, pw_stage_get_community_role (stage, NULL), "pw-slide-role-text",
               GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_box_append (GTK_BOX (roles), hers);
  gtk_box_append (GTK_BOX (roles), community);
  gtk_box_append (GTK_BOX (slide), roles);

  add_case_line (self, slide, stage);
  return slide;
}

static PwPlanItem *
case_item_on_step (PwPresentationWindow *self,
                   const char           *step_id)
{
  PwPlanItem *found = NULL;

  if (self->case_items == NULL)
    return NULL;
  /* Her most advanced item on the step speaks for it. */
  for (guint i = 0; i < self->case_items->len; i++)
    {
      PwPlanItem *item = g_ptr_array_index (self->case_items, i);

      if (g_strcmp0 (pw_plan_item_get_step_id (item), step_id) != 0 ||
          pw_plan_item_get_status (item) == PW_PLAN_ITEM_STATUS_DROPPED)
        continue;
      if (found == NULL || pw_plan_item_get_status (item) == PW_PLAN_ITEM_STATUS_ACHIEVED)
        found = item;
    }
  return found;
}

static GtkWidget *
build_steps (PwPresentationWindow *self,
             PwStage              *stage,
             guint                 index,
             guint                 n)
{
  GListModel *steps = pw_stage_get_steps (stage);
  guint n_steps = g_list_model_get_n_items (steps);
  guint rows = (n_steps + 1) / 2;
  GtkWidget *slide = slide_new ();
  GtkWidget *grid = gtk_grid_new ();
  /* Translators: in the presentation, above a stage's name on the slide of its steps */
  g_autofree char *kicker = g_strdup_printf (_("Stage %u of %u: its steps"), index + 1, n);

  slide_label (slide, kicker, "pw-slide-kicker", GTK_ACCESSIBLE_ROLE_LABEL);
  slide_label (slide, pw_stage_get_name (stage, NULL), "pw-slide-title", GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_add_css_class (grid, "pw-slide-steps");
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(PwStep) step = g_list_model_get_item (steps, i);
      PwDomain *domain = pw_template_lookup_domain (self->template, pw_step_get_domain_id (step));
      PwPlanItem *item = case_item_on_step (self, pw_step_get_id (step));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *icon;

      gtk_widget_add_css_class (row, "pw-slide-step");
      icon = gtk_image_new_from_icon_name (domain ? pw_domain_get_icon_name (domain) : "media-record-symbolic");
      gtk_widget_add_css_class (icon, "pw-slide-step-icon");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      if (domain != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        pw_domain_get_name (domain, NULL), -1);
      gtk_box_append (GTK_BOX (row), icon);
      slide_label (texts, pw_step_get_title (step, NULL), "pw-slide-step-title", GTK_ACCESSIBLE_ROLE_LABEL);
      if (item != NULL)
        {
          gtk_widget_add_css_class (row, "hers");
          slide_label (texts, pw_plan_item_status_to_string (pw_plan_item_get_status (item)),
                       "pw-slide-step-status", GTK_ACCESSIBLE_ROLE_LABEL);
        }
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (row), texts);
      /* Down the first column, then the second: the template's order. */
      gtk_grid_attach (GTK_GRID (grid), row, i / rows, i % rows, 1, 1);
    }
  gtk_box_append (GTK_BOX (slide), grid);

  add_case_line (self, slide, stage);
  return slide;
}

static void
update_footer (PwPresentationWindow *self)
{
  g_autofree char *counter = NULL;

  /* Translators: the presentation's slide counter, e.g. "3 / 10" */
  counter = g_strdup_printf (_("%u / %u"), self->current + 1, self->n_slides);
  gtk_label_set_text (GTK_LABEL (self->counter_label), counter);

  gtk_widget_set_visible (self->demo_label, pw_session_get_demo (self->session));

  if (pw_session_get_demo (self->session))
    gtk_label_set_text (GTK_LABEL (self->hint_label),
                        _("← →: move   C: follow an example case   Esc: leave"));
  else
    gtk_label_set_text (GTK_LABEL (self->hint_label), _("← →: move   Esc: leave"));
}

static void
show_current (PwPresentationWindow *self,
              gboolean              animate)
{
  g_autofree char *name = g_strdup_printf ("slide-%u", self->current);
  GtkStackTransitionType transition = gtk_stack_get_transition_type (self->slides);

  if (!animate)
    gtk_stack_set_transition_type (self->slides, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child_name (self->slides, name);
  gtk_stack_set_transition_type (self->slides, transition);
  update_footer (self);
}

static void
rebuild_slides (PwPresentationWindow *self)
{
  GListModel *stages = pw_template_get_stages (self->template);
  guint n = g_list_model_get_n_items (stages);
  GtkWidget *child;
  guint index = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slides))) != NULL)
    gtk_stack_remove (self->slides, child);

#define ADD_SLIDE(widget) \
  G_STMT_START { \
    g_autofree char *slide_name = g_strdup_printf ("slide-%u", index++); \
    gtk_stack_add_named (self->slides, (widget), slide_name); \
  } G_STMT_END

  ADD_SLIDE (build_overview (self, FALSE));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwStage) stage = g_list_model_get_item (stages, i);

      ADD_SLIDE (build_stage (self, stage, i, n));
      ADD_SLIDE (build_steps (self, stage, i, n));
    }
  ADD_SLIDE (build_overview (self, TRUE));
#undef ADD_SLIDE

  self->n_slides = index;
  self->current = MIN (self->current, self->n_slides - 1);
  show_current (self, FALSE);
}

/* ---- The followed case ------------------------------------------------- */

static void
forget_case (PwPresentationWindow *self)
{
  self->case_id = 0;
  g_clear_pointer (&self->case_code, g_free);
  g_clear_pointer (&self->case_stages, g_hash_table_unref);
  g_clear_pointer (&self->case_items, g_ptr_array_unref);
}

static void
use_template (PwPresentationWindow *self,
              const char           *id)
{
  g_autoptr(PwTemplate) template = NULL;

  if (id != NULL)
    template = pw_session_lookup_template (self->session, id, NULL);
  if (template == NULL)
    template = pw_session_lookup_template (self->session,
                                           g_settings_get_string (pw_session_get_settings (self->session),
                                                                  "default-template"), NULL);
  if (template == NULL)
    template = pw_session_lookup_template (self->session, "default", NULL);
  g_set_object (&self->template, template);
}

void
pw_presentation_window_follow_case (PwPresentationWindow *self,
                                    gint64                survivor_id)
{
  g_autoptr(PwSurvivor) survivor = NULL;
  g_autoptr(GPtrArray) states = NULL;
  PwStore *store;

  g_return_if_fail (PW_IS_PRESENTATION_WINDOW (self));

  forget_case (self);
  /* Never a real case, whatever the caller asks. */
  store = pw_session_get_demo (self->session) ? pw_session_get_store (self->session) : NULL;
  if (survivor_id > 0 && store != NULL &&
      (survivor = pw_store_get_survivor (store, survivor_id, NULL)) != NULL &&
      (states = pw_store_list_stage_states (store, survivor_id, NULL)) != NULL)
    {
      self->case_id = survivor_id;
      self->case_code = g_strdup (pw_survivor_get_case_code (survivor));
      self->case_stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < states->len; i++)
        {
          PwStageState *state = g_ptr_array_index (states, i);

          g_hash_table_replace (self->case_stages, g_strdup (pw_stage_state_get_stage_id (state)),
                                g_object_ref (state));
        }
      self->case_items = pw_store_load_plan_items (store, survivor_id, NULL);
      use_template (self, pw_survivor_get_template_id (survivor));
    }
  else
    use_template (self, NULL);

  rebuild_slides (self);
}

gint64
pw_presentation_window_get_case (PwPresentationWindow *self)
{
  g_return_val_if_fail (PW_IS_PRESENTATION_WINDOW (self), 0);
  return self->case_id;
}

/* C: none → the first example case → the next … → none. */
static void
next_case (PwPresentationWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  PwStore *store;
  gint64 next = 0;

  if (!pw_session_get_demo (self->session) || (store = pw_session_get_store (self->session)) == NULL)
    return;
  ids = pw_store_list_survivor_ids (store, NULL, -1, PW_SURVIVOR_SORT_CASE_CODE, NULL);
  if (ids == NULL || ids->len == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == self->case_id)
      {
        next = i + 1 < ids->len ? g_array_index (ids, gint64, i + 1) : 0;
        break;
      }
  if (self->case_id == 0)
    next = g_array_index (ids, gint64, 0);
  pw_presentation_window_follow_case (self, next);
}

/* ---- Navigation -------------------------------------------------------- */

guint
pw_presentation_window_get_n_slides (PwPresentationWindow *self)
{
  g_return_val_if_fail (PW_IS_PRESENTATION_WINDOW (self), 0);
  return self->n_slides;
}

guint
pw_presentation_window_get_slide (PwPresentationWindow *self)
{
  g_return_val_if_fail (PW_IS_PRESENTATION_WINDOW (self), 0);
  return self->current;
}

void
pw_presentation_window_set_slide (PwPresentationWindow *self,
                                  guint                 slide)
{
  g_return_if_fail (PW_IS_PRESENTATION_WINDOW (self));

  slide = MIN (slide, self->n_slides - 1);
  if (slide == self->current)
    return;
  self->current = slide;
  show_current (self, TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwPresentationWindow *self = PW_PRESENTATION_WINDOW (widget);
  int delta = g_variant_get_int32 (parameter);

  if (delta == G_MININT32)
    pw_presentation_window_set_slide (self, 0);
  else if (delta == G_MAXINT32)
    pw_presentation_window_set_slide (self, self->n_slides - 1);
  else if (delta < 0 && self->current > 0)
    pw_presentation_window_set_slide (self, self->current - 1);
  else if (delta > 0)
    pw_presentation_window_set_slide (self, self->current + 1);
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  next_case (PW_PRESENTATION_WINDOW (widget));
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_click (GtkGestureClick      *gesture,
          int                   n_press,
          double                x,
          double                y,
          PwPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_activate_action (GTK_WIDGET (self), "presentation.move", "i", button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

/* ---- Type size ---------------------------------------------------------- */

static void
update_scale (PwPresentationWindow *self,
              int                   height)
{
  g_autofree char *css = NULL;

  if (height <= 0 || height == self->scaled_for_height)
    return;
  self->scaled_for_height = height;
  css = g_strdup_printf (".pw-presentation { font-size: %dpx; }", (int) (height / LINES_PER_SCREEN + 0.5));
  gtk_css_provider_load_from_data (self->scale_provider, css, -1);
}

static gboolean
on_scale_idle (gpointer data)
{
  PwPresentationWindow *self = data;

  self->scale_source = 0;
  update_scale (self, self->pending_height);
  return G_SOURCE_REMOVE;
}

static void
pw_presentation_window_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  PwPresentationWindow *self = PW_PRESENTATION_WINDOW (widget);

  GTK_WIDGET_CLASS (pw_presentation_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* Not during this allocation: new type sizes need a new measure first. */
  self->pending_height = height;
  if (height != self->scaled_for_height && self->scale_source == 0)
    self->scale_source = g_idle_add (on_scale_idle, self);
}

/* ---- Safety ------------------------------------------------------------- */

static void
on_session_changed (PwPresentationWindow *self)
{
  /* A real vault opened under us (or the demo closed): nothing may stay
   * on the projector that came from it. */
  if (real_vault_open (self->session))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->case_id != 0 && !pw_session_get_demo (self->session))
    pw_presentation_window_follow_case (self, 0);
  else
    update_footer (self);
}

PwPresentationWindow *
pw_presentation_window_new (GtkApplication  *application,
                            PwSession       *session,
                            GError         **error)
{
  PwPresentationWindow *self;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  if (!pw_presentation_can_start (session, error))
    return NULL;

  self = g_object_new (PW_TYPE_PRESENTATION_WINDOW, "application", application, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::demo", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  use_template (self, NULL);
  rebuild_slides (self);
  return self;
}

static void
show_refusal (GtkWindow  *parent,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("No Presentation While the Vault Is Open"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pw_presentation_start (GtkWindow *parent,
                       PwSession *session)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = parent ? gtk_window_get_application (parent) : NULL;
  PwPresentationWindow *self;

  g_return_if_fail (PW_IS_SESSION (session));

  self = pw_presentation_window_new (application, session, &error);
  if (self == NULL)
    {
      show_refusal (parent, error->message);
      return;
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------ */

static void
pw_presentation_window_dispose (GObject *object)
{
  PwPresentationWindow *self = PW_PRESENTATION_WINDOW (object);

  forget_case (self);
  g_clear_handle_id (&self->scale_source, g_source_remove);
  if (self->scale_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->scale_provider));
  g_clear_object (&self->scale_provider);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PRESENTATION_WINDOW);
  g_clear_object (&self->template);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pw_presentation_window_parent_class)->dispose (object);
}

static void
pw_presentation_window_class_init (PwPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_presentation_window_dispose;
  widget_class->size_allocate = pw_presentation_window_size_allocate;

  gtk_widget_class_install_action (widget_class, "presentation.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "presentation.follow-case", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

  {
    static const guint forward[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Page_Down, GDK_KEY_space,
                                     GDK_KEY_KP_Right, GDK_KEY_KP_Down, GDK_KEY_KP_Page_Down, GDK_KEY_Return };
    static const guint back[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up, GDK_KEY_BackSpace,
                                  GDK_KEY_KP_Left, GDK_KEY_KP_Up, GDK_KEY_KP_Page_Up };

    for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
      gtk_widget_class_add_binding_action (widget_class, forward[i], 0, "presentation.move", "i", 1);
    for (guint i = 0; i < G_N_ELEMENTS (back); i++)
      gtk_widget_class_add_binding_action (widget_class, back[i], 0, "presentation.move", "i", -1);
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "presentation.move", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "presentation.move", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "presentation.follow-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPresentationWindow, frame);
  gtk_widget_class_bind_template_child (widget_class, PwPresentationWindow, slides);
  gtk_widget_class_bind_template_child (widget_class, PwPresentationWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PwPresentationWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, PwPresentationWindow, counter_label);
}

static void
pw_presentation_window_init (PwPresentationWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->scale_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->scale_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_scale (self, 720);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (self->frame, GTK_EVENT_CONTROLLER (click));
}
