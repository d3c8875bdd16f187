using System.Diagnostics.Metrics;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.StoreScp.Telemetry;

namespace VoxDose.StoreScp.Tests.Node;

public class NodeMeterTests
{
    [Fact]
    public async Task Stored_and_refused_instances_are_counted_with_their_status()
    {
        var rig = await IngestRig.CreateAsync();
        var measurements = new List<(string Name, long Value, string? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, rig.Meter.InstancesStored) || ReferenceEquals(instrument, rig.Meter.InstancesRefused)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? status = null;
            foreach (var tag in tags) if (tag.Key == "status") status = tag.Value as string;
            lock (measurements) measurements.Add((instrument.Name, value, status));
        });
        listener.Start();

        await rig.SendAsync(IngestRig.Pet(1));
        await rig.SendAsync(IngestRig.Pet(2) with { SopInstanceUid = "not a uid" });

        Assert.Contains(("voxdose.instances.stored", 1L, (string?)null), measurements);
        Assert.Contains(("voxdose.instances.refused", 1L, "C000"), measurements);
    }
}
