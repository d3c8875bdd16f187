using System.Diagnostics.Metrics;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>Metrics of the DICOM server (meter "VoxDose.Dicom.Network"), for dotnet-counters or OpenTelemetry.</summary>
internal static class ServerMeter
{
    public const string Name = "VoxDose.Dicom.Network";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Associations = Meter.CreateCounter<long>("voxdose.dicom.associations", description: "Associations ended, by outcome");
    private static readonly Counter<long> Stores = Meter.CreateCounter<long>("voxdose.dicom.stores", description: "C-STORE requests answered, by status class");
    private static readonly Counter<long> ReceivedBytes = Meter.CreateCounter<long>("voxdose.dicom.received_bytes", "By", "Data set bytes received by C-STORE");

    private static readonly Counter<long> RefusedConnections = Meter.CreateCounter<long>("voxdose.dicom.refused_connections", description: "TCP connections closed on accept (over the connection limits)");

    private static readonly Counter<long> RejectedAssociations = Meter.CreateCounter<long>("voxdose.dicom.rejected_associations", description: "A-ASSOCIATE-RJ sent, by source and reason (every one, while logs and audit are sampled)");

    public static void ConnectionRefused() => RefusedConnections.Add(1);

    public static void Rejected(Pdus.AssociateRejectPdu reject) => RejectedAssociations.Add(1,
        new KeyValuePair<string, object?>("result", reject.Result.ToString()), new KeyValuePair<string, object?>("source", reject.Source.ToString()),
        new KeyValuePair<string, object?>("reason", (int)reject.Reason));

    public static void AssociationEnded(AssociationEnd end) => Associations.Add(1, new KeyValuePair<string, object?>("outcome", end.ToString()));

    public static void Stored(ushort status, long dataSetBytes)
    {
        var outcome = DimseStatus.IsSuccess(status) ? "success" : DimseStatus.IsWarning(status) ? "warning" : "failure";
        Stores.Add(1, new KeyValuePair<string, object?>("status", outcome));
        ReceivedBytes.Add(dataSetBytes);
    }
}
