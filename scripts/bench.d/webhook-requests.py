#!/usr/bin/env python3
"""Writes COUNT Standard Webhooks signed POST bodies for the webhook benchmark, one per line:
webhook-id TAB webhook-timestamp TAB webhook-signature TAB JSON body (no tabs or newlines in it).
Usage: webhook-requests.py SECRET COUNT MESSAGES-FILE"""
import base64
import hashlib
import hmac
import json
import sys
import time


def main():
    secret, count, messages = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    key = base64.b64decode(secret.removeprefix("whsec_"))
    with open(messages, encoding="utf-8") as handle:
        texts = [line.strip() for line in handle if line.strip()]
    stamp = str(int(time.time()))
    out = sys.stdout
    run = hashlib.sha256(str(time.time_ns()).encode()).hexdigest()[:12]
    for index in range(count):
        body = json.dumps({"subject": f"melding {index}", "text": texts[index % len(texts)]}, ensure_ascii=False)
        msg_id = f"msg_{run}_{index}"
        mac = hmac.new(key, f"{msg_id}.{stamp}.{body}".encode(), hashlib.sha256).digest()
        out.write(f"{msg_id}\t{stamp}\tv1,{base64.b64encode(mac).decode()}\t{body}\n")


if __name__ == "__main__":
    main()
