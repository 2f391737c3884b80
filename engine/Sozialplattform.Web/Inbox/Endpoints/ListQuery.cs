using Microsoft.AspNetCore.Http;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The list's filter as the caseworker typed it (to show it again) and as the storage understands it. A date that
/// cannot be read is a problem shown beside its field, and that filter is left out.
/// </summary>
public sealed record ListQuery(string Search, string Status, string Form, string From, string To, bool Due, int Page, InboxFilter Filter, IReadOnlyList<string> Problems)
{
    public const int PageSize = 50;

    public static ListQuery Read(IQueryCollection query, DateOnly today)
    {
        string Get(string name) => query[name].ToString().Trim();
        var problems = new List<string>();
        var status = Enum.TryParse<SubmissionStatus>(Get("status"), out var s) && Enum.IsDefined(s) ? s : (SubmissionStatus?)null;
        var from = Day(Get("von"), "von", problems);
        var to = Day(Get("bis"), "bis", problems);
        var page = int.TryParse(Get("seite"), out var p) && p is > 0 and < 10_000 ? p : 1;
        var due = Get("faellig") == "1";
        var search = Get("q");
        var filter = new InboxFilter(
            status,
            Get("form") is { Length: > 0 } form ? form : null,
            search.Length is > 0 and <= 200 ? search : null,
            from is { } f ? InboxClock.StartOf(f) : null,
            to is { } t ? InboxClock.StartOf(t.AddDays(1)) : null,
            due ? today : null,
            (page - 1) * PageSize,
            PageSize);
        return new ListQuery(search, status?.ToString() ?? "", Get("form"), Get("von"), Get("bis"), due, page, filter, problems);
    }

    /// <summary>This query on another page.</summary>
    public string PageUrl(int page)
    {
        var pairs = new List<string>();
        void Add(string name, string value) { if (value.Length > 0) pairs.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("q", Search);
        Add("status", Status);
        Add("form", Form);
        Add("von", From);
        Add("bis", To);
        if (Due) Add("faellig", "1");
        if (page > 1) Add("seite", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return pairs.Count == 0 ? InboxRoutes.Root : $"{InboxRoutes.Root}?{string.Join('&', pairs)}";
    }

    private static DateOnly? Day(string text, string field, List<string> problems)
    {
        if (text.Length == 0) return null;
        if (InboxClock.Parse(text) is { } day) return day;
        problems.Add(field);
        return null;
    }
}
