using System.Globalization;

namespace VoxDose.Statistics.Tests.Oracle;

/// <summary>A small CSV table (header row, comma-separated, no quoting) shared by the tests and R.</summary>
internal sealed class Table(string name, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<string[]> Rows { get; } = rows;

    public int Count => Rows.Count;

    public string[] Text(string column)
    {
        var c = IndexOf(column);
        return Rows.Select(r => r[c]).ToArray();
    }

    public double[] Numbers(string column) =>
        Text(column).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    public bool[] Events(string column) => Numbers(column).Select(v => v != 0).ToArray();

    public Table Where(string column, string value)
    {
        var c = IndexOf(column);
        return new Table($"{Name}[{column}={value}]", Columns, Rows.Where(r => r[c] == value).ToArray());
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i] == column) return i;
        throw new KeyNotFoundException($"Table {Name} has no column {column} ({string.Join(",", Columns)}).");
    }

    public static Table Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var columns = lines[0].Split(',').Select(c => c.Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).ToArray();
        return new Table(Path.GetFileNameWithoutExtension(path), columns, rows);
    }

    public void Write(string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(',', Columns));
        foreach (var r in Rows) w.WriteLine(string.Join(',', r));
    }
}
