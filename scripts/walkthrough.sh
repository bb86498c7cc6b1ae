#!/usr/bin/env bash
# The README's curl walk-through of one ticket's life, against a fresh `helpdesk serve` whose
# clock is simulated (training mode) so the weekend and the pause happen in seconds.
# Prints every call and the fields that matter (times in Asia/Shanghai).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8191}
bin=${HELPDESK_BIN:-.build/debug/helpdesk}
[ -x "$bin" ] || swift build --product helpdesk >/dev/null
data=$(mktemp -d /tmp/helpdesk-walk.XXXXXX)
HELPDESK_ADMIN_PASSWORD=admin-pass-1 HELPDESK_LOG_LEVEL=error "$bin" serve --data-dir "$data" --port "$PORT" \
  --simulated-clock 2026-11-20T16:00:00+08:00 >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
api=http://127.0.0.1:$PORT/api/v1
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

show() {  # prints the interesting fields of a ticket (or the created-ticket envelope)
  python3 -c '
import json, sys, datetime
d = json.load(sys.stdin)
if "error" in d: print("   error:", d["error"]); sys.exit()
zone = datetime.timezone(datetime.timedelta(hours=8))
def t(v): return datetime.datetime.fromisoformat(v.replace("Z", "+00:00")).astimezone(zone).strftime("%a %m-%d %H:%M") if v else "-"
ack = d.get("acknowledgement")
if ack: print("   ack:", ack["message"]); d = d["ticket"]
if "token" in d: print("   token: <%d chars>" % len(d["token"])); sys.exit()
if "now" in d: print("   clock:", t(d["now"])); sys.exit()
s = d["sla"]
print("   %s %s %s  response due %s (responded %s)  resolution due %s%s  paused %s min" % (
  d["number"], d["priority"], d["status"], t(s["responseDueAt"]), t(s.get("respondedAt")),
  t(s.get("resolutionDueAt")), " (paused)" if s["paused"] else "", s["pausedMinutes"]))'
}
call() {  # call METHOD PATH TOKEN [JSON]
  local method=$1 path=$2 token=$3 body=${4:-}
  echo "\$ curl -X $method $api$path${body:+ -d '$body'}"
  curl -s -X "$method" "$api$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} | show
}
login() { curl -s -X POST "$api/auth/token" -d "{\"username\":\"$1\",\"password\":\"$2\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
clock() { echo "# clock → $1"; curl -s -X PUT "$api/admin/clock" -H "Authorization: Bearer $ADMIN" -d "{\"now\":\"$1\"}" >/dev/null; }

ADMIN=$(login admin admin-pass-1)
for u in 'xiaoming requester 王小明 -' 'li.l1 agent 李工 L1' 'zhou.l2 agent 周工 L2' 'pm problem_manager 问题管理员 -' 'boss supervisor 主管 -'; do
  set -- $u
  tier=$([ "$4" = - ] && echo null || echo "\"$4\"")
  curl -s -X POST "$api/users" -H "Authorization: Bearer $ADMIN" -d "{\"username\":\"$1\",\"role\":\"$2\",\"displayName\":\"$3\",\"tier\":$tier,\"password\":\"demo-pass-1\",\"groupIds\":[1],\"phone\":\"13900001234\"}" >/dev/null
done
REQ=$(login xiaoming demo-pass-1); AGENT=$(login li.l1 demo-pass-1); L2=$(login zhou.l2 demo-pass-1)
PM=$(login pm demo-pass-1); BOSS=$(login boss demo-pass-1)
AGENT_ID=$(curl -s "$api/me" -H "Authorization: Bearer $AGENT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["id"])')

echo "# Friday 16:00 (Asia/Shanghai): the requester reports a P1 (impact medium × urgency high), business-time SLA"
created=$(curl -s -X POST "$api/tickets" -H "Authorization: Bearer $REQ" -d '{"title":"财务系统无法登录","description":"3 名销售无法录入客户","impact":"medium","urgency":"high","categoryId":6,"contact":"13812345678"}')
echo "\$ curl -X POST $api/tickets -d '{\"title\":\"财务系统无法登录\",\"impact\":\"medium\",\"urgency\":\"high\",...}'"
echo "$created" | show
N=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ticket"]["number"])')
clock 2026-11-20T16:10:00+08:00; call POST "/tickets/$N/transitions" "$PM" "{\"action\":\"assign\",\"assigneeId\":$AGENT_ID}"
clock 2026-11-20T16:20:00+08:00; call POST "/tickets/$N/transitions" "$AGENT" '{"action":"accept"}'
clock 2026-11-20T16:25:00+08:00; call POST "/tickets/$N/transitions" "$AGENT" '{"action":"wait","reason":"请提供报错截图"}'
clock 2026-11-21T12:00:00+08:00; call GET "/tickets/$N" "$AGENT"
clock 2026-11-23T10:00:00+08:00; call POST "/tickets/$N/transitions" "$REQ" '{"action":"resume"}'
clock 2026-11-23T10:03:00+08:00; call POST "/tickets/$N/transitions" "$AGENT" '{"action":"resolve","solution":"重置了账号锁定状态","rootCause":"密码多次输错被锁定"}'
clock 2026-11-23T11:30:00+08:00; call POST "/tickets/$N/transitions" "$REQ" '{"action":"reject","reason":"仍然无法登录"}'
echo "# L1's 30 business minutes (R4.2) run out at 11:32; the scheduler moves the ticket to L2's queue"
clock 2026-11-23T14:00:00+08:00; sleep 2; call GET "/tickets/$N" "$BOSS"
call POST "/tickets/$N/transitions" "$L2" '{"action":"start"}'
clock 2026-11-23T14:10:00+08:00; call POST "/tickets/$N/transitions" "$L2" '{"action":"resolve","solution":"清理浏览器缓存并重置密码"}'
clock 2026-11-23T14:30:00+08:00; call POST "/tickets/$N/transitions" "$REQ" '{"action":"confirm"}'
call POST "/tickets/$N/transitions" "$REQ" '{"action":"rate","satisfaction":{"level":"satisfied","score":5,"comment":"响应很快"}}'
clock 2026-11-23T15:00:00+08:00; call POST "/tickets/$N/transitions" "$BOSS" '{"action":"review"}'
clock 2026-11-23T15:10:00+08:00; call POST "/tickets/$N/transitions" "$BOSS" '{"action":"close"}'
echo "# an illegal move, in English"
echo "\$ curl -X POST $api/tickets/$N/transitions -H 'Accept-Language: en' -d '{\"action\":\"review\"}'"
curl -s -X POST "$api/tickets/$N/transitions" -H "Authorization: Bearer $BOSS" -H 'Accept-Language: en' -d '{"action":"review"}'; echo
echo "# the event log"
curl -s "$api/tickets/$N/events" -H "Authorization: Bearer $BOSS" | python3 -c '
import json, sys, datetime
zone = datetime.timezone(datetime.timedelta(hours=8))
for e in json.load(sys.stdin)["items"]:
    e["at"] = datetime.datetime.fromisoformat(e["at"].replace("Z", "+00:00")).astimezone(zone).strftime("%a %m-%d %H:%M")
    print("   %s %-10s %-22s → %-22s %s %s" % (e["at"], e.get("action") or e["kind"], e.get("fromStatus") or "", e.get("toStatus") or "", e["actorName"], e.get("reason") or ""))'
