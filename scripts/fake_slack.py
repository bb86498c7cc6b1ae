"""Slack's side for the scripts that drive IM intake (scripts/bench-im.sh, scripts/browser-test.sh):
a local stand-in for chat.postMessage that records what the desk posts, and Events API callbacks
signed as Slack signs them."""

import hashlib
import hmac
import http.server
import json
import threading


class FakeSlack:
    """chat.postMessage on 127.0.0.1; `posted` holds each message body the desk sent, in order."""

    def __init__(self):
        self.posted = []
        lock = threading.Lock()
        posted = self.posted

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with lock:
                    posted.append(json.loads(body or b"{}"))
                answer = b'{"ok":true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self):
        self.server.shutdown()


def signed_message(secret, timestamp, event_id, event):
    """An event_callback carrying `event`, signed with the app's signing secret at `timestamp`:
    the body and the headers to post it with."""
    body = json.dumps({"type": "event_callback", "event_id": event_id, "event": event}, ensure_ascii=False).encode()
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature}
