using System.Text.Json;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>NOTICE names every third-party package the voxdose program ships (as restored for src/StoreScp).</summary>
public class NoticeTests
{
    [Fact]
    public void Notice_lists_every_shipped_package()
    {
        var assets = Path.Combine(TestPaths.RepoRoot, "src", "StoreScp", "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is written by the restore that built these tests");
        using var json = JsonDocument.Parse(File.ReadAllBytes(assets));
        var packages = json.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "package")
            .Select(p => p.Name.Split('/')[0]).ToList();
        Assert.NotEmpty(packages);
        var notice = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "NOTICE"));
        var missing = packages.Where(p => !notice.Contains(p, StringComparison.Ordinal) && !p.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "NOTICE does not name: " + string.Join(", ", missing));
        Assert.Contains("PDFsharp                                        6.2.4      MIT", notice, StringComparison.Ordinal);
        Assert.StartsWith("Apache License\n                           Version 2.0", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "LICENSE")).TrimStart(), StringComparison.Ordinal);
    }
}
