#!/usr/bin/env bash
# Extract the interface strings, merge them into each language's catalog, and compile the catalogs.
# Run from the repository root after changing any _(), ngettext() or pgettext() string; then translate
# the new entries in minutes_app/locale/vi/LC_MESSAGES/minutes_app.po and run it again to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCALE=minutes_app/locale
pybabel extract -F babel.cfg -k N_ -k pgettext:1c,2 -k ngettext:1,2 -k qt_N_:1c,2 --sort-by-file --no-wrap \
    --project "Thư Ký" --copyright-holder "Thư Ký developers" -o "$LOCALE/minutes_app.pot" .
for lang in vi en; do
    if [ -f "$LOCALE/$lang/LC_MESSAGES/minutes_app.po" ]; then
        pybabel update -D minutes_app -i "$LOCALE/minutes_app.pot" -d "$LOCALE" -l "$lang" --no-wrap \
            --ignore-obsolete
    else
        pybabel init -D minutes_app -i "$LOCALE/minutes_app.pot" -d "$LOCALE" -l "$lang" --no-wrap
    fi
done
pybabel compile -D minutes_app -d "$LOCALE" --statistics
