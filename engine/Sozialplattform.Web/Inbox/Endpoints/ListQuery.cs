using Microsoft.AspNetCore.Http;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The list's filter as the caseworker typed it (to show it again) and as the storage understands it. A date that
/// cannot be read is a problem shown beside its field, and that filter is left out.
/// </summary>
public sealed record ListQuery(string Search, string Status, string Form, string From, string To, bool Due, int Page, InboxFilter Filter, IReadOnlyList<string> Problems,
    bool Mine = false, bool New = false, InboxSort Sort = InboxSort.Newest, string FileNumber = "", bool Team = false)
{
    public const int PageSize = 50;

    /// <summary>The list's query; "meine Fälle" (<c>meine=1</c>) narrows it to the cases assigned to <paramref name="caseworkerId"/>, "mein Team" (<c>team=1</c>) to those of that account's teams, <c>akte</c> to one case file.</summary>
    public static ListQuery Read(IQueryCollection query, DateOnly today, Guid caseworkerId)
    {
        string Get(string name) => query[name].ToString().Trim();
        var problems = new List<string>();
        var status = Enum.TryParse<SubmissionStatus>(Get("status"), out var s) && Enum.IsDefined(s) ? s : (SubmissionStatus?)null;
        var from = Day(Get("von"), "von", problems);
        var to = Day(Get("bis"), "bis", problems);
        var page = int.TryParse(Get("seite"), out var p) && p is > 0 and < 10_000 ? p : 1;
        var due = Get("faellig") == "1";
        var search = Get("q");
        var mine = Get("meine") == "1";
        var onlyNew = Get("neu") == "1";
        var fileNumber = Get("akte");
        var team = Get("team") == "1";
        var sort = Enum.TryParse<InboxSort>(Get("sortierung"), ignoreCase: true, out var order) && Enum.IsDefined(order) ? order : InboxSort.Newest;
        var filter = new InboxFilter(
            status,
            Get("form") is { Length: > 0 } form ? form : null,
            search.Length is > 0 and <= 200 ? search : null,
            from is { } f ? InboxClock.StartOf(f) : null,
            to is { } t ? InboxClock.StartOf(t.AddDays(1)) : null,
            due ? today : null,
            (page - 1) * PageSize,
            PageSize,
            sort,
            mine ? caseworkerId : null,
            onlyNew,
            fileNumber.Length > 0 ? fileNumber : null,
            team ? caseworkerId : null);
        return new ListQuery(search, status?.ToString() ?? "", Get("form"), Get("von"), Get("bis"), due, page, filter, problems, mine, onlyNew, sort, fileNumber, team);
    }

    /// <summary>This query on another page.</summary>
    public string PageUrl(int page) => Url(page, Sort);

    /// <summary>This query sorted another way, from its first page.</summary>
    public string SortUrl(InboxSort sort) => Url(1, sort);

    /// <summary>The number of pages for <paramref name="total"/> matching cases (at least one).</summary>
    public static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    private string Url(int page, InboxSort sort)
    {
        var pairs = new List<string>();
        void Add(string name, string value) { if (value.Length > 0) pairs.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("q", Search);
        Add("status", Status);
        Add("form", Form);
        Add("von", From);
        Add("bis", To);
        if (Due) Add("faellig", "1");
        if (Mine) Add("meine", "1");
        if (New) Add("neu", "1");
        Add("akte", FileNumber);
        if (Team) Add("team", "1");
        if (sort != InboxSort.Newest) Add("sortierung", sort.ToString().ToLowerInvariant());
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
