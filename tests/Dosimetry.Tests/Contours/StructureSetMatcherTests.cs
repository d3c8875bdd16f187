using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

public class StructureSetMatcherTests
{
    private static readonly Contour Square = Contour.Closed(ContourShapes.Rectangle(0, 0, 10, 10, 0));

    private static StructureSet Set(string? setFor, params StructureSetRoi[] rois) =>
        new() { FrameOfReferenceUids = setFor is null ? [] : [setFor], Rois = rois };

    [Fact]
    public void Same_frame_of_reference_applies()
    {
        var match = StructureSetMatcher.Match(Set("1.2.3", new StructureSetRoi { Number = 1, Name = "GTV", Contours = [Square] }), "1.2.3");
        Assert.True(match.Applies);
        Assert.Single(match.ApplicableRois);
        Assert.Null(match.Reason);
    }

    [Fact]
    public void Other_frame_of_reference_is_not_applicable_with_the_reason()
    {
        var match = StructureSetMatcher.Match(Set("1.2.3", new StructureSetRoi { Number = 1, Name = "GTV", Contours = [Square] }), "9.8.7");
        Assert.False(match.Applies);
        Assert.Contains("1.2.3", match.Reason, StringComparison.Ordinal);
        Assert.Contains("9.8.7", match.Reason, StringComparison.Ordinal);
        Assert.Contains("(0020,0052)", match.Reason, StringComparison.Ordinal);
        Assert.Empty(match.ApplicableRois);
        Assert.Single(match.RejectedRois);
    }

    [Fact]
    public void Missing_frames_of_reference_are_not_guessed()
    {
        Assert.False(StructureSetMatcher.Match(Set(null, new StructureSetRoi { Number = 1, Name = "GTV", Contours = [Square] }), "1.2.3").Applies);
        Assert.False(StructureSetMatcher.Match(Set("1.2.3"), null).Applies);
    }

    [Fact]
    public void Rois_on_another_frame_or_without_closed_contours_are_rejected_individually()
    {
        var match = StructureSetMatcher.Match(Set("1.2.3",
            new StructureSetRoi { Number = 1, Name = "GTV", Contours = [Square], ReferencedFrameOfReferenceUid = "1.2.3" },
            new StructureSetRoi { Number = 2, Name = "CT liver", Contours = [Square], ReferencedFrameOfReferenceUid = "4.5.6" },
            new StructureSetRoi { Number = 3, Name = "Marker", Contours = [new Contour(ContourGeometricType.Point, [new Vec3(0, 0, 0)])] }), "1.2.3");
        Assert.True(match.Applies);
        Assert.Equal("GTV", Assert.Single(match.ApplicableRois).Name);
        Assert.Equal(new[] { 2, 3 }, match.RejectedRois.Select(r => r.Number));
        Assert.Contains("4.5.6", match.RejectedRois[0].Reason, StringComparison.Ordinal);
    }
}
