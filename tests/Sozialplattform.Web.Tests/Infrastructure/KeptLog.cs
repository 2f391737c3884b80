using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>Every log line of a test host, kept for assertions (what an operator's log would show).</summary>
public sealed class KeptLog : ILoggerProvider
{
    public sealed record Line(LogLevel Level, string Category, string Message);

    public ConcurrentQueue<Line> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new Line(logLevel, category, formatter(state, exception)));
    }
}
