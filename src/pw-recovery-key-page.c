/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-recovery-key-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pw-casework-util.h"
#include "pw-recovery-key-page.h"

/* How long a copied key may stay on the clipboard. */
#define CLIPBOARD_SECONDS 60

struct _PwRecoveryKeyPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *key_label;
  AdwStatusPage *confirm_page;
  GtkListBox *confirm_list;
  GtkLabel *confirm_error;

  char *key;
  guint positions[PW_RECOVERY_KEY_CHECKS];
  GtkWidget *rows[PW_RECOVERY_KEY_CHECKS];
  GdkContentProvider *clipboard_content;
  guint clipboard_source;
  guint clipboard_seconds;
};

G_DEFINE_FINAL_TYPE (PwRecoveryKeyPage, pw_recovery_key_page, ADW_TYPE_BIN)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char
key_character (const char *key,
               guint       position)
{
  guint n = 0;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (++n == position)
        return *p;
    }
  return '\0';
}

static guint
key_length (const char *key)
{
  guint n = 0;

  for (const char *p = key; *p != '\0'; p++)
    if (*p != '-' && *p != ' ')
      n++;
  return n;
}

/* Positions count the key's characters from 1, skipping the dashes. */
gboolean
pw_recovery_key_characters_match (const char        *key,
                                  const guint       *positions,
                                  const char *const *answers)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    {
      g_autofree char *answer = g_strstrip (g_strdup (answers[i] ? answers[i] : ""));
      char expected = key_character (key, positions[i]);

      if (expected == '\0' || strlen (answer) != 1 ||
          g_ascii_toupper (answer[0]) != g_ascii_toupper (expected))
        return FALSE;
    }
  return TRUE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
choose_positions (PwRecoveryKeyPage *self)
{
  guint length = key_length (self->key);

  g_assert (length >= PW_RECOVERY_KEY_CHECKS);
  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    {
      gboolean taken;

      do
        {
          self->positions[i] = g_random_int_range (1, length + 1);
          taken = FALSE;
          for (guint j = 0; j < i; j++)
            taken |= self->positions[j] == self->positions[i];
        }
      while (taken);
    }
  qsort (self->positions, PW_RECOVERY_KEY_CHECKS, sizeof (guint), compare_uint);
}

static void
build_confirm_rows (PwRecoveryKeyPage *self)
{
  g_autofree char *description = NULL;

  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    {
      g_autofree char *title = NULL;

      if (self->rows[i] != NULL)
        gtk_list_box_remove (self->confirm_list, self->rows[i]);

      /* Translators: a position in the recovery key, counted from 1 */
      title = g_strdup_printf (_("Character %u"), self->positions[i]);
      self->rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), title);
      gtk_list_box_append (self->confirm_list, self->rows[i]);
    }

  description = g_strdup_printf (_("To be sure your copy is right, type characters %u, %u, %u and %u of the recovery key, counted from the left without the dashes."),
                                 self->positions[0], self->positions[1],
                                 self->positions[2], self->positions[3]);
  adw_status_page_set_description (self->confirm_page, description);
}

static void clear_clipboard (PwRecoveryKeyPage *self);

static void
wipe_key (PwRecoveryKeyPage *self)
{
  if (self->key != NULL)
    {
      memset (self->key, 0, strlen (self->key));
      g_clear_pointer (&self->key, g_free);
    }
}

void
pw_recovery_key_page_set_key (PwRecoveryKeyPage *self,
                              const char        *key)
{
  g_return_if_fail (PW_IS_RECOVERY_KEY_PAGE (self));
  g_return_if_fail (key != NULL && key_length (key) >= PW_RECOVERY_KEY_CHECKS);

  wipe_key (self);
  self->key = g_strdup (key);
  gtk_label_set_text (self->key_label, key);
  choose_positions (self);
  build_confirm_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "show");
}

void
pw_recovery_key_page_clear (PwRecoveryKeyPage *self)
{
  g_return_if_fail (PW_IS_RECOVERY_KEY_PAGE (self));

  wipe_key (self);
  /* Locking clears the page: the copied key goes with it. */
  clear_clipboard (self);
  gtk_label_set_text (self->key_label, "");
  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    if (self->rows[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), "");
}

void
pw_recovery_key_page_set_clipboard_seconds (PwRecoveryKeyPage *self,
                                            guint              seconds)
{
  g_return_if_fail (PW_IS_RECOVERY_KEY_PAGE (self));
  g_return_if_fail (seconds > 0);

  self->clipboard_seconds = seconds;
}

const guint *
pw_recovery_key_page_get_positions (PwRecoveryKeyPage *self)
{
  g_return_val_if_fail (PW_IS_RECOVERY_KEY_PAGE (self), NULL);

  return self->positions;
}

/* Takes the key off the clipboard now, if it is still ours there: the
 * person may have copied something else since. */
static void
clear_clipboard (PwRecoveryKeyPage *self)
{
  g_clear_handle_id (&self->clipboard_source, g_source_remove);
  if (self->clipboard_content != NULL)
    {
      GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

      if (gdk_clipboard_get_content (clipboard) == self->clipboard_content)
        gdk_clipboard_set_content (clipboard, NULL);
      g_clear_object (&self->clipboard_content);
    }
}

static gboolean
on_clipboard_timeout (gpointer data)
{
  PwRecoveryKeyPage *self = data;

  self->clipboard_source = 0;
  clear_clipboard (self);
  return G_SOURCE_REMOVE;
}

static void
on_copy (PwRecoveryKeyPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_autoptr(GBytes) bytes = NULL;
  AdwToast *toast;
  GtkWidget *overlay;

  if (self->key == NULL)
    return;

  bytes = g_bytes_new (self->key, strlen (self->key));
  g_clear_object (&self->clipboard_content);
  self->clipboard_content = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  gdk_clipboard_set_content (clipboard, self->clipboard_content);

  g_clear_handle_id (&self->clipboard_source, g_source_remove);
  self->clipboard_source = g_timeout_add_seconds (self->clipboard_seconds, on_clipboard_timeout, self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      toast = adw_toast_new (_("Recovery key copied. The clipboard will be cleared in one minute."));
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PwRecoveryKeyPage *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = pw_casework_format_date_time (now, FALSE);
  g_autofree char *intro = NULL;
  PangoFontDescription *font;
  int height;

  pango_layout_set_width (layout, width * PANGO_SCALE);

  font = pango_font_description_from_string ("Sans Bold 16");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, _("Pathway — Vault Recovery Key"), -1);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_rel_move_to (cr, 0, height + 24);

  font = pango_font_description_from_string ("Monospace Bold 20");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, self->key ? self->key : "", -1);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_rel_move_to (cr, 0, height + 24);

  font = pango_font_description_from_string ("Sans 11");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  intro = g_strdup_printf (_("Printed on %s.\n\nThis key opens the encrypted Pathway vault when every passphrase is forgotten. Whoever holds it can read the case files: keep it locked away, apart from the computer, and destroy old copies when a new key is made."), date);
  pango_layout_set_text (layout, intro, -1);
  pango_cairo_show_layout (cr, layout);
}

static void
on_print (PwRecoveryKeyPage *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Recovery Key"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);

  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (error != NULL)
    g_warning ("Printing the recovery key failed: %s", error->message);
}

static void
on_continue (PwRecoveryKeyPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "confirm");
  if (self->rows[0] != NULL)
    gtk_widget_grab_focus (self->rows[0]);
}

static void
on_back (PwRecoveryKeyPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "show");
}

static void
on_confirm (PwRecoveryKeyPage *self)
{
  const char *answers[PW_RECOVERY_KEY_CHECKS];

  if (self->key == NULL)
    return;

  for (guint i = 0; i < PW_RECOVERY_KEY_CHECKS; i++)
    answers[i] = gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));

  if (!pw_recovery_key_characters_match (self->key, self->positions, answers))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_error), TRUE);
      return;
    }

  pw_recovery_key_page_clear (self);
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static void
pw_recovery_key_page_dispose (GObject *object)
{
  PwRecoveryKeyPage *self = PW_RECOVERY_KEY_PAGE (object);

  wipe_key (self);
  /* Leaving the key on the clipboard past the page's life is not an
   * option, nor is a timer that would find the page gone. */
  clear_clipboard (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_RECOVERY_KEY_PAGE);

  G_OBJECT_CLASS (pw_recovery_key_page_parent_class)->dispose (object);
}

static void
pw_recovery_key_page_class_init (PwRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_recovery_key_page_dispose;

  /**
   * PwRecoveryKeyPage::done:
   *
   * The person has checked their copy of the key.
   */
  signals[SIGNAL_DONE] = g_signal_new ("done",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathwaytool/Pathway/pw-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwRecoveryKeyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, PwRecoveryKeyPage, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, PwRecoveryKeyPage, confirm_list);
  gtk_widget_class_bind_template_child (widget_class, PwRecoveryKeyPage, confirm_error);
  gtk_widget_class_bind_template_callback (widget_class, on_copy);
  gtk_widget_class_bind_template_callback (widget_class, on_print);
  gtk_widget_class_bind_template_callback (widget_class, on_continue);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm);
}

static void
pw_recovery_key_page_init (PwRecoveryKeyPage *self)
{
  self->clipboard_seconds = CLIPBOARD_SECONDS;
  gtk_widget_init_template (GTK_WIDGET (self));
}
