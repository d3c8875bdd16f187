using VoxDose.StoreScp.Outcomes;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>
/// Issue 13: bad follow-up input is refused with its line and column, and the registry is left exactly as it was
/// (every registry table and the events compared row by row before and after).
/// </summary>
public sealed class OutcomeImportRefusalTests
{
    private static async Task<OutcomeError> RefusedAsync(Func<string[], string[]> edit)
    {
        using var cohort = await StudyCohort.CreateAsync();
        await cohort.Importer().ImportAsync(StudyCohort.Table(cohort.WriteFollowUpCsv("first.csv")), "setup"); // something to keep
        var path = cohort.WriteFollowUpCsv("bad.csv");
        File.WriteAllLines(path, edit(File.ReadAllLines(path)));
        var before = await cohort.SnapshotAsync();
        var refused = await Assert.ThrowsAsync<OutcomeImportException>(() => cohort.Importer().ImportAsync(StudyCohort.Table(path), "tester"));
        Assert.Equal(before, await cohort.SnapshotAsync());
        return Assert.Single(refused.Errors);
    }

    [Fact]
    public async Task A_missing_column_is_refused_naming_it_and_nothing_changes()
    {
        var error = await RefusedAsync(lines => [.. lines.Select(l => string.Join(',', l.Split(',')[..4]))]); // no 'response'
        Assert.Equal((1, 0, "response"), (error.Line, error.Column, error.ColumnName));
        Assert.Equal("line 1, column 'response': missing: the template requires this column", error.ToString());
    }

    [Fact]
    public async Task An_unparsable_date_is_refused_with_line_and_column_and_nothing_changes()
    {
        var error = await RefusedAsync(lines =>
        {
            var cells = lines[5].Split(',');
            cells[3] = "2025-02-30"; // no 30 February
            lines[5] = string.Join(',', cells);
            return lines;
        });
        Assert.Equal((6, 4, "assessedOn"), (error.Line, error.Column, error.ColumnName));
        Assert.Contains("'2025-02-30' is not a date (YYYY-MM-DD)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_lesion_is_refused_with_line_and_column_and_nothing_changes()
    {
        var error = await RefusedAsync(lines =>
        {
            lines[9] = lines[9].Replace(",Lesion ", ",Lesion 9", StringComparison.Ordinal).Replace(",lesion ", ",lesion 9", StringComparison.Ordinal);
            return lines;
        });
        Assert.Equal((10, 3, "roiName"), (error.Line, error.Column, error.ColumnName));
        Assert.Contains("unknown lesion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_row_is_refused_naming_both_lines_and_nothing_changes()
    {
        var error = await RefusedAsync(lines => [.. lines, lines[3]]);
        Assert.Equal((30, 4, "assessedOn"), (error.Line, error.Column, error.ColumnName));
        Assert.Contains("duplicate row: the same lesion and date as line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_patient_and_a_bad_covariate_are_refused_in_one_report_and_nothing_changes()
    {
        using var cohort = await StudyCohort.CreateAsync();
        var path = cohort.WriteCovariatesCsv();
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("P02,", "P99,", StringComparison.Ordinal);
        lines[4] = lines[4].Replace(",6,", ",16,", StringComparison.Ordinal).Replace(",5,", ",16,", StringComparison.Ordinal).Replace(",7,", ",16,", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var before = await cohort.SnapshotAsync();
        var refused = await Assert.ThrowsAsync<OutcomeImportException>(() => cohort.Importer().ImportAsync(StudyCohort.Table(path), "tester"));
        Assert.Equal(before, await cohort.SnapshotAsync());
        Assert.Equal(["line 3, column 1 (patientId)", "line 5, column 5 (childPughScore)"], refused.Errors.Select(e => e.ToString().Split(':')[0]));
    }

    [Fact]
    public async Task The_verb_exits_2_and_prints_line_and_column_and_nothing_changes()
    {
        using var cohort = await StudyCohort.CreateAsync();
        var path = cohort.WriteFollowUpCsv();
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace(",CR", ",CRR", StringComparison.Ordinal).Replace(",SD", ",CRR", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var before = await cohort.SnapshotAsync();
        var run = StudyCohort.Voxdose("outcomes", "import", path, "--config", cohort.ConfigFile);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("followup.csv: line 3, column 5 (response): 'CRR' is not an mRECIST response (CR, PR, SD or PD)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("1 error(s); nothing imported.", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await cohort.SnapshotAsync());
    }
}
