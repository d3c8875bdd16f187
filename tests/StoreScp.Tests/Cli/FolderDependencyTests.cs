using System.Text.RegularExpressions;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>
/// Issue 10, house: the folders of src/StoreScp depend on each other one way (the pipeline did reach into the CLI for
/// the version; scheduling and the jobs it runs, hosting and the meter, depended on each other).
/// </summary>
public partial class FolderDependencyTests
{
    [Fact]
    public void The_folders_of_StoreScp_have_no_dependency_cycle()
    {
        var root = Path.Combine(TestPaths.RepoRoot, "src", "StoreScp");
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || !relative.Contains('/', StringComparison.Ordinal)) continue;
            var folder = relative.Split('/')[0];
            var text = File.ReadAllText(file);
            var targets = edges.TryGetValue(folder, out var set) ? set : edges[folder] = [];
            foreach (Match m in Using().Matches(text))
                if (m.Groups[1].Value != folder) targets.Add(m.Groups[1].Value);
        }
        Assert.True(edges.Count >= 10, "the folders were found");
        // Depth-first search for a cycle, reporting its path.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1) return string.Join(" -> ", stack.SkipWhile(s => s != next).Append(next));
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle) return cycle;
            }
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) Assert.Fail("folder cycle: " + cycle);
        }
    }

    [GeneratedRegex(@"^using VoxDose\.StoreScp\.([A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex Using();
}
