using System.Collections.Concurrent;
using System.Net.Sockets;
using VoxDose.Dicom;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Tests.Shared;

/// <summary>
/// A seeded fuzz campaign against a DICOM SCP (issue 11): mutated A-ASSOCIATE-RQ PDUs, mutated P-DATA after a valid
/// association, and mutated Part 10 files (for the reader, and sent by C-STORE). Every input must get a protocol answer
/// (AC, RJ, A-ABORT, a DIMSE status) or a clean close within <see cref="AnswerTimeout"/>; anything else is a hang.
/// Instances answered with a success status are remembered with the data set bytes sent, so <see cref="FindLost"/> can
/// check the spool. Used by the bounded fuzz test (in process) and by bench/fuzz/run.sh (against `voxdose serve`).
/// </summary>
public sealed class FuzzCampaign(string host, int port, string calledAe, string callingAe, IReadOnlyList<byte[]> seedFiles, int seed)
{
    public const string Hang = "hang";

    private readonly ConcurrentDictionary<string, long> _outcomes = new();
    private readonly ConcurrentBag<(string SopInstanceUid, byte[]? DataSet)> _acknowledged = [];

    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Outcome counts, keyed "kind: outcome" (e.g. "associate: A-ASSOCIATE-RJ", "p-data: status A900").</summary>
    public IReadOnlyDictionary<string, long> Outcomes => _outcomes;

    public long Hangs => _outcomes.Where(o => o.Key.EndsWith(Hang, StringComparison.Ordinal)).Sum(o => o.Value);

    public int Acknowledged => _acknowledged.Count;

    private AssociateRequestPdu Request => new()
    {
        CalledAeTitle = calledAe,
        CallingAeTitle = callingAe,
        PresentationContexts =
        [
            new PresentationContextProposal(1, DicomUids.PETImageStorage, [DicomUids.ExplicitVRLittleEndian]),
            new PresentationContextProposal(3, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
        ],
        UserInformation = new UserInformation { MaxPduLength = 16384 },
    };

    /// <summary>Mutated A-ASSOCIATE-RQ PDUs, each on its own connection.</summary>
    public Task RunAssociationRequestsAsync(int count, int parallelism, CancellationToken ct = default)
    {
        var valid = PduEncoder.Encode(Request);
        return ForEachAsync(count, parallelism, 1, async (random, _) =>
        {
            var outcome = await ExchangeAsync(Mutate(random, valid), null, ct).ConfigureAwait(false);
            Count("associate", outcome.First);
        }, ct);
    }

    /// <summary>A valid association, then a C-STORE whose P-DATA PDUs are mutated (payload only, or framing too).</summary>
    public Task RunPDataAsync(int count, int parallelism, CancellationToken ct = default) =>
        ForEachAsync(count, parallelism, 2, async (random, _) =>
        {
            var (uid, dataSet, sopClass) = UniqueInstance(random);
            var command = DicomCommandCodec.Encode(DicomCommand.StoreRequest(1, sopClass, uid));
            var framingIntact = random.Next(2) == 0;
            if (framingIntact)
            {
                if (random.Next(3) == 0) command = Mutate(random, command);
                else dataSet = Mutate(random, dataSet);
            }
            var wire = new List<byte>();
            wire.AddRange(DataPdu(1, true, true, command));
            for (var offset = 0; offset < dataSet.Length; offset += 16000)
                wire.AddRange(DataPdu(1, false, offset + 16000 >= dataSet.Length, dataSet[offset..Math.Min(dataSet.Length, offset + 16000)]));
            var bytes = framingIntact ? wire.ToArray() : Mutate(random, wire.ToArray());
            var outcome = await ExchangeAsync(bytes, PduEncoder.Encode(Request), ct).ConfigureAwait(false);
            Count("p-data", outcome.First);
            if (outcome.StoredUid is { } stored) _acknowledged.Add((stored, framingIntact && stored == uid ? dataSet : null));
        }, ct);

    /// <summary>Mutated Part 10 files sent by our SCU (<see cref="DicomClient"/>), <paramref name="perAssociation"/> to an association.</summary>
    public Task RunCStoresAsync(int count, int parallelism, string workDirectory, int perAssociation = 10, CancellationToken ct = default) =>
        ForEachAsync((count + perAssociation - 1) / perAssociation, parallelism, 3, async (random, batch) =>
        {
            var directory = Path.Combine(workDirectory, $"batch{batch}");
            Directory.CreateDirectory(directory);
            var bodies = new Dictionary<string, byte[]?>();
            for (var i = 0; i < perAssociation && batch * perAssociation + i < count; i++)
            {
                var path = Path.Combine(directory, $"{i}.dcm");
                var bytes = MutatedFile(random);
                File.WriteAllBytes(path, bytes);
                bodies[path] = BodyOf(bytes);
            }
            var options = new DicomClientOptions { Host = host, Port = port, CalledAeTitle = calledAe, CallingAeTitle = callingAe };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(AnswerTimeout * 4);
            try
            {
                foreach (var result in await DicomClient.SendAsync(options, bodies.Keys, cancellationToken: timeout.Token).ConfigureAwait(false))
                {
                    Count("c-store", result.Status is { } s ? $"status {s:X4}" : "not sent (refused by our SCU)");
                    if (result.Succeeded && result.SopInstanceUid is { } uid) _acknowledged.Add((uid, bodies[result.Path]));
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Count("c-store", Hang);
            }
            catch (Exception e) when (e is IOException or SocketException or VoxDose.Dicom.Network.DicomNetworkException)
            {
                Count("c-store", "association failed: " + e.GetType().Name);
            }
            finally { Directory.Delete(directory, true); }
        }, ct);

    /// <summary>A mutated copy of one of the seed files: byte flips, a cut, a run of random bytes or a damaged length.</summary>
    public byte[] MutatedFile(Random random) => Mutate(random, seedFiles[random.Next(seedFiles.Count)]);

    /// <summary>Acknowledged instances missing from the spool (<c>{spool}/{study}/{series}/{SOP Instance UID}/*.dcm</c>) or stored with other content.</summary>
    public IReadOnlyList<string> FindLost(string spoolRoot)
    {
        var byUid = Directory.Exists(spoolRoot)
            ? Directory.EnumerateDirectories(spoolRoot).SelectMany(Directory.EnumerateDirectories).SelectMany(Directory.EnumerateDirectories)
                .GroupBy(Path.GetFileName).ToDictionary(g => g.Key!, g => g.SelectMany(d => Directory.GetFiles(d, "*.dcm")).ToList())
            : [];
        var lost = new List<string>();
        foreach (var (uid, dataSet) in _acknowledged)
        {
            var files = byUid.GetValueOrDefault(uid.TrimEnd('\0', ' ')) ?? [];
            if (files.Count == 0) lost.Add($"{uid}: acknowledged, not in the spool");
            else if (dataSet is not null && !files.Any(f => File.ReadAllBytes(f).AsSpan().EndsWith(dataSet)))
                lost.Add($"{uid}: acknowledged, in the spool with other content");
        }
        return lost;
    }

    private void Count(string kind, string outcome) => _outcomes.AddOrUpdate($"{kind}: {outcome}", 1, (_, n) => n + 1);

    private (string Uid, byte[] DataSet, string SopClass) UniqueInstance(Random random)
    {
        var file = DicomFile.Read(new MemoryStream(seedFiles[random.Next(seedFiles.Count)]));
        var uid = $"2.25.{(ulong)random.NextInt64()}{random.Next(1000, 9999)}";
        file.Dataset.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, uid);
        var sopClass = file.Dataset.GetString(DicomTag.SOPClassUID) ?? DicomUids.PETImageStorage;
        return (uid, DicomDatasetWriter.ToBytes(file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian), sopClass);
    }

    /// <summary>The data set bytes of a Part 10 file (after its meta group), or null if the meta group cannot be measured.</summary>
    private static byte[]? BodyOf(byte[] part10)
    {
        if (part10.Length < 144 || part10[128] != 'D' || part10[131] != 'M') return null;
        var end = 144L + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(part10.AsSpan(140));
        return end <= part10.Length ? part10[(int)end..] : null;
    }

    /// <summary>Sends <paramref name="setup"/> (and expects A-ASSOCIATE-AC) then <paramref name="bytes"/>, half-closes, and reads answers until the close.</summary>
    private async Task<(string First, string? StoredUid)> ExchangeAsync(byte[] bytes, byte[]? setup, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AnswerTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var reader = new PduReader(stream, new PduLimits { MaxDataPduLength = 1 << 20 });
            if (setup is not null)
            {
                await stream.WriteAsync(setup, timeout.Token).ConfigureAwait(false);
                var answer = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (answer is not AssociateAcceptPdu) return ($"setup: {answer?.ToString() ?? "closed"} instead of A-ASSOCIATE-AC", null);
            }
            try
            {
                await stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (IOException)
            {
                // The server may close (after an A-ABORT) before it has read everything: the answer is still to be read.
            }
            string? first = null;
            string? stored = null;
            while (true)
            {
                Pdu? pdu;
                try
                {
                    pdu = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or DicomProtocolException)
                {
                    pdu = null;
                }
                if (pdu is null) return (first ?? "closed", stored);
                var answer = pdu switch
                {
                    DataTransferPdu data when data.Values.FirstOrDefault(v => v.IsCommand) is { Data.Length: > 0 } v => Describe(v, ref stored),
                    _ => pdu.Type.ToString(),
                };
                first ??= answer;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (Hang, null);
        }
        catch (SocketException e)
        {
            return ("connect failed: " + e.SocketErrorCode, null);
        }
    }

    private static string Describe(PresentationDataValue value, ref string? stored)
    {
        var response = DicomCommandCodec.Decode(value.Data.Span);
        if (response.Status is { } status && DimseStatus.IsStored(status) && response.CommandField == CommandField.CStoreResponse)
            stored = response.AffectedSopInstanceUid;
        return $"status {response.Status ?? 0xFFFF:X4}";
    }

    /// <summary>A P-DATA-TF PDU with one PDV (PS3.8 9.3.5), framed here so that the fuzzer controls every byte.</summary>
    private static byte[] DataPdu(byte contextId, bool command, bool last, byte[] data)
    {
        var pdu = new byte[12 + data.Length];
        pdu[0] = (byte)PduType.DataTransfer;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)(6 + data.Length));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), (uint)(2 + data.Length));
        pdu[10] = contextId;
        pdu[11] = (byte)((command ? PresentationDataValue.CommandBit : 0) | (last ? PresentationDataValue.LastFragmentBit : 0));
        data.CopyTo(pdu, 12);
        return pdu;
    }

    /// <summary>One to four mutations: flipped bytes, a cut, inserted random bytes, or a 16/32-bit field set to an extreme.</summary>
    public static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        for (var k = random.Next(1, 5); k > 0 && bytes.Length > 0; k--)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(6))
            {
                case 0 or 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes = bytes[..at];
                    break;
                case 3:
                    var run = new byte[random.Next(1, 64)];
                    random.NextBytes(run);
                    bytes = [.. bytes[..at], .. run, .. bytes[at..]];
                    break;
                case 4 when at + 4 <= bytes.Length:
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at),
                        random.Next(3) switch { 0 => 0xFFFFFFFF, 1 => 0, _ => (uint)random.Next() });
                    break;
                default:
                    if (at + 2 <= bytes.Length) System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)random.Next(65536));
                    break;
            }
        }
        return bytes;
    }

    private Task ForEachAsync(int count, int parallelism, int stream, Func<Random, int, Task> body, CancellationToken ct) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (i, _) => await body(new Random(unchecked(seed * 1_000_003 + stream * 10_000_019 + i)), i).ConfigureAwait(false));
}
