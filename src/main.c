/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwApplication) app = NULL;
  const char *localedir;

  /* Uninstalled runs (build-aux/dev, the tests) point this at _build/po. */
  localedir = g_getenv ("PATHWAY_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Pathway"));
  app = pw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
