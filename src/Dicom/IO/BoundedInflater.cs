using System.IO.Compression;

namespace VoxDose.Dicom.IO;

/// <summary>
/// Inflates raw deflate data (RFC 1951, PS3.5 A.5) into memory a piece at a time and never past a limit
/// (<see cref="DicomReadOptions.MaxInflatedBytes"/>): a "deflate bomb" (1 MB that inflates to 1 GiB) is refused
/// before the memory is taken, and a header scan inflates only the bytes it parses.
/// </summary>
internal sealed class BoundedInflater : IDisposable
{
    private readonly DeflateStream _inflater;
    private readonly long _maxBytes;
    private byte[] _buffer = new byte[64 * 1024];

    public BoundedInflater(Stream deflated, long maxBytes)
    {
        _inflater = new DeflateStream(deflated, CompressionMode.Decompress, leaveOpen: true);
        _maxBytes = Math.Min(maxBytes, Array.MaxLength);
    }

    /// <summary>Bytes inflated so far.</summary>
    public int Length { get; private set; }

    /// <summary>True when the deflate stream has ended: <see cref="Length"/> is the whole inflated size.</summary>
    public bool Ended { get; private set; }

    /// <summary>Inflates until at least <paramref name="target"/> bytes are held or the stream ends.</summary>
    /// <exception cref="DicomDataException">The data inflates past the limit, or is corrupt.</exception>
    public void FillTo(long target)
    {
        try
        {
            while (!Ended && Length < target)
            {
                if (Length == _buffer.Length)
                {
                    if (Length >= _maxBytes) { CheckEndAtLimit(); return; }
                    Array.Resize(ref _buffer, (int)Math.Min(_maxBytes, Math.Max(2L * _buffer.Length, 64 * 1024)));
                }
                var n = _inflater.Read(_buffer, Length, _buffer.Length - Length);
                if (n == 0) Ended = true;
                Length += n;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DicomDataException($"Deflated data set is corrupt: {ex.Message}", ex);
        }
    }

    /// <summary>The inflated bytes so far, as an array of exactly <see cref="Length"/> bytes.</summary>
    public byte[] ToArray()
    {
        if (_buffer.Length == Length) return _buffer;
        return _buffer.AsSpan(0, Length).ToArray();
    }

    /// <summary>Inflates everything (up to the limit) and returns it.</summary>
    public byte[] ReadToEnd()
    {
        FillTo(long.MaxValue);
        if (_buffer.Length != Length) Array.Resize(ref _buffer, Length);
        return _buffer;
    }

    /// <summary>Inflates <paramref name="deflated"/> from <paramref name="offset"/> completely, refusing more than <paramref name="maxBytes"/>.</summary>
    public static byte[] Inflate(byte[] deflated, int offset, long maxBytes)
    {
        using var inflater = new BoundedInflater(new MemoryStream(deflated, offset, deflated.Length - offset, writable: false), maxBytes);
        return inflater.ReadToEnd();
    }

    private void CheckEndAtLimit()
    {
        Span<byte> probe = stackalloc byte[1];
        if (_inflater.Read(probe) == 0)
        {
            Ended = true;
            return;
        }
        throw new DicomDataException(
            $"Deflated data set inflates to more than {_maxBytes} bytes (limit DicomReadOptions.MaxInflatedBytes); refused as a possible deflate bomb.");
    }

    public void Dispose() => _inflater.Dispose();
}
