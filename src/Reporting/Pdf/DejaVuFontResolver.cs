using PdfSharp.Fonts;
using VoxDose.Reporting.Fonts;

namespace VoxDose.Reporting.Pdf;

/// <summary>
/// PDFsharp 6 font resolver for Linux: every family maps to DejaVu Sans (regular or bold); italic is simulated.
/// PDFsharp's resolver is process-wide, so it is installed once through <see cref="EnsureInstalled"/>.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) =>
        File.ReadAllBytes(faceName == BoldFace ? ReportFonts.Bold : ReportFonts.Regular);

    /// <summary>Installs this resolver unless the application already installed one (PDFsharp 6.2, MIT: no licence to load).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }
}
