#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
# SPDX-License-Identifier: MIT
#
# One entry point for a fresh Debian 12 machine:
#   packaging/dev.sh run  [FILE]   install what is missing, build, open the app (default data)
#   packaging/dev.sh test          install what is missing, build with -Werror, run every test
#   packaging/dev.sh test --sanitize   the same in an ASan + UBSan build (build-asan/)
#   packaging/dev.sh package       build the .deb (CPack), check it with lintian,
#                                  desktop-file-validate and appstreamcli; its path is the
#                                  last line of stdout
#   packaging/dev.sh deps          only install the missing Debian packages
#
# Missing packages (listed in packaging/debian-packages.txt, plus
# packaging/debian-packages-package.txt for `package`) are installed with apt-get when
# running as root; otherwise the exact command is printed and the script stops.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jobs="$(nproc 2>/dev/null || echo 2)"
# A UTF-8 locale that every Debian has (glibc builds C.UTF-8 in): file names and labels with
# umlauts must not depend on how the calling shell was set up.
export LANG="${LANG:-C.UTF-8}"

# ensure_packages [LIST...]: the packages of packaging/debian-packages.txt and of each LIST.
ensure_packages() {
    local wanted=() missing=() list
    for list in "$here/debian-packages.txt" "$@"; do
        mapfile -t -O "${#wanted[@]}" wanted < <(grep -vE '^\s*(#|$)' "$list")
    done
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing missing Debian packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >&2
        apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    else
        echo "Missing Debian packages. Install them with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
}

configure_and_build() {
    local dir="$1"
    shift
    cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
    cmake --build "$dir" -j"$jobs" >&2
}

# check_package DEB: what Debian's own tools say of the package, errors fail.
check_package() {
    local deb="$1" tree
    tree="$(mktemp -d)"
    dpkg-deb -x "$deb" "$tree"
    desktop-file-validate "$tree"/usr/share/applications/*.desktop >&2
    appstreamcli validate --no-net "$tree"/usr/share/metainfo/*.metainfo.xml >&2
    rm -rf "$tree"
    lintian --fail-on error --info "$deb" >&2
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
deps)
    ensure_packages
    ;;
run)
    ensure_packages
    configure_and_build "$root/build"
    if [ $# -eq 0 ]; then
        set -- "$root/data/credit-g.arff"
    fi
    exec "$root/build/app/credit-risk-studio" "$@"
    ;;
package)
    ensure_packages "$here/debian-packages-package.txt"
    # The same build directory and options as `test`, so after a test run nothing is rebuilt.
    configure_and_build "$root/build" -DCREDIT_WARNINGS_AS_ERRORS=ON
    (cd "$root/build" && rm -f credit-risk-studio_*.deb && cpack -G DEB >&2)
    deb="$(ls "$root"/build/credit-risk-studio_*.deb)"
    check_package "$deb"
    echo "$deb"
    ;;
test)
    ensure_packages
    if [ "${1:-}" = "--sanitize" ]; then
        dir="$root/build-asan"
        configure_and_build "$dir" -DCREDIT_WARNINGS_AS_ERRORS=ON -DCREDIT_ENABLE_SANITIZERS=ON \
            -DCREDIT_BUILD_BENCHMARKS=OFF
    else
        dir="$root/build"
        configure_and_build "$dir" -DCREDIT_WARNINGS_AS_ERRORS=ON
    fi
    cd "$dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --no-tests=error -j"$jobs"
    ;;
*)
    sed -n '4,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 1
    ;;
esac
