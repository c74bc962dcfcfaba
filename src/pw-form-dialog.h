/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pw-session.h"

G_BEGIN_DECLS

#define PW_TYPE_FORM_DIALOG (pw_form_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwFormDialog, pw_form_dialog, PW, FORM_DIALOG, AdwWindow)

/* Saves what the form holds; on FALSE the dialog stays open and shows
 * the error's message. */
typedef gboolean (*PwFormSaveFunc) (PwFormDialog  *dialog,
                                    gpointer       user_data,
                                    GError       **error);

/* A modal form over @parent's window: Cancel, a title, a Save button
 * labelled @save_label, and groups of rows. It closes itself after a
 * save that succeeded, and at once when the vault locks. */
PwFormDialog *pw_form_dialog_new           (GtkWidget      *parent,
                                            PwSession      *session,
                                            const char     *title,
                                            const char     *save_label);
void          pw_form_dialog_add           (PwFormDialog   *self,
                                            GtkWidget      *child);
void          pw_form_dialog_set_save_func (PwFormDialog   *self,
                                            PwFormSaveFunc  func,
                                            gpointer        user_data,
                                            GDestroyNotify  destroy);
/* Save is insensitive until the form is complete; @hint (nullable) says
 * what is missing, under the title. */
void          pw_form_dialog_set_can_save  (PwFormDialog   *self,
                                            gboolean        can_save,
                                            const char     *hint);
void          pw_form_dialog_show_error    (PwFormDialog   *self,
                                            const char     *message);
/* As if Save were pressed (tests use it too); TRUE if it saved. */
gboolean      pw_form_dialog_save          (PwFormDialog   *self);
GtkWidget    *pw_form_dialog_get_save_button (PwFormDialog *self);

G_END_DECLS
