using System.CommandLine;
using System.Text.Json;
using VoxDose.StoreScp.Cli;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>
/// The regression guard for speed work: `voxdose dose --profile` on a small phantom writes every stage of the dose
/// verb with sane times. The figures themselves are checked by the bench scripts (bench/dose), never here.
/// </summary>
public class DoseProfileTests
{
    private static readonly string[] ExpectedStages =
        ["startup", "read", "activity", "kernel", "convolution", "rasterise", "metrics", "report model", "rtdose", "sr", "images", "pdf", "writes"];

    [Fact]
    public void Dose_verb_profile_lists_every_stage_with_consistent_times()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-profile");
        try
        {
            PhantomStudyWriter.Write(new PhantomSpec { Slices = 40 }, Path.Combine(dir, "phantom"));
            var profilePath = Path.Combine(dir, "profile.json");
            var root = new RootCommand { DoseCommand.Create() };
            var code = root.Parse(["dose", Path.Combine(dir, "phantom"), "--out", Path.Combine(dir, "out"), "--profile", profilePath]).Invoke();
            Assert.Equal(0, code);

            using var json = JsonDocument.Parse(File.ReadAllText(profilePath));
            var stages = json.RootElement.GetProperty("stages").EnumerateArray()
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => (Wall: s.GetProperty("wallMs").GetDouble(), Cpu: s.GetProperty("cpuMs").GetDouble(),
                    Parallel: s.GetProperty("parallel").GetBoolean(), Count: s.GetProperty("count").GetInt32()));
            Assert.All(ExpectedStages, name => Assert.True(stages.ContainsKey(name), $"stage {name} missing from {string.Join(", ", stages.Keys)}"));
            Assert.All(stages, s => Assert.True(s.Value.Wall >= 0 && s.Value.Cpu >= 0 && s.Value.Count >= 1, $"{s.Key}: {s.Value}"));
            // One rasterise and one metrics run per ROI that reaches the 40 planes; derived regions add metrics runs only.
            Assert.InRange(stages["rasterise"].Count, 1, 7);
            Assert.True(stages["metrics"].Count >= stages["rasterise"].Count);
            var totalWall = json.RootElement.GetProperty("totalWallMs").GetDouble();
            var totalCpu = json.RootElement.GetProperty("totalCpuMs").GetDouble();
            // Stages that ran one after the other fit in the total (start-up was before the profile began).
            var sequential = stages.Where(s => !s.Value.Parallel && s.Key != "startup").Sum(s => s.Value.Wall);
            Assert.InRange(sequential, 0, totalWall * 1.01 + 1);
            Assert.True(totalCpu > 0 && totalWall > 0);
            Assert.True(json.RootElement.GetProperty("peakWorkingSetMB").GetDouble() > 0);
            foreach (var f in new[] { "rtdose.dcm", "sr.dcm", "report.pdf", "report-pdf.dcm", "fusion-sc.dcm", "results.json", "dose.mha" })
                Assert.True(File.Exists(Path.Combine(dir, "out", f)), f);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
