#!/usr/bin/env bash
# Fires N parallel ticket creates at a running server (default number format
# TS{yyyyMMdd}{seq:3}) and checks the numbers are distinct and gap-free.
#   usage: scripts/concurrent-creates.sh URL TOKEN [N]
set -euo pipefail
url=$1 token=$2 n=${3:-200}
seq 1 "$n" | xargs -P "$n" -I{} curl -s -X POST "$url/api/v1/tickets" -H "Authorization: Bearer $token" \
  -d '{"title":"并发测试 {}","description":"同时提交","impact":"low","urgency":"low","contact":"8001"}' |
python3 -c '
import json, sys
numbers = [json.loads(part)["ticket"]["number"] for part in sys.stdin.read().replace("}{", "}\n{").splitlines()]
serials = sorted(int(number[10:]) for number in numbers)  # TS + yyyyMMdd, then the serial
print("created %d, distinct %d, serials %d..%d, gap-free %s" % (
    len(numbers), len(set(numbers)), serials[0], serials[-1], serials == list(range(serials[0], serials[0] + len(numbers)))))'
