"""Steps of scripts/mail-intake-test.sh: the API calls, the IMAP folder, the counts."""

import email.header
import email.utils
import imaplib
import json
import os
import sqlite3
import ssl
import sys
import time
import urllib.parse
import urllib.request

N = int(os.environ["N"])
WORK = os.environ["WORK"]
BASE = f"http://127.0.0.1:{os.environ['PORT']}/api/v1"
IMAP = urllib.parse.urlparse(os.environ["HELPDESK_TEST_IMAP_URL"])
CA = urllib.parse.parse_qs(IMAP.query)["ca"][0]
STATE = os.path.join(WORK, "state.json")


def api(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(request, data) as response:
        return json.loads(response.read() or b"{}")


def state():
    with open(STATE) as f:
        return json.load(f)


def imap():
    connection = imaplib.IMAP4(IMAP.hostname, IMAP.port)
    connection.starttls(ssl_context=ssl.create_default_context(cafile=CA))
    connection.login(IMAP.username, IMAP.password)
    return connection


def message(tag, index):
    subject = email.header.Header(f"第 {index} 号：财务系统登录失败", "utf-8").encode()
    body = f"您好，\n\n我这边的财务系统从今早开始无法登录（第 {index} 封），提示“密码错误”。\n\n谢谢！\n".encode("gb18030")
    return (
        f"From: =?utf-8?B?546L5LqU?= <user{index % 50}@corp.example.cn>\r\n"
        f"To: support@desk.example.cn\r\nSubject: {subject}\r\n"
        f"Message-ID: <{tag}-{index}@corp.example.cn>\r\nDate: {email.utils.formatdate()}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=gb2312\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + body.replace(b"\n", b"\r\n")


def count_tickets():
    db = sqlite3.connect(f"file:{WORK}/data/helpdesk.sqlite?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    finally:
        db.close()


def wait_tickets(target, timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if count_tickets() >= target:
            return
        time.sleep(0.05)
    sys.exit(f"timed out waiting for {target} tickets (have {count_tickets()})")


def imap_fill(name):
    folder = f"{name}-{int(time.time() * 1000)}"
    connection = imap()
    connection.create(folder)
    for index in range(N):
        connection.append(folder, None, None, message(folder, index))
    connection.logout()
    s = state()
    channel = api(
        "POST", "/admin/channels",
        {"kind": "imap", "name": f"IMAP {name}", "settings": {
            "host": IMAP.hostname, "port": IMAP.port, "security": "starttls", "username": IMAP.username,
            "password": IMAP.password, "folder": folder, "pollSeconds": 10}},
        token=s["token"])
    s[name] = {"folder": folder, "channel": channel["id"]}
    with open(STATE, "w") as f:
        json.dump(s, f)
    return folder


def unseen(folder):
    connection = imap()
    connection.select(folder)
    _, data = connection.uid("SEARCH", None, "UNSEEN")
    connection.logout()
    return len(data[0].split())


def main():
    step = sys.argv[1]
    if step == "setup":
        token = api("POST", "/auth/token", {"username": "admin", "password": "mail-test-admin"})["token"]
        gate = api("POST", "/admin/channels", {"kind": "mailgate", "name": "MTA"}, token=token)
        with open(STATE, "w") as f:
            json.dump({"token": token}, f)
        print(f"MAILGATE_CHANNEL={gate['id']}\nMAILGATE_TOKEN={gate['token']}")
    elif step == "write-mails":
        os.makedirs(sys.argv[2], exist_ok=True)
        for index in range(N):
            with open(os.path.join(sys.argv[2], f"{index:05}.eml"), "wb") as f:
                f.write(message(sys.argv[3], index))
    elif step == "imap-run":
        before = count_tickets()
        folder = imap_fill(sys.argv[2])
        wait_tickets(before + N)
        # From the first message stored to the last one processed, as the server recorded them
        # (the wait for the poller's next tick is not intake).
        db = sqlite3.connect(f"file:{WORK}/data/helpdesk.sqlite?mode=ro", uri=True, timeout=30)
        first, last = db.execute(
            "SELECT MIN(received_at), MAX(processed_at) FROM mail_messages WHERE message_id LIKE ?",
            (folder + "-%",)).fetchone()
        db.close()
        elapsed = max(0.001, (last - first) / 1000)
        print(f"IMAP: {N} messages in {elapsed:.2f} s = {N / elapsed:.0f} messages/s "
              "(first stored to last processed, STARTTLS, batches of 25)")
        assert unseen(folder) == 0, "messages left unseen"
    elif step == "imap-fill":
        imap_fill(sys.argv[2])
    elif step == "wait-tickets":
        wait_tickets(int(sys.argv[2]))
    elif step == "count-tickets":
        print(count_tickets())
    elif step == "expect-tickets":
        have = count_tickets()
        assert have == int(sys.argv[2]), f"{have} tickets, expected {sys.argv[2]}"
    elif step == "verify-crash":
        s = state()
        db = sqlite3.connect(f"file:{WORK}/data/helpdesk.sqlite?mode=ro", uri=True, timeout=30)
        prefix = s["crash"]["folder"] + "-%"
        rows = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT message_id), COUNT(DISTINCT ticket_id), SUM(status = 'processed') "
            "FROM mail_messages WHERE direction = 'in' AND message_id LIKE ?", (prefix,)).fetchone()
        db.close()
        messages, distinct, tickets, processed = rows
        left = unseen(s["crash"]["folder"])
        print(f"kill -9 and restart: {messages} messages stored, {distinct} distinct, {tickets} tickets, "
              f"{processed} processed, {left} unseen on the server")
        assert (messages, distinct, tickets, processed, left) == (N, N, N, N, 0), "lost or duplicated mail"
        assert count_tickets() == 3 * N, f"{count_tickets()} tickets in all, expected {3 * N}"
        print("0 lost, 0 duplicated")


main()
