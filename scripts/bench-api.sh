#!/usr/bin/env bash
# API load test on 127.0.0.1 against a release build and a fresh SQLite file (or PostgreSQL
# with DATABASE_URL set). Reports requests/s and p50/p99 latency for create, get and list at
# 1 and 8 concurrent clients; get and list run with at least $TICKETS tickets in the database.
#   scripts/bench-api.sh                 # SQLite, 100 000 tickets
#   TICKETS=20000 DURATION=5s scripts/bench-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8190}
DURATION=${DURATION:-10s}
TICKETS=${TICKETS:-100000}
. scripts/bench/start-server.sh

store=${DATABASE_URL:+postgresql}
echo "# $(date -u +%FT%TZ) $(nproc) cores, store: ${store:-sqlite}, duration $DURATION per run"
# The server's CPU time (user + system, from /proc) around a run, per request.
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
count() { curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v1/tickets?limit=1" | python3 -c "import json,sys; i=json.load(sys.stdin)['items']; print(i[0]['id'] if i else 0)"; }
for clients in 1 8; do
  threads=$([ "$clients" = 1 ] && echo 1 || echo 2)
  name=create-${clients}client$([ "$clients" = 8 ] && echo s || true)
  before_cpu=$(cpu); before_count=$(count)
  BENCH_NAME=$name wrk -t$threads -c$clients -d"$DURATION" -s scripts/bench/create.lua "$url" | grep RESULT
  after_cpu=$(cpu); after_count=$(count)
  python3 -c "print('CPU $name server_ms_per_create=%.3f' % (($after_cpu - $before_cpu) * 1000 / $ticks / max(1, $after_count - $before_count)))"
done
while [ "$(newest id)" -lt "$TICKETS" ]; do
  wrk -t2 -c8 -d10s -s scripts/bench/create.lua "$url" >/dev/null
done
export COUNT=$(newest id)
number=$(newest number)
export PREFIX=${number:0:10}
echo "# $COUNT tickets in the database"
for clients in 1 8; do
  threads=$([ "$clients" = 1 ] && echo 1 || echo 2)
  BENCH_NAME=get-${clients}client wrk -t$threads -c$clients -d"$DURATION" -s scripts/bench/get.lua "$url" | grep RESULT
  BENCH_NAME=list-${clients}client wrk -t$threads -c$clients -d"$DURATION" -s scripts/bench/list.lua "$url" | grep RESULT
done
size=$([ -n "${DATABASE_URL:-}" ] && echo "on PostgreSQL" || du -sh "$data" | cut -f1)
echo "# server RSS after the run: $(ps -o rss= -p $server) KiB; database: $size"
