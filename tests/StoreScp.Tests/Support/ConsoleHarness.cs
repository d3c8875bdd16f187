using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Web;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>
/// The real node (NodeHarness: Quartz, SQLite, spool; fake pipeline and destination) with the web console on ASP.NET
/// Core's in-process test server, and users of each role. Clients keep cookies like a browser and do not follow redirects.
/// </summary>
public sealed partial class ConsoleHarness : IAsyncDisposable
{
    /// <summary>Test classes that start a console share this collection: the meter "VoxDose.Console" is one name per
    /// process, so a second console running at the same time would report its gauges into the first one's /metrics.</summary>
    public const string Collection = "console";

    public const string Password = "a-long-test-password";

    private ConsoleHarness(NodeHarness node, WebApplication app, string root)
    {
        Node = node;
        App = app;
        Root = root;
    }

    public NodeHarness Node { get; }
    public WebApplication App { get; }
    public string Root { get; }
    public AuditDatabase Database => Node.Host.Services.GetRequiredService<AuditDatabase>();

    public static async Task<ConsoleHarness> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var root = VoxDose.Tests.Shared.TestPaths.NewTempDirectory("voxdose-console");
        var node = await NodeHarness.StartAsync(root, new FakeProcessor(), new FlakySender(), extra: extra);
        var app = ConsoleHost.Build(node.Host.Services, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var users = app.Services.GetRequiredService<UserRepository>();
        await users.AddOrUpdateAsync("vera", ConsoleRole.Viewer, Password);
        await users.AddOrUpdateAsync("paul", ConsoleRole.Physicist, Password);
        await users.AddOrUpdateAsync("ada", ConsoleRole.Admin, Password);
        return new ConsoleHarness(node, app, root);
    }

    public Client NewClient() => new(App.GetTestServer());

    public async Task<Client> LoginAsync(string name)
    {
        var client = NewClient();
        var response = await client.LoginAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Node.DisposeAsync();
    }

    /// <summary>An HTTP client with a cookie jar, like one browser.</summary>
    public sealed partial class Client : IDisposable
    {
        private readonly CookieContainer _cookies = new();

        internal Client(TestServer server)
        {
            Http = new HttpClient(new CookieHandler(_cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
        }

        public HttpClient Http { get; }

        public CookieCollection Cookies => _cookies.GetAllCookies();

        /// <summary>The anti-forgery token of the first form on <paramref name="page"/>.</summary>
        public async Task<string> TokenAsync(string page)
        {
            var html = await Http.GetStringAsync(page);
            return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException($"No anti-forgery token on {page}.");
        }

        public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string? token)
        {
            var all = new Dictionary<string, string>(fields);
            if (token is not null) all[Layout.AntiforgeryField] = token;
            return await Http.PostAsync(path, new FormUrlEncodedContent(all));
        }

        public async Task<HttpResponseMessage> LoginAsync(string name, string password) =>
            await PostAsync("/login", new() { ["name"] = name, ["password"] = password, ["returnUrl"] = "/" }, await TokenAsync("/login"));

        public void Dispose() => Http.Dispose();

        [GeneratedRegex("name=\"__vxaf\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();
    }

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) cookies.SetCookies(uri, value);
            return response;
        }
    }
}

[CollectionDefinition(ConsoleHarness.Collection)]
public sealed class ConsoleCollection;
