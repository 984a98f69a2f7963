#!/usr/bin/env python3
"""The raw rate of durable small-file writes on a disk: write, fsync, rename, fsync the directory.

Usage: fsync-rate.py DIR [COUNT] [SIZE] — prints the rate in files per second.
This is the yardstick the pipeline and delivery benchmarks compare against."""
import os
import sys
import time


def rate(directory, count=2000, size=1500):
    os.makedirs(os.path.join(directory, "tmp"), exist_ok=True)
    os.makedirs(os.path.join(directory, "new"), exist_ok=True)
    payload = b"x" * size
    new_fd = os.open(os.path.join(directory, "new"), os.O_RDONLY)
    start = time.perf_counter()
    for index in range(count):
        temporary = os.path.join(directory, "tmp", f"{index}.json")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
        os.write(fd, payload)
        os.fsync(fd)
        os.close(fd)
        os.rename(temporary, os.path.join(directory, "new", f"{index}.json"))
        os.fsync(new_fd)
    elapsed = time.perf_counter() - start
    os.close(new_fd)
    return count / elapsed


if __name__ == "__main__":
    target = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
    print(f"{rate(target, count, size):.1f}")
