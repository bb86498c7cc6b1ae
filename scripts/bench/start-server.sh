# Sourced by the benchmark scripts: builds the release binary, starts `helpdesk serve` on
# 127.0.0.1:$PORT with a fresh data directory (SQLite, or PostgreSQL with DATABASE_URL set),
# stops it on exit, and signs the administrator in: $url, $server, $data, $TOKEN, `newest`.
# With BENCH_DATA set, that directory is used and kept (a generated desk reused between runs).
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
swift build -c release --product helpdesk --scratch-path .build-release >/dev/null
bin=.build-release/release/helpdesk
data=${BENCH_DATA:-$(mktemp -d /tmp/helpdesk-bench.XXXXXX)}
HELPDESK_ADMIN_PASSWORD=bench-admin-1 HELPDESK_LOG_LEVEL=warning "$bin" serve --data-dir "$data" --host 127.0.0.1 --port "$PORT" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [ -n "${BENCH_DATA:-}" ] || rm -rf "$data"' EXIT
url=http://127.0.0.1:$PORT
for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done

export BENCH_DIR=$PWD/scripts/bench
export TOKEN=$(curl -sf -X POST "$url/api/v1/auth/token" -d '{"username":"admin","password":"bench-admin-1"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
newest() { curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v1/tickets?limit=1" | python3 -c "import json,sys; t=json.load(sys.stdin)['items'][0]; print(t['$1'])"; }
