using System.CommandLine;
using System.Diagnostics;
using System.Security.Authentication;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.StoreScp.Cli;

/// <summary>The <c>echo</c> verb: C-ECHO a DICOM peer (verification, PS3.4 annex A). Exit code 0 only on success.</summary>
internal static class EchoCommand
{
    public static Command Create()
    {
        var peer = new PeerArguments();
        var tlsArguments = new TlsArguments(server: false);
        var command = new Command("echo", "Check that a DICOM peer answers (C-ECHO).");
        peer.AddTo(command);
        tlsArguments.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (tls, tlsErrors) = tlsArguments.ReadClient(parseResult);
            var options = peer.Read(parseResult) with { Tls = tls };
            var errors = options.Validate().Concat(tlsErrors).ToList();
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"echo: {e}");
                return 2;
            }
            var watch = Stopwatch.StartNew();
            try
            {
                var status = await DicomClient.EchoAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"C-ECHO {options.CallingAeTitle} -> {options.CalledAeTitle}@{options.Host}:{options.Port}: {DimseStatus.Describe(status)} in {watch.ElapsedMilliseconds} ms");
                return DimseStatus.IsSuccess(status) ? 0 : 1;
            }
            catch (Exception e) when (e is DicomNetworkException or TimeoutException or IOException or AuthenticationException)
            {
                Console.Error.WriteLine($"C-ECHO {options.CalledAeTitle}@{options.Host}:{options.Port} failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
