namespace Sozialplattform.Web.Localization;

/// <summary>A language of the portal chrome: code, its own name, and the writing direction.</summary>
public sealed record PortalLanguage(string Code, string NativeName, bool RightToLeft)
{
    public const string Default = "de";

    public static readonly IReadOnlyList<PortalLanguage> All =
    [
        new("de", "Deutsch", false),
        new("en", "English", false),
        new("tr", "Türkçe", false),
        new("ar", "العربية", true),
        new("uk", "Українська", false),
        new("ru", "Русский", false),
    ];

    public static PortalLanguage? Find(string? code) => All.FirstOrDefault(l => l.Code == code);

    public string Direction => RightToLeft ? "rtl" : "ltr";
}
