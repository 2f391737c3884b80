namespace Sozialplattform.Documents.Templating;

/// <summary>
/// The templates a form version brings with it (its service files, written in the designer and published with the
/// version): <paramref name="File"/> gives the text of a path beside <c>form.json</c> or null; <paramref name="Origin"/>
/// names the version in errors (<c>&lt;form-id&gt;/&lt;version&gt;</c>). A submission pinned to a version uses that
/// version's templates, never a later one's.
/// </summary>
public sealed record ServiceTemplates(string Origin, Func<string, string?> File)
{
    public const string Folder = "templates/";

    /// <summary>Where a template lies beside <c>form.json</c>: <c>templates/&lt;template&gt;.&lt;lang&gt;.scriban</c>.</summary>
    public static string PathOf(string template, string language) => $"{Folder}{template}.{language}{TemplateLocator.Extension}";
}
