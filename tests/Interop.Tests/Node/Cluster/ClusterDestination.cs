using System.Collections.Concurrent;
using System.Net;
using VoxDose.Dicom;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Server;

namespace VoxDose.Interop.Tests.Node.Cluster;

/// <summary>One delivery the destination acknowledged: which object, of which study, and its SOP class.</summary>
internal sealed record Delivery(string SopInstanceUid, string SopClassUid, string StudyUid);

/// <summary>
/// The cluster's PACS: an in-process C-STORE SCP on a free loopback port that keeps every delivery, duplicates
/// included (a plain SCP would overwrite the file of a repeated SOP Instance UID and hide the duplicate). A test can
/// hold the next C-STORE unanswered (<see cref="HoldNext"/>) to kill the sending node mid-export.
/// </summary>
internal sealed class ClusterDestination : IDicomServiceHandler, IAsyncDisposable
{
    public const string AeTitle = "CLUSTERPACS";
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private readonly string _directory;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private DicomServer _server = null!;
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _release;

    private ClusterDestination(string directory) => _directory = directory;

    public int Port { get; private set; }

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>The SOP Instance UID of the C-STORE held by <see cref="HoldNext"/>, once it has arrived.</summary>
    public string? HeldSopInstanceUid { get; private set; }

    public static async Task<ClusterDestination> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var destination = new ClusterDestination(directory) { Port = VoxDose.Tests.Shared.ExternalTool.FreeTcpPort() };
        destination._server = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback, Port = destination.Port, Policy = new AcceptPolicy { CalledAeTitles = [AeTitle] },
            TempDirectory = Path.Combine(directory, ".incoming"),
        }, destination);
        await destination._server.StartAsync();
        return destination;
    }

    /// <summary>
    /// The next C-STORE is held without an answer; the returned task completes when it has arrived. Call
    /// <see cref="Release"/> to let it (and every later one) through: the held object is then stored even if its sender
    /// has gone meanwhile, as a PACS that committed an object before the connection dropped.
    /// </summary>
    public Task HoldNext()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _held.Task;
    }

    public void Release() => _release?.TrySetResult();

    public async ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        if (_held is { Task.IsCompleted: false } held && _release is { } release)
        {
            HeldSopInstanceUid = request.SopInstanceUid;
            held.TrySetResult();
            await release.Task; // not cancelled when the sender goes away: this PACS commits what it received

        }
        var header = DicomFile.Open(request.FilePath, HeaderOnly).Dataset;
        var study = header.GetString(DicomTag.StudyInstanceUID)?.Trim() ?? "";
        File.Move(request.FilePath, Path.Combine(_directory, $"{request.SopInstanceUid}.{Guid.NewGuid():N}.dcm"));
        _deliveries.Enqueue(new Delivery(request.SopInstanceUid, request.SopClassUid, study));
        return StoreResponse.Success;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.DisposeAsync();
    }

    /// <summary>RT Dose, SR (any structured report class) or PDF: the three results the node sends per study.</summary>
    public static string KindOf(string sopClassUid) => sopClassUid switch
    {
        "1.2.840.10008.5.1.4.1.1.481.2" => "rtdose",
        "1.2.840.10008.5.1.4.1.1.104.1" => "pdf",
        _ when sopClassUid.StartsWith("1.2.840.10008.5.1.4.1.1.88.", StringComparison.Ordinal) => "sr",
        _ => sopClassUid,
    };
}
