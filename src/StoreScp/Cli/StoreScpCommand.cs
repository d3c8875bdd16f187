using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Server;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>store-scp</c> verb: a plain storage SCP (like DCMTK's storescp) writing every accepted instance to
/// <c>OUT/&lt;SOP Instance UID&gt;.dcm</c>, until Ctrl+C. For debugging and interoperability tests.
/// </summary>
internal static class StoreScpCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", Required = true };
        var aet = new Option<string>("--aet") { Description = "Our AE title; other called AE titles are rejected.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write received instances into.", Required = true };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default: all, IPv4 and IPv6).", DefaultValueFactory = _ => "::" };
        var maxPdu = new Option<uint>("--max-pdu") { Description = "Maximum PDU length to announce.", DefaultValueFactory = _ => 256 * 1024 };
        var idle = new Option<int>("--idle-timeout") { Description = "Seconds of peer silence before an association is aborted.", DefaultValueFactory = _ => 120 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every association and instance." };
        var tlsArguments = new TlsArguments(server: true);
        var command = new Command("store-scp", "Receive DICOM instances (C-STORE SCP) into a folder until stopped.");
        foreach (var o in new Option[] { port, aet, output, bind, maxPdu, idle, verbose }) command.Options.Add(o);
        tlsArguments.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (tls, tlsErrors) = tlsArguments.ReadServer(parseResult);
            if (tlsErrors.Count > 0)
            {
                foreach (var e in tlsErrors) Console.Error.WriteLine($"store-scp: {e}");
                return 2;
            }
            if (!IPAddress.TryParse(parseResult.GetValue(bind), out var address))
            {
                Console.Error.WriteLine($"store-scp: --bind '{parseResult.GetValue(bind)}' is not an IP address.");
                return 2;
            }
            var outDir = Path.GetFullPath(parseResult.GetValue(output)!);
            var options = new DicomServerOptions
            {
                BindAddress = address,
                Port = parseResult.GetValue(port),
                Policy = new AcceptPolicy { CalledAeTitles = [parseResult.GetValue(aet)!] },
                MaxPduLength = parseResult.GetValue(maxPdu),
                IdleTimeout = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(idle))),
                TempDirectory = Path.Combine(outDir, ".incoming"), // same file system: storing is a rename
                Tls = tls,
            };
            var errors = options.Validate();
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"store-scp: {e}");
                return 2;
            }
            using var loggerFactory = LoggerFactory.Create(b => b
                .AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; })
                .SetMinimumLevel(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Warning));
            DirectoryStoreHandler handler;
            try
            {
                handler = new DirectoryStoreHandler(outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"store-scp: cannot use --out {outDir}: {e.Message}");
                return 1;
            }
            await using var server = new DicomServer(options, handler, loggerFactory);
            try
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"store-scp: cannot listen on {address} port {options.Port}: {e.Message}");
                return 1;
            }
            Console.WriteLine($"store-scp: {options.Policy.CalledAeTitles.First()} listening on {server.LocalEndPoint}{(tls is null ? "" : " (TLS)")}, writing to {outDir}");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.StopAsync(stop.Token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
