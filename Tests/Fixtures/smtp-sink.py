#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd). Usage: smtp-sink.py PORT_FILE OUT_DIR

Listens on 127.0.0.1 at a free port, writes the port to PORT_FILE, and stores every accepted
message as OUT_DIR/N.eml with its envelope in OUT_DIR/N.env (MAIL FROM, then RCPT TO).
A recipient whose local part starts with "tempfail" is answered 451 the first time,
"reject" always 550.
"""
import asyncio, os, sys
from aiosmtpd.controller import Controller

class Sink:
    def __init__(self, out):
        self.out, self.count, self.seen = out, 0, set()

    async def handle_RCPT(self, server, session, envelope, address, options):
        local = address.split("@")[0].lower()
        if local.startswith("reject"):
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
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=port)
controller.start()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(port))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
try:
    time.sleep(3600)
except KeyboardInterrupt:
    pass
