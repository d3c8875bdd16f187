using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Export;

/// <summary>The status a destination returned for one file (0000 success; null when the association itself failed).</summary>
public sealed record SendResult(string Path, bool Success, int? DicomStatus, string? Error);

/// <summary>
/// Sends a batch of DICOM files to one destination over ONE association (C-STORE per file). Never throws for a
/// network failure: every file gets a result. Must return within <paramref name="timeout"/>.
/// </summary>
public interface IDicomSender
{
    Task<IReadOnlyList<SendResult>> SendAsync(DestinationOptions destination, string callingAeTitle, IReadOnlyList<string> files,
        TimeSpan timeout, CancellationToken ct);
}
