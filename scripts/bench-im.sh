#!/usr/bin/env bash
# IM intake against a real server process on SQLite (issue #11): signed Slack callbacks posted
# concurrently, each delivered three times; prints the answer times (the platforms want an
# answer within 1–5 s; the desk answers once the message is stored), how long until every
# message is one ticket, and the acknowledgements posted back to a local stand-in for Slack.
#   N=500 CONCURRENCY=8 scripts/bench-im.sh
#   HELPDESK_BIN=.build-release/release/helpdesk N=2000 scripts/bench-im.sh   # figures
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/helpdesk-bench-im.XXXXXX)
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
binary=${HELPDESK_BIN:-}
if [ -z "$binary" ]; then
  swift build --product helpdesk >/dev/null
  binary="$(swift build --show-bin-path)/helpdesk"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HELPDESK_ADMIN_PASSWORD=bench-im-admin HELPDESK_LOG_LEVEL=warning \
  "$binary" serve --data-dir "$work/data" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
WORK=$work PORT=$port ADMIN_PASSWORD=bench-im-admin python3 scripts/bench-im.py
