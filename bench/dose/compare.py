#!/usr/bin/python3
"""Compares two float32 dose maps: max |a - b| / max(b), and the max per-voxel relative difference above 1 % of max."""
import sys
import numpy as np

a = np.fromfile(sys.argv[1], dtype="<f4").astype(np.float64)
b = np.fromfile(sys.argv[2], dtype="<f4").astype(np.float64)
assert a.shape == b.shape, (a.shape, b.shape)
peak = b.max()
mask = b > 0.01 * peak
print(f"compare: max |voxdose - python| / max = {np.abs(a - b).max() / peak:.2e}; "
      f"max relative difference where dose > 1% of max = {(np.abs(a - b)[mask] / b[mask]).max():.2e}; "
      f"max dose {a.max():.3f} vs {peak:.3f} Gy")
