#!/usr/bin/env bash
# The bundle on a machine without Python (run by hand, as root; a few minutes): unpack the archive made
# by scripts/build_bundle.sh in a fresh Debian 12 root (debootstrap; no Python) to which only what every
# desktop has and a bundle must take from the system is added: the OpenGL libraries (libgl1, libegl1)
# and fonts (fontconfig-config, fonts-dejavu-core) — then, as a normal user:
#  - validate the samples, and a broken file (which must be refused in one line);
#  - export the minutes, the news article and the notice of conclusions from the seed sample (the DOCX
#    and HTML are then checked on the host);
#  - start the editor offscreen (it must still run after 15 s), and on an X display (an Xvfb of the host's)
#    where the time until its window shows is measured, three times;
#  - put it in the menu with install-desktop-entry.sh.
# Prints SUCCESS at the end, or FAILED and why. Screenshot: /tmp/thuky-bundle.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=fresh_root.sh
source "$repo/scripts/fresh_root.sh"
[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot)"
archive=$(ls -t "$repo"/dist/ThuKy-*-linux-*.tar.gz 2>/dev/null | head -1)
[ -n "$archive" ] || fail "no bundle: run scripts/build_bundle.sh first"
say "bundle $(basename "$archive"): archive $(du -h "$archive" | cut -f1), unpacked $(du -sh "$repo/dist/ThuKy" | cut -f1)"

new_root bundle
chroot "$ROOT" apt-get update -qq
desktop=(libgl1 libegl1 fontconfig-config fonts-dejavu-core)
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${desktop[@]}" \
    > /dev/null 2>&1 || fail "apt-get install ${desktop[*]}"
[ -z "$(chroot "$ROOT" sh -c 'ls /usr/bin/python* 2>/dev/null')" ] || fail "${desktop[*]} brought a Python"
chroot "$ROOT" useradd -m -s /bin/bash secretary
tar -C "$ROOT/opt" -xzf "$archive"
work=/home/secretary/work
mkdir -p "$ROOT$work"
cp "$repo/resources/samples/tong-ket-kt-xh-2020-lap-vo.minutes.json" "$ROOT$work/seed.minutes.json"
printf '{"format": "minutes-app.meeting", "format_version": 1, "meeting": {"title": ""}}' > "$ROOT$work/broken.minutes.json"
chroot "$ROOT" chown -R secretary:secretary "$work"
say "unpacked in $ROOT/opt/ThuKy; no Python in the root: $(chroot "$ROOT" sh -c 'command -v python3 || echo none')"

as_secretary=(chroot --userspec=secretary:secretary "$ROOT" env -i HOME=/home/secretary USER=secretary
              PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
in_work() { "${as_secretary[@]}" bash -c "cd $work && $*"; }

say "validate"
in_work /opt/ThuKy/thuky-cli validate seed.minutes.json /opt/ThuKy/_internal/minutes_app/resources/samples/*.json \
    | sed 's/^/    /' || fail "validate of the samples"
if out=$(in_work /opt/ThuKy/thuky-cli --ui-language en validate broken.minutes.json 2>&1); then
    fail "a broken file was accepted"
fi
echo "    $out (exit status 1)"
[ "$(echo "$out" | wc -l)" = 1 ] && ! echo "$out" | grep -q Traceback || fail "the refusal is not one clear line"

say "export the three documents"
for kind_out in "minutes bien-ban.docx" "news bai-tin.html" "news bai-tin.docx" "notice thong-bao.docx"; do
    set -- $kind_out
    in_work /opt/ThuKy/thuky-cli export seed.minutes.json --kind "$1" -o "$2" | sed 's/^/    /' \
        || fail "export --kind $1 -o $2"
done
for document in bien-ban.docx bai-tin.docx thong-bao.docx; do
    unzip -p "$ROOT$work/$document" word/document.xml > /dev/null || fail "$document is not a DOCX"
done
unzip -p "$ROOT$work/bien-ban.docx" word/document.xml | grep -q "BIÊN BẢN" || fail "the minutes lack their title"
unzip -p "$ROOT$work/thong-bao.docx" word/document.xml | grep -q "THÔNG BÁO" || fail "the notice lacks its title"
grep -q "Lấp Vò" "$ROOT$work/bai-tin.html" || fail "the article does not name Lấp Vò"
say "    the three documents open as DOCX/HTML and carry their titles ($(ls "$ROOT$work" | tr '\n' ' '))"

say "start the editor offscreen"
setsid "${as_secretary[@]}" bash -c "cd $work && exec /opt/ThuKy/ThuKy seed.minutes.json" > "$ROOTS/bundle-offscreen.log" 2>&1 &
app=$!
sleep 15
kill -0 "$app" 2>/dev/null || { cat "$ROOTS/bundle-offscreen.log"; fail "the editor stopped"; }
stop_group "$app"
! grep -q "Traceback" "$ROOTS/bundle-offscreen.log" || { cat "$ROOTS/bundle-offscreen.log"; fail "errors offscreen"; }
say "    running after 15 s, nothing on stderr but Qt's notes: $(grep -c . "$ROOTS/bundle-offscreen.log") lines"

start_display
for run in 1 2 3; do
    setsid "${as_secretary[@]}" QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY" bash -c "cd $work && exec /opt/ThuKy/ThuKy seed.minutes.json" \
        > "$ROOTS/bundle-x11.log" 2>&1 &
    app=$!
    seconds=$(wait_window "$app" 60) || { cat "$ROOTS/bundle-x11.log"; stop_group "$app"; fail "no window on X11"; }
    if [ "$run" = 1 ]; then sleep 2; import -window root /tmp/thuky-bundle.png 2>/dev/null || true; fi
    stop_group "$app"
    say "    start $run on X11 (xcb): window shown after $seconds s"
done

say "menu entry and file type from the bundle"
"${as_secretary[@]}" /opt/ThuKy/install-desktop-entry.sh | sed 's/^/    /'
grep -q '^Exec="/opt/ThuKy/ThuKy" %f' "$ROOT/home/secretary/.local/share/applications/thuky.desktop" \
    || fail "the desktop entry does not start the bundle"
say "SUCCESS: the bundle runs on a fresh Debian 12 without Python"
