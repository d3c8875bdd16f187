using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Pdf;

namespace VoxDose.Reporting.Verification;

/// <summary>
/// The approved report: the same PDF with an approval line on every page ("Approved by NAME (role) on DATE UTC"),
/// re-encapsulated as a new Encapsulated PDF instance in the same series (next Instance Number).
/// </summary>
public static class ApprovedPdf
{
    public static string Line(ReportApproval approval) =>
        $"Approved by {approval.ObserverName.Replace('^', ' ').Trim()} ({approval.Role}) on " +
        approval.ApprovedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static byte[] Stamp(byte[] pdf, ReportApproval approval)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(approval);
        DejaVuFontResolver.EnsureInstalled();
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var font = new XFont("DejaVu Sans", 10, XFontStyleEx.Bold);
        var text = Line(approval);
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString(text, font, XBrushes.DarkGreen, new XPoint(PdfCursor.Margin, 24));
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A new Encapsulated PDF instance holding <paramref name="approvedPdf"/>, otherwise a copy of <paramref name="original"/>.</summary>
    public static DicomDataset Encapsulate(DicomDataset original, byte[] approvedPdf, ReportApproval approval)
    {
        var ds = original.Clone();
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        var instanceNumber = original.TryGetInt(DicomTag.InstanceNumber, out var n) ? n + 1 : 2;
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, instanceNumber.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.InstanceCreationDate, DicomVR.DA, approval.ApprovedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.InstanceCreationTime, DicomVR.TM, approval.ApprovedAt.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.DocumentTitle, DicomVR.ST, "Y-90 radioembolization dosimetry report (approved)");
        ds.AddOrUpdate(DicomTag.EncapsulatedDocumentLength, DicomVR.UL, approvedPdf.Length);
        var padded = approvedPdf.Length % 2 == 0 ? approvedPdf : [.. approvedPdf, 0];
        ds.AddOrUpdate(DicomTag.EncapsulatedDocument, DicomVR.OB, padded);
        return ds;
    }
}
