using System.Text.Json;

namespace VoxDose.StoreScp.Phantom;

/// <summary>Where a written phantom study is: PET files, RTSTRUCT file (when written) and truth.json.</summary>
public sealed record PhantomStudy(PhantomIdentity Identity, PhantomTruth Truth, IReadOnlyList<string> PetFiles, string? RtStructFile, string TruthFile);

/// <summary>Builds and writes a complete phantom study into a folder: <c>pet/</c>, <c>rtstruct.dcm</c>, <c>truth.json</c>.</summary>
public static class PhantomStudyWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static PhantomStudy Write(PhantomSpec spec, string directory, PhantomIdentity? identity = null)
    {
        identity ??= new PhantomIdentity();
        var volumes = PhantomBuilder.Build(spec);
        Directory.CreateDirectory(directory);
        var pet = PhantomPetWriter.Write(spec, identity, volumes.PetBqPerMlAtScanStart, Path.Combine(directory, "pet"));
        var rtStruct = PhantomRtStructWriter.Write(spec, identity, pet, Path.Combine(directory, "rtstruct.dcm"));
        var truthFile = Path.Combine(directory, "truth.json");
        File.WriteAllText(truthFile, JsonSerializer.Serialize(volumes.Truth, Json));
        return new PhantomStudy(identity, volumes.Truth, pet, rtStruct, truthFile);
    }
}
