#!/usr/bin/env python3
"""Reads what headless Chromium left after loading a page: its NetLog and its screenshot.

    page-check.py NETLOG.json SCREENSHOT.png

Prints one JSON object: "pageRequests", the URLs of network requests the page itself started
(the browser's own background requests have no origin as initiator and are left out), and
"contentRows" and "height", the rows of the screenshot that are not one flat colour repeated
from the row above (a blank page has none).
"""
import json
import struct
import sys
import zlib


def page_requests(path):
    with open(path, encoding="utf-8") as file:
        log = json.load(file)
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log.get("events", []):
        params = event.get("params") or {}
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in params \
                and params.get("initiator") != "not an origin":
            urls.append(params.get("url", ""))
    return urls


def content_rows(path):
    with open(path, "rb") as file:
        data = file.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, idat, width, height, depth = 8, b"", 0, 0, 4
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, bits, colour = struct.unpack(">IIBB", body[:10])
            depth = {2: 3, 6: 4, 0: 1, 4: 2}[colour] * bits // 8
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * depth
    rows = 0
    for row in range(height):
        line = raw[row * stride:(row + 1) * stride]
        # Filtered bytes after the first pixel are all zero for a row of one colour that
        # repeats the row above (filters Sub, Up, Average and Paeth alike).
        if line[1 + depth:].count(0) != len(line) - 1 - depth:
            rows += 1
    return rows, height


if __name__ == "__main__":
    rows, height = content_rows(sys.argv[2])
    print(json.dumps({"pageRequests": page_requests(sys.argv[1]), "contentRows": rows, "height": height}))
