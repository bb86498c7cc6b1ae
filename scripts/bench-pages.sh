#!/usr/bin/env bash
# Web page timings on 127.0.0.1 against a release build with $TICKETS tickets (100 000 by
# default), on SQLite or on PostgreSQL with DATABASE_URL set: the agent console (the group
# queue, newest first and soonest due first), a random ticket page and the P0/P1 board, each at
# 1 and 8 concurrent clients, signed in as the administrator through the login form.
#   scripts/bench-pages.sh
#   TICKETS=20000 DURATION=5s scripts/bench-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8191}
DURATION=${DURATION:-10s}
TICKETS=${TICKETS:-100000}
. scripts/bench/start-server.sh
while [ "$(newest id 2>/dev/null || echo 0)" -lt "$TICKETS" ]; do
  wrk -t2 -c8 -d10s -s scripts/bench/create.lua "$url" >/dev/null
done
export COUNT=$(newest id)
number=$(newest number)
export PREFIX=${number:0:10}

# Sign in through the form: the login page's CSRF token and pre-session cookie, then the session.
jar="$data/cookies"
csrf=$(curl -sf -c "$jar" "$url/login" | python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST "$url/login" \
  --data-urlencode "_csrf=$csrf" --data-urlencode username=admin --data-urlencode password=bench-admin-1
export COOKIE="hd_session=$(awk '$6 == "hd_session" {print $7}' "$jar")"
[ "$COOKIE" != "hd_session=" ] || { echo "sign-in failed" >&2; exit 1; }

store=${DATABASE_URL:+postgresql}
echo "# $(date -u +%FT%TZ) $(nproc) cores, store: ${store:-sqlite}, $COUNT tickets, duration $DURATION per run"
for clients in 1 8; do
  threads=$([ "$clients" = 1 ] && echo 1 || echo 2)
  for entry in "console=/queues/groups" "console-due=/queues/groups?sort=due" "ticket=ticket" "board=/supervisor/board"; do
    name=${entry%%=*}
    PAGE=${entry#*=} BENCH_NAME=$name-${clients}c wrk -t$threads -c$clients -d"$DURATION" -s scripts/bench/page.lua "$url" | grep RESULT
  done
done
echo "# server RSS after the run: $(ps -o rss= -p $server) KiB"
