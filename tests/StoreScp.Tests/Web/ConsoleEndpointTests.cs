using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.StoreScp.Web.Pages.Configuration;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Tests.Web;

/// <summary>
/// The console's endpoints and role rules on the in-process test server over the real node (SQLite, Quartz, listener):
/// who may see and do what, anti-forgery, lockout, audit of study views, headers and cookies.
/// </summary>
[Collection(ConsoleHarness.Collection)]
public sealed class ConsoleEndpointTests(ConsoleEndpointTests.Fixture fixture) : IClassFixture<ConsoleEndpointTests.Fixture>
{
    private const string StudyUid = "1.2.826.0.1.3680043.8.498.1";
    private readonly ConsoleHarness _console = fixture.Console;

    /// <summary>One node and console for the class (starting them and hashing passwords costs seconds); tests use their own rows and users.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ConsoleHarness Console { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Console = await ConsoleHarness.StartAsync();
            await InsertStudyAsync(Console, StudyUid);
        }

        public async Task DisposeAsync() => await Console.DisposeAsync();
    }

    private static async Task InsertStudyAsync(ConsoleHarness console, string uid)
    {
        await using var c = await console.Database.OpenAsync();
        await c.ExecuteAsync("""
            INSERT INTO studies (study_uid, state, revision, first_received_at, last_received_at, state_changed_at)
            VALUES (@s, 'exported', 1, '2026-11-30T08:00:00.000Z', '2026-11-30T08:00:00.000Z', '2026-11-30T08:00:00.000Z')
            """, CancellationToken.None, ("@s", uid));
    }

    [Fact]
    public async Task Healthz_and_readyz_answer_without_login()
    {
        using var client = _console.NewClient();
        var health = await client.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var ready = await client.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("ready").GetBoolean());
        foreach (var check in new[] { "database", "storage", "scp", "scheduler" })
            Assert.True(json.RootElement.GetProperty(check).GetProperty("ok").GetBoolean(), check);
        Assert.True(json.RootElement.GetProperty("storageFreeBytes").GetInt64() > 0);
        Assert.Equal(0, json.RootElement.GetProperty("failingExports").GetInt64());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/studies")]
    [InlineData("/studies/" + StudyUid)]
    [InlineData("/studies/" + StudyUid + "/r1/slice.png")]
    [InlineData("/studies/" + StudyUid + "/r1/dvh.png")]
    [InlineData("/events")]
    [InlineData("/associations")]
    [InlineData("/configuration")]
    [InlineData("/users")]
    public async Task No_page_without_login(string path)
    {
        using var client = _console.NewClient();
        var response = await client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_needs_a_login_or_the_bearer_token()
    {
        using var anonymous = _console.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/metrics")).StatusCode);
        using var viewer = await _console.LoginAsync("vera");
        var response = await viewer.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("voxdose_studies{", text, StringComparison.Ordinal);
        Assert.Matches("voxdose_studies\\{[^}]*state=\"exported\"\\} [1-9]", text);
    }

    [Fact]
    public async Task Posts_without_login_do_nothing()
    {
        using var client = _console.NewClient();
        var token = await client.TokenAsync("/login");
        var response = await client.PostAsync($"/studies/{StudyUid}/approve", new() { ["revision"] = "1" }, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await ApprovalsAsync());
    }

    [Fact]
    public async Task Viewer_cannot_approve_or_retry()
    {
        using var viewer = await _console.LoginAsync("vera");
        var token = await viewer.TokenAsync("/");
        var approve = await viewer.PostAsync($"/studies/{StudyUid}/approve", new() { ["revision"] = "1" }, token);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        var retry = await viewer.PostAsync("/exports/1/retry", [], token);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Equal(0, await ApprovalsAsync());
        // The study page offers no approval form to a viewer either.
        var page = await viewer.Http.GetStringAsync($"/studies/{StudyUid}");
        Assert.DoesNotContain("id=\"approve\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Physicist_passes_the_role_rule_for_approve_and_retry()
    {
        using var physicist = await _console.LoginAsync("paul");
        var token = await physicist.TokenAsync("/");
        var approve = await physicist.PostAsync("/studies/1.2.3.404/approve", new() { ["revision"] = "1" }, token);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("No%20such%20study", approve.Headers.Location!.ToString(), StringComparison.Ordinal);
        var retry = await physicist.PostAsync("/exports/999/retry", [], token);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_sees_and_changes_users()
    {
        using var physicist = await _console.LoginAsync("paul");
        Assert.Equal(HttpStatusCode.Forbidden, (await physicist.Http.GetAsync("/users")).StatusCode);
        var token = await physicist.TokenAsync("/");
        var add = await physicist.PostAsync("/users", new() { ["name"] = "mallory", ["role"] = "admin", ["password"] = "mallory-password-1" }, token);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        var users = _console.App.Services.GetRequiredService<UserRepository>();
        Assert.Null(await users.GetAsync("mallory"));

        using var admin = await _console.LoginAsync("ada");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/users")).StatusCode);
        var saved = await admin.PostAsync("/users", new() { ["name"] = "nina", ["role"] = "viewer", ["password"] = "nina-password-12" }, await admin.TokenAsync("/users"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ConsoleRole.Viewer, (await users.GetAsync("nina"))!.Role);
    }

    [Fact]
    public async Task Anti_forgery_rejects_a_forged_post()
    {
        using var physicist = await _console.LoginAsync("paul");
        // No token at all (a cross-site form cannot read ours).
        var missing = await physicist.PostAsync($"/studies/{StudyUid}/approve", new() { ["revision"] = "1" }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        // A token issued to another session.
        using var other = await _console.LoginAsync("vera");
        var foreign = await physicist.PostAsync($"/studies/{StudyUid}/approve", new() { ["revision"] = "1" }, await other.TokenAsync("/"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        // Login itself is protected too (login CSRF).
        using var fresh = _console.NewClient();
        var login = await fresh.PostAsync("/login", new() { ["name"] = "paul", ["password"] = ConsoleHarness.Password }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(0, await ApprovalsAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account()
    {
        await _console.App.Services.GetRequiredService<UserRepository>().AddOrUpdateAsync("lucy", ConsoleRole.Viewer, ConsoleHarness.Password);
        using var client = _console.NewClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("lucy", "wrong password " + i)).StatusCode);
        // Locked: even the right password is refused until the lockout ends.
        var locked = await client.LoginAsync("lucy", ConsoleHarness.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync("paul", ConsoleHarness.Password)).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var viewer = await _console.LoginAsync("vera");
        Assert.Equal(HttpStatusCode.OK, (await viewer.Http.GetAsync("/studies")).StatusCode);
        var logout = await viewer.PostAsync("/logout", [], await viewer.TokenAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.Http.GetAsync("/studies")).StatusCode);
    }

    [Fact]
    public async Task Every_view_of_a_study_is_audited()
    {
        const string uid = "1.2.826.0.1.3680043.8.498.2";
        await InsertStudyAsync(_console, uid);
        using var viewer = await _console.LoginAsync("vera");
        Assert.Equal(HttpStatusCode.OK, (await viewer.Http.GetAsync($"/studies/{uid}")).StatusCode);
        var events = await _console.Node.Events.ListAsync(uid);
        var viewed = Assert.Single(events, e => e.Kind == "study-viewed");
        Assert.Equal("console", viewed.Component);
        Assert.Contains("vera", viewed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_answer_for_a_viewer_with_secure_headers_and_cookies()
    {
        using var client = _console.NewClient();
        var login = await client.LoginAsync("vera", ConsoleHarness.Password);
        var setCookie = string.Join("\n", login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("voxdose.session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        foreach (var path in new[] { "/", "/studies", "/events", "/associations", "/configuration", "/assets/console.css", "/assets/console.js" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Studies_search_uses_the_index_filters()
    {
        await using (var c = await _console.Database.OpenAsync())
        {
            foreach (var (uid, pid, name, acc, date, state) in new[]
                     {
                         ("1.9.1", "P1", "DOE^JANE", "A1", "20260101", "exported"),
                         ("1.9.2", "P2", "DOE^JOHN", "A2", "20260202", "failed"),
                         ("1.9.3", "P3", "ROE^RICHARD", "A3", "20260303", "exported"),
                     })
            {
                await c.ExecuteAsync("INSERT INTO studies (study_uid, state, revision, first_received_at, last_received_at, state_changed_at) VALUES (@s, @st, 1, @t, @t, @t)",
                    CancellationToken.None, ("@s", uid), ("@st", state), ("@t", "2026-11-30T08:00:00.000Z"));
                await c.ExecuteAsync("""
                    INSERT INTO console_study_index (study_uid, patient_id, patient_name, patient_name_upper, accession, study_date, study_description)
                    VALUES (@s, @p, @n, @u, @a, @d, '')
                    """, CancellationToken.None, ("@s", uid), ("@p", pid), ("@n", name), ("@u", name.Replace('^', ' ')), ("@a", acc), ("@d", date));
            }
        }
        using var viewer = await _console.LoginAsync("vera");
        async Task<string[]> Found(string query)
        {
            var html = await viewer.Http.GetStringAsync("/studies?" + query);
            return new[] { "1.9.1", "1.9.2", "1.9.3" }.Where(u => html.Contains($"/studies/{u}\"", StringComparison.Ordinal)).ToArray();
        }
        Assert.Equal(["1.9.1", "1.9.2"], await Found("patientName=doe"));
        Assert.Equal(["1.9.2"], await Found("patientName=doe&state=failed"));
        Assert.Equal(["1.9.3"], await Found("patientId=P3"));
        Assert.Equal(["1.9.2"], await Found("accession=A2"));
        Assert.Equal(["1.9.2", "1.9.3"], await Found("from=2026-02-01&to=2026-12-31"));
    }

    [Theory]
    [InlineData("VoxDose:Database:ConnectionString", "Host=db;Password=hunter2", "(redacted)")]
    [InlineData("VoxDose:Scp:Tls:CertificatePassword", "hunter2", "(redacted)")]
    [InlineData("VoxDose:Web:MetricsTokenEnv", "VOXDOSE_METRICS_TOKEN", "VOXDOSE_METRICS_TOKEN")]
    [InlineData("VoxDose:Scp:AeTitle", "VOXDOSE", "VOXDOSE")]
    public void Configuration_page_redacts_secrets(string key, string value, string shown) =>
        Assert.Equal(shown, ConfigurationPage.Redact(key, value));

    private async Task<long> ApprovalsAsync()
    {
        await using var c = await _console.Database.OpenAsync();
        return StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM console_approvals", CancellationToken.None));
    }
}
