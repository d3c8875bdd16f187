using System.Text.Json;

namespace VoxDose.StoreScp.Phantom;

/// <summary>Where a written phantom study is: PET files, RTSTRUCT file (when written) and truth.json.</summary>
public sealed record PhantomStudy(PhantomIdentity Identity, PhantomTruth Truth, IReadOnlyList<string> PetFiles, string RtStructFile, string TruthFile)
{
    /// <summary>The CT of the PET/CT (<c>ct/</c>), when written with it.</summary>
    public IReadOnlyList<string> CtFiles { get; init; } = [];
}

/// <summary>Builds and writes a complete phantom study into a folder: <c>pet/</c>, <c>rtstruct.dcm</c>, <c>truth.json</c> (and <c>ct/</c> with the CT).</summary>
public static class PhantomStudyWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="withCt">Also write the PET/CT's CT (same study and frame of reference) and its truth.</param>
    public static PhantomStudy Write(PhantomSpec spec, string directory, PhantomIdentity? identity = null, bool withCt = false)
    {
        identity ??= new PhantomIdentity();
        var volumes = PhantomBuilder.Build(spec);
        Directory.CreateDirectory(directory);
        var pet = PhantomPetWriter.Write(spec, identity, volumes.PetBqPerMlAtScanStart, Path.Combine(directory, "pet"));
        var rtStruct = PhantomRtStructWriter.Write(spec, identity, Path.Combine(directory, "rtstruct.dcm"));
        var truth = volumes.Truth;
        IReadOnlyList<string> ctFiles = [];
        if (withCt)
        {
            (ctFiles, var ctTruth) = PhantomCtWriter.Write(spec, identity, truth, Path.Combine(directory, "ct"));
            truth = truth with { Ct = ctTruth };
        }
        var truthFile = Path.Combine(directory, "truth.json");
        File.WriteAllText(truthFile, JsonSerializer.Serialize(truth, Json));
        return new PhantomStudy(identity, truth, pet, rtStruct, truthFile) { CtFiles = ctFiles };
    }
}
