using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Node;

/// <summary>
/// Issue 7's crash acceptance, run in the suite: <c>bench/node/kill9.sh</c> kills <c>voxdose serve</c> with -9 while
/// DCMTK's storescu sends a 200-instance study, restarts it and resends; every instance acknowledged before the kill
/// must be in the spool and the study must be computed and exported exactly once (the script exits non-zero otherwise).
/// </summary>
public class NodeKill9ScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void Kill_9_during_ingest_loses_no_acknowledged_instance_and_processes_the_study_once()
    {
        var script = Path.Combine(TestPaths.RepoRoot, "bench", "node", "kill9.sh");
        var run = ExternalTool.Run("bash", [script, "80"], TimeSpan.FromMinutes(8),
            environment: new Dictionary<string, string> { ["VOXDOSE_BIN"] = AppContext.BaseDirectory });
        output.WriteLine(run.StdOut);
        output.WriteLine(run.StdErr);
        run.EnsureSuccess();
        Assert.Contains("OK: every acknowledged instance is in the spool", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("OK: processed exactly once, every export delivered once", run.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"acknowledged before the kill: ([1-9]\d*) instances", run.StdOut);
    }
}
