using System.Globalization;
using System.Text;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>A cohort file that cannot be used, with the line and column at fault.</summary>
internal sealed class CohortDataException(string message) : Exception(message);

/// <summary>
/// A cohort CSV: a header row of column names, then one row per lesion; comma-separated, RFC 4180 quoting.
/// An empty cell or <c>NA</c> is a missing value. Line numbers count the header as line 1.
/// </summary>
internal sealed class CohortTable
{
    private readonly Dictionary<string, int> _index;

    private CohortTable(string source, string[] columns, List<(int Line, string[] Cells)> rows)
    {
        Source = source;
        Columns = columns;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
            if (!_index.TryAdd(columns[i], i)) throw new CohortDataException($"{source}: line 1: column '{columns[i]}' appears twice.");
    }

    public string Source { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static CohortTable Read(string path)
    {
        var name = Path.GetFileName(path);
        string[] lines;
        try { lines = File.ReadAllLines(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CohortDataException($"{path}: cannot be read: {e.Message}");
        }
        return Parse(name, lines);
    }

    /// <summary>A cohort table from lines of CSV text (e.g. the registry's export, read without a file).</summary>
    public static CohortTable Parse(string name, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines[0].Trim().Length == 0) throw new CohortDataException($"{name}: line 1: no header row.");
        var header = Split(lines[0], name, 1).Select(c => c.Trim().TrimStart('\uFEFF')).ToArray();
        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = Split(lines[i], name, i + 1);
            if (cells.Length != header.Length)
                throw new CohortDataException($"{name}: line {i + 1}: {cells.Length} cells for {header.Length} columns.");
            rows.Add((i + 1, cells.Select(c => c.Trim()).ToArray()));
        }
        if (rows.Count == 0) throw new CohortDataException($"{name}: no data rows after the header.");
        return new CohortTable(name, header, rows);
    }

    public bool Has(string column) => _index.ContainsKey(column);

    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i
        : throw new CohortDataException($"{Source}: line 1: no column '{column}' (columns: {string.Join(", ", Columns)}).");

    public static bool IsMissing(string cell) => cell.Length == 0 || cell.Equals("NA", StringComparison.OrdinalIgnoreCase);

    /// <summary>The number in a cell, or a failure naming line and column.</summary>
    public double Number(int row, int column)
    {
        var (line, cells) = Rows[row];
        var cell = cells[column];
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new CohortDataException($"{Source}: line {line}, column '{Columns[column]}': '{cell}' is not a number.");
        return v;
    }

    /// <summary>An event indicator: 1 (event) or 0 (censored).</summary>
    public bool Event(int row, int column) => Binary(row, column, "0 (censored) or 1 (event)");

    /// <summary>A 0/1 cell; <paramref name="meaning"/> says what the two values mean, for the error.</summary>
    public bool Binary(int row, int column, string meaning)
    {
        var (line, cells) = Rows[row];
        return cells[column] switch
        {
            "1" => true,
            "0" => false,
            var other => throw new CohortDataException($"{Source}: line {line}, column '{Columns[column]}': '{other}' is not {meaning}."),
        };
    }

    private static string[] Split(string line, string source, int lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        if (quoted) throw new CohortDataException($"{source}: line {lineNumber}: a quoted cell is not closed.");
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
