#!/usr/bin/env python3
"""Writes a synthetic cohort CSV for bench/cohort/run.sh: N lesions, five covariates, progression-free times
(months, 0.1-month resolution: many tied times) that shorten as TDv falls, about 35 % censored. Seeded."""
import math
import random
import sys

n = int(sys.argv[1])
path = sys.argv[2]
rnd = random.Random(2026)
with open(path, "w") as f:
    f.write("lesionId,tdvGy,tdpGy,sizeCm,sdGy,covPercent,localControl,pfsMonths,progression\n")
    for i in range(n):
        tdv = max(10.0, rnd.gauss(95, 30))
        tdp = max(10.0, tdv * rnd.uniform(0.8, 1.25))
        size = max(0.5, rnd.gauss(5, 2))
        sd = tdv * rnd.uniform(0.2, 0.45)
        cov = 100 * sd / tdv
        rate = math.exp(-2.5 - 0.012 * (tdv - 95) + 0.08 * (size - 5))
        t = rnd.expovariate(rate)
        c = rnd.uniform(3, 60)
        event = 1 if t <= c else 0
        pfs = round(max(0.1, min(t, c)), 1)
        lc = 1 if (tdv > 81 and rnd.random() < 0.7) or rnd.random() < 0.2 else 0
        f.write(f"L{i:05d},{tdv:.2f},{tdp:.2f},{size:.2f},{sd:.2f},{cov:.2f},{lc},{pfs},{event}\n")
