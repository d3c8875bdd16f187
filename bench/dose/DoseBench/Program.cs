using System.Diagnostics;
using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;

// dosebench generate <dir>        writes the synthetic 200 x 200 x 111 Y-90 PET series (4.07 x 4.07 x 2 mm, START)
// dosebench dose <dir> <out.f32>  whole process: read the series, decay-correct, VSV convolution, write the dose (float32, x fastest)
// dosebench profile [dir]          developer aid: repeated convolutions (random input) or dose calculations (series), wall and CPU
return args switch
{
    ["generate", var dir] => Generate(dir),
    ["dose", var dir, var output] => Dose(dir, output),
    ["profile"] => Profile(),
    ["profile", var dir] => ProfileDose(dir),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dosebench generate <dir> | dosebench dose <dir> <out.f32>");
    return 2;
}

static int Generate(string dir)
{
    Directory.CreateDirectory(dir);
    const int nx = 200, ny = 200, nz = 111;
    var volume = new Volume(nx, ny, nz, new Vec3(4.07, 4.07, 2.0), new Vec3(-405, -405, -110), frameOfReferenceUid: DicomUid.Generate());
    var random = new Random(2021);
    // Liver ellipsoid at ~1.2 MBq/mL at injection, three lesions at 4-8x, lung shunt haze, noise.
    for (var z = 0; z < nz; z++)
        for (var y = 0; y < ny; y++)
            for (var x = 0; x < nx; x++)
            {
                double v = 2.0e4;
                var liver = Sq((x - 90) / 45.0) + Sq((y - 100) / 35.0) + Sq((z - 55) / 40.0);
                if (liver < 1) v = 1.2e6;
                if (Sq(x - 80) + Sq(y - 95) + Sq((z - 50) * 2.0) < 64) v = 8.0e6;
                if (Sq(x - 110) + Sq(y - 110) + Sq((z - 70) * 2.0) < 25) v = 5.0e6;
                if (Sq(x - 95) + Sq(y - 80) + Sq((z - 40) * 2.0) < 9) v = 9.6e6;
                v *= 1 + 0.2 * (random.NextDouble() - 0.5);
                volume[x, y, z] = (float)v;
            }
    var datasets = new SyntheticPetSeries { DecayCorrection = "START", SlopeJitter = 0.3 }.Build(volume);
    Parallel.For(0, datasets.Count, i => DicomFile.Create(datasets[i]).Save(Path.Combine(dir, $"PT{i:0000}.dcm")));
    Console.WriteLine($"wrote {datasets.Count} slices to {dir}");
    return 0;

    static double Sq(double v) => v * v;
}

static int Dose(string dir, string output)
{
    var total = Stopwatch.StartNew();
    var process = Process.GetCurrentProcess();
    var marks = new List<(string Stage, double WallMs, double CpuMs)>();
    void Mark(string stage)
    {
        process.Refresh();
        marks.Add((stage, total.Elapsed.TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds));
    }
    Mark("start");
    var files = Directory.GetFiles(dir, "*.dcm");
    var datasets = new DicomDataset[files.Length];
    Parallel.For(0, files.Length, i => datasets[i] = DicomFile.Open(files[i]).Dataset);
    Mark("read");
    var series = PetSeriesLoader.Load(datasets);
    Mark("sort+rescale");
    VoxDose.Dosimetry.Kernels.KernelCache.GetY90(series.ActivityBqPerMl.SpacingMm, 1.04);
    Mark("kernel");
    var result = DoseCalculator.Compute(series, new DoseOptions());
    Mark("decay+cumulate+convolve");
    using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write))
        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.DoseGy.Voxels.AsSpan()));
    Mark("write");
    var peakMb = process.PeakWorkingSet64 / 1048576.0;
    var parts = new List<string>();
    for (var i = 1; i < marks.Count; i++)
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{marks[i].Stage} {marks[i].WallMs - marks[i - 1].WallMs:0} ms ({marks[i].CpuMs - marks[i - 1].CpuMs:0} CPU)"));
    Console.WriteLine("voxdose: " + string.Join(", ", parts) + string.Create(CultureInfo.InvariantCulture,
        $"; in-process {marks[^1].WallMs:0} ms wall, {marks[^1].CpuMs - marks[0].CpuMs:0} ms CPU; runtime start-up before Main {marks[0].CpuMs:0} ms CPU; peak working set {peakMb:0} MB"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"voxdose: activity at injection {result.TotalActivityAtInjectionMBq:0.0} MBq, max dose {result.DoseGy.Voxels.Max():0.00} Gy, deposited/emitted {result.Energy.DepositedFractionOfEmitted:0.0000}; {result.Y90.Summary}"));
    return 0;
}

static int Profile()
{
    var kernel = VoxDose.Dosimetry.Kernels.KernelCache.GetY90(new Vec3(4.07, 4.07, 2), 1.04);
    var input = new float[200 * 200 * 111];
    var r = new Random(1);
    for (var i = 0; i < input.Length; i++) input[i] = (float)r.NextDouble();
    for (var rep = 0; rep < 4; rep++)
    {
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        VoxDose.Dosimetry.Convolution.FftConvolver.Convolve(input, 200, 200, 111, kernel);
        Console.WriteLine($"convolve {sw.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
    }
    return 0;
}

static int ProfileDose(string dir)
{
    var files = Directory.GetFiles(dir, "*.dcm");
    var datasets = files.Select(f => DicomFile.Open(f).Dataset).ToArray();
    var series = PetSeriesLoader.Load(datasets);
    var process = Process.GetCurrentProcess();
    for (var rep = 0; rep < 3; rep++)
    {
        var sw = Stopwatch.StartNew();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        DoseCalculator.Compute(series, new DoseOptions());
        process.Refresh();
        Console.WriteLine($"compute {sw.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
    }
    return 0;
}
