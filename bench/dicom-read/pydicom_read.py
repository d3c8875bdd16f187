"""Times pydicom on the same series: header scan (stop_before_pixels=True) and full read (pixel bytes accessed).

Usage: /usr/bin/python3 pydicom_read.py DIR REPEATS -> prints "scan <best s>" and "full <best s>" (best of REPEATS after a warm-up).
"""
import glob
import sys
import time

import pydicom

files = sorted(glob.glob(sys.argv[1] + "/*.dcm"))
repeats = int(sys.argv[2])


def scan():
    total = 0.0
    for f in files:
        ds = pydicom.dcmread(f, stop_before_pixels=True)
        total += float(ds.ImagePositionPatient[2]) + int(ds.InstanceNumber)
    return total


def full():
    total = 0.0
    for f in files:
        ds = pydicom.dcmread(f)
        total += len(ds.PixelData) + float(ds.RescaleSlope)
    return total


def best(work):
    work()
    result = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        result = min(result, time.perf_counter() - start)
    return result


print("scan %.6f" % best(scan))
print("full %.6f" % best(full))
