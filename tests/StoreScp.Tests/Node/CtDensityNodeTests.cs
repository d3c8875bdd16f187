using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoxDose.Dicom;
using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 14: the PET/CT phantom through the node. With its CT (same frame of reference) the lung mass and lung dose come
/// from the CT; the same phantom whose only CT is in another frame of reference says the CT was not used, why, and that
/// soft tissue was assumed.
/// </summary>
public class CtDensityNodeTests(ITestOutputHelper output)
{
    private static readonly PhantomSpec Spec = new() { Columns = 80, Rows = 80, PixelSpacingMm = 10.175, Slices = 56, SliceSpacingMm = 4.054 };

    [Fact]
    public async Task With_its_ct_the_node_reports_ct_lung_mass_and_dose_and_without_it_says_soft_tissue_was_assumed()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-ct-node");
        try
        {
            var withCt = PhantomStudyWriter.Write(Spec, Path.Combine(dir, "with-ct"), withCt: true);
            // The same phantom, another study, whose CT carries another frame of reference (not registered to the PET).
            var foreignIdentity = new PhantomIdentity();
            var withoutCt = PhantomStudyWriter.Write(Spec, Path.Combine(dir, "foreign-ct"), foreignIdentity);
            var foreignCt = PhantomCtWriter.Write(Spec, foreignIdentity with { FrameOfReferenceUid = DicomUid.Generate() }, withoutCt.Truth, Path.Combine(dir, "foreign-ct", "ct")).Files;

            var port = ExternalTool.FreeTcpPort();
            var (configuration, _) = NodeConfiguration.Load(null, new Dictionary<string, string?>
            {
                ["VoxDose:Storage:Root"] = Path.Combine(dir, "node"),
                ["VoxDose:Storage:MinFreeMegabytes"] = "1",
                ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
                ["VoxDose:Scp:AllowAnyCaller"] = "true",
                ["VoxDose:Scp:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["VoxDose:Processing:SeriesQuietSeconds"] = "1",
                ["Logging:LogLevel:Default"] = "Warning",
            }, includeEnvironment: false);
            using var host = NodeHost.CreateBuilder(configuration).Build();
            await host.StartAsync();
            JsonElement ctResults, noCtResults;
            try
            {
                // The CT first, as a PET/CT sends it: it must be in the study when the PET completes.
                ctResults = await SendAndWaitAsync(host, port, withCt.Identity.StudyInstanceUid, [.. withCt.CtFiles, withCt.RtStructFile, .. withCt.PetFiles]);
                noCtResults = await SendAndWaitAsync(host, port, foreignIdentity.StudyInstanceUid, [.. foreignCt, withoutCt.RtStructFile, .. withoutCt.PetFiles]);
            }
            finally { await host.StopAsync(); }

            // With the CT: density from it, lung mass from CT density within 5 % of the phantom's truth (its lung HU
            // through the default calibration x the lung volume in the field of view).
            var density = ctResults.GetProperty("density");
            Assert.True(density.GetProperty("ctUsed").GetBoolean());
            Assert.Equal(withCt.Identity.CtSeriesInstanceUid, density.GetProperty("ctSeriesInstanceUid").GetString());
            Assert.Contains("Schneider", density.GetProperty("calibration").GetString(), StringComparison.Ordinal);
            var lung = ctResults.GetProperty("lung");
            var truth = withCt.Truth.Ct!;
            var massKg = lung.GetProperty("massKg").GetDouble();
            output.WriteLine($"lung mass {massKg:0.####} kg (truth {truth.LungMassKgInFieldOfView:0.####}), dose {lung.GetProperty("doseGy").GetDouble():0.##} Gy (truth {truth.LungDoseGyWithCtMass:0.##})");
            Assert.Equal(truth.LungMassKgInFieldOfView, massKg, truth.LungMassKgInFieldOfView * 0.05);
            Assert.Contains("CT density", lung.GetProperty("massSource").GetString(), StringComparison.Ordinal);
            // The lung dose with the CT mass: EANM's A x 49.76 / M, within 25 % of the truth (the PET's blur spills lung activity out).
            Assert.Equal(truth.LungDoseGyWithCtMass, lung.GetProperty("doseGy").GetDouble(), truth.LungDoseGyWithCtMass * 0.25);
            var shunt = lung.GetProperty("petLungShuntFraction").GetDouble();
            Assert.InRange(shunt, 0.02, 0.08);
            Assert.Contains("lung ROIs / total activity in the PET field of view", lung.GetProperty("petLungShuntDefinition").GetString(), StringComparison.Ordinal);

            // Without its CT: said plainly, with the reason the foreign CT was not used; the lung mass is soft tissue's, ~3.4 x heavier.
            var noCtDensity = noCtResults.GetProperty("density");
            Assert.False(noCtDensity.GetProperty("ctUsed").GetBoolean());
            Assert.Equal("soft tissue (1.04 g/mL) assumed", noCtDensity.GetProperty("assumption").GetString());
            var reason = Assert.Single(noCtDensity.GetProperty("ctNotUsed").EnumerateArray()).GetString()!;
            Assert.Contains("Frame of Reference UID", reason, StringComparison.Ordinal);
            var noCtLung = noCtResults.GetProperty("lung");
            Assert.StartsWith("soft tissue (1.04 g/mL) assumed", noCtLung.GetProperty("massSource").GetString(), StringComparison.Ordinal);
            Assert.InRange(noCtLung.GetProperty("massKg").GetDouble() / massKg, 1.04 / truth.LungDensityGPerMl * 0.93, 1.04 / truth.LungDensityGPerMl * 1.07);

            // The SR and the PDF carry the same words.
            var reports = Path.Combine(dir, "node", "results");
            var srWith = File.ReadAllText(Directory.GetFiles(Path.Combine(reports, withCt.Identity.StudyInstanceUid), "sr.dcm", SearchOption.AllDirectories).Single(), System.Text.Encoding.Latin1);
            Assert.Contains("Lung dose (EANM) = ", srWith, StringComparison.Ordinal);
            Assert.Contains("CT used = yes, CT series " + withCt.Identity.CtSeriesInstanceUid, srWith, StringComparison.Ordinal);
            var srWithout = File.ReadAllText(Directory.GetFiles(Path.Combine(reports, foreignIdentity.StudyInstanceUid), "sr.dcm", SearchOption.AllDirectories).Single(), System.Text.Encoding.Latin1);
            Assert.Contains("CT used = no: soft tissue (1.04 g/mL) assumed", srWithout, StringComparison.Ordinal);
            var pdf = ExternalTool.Run("pdftotext", Directory.GetFiles(Path.Combine(reports, foreignIdentity.StudyInstanceUid), "report.pdf", SearchOption.AllDirectories).Single(), "-");
            Assert.Contains("soft tissue (1.04 g/mL) assumed", pdf.StdOut.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static async Task<JsonElement> SendAndWaitAsync(IHost host, int port, string studyUid, IReadOnlyList<string> files)
    {
        var sent = await DicomClient.SendAsync(new DicomClientOptions
        {
            Host = "127.0.0.1", Port = port, CalledAeTitle = "VOXDOSE", CallingAeTitle = "TESTSCU",
        }, files);
        Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
        var computations = host.Services.GetRequiredService<ComputationRepository>();
        var studies = host.Services.GetRequiredService<StudyRepository>();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        ComputationRecord? computation = null;
        StudyRecord? study = null;
        while (DateTime.UtcNow < deadline && study?.State is not (StudyState.Failed or StudyState.Exported or StudyState.NotExported or StudyState.Reported))
        {
            await Task.Delay(200);
            computation = await computations.GetAsync(studyUid, 1);
            study = await studies.GetAsync(studyUid);
        }
        var results = computation?.Results ?? throw new TimeoutException($"the node computed nothing: study {study?.State.ToString() ?? "absent"} ({study?.Error})");
        return JsonDocument.Parse(results).RootElement.Clone();
    }
}
