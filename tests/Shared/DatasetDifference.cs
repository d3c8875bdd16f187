using VoxDose.Dicom;

namespace VoxDose.Tests.Shared;

/// <summary>Strict element-by-element comparison of two data sets: tags, VRs, value bytes, items and fragments.</summary>
public static class DatasetDifference
{
    /// <summary>
    /// The first difference between <paramref name="expected"/> and <paramref name="actual"/> as a readable path
    /// ("(0008,1115)[0].(0008,1150): value differs"), or null when they are equal. Only top-level elements for which
    /// <paramref name="topLevel"/> is true are compared (all when null); items are compared whole.
    /// </summary>
    public static string? Find(DicomDataset expected, DicomDataset actual, Func<DicomTag, bool>? topLevel = null) =>
        Compare(expected, actual, topLevel ?? (_ => true), "");

    private static string? Compare(DicomDataset expected, DicomDataset actual, Func<DicomTag, bool> include, string path)
    {
        var e = expected.Where(x => include(x.Tag)).ToList();
        var a = actual.Where(x => include(x.Tag)).ToList();
        for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
        {
            if (i >= e.Count) return $"{path}{a[i].Tag}: unexpected element";
            if (i >= a.Count) return $"{path}{e[i].Tag}: missing";
            var (x, y) = (e[i], a[i]);
            var where = path + x.Tag;
            if (x.Tag != y.Tag) return $"{where}: found {y.Tag} instead";
            if (x.VR != y.VR) return $"{where}: VR {x.VR} != {y.VR}";
            if (x.Items.Count != y.Items.Count) return $"{where}: {x.Items.Count} items != {y.Items.Count}";
            for (var k = 0; k < x.Items.Count; k++)
                if (Compare(x.Items[k], y.Items[k], _ => true, $"{where}[{k}].") is { } inner) return inner;
            if ((x.Fragments is null) != (y.Fragments is null)) return $"{where}: encapsulated in one data set only";
            if (x.Fragments is { } xf && y.Fragments is { } yf)
            {
                if (!xf.OffsetTable.Span.SequenceEqual(yf.OffsetTable.Span)) return $"{where}: offset table differs";
                if (xf.Fragments.Count != yf.Fragments.Count) return $"{where}: {xf.Fragments.Count} fragments != {yf.Fragments.Count}";
                for (var k = 0; k < xf.Fragments.Count; k++)
                    if (!xf.Fragments[k].Span.SequenceEqual(yf.Fragments[k].Span)) return $"{where}: fragment {k} differs";
            }
            if (!x.Data.Span.SequenceEqual(y.Data.Span)) return $"{where}: value differs ({x.Data.Length} vs {y.Data.Length} bytes)";
        }
        return null;
    }
}
