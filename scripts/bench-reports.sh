#!/usr/bin/env bash
# Report speed on a generated desk (issue #13): the monthly report of the busiest recent month,
# the weekly review, and the tracking table of the whole desk as CSV and XLSX (rows/s and the server's peak
# resident memory). Generates the desk once into BENCH_DATA and reuses it.
#   BENCH_DATA=/tmp/rep-bench TICKETS=200000 scripts/bench-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8193}
TICKETS=${TICKETS:-200000}
export BENCH_DATA=${BENCH_DATA:-/tmp/helpdesk-bench-reports}
mkdir -p "$BENCH_DATA"
if [ ! -s "$BENCH_DATA/helpdesk.sqlite" ] && [ -z "${DATABASE_URL:-}" ]; then
  swift build -c release --product helpdesk --scratch-path .build-release >/dev/null
  HELPDESK_ADMIN_PASSWORD=bench-admin-1 .build-release/release/helpdesk generate --data-dir "$BENCH_DATA" \
    --tickets "$TICKETS" --months 24 >/dev/null
fi
. scripts/bench/start-server.sh
store=${DATABASE_URL:+postgresql}
month=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
week=$(date -u -d "7 days ago" +%G-W%V)
echo "# $(date -u +%FT%TZ) $(nproc) cores, store: ${store:-sqlite}, $(newest id) tickets"
timed() {
  local name=$1 path=$2 best=999 all=""
  for _ in 1 2 3; do
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$url$path")
    all="$all $t"
  done
  echo "RESULT $name seconds:$all"
}
tickets=$(curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v1/reports/monthly?month=$month" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["kpis"]["tickets"])')
echo "# month $month: $tickets tickets; week $week"
timed "monthly-$month" "/api/v1/reports/monthly?month=$month"
timed "weekly-$week" "/api/v1/reports/weekly?week=$week"
start=$(python3 -c 'import time; print(time.time())')
rows=$(curl -sf -H "Authorization: Bearer $TOKEN" \
  "$url/api/v1/reports/tracking?from=2000-01-01T00:00:00Z&until=2100-01-01T00:00:00Z&format=csv" |
  python3 -c 'import csv,io,sys; print(sum(1 for _ in csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline=""))) - 1)')
end=$(python3 -c 'import time; print(time.time())')
python3 -c "print('RESULT tracking-csv rows=$rows seconds=%.2f rows_per_s=%.0f' % ($end - $start, $rows / ($end - $start)))"
echo "# server peak RSS after the CSV: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
workbook=$(mktemp /tmp/helpdesk-bench-XXXXXX.xlsx)
start=$(python3 -c 'import time; print(time.time())')
curl -sf -o "$workbook" -H "Authorization: Bearer $TOKEN" \
  "$url/api/v1/reports/tracking?from=2000-01-01T00:00:00Z&until=2100-01-01T00:00:00Z&format=xlsx"
end=$(python3 -c 'import time; print(time.time())')
# Rows of every sheet, headers excepted, read back with a streaming XML parser.
rows=$(python3 - "$workbook" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
book = zipfile.ZipFile(sys.argv[1])
count = 0
for name in book.namelist():
    if name.startswith("xl/worksheets/sheet"):
        rows = sum(1 for _, e in ET.iterparse(book.open(name)) if e.tag.endswith("}row"))
        count += rows - 1
print(count)
PY
)
python3 -c "print('RESULT tracking-xlsx rows=$rows seconds=%.2f rows_per_s=%.0f bytes=$(stat -c %s "$workbook")' % ($end - $start, $rows / ($end - $start)))"
rm -f "$workbook"
echo "# server peak RSS after the XLSX: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
