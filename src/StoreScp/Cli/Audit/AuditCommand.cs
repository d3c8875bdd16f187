using System.CommandLine;

namespace VoxDose.StoreScp.Cli.Audit;

/// <summary>The <c>audit</c> verb and its sub-verbs <c>list</c> and <c>show</c>.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Read the audit database: received studies, their pipeline state, doses, exports.");
        command.Subcommands.Add(AuditListCommand.Create());
        command.Subcommands.Add(AuditShowCommand.Create());
        return command;
    }
}
