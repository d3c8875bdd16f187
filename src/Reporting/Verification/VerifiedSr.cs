using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;

namespace VoxDose.Reporting.Verification;

/// <summary>
/// Re-issues an UNVERIFIED SR as VERIFIED (PS3.3 C.17.2 SR Document General): Verification Flag VERIFIED, a
/// Verifying Observer Sequence (name, organization, verification date/time, identification code sequence empty),
/// a new SOP Instance UID in the same series with the next Instance Number, and the unverified document in the
/// Predecessor Documents Sequence. The content tree is unchanged: the physicist verified exactly those numbers.
/// </summary>
public static class VerifiedSr
{
    public static DicomDataset Build(DicomDataset unverified, ReportApproval approval)
    {
        ArgumentNullException.ThrowIfNull(unverified);
        ArgumentNullException.ThrowIfNull(approval);
        if (unverified.GetString(DicomTag.SOPClassUID) is not { } sopClass || unverified.GetString(DicomTag.SOPInstanceUID) is not { } predecessor)
            throw new ArgumentException("The SR has no SOP Class or Instance UID.", nameof(unverified));
        if (unverified.GetString(DicomTag.VerificationFlag) == "VERIFIED")
            throw new ArgumentException("The SR is already verified.", nameof(unverified));

        var ds = unverified.Clone();
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        var instanceNumber = unverified.TryGetInt(DicomTag.InstanceNumber, out var n) ? n + 1 : 2;
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, instanceNumber.ToString(CultureInfo.InvariantCulture));
        var now = approval.ApprovedAt;
        ds.AddOrUpdate(DicomTag.InstanceCreationDate, DicomVR.DA, now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.InstanceCreationTime, DicomVR.TM, now.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture));

        ds.AddOrUpdate(DicomTag.VerificationFlag, DicomVR.CS, "VERIFIED");
        var observer = new DicomDataset();
        observer.AddOrUpdate(DicomTag.VerifyingObserverName, DicomVR.PN, DicomText.Fit(approval.ObserverName, 64));
        observer.AddOrUpdateSequence(DicomTag.VerifyingObserverIdentificationCodeSequence);
        observer.AddOrUpdate(DicomTag.VerifyingOrganization, DicomVR.LO, DicomText.Fit(approval.Organization, 64));
        observer.AddOrUpdate(DicomTag.VerificationDateTime, DicomVR.DT, DicomText.DateTime(now));
        ds.AddOrUpdateSequence(DicomTag.VerifyingObserverSequence, observer);

        // Predecessor Documents Sequence (Hierarchical SOP Instance Reference): the unverified SR this one replaces.
        var series = new DicomDataset();
        series.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, unverified.GetString(DicomTag.SeriesInstanceUID) ?? "");
        series.AddOrUpdateSequence(DicomTag.ReferencedSOPSequence, CommonModules.SopReference(sopClass, predecessor));
        var study = new DicomDataset();
        study.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, unverified.GetString(DicomTag.StudyInstanceUID) ?? "");
        study.AddOrUpdateSequence(DicomTag.ReferencedSeriesSequence, series);
        var predecessors = unverified.GetSequence(DicomTag.PredecessorDocumentsSequence).Select(i => i.Clone()).Append(study).ToList();
        ds.AddOrUpdateSequence(DicomTag.PredecessorDocumentsSequence, predecessors);
        return ds;
    }
}
