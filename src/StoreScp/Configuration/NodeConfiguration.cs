using Microsoft.Extensions.Configuration;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Builds the node's configuration: <c>appsettings.json</c> beside the executable, then the <c>--config</c> file,
/// then environment variables in .NET's standard mapping (<c>VoxDose__Scp__Port</c>), then in-code overrides
/// (used by <c>voxdose demo</c> and the tests). Later sources win.
/// </summary>
public static class NodeConfiguration
{
    public static IConfigurationRoot Build(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null,
        bool includeEnvironment = true)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (!string.IsNullOrEmpty(configFile))
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full)) throw new FileNotFoundException($"Configuration file '{full}' (--config) does not exist.", full);
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        if (includeEnvironment) builder.AddEnvironmentVariables();
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>Binds and validates the <c>VoxDose</c> section outside a host (for CLI verbs such as <c>audit</c>).</summary>
    public static VoxDoseOptions BindAndValidate(IConfiguration configuration)
    {
        var options = new VoxDoseOptions();
        configuration.GetSection(VoxDoseOptions.SectionName).Bind(options);
        options.ApplyListDefaults();
        var errors = VoxDoseOptionsValidator.Collect(options);
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        return options;
    }
}
