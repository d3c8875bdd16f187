using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Ingest;
using VoxDose.StoreScp.Pipeline;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Scp;
using VoxDose.StoreScp.Storage;
using VoxDose.StoreScp.Telemetry;
using VoxDose.StoreScp.Jobs;

namespace VoxDose.StoreScp.Hosting;

/// <summary>
/// Builds the generic host of the node: options (validated at start), audit database, spool, assembly, pipeline,
/// export queue and the Quartz.NET scheduler. Callers may replace services before <c>Build()</c> (the tests swap
/// the sender, the processor and the disk-space probe).
/// </summary>
public static class NodeHost
{
    /// <summary>Console log timestamp: ISO 8601, UTC, milliseconds (<c>2026-11-30T07:34:26.123Z</c>).</summary>
    public const string LogTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";

    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        // ISO 8601 UTC timestamps: journald and log collectors in other time zones read them unambiguously.
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = LogTimestampFormat; });

        var services = builder.Services;
        // Bound and validated once, strictly (unknown keys, bad values and rule violations all reported together).
        var options = NodeConfiguration.BindAndValidate(configuration);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp => new NodeMeter(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));

        services.AddSingleton(sp => AuditDatabase.FromOptions(sp.GetRequiredService<IOptions<VoxDoseOptions>>().Value));
        services.AddSingleton<AssociationRepository>();
        services.AddSingleton<InstanceRepository>();
        services.AddSingleton<StudyRepository>();
        services.AddSingleton<ComputationRepository>();
        services.AddSingleton<ExportRepository>();
        services.AddSingleton<EventRepository>();
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<OpenTransferRepository>();
        services.AddSingleton<Planning.PlanLinker>();

        services.AddSingleton<IDiskSpaceProbe, DriveDiskSpaceProbe>();
        services.AddSingleton<DiskWatermark>();
        services.AddSingleton<SpoolStore>();
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
        services.AddSingleton<StudyAssembler>();
        services.AddSingleton<ActiveTransfers>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<IStudyProcessor, DosePipelineProcessor>();
        services.AddSingleton<StudyPipeline>();
        services.AddSingleton<IDicomSender, DicomClientSender>();
        services.AddSingleton(sp => new CallerPolicy(sp.GetRequiredService<IOptions<VoxDoseOptions>>().Value.Scp.AllowedCallers));
        services.AddSingleton<NodeStoreHandler>();
        services.AddSingleton<RejectedAssociationAudit>();
        services.AddSingleton<ScpHostedService>();
        services.AddSingleton<ExportWorker>();
        services.AddSingleton<StudySweeper>();
        services.AddTransient<SeriesCheckJob>();
        services.AddTransient<PipelineJob>();
        services.AddTransient<ExportJob>();

        // Order matters: storage and database first, then the scheduler, then re-arming pending work from the database.
        services.AddHostedService<NodeStartupService>();
        builder.AddQuartz(q => ConfigureQuartz(q, options));
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // Stops before the scheduler: cancelled computations hand their studies back while it still runs.
        services.AddSingleton<RunningPipelines>();
        services.AddHostedService<PipelineDrainService>();
        services.AddHostedService<RecoveryService>();
        services.AddHostedService<StudySweeperService>();
        services.AddHostedService<RejectedAssociationFlushService>();
        services.AddHostedService<TransferHeartbeatService>();
        // The listener last: instances are accepted only once storage, database and scheduler are up.
        services.AddHostedService(sp => sp.GetRequiredService<ScpHostedService>());
        return builder;
    }

    private static void ConfigureQuartz(IQuartzBuilder q, VoxDoseOptions options)
    {
        var scheduler = options.Scheduler;
        // Pipeline jobs use every core for the convolution; export and timer jobs are light.
        q.UseDefaultThreadPool(Math.Max(4, options.Processing.MaxConcurrentStudies + 3));
        if (!scheduler.Clustered)
        {
            q.UseInMemoryStore(_ => { });
            return;
        }
        // Several nodes sharing one PostgreSQL database and one storage root: Quartz's clustered ADO.NET store
        // hands each timer to exactly one node. One scheduler name for all nodes (Quartz's rows are keyed by it), one
        // instance id per node (the node id of the audit rows, so a recovered job names the node that died).
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerOptions.SchedulerName;
            o.InstanceId = scheduler.NodeId(options.Scp.Port);
            o.GenerateInstanceId = false;
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(options.Database.ConnectionString!);
            s.UseClustering(c =>
            {
                c.Enabled = true;
                c.CheckinInterval = TimeSpan.FromSeconds(scheduler.ClusterCheckinSeconds);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(scheduler.ClusterCheckinSeconds);
            });
            s.UseSystemTextJsonSerializer(_ => { });
            s.ConfigureStore(o => o.TablePrefix = scheduler.TablePrefix);
            // Quartz creates the tables missing under the prefix from the script of this very Quartz version (the
            // schema it then validates), safely when several nodes start at once; it never alters or drops a table.
            s.ProvisionSchema();
        });
    }
}
