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
    private readonly long _headerLength;

    private TempFileDataSetSink(string path, FileStream file)
    {
        Path = path;
        _file = file;
        _headerLength = file.Length;
    }

    public string Path { get; }

    public long Length => _file.Length - _headerLength;

    public static async Task<TempFileDataSetSink> CreateAsync(string directory, string sopClassUid, string sopInstanceUid, string transferSyntaxUid,
        string? sourceAeTitle, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, $"{Guid.NewGuid():N}.part");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            await Part10Header.WriteAsync(file, sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAeTitle, cancellationToken).ConfigureAwait(false);
            return new TempFileDataSetSink(path, file);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            File.Delete(path);
            throw;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken) => _file.WriteAsync(fragment, cancellationToken);

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
