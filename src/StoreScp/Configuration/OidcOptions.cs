namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Web:Oidc</c>: hospital single sign-on by OpenID Connect (authorization code flow with PKCE). Off
/// while <see cref="Authority"/> is empty; local users keep working either way. A signed-in person gets the highest
/// console role that <see cref="RoleMap"/> gives one of the values of their <see cref="RoleClaim"/>; with none mapped
/// the login is refused (and audited). See docs/console.md.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The identity provider's issuer URL (its <c>/.well-known/openid-configuration</c> is read from there).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret itself (shown redacted on the configuration page); prefer <see cref="ClientSecretEnv"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Environment variable holding the client secret. Neither set: a public client (PKCE only).</summary>
    public string? ClientSecretEnv { get; set; }

    /// <summary>Scopes asked for (default <see cref="DefaultScopes"/>); <c>openid</c> must be among them.</summary>
    public List<string> Scopes { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile"];

    /// <summary>The id_token claim whose values are mapped to console roles (e.g. <c>roles</c>, <c>groups</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value -> console role (viewer, physicist or admin), e.g. <c>"NUC-MED-PHYSICS": "physicist"</c>.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id_token claim shown and audited as the user's name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Text of the login page's button.</summary>
    public string DisplayName { get; set; } = "Hospital sign-on";

    /// <summary>Where the provider sends the browser back (register <c>{console URL}{CallbackPath}</c> with it).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Refuse an Authority (and its metadata) over plain http. Only a test provider on loopback may turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The console's roles as RoleMap values (Web/Security/ConsoleRole; a test keeps the two equal, Configuration does not depend on Web).</summary>
    public static readonly IReadOnlySet<string> RoleNames = new HashSet<string>(["viewer", "physicist", "admin"], StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The secret from <see cref="ClientSecretEnv"/> or <see cref="ClientSecret"/>; null for a public client.</summary>
    public string? ResolveClientSecret() =>
        !string.IsNullOrEmpty(ClientSecretEnv) ? Environment.GetEnvironmentVariable(ClientSecretEnv) : ClientSecret is { Length: > 0 } s ? s : null;
}
