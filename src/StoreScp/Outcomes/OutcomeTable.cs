namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// A parsed CSV for the registry: its name (for errors), the header's column names and the data rows with their line
/// numbers (the header is line 1). Parsing itself is the CLI's (RFC 4180, the cohort CSV reader).
/// </summary>
public sealed record OutcomeTable(string Source, IReadOnlyList<string> Columns, IReadOnlyList<(int Line, string[] Cells)> Rows);

/// <summary>One refused cell or row: the line, the column (1-based number and name; 0 for a column the header lacks, "" too for a whole row) and why.</summary>
public sealed record OutcomeError(int Line, int Column, string ColumnName, string Message)
{
    public override string ToString() => Column > 0 ? $"line {Line}, column {Column} ({ColumnName}): {Message}"
        : ColumnName.Length > 0 ? $"line {Line}, column '{ColumnName}': {Message}" : $"line {Line}: {Message}";
}

/// <summary>An import refused as a whole (nothing was written): every error found, each with its line and column.</summary>
public sealed class OutcomeImportException(string source, IReadOnlyList<OutcomeError> errors)
    : Exception($"{source}: {errors.Count} error(s), nothing imported: " + string.Join("; ", errors.Take(3)))
{
    public string File { get; } = source;

    public IReadOnlyList<OutcomeError> Errors { get; } = errors;
}
