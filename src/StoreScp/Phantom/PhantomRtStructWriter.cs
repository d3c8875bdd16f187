namespace VoxDose.StoreScp.Phantom;

/// <summary>Writes the phantom's contours as an RTSTRUCT (through the contour layer's RT Structure Set writer, once available).</summary>
public static class PhantomRtStructWriter
{
    /// <summary>The written file, or null while the RT Structure Set writer is not part of this build.</summary>
    public static string? Write(PhantomSpec spec, PhantomIdentity identity, IReadOnlyList<string> petFiles, string path)
    {
        _ = spec;
        _ = identity;
        _ = petFiles;
        _ = path;
        return null;
    }
}
