using System.Security.Cryptography;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Writes an incoming data set fragment by fragment to a temporary Part 10 file whose file meta information was
/// written first (from the C-STORE command and the presentation context), hashing every byte (SHA-256) as it is
/// written, so a handler can store the file by renaming it without reading it again. Disposing deletes the file if
/// it is still there (partial transfers, or a handler that did not move it).
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
            await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
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
            _sha256.AppendData(fragment.Span);
            _written += fragment.Length;
            FileLength += fragment.Length;
        }
        catch (IOException e)
        {
            WriteError = e;
            _discarded += fragment.Length;
        }
    }

    /// <summary>SHA-256 (lower-case hex) of the whole file as written, once <see cref="CompleteAsync"/> ran without a write error.</summary>
    public string? Sha256 { get; private set; }

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
        if (WriteError is null) Sha256 = Convert.ToHexStringLower(_sha256.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        _sha256.Dispose();
        await _file.DisposeAsync().ConfigureAwait(false);
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
