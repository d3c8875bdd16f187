using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Node;

/// <summary>
/// End to end with a real Orthanc (Debian package, loopback, temporary configuration): the phantom is uploaded to
/// Orthanc, Orthanc sends the study to the node, the node sends RT Dose, SR and PDF back; the test finds them in the
/// same study through Orthanc's REST API and checks each ROI's mean dose in the SR against results.json.
/// </summary>
public class NodeOrthancEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Orthanc_sends_the_phantom_and_gets_rt_dose_sr_and_pdf_back_in_the_same_study()
    {
        ExternalTool.Require("Orthanc");
        var work = TestPaths.NewTempDirectory("voxdose-e2e");
        var phantom = PhantomStudyWriter.Write(new PhantomSpec(), Path.Combine(work, "phantom"));
        var nodePort = ExternalTool.FreeTcpPort();
        await using var orthanc = await OrthancInstance.StartAsync("ORTHANC",
            new Dictionary<string, (string, string, int)> { ["voxdose"] = ("VOXDOSE", "127.0.0.1", nodePort) });
        using var node = await OrthancNode.StartAsync(Path.Combine(work, "node"), nodePort, orthanc.DicomPort, seriesQuietSeconds: 10);
        try
        {
            string? studyId = null;
            foreach (var file in new[] { phantom.RtStructFile }.Concat(phantom.PetFiles))
            {
                var instanceId = await orthanc.UploadAsync(file);
                studyId ??= (await orthanc.Http.GetFromJsonAsync<JsonObject>($"instances/{instanceId}/study"))!["ID"]!.GetValue<string>();
            }
            using (var store = new StringContent(JsonSerializer.Serialize(new { Resources = new[] { studyId }, Synchronous = true }), Encoding.UTF8, "application/json"))
            using (var response = await orthanc.Http.PostAsync("modalities/voxdose/store", store))
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

            var studies = node.Services.GetRequiredService<StudyRepository>();
            var study = await OrthancNode.WaitAsync(async () => await studies.GetAsync(phantom.Identity.StudyInstanceUid) is { State: StudyState.Exported or StudyState.Failed } s ? s : null,
                TimeSpan.FromMinutes(4));
            Assert.True(study.State == StudyState.Exported, $"study ended {study.State}: {study.Error}");

            // The three results are in Orthanc, in the phantom's study.
            var series = await orthanc.Http.GetFromJsonAsync<JsonArray>($"studies/{studyId}/series");
            var modalities = series!.Select(s => s!["MainDicomTags"]!["Modality"]?.GetValue<string>()).ToList();
            output.WriteLine("Orthanc study series: " + string.Join(", ", modalities));
            Assert.Contains("RTDOSE", modalities);
            Assert.Contains("SR", modalities);
            Assert.Contains("DOC", modalities);
            Assert.Contains("PT", modalities);

            // One computation, one set of results: Orthanc sent the RTSTRUCT in the same association as the PET.
            Assert.Single(modalities, m => m == "SR");
            Assert.Single(modalities, m => m == "RTDOSE");

            // The SR's mean doses equal results.json to 0.1 Gy, ROI by ROI (the SR found in Orthanc by the UID the node exported).
            var exports = await node.Services.GetRequiredService<ExportRepository>().ForStudyAsync(study.StudyUid);
            var srUid = exports.Single(e => e.ObjectKind == "Sr").SopInstanceUid;
            using var lookup = await orthanc.Http.PostAsync("tools/lookup", new StringContent(srUid));
            var srInstance = JsonNode.Parse(await lookup.Content.ReadAsStringAsync())!.AsArray()
                .Single(r => r!["Type"]!.GetValue<string>() == "Instance")!["ID"]!.GetValue<string>();
            var srPath = Path.Combine(work, "sr-from-orthanc.dcm");
            await File.WriteAllBytesAsync(srPath, await orthanc.DownloadAsync(srInstance));
            var srDoses = SrMeanDoses.Read(DicomFile.Open(srPath).Dataset);
            var computation = (await node.Services.GetRequiredService<ComputationRepository>().GetAsync(study.StudyUid, study.Revision))!;
            var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(computation.OutputDir!, "results.json")))!;
            var rois = results["rois"]!.AsArray();
            Assert.NotEmpty(rois);
            foreach (var roi in rois)
            {
                var name = roi!["name"]!.GetValue<string>();
                var meanGy = roi["meanGy"]!.GetValue<double>();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: results.json {meanGy:F3} Gy, SR {srDoses.GetValueOrDefault(name, double.NaN):F3} Gy"));
                Assert.True(srDoses.ContainsKey(name), $"ROI {name} has no mean dose in the SR");
                Assert.Equal(meanGy, srDoses[name], 0.05 + 1e-9); // the SR rounds to 0.1 Gy (docs/reporting.md)
            }
            Assert.Contains(rois, r => r!["role"]!.GetValue<string>() == "lesion");
        }
        finally
        {
            await node.StopAsync();
        }
    }
}
