using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>
/// Builds the phantom's arrays: true activity (2 x 2 x 2 sub-samples per voxel), the truth per region, then a
/// PET-like image: resolution blur, count-like noise inside the body, post-filter, no negative values.
/// </summary>
public static class PhantomBuilder
{
    private const int Sub = 2;

    public static PhantomVolumes Build(PhantomSpec spec)
    {
        var regions = spec.Regions;
        var subVolumeMl = spec.VoxelVolumeMl / (Sub * Sub * Sub);

        // Pass 1: weighted (uptake x volume) and plain painted volume per region, to set concentrations from the injected activity.
        var pass1 = Accumulate(spec, 2 * regions.Count, (x, y, z, _, painted, sums) =>
        {
            if (painted < 0) return;
            sums[painted] += Uptake(regions[painted], x, y, z) * subVolumeMl;
            sums[regions.Count + painted] += subVolumeMl;
        });
        double lungVolume = 0, liverWeight = 0;
        for (var r = 0; r < regions.Count; r++)
        {
            if (regions[r].Kind == "lung") lungVolume += pass1[regions.Count + r];
            else liverWeight += pass1[r];
        }
        // The activity goes to the parts of the regions inside the field of view: with fewer slices the lung shunt fills the
        // lung that is left (61 slices: 34 of 1850 mL, lungs near 70 Gy instead of 5). Said in the truth, not hidden.
        var lungWholeMl = regions.Where(r => r.Kind == "lung").Sum(r => r.VolumeMl);
        var liverConcentration = (1 - spec.LungShuntFraction) * spec.InjectedActivityBq / liverWeight;
        var lungConcentration = lungVolume > 0 ? spec.LungShuntFraction * spec.InjectedActivityBq / lungVolume : 0;

        // Pass 2: voxel values (mean over sub-samples) and per-ROI truth (geometric containment, painting ignored).
        var truth = new Volume(spec.Columns, spec.Rows, spec.Slices, new Vec3(spec.PixelSpacingMm, spec.PixelSpacingMm, spec.SliceSpacingMm),
            spec.VoxelCentreMm(0, 0, 0));
        var lesionIndexes = Enumerable.Range(0, regions.Count).Where(r => regions[r].Kind is "lesion" or "necrosis").ToArray();
        var liverIndex = Enumerable.Range(0, regions.Count).First(r => regions[r].Kind == "liver");
        var n = regions.Count;
        // sums: [0, n) ROI volume, [n, 2n) ROI activity, 2n normal-liver volume, 2n+1 normal-liver activity
        var pass2 = Accumulate(spec, 2 * n + 2, (x, y, z, voxel, painted, sums) =>
        {
            if (painted < 0) return;
            var concentration = regions[painted].Kind == "lung" ? lungConcentration : liverConcentration * Uptake(regions[painted], x, y, z);
            var activity = concentration * subVolumeMl;
            truth.Voxels[voxel] += (float)(concentration / (Sub * Sub * Sub)); // one slice per thread: no two threads share a voxel
            var inLesion = false;
            for (var r = 0; r < n; r++)
            {
                if (!regions[r].Contains(x, y, z)) continue;
                sums[r] += subVolumeMl;
                sums[n + r] += activity;
                if (Array.IndexOf(lesionIndexes, r) >= 0) inLesion = true;
            }
            if (!inLesion && regions[liverIndex].Contains(x, y, z))
            {
                sums[2 * n] += subVolumeMl;
                sums[2 * n + 1] += activity;
            }
        });
        var roiVolume = pass2[..n];
        var roiActivity = pass2[n..(2 * n)];
        var normalLiver = new[] { pass2[2 * n], pass2[2 * n + 1] };

        var regionTruth = new List<PhantomRegionTruth>();
        for (var r = 0; r < regions.Count; r++)
        {
            if (!regions[r].Contoured || roiVolume[r] <= 0) continue; // outside a reduced field of view
            regionTruth.Add(new(regions[r].Name, regions[r].Kind, roiVolume[r], roiActivity[r], PhantomPhysics.LdmDoseGy(roiActivity[r] / roiVolume[r])));
        }
        if (normalLiver[0] > 0)
            regionTruth.Add(new(VoxDose.Dosimetry.Metrics.RoiAnalyzer.DerivedNormalLiverName, "normal-liver", normalLiver[0], normalLiver[1],
                PhantomPhysics.LdmDoseGy(normalLiver[1] / normalLiver[0])));

        var pet = Scan(spec, BlurredAtScan(spec, truth), liverConcentration);

        return new PhantomVolumes(truth, pet, new PhantomTruth
        {
            InjectedActivityBq = spec.InjectedActivityBq,
            LungShuntFraction = spec.LungShuntFraction,
            InjectionDateTime = spec.InjectionDateTime,
            AcquisitionDateTime = spec.AcquisitionDateTime,
            HalfLifeS = PhantomPhysics.HalfLifeS,
            NormalLiverConcentrationBqPerMlAtInjection = liverConcentration,
            LungFractionInFieldOfView = lungWholeMl > 0 ? lungVolume / lungWholeMl : 1.0,
            Regions = regionTruth,
        });
    }

    /// <summary>The true activity decayed to the scan start and blurred by the scanner's resolution (before any noise).</summary>
    public static Volume BlurredAtScan(PhantomSpec spec, Volume trueActivityAtInjection)
    {
        var elapsedS = (spec.AcquisitionDateTime - spec.InjectionDateTime).TotalSeconds;
        var decay = (float)PhantomPhysics.DecayFactor(elapsedS);
        var pet = trueActivityAtInjection.WithSameGeometry();
        for (var i = 0; i < pet.Count; i++) pet.Voxels[i] = trueActivityAtInjection.Voxels[i] * decay;
        GaussianBlur.Apply(pet, spec.ResolutionFwhmMm);
        return pet;
    }

    /// <summary>
    /// A PET realisation from the blurred activity (left untouched): count-like noise with <see cref="PhantomSpec.Seed"/>, then the
    /// post-filter, no negative values. The noise is correlated by the post-filter only.
    /// </summary>
    /// <param name="liverConcentrationAtInjection">Normal-liver concentration at injection (Bq/mL), the noise reference level.</param>
    public static Volume Scan(PhantomSpec spec, Volume blurredAtScan, double liverConcentrationAtInjection)
    {
        var elapsedS = (spec.AcquisitionDateTime - spec.InjectionDateTime).TotalSeconds;
        var pet = blurredAtScan.WithSameGeometry((float[])blurredAtScan.Voxels.Clone());
        AddNoise(spec, pet, liverConcentrationAtInjection * PhantomPhysics.DecayFactor(elapsedS));
        GaussianBlur.Apply(pet, spec.PostFilterFwhmMm);
        for (var i = 0; i < pet.Count; i++) pet.Voxels[i] = Math.Max(0, pet.Voxels[i]);
        return pet;
    }

    /// <summary>Inside the body outline (an elliptic cylinder 340 x 240 mm).</summary>
    public static bool InBody(double x, double y) => x * x / (170.0 * 170.0) + y * y / (120.0 * 120.0) <= 1.0;

    private static double Uptake(PhantomRegion region, double x, double y, double z) =>
        region.Kind == "liver" ? region.RelativeUptake * PhantomSpec.LiverModulation(x, y, z) : region.RelativeUptake;

    private static void AddNoise(PhantomSpec spec, Volume pet, double liverLevel)
    {
        var random = new Random(spec.Seed);
        var sigmaLiver = spec.NoiseAtLiverFraction * liverLevel;
        for (var k = 0; k < pet.SizeZ; k++)
        for (var j = 0; j < pet.SizeY; j++)
        for (var i = 0; i < pet.SizeX; i++)
        {
            var p = spec.VoxelCentreMm(i, j, k);
            var index = pet.Index(i, j, k);
            if (!InBody(p.X, p.Y))
            {
                pet.Voxels[index] = 0;
                continue;
            }
            // Count-like: variance grows with the signal; a floor keeps noise in cold tissue.
            var value = pet.Voxels[index];
            var sigma = sigmaLiver * Math.Sqrt(Math.Max(value, 0.05 * liverLevel) / liverLevel);
            pet.Voxels[index] = (float)(value + sigma * Gaussian(random));
        }
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Visits every sub-sample (x, y, z in mm) with its voxel index and the last region containing it (-1: none),
    /// one slice per task, each task summing into its own array; returns the total of those arrays.
    /// </summary>
    private static double[] Accumulate(PhantomSpec spec, int sumCount, Action<double, double, double, int, int, double[]> visit)
    {
        var regions = spec.Regions;
        var total = new double[sumCount];
        Parallel.For(0, spec.Slices, () => new double[sumCount], (k, _, sums) =>
        {
            for (var j = 0; j < spec.Rows; j++)
            for (var i = 0; i < spec.Columns; i++)
            for (var s = 0; s < Sub * Sub * Sub; s++)
            {
                var p = spec.VoxelCentreMm(i + ((s & 1) - 0.5) / Sub, j + (((s >> 1) & 1) - 0.5) / Sub, k + (((s >> 2) & 1) - 0.5) / Sub);
                var painted = -1;
                for (var r = regions.Count - 1; r >= 0; r--)
                {
                    if (regions[r].Contains(p.X, p.Y, p.Z)) { painted = r; break; }
                }
                visit(p.X, p.Y, p.Z, i + spec.Columns * (j + spec.Rows * k), painted, sums);
            }
            return sums;
        }, sums =>
        {
            lock (total) for (var i = 0; i < sumCount; i++) total[i] += sums[i];
        });
        return total;
    }
}
