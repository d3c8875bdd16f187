using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Export;

/// <summary>Used until the DICOM SCU is wired in: every attempt fails with an honest reason and is retried on schedule.</summary>
public sealed class UnavailableDicomSender : IDicomSender
{
    public Task<IReadOnlyList<SendResult>> SendAsync(DestinationOptions destination, string callingAeTitle, IReadOnlyList<string> files,
        TimeSpan timeout, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SendResult>>(files.Select(f => new SendResult(f, false, null, "the DICOM SCU is not built into this VoxDose version yet")).ToList());
}
