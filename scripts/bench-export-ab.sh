#!/usr/bin/env bash
# Interleaved A/B of the tracking-table export for two release binaries on a generated desk
# (issue #13): each run serves BENCH_DATA with a fresh server, downloads the whole table as CSV
# and as XLSX (once to warm the database, then measured), and prints rows/s and the server's peak resident memory.
#   BENCH_DATA=/tmp/rep-bench scripts/bench-export-ab.sh OLD_BINARY NEW_BINARY [ROUNDS]   # SQLite desks
#   WARM=0 …   # measure the export as a fresh server's first request instead
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?old binary}; new=${2:?new binary}; rounds=${3:-3}
data=${BENCH_DATA:?a generated desk, as scripts/bench-reports.sh makes}
port=8199
url=http://127.0.0.1:$port
range="from=2000-01-01T00:00:00Z&until=2100-01-01T00:00:00Z"
run() {
  local label=$1 bin=$2 format=$3 server token seconds rows
  HELPDESK_ADMIN_PASSWORD=bench-admin-1 HELPDESK_LOG_LEVEL=warning "$bin" serve --data-dir "$data" --host 127.0.0.1 --port $port >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
  token=$(curl -sf -X POST "$url/api/v1/auth/token" -d '{"username":"admin","password":"bench-admin-1"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  rows=$(python3 -c "import sqlite3; print(sqlite3.connect('file:$data/helpdesk.sqlite?mode=ro', uri=True).execute('SELECT COUNT(*) FROM tickets').fetchone()[0])")
  # One export first, not counted: the measured one reads a warm database, as on a running desk.
  if [ "${WARM:-1}" != 0 ]; then
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/reports/tracking?$range&format=$format"
  fi
  seconds=$(curl -sf -o /tmp/helpdesk-export-ab.out -w '%{time_total}' -H "Authorization: Bearer $token" "$url/api/v1/reports/tracking?$range&format=$format")
  python3 -c "print('$label $format rows=$rows seconds=$seconds rows_per_s=%.0f peak_rss_kB=$(awk '/VmHWM/ {print $2}' /proc/$server/status)' % ($rows / $seconds))"
  kill $server; wait $server 2>/dev/null || true
}
for round in $(seq 1 "$rounds"); do
  for format in csv xlsx; do
    run "old-$round" "$old" $format
    run "new-$round" "$new" $format
  done
done
rm -f /tmp/helpdesk-export-ab.out
