#!/usr/bin/env bash
# E-mail intake end to end against a real server process (issue #11), on SQLite:
#   1. throughput: N messages through `helpdesk mailgate`, one process per message as an MTA
#      runs it, and N messages through IMAP polling;
#   2. kill -9: N messages in an IMAP folder, the server killed with SIGKILL while it is taking
#      them, started again: every message must be exactly one ticket (0 lost, 0 twice) and the
#      folder must end with no unseen message.
# Needs dovecot (scripts/imap-test-server.sh, started here unless HELPDESK_TEST_IMAP_URL is set).
#   N=300 scripts/mail-intake-test.sh
#   HELPDESK_BIN=.build-release/release/helpdesk N=1000 scripts/mail-intake-test.sh   # figures
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-300}
work=$(mktemp -d /tmp/helpdesk-mail-test.XXXXXX)
chmod 755 "$work"  # dovecot serves its mail as its own user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "${own_imap:-}" ] && scripts/imap-test-server.sh stop "$work/imap"
  rm -rf "$work"
}
trap cleanup EXIT

binary=${HELPDESK_BIN:-}
if [ -z "$binary" ]; then
  if ! build_log=$(swift build --product helpdesk 2>&1); then
    echo "$build_log" | tail -40
    exit 1
  fi
  binary="$(swift build --show-bin-path)/helpdesk"
fi
if [ -z "${HELPDESK_TEST_IMAP_URL:-}" ]; then
  own_imap=1
  HELPDESK_TEST_IMAP_URL=$(scripts/imap-test-server.sh start "$work/imap" 55243)
fi
export HELPDESK_TEST_IMAP_URL N="$n" WORK="$work"
ca=$(python3 -c 'import os, urllib.parse as u; print(u.parse_qs(u.urlparse(os.environ["HELPDESK_TEST_IMAP_URL"]).query)["ca"][0])')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PORT=$port

start_server() {
  HELPDESK_ADMIN_PASSWORD=mail-test-admin HELPDESK_IMAP_CA_FILE="$ca" HELPDESK_LOG_LEVEL=warning \
    "$binary" serve --data-dir "$work/data" --port "$port" >>"$work/serve.log" 2>&1 &
  server=$!
  pids+=("$server")
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server did not start"; tail -20 "$work/serve.log"; exit 1
}

start_server
python3 scripts/mail-intake-test.py setup >"$work/env"
# shellcheck disable=SC1091
. "$work/env"

# 1a. mailgate: one `helpdesk mailgate` per message, as an MTA's pipe runs it, PARALLEL at a
# time (an MTA delivers several messages at once).
parallel=${PARALLEL:-4}
python3 scripts/mail-intake-test.py write-mails "$work/mails" mailgate
begin=$(date +%s.%N)
export HELPDESK_MAILGATE_TOKEN=$MAILGATE_TOKEN BINARY=$binary MAILGATE_CHANNEL
find "$work/mails" -name '*.eml' -print0 | xargs -0 -P "$parallel" -I{} sh -c \
  '"$BINARY" mailgate --url "http://127.0.0.1:$PORT" --channel "$MAILGATE_CHANNEL" <"$1"' _ {}
end=$(date +%s.%N)
python3 scripts/mail-intake-test.py expect-tickets "$n"
echo "mailgate: $n messages in $(python3 -c "print(f'{$end - $begin:.2f}')") s = $(python3 -c "print(f'{$n / ($end - $begin):.0f}')") messages/s (one process per message, $parallel at a time)"

# 1b. IMAP: a folder of N messages, read by the poller.
python3 scripts/mail-intake-test.py imap-run throughput
python3 scripts/mail-intake-test.py expect-tickets "$((2 * n))"

# 2. kill -9 while the poller takes a folder of N messages, then a restart.
python3 scripts/mail-intake-test.py imap-fill crash
python3 scripts/mail-intake-test.py wait-tickets "$((2 * n + n / 6))"
kill -9 "$server"
wait "$server" 2>/dev/null || true
taken=$(python3 scripts/mail-intake-test.py count-tickets)
echo "killed with SIGKILL after $((taken - 2 * n)) of $n tickets"
start_server
python3 scripts/mail-intake-test.py wait-tickets "$((3 * n))"
sleep 12  # one more poll: nothing may come twice
python3 scripts/mail-intake-test.py verify-crash
