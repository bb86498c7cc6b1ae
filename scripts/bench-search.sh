#!/usr/bin/env bash
# Search latency on 127.0.0.1 against a release build with $TICKETS generated tickets
# (`helpdesk generate`: realistic Chinese text over 24 months), on SQLite in $BENCH_DATA (kept,
# so the desk is generated once) or on PostgreSQL with DATABASE_URL set. Rare and common terms,
# newest first and by relevance, at 1 and 8 concurrent clients; p50/p95/p99 per run.
#   scripts/bench-search.sh                                  # SQLite, 1 000 000 tickets
#   TICKETS=100000 BENCH_DATA=/tmp/search-100k DURATION=5s scripts/bench-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8192}
DURATION=${DURATION:-10s}
TICKETS=${TICKETS:-1000000}
export BENCH_DATA=${BENCH_DATA:-/tmp/helpdesk-search-bench}
mkdir -p "$BENCH_DATA"
swift build -c release --product helpdesk --scratch-path .build-release >/dev/null
start=$(date +%s)
HELPDESK_ADMIN_PASSWORD=bench-admin-1 HELPDESK_LOG_LEVEL=warning .build-release/release/helpdesk generate \
  --data-dir "$BENCH_DATA" --tickets "$TICKETS" --append
echo "# generating took $(( $(date +%s) - start )) s"
. scripts/bench/start-server.sh

encode() { python3 -c 'import sys, urllib.parse; print(" ".join(urllib.parse.quote(q) for q in sys.argv[1:]))' "$@"; }
# Rare: an error code (a few dozen tickets each), a rare system, a rare symptom pair; common: a
# symptom in one ticket of eight, a word in most titles, a Latin word.
rare=$(encode E4821 E1733 E9052 工资条 打印乱码 门禁卡闪退 合同管理)
common=$(encode 无法登录 系统 VPN 运行很慢 数据库)
hits() { curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v1/search?limit=100&order=newest&q=$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))'; }
store=${DATABASE_URL:+postgresql}
echo "# $(date -u +%FT%TZ) $(nproc) cores, store: ${store:-sqlite}, $(newest id) tickets, duration $DURATION per run"
echo "# hits in the first page of 100: rare $(for q in $rare; do printf '%s ' "$(hits "$q")"; done)/ common $(for q in $common; do printf '%s ' "$(hits "$q")"; done)"
for clients in 1 8; do
  threads=$([ "$clients" = 1 ] && echo 1 || echo 2)
  for terms in rare common; do
    for order in newest relevance; do
      QUERIES=${!terms} ORDER=$order BENCH_NAME=$terms-$order-${clients}c \
        wrk -t$threads -c$clients -d"$DURATION" --timeout 10s -s scripts/bench/search.lua "$url" | grep RESULT
    done
  done
done
echo "# server RSS after the run: $(ps -o rss= -p $server) KiB"
size=$([ -n "${DATABASE_URL:-}" ] && echo "on PostgreSQL" || du -sh "$BENCH_DATA" | cut -f1)
echo "# database size: $size"
