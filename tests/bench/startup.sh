#!/usr/bin/env bash
# Start-up of `./atlas serve` with a built index and graph: from process start to `/health` answering 200.
#
#   tests/bench/startup.sh [RUNS]       RUNS timed starts (default 5) after one untimed warm-up start
#   STARTUP_LAUNCHER=/other/atlas tests/bench/startup.sh   times another checkout's launcher (a before/after pair)
#   STARTUP_QUESTION="..." tests/bench/startup.sh          another first question (not ATLAS_*: the configuration refuses unknown ATLAS_ names)
#   STARTUP_WARM_UP=10 tests/bench/startup.sh             with the server's warm-up (seconds; default 0: start-up alone, as
#                                                          `./atlas serve --warm-up 0`; a plain `./atlas serve` adds
#                                                          server.warmup.seconds, 10, before it listens)
#
# Each run starts the real launcher on a free port, polls /health with curl every 20 ms, records the time, asks one
# question (GET /api/ask) to check that the server answers right away, prints the stage line Atlas.open logged,
# and stops the server. Prints each run and the median. Run `./atlas index` first so that the data folder is built.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAUNCHER="${STARTUP_LAUNCHER:-$ROOT/atlas}"
RUNS="${1:-5}"
QUESTION="${STARTUP_QUESTION:-Does depth matter more than width?}"
WARM_UP="${STARTUP_WARM_UP:-0}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "startup.sh: RUNS must be a positive whole number, got '$RUNS'" >&2; exit 2; }
command -v curl >/dev/null || { echo "startup.sh: needs curl" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

LOG=$(mktemp)
SERVER=""
trap '[[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT

# CPU time (user + system, all threads) the process has used so far, in milliseconds: less sensitive than wall time to
# other work on the machine, though it cannot show what running loads side by side saves.
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

# One start: sets MS (milliseconds to /health 200), CPU (the server's CPU time by then), ASK (HTTP status of the first
# ask) and ASK_MS (its time).
start_once() {
  local port started
  port=$(free_port)
  started=$(now_ms)
  "$LAUNCHER" serve --port "$port" --warm-up "$WARM_UP" >"$LOG" 2>&1 &
  SERVER=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" == 200 ]]; do
    if ! kill -0 "$SERVER" 2>/dev/null; then
      echo "startup.sh: ./atlas serve exited before /health answered:" >&2
      cat "$LOG" >&2
      exit 1
    fi
    sleep 0.02
  done
  MS=$(( $(now_ms) - started ))
  CPU=$(cpu_ms "$SERVER")
  read -r ASK ASK_MS < <(curl -s -o /dev/null -w '%{http_code} %{time_total}' -G "http://127.0.0.1:$port/api/ask" \
    --data-urlencode "q=$QUESTION" | awk '{ printf "%s %d\n", $1, $2 * 1000 }')
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

start_once   # warm-up: builds the jar if needed, fills the OS cache and the class-data archive
times=()
for run in $(seq 1 "$RUNS"); do
  start_once
  stages=$(grep -o 'corpus loaded:.*' "$LOG" | sed 's/.*passages; //' || true)
  printf 'run %d: %5d ms to /health 200 (CPU %s ms), first ask HTTP %s in %d ms; %s\n' "$run" "$MS" "$CPU" "$ASK" "$ASK_MS" "$stages"
  [[ "$ASK" == 200 ]] || { echo "startup.sh: the first ask after /health failed (HTTP $ASK)" >&2; exit 1; }
  times+=("$MS")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
echo "median: $median ms over $RUNS runs ($(echo $sorted | tr ' ' '/') ms); load average $(cut -d' ' -f1-3 /proc/loadavg)"
