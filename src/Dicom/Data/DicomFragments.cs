namespace VoxDose.Dicom;

/// <summary>Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table and the fragments, each kept as read.</summary>
public sealed class DicomFragments
{
    public DicomFragments(ReadOnlyMemory<byte> offsetTable, IReadOnlyList<ReadOnlyMemory<byte>> fragments)
    {
        OffsetTable = offsetTable;
        Fragments = fragments;
    }

    /// <summary>Bytes of the first item (the Basic Offset Table, possibly empty).</summary>
    public ReadOnlyMemory<byte> OffsetTable { get; }

    /// <summary>The fragment items after the offset table.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments { get; }
}
