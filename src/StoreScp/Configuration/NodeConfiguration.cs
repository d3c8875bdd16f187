using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Builds the node's configuration: <c>appsettings.json</c> beside the executable, then the <c>--config</c> file,
/// then environment variables in .NET's standard mapping (<c>VoxDose__Scp__Port</c>), then in-code overrides
/// (used by <c>voxdose demo</c> and the tests). Later sources win. Nothing is silently ignored: a missing or
/// unreadable file, a file without a <c>VoxDose</c> section, an unknown key, a value of the wrong type and every
/// validation rule are collected and reported together (<see cref="InvalidConfigurationException"/>).
/// </summary>
public static class NodeConfiguration
{
    /// <summary>Top-level sections a configuration file may hold besides <c>VoxDose</c>.</summary>
    private static readonly string[] OtherSections = ["Logging"];

    /// <summary>Builds, checks, binds and validates: the configuration and its options, or every error at once.</summary>
    public static (IConfigurationRoot Configuration, VoxDoseOptions Options) Load(string? configFile = null,
        IReadOnlyDictionary<string, string?>? overrides = null, bool includeEnvironment = true)
    {
        var errors = new List<string>();
        var configuration = Build(configFile, overrides, includeEnvironment, errors);
        var options = Bind(configuration, errors);
        if (errors.Count > 0) throw new InvalidConfigurationException(errors);
        return (configuration, options);
    }

    /// <summary>The configuration sources; throws <see cref="InvalidConfigurationException"/> listing every file problem.</summary>
    public static IConfigurationRoot Build(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null,
        bool includeEnvironment = true)
    {
        var errors = new List<string>();
        var configuration = Build(configFile, overrides, includeEnvironment, errors);
        if (errors.Count > 0) throw new InvalidConfigurationException(errors);
        return configuration;
    }

    /// <summary>Checks, binds and validates the <c>VoxDose</c> section; throws <see cref="InvalidConfigurationException"/> with every error.</summary>
    public static VoxDoseOptions BindAndValidate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var options = Bind(configuration, errors);
        if (errors.Count > 0) throw new InvalidConfigurationException(errors);
        return options;
    }

    private static IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string?>? overrides, bool includeEnvironment,
        List<string> errors)
    {
        var builder = new ConfigurationBuilder();
        AddJsonFile(builder, Path.Combine(AppContext.BaseDirectory, "appsettings.json"), isConfigFile: false, errors);
        if (!string.IsNullOrEmpty(configFile))
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full)) errors.Add($"--config: the file '{full}' does not exist.");
            else AddJsonFile(builder, full, isConfigFile: true, errors);
        }
        if (includeEnvironment) builder.AddEnvironmentVariables();
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>Adds a JSON file when it parses; otherwise records why (the JSON parser's line and position included).</summary>
    private static void AddJsonFile(ConfigurationBuilder builder, string path, bool isConfigFile, List<string> errors)
    {
        if (!File.Exists(path)) return;
        IConfigurationRoot alone;
        try
        {
            alone = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            errors.Add($"{path}: not valid JSON: {Innermost(e).Message}");
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: cannot be read: {e.Message}");
            return;
        }
        if (isConfigFile && !alone.AsEnumerable().Any(kv => IsUnder(kv.Key, VoxDoseOptions.SectionName)))
        {
            var topLevel = alone.GetChildren().Select(c => c.Key).ToList();
            var found = topLevel.Count == 0 ? "the file is empty" : $"top-level keys: {string.Join(", ", topLevel)}";
            var hint = topLevel.Where(k => !OtherSections.Contains(k, StringComparer.OrdinalIgnoreCase))
                .Select(k => ConfigurationShapeChecker.Levenshtein(k.ToUpperInvariant(), "VOXDOSE") <= 2 ? $" Did you mean 'VoxDose' for '{k}'?" : null)
                .FirstOrDefault(h => h is not null);
            errors.Add($"{path}: no '{VoxDoseOptions.SectionName}' section ({found}); the node's settings go under \"{VoxDoseOptions.SectionName}\": {{ ... }}.{hint}");
        }
        builder.AddJsonFile(path, optional: false, reloadOnChange: false);
    }

    /// <summary>Binds what can be bound (values that do not convert are left at their defaults) and collects every error.</summary>
    private static VoxDoseOptions Bind(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(VoxDoseOptions.SectionName);
        var problems = ConfigurationShapeChecker.Check(section, typeof(VoxDoseOptions));
        errors.AddRange(problems.Select(p => p + SourceOf(configuration, p.Path)));
        var good = configuration.AsEnumerable()
            .Where(kv => IsUnder(kv.Key, VoxDoseOptions.SectionName) && !problems.Any(p => IsUnder(kv.Key, p.Path)));
        var options = new VoxDoseOptions();
        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(good).Build().GetSection(VoxDoseOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.Message);
        }
        options.ApplyListDefaults();
        errors.AddRange(VoxDoseOptionsValidator.Collect(options));
        return options;
    }

    /// <summary>" (set in FILE)" or " (environment variable VoxDose__Scp__Port)": where the last value of a key came from.</summary>
    private static string SourceOf(IConfiguration configuration, string path)
    {
        if (configuration is not IConfigurationRoot root) return "";
        var cut = path.LastIndexOf(':');
        var parent = cut < 0 ? null : path[..cut];
        var key = path[(cut + 1)..];
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(path, out _) && !provider.GetChildKeys([], parent).Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            return provider switch
            {
                JsonConfigurationProvider json => $" (in {json.Source.Path})",
                EnvironmentVariablesConfigurationProvider => $" (environment variable {path.Replace(":", "__", StringComparison.Ordinal)})",
                _ => "",
            };
        }
        return "";
    }

    private static bool IsUnder(string key, string path) =>
        key.Equals(path, StringComparison.OrdinalIgnoreCase) || key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase);

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
