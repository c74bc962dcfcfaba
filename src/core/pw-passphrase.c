/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-passphrase"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pw-passphrase.h"

/* A rough estimate in bits: enough to tell a person, in plain words, whether
 * a passphrase would hold against someone guessing. It is a hint, not a
 * guarantee, and says so. */
static double
estimate_bits (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  guint words = 1, length = 0, repeats = 0;
  gunichar previous = 0;
  double pool = 0;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      length++;
      if (c == previous)
        repeats++;
      previous = c;

      if (g_unichar_isspace (c) || c == '-' || c == '_' || c == '.')
        words++, other = TRUE;
      else if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }

  pool += lower ? 26 : 0;
  pool += upper ? 26 : 0;
  pool += digit ? 10 : 0;
  pool += other ? 20 : 0;
  if (pool == 0)
    return 0;

  /* Natural-language words carry far less than their letters suggest, and
   * runs of one character carry almost nothing. */
  return (length - repeats) * log2 (pool) * 0.6 + (words > 3 ? 8 : 0);
}

PwPassphraseStrength
pw_passphrase_strength (const char *passphrase)
{
  double bits;

  if (passphrase == NULL || *passphrase == '\0')
    return PW_PASSPHRASE_EMPTY;
  if (g_utf8_strlen (passphrase, -1) < PW_PASSPHRASE_MIN_LENGTH)
    return PW_PASSPHRASE_TOO_SHORT;

  bits = estimate_bits (passphrase);
  if (bits < 40)
    return PW_PASSPHRASE_WEAK;
  if (bits < 60)
    return PW_PASSPHRASE_FAIR;
  return PW_PASSPHRASE_STRONG;
}

const char *
pw_passphrase_strength_hint (PwPassphraseStrength strength)
{
  switch (strength)
    {
    case PW_PASSPHRASE_EMPTY:
      return _("Choose a passphrase only you and your team know.");
    case PW_PASSPHRASE_TOO_SHORT:
      return _("Too short: use at least 10 characters, for example four unrelated words.");
    case PW_PASSPHRASE_WEAK:
      return _("Weak: easy to guess. Add more words, or mix in numbers and symbols.");
    case PW_PASSPHRASE_FAIR:
      return _("Fair: good enough. One more word would make it strong.");
    case PW_PASSPHRASE_STRONG:
      return _("Strong: hard to guess. Make sure you can remember it.");
    default:
      g_assert_not_reached ();
    }
}

gboolean
pw_passphrase_acceptable (PwPassphraseStrength strength)
{
  return strength >= PW_PASSPHRASE_FAIR;
}
