#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
# SPDX-License-Identifier: MIT
#
# A clean Debian 12 root, as a new user's machine would be, for CI and for checking by hand:
#   packaging/clean-root.sh make DIR          a fresh root in DIR: debootstrap --variant=minbase
#                                             bookworm plus git (the base is cached as a tarball)
#   packaging/clean-root.sh run DIR CMD...    run CMD (a shell command line) inside DIR as root,
#                                             with /proc, /sys, /dev mounted and the ccache shared
#   packaging/clean-root.sh remove DIR        unmount and delete DIR
#
# Needs root and debootstrap. Nothing installed by hand reaches the root: only the cached
# minbase tarball (never the packages the project installs) and, by bind mount, the ccache.
# Environment: CREDIT_CI_CACHE (default /var/cache/credit-risk-ci) holds the tarball and the
# ccache; DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

cache="${CREDIT_CI_CACHE:-/var/cache/credit-risk-ci}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$cache/bookworm-minbase.tar"

die() {
    echo "clean-root: $*" >&2
    exit 1
}

need_root() {
    [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount); run it with sudo."
}

make_base() {
    command -v debootstrap >/dev/null ||
        die "debootstrap is not installed: apt-get install debootstrap (a clean root cannot be made without it)."
    local tmp
    tmp="$(mktemp -d "$cache/base.XXXXXX")"
    echo "clean-root: debootstrap --variant=minbase bookworm from $mirror" >&2
    if ! debootstrap --variant=minbase bookworm "$tmp/root" "$mirror" >"$tmp/log" 2>&1; then
        tail -20 "$tmp/log" >&2
        rm -rf "$tmp"
        die "debootstrap failed (see the lines above)."
    fi
    tar -C "$tmp/root" -cf "$tmp/base.tar" .
    mv "$tmp/base.tar" "$base"
    rm -rf "$tmp"
}

mounted() {
    grep -q " $(realpath "$1") " /proc/mounts
}

mount_all() {
    local dir="$1"
    mounted "$dir/proc" || mount -t proc proc "$dir/proc"
    mounted "$dir/sys" || mount -t sysfs sys "$dir/sys"
    mounted "$dir/dev" || mount --bind /dev "$dir/dev"
    mounted "$dir/dev/pts" || mount --bind /dev/pts "$dir/dev/pts"
    mkdir -p "$cache/ccache" "$dir/var/cache/ccache"
    mounted "$dir/var/cache/ccache" || mount --bind "$cache/ccache" "$dir/var/cache/ccache"
}

unmount_all() {
    local dir="$1" point
    for point in var/cache/ccache dev/pts dev sys proc; do
        if [ -d "$dir/$point" ] && mounted "$dir/$point"; then
            umount -l "$dir/$point" || true
        fi
    done
}

in_root() {
    local dir="$1"
    shift
    mount_all "$dir"
    # A login-like environment: nothing of the caller's but the terminal type.
    chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        TERM="${TERM:-dumb}" LANG=C.UTF-8 CCACHE_DIR=/var/cache/ccache CI="${CI:-}" \
        /bin/bash -c "$*"
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
make)
    need_root
    dir="${1:?usage: clean-root.sh make DIR}"
    [ ! -e "$dir" ] || die "$dir exists already; remove it first (clean-root.sh remove $dir)."
    mkdir -p "$cache"
    [ -f "$base" ] || make_base
    mkdir -p "$dir"
    tar -C "$dir" -xf "$base"
    # Name resolution and the same apt sources a Debian 12 install has (main, updates,
    # security), so the root gets today's packages.
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    cat >"$dir/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
    in_root "$dir" 'export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends git >/dev/null' ||
        die "could not install git in the clean root (no network to the Debian mirror?)."
    unmount_all "$dir"
    ;;
run)
    need_root
    dir="${1:?usage: clean-root.sh run DIR CMD...}"
    shift
    [ -x "$dir/bin/bash" ] || die "$dir is not a root made by clean-root.sh make."
    trap 'unmount_all "$dir"' EXIT
    in_root "$dir" "$@"
    ;;
remove)
    need_root
    dir="${1:?usage: clean-root.sh remove DIR}"
    [ -d "$dir" ] || exit 0
    unmount_all "$dir"
    if grep -q " $(realpath "$dir")/" /proc/mounts; then
        die "something is still mounted under $dir; not deleting it."
    fi
    rm -rf --one-file-system "$dir"
    ;;
*)
    sed -n '4,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 1
    ;;
esac
