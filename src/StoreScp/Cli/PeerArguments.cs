using System.CommandLine;
using VoxDose.Dicom.Network.Client;

namespace VoxDose.StoreScp.Cli;

/// <summary>The options naming a remote DICOM peer, shared by the <c>echo</c> and <c>send</c> verbs.</summary>
internal sealed class PeerArguments
{
    public Option<string> Host { get; } = new("--host") { Description = "Host name or address of the peer.", Required = true };

    public Option<int> Port { get; } = new("--port") { Description = "TCP port of the peer.", Required = true };

    public Option<string> CalledAe { get; } = new("--called-ae") { Description = "AE title of the peer (called AE).", Required = true };

    public Option<string> CallingAe { get; } = new("--calling-ae") { Description = "Our AE title (calling AE).", DefaultValueFactory = _ => "VOXDOSE" };

    public Option<int> TimeoutS { get; } = new("--timeout") { Description = "Seconds to wait for the peer at each step.", DefaultValueFactory = _ => 30 };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(CalledAe);
        command.Options.Add(CallingAe);
        command.Options.Add(TimeoutS);
    }

    public DicomClientOptions Read(ParseResult parseResult)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(TimeoutS)));
        return new DicomClientOptions
        {
            Host = parseResult.GetValue(Host)!,
            Port = parseResult.GetValue(Port),
            CalledAeTitle = parseResult.GetValue(CalledAe)!,
            CallingAeTitle = parseResult.GetValue(CallingAe)!,
            ConnectTimeout = timeout,
            AssociationTimeout = timeout,
            RequestTimeout = timeout * 4,
        };
    }
}
