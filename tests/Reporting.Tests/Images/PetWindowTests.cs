using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Images;

namespace VoxDose.Reporting.Tests.Images;

public class PetWindowTests
{
    private const int N = 40;
    private const float LiverBqPerMl = 100_000;
    private const float LesionBqPerMl = 800_000;
    private const float HotVoxelBqPerMl = 50_000_000;

    /// <summary>
    /// One axial slice: a warm liver disc (100 kBq/ml +-20 %), a hot lesion (800 kBq/ml +-20 %) inside it, one
    /// 50 MBq/ml voxel (a noise spike) and no dose, so the rendered pixels are the grey PET alone. Slice 1 holds a
    /// large 8 MBq/ml lesion: a window from the whole volume (the old 99.5th percentile) would turn slice 0's liver black.
    /// </summary>
    private static (Volume Pet, Volume Dose, Volume Liver, Volume Lesion) HotLesionInWarmLiver()
    {
        var pet = new Volume(N, N, 2, new Vec3(4, 4, 4), new Vec3(0, 0, 0));
        var liver = pet.WithSameGeometry();
        var lesion = pet.WithSameGeometry();
        var random = new Random(7);
        for (var j = 0; j < N; j++)
            for (var i = 0; i < N; i++)
            {
                var inLiver = Sq(i - 20) + Sq(j - 20) <= 15 * 15;
                var inLesion = Sq(i - 24) + Sq(j - 20) <= 4 * 4;
                var noise = (float)(0.8 + 0.4 * random.NextDouble());
                if (inLiver) { liver[i, j, 0] = 1; pet[i, j, 0] = LiverBqPerMl * noise; }
                if (inLesion) { lesion[i, j, 0] = 1; pet[i, j, 0] = LesionBqPerMl * noise; }
            }
        pet[14, 20, 0] = HotVoxelBqPerMl;
        for (var j = 0; j < N; j++)
            for (var i = 0; i < N; i++)
                if (Sq(i - 20) + Sq(j - 20) <= 8 * 8) pet[i, j, 1] = 10 * LesionBqPerMl;
        return (pet, pet.WithSameGeometry(), liver, lesion);
    }

    [Fact]
    public void Window_is_set_by_the_lesion_not_by_one_hot_voxel()
    {
        var (pet, _, liver, lesion) = HotLesionInWarmLiver();
        var window = PetWindow.ForSlice(pet, 0, [liver, lesion]);
        Assert.Equal(PetWindowSource.UptakeRois, window.Source);
        // p99 of the ROI voxels lies in the lesion's upper range (lesion 640..960 kBq/ml), far below the spike.
        Assert.InRange(window.UpperBqPerMl, 0.8 * LesionBqPerMl, 1.2 * LesionBqPerMl);
        Assert.Contains("MBq/ml", window.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Fused_slice_keeps_the_liver_grey_and_the_lesion_unsaturated()
    {
        var (pet, dose, liver, lesion) = HotLesionInWarmLiver();
        var window = PetWindow.ForSlice(pet, 0, [liver, lesion]);
        var slice = FusionRenderer.Render(pet, dose, 0, new FusionScale(100), window, [], "hot lesion, warm liver");

        var liverGreys = new List<int>();
        var lesionGreys = new List<int>();
        for (var j = 0; j < N; j++)
            for (var i = 0; i < N; i++)
            {
                var (r, g, b) = PixelAtVoxelCentre(slice, i, j);
                Assert.True(r == g && g == b, $"voxel ({i}, {j}) is not grey: {(r, g, b)}");
                if (lesion[i, j, 0] >= 0.5f) lesionGreys.Add(r);
                else if (liver[i, j, 0] >= 0.5f && !(i == 14 && j == 20)) liverGreys.Add(r);
            }
        // Liver at 1/8 of the lesion: visibly grey (old rule: window on the spike, liver at grey 0).
        Assert.True(liverGreys.Average() > 20, $"liver mean grey {liverGreys.Average():F1}");
        Assert.True(liverGreys.Min() > 5, $"liver min grey {liverGreys.Min()}");
        // Lesion texture kept: most of it below white, and it spans a range of greys.
        Assert.True(lesionGreys.Count(g => g == 255) < lesionGreys.Count / 4, $"{lesionGreys.Count(g => g == 255)} of {lesionGreys.Count} lesion voxels saturated");
        Assert.True(lesionGreys.Max() - lesionGreys.Min() > 60, $"lesion greys {lesionGreys.Min()}..{lesionGreys.Max()}");
        Assert.True(lesionGreys.Min() > liverGreys.Max() - 40, "lesion stands out from the liver");
    }

    [Fact]
    public void Empty_slice_renders_black_with_a_no_activity_caption()
    {
        var pet = new Volume(N, N, 2, new Vec3(4, 4, 4), new Vec3(0, 0, 0));
        pet[3, 3, 1] = 5000; // activity on another slice only
        var mask = pet.WithSameGeometry(Enumerable.Repeat(1f, N * N * 2).ToArray());
        var window = PetWindow.ForSlice(pet, 0, [mask]);

        Assert.Equal(PetWindowSource.NoActivity, window.Source);
        Assert.True(window.UpperBqPerMl > 0 && double.IsFinite(window.UpperBqPerMl));
        Assert.Equal(0, window.Grey(0));
        Assert.Equal(0, window.Grey(float.NaN));

        var slice = FusionRenderer.Render(pet, pet.WithSameGeometry(), 0, FusionScale.For(pet.WithSameGeometry()), window, [], "empty");
        var (r, g, b) = PixelAtVoxelCentre(slice, 20, 20);
        Assert.Equal((0, 0, 0), (r, g, b));
        Assert.True(double.IsFinite(FusionScale.For(pet.WithSameGeometry()).DoseMaxGy));
    }

    [Fact]
    public void Slice_without_roi_voxels_uses_its_active_voxels()
    {
        var (pet, _, _, _) = HotLesionInWarmLiver();
        var noMask = pet.WithSameGeometry();
        var window = PetWindow.ForSlice(pet, 0, [noMask]);
        Assert.Equal(PetWindowSource.ActiveVoxels, window.Source);
        Assert.True(window.UpperBqPerMl < HotVoxelBqPerMl / 10);
    }

    private static double Sq(double x) => x * x;

    /// <summary>The rendered pixel at the centre of voxel (i, j): panel 512 px from (8, 40) for a square slice.</summary>
    private static (int R, int G, int B) PixelAtVoxelCentre(FusedSlice s, int i, int j)
    {
        var pixelsPerVoxel = 512.0 / N;
        var x = (int)(8 + (i + 0.5) * pixelsPerVoxel);
        var y = (int)(40 + (j + 0.5) * pixelsPerVoxel);
        var p = 3 * (y * s.Width + x);
        return (s.Rgb[p], s.Rgb[p + 1], s.Rgb[p + 2]);
    }
}
