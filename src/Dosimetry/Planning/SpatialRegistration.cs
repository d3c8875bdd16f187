using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Planning;

/// <summary>An affine map of patient coordinates (mm): x' = M x + t, M row-major.</summary>
public sealed record AffineTransform(double[] M, Vec3 T)
{
    public static AffineTransform Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1], new Vec3(0, 0, 0));

    /// <summary>From a DICOM 4x4 Frame of Reference Transformation Matrix (16 values, row-major, last row 0 0 0 1).</summary>
    public static AffineTransform FromDicom(IReadOnlyList<double> m)
    {
        if (m.Count != 16) throw new InvalidDataException($"Frame of Reference Transformation Matrix (3006,00C6) has {m.Count} values, expected 16.");
        if (Math.Abs(m[12]) > 1e-6 || Math.Abs(m[13]) > 1e-6 || Math.Abs(m[14]) > 1e-6 || Math.Abs(m[15] - 1) > 1e-6)
            throw new InvalidDataException("Frame of Reference Transformation Matrix (3006,00C6): the last row is not 0 0 0 1.");
        return new([m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]], new Vec3(m[3], m[7], m[11]));
    }

    public Vec3 Apply(Vec3 x) => new(M[0] * x.X + M[1] * x.Y + M[2] * x.Z + T.X, M[3] * x.X + M[4] * x.Y + M[5] * x.Z + T.Y, M[6] * x.X + M[7] * x.Y + M[8] * x.Z + T.Z);

    /// <summary>This map after <paramref name="first"/>: x -> this(first(x)).</summary>
    public AffineTransform After(AffineTransform first)
    {
        var m = new double[9];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                m[3 * r + c] = M[3 * r] * first.M[c] + M[3 * r + 1] * first.M[3 + c] + M[3 * r + 2] * first.M[6 + c];
        return new AffineTransform(m, Apply(first.T));
    }

    public AffineTransform Inverse()
    {
        var a = M;
        var det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
        if (Math.Abs(det) < 1e-12) throw new InvalidDataException("The registration matrix is singular.");
        var inv = new[]
        {
            (a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
            (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
            (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det,
        };
        var back = new AffineTransform(inv, new Vec3(0, 0, 0));
        var t = back.Apply(T);
        return back with { T = new Vec3(-t.X, -t.Y, -t.Z) };
    }
}

/// <summary>
/// The Spatial Registration IOD (PS3.3 A.39, C.20.2): each Registration Sequence (0070,0308) item names a Frame of
/// Reference and the Matrix Sequence (0070,030A) that maps its coordinates into the registration's own (registered)
/// frame, matrices applied in order. Two frames A and B are related when both appear (the registration's own frame
/// counts with the identity): A -> B = (B -> reg)^-1 after (A -> reg).
/// </summary>
public static class SpatialRegistration
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.66.1";

    /// <summary>The map from <paramref name="fromFrame"/> to <paramref name="toFrame"/> coordinates, or null when the object does not relate them.</summary>
    public static AffineTransform? TransformBetween(DicomDataset registration, string fromFrame, string toFrame)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var toRegistered = new Dictionary<string, AffineTransform>(StringComparer.Ordinal);
        if (registration.GetString(DicomTag.FrameOfReferenceUID) is { Length: > 0 } own) toRegistered[own] = AffineTransform.Identity;
        foreach (var item in registration.GetSequence(DicomTag.RegistrationSequence))
        {
            var frame = item.GetString(DicomTag.FrameOfReferenceUID);
            if (string.IsNullOrEmpty(frame)) continue;
            var map = AffineTransform.Identity;
            foreach (var matrixRegistration in item.GetSequence(DicomTag.MatrixRegistrationSequence))
                foreach (var matrix in matrixRegistration.GetSequence(DicomTag.MatrixSequence))
                {
                    var type = matrix.GetString(DicomTag.FrameOfReferenceTransformationMatrixType)?.Trim();
                    if (type is not (null or "RIGID" or "RIGID_SCALE" or "AFFINE"))
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Frame of Reference Transformation Matrix Type (0070,030C) '{type}' is not RIGID, RIGID_SCALE or AFFINE."));
                    map = AffineTransform.FromDicom(matrix.GetDoubles(DicomTag.FrameOfReferenceTransformationMatrix)).After(map);
                }
            toRegistered[frame] = map;
        }
        if (!toRegistered.TryGetValue(fromFrame, out var from) || !toRegistered.TryGetValue(toFrame, out var to)) return null;
        return to.Inverse().After(from);
    }
}
