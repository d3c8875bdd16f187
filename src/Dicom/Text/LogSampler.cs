namespace VoxDose.Dicom;

/// <summary>
/// Rate-limits a repeated log line: for each key (e.g. peer address and reason) the first occurrence in an interval is
/// logged, the rest of that interval are only counted, and the next line logged says how many were left out. A flood
/// of rejected associations is then a handful of lines, not one each. The number of keys is bounded: past
/// <see cref="MaxKeys"/>, keys idle for an interval are forgotten, and if that frees nothing, new keys share one.
/// </summary>
public sealed class LogSampler(TimeSpan interval, TimeProvider? time = null)
{
    public const int MaxKeys = 4096;
    private const string Overflow = "(other)";
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, long Suppressed)> _keys = [];

    /// <summary>True when this occurrence should be logged; <paramref name="suppressed"/> is how many of the key were not logged before it.</summary>
    public bool ShouldLog(string key, out long suppressed)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_keys.ContainsKey(key) && _keys.Count >= MaxKeys)
            {
                foreach (var stale in _keys.Where(k => now - k.Value.LoggedAt >= interval).Select(k => k.Key).ToList()) _keys.Remove(stale);
                if (_keys.Count >= MaxKeys) key = Overflow;
            }
            if (_keys.TryGetValue(key, out var entry) && now - entry.LoggedAt < interval)
            {
                _keys[key] = (entry.LoggedAt, entry.Suppressed + 1);
                suppressed = 0;
                return false;
            }
            suppressed = entry.Suppressed;
            _keys[key] = (now, 0);
            return true;
        }
    }
}
