using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// Logs as JSON lines with scopes when <c>Sozialplattform:Logging:Format=json</c>, and every entry of a request carries
/// the request id that the response names in <c>X-Request-Id</c>; the "Request starting" lines with their URLs are not written.
/// </summary>
public sealed class StructuredLogsTests
{
    [Fact]
    public async Task With_the_json_format_each_entry_of_a_request_carries_the_request_id_the_response_names()
    {
        var log = new ScopedLog();
        using var host = new JsonLogPortal(log);

        var response = await host.CreateClient().GetAsync("/de/weiter/00000000-0000-0000-0000-000000000001?key=geheimer-schluessel");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var console = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        console.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        json.IncludeScopes.ShouldBeTrue();
        var ofRequest = log.Entries.Where(e => e.Scopes.Contains($"RequestId:{requestId}")).ToList();
        ofRequest.ShouldNotBeEmpty("the request's log entries carry its id");
        log.Entries.ShouldNotContain(e => e.Message.Contains("geheimer-schluessel"), "URLs with secret keys are not logged");
    }

    private sealed class JsonLogPortal(ScopedLog log) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Logging:Format", "json");
            // Routing's debug entry ("Request matched endpoint") is written inside every request; every other category keeps the host's levels.
            builder.ConfigureLogging(logging => logging.AddProvider(log).AddFilter<ScopedLog>("Microsoft.AspNetCore.Routing", LogLevel.Debug));
        }
    }

    /// <summary>Every entry with the scopes active when it was written (as the JSON console writes them).</summary>
    private sealed class ScopedLog : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public sealed record Entry(string Category, string Message, IReadOnlyList<string> Scopes);

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void Dispose() { }

        private sealed class Logger(string category, ScopedLog owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs.Select(p => $"{p.Key}:{p.Value}"));
                }, scopes);
                owner.Entries.Enqueue(new Entry(category, formatter(state, exception), scopes));
            }
        }
    }
}
