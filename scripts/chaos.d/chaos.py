#!/usr/bin/env python3
"""Chaos run: every channel at once, a failing team endpoint, kill -9 and restarts, SIGHUP with
good and broken configurations; then a drain and one line of figures. Exit 1 on a lost message or
a duplicate in the queues. Usage: scripts/chaos [--minutes N] [--seed S]."""
import argparse
import base64
import glob
import hashlib
import hmac
import http.server
import json
import mailbox
import os
import random
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from email.message import EmailMessage

SECRET = "whsec_" + base64.b64encode(b"chaos-secret-key-0123456789abcdef").decode()
TEXTS = [
    "De lantaarnpaal bij ons is kapot",
    "Stankoverlast van de fabriek op de hoek",
    "Mijn moeder heeft een scootmobiel nodig",
    "Mijn paspoort is verlopen, ik wil een afspraak",
    "Hoe laat is het gemeentehuis open?",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def config(webhook_port, sink_port, broken=False):
    text = f"""[router]
state = state
queues = queues
fallback = KCC
timeout = 2s
connect-timeout = 1s
retry-base = 200ms
retry-cap = 2s

[team KCC]

[team Stadsbeheer]
signals = lantaarnpaal:4
endpoint = http://127.0.0.1:{sink_port}/messages

[team Milieu]
signals = stankoverlast:4

[team Wmo]
signals = scootmobiel:4

[team Burgerzaken]
signals = paspoort:4

[source mail]
type = maildir
path = in/mail

[source forms]
type = form-drop
path = in/forms

[source calls]
type = call-drop
path = in/calls

[source hook]
type = webhook
listen = 127.0.0.1:{webhook_port}
secret = webhook.secret
"""
    return text + ("\n[team Broken\nsignals = \"unbalanced\n" if broken else "")


class Sink(http.server.BaseHTTPRequestHandler):
    """A team endpoint that fails at random: 500, 503 with Retry-After, timeouts, resets."""
    received = {}
    lock = threading.Lock()
    rng = random.Random(1)

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with Sink.lock:
            roll = Sink.rng.random()
        if roll < 0.15:
            self.send_response(500)
            self.end_headers()
        elif roll < 0.25:
            self.send_response(503)
            self.send_header("Retry-After", "1")
            self.end_headers()
        elif roll < 0.30:
            time.sleep(3)  # longer than the daemon's timeout
            self.send_response(200)
            self.end_headers()
        elif roll < 0.35:
            self.connection.shutdown(socket.SHUT_RDWR)  # reset, no answer
            self.close_connection = True
        else:
            key = self.headers.get("Idempotency-Key", "")
            with Sink.lock:
                Sink.received[key] = Sink.received.get(key, 0) + 1
            self.send_response(204)
            self.end_headers()


class Run:
    def __init__(self, base, binary, rng):
        self.base, self.binary, self.rng = base, binary, rng
        self.state = os.path.join(base, "state")
        self.webhook_port, self.sink_port = free_port(), free_port()
        self.sent = []  # markers whose input is safely handed over (file renamed in, or 202)
        self.generated = 0
        self.lock = threading.Lock()
        self.daemon = None
        self.stop = threading.Event()
        self.log = open(os.path.join(base, "daemon.log"), "a")
        for folder in ("in/forms", "in/calls", "in/mail/tmp", "in/mail/new", "in/mail/cur"):
            os.makedirs(os.path.join(self.state, folder), exist_ok=True)
        open(os.path.join(self.state, "webhook.secret"), "w").write(SECRET + "\n")
        self.write_config(broken=False)

    def write_config(self, broken):
        path = os.path.join(self.base, "routing.conf")
        open(path + ".tmp", "w").write(config(self.webhook_port, self.sink_port, broken))
        os.rename(path + ".tmp", path)

    def start(self):
        self.daemon = subprocess.Popen(
            [self.binary, "run", "--config", os.path.join(self.base, "routing.conf"), "--state", self.state],
            cwd=self.base, stderr=self.log)

    def marker(self, kind):
        with self.lock:
            self.generated += 1
            return f"{kind}{self.generated}x{self.rng.randrange(1 << 30)}"

    def note(self, marker):
        with self.lock:
            self.sent.append(marker)

    def drop_file(self, folder, name, data):
        directory = os.path.join(self.state, "in", folder)
        temporary = os.path.join(directory, "." + name + ".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.rename(temporary, os.path.join(directory, name))

    def forms(self):
        while not self.stop.is_set():
            marker = self.marker("form")
            body = {"subject": "melding", "text": f"{self.rng.choice(TEXTS)} kenmerk {marker}"}
            self.drop_file("forms", marker + ".json", json.dumps(body).encode())
            self.note(marker)
            time.sleep(self.rng.uniform(0.01, 0.05))

    def calls(self):
        while not self.stop.is_set():
            marker = self.marker("call")
            text = f"WEBVTT\n\n00:00.000 --> 00:04.000\n{self.rng.choice(TEXTS)} kenmerk {marker}\n"
            self.drop_file("calls", marker + ".vtt", text.encode())
            self.note(marker)
            time.sleep(self.rng.uniform(0.02, 0.08))

    def mail(self):
        box = mailbox.Maildir(os.path.join(self.state, "in", "mail"), create=False)
        while not self.stop.is_set():
            marker = self.marker("mail")
            message = EmailMessage()
            message["From"] = "Burger <burger@example.nl>"
            message["Subject"] = "Melding"
            message["Message-ID"] = f"<{marker}@example.nl>"
            message.set_content(f"{self.rng.choice(TEXTS)} kenmerk {marker}")
            box.add(message)
            self.note(marker)
            time.sleep(self.rng.uniform(0.02, 0.08))

    def webhook(self):
        while not self.stop.is_set():
            marker = self.marker("hook")
            body = json.dumps({"subject": "melding", "text": f"{self.rng.choice(TEXTS)} kenmerk {marker}"}).encode()
            webhook_id = "msg_" + marker
            while True:  # a client retries with the same webhook-id until it is accepted
                stamp = str(int(time.time()))
                key = base64.b64decode(SECRET[len("whsec_"):])
                signature = base64.b64encode(hmac.new(key, f"{webhook_id}.{stamp}.".encode() + body, hashlib.sha256).digest()).decode()
                request = urllib.request.Request(
                    f"http://127.0.0.1:{self.webhook_port}/v1/messages", data=body, method="POST",
                    headers={"Content-Type": "application/json", "webhook-id": webhook_id,
                             "webhook-timestamp": stamp, "webhook-signature": "v1," + signature})
                try:
                    with urllib.request.urlopen(request, timeout=5) as answer:
                        if answer.status == 202:
                            self.note(marker)
                            break
                except (urllib.error.URLError, ConnectionError, OSError):
                    pass
                time.sleep(0.2)
            time.sleep(self.rng.uniform(0.02, 0.08))

    def queued(self):
        """Marker → number of queue files holding it, and the IDs in the queues."""
        markers, ids = {}, []
        for path in glob.glob(os.path.join(self.state, "queues", "*", "new", "*.json")):
            try:
                message = json.load(open(path))
            except (OSError, ValueError):
                continue
            ids.append(message["id"])
            for word in message["text"].split():
                if word[:4] in ("form", "call", "mail", "hook") and "x" in word:
                    markers[word] = markers.get(word, 0) + 1
        return markers, ids

    def waiting(self):
        count = 0
        for folder in ("in/forms", "in/calls", "in/mail/new"):
            names = os.listdir(os.path.join(self.state, folder))
            count += len([n for n in names if not n.startswith(".") and not n.endswith(".tmp") and n != "rejected"])
        outbox = os.path.join(self.state, "outbox")
        count += len(os.listdir(outbox)) if os.path.isdir(outbox) else 0
        return count


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    binary = os.environ.get("WEGWIJZER_BIN") or sys.exit("chaos: set WEGWIJZER_BIN")
    rng = random.Random(args.seed)
    base = tempfile.mkdtemp(prefix=".chaos-", dir=os.getcwd())
    run = Run(base, binary, rng)
    sink = socketserver.ThreadingTCPServer(("127.0.0.1", run.sink_port), Sink)
    sink.daemon_threads = True
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    kills = reloads = 0
    try:
        run.start()
        senders = [threading.Thread(target=f) for f in (run.forms, run.calls, run.mail, run.webhook)]
        for sender in senders:
            sender.start()
        deadline = time.time() + args.minutes * 60
        broken = False
        while time.time() < deadline:
            time.sleep(rng.uniform(1.0, 4.0))
            if rng.random() < 0.5 or run.daemon.poll() is not None:
                run.daemon.kill()  # kill -9
                run.daemon.wait()
                kills += 1
                # A daemon does not start on a broken file: restart it the way an operator would,
                # after putting a good one back.
                broken = False
                run.write_config(broken=False)
                run.start()
            else:
                broken = not broken
                run.write_config(broken)
                run.daemon.send_signal(signal.SIGHUP)
                reloads += 1
        run.stop.set()
        for sender in senders:
            sender.join()
        run.write_config(broken=False)
        if run.daemon.poll() is None:
            run.daemon.send_signal(signal.SIGHUP)
        else:
            run.start()
        drain_until = time.time() + 120
        while time.time() < drain_until and run.waiting() > 0:
            time.sleep(0.5)
        time.sleep(2)
        markers, ids = run.queued()
        run.daemon.send_signal(signal.SIGTERM)
        run.daemon.wait(timeout=15)
        dead = len(glob.glob(os.path.join(run.state, "dead", "*.json")))
        duplicates = sum(1 for count in markers.values() if count > 1) + (len(ids) - len(set(ids)))
        lost = [m for m in run.sent if m not in markers]
        endpoint = len(Sink.received)
        print(f"chaos: seed {args.seed}, {args.minutes:g} min, {kills} kill -9, {reloads} SIGHUP: "
              f"sent {run.generated}, "
              f"acknowledged {len(run.sent)}, delivered to queues {len(markers)}, "
              f"delivered to endpoints {endpoint}, dead letters {dead}, "
              f"duplicates in queues {duplicates}, lost {len(lost)}")
        if lost:
            print("chaos: lost " + ", ".join(lost[:10]), file=sys.stderr)
        if lost or duplicates:
            print(f"chaos: state kept in {base}", file=sys.stderr)
            sys.exit(1)
    finally:
        if run.daemon and run.daemon.poll() is None:
            run.daemon.kill()
        sink.shutdown()
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
