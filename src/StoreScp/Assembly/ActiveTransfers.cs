using System.Collections.Concurrent;

namespace VoxDose.StoreScp.Assembly;

/// <summary>
/// Which studies open associations are delivering right now. A study whose PET is complete waits for the
/// association that is still sending it (Orthanc sends a whole study, RTSTRUCT included, in one association) so the
/// pipeline runs once with everything, instead of once without the RTSTRUCT and again with it.
/// </summary>
public sealed class ActiveTransfers
{
    private readonly ConcurrentDictionary<object, ConcurrentDictionary<string, byte>> _byAssociation = new(ReferenceEqualityComparer.Instance);

    public void Received(object association, string studyUid) =>
        _byAssociation.GetOrAdd(association, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[studyUid] = 0;

    /// <summary>Forgets an association; returns the studies it delivered.</summary>
    public IReadOnlyCollection<string> Closed(object association) =>
        _byAssociation.TryRemove(association, out var studies) ? [.. studies.Keys] : [];

    public bool IsReceiving(string studyUid) => _byAssociation.Values.Any(s => s.ContainsKey(studyUid));
}
