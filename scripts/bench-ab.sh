#!/usr/bin/env bash
# Interleaved A/B of create throughput for two release binaries on this machine, so a noisy
# host (other tenants, thermal state) affects both alike. Each round serves a fresh SQLite
# file per binary and runs creates (8 clients unless told); prints rps and the server's CPU per create.
#   scripts/bench-ab.sh OLD_BINARY NEW_BINARY [ROUNDS] [DURATION] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?old binary}; new=${2:?new binary}; rounds=${3:-3}; duration=${4:-8s}; clients=${5:-8}
threads=$([ "$clients" = 1 ] && echo 1 || echo 2)
port=8192
ticks=$(getconf CLK_TCK)
run() {
  local label=$1 bin=$2 data server url token before after n0 n1 out
  data=$(mktemp -d /tmp/helpdesk-ab.XXXXXX)
  HELPDESK_ADMIN_PASSWORD=bench-admin-1 HELPDESK_LOG_LEVEL=warning "$bin" serve --data-dir "$data" --host 127.0.0.1 --port $port >"$data/log" 2>&1 &
  server=$!
  url=http://127.0.0.1:$port
  for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
  token=$(curl -sf -X POST "$url/api/v1/auth/token" -d '{"username":"admin","password":"bench-admin-1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  export TOKEN=$token BENCH_DIR=$PWD/scripts/bench
  BENCH_NAME=warm wrk -t2 -c8 -d2s -s scripts/bench/create.lua "$url" >/dev/null
  count() { curl -sf -H "Authorization: Bearer $token" "$url/api/v1/tickets?limit=1" | python3 -c "import json,sys; i=json.load(sys.stdin)['items']; print(i[0]['id'] if i else 0)"; }
  before=$(awk '{print $14 + $15}' /proc/$server/stat); n0=$(count)
  out=$(BENCH_NAME=$label wrk -t$threads -c$clients -d"$duration" -s scripts/bench/create.lua "$url" | grep RESULT)
  after=$(awk '{print $14 + $15}' /proc/$server/stat); n1=$(count)
  python3 -c "print('$out'.split()[2], '$label', 'server_ms_per_create=%.3f' % (($after - $before) * 1000 / $ticks / max(1, $n1 - $n0)))"
  kill $server; wait $server 2>/dev/null || true; rm -rf "$data"
}
for round in $(seq 1 "$rounds"); do
  run "old-$round" "$old"
  run "new-$round" "$new"
done
