namespace VoxDose.Dicom;

/// <summary>A DICOM Part 10 file: the file meta information (group 0002) and the data set, with its transfer syntax.</summary>
public sealed class DicomFile
{
    public DicomFile(DicomDataset meta, DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        Meta = meta;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
    }

    /// <summary>File meta information (group 0002); rebuilt from the data set when saving.</summary>
    public DicomDataset Meta { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the data set was read in, and the one <see cref="Save(string)"/> writes.</summary>
    public DicomTransferSyntax TransferSyntax { get; set; }

    /// <summary>True when the file had the 128-byte preamble and "DICM".</summary>
    public bool HadPreamble { get; init; }

    /// <summary>True when reading stopped before pixel data (<see cref="DicomReadOptions.StopBeforePixelData"/>).</summary>
    public bool StoppedBeforePixelData { get; init; }

    /// <summary>Tolerated deviations found while reading (odd lengths, unsupported character sets, trailing bytes).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static DicomFile Open(string path, DicomReadOptions? options = null) => IO.DicomFileReader.Open(path, options ?? DicomReadOptions.Default);

    public static DicomFile Read(Stream stream, DicomReadOptions? options = null) => IO.DicomFileReader.Read(stream, options ?? DicomReadOptions.Default);

    /// <summary>A file for a data set; the meta group is built when saving. Default transfer syntax: Explicit VR Little Endian.</summary>
    public static DicomFile Create(DicomDataset dataset, DicomTransferSyntax? transferSyntax = null) =>
        new(new DicomDataset(), dataset, transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian);

    public void Save(string path)
    {
        var tmp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Save(fs);
            fs.Flush(flushToDisk: false);
        }
        File.Move(tmp, path, overwrite: true);
    }

    public void Save(Stream stream) => IO.DicomFileWriter.Write(stream, this);
}
