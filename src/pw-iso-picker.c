/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-iso-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-iso-picker.h"

struct _PwIsoPicker
{
  GtkWidget        parent_instance;

  PwIsoKind        kind;
  gboolean         adding;
  char            *label;
  char            *code;

  GtkMenuButton   *button;
  GtkSearchEntry  *search;
  GtkListView     *list_view;
  GtkCustomFilter *filter;
  GtkStringList   *codes;
};

G_DEFINE_FINAL_TYPE (PwIsoPicker, pw_iso_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_label (PwIsoPicker *self)
{
  PwIsoCodes *iso = pw_iso_codes_get_default ();

  if (self->adding || self->code == NULL)
    gtk_menu_button_set_label (self->button, self->label);
  else
    gtk_menu_button_set_label (self->button, pw_iso_codes_get_name (iso, self->kind, self->code));
}

const char *
pw_iso_picker_get_code (PwIsoPicker *self)
{
  g_return_val_if_fail (PW_IS_ISO_PICKER (self), NULL);

  return self->code;
}

void
pw_iso_picker_set_code (PwIsoPicker *self,
                        const char  *code)
{
  g_return_if_fail (PW_IS_ISO_PICKER (self));

  if (code != NULL && *code == '\0')
    code = NULL;
  if (g_strcmp0 (self->code, code) == 0)
    return;
  g_free (self->code);
  self->code = g_strdup (code);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

void
pw_iso_picker_pick (PwIsoPicker *self,
                    const char  *code)
{
  g_return_if_fail (PW_IS_ISO_PICKER (self));

  if (!self->adding)
    pw_iso_picker_set_code (self, code);
  g_signal_emit (self, signals[PICKED], 0, code);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PwIsoPicker *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  return pw_iso_codes_matches (pw_iso_codes_get_default (), self->kind,
                               gtk_string_object_get_string (item), query);
}

static void
on_search_changed (PwIsoPicker *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_activate (GtkListView *list_view,
             guint        position,
             PwIsoPicker *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  if (item == NULL)
    return;
  gtk_menu_button_popdown (self->button);
  pw_iso_picker_pick (self, gtk_string_object_get_string (item));
}

static void
on_search_activate (PwIsoPicker *self)
{
  /* Enter takes the first match. */
  on_activate (self->list_view, 0, self);
}

static void
on_clear_clicked (PwIsoPicker *self)
{
  gtk_menu_button_popdown (self->button);
  pw_iso_picker_set_code (self, NULL);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PwIsoPicker              *self)
{
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       pw_iso_codes_get_name (pw_iso_codes_get_default (), self->kind, code));
}

/* 7,000 languages: fill the list when it is first opened. */
static void
on_popover_show (PwIsoPicker *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->codes)) == 0)
    {
      g_auto(GStrv) codes = pw_iso_codes_dup_codes (pw_iso_codes_get_default (), self->kind);

      gtk_string_list_splice (self->codes, 0, 0, (const char * const *) codes);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
pw_iso_picker_dispose (GObject *object)
{
  PwIsoPicker *self = PW_ISO_PICKER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->codes);

  G_OBJECT_CLASS (pw_iso_picker_parent_class)->dispose (object);
}

static void
pw_iso_picker_finalize (GObject *object)
{
  PwIsoPicker *self = PW_ISO_PICKER (object);

  g_free (self->code);
  g_free (self->label);

  G_OBJECT_CLASS (pw_iso_picker_parent_class)->finalize (object);
}

static void
pw_iso_picker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwIsoPicker *self = PW_ISO_PICKER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_iso_picker_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwIsoPicker *self = PW_ISO_PICKER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      pw_iso_picker_set_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_iso_picker_class_init (PwIsoPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_iso_picker_dispose;
  object_class->finalize = pw_iso_picker_finalize;
  object_class->get_property = pw_iso_picker_get_property;
  object_class->set_property = pw_iso_picker_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pw_iso_picker_init (PwIsoPicker *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
}

GtkWidget *
pw_iso_picker_new (PwIsoKind   kind,
                   gboolean    adding,
                   const char *label)
{
  PwIsoPicker *self = g_object_new (PW_TYPE_ISO_PICKER, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->kind = kind;
  self->adding = adding;
  self->label = g_strdup (label);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->search, 50);
  g_object_set (self->search, "placeholder-text",
                kind == PW_ISO_COUNTRY ? _("Search countries") : _("Search languages"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  self->codes = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->codes)),
                                        GTK_FILTER (self->filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))),
                                                      g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 260, 300);
  gtk_box_append (GTK_BOX (box), scrolled);

  if (!adding)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Not Recorded"));

      g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear_clicked), self);
      gtk_box_append (GTK_BOX (box), clear);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show), self);
  gtk_menu_button_set_popover (self->button, popover);
  update_label (self);

  return GTK_WIDGET (self);
}
