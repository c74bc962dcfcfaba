#!/bin/sh
# Every language in po/LINGUAS compiles cleanly and translates every message
# of a freshly extracted template; every file with strings is in POTFILES.in.
set -eu
top=$1
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/potfiles"

for f in $(grep -rlE '(^|[^a-zA-Z0-9_])(N?C?_|g_dngettext|ngettext|pw_catalog_[np]?gettext) \(' src 2>/dev/null) \
         $(grep -rl 'translatable="yes"' ui 2>/dev/null); do
  if ! grep -qx "$f" "$tmp/potfiles"; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

xgettext --package-name=pathway --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 \
  --keyword=pw_catalog_gettext:2 --keyword=pw_catalog_ngettext:2,3 --keyword=pw_catalog_pgettext:2c,3 \
  --files-from="$tmp/potfiles" --directory="$top" --output="$tmp/pathway.pot"

for lang in $(sed 's/#.*//' po/LINGUAS); do
  po="po/$lang.po"
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "$po: msgfmt --check failed"
    status=1
    continue
  fi
  if ! msgcmp "$po" "$tmp/pathway.pot" 2>"$tmp/cmp"; then
    echo "$po: messages missing or untranslated:"
    cat "$tmp/cmp"
    status=1
  fi
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "$po: $untranslated untranslated, $fuzzy fuzzy"
    status=1
  fi
  grep -q 'charset=UTF-8' "$po" || { echo "$po: charset is not UTF-8"; status=1; }
  echo "$lang: complete"
done
exit $status
