#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd).

Usage: smtp-sink.py PORT_FILE OUT_DIR [--port N] [--tls CERT KEY] [--auth USER:PASSWORD]

Listens on 127.0.0.1 at a free port (or N), writes the port to PORT_FILE, and stores every
accepted message as OUT_DIR/N.eml with its envelope in OUT_DIR/N.env (MAIL FROM, then RCPT TO).
A recipient whose local part starts with "tempfail" is answered 451 the first time, "reject"
550 until a file OUT_DIR/fixed exists. With --tls the server offers STARTTLS and requires it;
with --auth it requires AUTH (PLAIN or LOGIN) with that user and password.
"""
import asyncio, os, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

class Sink:
    def __init__(self, out):
        self.out, self.count, self.seen = out, 0, set()

    async def handle_RCPT(self, server, session, envelope, address, options):
        local = address.split("@")[0].lower()
        if local.startswith("reject") and not os.path.exists(os.path.join(self.out, "fixed")):
            return "550 5.1.1 no such mailbox"
        if local.startswith("tempfail") and address not in self.seen:
            self.seen.add(address)
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.out, str(self.count))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".env", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 accepted"

import socket, time
args = sys.argv[3:]
options = {}
while args:
    name = args.pop(0)
    count = 2 if name == "--tls" else 1
    options[name], args = args[:count], args[count:]
port = int(options["--port"][0]) if "--port" in options else 0
if port == 0:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
settings = {}
if "--tls" in options:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*options["--tls"])
    settings.update(tls_context=context, require_starttls=True)
if "--auth" in options:
    user, password = options["--auth"][0].split(":", 1)
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = getattr(auth_data, "login", b"") == user.encode() and getattr(auth_data, "password", b"") == password.encode()
        if ok:
            with open(os.path.join(sys.argv[2], "auth.log"), "a") as f:
                f.write(mechanism + "\n")
        return AuthResult(success=ok)
    settings.update(authenticator=authenticate, auth_required=True, auth_require_tls="--tls" in options)
controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=port, **settings)
controller.start()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(port))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
try:
    time.sleep(3600)
except KeyboardInterrupt:
    pass
