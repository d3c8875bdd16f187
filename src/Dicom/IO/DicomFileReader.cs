using System.Buffers.Binary;

namespace VoxDose.Dicom.IO;

/// <summary>
/// Reads Part 10 files (PS3.10 7.1): optional preamble and "DICM", the meta group in Explicit VR Little Endian
/// (implicit tolerated), then the data set in the transfer syntax the meta group names. Files without preamble or
/// meta are accepted; their encoding is detected from the first element.
/// </summary>
internal static class DicomFileReader
{
    private static readonly int[] ScanChunks = [16 * 1024, 256 * 1024];

    public static DicomFile Open(string path, DicomReadOptions options)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return Read(fs, options);
        }
        catch (DicomDataException ex)
        {
            throw new DicomDataException($"{path}: {ex.Message}", ex);
        }
    }

    public static DicomFile Read(Stream stream, DicomReadOptions options) => Read(stream, options, ScanChunks);

    /// <param name="stream">The stream, from its current position.</param>
    /// <param name="options">Read options.</param>
    /// <param name="scanChunks">Prefix sizes a header scan tries before reading everything (tests use small ones to cut files everywhere).</param>
    internal static DicomFile Read(Stream stream, DicomReadOptions options, IReadOnlyList<int> scanChunks)
    {
        if (options.StopBeforePixelData && stream.CanSeek)
        {
            // Header scan: parse a prefix, then a larger one (private headers such as Siemens CSA run to tens of KB),
            // then everything; parsing is cheap next to reading pixel data we do not need.
            var start = stream.Position;
            foreach (var size in scanChunks)
            {
                stream.Position = start;
                var prefix = ReadUpTo(stream, size, out var ended);
                try
                {
                    return Parse(prefix, ended, options, stream, start);
                }
                catch (NeedMoreDataException) when (!ended)
                {
                }
            }
            stream.Position = start;
        }
        byte[] all;
        if (stream is FileStream fs && fs.CanSeek)
        {
            all = new byte[fs.Length - fs.Position];
            fs.ReadExactly(all);
        }
        else
        {
            all = DicomDatasetReader.ReadAll(stream);
        }
        return Parse(all, true, options, null, 0);
    }

    private static byte[] ReadUpTo(Stream stream, int count, out bool ended)
    {
        var buffer = new byte[count];
        var n = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        ended = n < count;
        if (ended) Array.Resize(ref buffer, n);
        return buffer;
    }

    /// <summary>Bytes a prefix must hold to tell preamble, "DICM" and the first element header apart.</summary>
    private const int MinimumPrefix = 128 + 4 + 12;

    /// <param name="buffer">The file, or a prefix of it.</param>
    /// <param name="complete">True when <paramref name="buffer"/> is the whole file.</param>
    /// <param name="options">Read options.</param>
    /// <param name="source">The seekable stream the prefix came from (a deflated body is inflated from it), or null.</param>
    /// <param name="sourceStart">Position of the prefix's first byte in <paramref name="source"/>.</param>
    private static DicomFile Parse(byte[] buffer, bool complete, DicomReadOptions options, Stream? source, long sourceStart)
    {
        if (!complete && buffer.Length < MinimumPrefix) throw new NeedMoreDataException();
        var pos = 0;
        var hadPreamble = false;
        if (buffer.Length >= 132 && buffer.AsSpan(128, 4).SequenceEqual("DICM"u8))
        {
            pos = 132;
            hadPreamble = true;
        }
        else if (buffer.Length >= 4 && buffer.AsSpan(0, 4).SequenceEqual("DICM"u8))
        {
            pos = 4;
        }
        else if (buffer.Length < 8)
        {
            throw new DicomDataException($"Not a DICOM file: only {buffer.Length} bytes.");
        }

        var parser = new DicomParser(buffer, complete, options);
        var meta = new DicomDataset();
        if (buffer.Length - pos >= 8 && BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(pos)) == 0x0002)
            meta = parser.ParseGroup(ref pos, buffer.Length, 0x0002);

        if (!hadPreamble && meta.Count == 0) RequirePlausibleStart(buffer, pos, complete);

        DicomTransferSyntax ts;
        var tsUid = meta.GetString(DicomTag.TransferSyntaxUID);
        if (!string.IsNullOrEmpty(tsUid)) ts = DicomTransferSyntax.Lookup(tsUid);
        else ts = Detect(buffer, pos, hadPreamble);

        DicomDataset dataset;
        if (ts.IsDeflated)
        {
            if (!complete && source is null) throw new NeedMoreDataException("A deflated data set is inflated from the stream.");
            var metaWarnings = parser.Warnings;
            Stream deflated;
            if (complete) deflated = new MemoryStream(buffer, pos, buffer.Length - pos, writable: false);
            else
            {
                deflated = source!;
                deflated.Position = sourceStart + pos;
            }
            (parser, dataset) = ParseDeflated(deflated, options);
            parser.Warnings.InsertRange(0, metaWarnings);
        }
        else
        {
            var encoding = ts;
            if (!LooksLike(buffer, pos, ts))
            {
                // The meta group names one encoding but the data set uses another (seen in the wild); follow the data.
                var detected = Detect(buffer, pos, hadPreamble);
                parser.Warnings.Add($"Transfer syntax {ts.Uid} in the meta group does not match the data set encoding; read as {detected.Name}.");
                // Keep a compressed transfer syntax (it describes the pixel data); otherwise the detected one is the truth.
                encoding = detected;
                if (!ts.IsEncapsulated) ts = detected;
            }
            dataset = parser.ParseDataset(pos, buffer.Length, encoding.IsExplicitVR, encoding.IsLittleEndian);
        }
        // A meta group with nothing after it is a file cut short (DCMTK prints it as an empty data set, "{}" in JSON).
        if (dataset.Count == 0 && meta.Count > 0 && !parser.StoppedBeforePixelData)
            throw new DicomDataException("The file ends after its meta information: no data set (empty or truncated file).");
        var warnings = parser.Warnings;
        if (dataset.CharacterSet.Warning is { } w) warnings.Add(w);
        return new DicomFile(meta, dataset, ts)
        {
            HadPreamble = hadPreamble,
            StoppedBeforePixelData = parser.StoppedBeforePixelData,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Parses a deflated data set inflated from <paramref name="deflated"/> with a bounded inflater. A header scan
    /// inflates 64 KiB, then four times more each time, until the header parses: only the header is inflated.
    /// </summary>
    private static (DicomParser Parser, DicomDataset Dataset) ParseDeflated(Stream deflated, DicomReadOptions options)
    {
        using var inflater = new BoundedInflater(deflated, options.MaxInflatedBytes);
        if (!options.StopBeforePixelData)
        {
            var body = inflater.ReadToEnd();
            var parser = new DicomParser(body, true, options);
            return (parser, parser.ParseDataset(0, body.Length, true, true));
        }
        for (long target = 64 * 1024; ; target *= 4)
        {
            inflater.FillTo(target);
            var body = inflater.ToArray();
            var parser = new DicomParser(body, inflater.Ended, options);
            try
            {
                return (parser, parser.ParseDataset(0, body.Length, true, true));
            }
            catch (NeedMoreDataException) when (!inflater.Ended)
            {
            }
        }
    }

    /// <summary>
    /// Without preamble and meta group, the data must start with a plausible element (even, non-private group; a
    /// value length that fits); otherwise it is not DICOM (text, JSON, gzip...) and is refused with that reason.
    /// </summary>
    private static void RequirePlausibleStart(byte[] b, int pos, bool complete)
    {
        var ts = Detect(b, pos, false);
        var le = ts.IsLittleEndian;
        var span = b.AsSpan(pos);
        var group = le ? BinaryPrimitives.ReadUInt16LittleEndian(span) : BinaryPrimitives.ReadUInt16BigEndian(span);
        var element = le ? BinaryPrimitives.ReadUInt16LittleEndian(span[2..]) : BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        uint length;
        if (!ts.IsExplicitVR) length = le ? BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) : BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        else if (DicomVRInfo.TryParse(span[4], span[5], out var vr) && DicomVRInfo.HasLongLength(vr))
            length = span.Length >= 12 ? (le ? BinaryPrimitives.ReadUInt32LittleEndian(span[8..]) : BinaryPrimitives.ReadUInt32BigEndian(span[8..])) : uint.MaxValue;
        else length = le ? BinaryPrimitives.ReadUInt16LittleEndian(span[6..]) : BinaryPrimitives.ReadUInt16BigEndian(span[6..]);
        var fits = length == 0xFFFFFFFF || length <= (uint)(span.Length - 8);
        var plausibleTag = (group & 1) == 0 && group != 0 && group < 0x7FE0;
        // In a prefix (header scan) a first value longer than the prefix may still fit in the file.
        if (plausibleTag && !fits && !complete) throw new NeedMoreDataException();
        if (!plausibleTag || !fits)
            throw new DicomDataException(
                $"Not a DICOM file: no 'DICM' marker and no meta group, and the data does not start with a plausible element (first bytes read as ({group:X4},{element:X4}) with length {length}).");
    }

    /// <summary>Guesses the encoding of a data set from its first element header.</summary>
    private static DicomTransferSyntax Detect(byte[] b, int pos, bool hadPreamble)
    {
        if (b.Length - pos < 8) return DicomTransferSyntax.ExplicitVRLittleEndian;
        var groupLe = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(pos));
        var groupBe = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(pos));
        var explicitVR = DicomVRInfo.TryParse(b[pos + 4], b[pos + 5], out _);
        var little = groupLe <= groupBe;
        _ = hadPreamble;
        if (!explicitVR) return DicomTransferSyntax.ImplicitVRLittleEndian;
        return little ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ExplicitVRBigEndian;
    }

    /// <summary>True when the first element at <paramref name="pos"/> is consistent with the transfer syntax.</summary>
    private static bool LooksLike(byte[] b, int pos, DicomTransferSyntax ts)
    {
        if (b.Length - pos < 8) return true;
        var hasVR = DicomVRInfo.TryParse(b[pos + 4], b[pos + 5], out _);
        return ts.IsExplicitVR == hasVR;
    }
}
