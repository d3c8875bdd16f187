using System.CommandLine;

namespace VoxDose.StoreScp.Cli;

/// <summary>Every verb of the <c>voxdose</c> executable. Each verb lives in its own file in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DemoCommand.Create();
        yield return DumpCommand.Create();
        yield return EchoCommand.Create();
        yield return SendCommand.Create();
        yield return StoreScpCommand.Create();
        yield return KernelCommand.Create();
        yield return DoseCommand.Create();
        yield return ServeCommand.Create();
        yield return Audit.AuditCommand.Create();
        yield return UsersCommand.Create();
        yield return Studies.StudiesCommand.Create();
        yield return Exports.ExportsCommand.Create();
        yield return PhantomCommand.Create();
        yield return Cohort.CohortCommand.Create();
        yield return Outcomes.OutcomesCommand.Create();
        yield return PlanCommand.Create();
    }
}
