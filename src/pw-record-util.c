/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-record-util"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-record-util.h"

PwStore *
pw_record_follow_store (gpointer    page,
                        PwSession  *session,
                        GCallback   on_changed,
                        PwStore   **store,
                        gulong     *changed_id,
                        gint64     *survivor_id)
{
  PwStore *unlocked = NULL;

  g_return_val_if_fail (G_IS_OBJECT (page), NULL);
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  pw_record_drop_store (store, changed_id);
  if (pw_session_get_state (session) == PW_SESSION_UNLOCKED)
    unlocked = pw_session_get_store (session);
  if (unlocked != NULL)
    {
      *store = g_object_ref (unlocked);
      *changed_id = g_signal_connect_swapped (unlocked, "changed", on_changed, page);
    }
  else if (survivor_id != NULL)
    {
      /* Locked: nothing of her stays on screen or in memory. */
      *survivor_id = 0;
      g_object_notify (G_OBJECT (page), "survivor-id");
    }
  return *store;
}

void
pw_record_drop_store (PwStore **store,
                      gulong   *changed_id)
{
  if (*store != NULL)
    g_clear_signal_handler (changed_id, *store);
  g_clear_object (store);
}

GtkWidget *
pw_record_list_new (const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (placeholder != NULL)
    {
      GtkWidget *label = gtk_label_new (placeholder);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_margin_top (label, 18);
      gtk_widget_set_margin_bottom (label, 18);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), label);
    }
  return list;
}

void
pw_record_list_clear (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;
    }
}

/* libadwaita 1.2 ellipsizes a group's title (the "heading" label of its
 * header); later versions wrap it. */
static void
wrap_heading (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading"))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          return;
        }
      /* Only the header: never the rows below it. */
      if (!GTK_IS_LIST_BOX (child))
        wrap_heading (child);
    }
}

void
pw_record_wrap_group_titles (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_PREFERENCES_GROUP (root))
    wrap_heading (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pw_record_wrap_group_titles (child);
}

/* Narrower than this, a page's buttons beside texts keep only their icons. */
#define COMPACT_WIDTH 560

typedef struct
{
  GtkAdjustment *adjustment;    /* the scroller's (which owns us), followed for its width */
  gulong width_handler;
  GPtrArray *buttons;           /* unowned: each removes itself on destroy */
  guint idle;
  gboolean compact;
} Compact;

static void
compact_free (Compact *compact)
{
  g_clear_handle_id (&compact->idle, g_source_remove);
  g_clear_signal_handler (&compact->width_handler, compact->adjustment);
  g_clear_object (&compact->adjustment);
  /* Buttons that outlive the page must not call back into freed memory. */
  for (guint i = 0; i < compact->buttons->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (compact->buttons, i), compact);
  g_ptr_array_unref (compact->buttons);
  g_free (compact);
}

static void
show_compact (GtkWidget *button,
              gboolean   compact)
{
  if (compact)
    gtk_button_set_icon_name (GTK_BUTTON (button), g_object_get_data (G_OBJECT (button), "pw-compact-icon"));
  else
    {
      gtk_button_set_label (GTK_BUTTON (button), g_object_get_data (G_OBJECT (button), "pw-compact-label"));
      gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
    }
}

/* Not during the allocation that changed the width: on the next idle. */
static gboolean
on_compact_idle (gpointer data)
{
  Compact *compact = data;
  double width = gtk_adjustment_get_page_size (compact->adjustment);
  gboolean narrow = width > 0 && width < COMPACT_WIDTH;

  compact->idle = 0;
  if (narrow != compact->compact)
    {
      compact->compact = narrow;
      for (guint i = 0; i < compact->buttons->len; i++)
        show_compact (g_ptr_array_index (compact->buttons, i), narrow);
    }
  return G_SOURCE_REMOVE;
}

static void
on_compact_width (Compact *compact)
{
  if (compact->idle == 0)
    compact->idle = g_idle_add (on_compact_idle, compact);
}

static void
on_compact_button_destroy (GtkWidget *button,
                           Compact   *compact)
{
  g_ptr_array_remove (compact->buttons, button);
}

void
pw_record_compact_button (GtkScrolledWindow *scroller,
                          GtkWidget         *button,
                          const char        *icon_name)
{
  Compact *compact;
  const char *label;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (icon_name != NULL);

  compact = g_object_get_data (G_OBJECT (scroller), "pw-compact");
  if (compact == NULL)
    {
      compact = g_new0 (Compact, 1);
      compact->buttons = g_ptr_array_new ();
      compact->adjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (scroller));
      compact->width_handler = g_signal_connect_swapped (compact->adjustment, "notify::page-size",
                                                         G_CALLBACK (on_compact_width), compact);
      g_object_set_data_full (G_OBJECT (scroller), "pw-compact", compact, (GDestroyNotify) compact_free);
    }

  label = gtk_button_get_label (GTK_BUTTON (button));
  g_object_set_data_full (G_OBJECT (button), "pw-compact-label", g_strdup (label), g_free);
  g_object_set_data_full (G_OBJECT (button), "pw-compact-icon", g_strdup (icon_name), g_free);
  if (gtk_widget_get_tooltip_text (button) == NULL && label != NULL)
    {
      g_autoptr(GString) words = g_string_new (label);

      g_string_replace (words, "_", "", 0);
      gtk_widget_set_tooltip_text (button, words->str);
    }
  g_ptr_array_add (compact->buttons, button);
  g_signal_connect (button, "destroy", G_CALLBACK (on_compact_button_destroy), compact);
  if (compact->compact)
    show_compact (button, TRUE);
}

GtkWidget *
pw_record_row_new (const char *title,
                   const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ?: "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
pw_record_expander_new (const char *title,
                        const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ?: "");
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

GtkWidget *
pw_record_tag_new (const char *text,
                   const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

GtkWidget *
pw_record_text_box_new (GtkTextView **view,
                        int           height)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 12);
  gtk_widget_set_size_request (text, -1, height);
  gtk_frame_set_child (GTK_FRAME (frame), text);
  if (view != NULL)
    *view = GTK_TEXT_VIEW (text);
  return frame;
}

char *
pw_record_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

const char *
pw_record_consent_scope_label (PwConsentScope scope)
{
  switch (scope)
    {
    case PW_CONSENT_SCOPE_SERVICES:
      return _("Receiving services");
    case PW_CONSENT_SCOPE_DATA_SHARING:
      return _("Sharing her data with a named service");
    case PW_CONSENT_SCOPE_REPORTING:
      return _("Non-identifiable reporting");
    default:
      return NULL;
    }
}

const char *
pw_record_consent_form_label (PwConsentForm form)
{
  return form == PW_CONSENT_FORM_VERBAL ? _("Verbal") : _("Written");
}

const char *
pw_record_consent_status_label (PwConsentStatus status)
{
  switch (status)
    {
    case PW_CONSENT_STATUS_GIVEN:
      return C_("consent", "Given");
    case PW_CONSENT_STATUS_REFUSED:
      return C_("consent", "Refused");
    case PW_CONSENT_STATUS_WITHDRAWN:
      return C_("consent", "Withdrawn");
    default:
      return NULL;
    }
}

const char *
pw_record_referral_status_label (PwReferralStatus status)
{
  switch (status)
    {
    case PW_REFERRAL_STATUS_PROPOSED:
      return C_("referral", "Proposed");
    case PW_REFERRAL_STATUS_SENT:
      return C_("referral", "Sent");
    case PW_REFERRAL_STATUS_ACCEPTED:
      return C_("referral", "Accepted");
    case PW_REFERRAL_STATUS_COMPLETED:
      return C_("referral", "Completed");
    case PW_REFERRAL_STATUS_DECLINED:
      return C_("referral", "Declined");
    default:
      return NULL;
    }
}

const char *
pw_record_coverage_label (PwNeedCoverage coverage)
{
  switch (coverage)
    {
    case PW_NEED_COVERAGE_COVERED:
      return C_("need", "Covered");
    case PW_NEED_COVERAGE_PARTLY:
      return C_("need", "Partly covered");
    case PW_NEED_COVERAGE_NOT_COVERED:
      return C_("need", "Not covered");
    default:
      return NULL;
    }
}

const char *
pw_record_coverage_style (PwNeedCoverage coverage)
{
  switch (coverage)
    {
    case PW_NEED_COVERAGE_COVERED:
      return "success";
    case PW_NEED_COVERAGE_PARTLY:
      return "warning";
    case PW_NEED_COVERAGE_NOT_COVERED:
    default:
      return "error";
    }
}

const char *
pw_record_need_label (const char *need)
{
  if (g_strcmp0 (need, "housing") == 0)
    return _("Safe housing");
  if (g_strcmp0 (need, "food") == 0)
    return _("Food");
  if (g_strcmp0 (need, "clothing") == 0)
    return _("Clothing");
  if (g_strcmp0 (need, "health") == 0)
    return _("Health care");
  return NULL;
}

const char *
pw_record_life_change_label (PwLifeChange change)
{
  switch (change)
    {
    case PW_LIFE_CHANGE_RESIDENCE:
      return _("Her home");
    case PW_LIFE_CHANGE_WORK:
      return _("Her work or training");
    case PW_LIFE_CHANGE_AREA:
      return _("The area of the city she goes to");
    default:
      return NULL;
    }
}

char *
pw_record_consent_title (PwConsent  *consent,
                         const char *service_name)
{
  g_return_val_if_fail (PW_IS_CONSENT (consent), NULL);

  switch (pw_consent_get_scope (consent))
    {
    case PW_CONSENT_SCOPE_SERVICES:
      if (service_name != NULL)
        /* Translators: her consent to receive services from the named service */
        return g_strdup_printf (_("Receiving services from %s"), service_name);
      return g_strdup (_("Receiving the programme’s services"));
    case PW_CONSENT_SCOPE_DATA_SHARING:
      return g_strdup_printf (_("Sharing her data with %s"),
                              service_name != NULL ? service_name : _("a service no longer listed"));
    case PW_CONSENT_SCOPE_REPORTING:
    default:
      return g_strdup (_("Non-identifiable reporting"));
    }
}

char *
pw_record_author_name (PwVault    *vault,
                       const char *author_slot_id)
{
  GListModel *slots;

  if (author_slot_id == NULL)
    return g_strdup (_("Someone on the team"));
  slots = vault != NULL ? pw_vault_get_slots (vault) : NULL;
  for (guint i = 0; slots != NULL && i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(PwKeySlot) slot = g_list_model_get_item (slots, i);

      if (g_strcmp0 (pw_key_slot_get_id (slot), author_slot_id) == 0)
        return g_strdup (pw_key_slot_get_label (slot));
    }
  return g_strdup (_("A former member of the team"));
}
