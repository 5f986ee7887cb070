#!/usr/bin/env bash
# Build the self-contained Thư Ký bundle for this machine with PyInstaller: dist/ThuKy/ (the programs
# ThuKy and thuky-cli, Python, Qt, the templates, catalogs, samples and reference DOCX) and an archive
# dist/ThuKy-VERSION-linux-ARCH.tar.gz of it. Needs python3 with venv; the bundle then needs no Python.
# The spec, packaging/thuky.spec, is the one the Windows workflow builds.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/bundle-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q . "pyinstaller>=6.10"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/thuky.spec

# What the bundle must do before it is packed: read and validate a sample without any Python around.
QT_QPA_PLATFORM=offscreen dist/ThuKy/thuky-cli validate resources/samples/*.minutes.json

cp packaging/linux/install-desktop-entry.sh dist/ThuKy/
version=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("minutes-app"))')
archive="dist/ThuKy-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" ThuKy
echo "Built dist/ThuKy/ ($(du -sh dist/ThuKy | cut -f1)) and $archive ($(du -h "$archive" | cut -f1))"
