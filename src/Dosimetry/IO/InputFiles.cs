namespace VoxDose.Dosimetry.IO;

/// <summary>The input files of the offline verbs (dose and plan scanners): the one rule for files and folders named on the command line.</summary>
public static class InputFiles
{
    /// <summary>The files named, and every file under the folders named (recursively, sorted ordinally); a missing input becomes a note.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> inputs, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(notes);
        foreach (var input in inputs)
        {
            if (File.Exists(input)) yield return Path.GetFullPath(input);
            else if (Directory.Exists(input))
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) yield return f;
            else notes.Add($"{input}: no such file or directory");
        }
    }
}
