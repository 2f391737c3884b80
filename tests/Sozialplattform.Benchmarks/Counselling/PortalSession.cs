using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OtpNet;

namespace Sozialplattform.Benchmarks.Counselling;

/// <summary>
/// One person's browser without JavaScript against a real portal: its own cookies, forms filled from the page as served
/// (hidden fields and the antiforgery token included), redirects followed like a browser does.
/// </summary>
public sealed class PortalSession : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public PortalSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public sealed record Page(Uri Url, IHtmlDocument Document);

    public async Task<Page> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadAsync(response);
    }

    /// <summary>Posts the page's form that <paramref name="selector"/> finds, with its own fields and these values, to its action (or the page's address).</summary>
    public async Task<Page> SubmitAsync(Page page, string selector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.Document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form {selector} on {page.Url}");
        var fields = Fields(form);
        foreach (var (name, value) in values) fields[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? new Uri(page.Url, a) : page.Url;
        using var response = await Http.PostAsync(action, new FormUrlEncodedContent(fields));
        return await ReadAsync(response);
    }

    /// <summary>A Blazor form of the seeker's pages, found by its form name.</summary>
    public Task<Page> SubmitBlazorAsync(Page page, string formName, IReadOnlyDictionary<string, string> values) =>
        SubmitAsync(page, $"form:has(input[name=_handler][value={formName}])", values);

    /// <summary>Staff sign in: password, then the second factor's enrolment with the secret the page shows.</summary>
    public async Task SignInStaffAsync(string login, string password)
    {
        var form = await GetAsync("/beratungsstellen-verwaltung/de/anmelden");
        var enrolment = await SubmitAsync(form, "main form", new Dictionary<string, string> { ["login"] = login, ["password"] = password });
        var secret = enrolment.Document.QuerySelector("#totp-secret")?.GetAttribute("data-secret") ?? throw new InvalidOperationException($"no enrolment for {login}: {enrolment.Url}");
        var codes = await SubmitAsync(enrolment, "main form", new Dictionary<string, string> { ["code"] = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        if (codes.Document.QuerySelectorAll(".recovery-codes code").Length == 0) throw new InvalidOperationException($"{login} not signed in: {codes.Url}");
    }

    /// <summary>What the form sends unless told otherwise: its hidden fields and the chosen option of each list.</summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>().Where(i => i.Type is "hidden")
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
            if ((select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault()) is { } chosen) fields[select.Name!] = chosen.Value;
        return fields;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"{(int)response.StatusCode} for {response.RequestMessage!.RequestUri}");
        return new Page(response.RequestMessage!.RequestUri!, Parser.ParseDocument(html));
    }

    public void Dispose() => Http.Dispose();
}
