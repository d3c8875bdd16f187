namespace VoxDose.Reporting.Fonts;

/// <summary>
/// The TrueType files every rendered output uses (PDF text, plot labels, burned-in image captions): DejaVu Sans
/// from the Debian package <c>fonts-dejavu-core</c>. Linux has no font API that PDFsharp or the Linux
/// "NoDependencies" SkiaSharp build can query, so the files are loaded explicitly.
/// </summary>
public static class ReportFonts
{
    public const string FamilyName = "DejaVu Sans";

    private static readonly string[] SearchRoots = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts", "/usr/local/share/fonts"];

    private static readonly Lazy<string> RegularPath = new(() => Locate("DejaVuSans.ttf"));
    private static readonly Lazy<string> BoldPath = new(() => Locate("DejaVuSans-Bold.ttf"));

    public static string Regular => RegularPath.Value;
    public static string Bold => BoldPath.Value;

    private static string Locate(string fileName)
    {
        var env = Environment.GetEnvironmentVariable("VOXDOSE_FONT_DIR");
        foreach (var root in (env is null ? SearchRoots : [env, .. SearchRoots]).Where(Directory.Exists))
        {
            var direct = Path.Combine(root, fileName);
            if (File.Exists(direct)) return direct;
            var found = Directory.EnumerateFiles(root, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null) return found;
        }
        throw new FileNotFoundException(
            $"Font file {fileName} not found under {string.Join(", ", SearchRoots)} (or VOXDOSE_FONT_DIR). Install the Debian package fonts-dejavu-core.",
            fileName);
    }
}
