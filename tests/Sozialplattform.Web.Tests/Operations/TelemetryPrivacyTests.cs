using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// A citizen's journey (two applications answered page by page and submitted) with telemetry on and an in-memory
/// exporter: traces and metrics are recorded, and neither a span (name, tags, events), a metric tag nor a log line
/// carries the applicant's name, e-mail address or answers.
/// </summary>
public sealed class TelemetryPrivacyTests
{
    private static readonly string[] Personal = ["Quirinella", "Zwetschgenbaum", "quirinella.zwetschgenbaum@example.org", "Mietschulden-Geheimnis-4711"];

    [Fact]
    public async Task A_submitted_application_shows_in_traces_and_metrics_without_any_name_e_mail_or_answer_of_the_applicant()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var log = new KeptLog();
        using (var host = new TelemetryPortal(spans, metrics, log))
        {
            await SubmitAsync(host, "haushalt", HouseholdAnswers());
            await SubmitAsync(host, "kontakt", new JsonObject { ["thema"] = "schulden", ["nachricht"] = Personal[3], ["email"] = Personal[2] });
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        } // the providers stop with the host: nothing is added while the lists are read

        spans.ShouldContain(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "/{lang}/antrag/{draftId:guid}/absenden");
        spans.ShouldContain(s => s.Source.Name == "Microsoft.EntityFrameworkCore" || s.Tags.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal)));
        metrics.ShouldContain(m => m.Name == "sozial.submissions.accepted");
        metrics.ShouldContain(m => m.Name == "http.server.request.duration");
        log.Lines.ShouldNotBeEmpty();

        var recorded = spans.SelectMany(SpanTexts).Concat(metrics.SelectMany(MetricTexts)).Concat(log.Lines.Select(l => l.Message)).ToList();
        foreach (var value in Personal)
            recorded.Where(text => text.Contains(value, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"'{value}' must not be in telemetry or logs");
    }

    private static JsonObject HouseholdAnswers()
    {
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json")))!.AsObject();
        answers["antragsteller"]!["vorname"] = Personal[0];
        answers["antragsteller"]!["nachname"] = Personal[1];
        answers["partner"]!["nachname"] = Personal[1];
        return answers;
    }

    private static async Task SubmitAsync(PortalFactory host, string formId, JsonObject answers)
    {
        var client = host.Browse();
        var first = await Journeys.FirstPageAsync(client, formId);
        var summary = await new WizardWalker(client, answers).WalkAsync(first, page => page.Path.EndsWith("/zusammenfassung", StringComparison.Ordinal));
        var declarations = summary.Document.QuerySelectorAll("form[action$='/absenden'] input[type=checkbox]").ToDictionary(c => c.GetAttribute("name")!, _ => (string?)"true");
        var receipt = await client.SubmitAsync(summary, "/absenden", declarations);
        receipt.Path.ShouldStartWith("/de/eingang/SP-", customMessage: string.Join(" | ", receipt.SummaryErrors));
    }

    private static IEnumerable<string> SpanTexts(Activity span) =>
        [span.DisplayName, span.OperationName, .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
         .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")), span.StatusDescription ?? ""];

    private static IEnumerable<string> MetricTexts(MetricSnapshot metric)
    {
        var texts = new List<string>();
        foreach (var point in metric.MetricPoints)
            foreach (var tag in point.Tags)
                texts.Add($"{metric.Name} {tag.Key}={tag.Value}");
        return texts;
    }

    private sealed class TelemetryPortal(List<Activity> spans, List<MetricSnapshot> metrics, KeptLog log) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Telemetry:Enabled", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(log));
            builder.ConfigureServices(services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)));
        }
    }
}
