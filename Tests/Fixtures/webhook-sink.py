#!/usr/bin/env python3
"""A team endpoint for the delivery tests: takes POSTs, answers by a plan, logs what it saw.

usage: webhook-sink.py --log FILE --ready FILE [--port N] [--plan FILE] [--secret FILE]
                       [--cert PEM --key PEM [--client-ca PEM]]

- The port it listens on (127.0.0.1) is written to --ready once it accepts connections.
- --plan is JSON, read again whenever it changes:
  {"responses": [{"status": 503, "retryAfter": "2", "delay": 0, "body": "busy"}, ...],
   "then": {"status": 204}}
  Requests take the listed responses in order, then "then" for ever.
- Every connection and request is appended to --log as one JSON object per line. Requests carry
  the message ID of the body, the webhook headers and, with --secret, whether the signature is
  valid according to the `standardwebhooks` package.
- With --cert and --key it speaks TLS; with --client-ca as well it requires a client
  certificate signed by that CA (mutual TLS).
"""
import argparse
import json
import os
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


class Sink:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.log = open(args.log, "a", buffering=1)
        self.plan_path = args.plan
        self.plan_stamp = None
        self.plan = {"responses": [], "then": {"status": 204}}
        self.taken = 0
        self.webhook = None
        if args.secret:
            with open(args.secret) as handle:
                self.webhook = Webhook(handle.read().strip())

    def record(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")

    def next_response(self):
        with self.lock:
            if self.plan_path and os.path.exists(self.plan_path):
                stamp = os.stat(self.plan_path).st_mtime_ns
                if stamp != self.plan_stamp:
                    with open(self.plan_path) as handle:
                        self.plan = json.load(handle)
                    self.plan_stamp = stamp
                    self.taken = 0
            responses = self.plan.get("responses", [])
            if self.taken < len(responses):
                self.taken += 1
                return responses[self.taken - 1]
            return self.plan.get("then", {"status": 204})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sink = None

    def setup(self):
        super().setup()
        self.sink.record({"event": "connection", "peer": "%s:%d" % self.client_address[:2], "time": time.time()})

    def log_message(self, *args):
        pass

    def do_POST(self):
        arrived = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        verified = None
        if self.sink.webhook is not None:
            try:
                self.sink.webhook.verify(body, {k.lower(): v for k, v in self.headers.items()})
                verified = True
            except Exception:
                verified = False
        try:
            message_id = json.loads(body).get("id")
        except Exception:
            message_id = None
        response = self.sink.next_response()
        self.sink.record({
            "event": "request", "time": arrived, "path": self.path, "peer": "%s:%d" % self.client_address[:2],
            "messageId": message_id, "webhookId": self.headers.get("webhook-id"),
            "idempotencyKey": self.headers.get("Idempotency-Key"),
            "timestamp": self.headers.get("webhook-timestamp"), "signature": self.headers.get("webhook-signature"),
            "apiKey": self.headers.get("X-Api-Key"), "contentType": self.headers.get("Content-Type"),
            "verified": verified, "status": response.get("status", 204), "size": len(body),
        })
        if response.get("delay"):
            time.sleep(response["delay"])
        text = response.get("body", "").encode()
        try:
            self.send_response(response.get("status", 204))
            if "retryAfter" in response:
                self.send_header("Retry-After", str(response["retryAfter"]))
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--ready", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--plan")
    parser.add_argument("--secret")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--client-ca")
    args = parser.parse_args()
    Handler.sink = Sink(args)
    ThreadingHTTPServer.allow_reuse_address = True
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        if args.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(args.client_ca)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(args.ready + ".tmp", "w") as handle:
        handle.write(str(server.server_address[1]))
    os.rename(args.ready + ".tmp", args.ready)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
