using System.Runtime.InteropServices;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dosimetry;

/// <summary>
/// The VSV dose of a DICOM PET series equals an independent implementation: pydicom reads the same files and
/// scipy.signal.fftconvolve convolves with the same kernel (bench/dose/reference_dose.py, /usr/bin/python3).
/// </summary>
public class PydicomScipyDoseInteropTests
{
    [Fact]
    public void Dose_map_matches_pydicom_and_scipy_fftconvolve_reference()
    {
        var python = ExternalTool.Require("/usr/bin/python3");
        var dir = TestPaths.NewTempDirectory("voxdose-dose-interop");
        try
        {
            var phantom = new Volume(48, 40, 30, new Vec3(4.07, 4.07, 2.0), new Vec3(-100, -80, 20), frameOfReferenceUid: DicomUid.Generate());
            var random = new Random(7);
            for (var z = 0; z < 30; z++)
                for (var y = 0; y < 40; y++)
                    for (var x = 0; x < 48; x++)
                    {
                        var hot = Math.Pow((x - 24) / 10.0, 2) + Math.Pow((y - 20) / 8.0, 2) + Math.Pow((z - 15) / 9.0, 2) < 1;
                        phantom[x, y, z] = (float)((hot ? 2.0e6 : 1.0e5) * (0.9 + 0.2 * random.NextDouble()));
                    }
            var seriesDir = Directory.CreateDirectory(Path.Combine(dir, "series")).FullName;
            var datasets = new SyntheticPetSeries { DecayCorrection = "START", SlopeJitter = 0.4 }.Build(phantom);
            for (var i = 0; i < datasets.Count; i++) DicomFile.Create(datasets[i]).Save(Path.Combine(seriesDir, $"PT{i:000}.dcm"));

            var read = Directory.GetFiles(seriesDir).Select(f => DicomFile.Open(f).Dataset).ToList();
            var ours = DoseCalculator.Compute(PetSeriesLoader.Load(read), new DoseOptions()).DoseGy.Voxels;

            var kernelFile = Path.Combine(dir, "kernel.txt");
            using (var writer = new StreamWriter(kernelFile)) KernelCache.GetY90(phantom.SpacingMm, 1.04).WriteOctant(writer, 17);
            var outFile = Path.Combine(dir, "python.f32");
            var script = Path.Combine(TestPaths.RepoRoot, "bench", "dose", "reference_dose.py");
            ExternalTool.Run(python, [script, seriesDir, kernelFile, outFile]).EnsureSuccess();
            var theirs = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(outFile)).ToArray();

            Assert.Equal(ours.Length, theirs.Length);
            var max = theirs.Max();
            Assert.True(max > 50, $"reference max dose {max} Gy");
            for (var i = 0; i < ours.Length; i++)
                Assert.True(Math.Abs(ours[i] - theirs[i]) <= 1e-4 * max, $"voxel {i}: VoxDose {ours[i]} Gy vs pydicom/scipy {theirs[i]} Gy");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
