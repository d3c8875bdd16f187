#!/usr/bin/python3
"""Writes a large RTSTRUCT: the phantom's own contours, each edge split into more points (same polygons, so the same
masks), until the structure set holds at least POINTS contour points. A stand-in for a 3D Slicer export (4 MB,
~131 000 points) on the same PET.  Usage: make_large_rtstruct.py IN.dcm OUT.dcm POINTS"""
import math, sys
import pydicom
from pydicom.uid import generate_uid

src, dst, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
ds = pydicom.dcmread(src)
have = sum(int(c.NumberOfContourPoints) for r in ds.ROIContourSequence for c in r.ContourSequence)
per_edge = max(1, math.ceil(want / have))  # points each original edge becomes
total = 0
for roi in ds.ROIContourSequence:
    for c in roi.ContourSequence:
        p = [float(v) for v in c.ContourData]
        pts = [p[i:i + 3] for i in range(0, len(p), 3)]
        dense = []
        for i, a in enumerate(pts):
            b = pts[(i + 1) % len(pts)]
            for k in range(per_edge):
                t = k / per_edge
                dense.append([a[j] + t * (b[j] - a[j]) for j in range(3)])
        c.ContourData = [f"{v:.6g}" for q in dense for v in q]
        c.NumberOfContourPoints = len(dense)
        total += len(dense)
ds.SOPInstanceUID = generate_uid()
ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.save_as(dst, write_like_original=False)
print(f"{dst}: {total} contour points in {len(ds.ROIContourSequence)} ROIs")
