using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Tests.Web;

/// <summary>
/// Hospital single sign-on (issue 17): the whole authorization code flow with PKCE against a stub provider on a real
/// Kestrel port (discovery, authorize, token with a signed RS256 id_token, JWKS); the console on the in-process test
/// server over the real node. The browser's part (following redirects, keeping cookies) is done by hand, step by step.
/// </summary>
[Collection(ConsoleHarness.Collection)]
public sealed class OidcLoginTests : IAsyncLifetime
{
    private StubOidcProvider _provider = null!;
    private ConsoleHarness _console = null!;

    public async Task InitializeAsync()
    {
        _provider = await StubOidcProvider.StartAsync();
        _console = await ConsoleHarness.StartAsync(new Dictionary<string, string?>
        {
            ["VoxDose:Web:Oidc:Authority"] = _provider.Issuer,
            ["VoxDose:Web:Oidc:ClientId"] = StubOidcProvider.ClientId,
            ["VoxDose:Web:Oidc:ClientSecret"] = StubOidcProvider.ClientSecret,
            ["VoxDose:Web:Oidc:RequireHttpsMetadata"] = "false",
            ["VoxDose:Web:Oidc:DisplayName"] = "Hospital sign-on",
            ["VoxDose:Web:Oidc:RoleMap:NUCMED-PHYSICS"] = "physicist",
            ["VoxDose:Web:Oidc:RoleMap:NUCMED-READERS"] = "viewer",
        });
    }

    public async Task DisposeAsync()
    {
        await _console.DisposeAsync();
        await _provider.DisposeAsync();
    }

    /// <summary>Steps 1-3 of the flow: the login page's button, the challenge, the provider's redirect back; returns the callback's answer.</summary>
    private async Task<(HttpResponseMessage Callback, Uri Authorize)> SignOnAsync(ConsoleHarness.Client browser, string returnUrl)
    {
        var login = await browser.Http.GetStringAsync("/login");
        Assert.Contains("id=\"login-oidc\"", login, StringComparison.Ordinal);
        Assert.Contains("id=\"login\"", login, StringComparison.Ordinal); // the local form stays

        var challenge = await browser.Http.GetAsync("/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Issuer + "/authorize?", authorize.ToString(), StringComparison.Ordinal);

        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await toProvider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        return (await browser.Http.GetAsync(callback.PathAndQuery), authorize);
    }

    [Fact]
    public async Task Single_sign_on_logs_in_with_the_mapped_role_through_the_code_flow_with_PKCE_and_is_audited()
    {
        _provider.NextUser = new("sub-42", "dr.curie", ["STAFF", "NUCMED-PHYSICS", "NUCMED-READERS"]);
        using var browser = _console.NewClient();
        var (callback, authorize) = await SignOnAsync(browser, "/studies");

        var q = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(StubOidcProvider.ClientId, q["client_id"]);
        Assert.Equal("code", q["response_type"]);
        Assert.Equal("S256", q["code_challenge_method"]);
        Assert.True(q["code_challenge"].ToString().Length >= 43, "a PKCE challenge");
        Assert.False(string.IsNullOrEmpty(q["state"]), "a state");
        Assert.False(string.IsNullOrEmpty(q["nonce"]), "a nonce");
        Assert.Equal("http://localhost/signin-oidc", q["redirect_uri"]);
        Assert.Contains("openid", q["scope"].ToString().Split(' '));

        Assert.Empty(_provider.TokenErrors); // the provider accepted the client secret and the PKCE verifier
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/studies", callback.Headers.Location!.OriginalString);

        var studies = await browser.Http.GetAsync("/studies");
        Assert.Equal(HttpStatusCode.OK, studies.StatusCode);
        Assert.Contains("dr.curie (physicist)", await studies.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Physicist, not admin: the users page is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/users")).StatusCode);

        var events = await _console.Node.Events.ListAsync(null);
        Assert.Contains(events, e => e.Component == "console" && e.Kind == "login" && e.Detail == "user dr.curie (physicist) via oidc");
    }

    [Fact]
    public async Task Single_sign_on_without_a_mapped_role_is_refused_and_audited()
    {
        _provider.NextUser = new("sub-7", "mr.visitor", ["STAFF", "CLEANING"]);
        using var browser = _console.NewClient();
        var (callback, _) = await SignOnAsync(browser, "/");

        Assert.Empty(_provider.TokenErrors); // the provider's part went through: the console refused
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/login?error=sso", callback.Headers.Location!.OriginalString);
        Assert.Contains("Single sign-on did not log you in", await browser.Http.GetStringAsync("/login?error=sso"), StringComparison.Ordinal);
        var home = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("http://localhost/login", home.Headers.Location!.ToString(), StringComparison.Ordinal);

        var events = await _console.Node.Events.ListAsync(null);
        Assert.Contains(events, e => e.Kind == "login-refused" && e.Detail.StartsWith("user mr.visitor via oidc: no roles value", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Kind == "login" && e.Detail.Contains("mr.visitor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Local_login_keeps_working_when_single_sign_on_is_configured()
    {
        using var browser = await _console.LoginAsync("vera");
        Assert.Contains("vera (viewer)", await browser.Http.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_highest_mapped_role_wins_and_unmapped_values_give_none()
    {
        var map = new Dictionary<string, string> { ["A"] = "viewer", ["B"] = "admin", ["C"] = "physicist" };
        Assert.Equal(ConsoleRole.Admin, OidcLogin.RoleOf(["A", "B", "C"], map));
        Assert.Equal(ConsoleRole.Physicist, OidcLogin.RoleOf(["C", "A", "x"], map));
        Assert.Null(OidcLogin.RoleOf(["a", "b", "x"], map)); // values compare exactly
        Assert.Null(OidcLogin.RoleOf([], map));
    }

    [Fact]
    public void The_role_names_of_the_configuration_are_the_console_roles()
    {
        Assert.Equal(Enum.GetValues<ConsoleRole>().Select(r => r.ToText()).Order(), OidcOptions.RoleNames.Order());
    }
}
