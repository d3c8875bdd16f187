using System.Buffers.Binary;

namespace VoxDose.Dicom;

/// <summary>
/// Follows the framing of a data set as its bytes stream in (C-STORE fragments), without keeping them: element
/// headers, defined lengths skipped, undefined-length sequences, items and encapsulated fragments walked to their
/// delimiters. <see cref="Complete"/> then tells whether the data set ended exactly at an element boundary with
/// every sequence closed; a data set cut inside Pixel Data, inside a header or inside a sequence does not.
/// Memory is constant (a small stack of open undefined-length constructs). Not for deflated data sets.
/// </summary>
public sealed class DataSetStructureChecker
{
    private const uint Undefined = 0xFFFFFFFF;
    private const int MaxDepth = 64;

    private enum Kind { Dataset, Sequence, Fragments }

    private readonly record struct Frame(Kind Kind, bool ExplicitVR, DicomTag Tag);

    private readonly bool _littleEndian;
    private readonly Stack<Frame> _frames = new();
    private readonly byte[] _header = new byte[12];
    private int _headerLength;
    private long _skip;
    private long _position;
    private DicomTag _lastTag;
    private long _lastLength;

    public DataSetStructureChecker(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (transferSyntax.IsDeflated) throw new ArgumentException("A deflated data set is checked after inflation.", nameof(transferSyntax));
        _littleEndian = transferSyntax.IsLittleEndian;
        _frames.Push(new Frame(Kind.Dataset, transferSyntax.IsExplicitVR, default));
    }

    /// <summary>The first structural error found, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Feeds the next bytes of the data set.</summary>
    public void Add(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && Error is null)
        {
            if (_skip > 0)
            {
                var n = (int)Math.Min(_skip, data.Length);
                _skip -= n;
                _position += n;
                data = data[n..];
                continue;
            }
            var need = HeaderSize();
            var take = Math.Min(need - _headerLength, data.Length);
            data[..take].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += take;
            data = data[take..];
            if (_headerLength == need && HeaderSize() == need)
            {
                _position += need;
                _headerLength = 0;
                OnHeader(need);
            }
        }
    }

    /// <summary>Null when the data set ended cleanly; otherwise why it did not (also set in <see cref="Error"/>).</summary>
    public string? Complete()
    {
        if (Error is not null) return Error;
        if (_skip > 0)
            Error = $"data set ends inside the value of {_lastTag} ({_skip} of {_lastLength} bytes missing)";
        else if (_headerLength > 0)
            Error = $"data set ends inside an element header at offset {_position} ({_headerLength} of {HeaderSize()} bytes)";
        else if (_frames.Count > 1)
            Error = $"data set ends inside {_frames.Peek().Tag} before its {(_frames.Peek().Kind == Kind.Dataset ? "item" : "sequence")} delimiter";
        return Error;
    }

    /// <summary>Bytes of the header expected now: 8, or 12 for an explicit-VR element with a long VR (once its VR bytes are in).</summary>
    private int HeaderSize()
    {
        var frame = _frames.Peek();
        if (frame.Kind != Kind.Dataset || !frame.ExplicitVR || _headerLength < 6) return 8;
        if (U16(_header) == 0xFFFE) return 8;
        return DicomVRInfo.TryParse(_header[4], _header[5], out var vr) && DicomVRInfo.HasLongLength(vr) ? 12 : 8;
    }

    private void OnHeader(int size)
    {
        var frame = _frames.Peek();
        var tag = new DicomTag(U16(_header), U16(_header.AsSpan(2)));
        if (frame.Kind != Kind.Dataset)
        {
            var itemLength = U32(_header.AsSpan(4));
            if (tag.Value == 0xFFFEE0DD) { _frames.Pop(); return; }
            if (tag.Value != 0xFFFEE000) { Error = $"expected an item in {frame.Tag} at offset {_position - 8}, found {tag}"; return; }
            if (itemLength == Undefined)
            {
                if (frame.Kind == Kind.Fragments) { Error = $"fragment of {frame.Tag} with undefined length at offset {_position - 8}"; return; }
                Push(new Frame(Kind.Dataset, frame.ExplicitVR, frame.Tag));
                return;
            }
            Skip(frame.Tag, itemLength);
            return;
        }

        if (tag.Group == 0xFFFE)
        {
            if (tag.Value == 0xFFFEE00D && _frames.Count > 1) { _frames.Pop(); return; }
            if (tag.Value == 0xFFFEE0DD && _frames.Count == 1) return; // a stray sequence delimiter: tolerated as the reader does
            Error = $"unexpected {tag} at offset {_position - 8}";
            return;
        }

        uint length;
        var vr = DicomVR.UN;
        var explicitElement = frame.ExplicitVR;
        if (explicitElement)
        {
            var known = DicomVRInfo.TryParse(_header[4], _header[5], out vr);
            if (!known && IsUpper(_header[4]) && IsUpper(_header[5])) { explicitElement = false; length = U32(_header.AsSpan(4)); }
            else if (!known) length = U16(_header.AsSpan(6)); // an illegal VR ("  "): 2-byte length, as DCMTK reads it
            else length = size == 12 ? U32(_header.AsSpan(8)) : U16(_header.AsSpan(6));
        }
        else
        {
            length = U32(_header.AsSpan(4));
        }
        if (length != Undefined)
        {
            Skip(tag, length);
            return;
        }
        if (tag == DicomTag.PixelData || (explicitElement && vr is DicomVR.OB or DicomVR.OW))
            Push(new Frame(Kind.Fragments, false, tag));
        else
            Push(new Frame(Kind.Sequence, vr != DicomVR.UN && explicitElement, tag));
    }

    private void Push(Frame frame)
    {
        if (_frames.Count > MaxDepth) { Error = $"sequences nest deeper than {MaxDepth} levels at {frame.Tag}"; return; }
        _frames.Push(frame);
    }

    private void Skip(DicomTag tag, uint length)
    {
        _lastTag = tag;
        _lastLength = length;
        _skip = length;
    }

    private static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    private ushort U16(ReadOnlySpan<byte> s) => _littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

    private uint U32(ReadOnlySpan<byte> s) => _littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
}
