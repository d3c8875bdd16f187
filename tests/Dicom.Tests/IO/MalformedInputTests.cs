using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.IO;

/// <summary>Truncated and corrupted files either read or fail with a DicomDataException, never another exception.</summary>
public class MalformedInputTests
{
    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small_implicit.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("rtstruct.dcm")]
    [InlineData("image_dfl.dcm")]
    [InlineData("JPEG2000.dcm")]
    [InlineData("UN_sequence.dcm")]
    public void Truncations_and_corruptions_fail_cleanly(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.PydicomTestFiles, name));
        var random = new Random(17);
        var unexpected = new List<string>();
        void Try(byte[] data, string what)
        {
            foreach (var options in new[] { DicomReadOptions.Default, new DicomReadOptions { StopBeforePixelData = true } })
            {
                try
                {
                    var file = DicomFile.Read(new MemoryStream(data), options);
                    _ = Dicom.Json.DicomJsonWriter.ToJson(file.Dataset);
                }
                catch (DicomDataException)
                {
                }
                catch (Exception ex)
                {
                    unexpected.Add($"{what}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
        for (var length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 150))
            Try(bytes[..length], $"truncated to {length}");
        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])bytes.Clone();
            var at = random.Next(132, Math.Min(copy.Length, 4000));
            copy[at] = (byte)random.Next(256);
            if (i % 2 == 0) copy[random.Next(132, copy.Length)] = (byte)random.Next(256);
            Try(copy, $"byte {at} set to {copy[at]}");
        }
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected.Distinct().Take(15)));
    }
}
