#!/usr/bin/env bash
# Build the self-contained Thư Ký bundle for this machine with PyInstaller: dist/ThuKy/ (the programs
# ThuKy and thuky-cli, Python, Qt, the templates, catalogs, samples and reference DOCX); on Linux also
# the menu entry installer and the archive dist/ThuKy-VERSION-linux-ARCH.tar.gz. Needs Python 3.10+ with
# venv ($PYTHON, default python3); the bundle then needs no Python. The spec, packaging/thuky.spec, and
# this script are what the Windows workflow runs too (in Git Bash).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=build/bundle-venv
bin=$venv/bin
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) bin=$venv/Scripts ;; esac
[ -x "$bin/python" ] || [ -x "$bin/python.exe" ] || "$python" -m venv "$venv"
"$bin/python" -m pip install -q ".[bundle]"
"$bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/thuky.spec

# What the bundle must hold and do before it is packed: every module of the program (some are imported by
# name at run time), and it validates the samples and exports the three documents.
"$bin/python" packaging/check_bundle_modules.py dist/ThuKy
smoke=build/bundle-smoke
rm -rf "$smoke" && mkdir -p "$smoke"
QT_QPA_PLATFORM=offscreen dist/ThuKy/thuky-cli validate resources/samples/*.minutes.json
for kind_output in minutes:bien-ban.docx news:bai-tin.html notice:thong-bao.docx; do
    QT_QPA_PLATFORM=offscreen dist/ThuKy/thuky-cli export resources/samples/tong-ket-kt-xh-2020-lap-vo.minutes.json \
        --kind "${kind_output%%:*}" -o "$smoke/${kind_output#*:}"
done

if [ "$(uname -s)" = Linux ]; then
    cp packaging/linux/install-desktop-entry.sh packaging/linux/thuky.desktop packaging/linux/thuky-mime.xml dist/ThuKy/
    version=$("$bin/python" -c 'import importlib.metadata as m; print(m.version("minutes-app"))')
    archive="dist/ThuKy-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" ThuKy
    echo "Built dist/ThuKy/ ($(du -sh dist/ThuKy | cut -f1)) and $archive ($(du -h "$archive" | cut -f1))"
else
    echo "Built dist/ThuKy/ ($(du -sh dist/ThuKy | cut -f1))"
fi
