using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>A seeker's steps through the real pages, like a browser without JavaScript.</summary>
public static class SeekerJourney
{
    public const string Password = "Lange-Nacht-am-Rhein";

    public static async Task<PortalPage> RegisterAsync(this PortalClient client, string pseudonym, Guid? centre = null, string? email = null, string password = Password)
    {
        var form = await client.GetAsync("/de/online-beratung/registrieren" + (centre is { } id ? $"?stelle={id}&thema=schuldnerberatung" : ""));
        return await client.SubmitFormAsync(form, "register", new Dictionary<string, string> { ["pseudonym"] = pseudonym, ["password"] = password, ["email"] = email ?? "" });
    }

    /// <summary>Registered and the enquiry sent to <paramref name="centre"/>: on the conversation's page.</summary>
    public static async Task<PortalPage> EnquiryAsync(this PortalClient client, string pseudonym, Guid centre, string text, string? email = null)
    {
        (await client.RegisterAsync(pseudonym, centre, email)).Status.ShouldBe(System.Net.HttpStatusCode.OK);
        var enquiry = await client.GetAsync($"/de/online-beratung/anfrage?stelle={centre}&thema=schuldnerberatung");
        return await client.SubmitFormAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = text });
    }

    public static Guid ConversationId(this PortalPage page) => Guid.Parse(page.Path.Split('/')[^1]);

    /// <summary>Submits a Blazor form (found by its form name) like a browser without JavaScript: to the page's own address.</summary>
    public static Task<PortalPage> SubmitFormAsync(this PortalClient client, PortalPage page, string formName, IReadOnlyDictionary<string, string>? values = null,
        IEnumerable<(string Name, string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {page.Url}:\n{page.Html}");
        var fields = PortalClient.Collect(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }

        return client.PostAsync(page.Url.PathAndQuery, fields, files);
    }
}
