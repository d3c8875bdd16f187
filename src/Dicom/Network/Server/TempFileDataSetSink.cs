using System.Security.Cryptography;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Writes an incoming data set fragment by fragment to a temporary Part 10 file whose file meta information was
/// written first (from the C-STORE command and the presentation context), hashing every byte (SHA-256) as it is
/// written, so a handler can store the file by renaming it without reading it again. Disposing deletes the file if
/// it is still there (partial transfers, or a handler that did not move it).
/// <para>
/// Writes are synchronous on purpose: the file is unbuffered and a fragment goes to the page cache in one write(2),
/// while FileStream.WriteAsync on Unix queues every write to the thread pool (a thread hand-off and a wake-up per
/// fragment, measured per instance in docs/performance.md, "Ingest, fourth pass").
/// </para>
/// </summary>
internal sealed class TempFileDataSetSink : IDataSetSink
{
    private readonly FileStream _file;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

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

    /// <summary>Bytes of the data set received (written or discarded after a write error).</summary>
    public long Length => _written + _discarded;

    /// <summary>Bytes in the file: the Part 10 header and the data set written so far.</summary>
    public long FileLength { get; private set; }

    public static async Task<TempFileDataSetSink> CreateAsync(string directory, string sopClassUid, string sopInstanceUid, string transferSyntaxUid,
        string? sourceAeTitle, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, $"{Guid.NewGuid():N}.part");
        var file = VoxDose.Dicom.IO.PrivateFiles.Create(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0); // 0600
        try
        {
            using var header = new MemoryStream();
            await Part10Header.WriteAsync(header, sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAeTitle, cancellationToken).ConfigureAwait(false);
            var bytes = header.GetBuffer().AsMemory(0, (int)header.Length);
            file.Write(bytes.Span);
            var syntax = DicomTransferSyntax.Lookup(transferSyntaxUid);
            var sink = new TempFileDataSetSink(path, file, syntax.IsDeflated ? null : new DataSetStructureChecker(syntax)) { FileLength = bytes.Length };
            sink._sha256.AppendData(bytes.Span);
            return sink;
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

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        _structure?.Add(fragment.Span);
        if (WriteError is not null)
        {
            _discarded += fragment.Length;
            return ValueTask.CompletedTask;
        }
        try
        {
            _file.Write(fragment.Span);
            _sha256.AppendData(fragment.Span);
            _written += fragment.Length;
            FileLength += fragment.Length;
        }
        catch (IOException e)
        {
            WriteError = e;
            _discarded += fragment.Length;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>SHA-256 (lower-case hex) of the whole file as written, once <see cref="CompleteAsync"/> ran without a write error.</summary>
    public string? Sha256 { get; private set; }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        StructureError = _structure?.Complete();
        try
        {
            if (WriteError is null) _file.Flush();
        }
        catch (IOException e)
        {
            WriteError = e;
        }
        _file.Dispose();
        if (WriteError is null) Sha256 = Convert.ToHexStringLower(_sha256.GetHashAndReset());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _sha256.Dispose();
        _file.Dispose();
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
