namespace VoxDose.Dicom;

/// <summary>A transfer syntax (PS3.5 section 10): how a data set is encoded.</summary>
public sealed record DicomTransferSyntax(string Uid, string Name, bool IsExplicitVR, bool IsLittleEndian, bool IsDeflated, bool IsEncapsulated)
{
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new(DicomUids.ImplicitVRLittleEndian, "Implicit VR Little Endian", false, true, false, false);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new(DicomUids.ExplicitVRLittleEndian, "Explicit VR Little Endian", true, true, false, false);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new(DicomUids.ExplicitVRBigEndian, "Explicit VR Big Endian", true, false, false, false);
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new(DicomUids.DeflatedExplicitVRLittleEndian, "Deflated Explicit VR Little Endian", true, true, true, false);

    private static readonly DicomTransferSyntax[] Known =
    [
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian, DeflatedExplicitVRLittleEndian,
        new(DicomUids.JPEGBaseline8Bit, "JPEG Baseline (Process 1)", true, true, false, true),
        new("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, true, false, true),
        new("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, true, false, true),
        new(DicomUids.JPEGLossless, "JPEG Lossless, Non-Hierarchical, First-Order Prediction", true, true, false, true),
        new(DicomUids.JPEGLSLossless, "JPEG-LS Lossless", true, true, false, true),
        new("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)", true, true, false, true),
        new(DicomUids.JPEG2000Lossless, "JPEG 2000 (Lossless Only)", true, true, false, true),
        new(DicomUids.JPEG2000, "JPEG 2000", true, true, false, true),
        new("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)", true, true, false, true),
        new("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL (Lossless Only)", true, true, false, true),
        new("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", true, true, false, true),
        new("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, true, false, true),
        new("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile", true, true, false, true),
        new(DicomUids.RLELossless, "RLE Lossless", true, true, false, true),
    ];

    /// <summary>The transfer syntax of a UID. Unknown UIDs are assumed to be encapsulated Explicit VR Little Endian (PS3.5 A.4).</summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        var u = uid.Trim(' ', '\0');
        foreach (var ts in Known)
            if (ts.Uid == u) return ts;
        return new DicomTransferSyntax(u, "Unknown (" + u + ")", true, true, false, true);
    }

    /// <summary>True when the UID is one this library knows by name.</summary>
    public static bool IsKnown(string uid) => Known.Any(t => t.Uid == uid.Trim(' ', '\0'));

    public override string ToString() => $"{Name} ({Uid})";
}
