#!/usr/bin/env bash
# The bundle on a machine without Python (run by hand, as root; a few minutes): unpack the archive made
# by scripts/build_bundle.sh in a fresh Debian 12 root (debootstrap; no Python) to which only what every
# desktop has and a bundle must take from the system is added: the OpenGL libraries (libgl1, libegl1)
# and fonts (fontconfig-config, fonts-dejavu-core) — then, as a normal user:
#  - validate the samples, and a broken file (which must be refused in one line);
#  - export the minutes, the news article and the notice of conclusions from the seed sample (the DOCX
#    and HTML are then checked on the host);
#  - run the other commands, whose modules are imported only when asked for (new, check, notes, import,
#    tasks to XLSX and DOCX, export --intervention-times): what PyInstaller could miss shows here;
#  - start the editor offscreen (it must still run after 15 s), and on an X display (an Xvfb of the host's)
#    where the time until its window shows is measured, three times; the last time every page, the check
#    panel, the quick notes (a line typed) and the Tasks window are opened with the keyboard;
#  - put it in the menu with install-desktop-entry.sh, and open a meeting as a double-click does (GIO).
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

say "the commands loaded on demand"
printf '14:05 @Sáu: Đề nghị đẩy nhanh giải ngân vốn đầu tư công.\nKL: Các xã tập trung thu ngân sách.\nNV: Báo cáo tiến độ thu → Phòng Tài chính - Kế hoạch, hạn 15/1\n' \
    > "$ROOT$work/ghi-nhanh.txt"
printf 'Chỉ tiêu,ĐVT,Kế hoạch,Thực hiện\nDiện tích lúa,ha,30000,31597\n' > "$ROOT$work/so-lieu.csv"
chroot "$ROOT" chown secretary:secretary "$work/ghi-nhanh.txt" "$work/so-lieu.csv"
for command in "new moi.minutes.json" "notes ghi-nhanh.txt --into seed.minutes.json" "import so-lieu.csv --into seed.minutes.json" \
               "tasks . -o nhiem-vu.xlsx" "tasks . -o nhiem-vu.docx" \
               "export seed.minutes.json --kind minutes -o gio.docx --intervention-times"; do
    out=$(in_work /opt/ThuKy/thuky-cli $command 2>&1) || { echo "$out"; fail "thuky-cli $command"; }
    echo "    $command: $(echo "$out" | tail -1)"
done
in_work /opt/ThuKy/thuky-cli check seed.minutes.json > "$ROOTS/bundle-check.log" 2>&1 && rc=0 || rc=$?
[ "$rc" -le 1 ] && ! grep -q Traceback "$ROOTS/bundle-check.log" || { cat "$ROOTS/bundle-check.log"; fail "check"; }
echo "    check: $(tail -1 "$ROOTS/bundle-check.log")"
unzip -p "$ROOT$work/gio.docx" word/document.xml | grep -q "14 giờ 05, ông Trần Văn Sáu" \
    || fail "the minutes lack the time of the intervention the notes gave"

say "start the editor offscreen"
setsid "${as_secretary[@]}" bash -c "cd $work && exec /opt/ThuKy/ThuKy seed.minutes.json" > "$ROOTS/bundle-offscreen.log" 2>&1 &
app=$!
sleep 15
kill -0 "$app" 2>/dev/null || { cat "$ROOTS/bundle-offscreen.log"; fail "the editor stopped"; }
stop_group "$app"
! grep -q "Traceback" "$ROOTS/bundle-offscreen.log" || { cat "$ROOTS/bundle-offscreen.log"; fail "errors offscreen"; }
say "    running after 15 s, nothing on stderr but Qt's notes: $(grep -c . "$ROOTS/bundle-offscreen.log") lines"

# walk_through_the_editor PID: every page, the check panel, the quick notes (a line typed) and the Tasks window,
# opened with the keyboard once the pages are built; nothing may fail (stderr, the program's log).
walk_through_the_editor() {
    local window key
    window=$(xdotool search --onlyvisible --name "Thư Ký" | head -1)
    sleep 5  # the pages not shown are built in the first idle moments
    xdotool windowfocus --sync "$window"
    for key in ctrl+2 ctrl+3 ctrl+4 ctrl+5 ctrl+6 ctrl+7 ctrl+1 F9 ctrl+g; do xdotool key "$key"; sleep 0.5; done
    xdotool key ctrl+End Return  # a line of its own, after the notes the file already has
    xdotool type --delay 60 "08:20 @Sau: Bundle"
    xdotool key Return
    sleep 2
    import -window root /tmp/thuky-bundle.png 2>/dev/null || true
    xdotool key ctrl+shift+t
    sleep 3
    import -window root /tmp/thuky-bundle-tasks.png 2>/dev/null || true
    kill -0 "$1" 2>/dev/null || { cat "$ROOTS/bundle-x11.log"; fail "the editor stopped during the walk"; }
    ! grep -q Traceback "$ROOTS/bundle-x11.log" || { cat "$ROOTS/bundle-x11.log"; fail "errors during the walk"; }
    local log=$ROOT/home/secretary/.local/share/ThuKy/thuky.log
    ! grep -qs "ERROR" "$log" || { cat "$log"; fail "errors in the program's log"; }
    say "    pages, check panel, quick notes and Tasks window opened; nothing failed (screenshots /tmp/thuky-bundle*.png)"
}

start_display
for run in 1 2 3; do
    setsid "${as_secretary[@]}" QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY" bash -c "cd $work && exec /opt/ThuKy/ThuKy seed.minutes.json" \
        > "$ROOTS/bundle-x11.log" 2>&1 &
    app=$!
    seconds=$(wait_window "$app" 60) || { cat "$ROOTS/bundle-x11.log"; stop_group "$app"; fail "no window on X11"; }
    say "    start $run on X11 (xcb): window shown after $seconds s"
    if [ "$run" = 3 ]; then walk_through_the_editor "$app"; fi
    stop_group "$app"
done

say "menu entry and file type from the bundle, then a double-click on a meeting"
add_desktop_tools
[ -z "$(chroot "$ROOT" sh -c 'ls /usr/bin/python* 2>/dev/null')" ] || fail "the desktop tools brought a Python"
"${as_secretary[@]}" /opt/ThuKy/install-desktop-entry.sh | sed 's/^/    /'
grep -q '^Exec="/opt/ThuKy/ThuKy" %f' "$ROOT/home/secretary/.local/share/applications/thuky.desktop" \
    || fail "the desktop entry does not start the bundle"
cp "$ROOT/opt/ThuKy/_internal/minutes_app/resources/samples/giao-ban-xa-binh-thanh-2025-04.minutes.json" "$ROOT$work/hop.minutes.json"
chroot "$ROOT" chown secretary:secretary "$work/hop.minutes.json"
double_click "$work/hop.minutes.json"
say "SUCCESS: the bundle runs on a fresh Debian 12 without Python"
