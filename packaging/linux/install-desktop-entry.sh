#!/usr/bin/env bash
# Put Thư Ký in this user's application menu, with its icon, and make *.minutes.json files open in it
# on a double-click (freedesktop: a .desktop entry, hicolor icons, a shared-mime-info type).
#   install-desktop-entry.sh [PROGRAM]    PROGRAM: what the entry starts (default: ThuKy beside this script)
#   install-desktop-entry.sh --uninstall
# Nothing needs root: everything goes under ${XDG_DATA_HOME:-~/.local/share}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
sizes=(16 24 32 48 64 128 256)

installed=("$data/applications/thuky.desktop" "$data/mime/packages/thuky.xml" "$data/icons/hicolor/scalable/apps/thuky.svg")
for size in "${sizes[@]}"; do
    installed+=("$data/icons/hicolor/${size}x${size}/apps/thuky.png"
                "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-thuky-meeting.png")
done

refresh() {
    # Each is present on desktops; without one the entry still works after the next log-in.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications"; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data/icons/hicolor" || true; fi
}

# The default program of the type, in the freedesktop list that GIO (GNOME Files, Thunar), xdg-open and KDE read.
mimeapps=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
default_line="application/x-thuky-meeting=thuky.desktop;"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "${installed[@]}"
    if [ -f "$mimeapps" ]; then sed -i "/^application\/x-thuky-meeting=thuky.desktop;\$/d" "$mimeapps"; fi
    refresh
    echo "Thư Ký's menu entry and file type were removed."
    exit 0
fi

program=${1:-$here/ThuKy}
[ -x "$program" ] || { echo "install-desktop-entry.sh: $program is not a program" >&2; exit 1; }
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
# In a checkout the icons are in resources/icons; in the bundle, inside _internal/minutes_app/.
icons=""
for candidate in "$here/../../resources/icons" "$here/_internal/minutes_app/resources/icons"; do
    [ -f "$candidate/thuky.svg" ] && icons=$candidate && break
done
[ -n "$icons" ] || { echo "install-desktop-entry.sh: the icons were not found beside $here" >&2; exit 1; }

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
# The Exec key quotes the path (it may hold spaces); inside quotes \ " ` $ take a backslash.
quoted=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\\\&/g')
sed -e "s|^Exec=@EXEC@|Exec=\"$quoted\"|" -e "s|^TryExec=@EXEC@|TryExec=$program|" \
    "$here/thuky.desktop" > "$data/applications/thuky.desktop"
cp "$here/thuky-mime.xml" "$data/mime/packages/thuky.xml"
cp "$icons/thuky.svg" "$data/icons/hicolor/scalable/apps/thuky.svg"
for size in "${sizes[@]}"; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps" "$data/icons/hicolor/${size}x${size}/mimetypes"
    cp "$icons/thuky-$size.png" "$data/icons/hicolor/${size}x${size}/apps/thuky.png"
    cp "$icons/thuky-$size.png" "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-thuky-meeting.png"
done
refresh
# The default for the type: through the desktop's tool when there is one, else written in the list itself (a
# system without them, such as a minimal one a desktop is added to later: GIO then finds no program for the type).
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default thuky.desktop application/x-thuky-meeting
elif command -v gio >/dev/null 2>&1; then
    gio mime application/x-thuky-meeting thuky.desktop > /dev/null
elif [ -f "$mimeapps" ] && grep -q '^\[Default Applications\]' "$mimeapps"; then
    sed -i -e '/^\[Default Applications\]/,/^\[/{/^application\/x-thuky-meeting=/d}' \
        -e "/^\[Default Applications\]/a $default_line" "$mimeapps"
else
    mkdir -p "$(dirname "$mimeapps")"
    { [ -s "$mimeapps" ] && echo; printf '[Default Applications]\n%s\n' "$default_line"; } >> "$mimeapps"
fi
echo "Thư Ký is in the application menu; *.minutes.json files open in it ($data/applications/thuky.desktop)."
