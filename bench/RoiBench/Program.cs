using System.Diagnostics;
using System.Globalization;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

// Rasterisation and metrics of a liver-sized ellipsoid (90 x 70 x 75 mm semi-axes, 2.5 mm contour planes, 300 points
// per contour) on the seed study's PET grid (200 x 200 x 111, 4.07 x 4.07 x 5 mm), axial and tilted by 0.2 rad.
var grid = new Volume(200, 200, 111, new Vec3(4.07, 4.07, 5), new Vec3(-405, -405, -275), frameOfReferenceUid: "1");
var tilted = new Volume(200, 200, 111, new Vec3(4.07, 4.07, 5), new Vec3(-405, -405, -275), new Vec3(1, 0, 0), new Vec3(0, Math.Cos(0.2), Math.Sin(0.2)));
var liver = new List<Contour>();
for (var z = -75 + 1.25; z < 75; z += 2.5)
{
    var f = Math.Sqrt(1 - z * z / (75.0 * 75.0));
    liver.Add(Contour.Closed(Enumerable.Range(0, 300).Select(i => new Vec3(90 * f * Math.Cos(2 * Math.PI * i / 300), 70 * f * Math.Sin(2 * Math.PI * i / 300), z))));
}
var dose = grid.WithSameGeometry();
var random = new Random(1);
for (var i = 0; i < dose.Count; i++) dose.Voxels[i] = (float)(random.NextDouble() * 100);
var analyticMl = 4.0 / 3 * Math.PI * 90 * 70 * 75 / 1000;
for (var repeat = 0; repeat < 3; repeat++)
{
    var sw = Stopwatch.StartNew();
    var mask = ContourRasterizer.Rasterize(grid, liver);
    var rasteriseMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    RoiMetricsCalculator.Compute("Liver", RoiRole.WholeLiver, 1, dose, mask, new MetricsOptions());
    var metricsMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    var oblique = ContourRasterizer.Rasterize(tilted, liver);
    var obliqueMs = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {repeat + 1}: volume {mask.VolumeMl:F1} mL (analytic {analyticMl:F1}); rasterise {rasteriseMs:F0} ms; metrics {metricsMs:F0} ms; oblique grid {obliqueMs:F0} ms ({oblique.VolumeMl:F1} mL)"));
}
