using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>Issue 11: `voxdose dump --json` of a file cut to 300 bytes printed <c>{}</c> and exited 0. The built verb, as a process.</summary>
public class DumpTruncatedTests
{
    [Fact]
    public void Dump_json_of_a_file_cut_to_300_bytes_or_to_its_meta_group_exits_1_with_a_message_regression()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dump-cut");
        try
        {
            var phantom = PhantomStudyWriter.Write(new PhantomSpec { Columns = 16, Rows = 16, PixelSpacingMm = 25, Slices = 2, SliceSpacingMm = 40 }, Path.Combine(dir, "p"));
            var bytes = File.ReadAllBytes(phantom.PetFiles[0]);
            var metaEnd = 144 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
            foreach (var length in new[] { 300, metaEnd, metaEnd + 5 })
            {
                var cut = Path.Combine(dir, $"cut{length}.dcm");
                File.WriteAllBytes(cut, bytes[..length]);
                foreach (var header in new[] { false, true })
                {
                    string[] args = header ? ["dump", "--json", "--header-only", cut] : ["dump", "--json", cut];
                    var run = ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), .. args], TimeSpan.FromMinutes(1));
                    Assert.True(run.ExitCode == 1, $"{length} bytes{(header ? ", --header-only" : "")}: exit {run.ExitCode}, stdout '{run.StdOut}'");
                    Assert.DoesNotContain("{}", run.StdOut, StringComparison.Ordinal);
                    Assert.StartsWith("dump: cannot read", run.StdErr, StringComparison.Ordinal);
                    Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
                }
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
