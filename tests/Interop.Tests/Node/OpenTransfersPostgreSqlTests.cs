using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.Interop.Tests.Node;

/// <summary>Open transfers shared by the nodes of a cluster (migration 0009) on a real PostgreSQL.</summary>
public class OpenTransfersPostgreSqlTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ActiveTransfers Node(AuditDatabase database, string nodeId, TimeProvider time) =>
        new(new OpenTransferRepository(database), Options.Create(new VoxDoseOptions
        {
            Scheduler = new SchedulerOptions { InstanceId = nodeId },
            Scp = new ScpOptions { TransferHeartbeatSeconds = 10, TransferExpirySeconds = 45 },
        }), time, NullLogger<ActiveTransfers>.Instance);

    [Fact]
    public async Task PostgreSql_shares_open_transfers_between_nodes_renews_them_and_expires_a_dead_nodes()
    {
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await database.EnsureSchemaAsync();
        var clock = new Clock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var a = Node(database, "node-a", clock);
        var b = Node(database, "node-b", clock);
        var c = Node(database, "node-c", clock);
        var fromB = new object();
        await b.ReceivedAsync(fromB, 11, "1.2.3");
        await b.ReceivedAsync(fromB, 11, "1.2.3");
        await c.ReceivedAsync(new object(), 12, "1.2.4");
        Assert.True(await a.IsReceivingAsync("1.2.3"));
        Assert.True(await a.IsReceivingAsync("1.2.4"));

        // b keeps beating for a minute; c died.
        for (var s = 0; s < 60; s += 10)
        {
            clock.Now += TimeSpan.FromSeconds(10);
            await b.BeatAsync();
        }
        Assert.True(await a.IsReceivingAsync("1.2.3"));
        Assert.False(await a.IsReceivingAsync("1.2.4"));
        Assert.Equal(["node-b"], (await new OpenTransferRepository(database).ListAsync()).Select(r => r.NodeId));

        Assert.Equal(["1.2.3"], await b.ClosedAsync(fromB));
        Assert.False(await a.IsReceivingAsync("1.2.3"));
        Assert.Empty(await new OpenTransferRepository(database).ListAsync());
    }
}
