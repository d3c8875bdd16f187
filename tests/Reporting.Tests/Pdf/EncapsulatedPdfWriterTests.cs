using System.Text;
using VoxDose.Dicom;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.Pdf;

public class EncapsulatedPdfWriterTests
{
    [Fact]
    public void Odd_length_pdf_is_padded_and_its_true_length_recorded()
    {
        var report = SyntheticReport.Create(24, 20, 8);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 tiny");
        var ds = EncapsulatedPdfWriter.Build(report, EncapsulatedPdfWriter.NewIdentity(report), pdf);
        Assert.Equal("DOC", ds.GetString(DicomTag.Modality));
        Assert.Equal("application/pdf", ds.GetString(DicomTag.MIMETypeOfEncapsulatedDocument));
        Assert.Equal(pdf.Length, ds.GetInt(DicomTag.EncapsulatedDocumentLength));
        Assert.Equal(pdf.Length + 1, ds.GetBytes(DicomTag.EncapsulatedDocument).Length);
        Assert.Equal(SyntheticReport.PetStudyUid, ds.GetString(DicomTag.StudyInstanceUID));
    }

    [Fact]
    public void Refuses_what_is_not_a_pdf()
    {
        var report = SyntheticReport.Create(24, 20, 8);
        var ex = Assert.Throws<ArgumentException>(() => EncapsulatedPdfWriter.Build(report, EncapsulatedPdfWriter.NewIdentity(report), [1, 2, 3, 4, 5]));
        Assert.Contains("%PDF", ex.Message);
    }
}
