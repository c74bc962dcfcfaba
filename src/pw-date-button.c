/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-date-button"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pw-casework-util.h"
#include "pw-date-button.h"

struct _PwDateButton
{
  GtkWidget      parent_instance;

  char          *date;
  char          *empty_label;
  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkWidget     *clear_button;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (PwDateButton, pw_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (PwDateButton *self)
{
  g_autofree char *text = pw_casework_format_date (self->date);

  gtk_menu_button_set_label (self->button, text ?: (self->empty_label ?: _("No date")));
  gtk_widget_set_visible (self->clear_button, self->date != NULL);
}

void
pw_date_button_set_date (PwDateButton *self,
                         const char   *date)
{
  unsigned y, m, d;

  g_return_if_fail (PW_IS_DATE_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);

  if (date != NULL && sscanf (date, "%4u-%2u-%2u", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);

      if (dt != NULL)
        {
          self->updating = TRUE;
          gtk_calendar_select_day (self->calendar, dt);
          self->updating = FALSE;
        }
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
pw_date_button_get_date (PwDateButton *self)
{
  g_return_val_if_fail (PW_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

void
pw_date_button_set_empty_label (PwDateButton *self,
                                const char   *label)
{
  g_return_if_fail (PW_IS_DATE_BUTTON (self));

  g_free (self->empty_label);
  self->empty_label = g_strdup (label);
  update_label (self);
}

static void
on_day_selected (PwDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->updating)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  pw_date_button_set_date (self, date);
  gtk_menu_button_popdown (self->button);
}

static void
on_today_clicked (PwDateButton *self)
{
  g_autofree char *today = pw_casework_today ();

  pw_date_button_set_date (self, today);
  gtk_menu_button_popdown (self->button);
}

static void
on_clear_clicked (PwDateButton *self)
{
  pw_date_button_set_date (self, NULL);
  gtk_menu_button_popdown (self->button);
}

static void
pw_date_button_dispose (GObject *object)
{
  PwDateButton *self = PW_DATE_BUTTON (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pw_date_button_parent_class)->dispose (object);
}

static void
pw_date_button_finalize (GObject *object)
{
  PwDateButton *self = PW_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->empty_label);

  G_OBJECT_CLASS (pw_date_button_parent_class)->finalize (object);
}

static void
pw_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwDateButton *self = PW_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwDateButton *self = PW_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      pw_date_button_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_date_button_class_init (PwDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_date_button_dispose;
  object_class->finalize = pw_date_button_finalize;
  object_class->get_property = pw_date_button_get_property;
  object_class->set_property = pw_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pw_date_button_init (PwDateButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  self->clear_button = gtk_button_new_with_mnemonic (_("_No Date"));
  gtk_widget_set_hexpand (today, TRUE);
  gtk_widget_set_hexpand (self->clear_button, TRUE);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (on_today_clicked), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  gtk_box_append (GTK_BOX (buttons), today);
  gtk_box_append (GTK_BOX (buttons), self->clear_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);
  update_label (self);
}

GtkWidget *
pw_date_button_new (void)
{
  return g_object_new (PW_TYPE_DATE_BUTTON, NULL);
}
