using System.CommandLine;
using VoxDose.StoreScp.Cli;

namespace VoxDose.StoreScp.Tests;

public class CliTests
{
    [Fact]
    public void Every_verb_has_a_description_and_a_unique_name()
    {
        var names = new HashSet<string>();
        foreach (var command in CommandCatalog.All())
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"verb {command.Name} has no description");
            Assert.True(names.Add(command.Name), $"verb {command.Name} is registered twice");
        }
        Assert.Contains("demo", names);
    }

    [Fact]
    public void Help_is_available_for_each_verb()
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
        foreach (var command in root.Subcommands)
        {
            var result = root.Parse([command.Name, "--help"]);
            Assert.Empty(result.Errors);
        }
    }
}
