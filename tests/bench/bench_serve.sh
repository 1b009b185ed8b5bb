#!/bin/sh
# SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
# SPDX-License-Identifier: MIT
#
# Load benchmark of `credit-risk serve` on loopback with wrk (Debian package wrk). Prints
# figures; asserts nothing. Bounded in time: about 7 × DURATION + RSS_SECONDS seconds after the
# models are trained.
#
#   tests/bench/bench_serve.sh [BUILD_DIR]         (default build)
#
# Environment: DURATION (seconds per wrk run, default 10), RSS_SECONDS (the long run for the
# memory figure, default 60), THREADS (--threads of the service, default its own), LOG_LEVEL
# (default info: one request line per request, to a file; wrk waits out its -d even after
# the limited run stopped), WORK (folder for models, logs
# and wrk scripts; default a fresh temporary one).
#
# Measures, each at `wrk -t2 -c16` with one applicant per request, prediction log on,
# reasons on, request log at LOG_LEVEL to a file:
#   1. /predict with logistic regression, gradient boosting and the ensemble: requests/s,
#      p50 and p99 latency, non-2xx answers and socket errors;
#   2. /predict/batch with 1,000 rows per request (wrk -t2 -c4): rows/s;
#   3. RSS after the first ~1,000 requests (each wrk thread stops after 500 answers) and after
#      RSS_SECONDS more of load (the 1,000,000 of the issue take ~200 s at 5,000 requests/s);
#   4. SIGHUP every second during a DURATION run: non-2xx and socket errors.
set -eu

BUILD=${1:-build}
CLI="$BUILD/app/credit-risk"
DURATION=${DURATION:-10}
RSS_SECONDS=${RSS_SECONDS:-60}
LOG_LEVEL=${LOG_LEVEL:-info}
export LOG_LEVEL
DATA="$(dirname "$0")/../../data/credit-g.arff"
command -v wrk >/dev/null || { echo "bench_serve: wrk not found (apt-get install wrk)" >&2; exit 1; }
[ -x "$CLI" ] || { echo "bench_serve: $CLI not built" >&2; exit 1; }
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
echo "bench_serve: work folder $WORK; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

train() { # algorithm → bundle
    [ -f "$WORK/$1.crs" ] || "$CLI" train --data "$DATA" --algorithms "$1" --folds 3 --repeats 1 \
        --trials 1 --quiet --out "$WORK/$1.crs" >/dev/null
}
for algorithm in lr gbdt ensemble; do train "$algorithm"; done

# One applicant (row 2 of credit-g) and a batch of 1,000 copies of varied rows.
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
a = {"checking_status": "0<=X<200", "duration": 48, "credit_history": "existing paid",
     "purpose": "radio/tv", "credit_amount": 5951, "savings_status": "<100",
     "employment": "1<=X<4", "installment_commitment": 2, "personal_status": "female div/dep/mar",
     "other_parties": "none", "residence_since": 2, "property_magnitude": "real estate",
     "age": 22, "other_payment_plans": "none", "housing": "own", "existing_credits": 1,
     "job": "skilled", "num_dependents": 1, "own_telephone": "none", "foreign_worker": "yes"}
rows = []
for i in range(1000):
    r = dict(a); r["duration"] = 6 + i % 60; r["age"] = 20 + i % 50; r["credit_amount"] = 500 + 13 * i
    rows.append(r)
def script(name, body):
    with open(f"{work}/{name}.lua", "w") as f:
        f.write('wrk.method = "POST"\n')
        f.write('wrk.headers["Content-Type"] = "application/json"\n')
        f.write("wrk.body = " + json.dumps(json.dumps(body)) + "\n")
script("predict", a)
script("batch", {"data": rows})
# The same request, each wrk thread stopping after $WRK_LIMIT answers (the memory figure's
# "first 1,000 requests").
with open(f"{work}/predict.lua") as f:
    text = f.read()
with open(f"{work}/predict-limited.lua", "w") as f:
    f.write(text + """
local limit = tonumber(os.getenv("WRK_LIMIT") or "0")
local answered = 0
response = function(status, headers, body)
    answered = answered + 1
    if limit > 0 and answered >= limit then wrk.thread:stop() end
end
""")
PY

PID=
start() { # bundle → sets PID and PORT
    rm -f "$WORK/serve.err" # the last run's port must not be read while the new one starts
    "$CLI" serve --model "$1" --port 0 --log "$WORK/predictions.sqlite" ${THREADS:+--threads $THREADS} \
        2>"$WORK/serve.err" &
    PID=$!
    for _ in $(seq 1 200); do
        [ -f "$WORK/serve.err" ] || { sleep 0.1; continue; }
        PORT=$(sed -n 's/.*"event":"listening".*"port":\([0-9]*\).*/\1/p' "$WORK/serve.err")
        [ -n "$PORT" ] && return 0
        sleep 0.1
    done
    echo "bench_serve: the service did not start:" >&2; cat "$WORK/serve.err" >&2; exit 1
}
stop() {
    kill -TERM "$PID"; wait "$PID" || true; PID=
}
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT
rss() { awk '/VmRSS/ { print $2 }' "/proc/$PID/status"; }
summary() { # wrk output file → one line of figures
    awk -v what="$2" '
        /Requests\/sec/ { rps = $2 }
        /requests in/ { total = $1 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { non2xx = $NF }
        /Socket errors/ { errors = $0; sub(/.*errors: /, "", errors) }
        END { printf "%-28s %10s req/s  p50 %8s  p99 %8s  requests %9s  non-2xx %s  socket errors %s\n",
                     what, rps, p50, p99, total, non2xx == "" ? 0 : non2xx, errors == "" ? "none" : errors }' "$1"
}

echo "--- /predict, wrk -t2 -c16 -d${DURATION}s, one applicant per request"
for algorithm in lr gbdt ensemble; do
    start "$WORK/$algorithm.crs"
    wrk -t2 -c2 -d2s -s "$WORK/predict.lua" "http://127.0.0.1:$PORT/predict" >/dev/null # warm-up
    wrk -t2 -c16 -d"${DURATION}s" --latency -s "$WORK/predict.lua" \
        "http://127.0.0.1:$PORT/predict" >"$WORK/wrk-$algorithm.txt"
    summary "$WORK/wrk-$algorithm.txt" "/predict $algorithm"
    stop
done

echo "--- /predict/batch, 1,000 rows per request, wrk -t2 -c4 -d${DURATION}s (lr)"
start "$WORK/lr.crs"
wrk -t2 -c4 -d"${DURATION}s" --latency --timeout 30s -s "$WORK/batch.lua" \
    "http://127.0.0.1:$PORT/predict/batch" >"$WORK/wrk-batch.txt"
summary "$WORK/wrk-batch.txt" "/predict/batch lr"
awk '/Requests\/sec/ { printf "%-28s %10.0f rows/s\n", "/predict/batch lr", $2 * 1000 }' "$WORK/wrk-batch.txt"
stop

echo "--- memory: RSS after the first 1,000 requests and after ${RSS_SECONDS}s more of load (lr)"
start "$WORK/lr.crs"
WRK_LIMIT=500 wrk -t2 -c16 -d5s -s "$WORK/predict-limited.lua" "http://127.0.0.1:$PORT/predict" \
    >"$WORK/wrk-rss1.txt"
first=$(awk '/requests in/ { print $1 }' "$WORK/wrk-rss1.txt")
rss1=$(rss)
wrk -t2 -c16 -d"${RSS_SECONDS}s" -s "$WORK/predict.lua" "http://127.0.0.1:$PORT/predict" >"$WORK/wrk-rss2.txt"
more=$(awk '/requests in/ { print $1 }' "$WORK/wrk-rss2.txt")
rss2=$(rss)
summary "$WORK/wrk-rss2.txt" "/predict lr (memory run)"
echo "RSS after the first $first requests: $rss1 KiB; after $((first + more)) requests: $rss2 KiB (difference $((rss2 - rss1)) KiB)"
stop

echo "--- SIGHUP every second during a ${DURATION}s run (lr)"
start "$WORK/lr.crs"
wrk -t2 -c16 -d"${DURATION}s" --latency -s "$WORK/predict.lua" \
    "http://127.0.0.1:$PORT/predict" >"$WORK/wrk-hup.txt" &
WRK=$!
sleep 0.5
for _ in $(seq 1 $((DURATION - 1))); do kill -HUP "$PID"; sleep 1; done
wait "$WRK"
summary "$WORK/wrk-hup.txt" "/predict lr + SIGHUP"
echo "reloads: $(grep -c '"event":"reload"' "$WORK/serve.err") done, $(grep -c '"event":"reload_refused"' "$WORK/serve.err") refused"
stop
echo "prediction log: $(sqlite3 "$WORK/predictions.sqlite" 'SELECT COUNT(*) FROM predictions' 2>/dev/null || echo '?') rows in $WORK/predictions.sqlite"
