#!/usr/bin/env bash
# Browser walk-through: builds helpdesk, serves it on a temporary SQLite data directory and a
# free port in training mode (simulated clock: Monday 10:00 in Shanghai), and drives headless
# Debian chromium through one ticket's whole life in Chinese (scripts/browser-test.py).
# Screenshots go to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product helpdesk >/dev/null
binary="$(swift build --show-bin-path)/helpdesk"
data=$(mktemp -d /tmp/helpdesk-browser.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export HELPDESK_ADMIN_PASSWORD=browser-admin-1
"$binary" serve --data-dir "$data" --port "$port" --simulated-clock 2026-11-23T10:00:00+08:00 >"$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
# Debian's python3-selenium lives in /usr/bin/python3; another python3 on PATH (pyenv) may lack it.
py=python3
if /usr/bin/python3 -c 'import selenium' 2>/dev/null; then py=/usr/bin/python3; fi
"$py" scripts/browser-test.py "http://127.0.0.1:$port" "$HELPDESK_ADMIN_PASSWORD" docs/screenshots || {
  echo "--- server log"; tail -50 "$data/serve.log"; exit 1
}
