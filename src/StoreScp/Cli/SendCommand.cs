using System.CommandLine;
using System.Security.Authentication;
using Spectre.Console;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>send</c> verb: C-STORE files and folders (recursively) to a DICOM peer over one association, then print a
/// summary by status. Exit code 1 if any instance was not stored, 2 on bad arguments.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var peer = new PeerArguments();
        var paths = new Argument<string[]>("files") { Description = "DICOM files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var tlsArguments = new TlsArguments(server: false);
        var command = new Command("send", "Send DICOM files or folders to a peer (C-STORE).");
        peer.AddTo(command);
        tlsArguments.AddTo(command);
        command.Arguments.Add(paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (tls, tlsErrors) = tlsArguments.ReadClient(parseResult);
            var options = peer.Read(parseResult) with { Tls = tls };
            var inputs = parseResult.GetValue(paths) ?? [];
            IReadOnlyList<string> errors = [.. options.Validate(), .. tlsErrors, .. inputs.Where(p => !File.Exists(p) && !Directory.Exists(p)).Select(p => $"'{p}' is neither a file nor a folder.")];
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"send: {e}");
                return 2;
            }
            var files = DicomClient.ExpandPaths(inputs);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("send: no files found.");
                return 2;
            }

            IReadOnlyList<StoreResult> results;
            try
            {
                results = await SendAsync(options, files, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationException e)
            {
                Console.Error.WriteLine($"send: TLS handshake with {options.Host}:{options.Port} failed: {e.Message}");
                return 1;
            }
            return PrintSummary(results);
        });
        return command;
    }

    private static async Task<IReadOnlyList<StoreResult>> SendAsync(DicomClientOptions options, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await DicomClient.SendAsync(options, files, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await AnsiConsole.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask($"Sending to {options.CalledAeTitle}", maxValue: files.Count);
            var progress = new Progress<StoreResult>(_ => task.Increment(1));
            return await DicomClient.SendAsync(options, files, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static int PrintSummary(IReadOnlyList<StoreResult> results)
    {
        foreach (var group in results.GroupBy(r => r.Status is { } s ? DimseStatus.Describe(s) : "not sent").OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"{group.Count(),6}  {group.Key}");
        var failed = results.Where(r => !r.Succeeded).ToList();
        foreach (var f in failed) Console.Error.WriteLine($"FAILED {f}");
        Console.WriteLine($"sent {results.Count - failed.Count} of {results.Count} instances{(failed.Count > 0 ? $", {failed.Count} failed" : "")}");
        return failed.Count == 0 ? 0 : 1;
    }
}
