using System.Globalization;
using VoxDose.Tests.Shared;

// bench/fuzz: the network half of the campaign against a running `voxdose serve`, and the mutated files for `voxdose dump`.
//   FuzzBench network HOST PORT SEEDS_DIR COUNT SPOOL_DIR WORK_DIR [PARALLEL]
//   FuzzBench files SEEDS_DIR COUNT OUT_DIR
var seedsDir = args.Length > 2 ? args[args[0] == "files" ? 1 : 3] : throw new ArgumentException("usage: see Program.cs");
var seeds = Directory.GetFiles(seedsDir, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
const int Seed = 11;
if (args[0] == "files")
{
    var count = int.Parse(args[2], CultureInfo.InvariantCulture);
    Directory.CreateDirectory(args[3]);
    var campaign = new FuzzCampaign("", 0, "", "", seeds, Seed);
    var random = new Random(Seed);
    for (var i = 0; i < count; i++) File.WriteAllBytes(Path.Combine(args[3], $"{i:D6}.dcm"), campaign.MutatedFile(random));
    Console.WriteLine($"wrote {count} mutated files from {seeds.Count} seeds");
    return 0;
}
{
    var (host, port, count, spool, work) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture), args[5], args[6]);
    var parallel = args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 4;
    var campaign = new FuzzCampaign(host, port, "VOXDOSE", "FUZZ", seeds, Seed);
    foreach (var (name, run) in new (string, Func<Task>)[]
    {
        ("association requests", () => campaign.RunAssociationRequestsAsync(count, parallel)),
        ("P-DATA", () => campaign.RunPDataAsync(count, parallel)),
        ("C-STOREs", () => campaign.RunCStoresAsync(count, parallel, work)),
    })
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await run();
        Console.WriteLine($"{count} {name}: {clock.Elapsed.TotalSeconds:F0} s");
    }
    foreach (var (outcome, n) in campaign.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)) Console.WriteLine($"{n,8}  {outcome}");
    var lost = campaign.FindLost(spool);
    foreach (var l in lost.Take(20)) Console.WriteLine("LOST " + l);
    Console.WriteLine($"hangs={campaign.Hangs} acknowledged={campaign.Acknowledged} acknowledged_lost={lost.Count}");
    return campaign.Hangs == 0 && lost.Count == 0 ? 0 : 1;
}
