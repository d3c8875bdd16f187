using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Server;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

[Collection("NetworkLoad")]
public class TimeoutAndMemoryTests
{
    [Fact]
    public async Task Idle_timeout_is_measured_on_the_injected_clock_not_by_sleeping()
    {
        var clock = new ManualTimeProvider();
        var root = TestPaths.NewTempDirectory();
        await using var server = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = ["CLOCK"] },
            TempDirectory = root,
            ArtimTimeout = TimeSpan.FromMinutes(10),
            IdleTimeout = TimeSpan.FromHours(1),
        }, new DirectoryStoreHandler(Path.Combine(root, "out")), time: clock);
        await server.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint!.Port);
        await peer.AssociateAsync("CLOCK", new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]));

        await clock.WaitForTimerAsync(TimeSpan.FromHours(1)); // the server is now waiting for a PDU
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await peer.ClosedByServerAsync(TimeSpan.FromMilliseconds(300)), "aborted before the idle timeout");
        clock.Advance(TimeSpan.FromMinutes(2));
        var abort = Assert.IsType<AbortPdu>(await peer.ReceiveAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(AbortSource.ServiceProvider, abort.Source);
    }

    [Fact]
    public async Task Stores_and_received_bytes_are_counted_on_the_meter()
    {
        long stores = 0, bytes = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "VoxDose.Dicom.Network") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "voxdose.dicom.stores") Interlocked.Add(ref stores, value);
            if (instrument.Name == "voxdose.dicom.received_bytes") Interlocked.Add(ref bytes, value);
        });
        listener.Start();
        await using var scp = await ScpHarness.StartAsync();
        var dir = TestPaths.NewTempDirectory();
        var files = SyntheticDicom.WritePetSeries(dir, 3);
        Assert.All(await DicomClient.SendAsync(scp.Client(), [dir]), r => Assert.True(r.Succeeded));
        Assert.Equal(3, Interlocked.Read(ref stores));
        var dataSetBytes = files.Sum(f => DicomDatasetWriter.ToBytes(DicomFile.Open(f).Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Length);
        Assert.Equal(dataSetBytes, Interlocked.Read(ref bytes));
    }

    [Fact]
    public async Task A_large_instance_is_streamed_not_buffered()
    {
        await using var scp = await ScpHarness.StartAsync();
        var dir = TestPaths.NewTempDirectory();
        var file = SyntheticDicom.WritePetSeries(dir, 1, rows: 4096, columns: 4096)[0]; // 32 MiB of pixel data
        var fileBytes = new FileInfo(file).Length;
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = Assert.Single(await DicomClient.SendAsync(scp.Client(), [file]));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(result.Succeeded, result.ToString());
        Assert.True(allocated < fileBytes / 3, $"sending and receiving {fileBytes} bytes allocated {allocated} bytes: something buffers whole instances");
        DatasetAssert.Equal(DicomFile.Open(file).Dataset, DicomFile.Open(scp.StoredFiles()[0]).Dataset);
    }
}
