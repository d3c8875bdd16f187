namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The configuration cannot be used: every problem found (missing or unreadable file, unknown key, value of the wrong
/// type, rule broken), each naming its configuration path. The CLI prints them all and exits with code 2.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    /// <summary>Exit code of every verb whose configuration is invalid (systemd does not restart on it: see deploy/).</summary>
    public const int ExitCode = 2;

    public InvalidConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e))) => Errors = errors;

    public InvalidConfigurationException() : this([]) { }

    public InvalidConfigurationException(string message) : this([message]) { }

    public InvalidConfigurationException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    public IReadOnlyList<string> Errors { get; }

    /// <summary>Prints every error to standard error (no stack trace) and returns <see cref="ExitCode"/>.</summary>
    public int Report(TextWriter error, string verb)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"voxdose {verb}: invalid configuration ({Errors.Count} error{(Errors.Count == 1 ? "" : "s")}):");
        foreach (var e in Errors) error.WriteLine("  " + e);
        return ExitCode;
    }
}
