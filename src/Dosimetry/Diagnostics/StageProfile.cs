using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VoxDose.Dosimetry.Diagnostics;

/// <summary>One measured stage: wall time, and the process's CPU time (user + system) spent while it ran.</summary>
/// <param name="Parallel">True when the stage ran next to others (its CPU then includes theirs).</param>
/// <param name="Count">How many times the stage ran (e.g. once per ROI), its times summed.</param>
public sealed record StageTiming(string Name, double WallMs, double CpuMs, bool Parallel, int Count = 1);

/// <summary>
/// A per-stage profile of one dosimetry run (read, activity, kernel, convolution, rasterise, metrics, RT Dose, SR,
/// PDF, images, writes). The code measures a stage with <c>using var _ = StageProfile.Measure("kernel");</c>, which
/// does nothing unless a profile is active for the current flow (<see cref="Activate"/>): the pipeline pays nothing
/// when nobody profiles it. CPU is the whole process's (getrusage), so a stage that overlaps others is marked
/// <see cref="StageTiming.Parallel"/>.
/// </summary>
public sealed class StageProfile
{
    private static readonly AsyncLocal<StageProfile?> Active = new();
    private readonly ConcurrentQueue<StageTiming> stages = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = CpuNow();

    /// <summary>The stages in the order they first finished, repeated runs of one stage summed.</summary>
    public IReadOnlyList<StageTiming> Stages => [.. stages.GroupBy(s => s.Name).Select(g => new StageTiming(
        g.Key, g.Sum(s => s.WallMs), g.Sum(s => s.CpuMs), g.Any(s => s.Parallel), g.Sum(s => s.Count)))];

    /// <summary>Wall time since the profile was created, ms.</summary>
    public double TotalWallMs => clock.Elapsed.TotalMilliseconds;

    /// <summary>Process CPU time since the profile was created, ms.</summary>
    public double TotalCpuMs => (CpuNow() - cpuAtStart).TotalMilliseconds;

    /// <summary>Makes this profile the one <see cref="Measure"/> records into, for the current flow, until disposed.</summary>
    public IDisposable Activate()
    {
        var previous = Active.Value;
        Active.Value = this;
        return new Restore(previous);
    }

    /// <summary>Starts timing a stage of the active profile (a no-op without one); the stage ends when disposed.</summary>
    public static Scope Measure(string name, bool parallel = false) => new(Active.Value, name, parallel);

    /// <summary>Records a stage measured elsewhere (e.g. the runtime's start-up, before any code of ours ran).</summary>
    public void Add(StageTiming timing) => stages.Enqueue(timing);

    /// <summary>The profile as JSON: stages, totals (wall, CPU) and the process's peak resident memory.</summary>
    public void WriteJson(string path, IReadOnlyDictionary<string, double>? extra = null)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("stages");
        foreach (var s in Stages)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteNumber("wallMs", Math.Round(s.WallMs, 2));
            json.WriteNumber("cpuMs", Math.Round(s.CpuMs, 2));
            json.WriteBoolean("parallel", s.Parallel);
            json.WriteNumber("count", s.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("totalWallMs", Math.Round(TotalWallMs, 2));
        json.WriteNumber("totalCpuMs", Math.Round(TotalCpuMs, 2));
        json.WriteNumber("peakWorkingSetMB", Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1));
        // Methods the JIT still compiled (whole process: what ReadyToRun did not cover) and the time it spent on them.
        json.WriteNumber("jitMethods", System.Runtime.JitInfo.GetCompiledMethodCount());
        json.WriteNumber("jitMs", Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, 2));
        foreach (var (key, value) in extra ?? new Dictionary<string, double>())
            json.WriteNumber(key, value);
        json.WriteEndObject();
    }

    /// <summary>A plain table, one stage a line, for a console.</summary>
    public string ToTable()
    {
        var lines = Stages.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Name,-14} {s.WallMs,9:F1} ms wall {s.CpuMs,9:F1} ms CPU{(s.Count > 1 ? $"  x{s.Count}" : "")}{(s.Parallel ? "  (in parallel)" : "")}"));
        return string.Join(Environment.NewLine, lines.Append(string.Create(CultureInfo.InvariantCulture,
            $"{"total",-14} {TotalWallMs,9:F1} ms wall {TotalCpuMs,9:F1} ms CPU")).Append(string.Create(CultureInfo.InvariantCulture,
            $"{"of which JIT",-14} {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,9:F1} ms ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods not precompiled)")));
    }

    /// <summary>User + system CPU time of the whole process so far.</summary>
    public static TimeSpan CpuNow()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The timing of one stage; ends on dispose.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly StageProfile? profile;
        private readonly string name;
        private readonly bool parallel;
        private readonly long startTicks;
        private readonly TimeSpan cpuStart;

        internal Scope(StageProfile? profile, string name, bool parallel)
        {
            this.profile = profile;
            this.name = name;
            this.parallel = parallel;
            startTicks = profile is null ? 0 : Stopwatch.GetTimestamp();
            cpuStart = profile is null ? TimeSpan.Zero : CpuNow();
        }

        public void Dispose()
        {
            if (profile is null) return;
            var wall = Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds;
            profile.Add(new StageTiming(name, wall, (CpuNow() - cpuStart).TotalMilliseconds, parallel));
        }
    }

    private sealed class Restore(StageProfile? previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
