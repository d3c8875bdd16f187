using VoxDose.Dicom.Network.Client;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>Found by bench/fuzz/run.sh: a file whose SOP Instance UID holds a non-ASCII byte ended the whole send with an exception.</summary>
[Collection("NetworkLoad")]
public class ScuInvalidUidTests
{
    [Fact]
    public async Task A_file_whose_SOP_Instance_UID_is_not_a_UID_is_not_sent_and_the_others_are()
    {
        await using var scp = await ScpHarness.StartAsync();
        var dir = TestPaths.NewTempDirectory();
        var files = SyntheticDicom.WritePetSeries(dir, 2);
        // Patch one byte of the first file's SOP Instance UID (0008,0018) to 0xE9: still a readable file.
        var bytes = File.ReadAllBytes(files[0]);
        var uid = DicomFile.Open(files[0]).Dataset.GetString(DicomTag.SOPInstanceUID)!;
        var body = 144 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140)); // after the meta group
        var at = bytes.AsSpan(body).IndexOf(System.Text.Encoding.ASCII.GetBytes(uid)) + body;
        bytes[at + 5] = 0xE9;
        File.WriteAllBytes(files[0], bytes);

        var results = await DicomClient.SendAsync(scp.Client(), files);
        Assert.False(results[0].Succeeded);
        Assert.Contains("not a valid UID", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded, results[1].ToString());
        Assert.Single(scp.StoredFiles());
    }
}
