#!/usr/bin/env bash
# Browser walk-through: builds helpdesk, serves it on a temporary SQLite data directory and a
# free port in training mode (simulated clock: Monday 10:00 in Shanghai), and drives headless
# Debian chromium through one ticket's whole life in Chinese, every screen also in English, with an
# axe-core accessibility pass on each (scripts/browser-test.py). Screenshots go to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Quiet unless the build fails (swift build reports its errors on stdout).
if ! build_log=$(swift build --product helpdesk 2>&1); then
  echo "$build_log" | tail -40
  exit 1
fi
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
# axe-core: PyPI's axe-selenium-python wheel bundles axe.min.js. Pinned by hash, installed once into
# a cache directory with --target, so Debian's selenium stays the one imported. Only its axe.min.js
# is read (its Python wrapper asks for Python >= 3.12, hence --ignore-requires-python).
axe_dir="${HELPDESK_AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/helpdesk/axe-selenium-python-3.0.0}"
export AXE_SCRIPT="$axe_dir/axe_selenium_python/node_modules/axe-core/axe.min.js"
if [ ! -f "$AXE_SCRIPT" ]; then
  rm -rf "$axe_dir"
  "$py" -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: --ignore-requires-python \
    --require-hashes --target "$axe_dir" -r scripts/browser-test-requirements.txt
fi
"$py" scripts/browser-test.py "http://127.0.0.1:$port" "$HELPDESK_ADMIN_PASSWORD" docs/screenshots || {
  echo "--- server log"; tail -50 "$data/serve.log"; exit 1
}
