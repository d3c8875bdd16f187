using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VoxDose.Dicom;

/// <summary>
/// Native (uncompressed) pixel data of a data set (PS3.5 8.1, PS3.3 C.7.6.3): geometry, frames as typed spans, and the
/// modality rescale (Rescale Slope/Intercept, PS3.3 C.11.1). Encapsulated (compressed) pixel data is refused with a
/// <see cref="DicomDataException"/>; decoding codecs is not part of VoxDose.
/// </summary>
public sealed class DicomPixelData
{
    private readonly ReadOnlyMemory<byte> _data;

    private DicomPixelData(DicomDataset ds)
    {
        Rows = ds.GetInt(DicomTag.Rows);
        Columns = ds.GetInt(DicomTag.Columns);
        SamplesPerPixel = ds.TryGetInt(DicomTag.SamplesPerPixel, out var spp) ? spp : 1;
        BitsAllocated = ds.GetInt(DicomTag.BitsAllocated);
        BitsStored = ds.TryGetInt(DicomTag.BitsStored, out var bs) ? bs : BitsAllocated;
        HighBit = ds.TryGetInt(DicomTag.HighBit, out var hb) ? hb : BitsStored - 1;
        IsSigned = ds.TryGetInt(DicomTag.PixelRepresentation, out var pr) && pr == 1;
        NumberOfFrames = ds.TryGetInt(DicomTag.NumberOfFrames, out var nf) && nf > 0 ? nf : 1;
        PhotometricInterpretation = ds.GetString(DicomTag.PhotometricInterpretation) ?? "";
        RescaleSlope = ds.TryGetDouble(DicomTag.RescaleSlope, out var slope) ? slope : 1.0;
        RescaleIntercept = ds.TryGetDouble(DicomTag.RescaleIntercept, out var intercept) ? intercept : 0.0;

        if (Rows <= 0 || Columns <= 0) throw new DicomDataException(DicomTag.Rows, $"image size {Rows}x{Columns} is not positive.");
        if (BitsAllocated is not (8 or 16 or 32 or 64))
            throw new DicomDataException(DicomTag.BitsAllocated, $"{BitsAllocated} bits per pixel are not supported (8, 16, 32 or 64).");
        if (BitsStored < 1 || BitsStored > BitsAllocated || HighBit != BitsStored - 1)
            throw new DicomDataException(DicomTag.BitsStored, $"Bits Stored {BitsStored} / High Bit {HighBit} do not fit Bits Allocated {BitsAllocated}.");
        if (RescaleSlope == 0 || !double.IsFinite(RescaleSlope))
            throw new DicomDataException(DicomTag.RescaleSlope, $"value {RescaleSlope} cannot scale pixel values.");

        var element = ds.Find(DicomTag.PixelData) ?? throw new DicomDataException(DicomTag.PixelData, "is absent.");
        if (element.IsEncapsulated)
            throw new DicomDataException(DicomTag.PixelData, "is encapsulated (compressed); only native pixel data is supported.");
        _data = element.Data;
        if ((long)_data.Length < (long)FrameSizeBytes * NumberOfFrames)
            throw new DicomDataException(DicomTag.PixelData, $"holds {_data.Length} bytes; {NumberOfFrames} frame(s) of {FrameSizeBytes} bytes need {(long)FrameSizeBytes * NumberOfFrames}.");
    }

    /// <summary>Reads the pixel description and data of a data set; throws naming the tag when something is missing or inconsistent.</summary>
    public static DicomPixelData From(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new DicomPixelData(dataset);
    }

    public int Rows { get; }
    public int Columns { get; }
    public int SamplesPerPixel { get; }
    public int BitsAllocated { get; }
    public int BitsStored { get; }
    public int HighBit { get; }

    /// <summary>Pixel Representation 1 (two's complement).</summary>
    public bool IsSigned { get; }

    public int NumberOfFrames { get; }
    public string PhotometricInterpretation { get; }
    public double RescaleSlope { get; }
    public double RescaleIntercept { get; }

    public int PixelsPerFrame => Rows * Columns * SamplesPerPixel;

    public int FrameSizeBytes => PixelsPerFrame * (BitsAllocated / 8);

    /// <summary>The encoded bytes of one frame (little endian).</summary>
    public ReadOnlySpan<byte> GetFrameBytes(int frame)
    {
        if ((uint)frame >= (uint)NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"The data has {NumberOfFrames} frame(s).");
        return _data.Span.Slice(frame * FrameSizeBytes, FrameSizeBytes);
    }

    /// <summary>
    /// One frame as stored values of type T: byte/sbyte for 8 bits, ushort/short for 16, uint/int for 32, ulong/long
    /// for 64; T must match Bits Allocated and Pixel Representation. Bits above Bits Stored are returned as stored;
    /// use <see cref="GetStoredValues"/> for masked and sign-extended values.
    /// </summary>
    public ReadOnlySpan<T> GetFrame<T>(int frame) where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        if (size * 8 != BitsAllocated)
            throw new DicomDataException(DicomTag.BitsAllocated, $"pixels have {BitsAllocated} bits; {typeof(T).Name} has {size * 8}.");
        var signedT = typeof(T) == typeof(sbyte) || typeof(T) == typeof(short) || typeof(T) == typeof(int) || typeof(T) == typeof(long);
        if (signedT != IsSigned)
            throw new DicomDataException(DicomTag.PixelRepresentation, $"pixels are {(IsSigned ? "signed" : "unsigned")}; {typeof(T).Name} is not.");
        return MemoryMarshal.Cast<byte, T>(GetFrameBytes(frame));
    }

    /// <summary>One frame's stored values with the bits above High Bit removed and signed values sign-extended.</summary>
    public int[] GetStoredValues(int frame)
    {
        if (BitsAllocated > 32 || (BitsAllocated == 32 && !IsSigned && BitsStored == 32))
            throw new DicomDataException(DicomTag.BitsAllocated, $"{BitsAllocated}-bit {(IsSigned ? "signed" : "unsigned")} values do not fit Int32; use GetFrame<T>.");
        var bytes = GetFrameBytes(frame);
        var result = new int[PixelsPerFrame];
        var shift = 32 - BitsStored;
        for (var i = 0; i < result.Length; i++)
        {
            var raw = BitsAllocated switch
            {
                8 => bytes[i],
                16 => BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]),
                _ => (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]),
            };
            result[i] = IsSigned ? (raw << shift) >> shift : (int)((uint)(raw << shift) >> shift);
        }
        return result;
    }

    /// <summary>The modality value of a stored value: stored * slope + intercept.</summary>
    public double Rescale(double storedValue) => storedValue * RescaleSlope + RescaleIntercept;

    /// <summary>One frame in modality units (e.g. Bq/ml for PET with Units BQML, HU for CT).</summary>
    public float[] GetRescaledFrame(int frame)
    {
        var stored = GetStoredValues(frame);
        var result = new float[stored.Length];
        for (var i = 0; i < stored.Length; i++) result[i] = (float)(stored[i] * RescaleSlope + RescaleIntercept);
        return result;
    }

    /// <summary>
    /// Writes native single-sample pixel data and its description (Rows, Columns, Samples per Pixel 1, Photometric
    /// Interpretation MONOCHROME2, Bits Allocated/Stored, High Bit, Pixel Representation, Number of Frames when more than
    /// one) into a data set. T is byte, ushort, short, uint or int.
    /// </summary>
    public static void Write<T>(DicomDataset dataset, int rows, int columns, int frames, ReadOnlySpan<T> values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (rows <= 0 || columns <= 0 || frames <= 0) throw new ArgumentOutOfRangeException(nameof(rows), "rows, columns and frames must be positive.");
        if (values.Length != rows * columns * frames)
            throw new ArgumentException($"{values.Length} values given for {frames} frame(s) of {rows}x{columns}.", nameof(values));
        var bits = Marshal.SizeOf<T>() * 8;
        var signed = typeof(T) == typeof(short) || typeof(T) == typeof(int) || typeof(T) == typeof(sbyte);
        if (bits is not (8 or 16 or 32)) throw new ArgumentException($"{typeof(T).Name} is not a pixel type.", nameof(values));
        dataset.AddOrUpdate(DicomTag.SamplesPerPixel, DicomVR.US, 1);
        dataset.AddOrUpdate(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        if (frames > 1) dataset.AddOrUpdate(DicomTag.NumberOfFrames, DicomVR.IS, frames);
        dataset.AddOrUpdate(DicomTag.Rows, DicomVR.US, rows);
        dataset.AddOrUpdate(DicomTag.Columns, DicomVR.US, columns);
        dataset.AddOrUpdate(DicomTag.BitsAllocated, DicomVR.US, bits);
        dataset.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, bits);
        dataset.AddOrUpdate(DicomTag.HighBit, DicomVR.US, bits - 1);
        dataset.AddOrUpdate(DicomTag.PixelRepresentation, DicomVR.US, signed ? 1 : 0);
        dataset.AddOrUpdate(DicomTag.PixelData, bits == 8 ? DicomVR.OB : DicomVR.OW, MemoryMarshal.AsBytes(values).ToArray());
    }
}
