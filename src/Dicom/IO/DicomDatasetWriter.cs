using System.Buffers.Binary;
using System.IO.Compression;

namespace VoxDose.Dicom;

/// <summary>
/// Writes a bare data set in a transfer syntax (PS3.5 section 7): elements in tag order, sequences and items with
/// defined lengths, encapsulated pixel data as undefined-length fragment items, odd values padded (UI with NUL,
/// other strings with space, binary with 0). Group lengths are written only for groups 0000 and 0002 (recomputed);
/// the retired group lengths of other groups are dropped. The output depends only on the data set, so writing the
/// same data set twice gives the same bytes.
/// </summary>
public static class DicomDatasetWriter
{
    public static void Write(Stream stream, DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (dataset.HoldsProvisionalUtf8 && !dataset.Contains(DicomTag.SpecificCharacterSet))
            throw new DicomDataException(DicomTag.SpecificCharacterSet,
                "is absent but the data set holds non-ASCII text; set it (e.g. ISO_IR 192) before writing.");
        if (transferSyntax.IsDeflated)
        {
            using var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            new IO.DicomEncoder(deflate, true, true).WriteDataset(dataset, topLevel: true);
            return;
        }
        if (!transferSyntax.IsEncapsulated && HasEncapsulatedPixelData(dataset))
            throw new DicomDataException(DicomTag.PixelData,
                $"holds compressed fragments, which cannot be written in {transferSyntax.Name} (decompression is not supported).");
        var buffered = stream is MemoryStream or BufferedStream or FileStream ? stream : new BufferedStream(stream, 1 << 16);
        new IO.DicomEncoder(buffered, transferSyntax.IsExplicitVR, transferSyntax.IsLittleEndian).WriteDataset(dataset, topLevel: true);
        if (!ReferenceEquals(buffered, stream)) buffered.Flush();
    }

    /// <summary>The encoded bytes of a data set.</summary>
    public static byte[] ToBytes(DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        using var ms = new MemoryStream();
        Write(ms, dataset, transferSyntax);
        return ms.ToArray();
    }

    private static bool HasEncapsulatedPixelData(DicomDataset dataset) =>
        dataset.Find(DicomTag.PixelData)?.IsEncapsulated == true;
}
