#!/usr/bin/env bash
# Recurring-problem detection (R6.3): pairwise precision and recall on the labelled set and on the
# holdout set (written separately, before tuning), and the time of one detection pass over a week of
# N tickets (default 1 000, 2 000, 5 000: the scheduler reads at most 5 000). Compiles the Core sources
# it needs with swiftc -O; no server.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/helpdesk-detection.XXXXXX)
trap 'rm -rf "$out"' EXIT
swiftc -O -o "$out/detection" Sources/HelpdeskCore/Search/SearchAnalyzer.swift \
  Sources/HelpdeskCore/Problems/RecurrenceDetection*.swift Sources/HelpdeskCore/Problems/ProblemRecord.swift \
  scripts/bench/detection/main.swift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 2000 5000)
"$out/detection" Tests/HelpdeskCoreTests/Fixtures/recurring-tickets.json \
  Tests/HelpdeskCoreTests/Fixtures/recurring-tickets-holdout.json "${sizes[@]}"
