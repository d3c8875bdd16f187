using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>Runs dicom3tools' dciodvfy and splits its report into errors and warnings.</summary>
internal static class Dciodvfy
{
    /// <summary>
    /// dicom3tools 1.00~20220618 aborts with this assertion on any Pixel Data with Bits Allocated 32 (its reader
    /// handles at most 16-bit words); the same abort is reported by Horos' validator (horosproject/horos#614).
    /// </summary>
    public const string ThirtyTwoBitAbort = "Proposal14EncodingRules";

    public sealed record Report(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string Raw, bool Aborted);

    public static Report Run(string path)
    {
        var result = ExternalTool.Run("dciodvfy", path);
        var lines = (result.StdOut + "\n" + result.StdErr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        var warnings = lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        var aborted = result.ExitCode != 0 && (result.StdOut + result.StdErr).Contains(ThirtyTwoBitAbort, StringComparison.Ordinal);
        return new Report(errors, warnings, result.StdOut + result.StdErr, aborted);
    }
}
