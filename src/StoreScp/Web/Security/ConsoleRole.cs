namespace VoxDose.StoreScp.Web.Security;

/// <summary>
/// Roles of console users, each including the one before: a viewer reads; a physicist also approves revisions and
/// retries exports; an admin also manages users. Enforced on the server by the authorization policies below.
/// </summary>
public enum ConsoleRole
{
    Viewer,
    Physicist,
    Admin,
}

public static class ConsoleRoles
{
    /// <summary>Policy names used on endpoints.</summary>
    public const string CanView = "CanView";
    public const string CanApprove = "CanApprove";
    public const string CanAdminister = "CanAdminister";

    public static string ToText(this ConsoleRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ConsoleRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    /// <summary>The role claims a user of <paramref name="role"/> carries (its own and every lesser one).</summary>
    public static IEnumerable<string> Implied(ConsoleRole role) =>
        Enum.GetValues<ConsoleRole>().Where(r => r <= role).Select(r => r.ToText());
}
