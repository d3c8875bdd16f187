using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Scp;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 11, "Unauthenticated growth": 2 000 rejected associations added 2 010 database rows and 8 000 log lines. Now they
/// are counted and sampled (a row and a line per peer and reason per interval) and a per-peer rate limit applies.
/// </summary>
[Collection("PortFlood")]
public class UnauthenticatedGrowthTests
{
    private const int Attempts = 2000;

    [Fact]
    public async Task Unauthenticated_growth_2000_rejected_associations_add_bounded_rows_and_log_lines_with_exact_counts_regression()
    {
        var root = TestPaths.NewTempDirectory("voxdose-unauthenticated");
        var lines = new LineCounter();
        var node = await NodeHarness.StartAsync(root, new FakeProcessor(), new FlakySender { Up = true }, extra: new()
        {
            ["VoxDose:Scp:AllowedCallers:0:AeTitle"] = "ORTHANC",
            ["Logging:LogLevel:Default"] = "Information", // what an operator sees with the shipped configuration
        }, configure: b => b.Logging.AddProvider(lines));
        var port = node.ScpPort;
        var linesBefore = lines.Count;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Attempts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var answer = await AssociateAsync(port, $"STRANGER{i % 7}", ct);
            answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        await node.Host.StopAsync(); // flushes the open windows' counts into the audit

        // Every attempt got a protocol answer: rejected (caller not listed), or rejected transient once over the rate.
        var rejectedAsCaller = answers.GetValueOrDefault(new AssociateRejectPdu(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeTitleNotRecognized).ToString());
        var rejectedOverRate = answers.GetValueOrDefault(new AssociateRejectPdu(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.TemporaryCongestion).ToString());
        Assert.True(rejectedAsCaller + rejectedOverRate == Attempts, string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}")));
        Assert.InRange(rejectedAsCaller, 600, 601 + (int)(seconds * 10)); // the default rate: 600 a minute per peer, bursts up to 600
        Assert.True(rejectedOverRate > 0);

        // Bounded growth: per peer and reason one sample row and one count row, a couple of log lines.
        var database = node.Host.Services.GetRequiredService<AuditDatabase>();
        await using var c = await database.OpenAsync();
        var associationRows = Convert.ToInt64(await c.ScalarAsync(null, "SELECT COUNT(*) FROM associations", default), CultureInfo.InvariantCulture);
        var counts = (await node.Events.ListAsync(null)).Where(e => e.Kind == RejectedAssociationAudit.EventKind).ToList();
        Assert.InRange(associationRows, 1, 2);
        Assert.InRange(counts.Count, 1, 2);
        var logged = lines.Count - linesBefore;
        Assert.True(logged <= 10, $"{logged} log lines for {Attempts} rejected associations:\n{string.Join('\n', lines.Lines.Skip(linesBefore))}");

        // ... and the counts are exact.
        Assert.Equal(Attempts, counts.Sum(e => long.Parse(e.Detail.Split(' ')[0], CultureInfo.InvariantCulture)));
        node.Host.Dispose();
    }

    /// <summary>One association request over a raw socket; returns the answer (A-ASSOCIATE-RJ text, AC, or "closed").</summary>
    private static async Task<string> AssociateAsync(int port, string callingAe, CancellationToken ct)
    {
        // A connection over the per-peer connection cap is closed on accept, before any request is read (the slot of
        // the previous attempt is given back just after its close): try again, so that every attempt is a request.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var answer = await RequestAsync(port, callingAe, ct);
                if (answer != "closed" || attempt >= 20) return answer;
            }
            catch (IOException) when (attempt < 20)
            {
            }
            await Task.Delay(50, ct);
        }
    }

    private static async Task<string> RequestAsync(int port, string callingAe, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(PduEncoder.Encode(new AssociateRequestPdu
        {
            CalledAeTitle = "VOXDOSE",
            CallingAeTitle = callingAe,
            PresentationContexts = [new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
        }), ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var answer = await new PduReader(stream, new PduLimits()).ReadAsync(timeout.Token);
        return answer?.ToString() ?? "closed";
    }

    private sealed class LineCounter : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public int Count => _lines.Count;
        public IEnumerable<string> Lines => _lines;
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("VoxDose.Dicom.Network", StringComparison.Ordinal) || categoryName.StartsWith("VoxDose.StoreScp.Scp", StringComparison.Ordinal)
                ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance; // the listener's lines, not the host's shutdown chatter
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)}");
        public void Dispose() { }
    }
}
