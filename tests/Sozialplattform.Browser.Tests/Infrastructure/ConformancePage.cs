using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>
/// Test-only pages of the host: <c>/test/conformance</c> loads the same helper runtime the portal's rules
/// scripts carry and runs every case of tests/Conformance/rules.json as a compiled function — static scripts
/// only, so the portal's Content-Security-Policy applies unchanged. Syntax cases are one script each: a script
/// that does not parse defines nothing.
/// </summary>
public sealed class ConformancePage : IStartupFilter
{
    public static readonly JsonObject Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Conformance", "rules.json")))!.AsObject();

    public static IEnumerable<(int Index, JsonObject Case)> BrowserCases() =>
        Cases["cases"]!.AsArray().Select((c, i) => (i, c!.AsObject())).Where(c => c.Item2["serverOnly"]?.GetValue<bool>() != true);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path == "/test/conformance") await Write(context, "text/html", Html());
            else if (path == "/test/conformance.js") await Write(context, "text/javascript", Script());
            else if (path.StartsWith("/test/conformance/syntax/", StringComparison.Ordinal) && int.TryParse(path[25..^3], out var index)) await Write(context, "text/javascript", SyntaxScript(index));
            else await nextMiddleware();
        });
        next(app);
    };

    private static Task Write(HttpContext context, string type, string text)
    {
        context.Response.ContentType = type + "; charset=utf-8";
        // The portal's policy: string compilation (eval, Function) is refused in the browser as in the server's sandbox.
        context.Response.Headers.ContentSecurityPolicy = Sozialplattform.Web.Hosting.SecurityHeaders.ContentSecurityPolicy;
        return context.Response.WriteAsync(text);
    }

    private static string Html()
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Conformance</title>");
        foreach (var (index, _) in BrowserCases().Where(c => c.Case["expectedSyntaxError"] is not null))
            html.Append($"<script src=\"/test/conformance/syntax/{index}.js\"></script>");
        html.Append("<script src=\"/test/conformance.js\"></script></head><body><p>conformance</p></body></html>");
        return html.ToString();
    }

    private static string Script()
    {
        var script = new StringBuilder("(function () {\n");
        script.Append(FormEngineOptions.Default.RuleEngine.RuntimeScript).Append('\n');
        script.Append($"var __today = {JsonSerializer.Serialize(Cases["today"]!.GetValue<string>())};\nvar cases = [\n");
        foreach (var (index, testCase) in BrowserCases().Where(c => c.Case["expectedSyntaxError"] is null))
        {
            var variables = testCase["variables"]!.AsObject();
            var names = string.Join(", ", variables.Select(v => v.Key));
            var args = new JsonArray(variables.Select(v => v.Value?.DeepClone()).ToArray());
            script.Append($"  {{ index: {index}, fn: function ({names}) {{ return (\n{testCase["expression"]!.GetValue<string>()}\n); }}, args: {args.ToJsonString()} }},\n");
        }

        script.Append("];\nwindow.__results = cases.map(function (c) {\n  try { var v = c.fn.apply(null, c.args); var json = JSON.stringify(v === undefined ? null : v);");
        script.Append(" return { index: c.index, value: json === undefined ? 'null' : json }; }\n  catch (e) { return { index: c.index, failure: 'ruleError' }; }\n});\n})();\n");
        return script.ToString();
    }

    private static string SyntaxScript(int index) =>
        $"window.__syntax = window.__syntax || {{}};\nwindow.__syntax[{index}] = function () {{ return (\n{Cases["cases"]![index]!["expression"]!.GetValue<string>()}\n); }};\n";
}
