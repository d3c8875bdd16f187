using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Planning;

/// <summary>
/// An analytic SPECT/CT: uniform boxes of counts on a 40^3 grid of 6 mm voxels, with box ROIs whose faces lie on voxel
/// faces (so partial-volume weights are exactly 0 or 1 and every count and mass is known in closed form).
/// </summary>
internal sealed class PlanningPhantom
{
    public const string Frame = "1.2.826.0.1.3680043.10.1.12.1";
    public const double SpacingMm = 6.0;
    public const double VoxelMassKg = 0.216 * 1.04 / 1000; // 6 mm voxel, 1.04 g/cm3 (Lanconelli 2012 soft tissue), literal

    public static readonly (int I0, int I1, int J0, int J1, int K0, int K1) Liver = (4, 33, 4, 23, 4, 33);
    public static readonly (int I0, int I1, int J0, int J1, int K0, int K1) LesionA = (8, 13, 8, 13, 8, 13);
    public static readonly (int I0, int I1, int J0, int J1, int K0, int K1) LesionB = (20, 23, 14, 17, 20, 23);
    public static readonly (int I0, int I1, int J0, int J1, int K0, int K1) Lungs = (4, 33, 28, 35, 4, 33);

    public double NormalCounts { get; init; } = 10;
    public double LesionACounts { get; init; } = 60;
    public double LesionBCounts { get; init; } = 30;
    public double LungCounts { get; init; }

    public static int Voxels((int I0, int I1, int J0, int J1, int K0, int K1) b) => (b.I1 - b.I0 + 1) * (b.J1 - b.J0 + 1) * (b.K1 - b.K0 + 1);

    public Volume Counts()
    {
        var v = new Volume(40, 40, 40, new Vec3(SpacingMm, SpacingMm, SpacingMm), new Vec3(-117, -117, -117), frameOfReferenceUid: Frame);
        Fill(v, Liver, NormalCounts);
        Fill(v, LesionA, LesionACounts);
        Fill(v, LesionB, LesionBCounts);
        if (LungCounts > 0) Fill(v, Lungs, LungCounts);
        return v;
    }

    public static StructureSet Structures(bool liver = true, bool lungs = true) => new()
    {
        Label = "MAA", FrameOfReferenceUids = [Frame],
        Rois = [
            .. liver ? new[] { Box(1, "Liver", Liver) } : [],
            Box(2, "Lesion A", LesionA), Box(3, "Lesion B", LesionB),
            .. lungs ? new[] { Box(4, "Lungs", Lungs) } : [],
        ],
    };

    public static StructureSetRoi Box(int number, string name, (int I0, int I1, int J0, int J1, int K0, int K1) b)
    {
        var origin = -117.0;
        double X(double i) => origin + i * SpacingMm;
        var contours = new List<Contour>();
        for (var k = b.K0; k <= b.K1; k++)
        {
            var z = X(k);
            contours.Add(Contour.Closed([
                new Vec3(X(b.I0 - 0.5), X(b.J0 - 0.5), z), new Vec3(X(b.I1 + 0.5), X(b.J0 - 0.5), z),
                new Vec3(X(b.I1 + 0.5), X(b.J1 + 0.5), z), new Vec3(X(b.I0 - 0.5), X(b.J1 + 0.5), z)]));
        }
        return new StructureSetRoi { Number = number, Name = name, Contours = contours };
    }

    private static void Fill(Volume v, (int I0, int I1, int J0, int J1, int K0, int K1) b, double value)
    {
        for (var k = b.K0; k <= b.K1; k++)
            for (var j = b.J0; j <= b.J1; j++)
                for (var i = b.I0; i <= b.I1; i++)
                    v[i, j, k] = (float)value;
    }
}
