using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>A page as the test client saw it: where it ended up after redirects, the status and the parsed HTML.</summary>
public sealed record PortalPage(Uri Url, HttpStatusCode Status, IDocument Document, string Html, HttpResponseMessage Response)
{
    public string Path => Url.AbsolutePath;

    /// <summary>The texts of the error summary at the top.</summary>
    public IReadOnlyList<string> SummaryErrors => Document.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).ToList();

    /// <summary>The error messages next to the fields.</summary>
    public IReadOnlyList<string> FieldErrors => Document.QuerySelectorAll(".field__error").Select(e => e.TextContent.Replace("Fehler:", "").Replace("Error:", "").Trim()).ToList();

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    /// <summary>The page's antiforgery token (of the session that loaded it) as a form field, for posts built by hand.</summary>
    public (string Name, string Value) AntiforgeryToken =>
        ("__RequestVerificationToken", Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
}

public static class PortalFactoryClients
{
    /// <summary>A client that behaves like a browser without JavaScript (own cookies, redirects followed by the client).</summary>
    public static PortalClient Browse(this PortalFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

/// <summary>
/// Drives the portal like a browser without JavaScript: follows redirects, keeps cookies, and submits forms with
/// every value the form would send (hidden fields, antiforgery token, checked boxes) plus the test's own values.
/// </summary>
public sealed class PortalClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<PortalPage> GetAsync(string url) => await FollowAsync(await http.GetAsync(url));

    /// <summary>Fills and submits the form whose action contains <paramref name="actionPart"/>; <paramref name="button"/> is the value of the pressed button's "action".</summary>
    public async Task<PortalPage> SubmitAsync(PortalPage page, string actionPart, IReadOnlyDictionary<string, string?>? values = null, string? button = null,
        IEnumerable<(string Name, string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(actionPart, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"No form with action containing '{actionPart}' on {page.Url}");
        var fields = Collect(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Name == name);
            if (value is not null) fields.Add((name, value));
        }

        if (button is not null) fields.Add(("action", button));
        // Relative to the page (a form of another host, such as an identity provider's, posts there).
        return await PostAsync(new Uri(page.Url, form.GetAttribute("action")!).ToString(), fields, files);
    }

    public async Task<PortalPage> PostAsync(string url, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Name, string FileName, byte[] Content)>? files = null)
    {
        HttpContent content;
        var fileList = files?.ToList() ?? [];
        if (fileList.Count == 0) content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            foreach (var (name, fileName, bytes) in fileList) multipart.Add(new ByteArrayContent(bytes), name, fileName);
            content = multipart;
        }

        return await FollowAsync(await http.PostAsync(url, content));
    }

    /// <summary>What a browser sends for a form: named inputs except unchecked boxes, file inputs and buttons.</summary>
    public static List<(string Name, string Value)> Collect(IHtmlFormElement form)
    {
        var fields = new List<(string, string)>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add((name, box.Value ?? ""));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "file" or "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add((name, input.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add((name, area.Value ?? ""));
                    break;
                case IHtmlSelectElement select:
                    fields.Add((name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    private async Task<PortalPage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; i++)
        {
            var location = response.Headers.Location!;
            response = await http.GetAsync(location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location));
        }

        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage!.RequestUri!;
        return new PortalPage(url, response.StatusCode, Parser.ParseDocument(html), html, response);
    }
}
