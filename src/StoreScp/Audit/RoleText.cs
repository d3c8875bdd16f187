namespace VoxDose.StoreScp.Audit;

public static class RoleText
{
    public static string ToText(this SeriesRole role) => role.ToString().ToLowerInvariant();

    public static SeriesRole ParseRole(string text) => Enum.Parse<SeriesRole>(text, ignoreCase: true);
}
