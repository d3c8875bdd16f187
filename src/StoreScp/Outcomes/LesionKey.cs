using System.Text;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// A lesion's identity within its treatment: the ROI name normalised (trimmed, runs of white space collapsed to one
/// space, upper case), so "GTV 1", " gtv  1" and "Gtv 1" of two revisions are one lesion.
/// </summary>
public static class LesionKey
{
    public static string Normalise(string roiName)
    {
        var key = new StringBuilder(roiName.Length);
        foreach (var part in roiName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (key.Length > 0) key.Append(' ');
            key.Append(part.ToUpperInvariant());
        }
        return key.ToString();
    }
}
