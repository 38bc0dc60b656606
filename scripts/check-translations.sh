#!/bin/sh
# Fails when a source string is missing from the catalogues or left untranslated: runs lupdate
# on copies of translations/*.ts and looks for unfinished entries.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root"/translations/*.ts "$tmp"/
"$lupdate" -silent -no-obsolete -locations none "$root/app" "$root/plugin" -ts "$tmp"/*.ts
status=0
for ts in "$tmp"/*.ts; do
  n=$(grep -c 'type="unfinished"' "$ts" || true)
  if [ "$n" -ne 0 ]; then
    echo "$(basename "$ts"): $n message(s) not translated (run lupdate and translate them):"
    grep -B3 'type="unfinished"' "$ts" | grep '<source>' | sed 's/^ */    /'
    status=1
  fi
done
[ $status -eq 0 ] && echo "translations: every message of the sources is translated"
exit $status
