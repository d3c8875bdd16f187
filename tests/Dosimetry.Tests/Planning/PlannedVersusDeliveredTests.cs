using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Tests.Planning;

public class PlannedVersusDeliveredTests
{
    private static RoiMetrics Delivered(string name, RoiRole role, double meanGy) => new()
    {
        Name = name, Role = role, VolumeMl = 10, MeanGy = meanGy, SdGy = 0, Cov = 0, MinGy = meanGy, MaxGy = meanGy, MedianGy = meanGy,
        DxGy = new Dictionary<int, double>(), VxPercent = new Dictionary<int, double>(), Dvh = [],
    };

    [Fact]
    public void Lesions_match_by_normalised_name_and_the_rest_is_listed_not_guessed()
    {
        var planned = new[]
        {
            new PlannedLesion("Lesion 1", 120), new PlannedLesion("HCC seg.8", 90), new PlannedLesion("Lesion 3", 100),
            new PlannedLesion("Dup", 50), new PlannedLesion("DUP", 60),
        };
        var delivered = new[]
        {
            Delivered("LESION_1", RoiRole.Lesion, 90), Delivered("hcc  seg 8", RoiRole.Lesion, 99), Delivered("Lesion 7", RoiRole.Lesion, 80),
            Delivered("dup", RoiRole.Lesion, 40), Delivered("Lesion 3", RoiRole.WholeLiver, 30),
        };

        var c = PlannedVersusDelivered.Compare(planned, delivered);

        Assert.Equal([("Lesion 1", "LESION_1"), ("HCC seg.8", "hcc  seg 8")], c.Matched.Select(m => (m.PlanName, m.DeliveredName)));
        var first = c.Matched[0];
        Assert.Equal(-30, first.DifferenceGy!.Value, 9);
        Assert.Equal(0.75, first.Ratio!.Value, 9);
        // "Lesion 3" is not a lesion on the delivered side; "Dup"/"DUP" are ambiguous.
        Assert.Equal(["Lesion 3", "Dup", "DUP"], c.UnmatchedPlanned);
        Assert.Equal(["Lesion 7", "dup"], c.UnmatchedDelivered);
        Assert.Contains(c.Notes, n => n.Contains("not unique", StringComparison.Ordinal));
        Assert.Equal("lesion 1", PlannedVersusDelivered.Normalise("  Lesion-1 "));
    }
}
