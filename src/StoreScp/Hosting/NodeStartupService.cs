using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.Dicom.IO;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Hosting;

/// <summary>
/// Prepares the storage root (writable, fsync works) and the audit schema before anything else starts. If either
/// fails, it logs why and the start fails, rather than a node that acknowledges what it cannot keep.
/// </summary>
public sealed class NodeStartupService(IOptions<VoxDoseOptions> options, AuditDatabase database, SpoolStore spool,
    DiskWatermark watermark, ILogger<NodeStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Value.Storage.Root);
        try
        {
            // Patient data at rest: the node's folders are 0700 whatever the umask (and what an older version left 0755 is
            // set to 0700); everything below them is created 0600/0700 (PrivateFiles).
            foreach (var directory in new[] { root, spool.SpoolRoot, spool.IncomingDirectory, Path.Combine(root, "results") })
            {
                PrivateFiles.CreateDirectory(directory);
                PrivateFiles.Restrict(directory);
            }
            var probe = Path.Combine(root, ".write-probe");
            await DurableFile.WriteAllBytesAsync(probe, "ok"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = $"storage root {root} is not writable: {e.Message}";
            HostLog.CannotStart(logger, reason, e);
            throw new InvalidOperationException(reason, e);
        }
        if (watermark.Shortfall() is { } full)
        {
            // A node that starts on a full disk can only refuse (A700) or fail; say so once and stop (exit 2).
            var reason = $"not enough free disk space: {full}; free space or lower the watermark";
            var refused = new StartupRefusedException(reason);
            HostLog.CannotStart(logger, reason, refused);
            throw refused;
        }
        try
        {
            var upgrade = await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (upgrade.Applied.Count > 0)
            {
                var scripts = string.Join(", ", upgrade.Applied);
                HostLog.SchemaMigrated(logger, upgrade.FromVersion, upgrade.ToVersion, scripts);
            }
        }
        catch (Exception e) when (e is SchemaTooNewException or SchemaUpgradeException)
        {
            var reason = $"audit database ({database.Dialect.Name}): {e.Message}";
            HostLog.CannotStart(logger, reason, e);
            throw new InvalidOperationException(reason, e);
        }
        catch (System.Data.Common.DbException e)
        {
            var reason = $"audit database ({database.Dialect.Name}) unavailable: {e.Message}";
            HostLog.CannotStart(logger, reason, e);
            throw new InvalidOperationException(reason, e);
        }
        var o = options.Value;
        var destinations = o.Destinations.Count == 0
            ? "none"
            : string.Join(", ", o.Destinations.Select(d => $"{d.Name} ({d.AeTitle}@{d.Host}:{d.Port}{(d.Tls.Enabled ? ", TLS" : "")})"));
        var tls = !o.Scp.Tls.Enabled ? "" : o.Scp.Tls.RequireClientCertificate ? " (DICOM TLS, client certificates required)" : " (DICOM TLS)";
        var schemaVersion = await database.SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        var location = database.Location;
        var method = o.Processing.Method.ToString().ToLowerInvariant();
        HostLog.Started(logger, SoftwareVersion.Current, o.Scp.AeTitle, o.Scp.BindAddress, o.Scp.Port, tls, root, database.Dialect.Name, location,
            destinations, method, o.Processing.DoseGridMm, schemaVersion, database.Node,
            o.Scheduler.Clustered ? $" (clustered, Quartz tables {o.Scheduler.TablePrefix}*, check-in every {o.Scheduler.ClusterCheckinSeconds} s)" : "");
        if (o.Destinations.Count == 0) HostLog.NoDestination(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
