using System.Net;
using System.Net.Sockets;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>A scripted acceptor: accepts one association (all contexts, first transfer syntax) then runs a script.</summary>
internal sealed class FakeAcceptor : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _run;

    public FakeAcceptor(Func<PduReader, Stream, Task> script)
    {
        _listener.Start();
        _run = RunAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task Completion => _run;

    private async Task RunAsync(Func<PduReader, Stream, Task> script)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        var reader = new PduReader(stream, new PduLimits());
        var rq = Assert.IsType<AssociateRequestPdu>(await reader.ReadAsync(CancellationToken.None));
        await stream.WriteAsync(PduEncoder.Encode(new AssociateAcceptPdu
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            PresentationContexts = [.. rq.PresentationContexts.Select(p => new PresentationContextAnswer(p.Id, PresentationContextResult.Acceptance, p.TransferSyntaxes[0]))],
            UserInformation = new UserInformation { MaxPduLength = 16384 },
        }));
        await script(reader, stream);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _run.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is IOException or SocketException or TimeoutException) { }
        _listener.Dispose();
    }
}
