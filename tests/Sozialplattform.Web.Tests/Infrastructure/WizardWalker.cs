using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sozialplattform.Web.Components.Form;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// Answers a form's pages through the real endpoints, as a citizen without JavaScript would: every input of a page is
/// filled from a set of answers (the way the portal shows answers again: numbers with the decimal comma in German),
/// rows of repeating groups are added with their "add" button, files are uploaded (a small file of an accepted type)
/// with the page's upload button, and then "next" is pressed. A page that refuses to go on fails with its errors.
/// </summary>
public sealed class WizardWalker(PortalClient client, JsonObject answers, string lang = "de")
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The wizard pages passed, in order.</summary>
    public List<string> Visited { get; } = [];

    /// <summary>From the first wizard page to the page after the last one (the summary, or a questionnaire's result).</summary>
    public async Task<PortalPage> WalkAsync(PortalPage first, Func<PortalPage, bool> arrived)
    {
        var page = first;
        for (var steps = 0; !arrived(page); steps++)
        {
            if (steps > 60) throw new InvalidOperationException($"Still not through the wizard after {steps} posts, at {page.Path}");
            page.Status.ShouldBe(System.Net.HttpStatusCode.OK, page.Path);
            if (!page.Path.Contains("/seite/", StringComparison.Ordinal)) throw new InvalidOperationException($"Left the wizard at {page.Path}: {page.Text("h1")}");
            if (Visited.LastOrDefault() != page.Path) Visited.Add(page.Path);
            page = await StepAsync(page);
        }

        return page;
    }

    /// <summary>One post: a missing row, else missing uploads, else "next" (refused → the page's errors as the failure).</summary>
    private async Task<PortalPage> StepAsync(PortalPage page)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector("form.wizard")!;
        var fields = Fill(form);
        var action = form.GetAttribute("action")!;
        if (ShortRepeat(page) is { } repeat) return await client.PostAsync(action, [.. fields, ("action", $"add:{repeat}")]);
        if (MissingUploads(page) is { } upload) return await client.PostAsync(action, [.. fields, ("action", "update")], upload);

        var next = await client.PostAsync(action, [.. fields, ("action", "next")]);
        if (next.Path == page.Path && (next.SummaryErrors.Count > 0 || next.FieldErrors.Count > 0))
            throw new InvalidOperationException($"{page.Path} refused the answers: {string.Join(" | ", next.SummaryErrors.Concat(next.FieldErrors).Distinct())}");
        return next;
    }

    /// <summary>What the browser would post with every input set from the answers (inputs without an answer keep what the page shows).</summary>
    private List<(string Name, string Value)> Fill(IHtmlFormElement form)
    {
        var fields = PortalClient.Collect(form);
        var names = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n is not ("action" or "__RequestVerificationToken" or "von")).Distinct().ToList();
        foreach (var name in names)
        {
            if (!TryAnswer(name, out var answer)) continue;
            var inputs = form.Elements.Where(e => e.GetAttribute("name") == name).ToList();
            if (inputs.Any(i => i is IHtmlInputElement { Type: "file" })) continue;
            fields.RemoveAll(f => f.Name == name);
            var isSwitch = inputs.Any(i => i is IHtmlInputElement { Type: "checkbox", Value: "true" }) && inputs.Any(i => i is IHtmlInputElement { Type: "hidden" });
            if (isSwitch)
            {
                if (answer is JsonValue on && on.TryGetValue(out bool yes) && yes) fields.Add((name, "true"));
                fields.Add((name, "false"));
                continue;
            }

            foreach (var value in InputValues.List(answer, lang)) fields.Add((name, value));
        }

        return fields;
    }

    /// <summary>The first repeating group on the page with fewer rows than the answers have.</summary>
    private string? ShortRepeat(PortalPage page) =>
        page.Document.QuerySelectorAll(".repeat[data-path]")
            .Where(r => TryAnswer(r.GetAttribute("data-path")!, out var rows) && rows is JsonArray array && Rows(r) < array.Count)
            .Select(r => r.GetAttribute("data-path"))
            .FirstOrDefault(p => page.Document.QuerySelector($"button[value='add:{p}']") is not null);

    private static int Rows(IElement repeat) => repeat.Children.Count(c => c.ClassList.Contains("repeat__row"));

    /// <summary>Files for the first file field that has fewer stored files than the answers name: one small file of an accepted type each.</summary>
    private List<(string Name, string FileName, byte[] Content)>? MissingUploads(PortalPage page)
    {
        foreach (var input in page.Document.QuerySelectorAll("input[type=file]").OfType<IHtmlInputElement>())
        {
            var path = input.Name!;
            if (!TryAnswer(path, out var answer) || answer is not JsonArray wanted) continue;
            var stored = page.Document.QuerySelectorAll($"[data-path='{path}'] .file-list__item").Length;
            if (stored >= wanted.Count) continue;
            var accept = input.GetAttribute("accept") ?? "";
            var png = !accept.Contains("application/pdf", StringComparison.Ordinal) && accept.Contains("image/", StringComparison.Ordinal);
            return Enumerable.Range(stored, wanted.Count - stored)
                .Select(i => (path, png ? $"nachweis-{i}.png" : $"nachweis-{i}.pdf", png ? Png : Pdf))
                .ToList();
        }

        return null;
    }

    /// <summary>The answer at an input's name: an answer path (<c>mitglieder[0].vorname</c>), or an address part (<c>anschrift.street</c>).</summary>
    private bool TryAnswer(string name, out JsonNode? answer)
    {
        JsonNode? node = answers;
        foreach (var segment in name.Replace("]", "").Split('.', '['))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                answer = null;
                return false;
            }
        }

        answer = node;
        return true;
    }
}
