#!/usr/bin/python3
"""Reference implementation for bench/dose: the same pipeline with pydicom + scipy.signal.fftconvolve.

usage: reference_dose.py <series dir> <kernel octant file (voxdose kernel --digits 17)> <out.f32> [vsv | vsv3 | ldm]
  vsv:  the kernel on the PET grid (default).
  vsv3: the activity resampled to 3 mm (scipy.ndimage.zoom, total conserved), the kernel given for 3 mm, the dose
        interpolated back to the PET grid (trilinear) - the peer of `voxdose dose --resample-mm 3`.
  ldm:  local deposition, D = cumulated decays x 0.9336 MeV / (1.04 g/mL x V), no kernel (pass any file).
Reads the series, sorts slices along the normal, rescales per slice, decay-corrects START to injection,
cumulates to infinity (T1/2 / ln 2), convolves with the full kernel (mirrored octant), writes float32 Gy.
"""
import glob
import math
import sys
import time
from datetime import datetime

import numpy as np
import pydicom
from scipy.signal import fftconvolve


def parse_dt(date, tm):
    tm = tm.split(".")[0].ljust(6, "0")
    return datetime.strptime(date + tm, "%Y%m%d%H%M%S")


def main(series_dir, kernel_file, out_file, mode="vsv"):
    t0 = time.perf_counter()
    slices = [pydicom.dcmread(f) for f in glob.glob(series_dir + "/*.dcm")]
    first = slices[0]
    iop = np.array(first.ImageOrientationPatient, dtype=float)
    normal = np.cross(iop[:3], iop[3:])
    slices.sort(key=lambda s: float(np.dot(normal, np.array(s.ImagePositionPatient, dtype=float))))
    vol = np.stack([s.pixel_array.astype(np.float64) * float(s.RescaleSlope) + float(s.RescaleIntercept) for s in slices])
    t_read = time.perf_counter()

    rp = first.RadiopharmaceuticalInformationSequence[0]
    half_life = float(rp.RadionuclideHalfLife)
    injection = datetime.strptime(str(rp.RadiopharmaceuticalStartDateTime).split(".")[0][:14], "%Y%m%d%H%M%S")
    series = parse_dt(first.SeriesDate, first.SeriesTime)
    acquisition = min(parse_dt(s.AcquisitionDate, s.AcquisitionTime) for s in slices)
    reference = min(series, acquisition)  # START
    lam = math.log(2) / half_life
    a0 = vol * math.exp(lam * (reference - injection).total_seconds())
    dz = abs(float(np.dot(normal, np.array(slices[1].ImagePositionPatient, dtype=float) - np.array(slices[0].ImagePositionPatient, dtype=float))))
    dy, dx = (float(v) for v in first.PixelSpacing)
    voxel_ml = dx * dy * dz / 1000.0
    cumulated_mbqs = a0 * voxel_ml * 1e-6 / lam  # (z, y, x)

    if mode == "ldm":
        mass_kg = voxel_ml * 1.04 / 1000.0
        dose_gy = cumulated_mbqs * 1e6 * 0.9336 * 1.602176634e-13 / mass_kg
        dose_gy.astype("<f4").tofile(out_file)
        t_end = time.perf_counter()
        print(f"python ldm: read {1000*(t_read-t0):.0f} ms; in-process total {1000*(t_end-t0):.0f} ms; max dose {dose_gy.max():.2f} Gy")
        return
    shape = cumulated_mbqs.shape
    if mode == "vsv3":
        from scipy.ndimage import zoom
        factors = (dz / 3.0, dy / 3.0, dx / 3.0)
        coarse = zoom(cumulated_mbqs, factors, order=1)
        coarse *= cumulated_mbqs.sum() / coarse.sum()
        cumulated_mbqs = coarse
    rows = [l.split() for l in open(kernel_file) if l[:1].isdigit()]
    hx = max(int(r[0]) for r in rows); hy = max(int(r[1]) for r in rows); hz = max(int(r[2]) for r in rows)
    octant = np.zeros((hz + 1, hy + 1, hx + 1))
    for i, j, k, s in rows:
        octant[int(k), int(j), int(i)] = float(s)
    full = np.zeros((2 * hz + 1, 2 * hy + 1, 2 * hx + 1))
    for k in range(-hz, hz + 1):
        for j in range(-hy, hy + 1):
            for i in range(-hx, hx + 1):
                full[k + hz, j + hy, i + hx] = octant[abs(k), abs(j), abs(i)]
    t_prep = time.perf_counter()
    dose_gy = fftconvolve(cumulated_mbqs, full, mode="same") / 1000.0
    if mode == "vsv3":
        dose_gy = zoom(dose_gy, [a / b for a, b in zip(shape, dose_gy.shape)], order=1)
    t_conv = time.perf_counter()
    dose_gy.astype("<f4").tofile(out_file)
    t_end = time.perf_counter()
    print(f"python: read {1000*(t_read-t0):.0f} ms, decay+kernel {1000*(t_prep-t_read):.0f} ms, fftconvolve {1000*(t_conv-t_prep):.0f} ms, "
          f"write {1000*(t_end-t_conv):.0f} ms; in-process total {1000*(t_end-t0):.0f} ms; max dose {dose_gy.max():.2f} Gy")


if __name__ == "__main__":
    main(*sys.argv[1:5])
