using System.Buffers.Binary;

namespace VoxDose.Dicom.IO;

/// <summary>Encodes elements to a stream in one of the uncompressed encodings (explicit/implicit VR, little/big endian).</summary>
internal sealed class DicomEncoder
{
    private readonly Stream _out;
    private readonly bool _explicit;
    private readonly bool _le;
    private readonly byte[] _header = new byte[12];

    public DicomEncoder(Stream output, bool explicitVR, bool littleEndian)
    {
        _out = output;
        _explicit = explicitVR;
        _le = littleEndian;
    }

    public void WriteDataset(DicomDataset dataset, bool topLevel)
    {
        ushort? lengthWrittenFor = null;
        foreach (var e in dataset)
        {
            if (e.Tag.Element == 0)
            {
                // Group lengths: recomputed for 0000 (command) and 0002 (meta); retired elsewhere, dropped.
                continue;
            }
            if (e.Tag.Group is 0x0000 or 0x0002 && lengthWrittenFor != e.Tag.Group)
            {
                lengthWrittenFor = e.Tag.Group;
                uint groupLength = 0;
                foreach (var g in dataset)
                    if (g.Tag.Group == e.Tag.Group && g.Tag.Element != 0) groupLength += (uint)ElementLength(g);
                var v = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(v, groupLength);
                WriteElement(new DicomElement(new DicomTag(e.Tag.Group, 0), DicomVR.UL, v));
            }
            _ = topLevel;
            WriteElement(e);
        }
    }

    /// <summary>Encoded size of a data set (sum of its elements, group lengths of 0000/0002 included).</summary>
    public long DatasetLength(DicomDataset dataset)
    {
        long total = 0;
        ushort? counted = null;
        foreach (var e in dataset)
        {
            if (e.Tag.Element == 0) continue;
            if (e.Tag.Group is 0x0000 or 0x0002 && counted != e.Tag.Group)
            {
                counted = e.Tag.Group;
                total += 12;
            }
            total += ElementLength(e);
        }
        return total;
    }

    /// <summary>Encoded size of one element: header plus padded value.</summary>
    public long ElementLength(DicomElement e) => HeaderLength(EffectiveVR(e)) + ValueLength(e);

    /// <summary>A short-length VR with a value over 64 KiB cannot be encoded in explicit VR; it is written as UN (PS3.5 6.2.2).</summary>
    private DicomVR EffectiveVR(DicomElement e) =>
        _explicit && !e.IsSequence && e.Fragments is null && !DicomVRInfo.HasLongLength(e.VR) && Padded(e.Data.Length) > ushort.MaxValue ? DicomVR.UN
        : e.VR == DicomVR.None ? DicomVR.UN : e.VR;

    private int HeaderLength(DicomVR vr) => !_explicit ? 8 : DicomVRInfo.HasLongLength(vr) ? 12 : 8;

    private long ValueLength(DicomElement e)
    {
        if (e.IsSequence)
        {
            long total = 0;
            foreach (var item in e.Items) total += 8 + DatasetLength(item);
            return total;
        }
        if (e.Fragments is { } f)
        {
            long total = 8 + Padded(f.OffsetTable.Length) + 8;
            foreach (var frag in f.Fragments) total += 8 + Padded(frag.Length);
            return total;
        }
        return Padded(e.Data.Length);
    }

    private static long Padded(int length) => length + (length & 1);

    private void WriteElement(DicomElement e)
    {
        var vr = e.VR;
        if (_explicit && vr == DicomVR.None) vr = DicomVR.UN;
        if (e.Fragments is { } fragments)
        {
            WriteHeader(e.Tag, vr, 0xFFFFFFFF);
            WriteItem(0xE000, fragments.OffsetTable.Span, 0);
            foreach (var frag in fragments.Fragments) WriteItem(0xE000, frag.Span, 0);
            WriteTagAndLength(0xFFFE, 0xE0DD, 0);
            return;
        }
        if (e.IsSequence)
        {
            WriteHeader(e.Tag, vr, (uint)ValueLength(e));
            foreach (var item in e.Items)
            {
                WriteTagAndLength(0xFFFE, 0xE000, (uint)DatasetLength(item));
                WriteDataset(item, topLevel: false);
            }
            return;
        }
        var data = e.Data.Span;
        var padded = (uint)Padded(data.Length);
        WriteHeader(e.Tag, EffectiveVR(e), padded);
        var unit = DicomVRInfo.SwapUnit(vr);
        if (!_le && unit > 1) _out.Write(ByteSwap.Swapped(data, unit));
        else _out.Write(data);
        if ((data.Length & 1) == 1) _out.WriteByte(DicomVRInfo.PaddingByte(vr));
    }

    private void WriteItem(ushort element, ReadOnlySpan<byte> data, byte pad)
    {
        WriteTagAndLength(0xFFFE, element, (uint)Padded(data.Length));
        _out.Write(data);
        if ((data.Length & 1) == 1) _out.WriteByte(pad);
    }

    private void WriteTagAndLength(ushort group, ushort element, uint length)
    {
        var h = _header.AsSpan(0, 8);
        if (_le)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h, group);
            BinaryPrimitives.WriteUInt16LittleEndian(h[2..], element);
            BinaryPrimitives.WriteUInt32LittleEndian(h[4..], length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(h, group);
            BinaryPrimitives.WriteUInt16BigEndian(h[2..], element);
            BinaryPrimitives.WriteUInt32BigEndian(h[4..], length);
        }
        _out.Write(h);
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        if (!_explicit)
        {
            WriteTagAndLength(tag.Group, tag.Element, length);
            return;
        }
        var h = _header.AsSpan();
        if (_le)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(h[2..], tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(h, tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(h[2..], tag.Element);
        }
        h[4] = (byte)((ushort)vr >> 8);
        h[5] = (byte)vr;
        if (DicomVRInfo.HasLongLength(vr))
        {
            h[6] = 0;
            h[7] = 0;
            if (_le) BinaryPrimitives.WriteUInt32LittleEndian(h[8..], length);
            else BinaryPrimitives.WriteUInt32BigEndian(h[8..], length);
            _out.Write(h[..12]);
        }
        else
        {
            if (_le) BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)length);
            else BinaryPrimitives.WriteUInt16BigEndian(h[6..], (ushort)length);
            _out.Write(h[..8]);
        }
    }
}
