using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.Usage;

/// <summary>
/// What the portal already does, counted for the designer's usage figures: an application started, a page reached and
/// passed for the first time (with the time since the draft's previous save, as a bucket), the errors a page showed (the
/// field's path without row numbers and the error code — never a value), an application submitted. Only the form id,
/// version and page go with a count: no draft id, address, cookie or answer.
/// </summary>
public sealed partial class UsageRecorder(UsageCounters counters, TimeProvider clock)
{
    public void Started(Application application)
    {
        var definition = application.Engine.Definition;
        counters.Record(definition.Id, definition.Version, "", UsageKinds.Started);
        if (definition.Pages.Count > 0) counters.Record(definition.Id, definition.Version, definition.Pages[0].Id, UsageKinds.Reached);
    }

    /// <summary>A page left forward without errors for the first time, and the page it leads to (null: the summary or the end).</summary>
    public void Passed(Application application, PageDefinition page, PageDefinition? next)
    {
        var definition = application.Engine.Definition;
        counters.Record(definition.Id, definition.Version, page.Id, UsageKinds.Passed);
        if (application.SavedAt is { } saved)
            counters.RecordTime(definition.Id, definition.Version, page.Id, clock.GetUtcNow().UtcDateTime - saved);
        if (next is not null) counters.Record(definition.Id, definition.Version, next.Id, UsageKinds.Reached);
    }

    /// <summary>The errors one post of a page showed: per field path (rows as <c>[]</c>) and code.</summary>
    public void Errors(Application application, PageDefinition page, IEnumerable<(string Path, string Code)> errors)
    {
        var definition = application.Engine.Definition;
        foreach (var (path, code) in errors.Distinct())
            counters.Record(definition.Id, definition.Version, page.Id, UsageKinds.Error, $"{Rows().Replace(path, "[]")}|{code}");
    }

    public static (string Path, string Code) Of(FieldError error) => (error.Element?.PathTemplate ?? error.Path, error.Code);

    public void Submitted(FormDefinition definition) => counters.Record(definition.Id, definition.Version, "", UsageKinds.Submitted);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Rows();
}
