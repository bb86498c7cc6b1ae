# Common tasks. The two commands README.md promises are `make serve` and `make test`.
.PHONY: serve test test-postgres bench walkthrough migrate format lint

serve:
	swift run helpdesk serve

test:
	swift test

# Runs every store and server test on SQLite and on a throw-away PostgreSQL cluster.
test-postgres:
	.ci/run

bench:
	scripts/bench-api.sh

walkthrough:
	scripts/walkthrough.sh

migrate:
	swift run helpdesk migrate

format:
	swift format format -i -r Sources Tests Package.swift

lint:
	swift format lint --strict -r Sources Tests Package.swift
