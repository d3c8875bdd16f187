using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>
/// A small OpenID Connect provider on a real Kestrel port from the OS: discovery document, JWKS (RSA 2048),
/// <c>/authorize</c> (signs in <see cref="NextUser"/> at once and redirects back with a code) and <c>/token</c> (checks the
/// client secret, the redirect URI and the PKCE verifier against the S256 challenge, then issues an RS256 id_token
/// with the nonce of the authorize request). Every authorize request is kept for the test to inspect.
/// </summary>
public sealed class StubOidcProvider : IAsyncDisposable
{
    public const string ClientId = "voxdose-console";
    public const string ClientSecret = "stub-client-secret";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private sealed record Grant(string ClientId, string RedirectUri, string Nonce, string Challenge, StubUser User);

    public sealed record StubUser(string Subject, string UserName, string[] Roles);

    private StubOidcProvider(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";

    /// <summary>Who the next <c>/authorize</c> signs in.</summary>
    public StubUser NextUser { get; set; } = new("sub-1", "dr.someone", []);

    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public ConcurrentQueue<string> TokenErrors { get; } = new();

    public static async Task<StubOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new StubOidcProvider(app);
        provider.MapRoutes();
        await app.StartAsync();
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private RsaSecurityKey SigningKey => new(_rsa) { KeyId = "stub-key-1" };

    private void MapRoutes()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var p = _rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = SigningKey.KeyId,
                n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        _app.MapGet("/authorize", (HttpContext http) =>
        {
            var q = http.Request.Query;
            AuthorizeRequests.Enqueue(q);
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
                return Results.BadRequest("unsupported request");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(q["client_id"]!, q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, NextUser);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        _app.MapPost("/token", async (HttpContext http) =>
        {
            var f = await http.Request.ReadFormAsync();
            if (f["grant_type"] != "authorization_code" || !_codes.TryRemove(f["code"].ToString(), out var grant))
                return Refuse("invalid_grant: unknown code");
            if (f["client_id"] != grant.ClientId || f["client_secret"] != ClientSecret) return Refuse("invalid_client");
            if (f["redirect_uri"] != grant.RedirectUri) return Refuse("invalid_grant: redirect_uri");
            var verifier = f["code_verifier"].ToString();
            if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
                return Refuse("invalid_grant: PKCE verifier does not match the challenge");
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = grant.ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = grant.User.Subject,
                    ["preferred_username"] = grant.User.UserName,
                    ["roles"] = grant.User.Roles,
                    ["nonce"] = grant.Nonce,
                },
                SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    private IResult Refuse(string why)
    {
        TokenErrors.Enqueue(why);
        return Results.Json(new { error = why }, statusCode: StatusCodes.Status400BadRequest);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
