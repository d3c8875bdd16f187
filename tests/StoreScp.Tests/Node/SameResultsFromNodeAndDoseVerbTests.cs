using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 10: the node bound four decision thresholds while microspheres, ROI roles, radiobiology and Dx/Vx were CLI-only,
/// so `voxdose dose` and `voxdose serve` could flag the same study differently. Now one options model feeds both.
/// </summary>
public class SameResultsFromNodeAndDoseVerbTests(ITestOutputHelper output)
{
    private const string Configuration = """
        { "VoxDose": {
            "Processing": { "Method": "vsv", "DoseGridMm": 5, "SeriesQuietSeconds": 1 },
            "Dosimetry": {
              "Microspheres": "glass", "TumourCutoffGy": 100, "LungLimitGy": 25,
              "DxPercents": [ 50, 80 ], "VxThresholdsGy": [ 60, 110 ],
              "Radiobiology": { "Lesion": { "AlphaBetaGy": 8.5 } },
              "RoiRoles": { "LesionPatterns": [ "lesion", "gtv" ] }
            } } }
        """;

    [Fact]
    public async Task The_same_pet_and_rtstruct_give_byte_identical_metrics_through_dose_and_through_the_node()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-same-results");
        try
        {
            var spec = new PhantomSpec { Columns = 64, Rows = 64, PixelSpacingMm = 12.72, Slices = 32, SliceSpacingMm = 7 };
            var phantom = PhantomStudyWriter.Write(spec, Path.Combine(dir, "phantom"));
            var configFile = Path.Combine(dir, "voxdose.json");
            File.WriteAllText(configFile, Configuration);

            // voxdose dose --config F
            var outDir = Path.Combine(dir, "dose-out");
            var run = ExternalTool.Run("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), "dose", .. phantom.PetFiles, "--rtstruct", phantom.RtStructFile, "--out", outDir, "--config", configFile],
                TimeSpan.FromMinutes(3));
            output.WriteLine(run.StdOut + run.StdErr);
            Assert.Equal(0, run.ExitCode);
            var fromVerb = File.ReadAllText(Path.Combine(outDir, "results.json"));

            // voxdose serve with the same file: the phantom sent over DICOM, the node's own pipeline.
            var port = ExternalTool.FreeTcpPort();
            var (configuration, _) = NodeConfiguration.Load(configFile, new Dictionary<string, string?>
            {
                ["VoxDose:Storage:Root"] = Path.Combine(dir, "node"),
                ["VoxDose:Storage:MinFreeMegabytes"] = "1",
                ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
                ["VoxDose:Scp:AllowAnyCaller"] = "true",
                ["VoxDose:Scp:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
            }, includeEnvironment: false);
            using var host = NodeHost.CreateBuilder(configuration).Build();
            await host.StartAsync();
            string fromNode;
            try
            {
                var sent = await DicomClient.SendAsync(new DicomClientOptions
                {
                    Host = "127.0.0.1", Port = port, CalledAeTitle = "VOXDOSE", CallingAeTitle = "TESTSCU",
                }, [phantom.RtStructFile, .. phantom.PetFiles]);
                Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
                var computations = host.Services.GetRequiredService<ComputationRepository>();
                var studies = host.Services.GetRequiredService<StudyRepository>();
                var deadline = DateTime.UtcNow.AddMinutes(5);
                ComputationRecord? computation = null;
                StudyRecord? study = null;
                while (DateTime.UtcNow < deadline && computation?.Results is null && study?.State is not StudyState.Failed)
                {
                    await Task.Delay(200);
                    computation = await computations.GetAsync(phantom.Identity.StudyInstanceUid, 1);
                    study = await studies.GetAsync(phantom.Identity.StudyInstanceUid);
                }
                fromNode = computation?.Results
                    ?? throw new TimeoutException($"the node computed nothing: study {study?.State.ToString() ?? "absent"} ({study?.Error})");

                // Issue 13: the node recorded the study's lesions in the registry with the figures of results.json.
                var registry = new VoxDose.StoreScp.Outcomes.LesionRegistry(host.Services.GetRequiredService<AuditDatabase>(), TimeProvider.System);
                var lesions = await registry.CurrentLesionsAsync();
                while (lesions.Count < 4 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                    lesions = await registry.CurrentLesionsAsync();
                }
                using (var results = JsonDocument.Parse(fromNode))
                {
                    var fromResults = results.RootElement.GetProperty("rois").EnumerateArray().Where(r => r.GetProperty("role").GetString() == "lesion").ToList();
                    Assert.Equal(fromResults.Select(r => r.GetProperty("name").GetString()).Order(), lesions.Select(l => l.Figures.RoiName).Order());
                    foreach (var lesion in lesions)
                    {
                        var roi = fromResults.Single(r => r.GetProperty("name").GetString() == lesion.Figures.RoiName);
                        Assert.Equal((phantom.Identity.StudyInstanceUid, 1L), (lesion.StudyUid, lesion.Revision));
                        Assert.Equal(roi.GetProperty("meanGy").GetDouble(), lesion.Figures.TdvGy);
                        Assert.Equal(roi.GetProperty("longestAxialDiameterMm").GetDouble(), lesion.Figures.LongestAxialDiameterMm);
                        Assert.Null(lesion.Figures.D70Gy); // this configuration asks for D50 and D80 only
                        Assert.Null(lesion.Figures.TdpGy); // no plan linked
                    }
                    // Lesion 1 is a 20 mm radius sphere: its widest axial contour is within half a 7 mm slice of the centre.
                    var lesion1 = lesions.Single(l => l.Figures.RoiName == "Lesion 1").Figures.LongestAxialDiameterMm!.Value;
                    Assert.InRange(lesion1, 0.95 * 40, 40 + 1e-6);
                }
            }
            finally { await host.StopAsync(); }

            using var verb = JsonDocument.Parse(fromVerb);
            using var node = JsonDocument.Parse(fromNode);
            // The settings of the file were applied on both sides (not just equal defaults).
            var rois = verb.RootElement.GetProperty("rois").GetRawText();
            Assert.Contains("\"d80Gy\"", rois, StringComparison.Ordinal);
            Assert.Contains("\"v110Percent\"", rois, StringComparison.Ordinal);
            Assert.DoesNotContain("\"d70Gy\"", rois, StringComparison.Ordinal);
            Assert.Equal(5.0, verb.RootElement.GetProperty("calculation").GetProperty("calculationSpacingMm")[0].GetDouble(), 9);
            foreach (var property in new[] { "studyInstanceUid", "petSeriesInstanceUid", "method", "totalActivityMBq", "doseGrid", "calculation", "flags", "rois" })
            {
                Assert.True(verb.RootElement.TryGetProperty(property, out var a), $"dose results.json has no '{property}'");
                Assert.True(node.RootElement.TryGetProperty(property, out var b), $"node results.json has no '{property}'");
                Assert.Equal(a.GetRawText(), b.GetRawText());
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
