#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
# SPDX-License-Identifier: MIT
#
# Runs inside a clean Debian 12 root (see .ci/run): installs the .deb the way a user would,
# with apt resolving its dependencies and no recommends, then uses what it installed.
#   install-test.sh PACKAGE.deb OUTDIR      OUTDIR receives the GUI screenshot
set -euo pipefail
deb="${1:?usage: install-test.sh PACKAGE.deb OUTDIR}"
out="${2:?usage: install-test.sh PACKAGE.deb OUTDIR}"
data=/usr/share/credit-risk-studio/data/credit-g.arff
passed=0
failed=0

check() {
    local name="$1"
    shift
    if "$@"; then
        echo "PASS   : $name"
        passed=$((passed + 1))
    else
        echo "FAIL!  : $name"
        failed=$((failed + 1))
    fi
}

export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "$deb" >/tmp/install.log 2>&1 ||
    { tail -30 /tmp/install.log; echo "0 passed, 1 failed"; exit 1; }

work="$(mktemp -d)"
cd "$work"
check "credit-risk --version" sh -c 'credit-risk --version | grep -q "^credit-risk [0-9]"'
check "credit-risk-studio --version without a display" \
    sh -c 'credit-risk-studio --version | grep -q "^credit-risk-studio [0-9]"'
check "info on the installed data, as JSON" \
    sh -c "credit-risk info $data --json > info.json && grep -q '\"rows\": *1000' info.json"
check "a short train writes a model" \
    sh -c "credit-risk train --data $data --algorithms lr --folds 3 --repeats 1 --trials 1 \
           --threads 2 --out m.crs > train.log 2>&1 && test -s m.crs"
check "the installed GUI paints a window offscreen on the installed data" \
    sh -c "QT_QPA_PLATFORM=offscreen credit-risk-studio --tab data --screenshot $out/installed-gui.png \
           > gui.log 2>&1 && test -s $out/installed-gui.png"
check "man pages are installed" sh -c 'test -s /usr/share/man/man1/credit-risk.1.gz &&
    test -s /usr/share/man/man1/credit-risk-studio.1.gz'
for log in train.log gui.log; do
    [ ! -s "$log" ] || { echo "--- $log"; tail -5 "$log"; }
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
