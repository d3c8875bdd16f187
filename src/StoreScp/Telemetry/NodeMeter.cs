using System.Diagnostics.Metrics;

namespace VoxDose.StoreScp.Telemetry;

/// <summary>
/// The node's metrics (meter <c>VoxDose.Node</c>, readable with dotnet-counters or OpenTelemetry): instances stored
/// and refused (by status), computations and their duration, exports sent and failed (by destination).
/// </summary>
public sealed class NodeMeter
{
    public const string MeterName = "VoxDose.Node";

    public NodeMeter(IMeterFactory? factory = null)
    {
        var meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        InstancesStored = meter.CreateCounter<long>("voxdose.instances.stored", "{instance}", "Instances durably stored and acknowledged");
        InstancesRefused = meter.CreateCounter<long>("voxdose.instances.refused", "{instance}", "C-STORE answered with a failure status");
        Computations = meter.CreateCounter<long>("voxdose.computations", "{computation}", "Study revisions computed (tag outcome)");
        ComputationDuration = meter.CreateHistogram<double>("voxdose.computation.duration", "s", "Dose and metrics computation time");
        ExportAttempts = meter.CreateCounter<long>("voxdose.export.attempts", "{object}", "Objects offered to a destination (tags destination, outcome)");
    }

    public Counter<long> InstancesStored { get; }
    public Counter<long> InstancesRefused { get; }
    public Counter<long> Computations { get; }
    public Histogram<double> ComputationDuration { get; }
    public Counter<long> ExportAttempts { get; }
}
