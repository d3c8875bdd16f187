using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Dosimetry.Tests.Pet;

public class PetSeriesLoaderTests
{
    /// <summary>A hot ellipsoid (2^20 Bq/mL, about 50 Gy) in a warm background, values multiples of 256 Bq/mL (exact under slopes 64-256).</summary>
    private static Volume Phantom(int nx = 24, int ny = 20, int nz = 14)
    {
        var v = new Volume(nx, ny, nz, new Vec3(4.07, 4.07, 2.0), new Vec3(-48, -40, 100), frameOfReferenceUid: "1.2.826.0.1.3680043.2.1125.1");
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    var r2 = Math.Pow((x - 12) / 5.0, 2) + Math.Pow((y - 9) / 4.0, 2) + Math.Pow((z - 7) / 4.0, 2);
                    v[x, y, z] = r2 < 1 ? 1048576f : 65536f + 256f * x;
                }
        return v;
    }

    private static DoseOptionsAndResult Dose(IReadOnlyList<DicomDataset> datasets) => new(DoseCalculator.Compute(PetSeriesLoader.Load(datasets), new DoseOptions()));

    private sealed record DoseOptionsAndResult(Results.DoseMapResult Result);

    [Fact]
    public void Files_written_and_read_back_give_the_activity_at_injection()
    {
        var phantom = Phantom();
        var dir = TestPaths.NewTempDirectory("voxdose-pet");
        try
        {
            var datasets = new SyntheticPetSeries().Build(phantom);
            for (var i = 0; i < datasets.Count; i++) DicomFile.Create(datasets[i]).Save(Path.Combine(dir, $"{i:000}.dcm"));
            var read = Directory.GetFiles(dir).Select(f => DicomFile.Open(f).Dataset).ToList();
            var series = PetSeriesLoader.Load(read);
            var a0 = ActivityAtInjection.From(series).ConcentrationBqPerMl;
            Assert.True(a0.HasSameGrid(phantom));
            Assert.Equal(phantom.FrameOfReferenceUid, a0.FrameOfReferenceUid);
            for (var i = 0; i < a0.Count; i++) Assert.Equal(phantom.Voxels[i], a0.Voxels[i], 1048576 * 2e-5);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_same_phantom_stored_START_ADMIN_or_NONE_gives_the_same_dose()
    {
        var phantom = Phantom();
        var start = Dose(new SyntheticPetSeries { DecayCorrection = "START" }.Build(phantom)).Result;
        var admin = Dose(new SyntheticPetSeries { DecayCorrection = "ADMIN" }.Build(phantom)).Result;
        var none = Dose(new SyntheticPetSeries { DecayCorrection = "NONE", SecondsPerSlice = 30 }.Build(phantom)).Result;
        // A scanner that corrected to injection with the F-18 half-life left in the header.
        var adminF18 = Dose(new SyntheticPetSeries { DecayCorrection = "ADMIN", HeaderHalfLifeS = 6586.2 }.Build(phantom)).Result;
        Assert.NotNull(adminF18.Y90.HalfLifeOverride);
        var max = start.DoseGy.Voxels.Max();
        Assert.True(max > 10, $"max dose {max} Gy");
        foreach (var other in new[] { admin, none, adminF18 })
            for (var i = 0; i < other.DoseGy.Count; i++)
                Assert.Equal(start.DoseGy.Voxels[i], other.DoseGy.Voxels[i], 2e-4 * max);
        Assert.Equal(start.TotalActivityAtInjectionMBq, none.TotalActivityAtInjectionMBq, 1e-3 * start.TotalActivityAtInjectionMBq);
    }

    [Fact]
    public void Series_Time_after_the_acquisition_does_not_shift_the_dose()
    {
        var phantom = Phantom();
        var normal = Dose(new SyntheticPetSeries().Build(phantom)).Result;
        var late = Dose(new SyntheticPetSeries { SeriesTimeOffsetMinutes = 45 }.Build(phantom)).Result;
        Assert.Contains("postdates", late.Decay.ReferenceRule);
        Assert.Equal(normal.DoseGy.Voxels.Max(), late.DoseGy.Voxels.Max(), 1e-6);
    }

    [Fact]
    public void Shuffled_slices_and_per_slice_slopes_give_an_identical_dose_map()
    {
        var phantom = Phantom();
        var exact = new SyntheticPetSeries { PowerOfTwoSlopes = true, DecayCorrection = "ADMIN" }.Build(phantom);
        var reference = Dose(exact).Result.DoseGy.Voxels;
        var shuffled = exact.OrderBy(_ => Random.Shared.Next()).ToList();
        shuffled.Reverse(0, 3);
        Assert.Equal(reference, Dose(shuffled).Result.DoseGy.Voxels);
        // Same data, other per-slice slopes: exact arithmetic, identical map.
        var otherSlopes = new SyntheticPetSeries { PowerOfTwoSlopes = true, SlopeShift = 1, DecayCorrection = "ADMIN" }.Build(phantom);
        otherSlopes.Reverse();
        Assert.Equal(reference, Dose(otherSlopes).Result.DoseGy.Voxels);
        // Arbitrary slopes: identical within the 16-bit quantisation.
        var jittered = Dose(new SyntheticPetSeries { SlopeJitter = 0.7, DecayCorrection = "ADMIN" }.Build(phantom)).Result.DoseGy.Voxels;
        var max = reference.Max();
        for (var i = 0; i < reference.Length; i++) Assert.Equal(reference[i], jittered[i], 1e-4 * max);
    }

    [Fact]
    public void Instance_numbers_do_not_decide_the_order()
    {
        var datasets = new SyntheticPetSeries { PowerOfTwoSlopes = true, DecayCorrection = "ADMIN" }.Build(Phantom());
        var reference = PetSeriesLoader.Load(datasets).ActivityBqPerMl.Voxels;
        for (var i = 0; i < datasets.Count; i++) datasets[i].AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, (100 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reference, PetSeriesLoader.Load(datasets).ActivityBqPerMl.Voxels);
    }

    [Fact]
    public void Inconsistent_slices_are_refused_naming_the_slice_and_the_rule()
    {
        var phantom = Phantom();
        List<DicomDataset> Fresh() => new SyntheticPetSeries().Build(phantom);

        var gap = Fresh(); gap.RemoveAt(5);
        foreach (var d in gap) d.Remove(DicomTag.NumberOfSlices);
        Assert.Contains("unequal slice spacing", Error(gap));

        var orientation = Fresh(); orientation[3].AddOrUpdate(DicomTag.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 0.995, 0.0998);
        Assert.Contains("(0020,0037)", Error(orientation));

        var frame = Fresh(); frame[4].AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, "1.2.3.4");
        var frameMessage = Error(frame);
        Assert.Contains("(0020,0052)", frameMessage);
        Assert.Contains("Instance Number 5", frameMessage);

        var tilt = Fresh(); tilt[2].AddOrUpdate(DicomTag.GantryDetectorTilt, DicomVR.DS, 15.0);
        Assert.Contains("(0018,1120)", Error(tilt));

        var shifted = Fresh();
        var p = shifted[6].GetDoubles(DicomTag.ImagePositionPatient);
        shifted[6].AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, p[0], p[1] + 3, p[2]);
        Assert.Contains("in-plane", Error(shifted));

        var size = Fresh(); size[1].AddOrUpdate(DicomTag.Rows, DicomVR.US, 19);
        Assert.Contains("Rows x Columns", Error(size));

        var duplicate = Fresh(); duplicate[2].AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, duplicate[3].GetDoubles(DicomTag.ImagePositionPatient));
        Assert.Contains("duplicate", Error(duplicate));

        var incomplete = Fresh(); incomplete.RemoveAt(incomplete.Count - 1);
        Assert.Contains("(0054,0081)", Error(incomplete));

        var mixedUnits = Fresh(); mixedUnits[8].AddOrUpdate(DicomTag.Units, DicomVR.CS, "CNTS");
        Assert.Contains("(0054,1001)", Error(mixedUnits));

        var mixedDecay = Fresh(); mixedDecay[9].AddOrUpdate(DicomTag.DecayCorrection, DicomVR.CS, "ADMIN");
        Assert.Contains("(0054,1102)", Error(mixedDecay));

        var suv = new SyntheticPetSeries { Units = "GML" }.Build(phantom);
        Assert.Contains("(0054,1001)", Error(suv));
    }

    [Fact]
    public void Philips_CNTS_is_converted_with_the_activity_concentration_scale_factor()
    {
        var phantom = Phantom();
        var bqml = PetSeriesLoader.Load(new SyntheticPetSeries { PowerOfTwoSlopes = true, DecayCorrection = "ADMIN" }.Build(phantom)).ActivityBqPerMl.Voxels;
        var cnts = new SyntheticPetSeries { Units = "CNTS", PowerOfTwoSlopes = true, DecayCorrection = "ADMIN" }.Build(phantom);
        Assert.Contains("(7053,1009)", Error(cnts));
        foreach (var d in cnts)
        {
            d.AddOrUpdate(new DicomTag(0x7053, 0x0010), DicomVR.LO, "Philips PET Private Group");
            d.AddOrUpdate(new DicomTag(0x7053, 0x1009), DicomVR.FD, 0.5);
        }
        var series = PetSeriesLoader.Load(cnts);
        Assert.Equal("BQML", series.Header.Units);
        for (var i = 0; i < bqml.Length; i++) Assert.Equal(bqml[i] * 0.5f, series.ActivityBqPerMl.Voxels[i]);
    }

    private static string Error(List<DicomDataset> datasets) =>
        Assert.Throws<DoseInputException>(() => DoseCalculator.Compute(PetSeriesLoader.Load(datasets), new DoseOptions())).Message;
}
