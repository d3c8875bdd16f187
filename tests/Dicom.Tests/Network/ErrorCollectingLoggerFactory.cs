using Microsoft.Extensions.Logging;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>A logger factory that records every Error/Critical entry, so a test can assert none occurred.</summary>
internal sealed class ErrorCollectingLoggerFactory : ILoggerFactory, ILogger
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return [.. _errors]; }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) { }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (_errors) _errors.Add($"{eventId.Id}: {formatter(state, exception)} {exception}");
    }

    public void Dispose() { }
}
