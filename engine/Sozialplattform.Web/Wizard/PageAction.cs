namespace Sozialplattform.Web.Wizard;

/// <summary>What a button of a wizard page asks for (the posted <c>action</c>); unknown values count as "update".</summary>
public sealed record PageAction(PageActionKind Kind, string Path = "", string Argument = "")
{
    public static PageAction Parse(string? value)
    {
        var (name, rest) = value?.IndexOf(':') is int colon and >= 0 ? (value[..colon], value[(colon + 1)..]) : (value ?? "", "");
        return name switch
        {
            "next" => new(PageActionKind.Next),
            "back" => new(PageActionKind.Back),
            "save" => new(PageActionKind.Save),
            "add" => new(PageActionKind.AddRow, rest),
            "remove" => new(PageActionKind.RemoveRow, rest),
            "removeFile" when rest.LastIndexOf('|') is var bar and > 0 => new(PageActionKind.RemoveFile, rest[..bar], rest[(bar + 1)..]),
            _ => new(PageActionKind.Update),
        };
    }
}

public enum PageActionKind
{
    Update,
    Next,
    Back,
    Save,
    AddRow,
    RemoveRow,
    RemoveFile,
}
