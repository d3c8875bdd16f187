using VoxDose.Dicom;

namespace VoxDose.Interop.Tests.Network;

/// <summary>
/// Element-by-element equality of two data sets read with our reader: same tags, same value bytes (one trailing pad
/// byte tolerated), same items and fragments. File meta (group 0002) is ignored; VRs are compared only when both
/// files are explicit VR (a transcoding peer may send implicit VR, where private VRs become UN).
/// </summary>
internal static class DatasetComparer
{
    public static void AssertSameFile(string sentPath, string storedPath)
    {
        var sent = DicomFile.Open(sentPath);
        var stored = DicomFile.Open(storedPath);
        var compareVr = sent.TransferSyntax.IsExplicitVR && stored.TransferSyntax.IsExplicitVR;
        var difference = Difference(sent.Dataset, stored.Dataset, compareVr, "");
        Assert.True(difference is null, $"{storedPath} differs from {sentPath}: {difference}");
    }

    private static string? Difference(DicomDataset expected, DicomDataset actual, bool compareVr, string path)
    {
        // (FFFC,FFFC) Data Set Trailing Padding may be dropped by any peer (PS3.5 section 7.8).
        var e = expected.Where(x => x.Tag.Group is not (0x0002 or 0xFFFC) && x.Tag.Element != 0).ToList();
        var a = actual.Where(x => x.Tag.Group is not (0x0002 or 0xFFFC) && x.Tag.Element != 0).ToList();
        var missing = e.Select(x => x.Tag).Except(a.Select(x => x.Tag)).ToList();
        var extra = a.Select(x => x.Tag).Except(e.Select(x => x.Tag)).ToList();
        if (missing.Count > 0 || extra.Count > 0) return $"{path}missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]";
        for (var i = 0; i < e.Count; i++)
        {
            var where = path + e[i].Tag;
            if (compareVr && e[i].VR != a[i].VR) return $"{where}: VR {e[i].VR} != {a[i].VR}";
            if (e[i].Items.Count != a[i].Items.Count) return $"{where}: {e[i].Items.Count} items != {a[i].Items.Count}";
            for (var k = 0; k < e[i].Items.Count; k++)
                if (Difference(e[i].Items[k], a[i].Items[k], compareVr, $"{where}[{k}].") is { } d) return d;
            if (e[i].Fragments is { } ef)
            {
                if (a[i].Fragments is not { } af || af.Fragments.Count != ef.Fragments.Count) return $"{where}: fragments differ";
                for (var k = 0; k < ef.Fragments.Count; k++)
                    if (!ef.Fragments[k].Span.SequenceEqual(af.Fragments[k].Span)) return $"{where}: fragment {k} differs";
                continue;
            }
            var ev = e[i].Data.Span;
            var av = a[i].Data.Span;
            if (av.Length == ev.Length + 1) av = av[..^1];
            if (ev.Length == av.Length + 1) ev = ev[..^1];
            if (!ev.SequenceEqual(av)) return $"{where}: value differs";
        }
        return null;
    }
}
