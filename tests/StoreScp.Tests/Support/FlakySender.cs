using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>A destination that is down until <see cref="Up"/> is set, then accepts everything; records every association.</summary>
public sealed class FlakySender : IDicomSender
{
    public volatile bool Up;

    public List<IReadOnlyList<string>> Associations { get; } = [];

    public Task<IReadOnlyList<SendResult>> SendAsync(DestinationOptions destination, string callingAeTitle, IReadOnlyList<string> files,
        TimeSpan timeout, CancellationToken ct)
    {
        lock (Associations) Associations.Add(files);
        IReadOnlyList<SendResult> results = Up
            ? files.Select(f => new SendResult(f, true, 0, null)).ToList()
            : files.Select(f => new SendResult(f, false, null, "connection refused")).ToList();
        return Task.FromResult(results);
    }
}
