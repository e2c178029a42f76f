#!/usr/bin/env bash
# Proves the units under a real systemd: boots Debian with systemd as PID 1
# in systemd-nspawn, installs timelined with `make install`, and runs
# guest-test.sh there as a oneshot unit, whose count of failed checks
# becomes the container's exit code (systemctl exit N).
#
#   systemd/test/nspawn-test.sh                 run, or fail saying why not
#   systemd/test/nspawn-test.sh --if-possible   run, or skip with one line
#
# The Debian root file system is built once with debootstrap, from the
# mirror apt is configured with, and cached outside the checkout in
# $TIMELINED_NSPAWN_CACHE (default /var/cache/timelined-nspawn), under a
# name derived from the release, the mirror and the package list, so that
# a change of any of them builds a new one. Each run boots a copy, so the
# cache stays clean.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/../.." && pwd)
if_possible=no
[ "${1:-}" = --if-possible ] && if_possible=yes

# Not being able to run here is a skip under --if-possible, a failure otherwise.
cannot() {
    if [ "$if_possible" = yes ]; then
        echo "systemd-test: skipped: $*"
        exit 0
    fi
    echo "systemd-test: cannot run: $*" >&2
    exit 1
}

[ -z "${TIMELINED_SKIP_NSPAWN:-}" ] || cannot "TIMELINED_SKIP_NSPAWN is set"
[ "$(id -u)" -eq 0 ] || cannot "systemd-nspawn and debootstrap need root"
[ "$(uname -s)" = Linux ] || cannot "not Linux"

packages=systemd,systemd-sysv,dbus,libsystemd0,libnss-systemd,procps
missing=""
command -v systemd-nspawn >/dev/null || missing="$missing systemd-container"
command -v debootstrap >/dev/null || missing="$missing debootstrap"
if [ -n "$missing" ]; then
    command -v apt-get >/dev/null || cannot "missing$missing, and no apt-get to install them with"
    echo "systemd-test: installing$missing"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >/dev/null \
        || cannot "apt-get could not install$missing"
fi

# The host's release, so that the binaries built here find the same glibc
# and libsystemd in the guest, and the first Debian mirror apt uses.
. /etc/os-release
suite=${VERSION_CODENAME:-}
[ -n "$suite" ] || cannot "cannot tell the Debian release from /etc/os-release"
mirror=$(
    { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' || true
      grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | sed -e 's/\[[^]]*\]//' | awk '{print $2}' || true
    } | grep -v -e security -e '^$' | head -n 1 || true
)
[ -n "$mirror" ] || cannot "no Debian mirror in /etc/apt/sources.list*"

# Bumped when the preparation of the root file system below changes.
layout=1
cache=${TIMELINED_NSPAWN_CACHE:-/var/cache/timelined-nspawn}
key=$(printf '%s\n' "$suite" "$mirror" "$packages" "$layout" | sha256sum | cut -c1-16)
rootfs=$cache/rootfs-$suite-$key
mkdir -p "$cache"

if [ ! -d "$rootfs" ]; then
    echo "systemd-test: building a Debian $suite root file system from $mirror (once; cached in $cache)"
    rm -rf "$cache"/rootfs-* "$cache"/building-*
    building=$(mktemp -d "$cache/building-XXXXXX")
    # The guest's /: mktemp's 0700 would shut every user but root out of it.
    chmod 0755 "$building"
    started=$SECONDS
    if ! debootstrap --variant=minbase --include="$packages" "$suite" "$building" "$mirror" \
            > "$cache/debootstrap.log" 2>&1; then
        rm -rf "$building"
        tail -n 5 "$cache/debootstrap.log" >&2
        cannot "debootstrap failed (log: $cache/debootstrap.log)"
    fi
    # Nothing waits for a login on the console; the test unit owns it.
    ln -sf /dev/null "$building/etc/systemd/system/console-getty.service"
    ln -sf /dev/null "$building/etc/systemd/system/getty@.service"
    echo timelined-test > "$building/etc/hostname"
    rm -rf "$building/var/cache/apt/archives/"*.deb
    mv "$building" "$rootfs"
    echo "systemd-test: root file system built in $((SECONDS - started)) s"
fi

work=$(mktemp -d /var/tmp/timelined-nspawn-XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
guest=$work/root
cp -a --reflink=auto "$rootfs" "$guest"

# Neither registered with systemd-machined nor put in a scope of its own,
# so that it also runs where the host's init is not systemd.
nspawn_options="--quiet --register=no --keep-unit --private-network"

# Whether nspawn can run anything here at all, before judging the daemon.
if ! probe=$(systemd-nspawn $nspawn_options -D "$guest" /bin/true 2>&1); then
    cannot "systemd-nspawn cannot start a container here: $(echo "$probe" | tail -n 1)"
fi

# TIMELINED_NSPAWN_BUILD=debug (as make test sets it) installs the debug
# binaries already built, with the Swift runtime they link copied to the
# same paths in the guest; otherwise the static release build, as shipped.
if [ "${TIMELINED_NSPAWN_BUILD:-release}" = debug ]; then
    bin=$(cd "$checkout" && swift build --show-bin-path)
    { make -C "$checkout" --no-print-directory man &&
      make -C "$checkout" --no-print-directory install-files INSTALL_BIN="$bin" DESTDIR="$guest" PREFIX=/usr; } \
        > "$work/install.log" 2>&1 \
        || { tail -n 20 "$work/install.log" >&2; echo "systemd-test: installing the debug build failed" >&2; exit 1; }
    for library in $(ldd "$bin/timelined" "$bin/timelinectl" | awk '$3 ~ /^\// {print $3}' | sort -u); do
        [ -e "$guest$library" ] || install -D -m 0644 "$library" "$guest$library"
    done
else
    make -C "$checkout" --no-print-directory install DESTDIR="$guest" PREFIX=/usr > "$work/install.log" 2>&1 \
        || { tail -n 20 "$work/install.log" >&2; echo "systemd-test: make install failed" >&2; exit 1; }
fi

mkdir -p "$guest/usr/local/lib/timelined-test/articles" "$work/results"
install -m 0755 "$checkout/systemd/test/guest-test.sh" "$guest/usr/local/lib/timelined-test/"
cp "$checkout"/../shared/corpus/seeds/*.txt "$guest/usr/local/lib/timelined-test/articles/" 2>/dev/null || true
cat > "$guest/etc/systemd/system/timelined-test.service" <<'UNIT'
[Unit]
Description=timelined under a real systemd
After=multi-user.target

[Service]
Type=oneshot
ExecStart=/usr/local/lib/timelined-test/guest-test.sh /results/output
StandardOutput=journal+console
StandardError=journal+console

[Install]
WantedBy=multi-user.target
UNIT
# What a package's maintainer scripts do: the group and the spool first,
# then the socket (started on demand) and the test.
systemd-nspawn $nspawn_options -D "$guest" /bin/sh -c '
    systemd-sysusers && systemd-tmpfiles --create timelined.conf && journalctl --update-catalog &&
    systemctl enable timelined.socket timelined-test.service' > "$work/enable.log" 2>&1 \
    || { cat "$work/enable.log" >&2; echo "systemd-test: preparing the guest failed" >&2; exit 1; }

echo "systemd-test: booting Debian $suite with systemd in systemd-nspawn"
started=$SECONDS
status=0
timeout -k 10 300 systemd-nspawn $nspawn_options --boot --console=read-only \
    --bind="$work/results:/results" -D "$guest" \
    systemd.show_status=false systemd.log_level=warning || status=$?
echo "systemd-test: the container exited with $status after $((SECONDS - started)) s"

if [ ! -s "$work/results/output" ]; then
    echo "systemd-test: the guest test did not run (status $status)" >&2
    exit 1
fi
passed=$(grep -c '^ok ' "$work/results/output" || true)
failed=$(grep -c '^not ok ' "$work/results/output" || true)
echo "systemd-test: $passed passed, $failed failed"
{ grep '^not ok ' "$work/results/output" || true; } | sed 's/^/systemd-test: /'
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
