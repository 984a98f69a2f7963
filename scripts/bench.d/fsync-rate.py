#!/usr/bin/env python3
"""The raw rate of durable file writes in a directory: the yardstick the benchmarks compare with.

usage: fsync-rate.py DIR [COUNT] [SIZE]

Each write is what a durable commit of one file costs at least: create a temporary file, write
SIZE bytes (default 2048), fsync it, rename it into place, fsync the directory. Prints the rate
in writes per second (one number) after COUNT writes (default 500), then removes the files.
Run it on the disk being benchmarked, in the same run, so both see the same conditions.
"""
import os
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    directory = os.path.join(sys.argv[1], "fsync-rate.%d" % os.getpid())
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 2048
    os.makedirs(directory)
    data = os.urandom(size)
    dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        start = time.perf_counter()
        for index in range(count):
            temporary = os.path.join(directory, ".%d.tmp" % index)
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(temporary, os.path.join(directory, "%d.json" % index))
            os.fsync(dir_fd)
        elapsed = time.perf_counter() - start
    finally:
        os.close(dir_fd)
        for name in os.listdir(directory):
            os.unlink(os.path.join(directory, name))
        os.rmdir(directory)
    print("%.1f" % (count / elapsed))


if __name__ == "__main__":
    main()
