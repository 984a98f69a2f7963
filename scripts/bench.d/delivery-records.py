#!/usr/bin/env python3
"""Writes COUNT dead letters for endpoint URL into DIR (the state's dead/), for the delivery
benchmark to put back with `wegwijzer retry --all`.

usage: delivery-records.py DIR COUNT URL
"""
import json
import os
import sys
import time


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    directory, count, endpoint = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(directory)
    now = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
    for index in range(count):
        message_id = "bench%021d" % index
        message = {
            "id": message_id, "schema": "wegwijzer.message/1", "receivedAt": now, "channel": "form",
            "source": {"name": "bench", "ref": "bench-%d.json" % index}, "sender": {}, "subject": "Melding %d" % index,
            "text": "De lantaarnpaal bij Dorpsstraat %d in Katwijk is al een week kapot. " % index * 3,
            "location": {"postcode": "2221AB", "place": "Katwijk"}, "attachments": [], "channelData": {"format": "form"},
            "routing": {"team": "Bench", "score": 6, "confidence": 1, "fallback": False, "priority": "normal",
                        "signals": [{"term": "lantaarnpaal", "team": "Bench", "weight": 3}], "configHash": "0" * 16},
        }
        record = {
            "schema": "wegwijzer.delivery/1", "id": message_id, "team": "Bench", "endpoint": endpoint,
            "createdAt": now, "nextAttemptAt": now, "deadAt": now, "reason": "benchmark", "attempts": [],
            "message": message,
        }
        with open(os.path.join(directory, message_id + ".json"), "w") as handle:
            handle.write(json.dumps(record, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
