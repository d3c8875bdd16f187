using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Ingest;
using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;
using VoxDose.Dicom;
using VoxDose.StoreScp.Telemetry;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>The ingest path wired by hand with a manual clock and a recording scheduler: no Quartz, no sleeping.</summary>
public sealed class IngestRig
{
    public const string Study = "1.2.826.0.1.3680043.10.1";
    public const string PetSeries = "1.2.826.0.1.3680043.10.1.1";
    public const string RtSeries = "1.2.826.0.1.3680043.10.1.2";

    private IngestRig(string root, AuditDatabase database, ManualTimeProvider time, VoxDoseOptions options, long freeBytes, IDiskSpaceProbe? probe)
    {
        NodeOptions = options;
        Root = root;
        Database = database;
        Time = time;
        var opts = Options.Create(options);
        Studies = new StudyRepository(database, time);
        Instances = new InstanceRepository(database, time);
        Events = new EventRepository(database, time);
        Spool = new SpoolStore(opts, new DiskWatermark(opts, probe ?? new FixedSpace(freeBytes)));
        Assembler = new StudyAssembler(Studies, Events, Scheduler, opts, time, NullLogger<StudyAssembler>.Instance);
        Ingest = new IngestService(Spool, Instances, Events, Assembler, Meter, NullLogger<IngestService>.Instance);
    }

    public string Root { get; }
    public VoxDose.StoreScp.Telemetry.NodeMeter Meter { get; } = new();
    public VoxDoseOptions NodeOptions { get; }

    /// <summary>A new assembler on the same database, as after a restart of the node at the current (manual) time.</summary>
    public StudyAssembler Restart() =>
        new(Studies, Events, Scheduler, Microsoft.Extensions.Options.Options.Create(NodeOptions), Time, NullLogger<StudyAssembler>.Instance);
    public AuditDatabase Database { get; }
    public ManualTimeProvider Time { get; }
    public RecordingScheduler Scheduler { get; } = new();
    public StudyRepository Studies { get; }
    public InstanceRepository Instances { get; }
    public EventRepository Events { get; }
    public SpoolStore Spool { get; }
    public StudyAssembler Assembler { get; }
    public IngestService Ingest { get; }

    public static async Task<IngestRig> CreateAsync(double quietSeconds = 30, long freeBytes = long.MaxValue, IDiskSpaceProbe? probe = null)
    {
        var root = TestPaths.NewTempDirectory("voxdose-ingest");
        var options = new VoxDoseOptions
        {
            Storage = new StorageOptions { Root = root, MinFreeMegabytes = 1 },
            Processing = new ProcessingOptions { SeriesQuietSeconds = quietSeconds },
        };
        var database = new AuditDatabase(new SqliteDialect($"Data Source={Path.Combine(root, "voxdose.db")};Pooling=False"));
        await database.EnsureSchemaAsync();
        return new IngestRig(root, database, new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)), options, freeBytes, probe);
    }

    public static InstanceHeader Pet(int index, int? numberOfSlices = 3, string series = PetSeries) =>
        new(Study, series, $"{series}.{index}", DicomUids.PETImageStorage, "PT", "1.2.3.9", numberOfSlices, "14691008", 230580);

    public static InstanceHeader RtStruct(int index = 1) =>
        new(Study, RtSeries, $"{RtSeries}.{index}", DicomUids.RTStructureSetStorage, "RTSTRUCT", "1.2.3.9");

    public async Task<ushort> SendAsync(InstanceHeader header, string content = "")
    {
        var file = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, content.Length > 0 ? content : header.SopInstanceUid);
        return VoxDose.Dicom.Network.Server.StoreStatusMapper.StatusOf(await Ingest.IngestAsync(file, header, null));
    }

    public List<(string Kind, string Key, DateTimeOffset At)> Scheduled(string kind) => Scheduler.Calls.Where(c => c.Kind == kind).ToList();

    private sealed class FixedSpace(long bytes) : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => bytes;
    }
}
