using System.Diagnostics;
using System.Globalization;
using VoxDose.Bench.DicomRead;
using VoxDose.Dicom;

// Usage: dicom-read-bench generate DIR | time DIR REPEATS
// "time" prints two lines: "scan <best seconds>" and "full <best seconds>" (best of REPEATS after one warm-up).
if (args.Length >= 2 && args[0] == "generate")
{
    SyntheticPetSeries.Write(args[1]);
    return 0;
}
if (args.Length >= 3 && args[0] == "time")
{
    var files = Directory.GetFiles(args[1], "*.dcm").Order(StringComparer.Ordinal).ToArray();
    var repeats = int.Parse(args[2], CultureInfo.InvariantCulture);
    var headerOnly = new DicomReadOptions { StopBeforePixelData = true };

    double Scan()
    {
        double sum = 0;
        foreach (var f in files)
        {
            var ds = DicomFile.Open(f, headerOnly).Dataset;
            sum += ds.GetDouble(DicomTag.ImagePositionPatient, 2) + ds.GetInt(DicomTag.InstanceNumber);
        }
        return sum;
    }

    double Full()
    {
        double sum = 0;
        foreach (var f in files)
        {
            var ds = DicomFile.Open(f).Dataset;
            sum += ds.GetBytes(DicomTag.PixelData).Length + ds.GetDouble(DicomTag.RescaleSlope);
        }
        return sum;
    }

    double Best(Func<double> work)
    {
        work();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    Console.WriteLine(FormattableString.Invariant($"scan {Best(Scan):F6}"));
    Console.WriteLine(FormattableString.Invariant($"full {Best(Full):F6}"));
    return 0;
}
Console.Error.WriteLine("usage: dicom-read-bench generate DIR | time DIR REPEATS");
return 2;
