using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>Issue 11, "Control characters": text from files and the network is escaped before it reaches a terminal.</summary>
public class ControlCharacterTests
{
    [Fact]
    public async Task Audit_show_escapes_ESC_in_ROI_names_and_AE_titles_regression()
    {
        // The bug: `audit show` printed ROI names raw, so a name holding ESC[2J cleared the operator's terminal.
        var root = TestPaths.NewTempDirectory("voxdose-esc");
        var config = Path.Combine(root, "voxdose.json");
        await File.WriteAllTextAsync(config, $$"""{ "VoxDose": { "Storage": { "Root": "{{root.Replace("\\", "\\\\")}}" } } }""");
        var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(config));
        var db = AuditDatabase.FromOptions(options);
        await db.EnsureSchemaAsync();
        var clock = TimeProvider.System;
        var association = await new AssociationRepository(db, clock).OpenedAsync("EVIL\u001b[2J\u007f", "VOXDOSE", "127.0.0.1:1");
        await new InstanceRepository(db, clock).RecordArrivalAsync(new InstanceArrival("2.25.1", "2.25.2", "2.25.3", "1.2.840.10008.5.1.4.1.1.128", "PT",
            SeriesRole.Y90Pet, "test", "2.25.9", 1, "abc", 1, "/x", association));
        var computations = new ComputationRepository(db, clock);
        var id = await computations.StartAsync("2.25.1", 1, "vsv", "k", "{}", "test", "[]");
        await computations.FinishAsync(id, """{ "rois": [ { "name": "Liver\u001b[2J", "role": "lesion", "meanGy": 12.5 } ] }""", root);

        var result = ExternalTool.Run("dotnet", typeof(VoxDose.StoreScp.Scp.NodeStoreHandler).Assembly.Location, "audit", "show", "2.25.1", "--config", config).EnsureSuccess();

        Assert.DoesNotContain('\u001b', result.StdOut);
        Assert.DoesNotContain('\u007f', result.StdOut);
        Assert.Contains("Liver\\x1B[2J: mean 12.50 Gy", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("EVIL\\x1B[2J\\x7F -> VOXDOSE", result.StdOut, StringComparison.Ordinal);
    }
}
