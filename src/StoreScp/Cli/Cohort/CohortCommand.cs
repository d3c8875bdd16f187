using System.CommandLine;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>The <c>cohort</c> verb: the study's statistics on a cohort of lesions (docs/statistics.md).</summary>
internal static class CohortCommand
{
    public static Command Create()
    {
        var command = new Command("cohort", "Cohort statistics: Kaplan-Meier, log-rank, Cox, Mann-Whitney, Spearman (docs/statistics.md).");
        command.Subcommands.Add(CohortAnalyzeCommand.Create());
        command.Subcommands.Add(CohortReportCommand.Create());
        command.Subcommands.Add(CohortExportCommand.Create());
        return command;
    }
}
