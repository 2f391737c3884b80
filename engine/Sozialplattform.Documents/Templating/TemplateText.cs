namespace Sozialplattform.Documents.Templating;

/// <summary>How a rendered e-mail or letter template is read: its first line is the subject (or the PDF's title), the rest the body.</summary>
public static class TemplateText
{
    public static (string Subject, string Body) Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimStart('\n').Split('\n', 2);
        return (lines[0].Trim(), lines.Length > 1 ? lines[1].TrimStart('\n') : "");
    }
}
