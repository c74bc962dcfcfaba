/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-casework"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pw-casework-util.h"

PwTemplate *
pw_casework_get_template (PwSession  *session,
                          const char *template_id)
{
  PwTemplate *template = NULL;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  if (template_id != NULL && *template_id != '\0')
    template = pw_session_lookup_template (session, template_id, NULL);
  if (template == NULL)
    template = pw_session_lookup_template (session, "default", NULL);
  /* The registry keeps the templates it resolved: hand out its pointer. */
  if (template != NULL)
    g_object_unref (template);
  return template;
}

const char *
pw_casework_stage_name (PwSession  *session,
                        const char *template_id,
                        const char *stage_id,
                        const char *lang)
{
  PwTemplate *template;
  PwStage *stage;

  if (session == NULL || stage_id == NULL)
    return NULL;
  template = pw_casework_get_template (session, template_id);
  stage = template != NULL ? pw_template_lookup_stage (template, stage_id) : NULL;
  return stage != NULL ? pw_stage_get_name (stage, lang) : NULL;
}

const char *
pw_casework_plan_status_label (PwPlanItemStatus status)
{
  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_PROPOSED:
      return C_("plan item status", "Proposed");
    case PW_PLAN_ITEM_STATUS_AGREED:
      return C_("plan item status", "Agreed");
    case PW_PLAN_ITEM_STATUS_IN_PROGRESS:
      return C_("plan item status", "In progress");
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      return C_("plan item status", "Achieved");
    case PW_PLAN_ITEM_STATUS_PAUSED:
      return C_("plan item status", "Paused");
    case PW_PLAN_ITEM_STATUS_DROPPED:
      return C_("plan item status", "Dropped");
    default:
      return "";
    }
}

/* Drawn as rings by the style sheet, like on the map: grey dashed for
 * proposed, brown for agreed, half-filled blue for in progress, filled
 * green with a check for achieved. */
const char *
pw_casework_plan_status_icon (PwPlanItemStatus status)
{
  switch (status)
    {
    case PW_PLAN_ITEM_STATUS_ACHIEVED:
      return "object-select-symbolic";
    case PW_PLAN_ITEM_STATUS_PAUSED:
      return "media-playback-pause-symbolic";
    case PW_PLAN_ITEM_STATUS_DROPPED:
      return "window-close-symbolic";
    case PW_PLAN_ITEM_STATUS_IN_PROGRESS:
    case PW_PLAN_ITEM_STATUS_AGREED:
    case PW_PLAN_ITEM_STATUS_PROPOSED:
    default:
      return NULL;
    }
}

const char *
pw_casework_survivor_status_label (PwSurvivorStatus status)
{
  switch (status)
    {
    case PW_SURVIVOR_STATUS_ACTIVE:
      return C_("case status", "Active");
    case PW_SURVIVOR_STATUS_PAUSED:
      return C_("case status", "Paused");
    case PW_SURVIVOR_STATUS_CLOSED:
      return C_("case status", "Closed");
    default:
      return "";
    }
}

const char *
pw_casework_close_reason_label (PwCloseReason reason)
{
  switch (reason)
    {
    case PW_CLOSE_REASON_INTEGRATED:
      return C_("close reason", "Integrated");
    case PW_CLOSE_REASON_MOVED:
      return C_("close reason", "Moved away");
    case PW_CLOSE_REASON_RETURNED_HOME:
      return C_("close reason", "Returned home");
    case PW_CLOSE_REASON_LOST_CONTACT:
      return C_("close reason", "Lost contact");
    case PW_CLOSE_REASON_OTHER:
      return C_("close reason", "Other reason");
    case PW_CLOSE_REASON_NONE:
    default:
      return "";
    }
}

static GDateTime *
parse_date (const char *date)
{
  unsigned y, m, d;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

static const char *
month_abbreviation (int month)
{
  switch (month)
    {
    case 1: return C_("abbreviated month", "Jan");
    case 2: return C_("abbreviated month", "Feb");
    case 3: return C_("abbreviated month", "Mar");
    case 4: return C_("abbreviated month", "Apr");
    case 5: return C_("abbreviated month", "May");
    case 6: return C_("abbreviated month", "Jun");
    case 7: return C_("abbreviated month", "Jul");
    case 8: return C_("abbreviated month", "Aug");
    case 9: return C_("abbreviated month", "Sep");
    case 10: return C_("abbreviated month", "Oct");
    case 11: return C_("abbreviated month", "Nov");
    case 12: return C_("abbreviated month", "Dec");
    default: return "";
    }
}

/* Month names from our own catalogue, not from LC_TIME: dates then speak
 * the interface's language, like every other word on screen. */
char *
pw_casework_format_date (const char *date)
{
  g_autoptr(GDateTime) dt = parse_date (date);

  if (dt == NULL)
    return g_strdup (date);
  /* Translators: a date: %1$d is the day, %2$s the abbreviated month, %3$d the year. Reorder them as your language writes dates. */
  return g_strdup_printf (_("%1$d %2$s %3$d"), g_date_time_get_day_of_month (dt),
                          month_abbreviation (g_date_time_get_month (dt)), g_date_time_get_year (dt));
}

char *
pw_casework_format_score (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) text = NULL;

  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", round (value));
  /* Not printf's "%.1f": LC_NUMERIC may not be the interface language's. */
  text = g_string_new (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
  /* Translators: the decimal separator in numbers such as 2.5 */
  g_string_replace (text, ".", C_("decimal separator", "."), 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
pw_casework_format_date_time (GDateTime *when,
                              gboolean   with_time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  date = g_date_time_format (local, "%Y-%m-%d");
  day = pw_casework_format_date (date);
  if (!with_time)
    return g_steal_pointer (&day);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a date and a time of day, e.g. "3 Mar 2026, 14:05" */
  return g_strdup_printf (_("%1$s, %2$s"), day, time);
}

gboolean
pw_casework_days_until (const char *date,
                        int        *days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate then, today;
  unsigned y, m, d;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&then, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&then, d, m, y);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  *days = g_date_days_between (&today, &then);
  return TRUE;
}

char *
pw_casework_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overlay above @widget, or else the first one in its window. */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL && gtk_widget_get_root (widget) != NULL)
    overlay = find_overlay_below (GTK_WIDGET (gtk_widget_get_root (widget)));
  return overlay;
}

void
pw_casework_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkWidget *overlay = find_overlay (widget);
  AdwToast *toast;

  if (overlay == NULL)
    {
      /* The message may name a case: never into the log. */
      g_debug ("A message could not be shown: no toast overlay in this window");
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

typedef struct
{
  PwStore          *store;
  GtkWidget        *overlay;     /* weak */
  gint64            item_id;
  gint64            milestone_id;
  PwPlanItemStatus  previous;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->overlay);
  g_clear_object (&undo->store);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!pw_store_delete_record (undo->store, PW_RECORD_KIND_MILESTONE, undo->milestone_id, &error) ||
      !pw_store_set_plan_item_status (undo->store, undo->item_id, undo->previous, NULL, &error))
    {
      if (undo->overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (undo->overlay), adw_toast_new (error->message));
    }
}

gboolean
pw_casework_celebrate (GtkWidget         *widget,
                       PwStore           *store,
                       gint64             item_id,
                       PwPlanItemStatus   previous,
                       GError           **error)
{
  g_autoptr(PwPlanItem) item = NULL;
  g_autoptr(PwMilestone) milestone = pw_milestone_new ();
  GtkWidget *overlay;
  AdwToast *toast;
  Undo *undo;
  const char *words;
  gint64 milestone_id;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  item = pw_store_get_plan_item (store, item_id, error);
  if (item == NULL)
    return FALSE;

  words = pw_plan_item_get_her_words (item);
  pw_milestone_set_survivor_id (milestone, pw_plan_item_get_survivor_id (item));
  pw_milestone_set_date (milestone, pw_plan_item_get_achieved_date (item));
  pw_milestone_set_title (milestone, words != NULL && *words != '\0' ? words : pw_plan_item_get_title (item));
  pw_milestone_set_stage_id (milestone, pw_plan_item_get_stage_id (item));
  pw_milestone_set_domain (milestone, pw_plan_item_get_domain (item));
  pw_milestone_set_plan_item_id (milestone, item_id);
  milestone_id = pw_store_add_milestone (store, milestone, error);
  if (milestone_id == 0)
    return FALSE;

  overlay = find_overlay (widget);
  if (overlay == NULL)
    return TRUE;

  /* No words of hers in the toast: it may outlive a lock. */
  toast = adw_toast_new (_("Goal achieved! It is now a milestone on her map."));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (Undo, 1);
  undo->store = g_object_ref (store);
  undo->item_id = item_id;
  undo->milestone_id = milestone_id;
  undo->previous = previous;
  g_set_weak_pointer (&undo->overlay, overlay);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}
