# Helpers for the checks on a fresh Debian 12 root (sourced by check_fresh_install.sh and
# check_bundle_fresh_root.sh; run as root on a Debian-like host with debootstrap, Xvfb and xdotool).
# The bare root is made once with debootstrap and kept in $THUKY_ROOTS/base; each check works on a copy.

ROOTS=${THUKY_ROOTS:-/var/tmp/thuky-roots}
# The host's own Debian mirror (the network may reach nothing else).
MIRROR=${THUKY_MIRROR:-$(grep -hoE '^(URIs: |deb )https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/* \
    2>/dev/null | head -1 | sed -E 's/^(URIs: |deb )//' || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
_cleanups=()

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

cleanup() {
    local i
    for ((i = ${#_cleanups[@]} - 1; i >= 0; i--)); do eval "${_cleanups[i]}" || true; done
}
trap cleanup EXIT

base_root() {
    if [ ! -d "$ROOTS/base" ]; then
        say "debootstrap bookworm from $MIRROR into $ROOTS/base (a few minutes, once)"
        mkdir -p "$ROOTS"
        rm -rf "$ROOTS/base.tmp"
        debootstrap bookworm "$ROOTS/base.tmp" "$MIRROR" > "$ROOTS/debootstrap.log" 2>&1 \
            || fail "debootstrap; see $ROOTS/debootstrap.log"
        mv "$ROOTS/base.tmp" "$ROOTS/base"
    fi
}

# new_root NAME: a fresh copy of the bare root in $ROOTS/NAME, with /proc, /dev and name resolution.
new_root() {
    base_root
    ROOT="$ROOTS/$1"
    rm -rf "$ROOT"
    cp -a "$ROOTS/base" "$ROOT"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    # This host may reach the registries through a TLS proxy: the root trusts what the host trusts
    # (apt's and pip's certificate bundle), which changes nothing else of a fresh installation.
    mkdir -p "$ROOT/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/host-ca-bundle.crt"
    printf '[global]\ncert = /etc/ssl/host-ca-bundle.crt\n' > "$ROOT/etc/pip.conf"
    mount -t proc proc "$ROOT/proc" && _cleanups+=("umount -l '$ROOT/proc'")
    mount --bind /dev "$ROOT/dev" && _cleanups+=("umount -l '$ROOT/dev'")
    if [ -n "$(chroot "$ROOT" sh -c 'command -v python3 || ls /usr/bin/python* 2>/dev/null')" ]; then
        fail "the fresh root has a Python"
    fi
    say "fresh Debian $(cat "$ROOT/etc/debian_version") root in $ROOT (no Python)"
}

# start_display: an X server on the host; the root reaches it through the abstract socket.
start_display() {
    local n
    for n in $(seq 71 90); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
    Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp > /dev/null 2>&1 &
    local pid=$!
    _cleanups+=("kill $pid")
    export DISPLAY=":$n"
    for _ in $(seq 50); do xdotool getdisplaygeometry > /dev/null 2>&1 && return 0; sleep 0.1; done
    fail "Xvfb :$n did not start"
}

# wait_window PID SECONDS: wait until a window named "Thư Ký" is shown while PID lives; prints the seconds.
wait_window() {
    local pid=$1 limit=$2 start=$EPOCHREALTIME
    while kill -0 "$pid" 2>/dev/null; do
        if xdotool search --onlyvisible --name "Thư Ký" > /dev/null 2>&1; then
            echo "$EPOCHREALTIME $start" | awk '{printf "%.2f\n", $1 - $2}'
            return 0
        fi
        awk -v now="$EPOCHREALTIME" -v start="$start" -v limit="$limit" 'BEGIN {exit !(now - start > limit)}' && return 1
        sleep 0.05
    done
    return 1
}

# stop_group PID: end a process group this script started with setsid.
stop_group() { kill -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# add_desktop_tools: what every GNOME and Xfce desktop has for opening files and a bundle takes from the
# system, to the root: GIO's tool (libglib2.0-bin; GNOME Files and Thunar open files through GIO) and the
# file-type database (shared-mime-info). Neither brings a Python.
add_desktop_tools() {
    chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libglib2.0-bin shared-mime-info > /dev/null 2>&1 || fail "apt-get install libglib2.0-bin shared-mime-info"
}

# double_click FILE: what a file manager does with a double-click on FILE, as the user of "${as_secretary[@]}"
# on $DISPLAY: GIO reads the file's type from shared-mime-info and starts the program registered for it with
# the file. The editor's window must then show FILE's name; it is closed again (by its own process id).
double_click() {
    local file=$1 name type start=$EPOCHREALTIME window="" pid
    name=$(basename "$file")
    type=$("${as_secretary[@]}" gio info -a standard::content-type "$file" | sed -n 's/^ *standard::content-type: //p')
    [ "$type" = application/x-thuky-meeting ] || fail "$name is of the type \"$type\", not Thư Ký's meeting"
    say "    $name: type $type; $("${as_secretary[@]}" gio mime "$type" | head -3 | tr '\n' ' ' | sed 's/  */ /g')"
    "${as_secretary[@]}" QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY" gio open "$file" || fail "gio open $file"
    while [ -z "$window" ]; do
        window=$(xdotool search --onlyvisible --name "$name — Thư Ký" 2>/dev/null | head -1 || true)
        awk -v now="$EPOCHREALTIME" -v start="$start" 'BEGIN {exit !(now - start > 60)}' && fail "no window on $name"
        [ -n "$window" ] || sleep 0.1
    done
    pid=$(xdotool getwindowpid "$window")
    say "    double-click: \"$(xdotool getwindowname "$window")\" shown after $(echo "$EPOCHREALTIME $start" | awk '{printf "%.2f", $1 - $2}') s"
    kill "$pid"
}
