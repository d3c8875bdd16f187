using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Writes an incoming data set fragment by fragment to a temporary Part 10 file whose file meta information was
/// written first (from the C-STORE command and the presentation context). Disposing deletes the file if it is
/// still there (partial transfers, or a handler that did not move it).
/// </summary>
internal sealed class TempFileDataSetSink : IDataSetSink
{
    private readonly FileStream _file;

    private readonly DataSetStructureChecker? _structure;

    private TempFileDataSetSink(string path, FileStream file, DataSetStructureChecker? structure)
    {
        Path = path;
        _file = file;
        _structure = structure;
    }

    /// <summary>
    /// Set when the data set ended early or did not parse to its end (checked while it arrives, for every transfer
    /// syntax but deflated): the C-STORE is refused, never stored.
    /// </summary>
    public string? StructureError { get; private set; }

    public string Path { get; }

    public long Length => _written + _discarded;

    public static async Task<TempFileDataSetSink> CreateAsync(string directory, string sopClassUid, string sopInstanceUid, string transferSyntaxUid,
        string? sourceAeTitle, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, $"{Guid.NewGuid():N}.part");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            await Part10Header.WriteAsync(file, sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAeTitle, cancellationToken).ConfigureAwait(false);
            var syntax = DicomTransferSyntax.Lookup(transferSyntaxUid);
            return new TempFileDataSetSink(path, file, syntax.IsDeflated ? null : new DataSetStructureChecker(syntax));
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Set when the file could not be written (disk full...): later fragments are discarded and the C-STORE
    /// is answered with A700 (out of resources) instead of aborting the association.</summary>
    public Exception? WriteError { get; private set; }

    private long _discarded;
    private long _written;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        _structure?.Add(fragment.Span);
        if (WriteError is not null)
        {
            _discarded += fragment.Length;
            return;
        }
        try
        {
            await _file.WriteAsync(fragment, cancellationToken).ConfigureAwait(false);
            _written += fragment.Length;
        }
        catch (IOException e)
        {
            WriteError = e;
            _discarded += fragment.Length;
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        StructureError = _structure?.Complete();
        try
        {
            if (WriteError is null) await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            WriteError = e;
        }
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
