using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoxDose.Tests.Shared;

/// <summary>
/// A throw-away Orthanc on loopback for tests: temporary storage and index, free HTTP and DICOM ports, no remote
/// access, no authentication, and the DICOM modalities the test names (AE title, host, port). Started with
/// <see cref="StartAsync"/> (waits for its REST API), stopped and deleted on dispose.
/// </summary>
public sealed class OrthancInstance : IAsyncDisposable
{
    private readonly BackgroundTool _process;

    private OrthancInstance(BackgroundTool process, string root, int httpPort, int dicomPort, string aeTitle)
    {
        _process = process;
        Root = root;
        HttpPort = httpPort;
        DicomPort = dicomPort;
        AeTitle = aeTitle;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Root { get; }

    public int HttpPort { get; }

    public int DicomPort { get; }

    public string AeTitle { get; }

    /// <summary>A client for Orthanc's REST API (base address set).</summary>
    public HttpClient Http { get; }

    public string Log => _process.Output;

    /// <param name="modalities">DICOM peers Orthanc may send to, by symbolic name: (AE title, host, port).</param>
    public static async Task<OrthancInstance> StartAsync(string aeTitle = "ORTHANC",
        IReadOnlyDictionary<string, (string AeTitle, string Host, int Port)>? modalities = null, TimeSpan? startTimeout = null)
    {
        var root = TestPaths.NewTempDirectory("voxdose-orthanc");
        var httpPort = ExternalTool.FreeTcpPort();
        var dicomPort = ExternalTool.FreeTcpPort();
        var modalityJson = new JsonObject();
        foreach (var (name, m) in modalities ?? new Dictionary<string, (string, string, int)>())
            modalityJson[name] = new JsonArray(m.AeTitle, m.Host, m.Port);
        var config = new JsonObject
        {
            ["Name"] = "VoxDoseTest",
            ["StorageDirectory"] = Path.Combine(root, "storage"),
            ["IndexDirectory"] = Path.Combine(root, "index"),
            [nameof(HttpPort)] = httpPort,
            [nameof(DicomPort)] = dicomPort,
            ["DicomAet"] = aeTitle,
            ["DicomModalities"] = modalityJson,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["HttpBindAddress"] = "127.0.0.1",
            ["DicomBindAddress"] = "127.0.0.1",
            ["Plugins"] = new JsonArray(),
            ["StorageCompression"] = false,
        };
        var configPath = Path.Combine(root, "orthanc.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var process = BackgroundTool.Start("Orthanc", [configPath], root);
        var instance = new OrthancInstance(process, root, httpPort, dicomPort, aeTitle);
        try
        {
            await instance.WaitForRestAsync(startTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
        return instance;
    }

    private async Task WaitForRestAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Orthanc exited during start-up:\n{Log}");
            try
            {
                using var response = await Http.GetAsync("system");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Orthanc's REST API did not answer on port {HttpPort} within {timeout}:\n{Log}");
    }

    /// <summary>IDs of every stored instance.</summary>
    public async Task<string[]> InstanceIdsAsync() => await Http.GetFromJsonAsync<string[]>("instances") ?? [];

    /// <summary>The stored DICOM file of an instance.</summary>
    public Task<byte[]> DownloadAsync(string instanceId) => Http.GetByteArrayAsync($"instances/{instanceId}/file");

    /// <summary>Uploads a DICOM file through the REST API; returns the instance ID.</summary>
    public async Task<string> UploadAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        using var response = await Http.PostAsync("instances", content);
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["ID"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Dispose();
        await Task.Yield();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
