#!/usr/bin/env bash
# Set up Thư Ký from this checkout, on a fresh machine as on a used one:
#  1. the system packages (Debian/Ubuntu, with apt; through sudo when not root): Python with venv, and
#     the libraries Qt 6 needs to draw a window (desktop installations of Debian 12 lack
#     libxcb-cursor0) or to run offscreen;
#  2. the virtual environment .venv with the program (an editable install of this checkout);
#  3. on a Linux desktop: the menu entry, the icon and the *.minutes.json file type, for this user.
# With --test: instead of 3, the test extras and what the rendering tests use (LibreOffice, poppler,
# Liberation fonts). Running it again only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=run
case "${1:-}" in
    "") ;;
    --test) mode=test ;;
    *) echo "usage: scripts/install.sh [--test]" >&2; exit 2 ;;
esac

PACKAGES=(
    python3 python3-venv
    # Qt 6 offscreen and on X11/Wayland
    libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
    # the file type of *.minutes.json
    shared-mime-info
)
# Rendering checks: DOCX -> PDF -> text and PNG, with the metric-compatible Times New Roman.
TEST_PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-liberation2)

install_system_packages() {
    local wanted=("${PACKAGES[@]}") missing=() package
    [ "$mode" = test ] && wanted+=("${TEST_PACKAGES[@]}")
    for package in "${wanted[@]}"; do
        # Ubuntu 24.04 renamed some libraries (libglib2.0-0t64): apt takes the old name, dpkg knows only the new.
        # (dpkg-query fails when one of the names is unknown, so its status is not what decides.)
        [[ "$(dpkg-query -W -f='${Status}\n' "$package" "${package}t64" 2>/dev/null || true)" == *"install ok installed"* ]] \
            || missing+=("$package")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    local as_root=()
    if [ "$(id -u)" != 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "Thư Ký needs these system packages: ${missing[*]}" >&2
            echo "There is no sudo here: run as root  apt-get install ${missing[*]}  then run this again." >&2
            exit 1
        fi
        as_root=(sudo)
    fi
    echo "Installing the system packages: ${missing[*]}"
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    install_system_packages
elif [ "$(uname -s)" = Linux ]; then
    echo "Not a Debian or Ubuntu system: install with your package manager Python 3.10+ with venv, and for" \
         "Qt libxcb-cursor, libxkbcommon-x11 and libEGL (the tests also use LibreOffice and poppler)." >&2
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 was not found: install Python 3.10 or newer" >&2; exit 1; }
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
    echo "Thư Ký needs Python 3.10 or newer; this python3 is $(python3 -V 2>&1)" >&2; exit 1; }

[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$mode" = test ]; then
    .venv/bin/python -m pip install -q -e ".[test]"
else
    .venv/bin/python -m pip install -q -e .
    if [ "$(uname -s)" = Linux ]; then
        packaging/linux/install-desktop-entry.sh "$PWD/.venv/bin/minutes-app"
    fi
fi
echo "Thư Ký is installed in $PWD/.venv."
