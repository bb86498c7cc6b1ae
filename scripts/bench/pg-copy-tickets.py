#!/usr/bin/env python3
"""Fills a PostgreSQL desk made by `helpdesk generate` up to TARGET tickets by copying its
tickets in SQL, with new ids and numbers, with their events and search-index rows, then runs
VACUUM ANALYZE: a 1 000 000-ticket desk for scripts/bench-search.sh and scripts/bench-reports.sh
when the generator has not the hours it needs on PostgreSQL. Search and reports read only
tickets, ticket_events and ticket_search. Every ticket column is copied, the stored report facts
(M028) included; a copy keeps its original's submission time, and its original's number inside
its document and its facts (the number column is the new one).
    scripts/bench/pg-copy-tickets.py postgres://postgres@127.0.0.1:55440/search1m [TARGET]
"""
import subprocess
import sys

url = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000


def psql(sql):
    done = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    return done.stdout.strip()


def columns(table):
    return psql(
        f"SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
        f"WHERE table_name = '{table}'").split(",")


tickets = columns("tickets")
events = [c for c in columns("ticket_events") if c != "id"]
base = int(psql("SELECT max(id) FROM tickets"))
round = 0
while (top := int(psql("SELECT max(id) FROM tickets"))) < target:
    round += 1
    n = min(base, target - top)
    chosen = ",".join({"id": f"id + {top}", "number": f"number || '-C{top}'"}.get(c, c) for c in tickets)
    psql(f"INSERT INTO tickets ({','.join(tickets)}) SELECT {chosen} FROM tickets WHERE id <= {n} ORDER BY id")
    chosen = ",".join({"ticket_id": f"ticket_id + {top}"}.get(c, c) for c in events)
    psql(f"INSERT INTO ticket_events ({','.join(events)}) SELECT {chosen} FROM ticket_events "
         f"WHERE ticket_id <= {n} ORDER BY id")
    psql(f"INSERT INTO ticket_search SELECT ticket_id + {top}, public_text, internal_text, public_tokens, all_tokens "
         f"FROM ticket_search WHERE ticket_id <= {n} ORDER BY ticket_id")
    print(f"copy {round}: {n} tickets after id {top}", flush=True)
psql("SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM tickets))")
psql("SELECT setval(pg_get_serial_sequence('ticket_events', 'id'), (SELECT max(id) FROM ticket_events))")
psql("VACUUM ANALYZE")
print(psql("SELECT count(*) FROM tickets"), "tickets")
