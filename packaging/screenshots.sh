#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
# SPDX-License-Identifier: MIT
#
# Regenerates the README's screenshots (resources/screenshots/*.png) from a build:
#   packaging/screenshots.sh [BUILD_DIR]        (default: build)
# Trains a quick model on the bundled data with the CLI, then grabs every tab offscreen
# with `credit-risk-studio --tab NAME --screenshot`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
out="$root/resources/screenshots"
mkdir -p "$out"
model="$(mktemp -d)/readme-model.crs"
# Every family, so the tabs show the model the app selects by default (usually the ensemble).
"$build/app/credit-risk" train --data "$root/data/credit-g.arff" \
    --algorithms lr,rf,gbdt,svm,ensemble --folds 5 --repeats 1 --trials 2 --quiet \
    --out "$model" >/dev/null
# The Score tab logs the applicant it shows: keep that out of the user's prediction log.
export CREDIT_RISK_LOG="$(dirname "$model")/screenshots-log.sqlite"
# The Monitor tab shows a log: the bundled applicants scored as one batch, then a batch of
# older applicants asking for twice the amounts (age and credit_amount drift).
work="$(dirname "$model")"
"$build/app/credit-risk" score --model "$model" --input "$root/data/credit-g.arff" \
    --output "$work/scored.csv" --quiet >/dev/null
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "age") a = i; if ($i == "credit_amount") c = i }
          print; next }
         { $a = $a + 15; $c = $c * 2; print }' OFS=, "$work/scored.csv" >"$work/shifted.csv"
"$build/app/credit-risk" score --model "$model" --input "$work/shifted.csv" \
    --output "$work/shifted-scored.csv" --quiet >/dev/null
for tab in data explore train evaluate threshold score monitor; do
    QT_QPA_PLATFORM=offscreen "$build/app/credit-risk-studio" --model "$model" --tab "$tab" \
        --size 1280x800 --screenshot "$out/$tab.png" "$root/data/credit-g.arff"
    echo "wrote $out/$tab.png"
done
