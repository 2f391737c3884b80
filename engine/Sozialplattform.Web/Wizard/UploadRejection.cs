using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// A file the server refused to store (type, size or count). It travels to the next page view in the query
/// string as <c>path|code|name</c> and is shown as the engine's own error for that code, in the citizen's language.
/// </summary>
public sealed record UploadRejection(string Path, string Code, string FileName)
{
    public string Encode() => $"{Path}|{Code}|{FileName}";

    public static UploadRejection? Decode(string? text)
    {
        var parts = text?.Split('|', 3);
        return parts is { Length: 3 } && parts[1] is "fileType" or "fileSize" or "maxFiles" ? new UploadRejection(parts[0], parts[1], parts[2]) : null;
    }

    public FieldError ToError(FieldDefinition field) => new(Path, Code, new Dictionary<string, object?>
    {
        ["name"] = FileName,
        ["accept"] = string.Join(", ", field.Accept),
        ["max"] = Code == "maxFiles" ? Engine.Fields.FileFieldType.MaxFilesOf(field) : Engine.Fields.FileFieldType.MaxSizeOf(field),
    }, Severity.Error) { Element = field };
}
