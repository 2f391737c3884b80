namespace Sozialplattform.Designer.Hosting;

/// <summary>The designer's own cookie scheme and policy: every designer page and the circuit require the author role.</summary>
public static class DesignerAuthentication
{
    public const string Scheme = "Designer";
    public const string Policy = "DesignerAuthor";
    public const string AuthorRole = "author";
    public const string LoginPath = "/designer/login";

    /// <summary>The development author created on first start in Development (see docs/DESIGNER.md).</summary>
    public const string DevelopmentLogin = "autorin";
    public const string DevelopmentPassword = "Designer-Entwicklung-2026";
}
