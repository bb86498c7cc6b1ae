"""IM intake measured against a running server (scripts/bench-im.sh): N distinct Slack messages
signed as Slack signs them, posted CONCURRENCY at a time, each delivered twice more (Slack's
retries); the answer times, the callbacks per second, how long until every message is a ticket,
and the acknowledgements posted back to a local stand-in for Slack's API."""

import json
import os
import sqlite3
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from fake_slack import FakeSlack, signed_message

N = int(os.environ.get("N", "500"))
CONCURRENCY = int(os.environ.get("CONCURRENCY", "8"))
BASE = f"http://127.0.0.1:{os.environ['PORT']}"
SECRET = "bench-signing-secret"

def api(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + "/api/v1" + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, json.dumps(body).encode() if body is not None else None) as response:
        return json.loads(response.read() or b"{}")


def callback(index):
    ts = str(int(time.time()))
    return signed_message(SECRET, ts, f"Ev{index}", {
        "type": "message", "channel_type": "im", "channel": f"D{index % 40:04d}", "user": f"U{index:05d}",
        "text": f"第 {index} 号：VPN 连不上，提示证书过期", "ts": f"{ts}.{index:06d}",
    })


def post(channel, index):
    body, headers = callback(index)
    request = urllib.request.Request(f"{BASE}/api/v1/channels/{channel}/events", data=body, headers=headers)
    begin = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        response.read()
        assert response.status == 200
    return time.perf_counter() - begin


def tickets(token):
    db = sqlite3.connect(f"file:{os.environ['WORK']}/data/helpdesk.sqlite?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT COUNT(*) FROM tickets WHERE channel = 'im'").fetchone()[0]
    finally:
        db.close()


def main():
    fake = FakeSlack()
    posted = fake.posted
    token = api("POST", "/auth/token", {"username": "admin", "password": os.environ["ADMIN_PASSWORD"]})["token"]
    api("PUT", "/settings", {"allowInternalWebhookTargets": True}, token)  # the stand-in is on 127.0.0.1
    channel = api("POST", "/admin/channels", {
        "kind": "slack", "name": "Slack 基准",
        "settings": {"signingSecret": SECRET, "botToken": "xoxb-bench", "apiBaseUrl": fake.url},
    }, token)["id"]
    before = tickets(token)
    deliveries = [i for i in range(N)] * 3  # each message, and two retries of it
    begin = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        latencies = list(pool.map(lambda i: post(channel, i), deliveries))
    answered = time.perf_counter() - begin
    while tickets(token) - before < N and time.perf_counter() - begin < 600:
        time.sleep(0.05)
    made = time.perf_counter() - begin
    count = tickets(token) - before
    while len(posted) < N and time.perf_counter() - begin < 600:
        time.sleep(0.1)
    acknowledged = time.perf_counter() - begin
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    print(f"IM intake (Slack): {N} messages, each delivered 3 times, {CONCURRENCY} at a time")
    print(f"  answers: {len(latencies)} in {answered:.2f} s = {len(latencies) / answered:.0f}/s; "
          f"p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"  tickets: {count} (expected {N}) {made:.2f} s after the first post")
    print(f"  acknowledgements posted back: {len(posted)} {acknowledged:.2f} s after the first post")
    if count != N or len(posted) != N:
        sys.exit(1)


main()
