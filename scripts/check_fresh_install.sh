#!/usr/bin/env bash
# The README's promise, checked by hand (not in CI; run as root, takes 10-20 minutes): on a fresh Debian 12
# root (debootstrap, then only sudo and a normal user "secretary" allowed to use it), a clone of this
# repository's HEAD commit runs the README's two set-up commands exactly as written, as that user:
#  - the run command must show the editor's window on an X display (an Xvfb of the host's, standing
#    in for a desktop: nothing of X is installed in the root but what the command installs);
#  - then a meeting file opened as a double-click in GNOME Files or Thunar does (GIO, whose command-line
#    tool every such desktop has, is added for this) must open in the editor the command installed;
#  - the test command must end with pytest's success.
# With --ci, then also what CI does: `bash .ci/run` as root in a clone on another fresh root.
# Prints SUCCESS at the end, or FAILED and why. Screenshot of the window: /tmp/thuky-fresh-install.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=fresh_root.sh
source "$repo/scripts/fresh_root.sh"
[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot)"
with_ci=0
case "${1:-}" in "") ;; --ci) with_ci=1 ;; *) echo "usage: $0 [--ci]" >&2; exit 2 ;; esac
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] || say "note: uncommitted changes are not checked"

block() {  # the command between <!-- NAME --> and <!-- /NAME --> in the README, as CI reads it
    sed -n "/<!-- $1 -->/,/<!-- \/$1 -->/p" "$repo/README.md" | grep -v -e '^<!--' -e '^```'
}
run_command=$(block run-command)
test_command=$(block test-command)
[ -n "$run_command" ] && [ -n "$test_command" ] || fail "README.md lacks a run or test command"

new_root fresh-install
say "adding sudo and the user secretary (sudo without password, as on a desktop after login)"
chroot "$ROOT" apt-get update -qq
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo > /dev/null
chroot "$ROOT" useradd -m -s /bin/bash secretary
echo 'secretary ALL=(ALL) NOPASSWD: ALL' > "$ROOT/etc/sudoers.d/secretary"
commit=$(git -C "$repo" rev-parse HEAD)
git clone -q --no-checkout "$repo" "$ROOT/home/secretary/thuky"
git -C "$ROOT/home/secretary/thuky" checkout -q --detach "$commit"
chroot "$ROOT" chown -R secretary:secretary /home/secretary/thuky
say "clone of $(git -C "$repo" log -1 --format='%h %s' | cut -c1-80)"

# A login-like environment of the user (the locale of a minimal system: C.UTF-8).
as_secretary=(chroot --userspec=secretary:secretary "$ROOT" env -i HOME=/home/secretary USER=secretary
              LOGNAME=secretary PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8)

start_display
say "run command, on the X display $DISPLAY: $run_command"
setsid "${as_secretary[@]}" DISPLAY="$DISPLAY" bash -c "cd ~/thuky && $run_command" > "$ROOTS/run-command.log" 2>&1 &
app=$!
if seconds=$(wait_window "$app" 1800); then
    sleep 2  # let it paint
    import -window root /tmp/thuky-fresh-install.png 2>/dev/null || true
    say "the editor's window is shown, $seconds s after the command started (installation included)"
    stop_group "$app"
else
    stop_group "$app"
    tail -30 "$ROOTS/run-command.log"
    fail "the run command did not show the editor"
fi
grep -v '^\s*$' "$ROOTS/run-command.log" | grep -iv "^Get:\|^Selecting\|^Preparing\|^Unpacking\|^Setting up\|^Processing" | tail -8 | sed 's/^/    /'

say "a double-click on a meeting in the file manager"
add_desktop_tools
cp "$ROOT/home/secretary/thuky/resources/samples/giao-ban-xa-binh-thanh-2025-04.minutes.json" "$ROOT/home/secretary/hop.minutes.json"
chroot "$ROOT" chown secretary:secretary /home/secretary/hop.minutes.json
double_click /home/secretary/hop.minutes.json

say "test command, without a display: $test_command"
if "${as_secretary[@]}" bash -c "cd ~/thuky && $test_command" > "$ROOTS/test-command.log" 2>&1; then
    tail -3 "$ROOTS/test-command.log" | sed 's/^/    /'
else
    tail -40 "$ROOTS/test-command.log"
    fail "the test command"
fi
say "both README commands work as written on a fresh Debian 12 (logs in $ROOTS/*-command.log)"

if [ "$with_ci" = 1 ]; then
    new_root ci
    git clone -q --no-checkout "$repo" "$ROOT/root/thuky"
    git -C "$ROOT/root/thuky" checkout -q --detach "$commit"
    say "CI: bash .ci/run as root in a clone on a fresh root"
    if chroot "$ROOT" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        bash -c "cd /root/thuky && bash .ci/run" > "$ROOTS/ci.log" 2>&1; then
        grep -E "^\+ |passed|started" "$ROOTS/ci.log" | sed 's/^/    /'
    else
        tail -40 "$ROOTS/ci.log"
        fail ".ci/run"
    fi
fi
say "SUCCESS"
