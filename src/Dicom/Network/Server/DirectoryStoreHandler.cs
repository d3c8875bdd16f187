namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// A plain receiver (like DCMTK's storescp): every accepted instance becomes <c>DIR/&lt;SOP Instance UID&gt;.dcm</c>.
/// The UID was validated by the server (digits and dots only), so it cannot escape the directory. The data set's own
/// SOP Class/Instance UIDs are checked against the command (A900 if they differ). A second instance with the same
/// SOP Instance UID replaces the first. Keep the server's temp directory on the same file system for cheap moves.
/// </summary>
public sealed class DirectoryStoreHandler : IDicomServiceHandler
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private readonly string _directory;

    public DirectoryStoreHandler(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Whether to read the received header and compare its UIDs with the command (default true).</summary>
    public bool VerifyDataSet { get; init; } = true;

    /// <summary>Called after each instance is stored, with its final path.</summary>
    public event Action<StoreRequest, string>? Stored;

    public ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        if (VerifyDataSet)
        {
            string? sopClass, sopInstance;
            try
            {
                var header = DicomFile.Open(request.FilePath, HeaderOnly);
                sopClass = header.Dataset.GetString(DicomTag.SOPClassUID)?.Trim();
                sopInstance = header.Dataset.GetString(DicomTag.SOPInstanceUID)?.Trim();
            }
            catch (DicomDataException e)
            {
                return ValueTask.FromResult(StoreStatusMapper.Response(StoreOutcome.DataSetUnreadable, "Data set cannot be parsed: " + e.Message));
            }
            if (sopClass != request.SopClassUid || sopInstance != request.SopInstanceUid)
                return ValueTask.FromResult(StoreStatusMapper.Response(StoreOutcome.DataSetDoesNotMatchSopClass, "(0008,0016)/(0008,0018) missing or not as in the command"));
        }
        var target = Path.Combine(_directory, request.SopInstanceUid + ".dcm");
        File.Move(request.FilePath, target, overwrite: true);
        Stored?.Invoke(request, target);
        return ValueTask.FromResult(StoreResponse.Success);
    }
}
