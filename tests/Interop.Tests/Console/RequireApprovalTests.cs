using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Web.Review;

namespace VoxDose.Interop.Tests.Console;

/// <summary>
/// <c>Export:RequireApproval</c>: the node computes and writes the reports but sends nothing until a physicist approves;
/// then the destination receives the RT Dose, the VERIFIED SR and the approved PDF, and never the unverified ones.
/// </summary>
[Trait("Category", "Interop")]
public sealed class RequireApprovalTests
{
    [Fact]
    public async Task RequireApproval_holds_every_export_until_approval_then_sends_only_verified_reports()
    {
        await using var node = await ConsoleNode.StartAsync(new() { ["VoxDose:Export:RequireApproval"] = "true" });
        var phantom = await node.SendPhantomAsync(slices: 41);
        var uid = phantom.Identity.StudyInstanceUid;
        var study = await node.WaitForStateAsync(uid, StudyState.Reported, TimeSpan.FromMinutes(4));
        var events = node.Host.Services.GetRequiredService<EventRepository>();
        Assert.Contains(await events.ListAsync(uid), e => e.Kind == "held-for-approval");
        await Task.Delay(TimeSpan.FromSeconds(3)); // an export job would have run by now
        Assert.Empty(node.Received());
        Assert.Equal(StudyState.Reported, (await node.Host.Services.GetRequiredService<StudyRepository>().GetAsync(uid))!.State);

        var s = node.Host.Services;
        var approvals = new ApprovalService(s.GetRequiredService<AuditDatabase>(), s.GetRequiredService<StudyRepository>(),
            s.GetRequiredService<ComputationRepository>(), events, s.GetRequiredService<IJobScheduler>(), s.GetRequiredService<IOptions<VoxDoseOptions>>(),
            TimeProvider.System);
        var outcome = await approvals.ApproveAsync(uid, study.Revision, "phys", CancellationToken.None);
        Assert.True(outcome.Approved, outcome.Message);
        Assert.False((await approvals.ApproveAsync(uid, study.Revision, "phys", CancellationToken.None)).Approved); // once per revision

        await node.WaitForStateAsync(uid, StudyState.Exported, TimeSpan.FromMinutes(1));
        var received = node.Received().Select(r => r.Dataset).ToList();
        Assert.Equal(3, received.Count);
        Assert.Single(received, d => d.GetString(DicomTag.Modality) == "RTDOSE");
        var sr = Assert.Single(received, d => d.GetString(DicomTag.Modality) == "SR");
        Assert.Equal("VERIFIED", sr.GetString(DicomTag.VerificationFlag));
        var pdf = Assert.Single(received, d => d.GetString(DicomTag.Modality) == "DOC");
        Assert.Contains("approved", pdf.GetString(DicomTag.DocumentTitle), StringComparison.Ordinal);
    }
}
