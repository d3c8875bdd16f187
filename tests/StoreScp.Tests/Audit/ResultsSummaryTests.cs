using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Tests.Audit;

public class ResultsSummaryTests
{
    private const string Results = """
        { "schemaVersion": 1, "rois": [
            { "name": "Liver", "role": "wholeLiver", "meanGy": 43.04 },
            { "name": "GTV 1", "role": "lesion", "meanGy": 101.96 },
            { "name": "Normal liver", "role": "normalLiver", "meanGy": 38.1 },
            { "name": "Empty", "role": "lesion", "meanGy": null } ],
          "rejectedRois": [ { "name": "marker", "reason": "no contour" } ] }
        """;

    [Fact]
    public void Mean_doses_are_read_by_name_and_nulls_and_rejected_rois_are_skipped()
    {
        var doses = ResultsSummary.MeanDoses(Results);
        Assert.Equal([("Liver", 43.04), ("GTV 1", 101.96), ("Normal liver", 38.1)], doses);
    }

    [Fact]
    public void Key_doses_are_the_lesions_and_the_normal_liver()
    {
        Assert.Equal("GTV 1 102.0 Gy, Normal liver 38.1 Gy", ResultsSummary.KeyDoses(Results));
        Assert.Equal("", ResultsSummary.KeyDoses("not json"));
    }
}
