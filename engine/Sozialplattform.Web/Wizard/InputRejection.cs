using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Input the server refused to store: a file (type, size or count) or a value longer than the field takes
/// (<c>maxLength</c>). It travels to the next page view in the query string as <c>path|code|name</c> and is shown
/// as the engine's own error for that code, in the citizen's language.
/// </summary>
public sealed record InputRejection(string Path, string Code, string FileName = "")
{
    public const string QueryKey = "abgelehnt";

    public string Encode() => $"{Path}|{Code}|{FileName}";

    public static InputRejection? Decode(string? text)
    {
        var parts = text?.Split('|', 3);
        return parts is { Length: 3 } && parts[1] is "fileType" or "fileSize" or "maxFiles" or "maxLength" ? new InputRejection(parts[0], parts[1], parts[2]) : null;
    }

    public FieldError ToError(FieldDefinition field) => new(Path, Code, new Dictionary<string, object?>
    {
        ["name"] = FileName,
        ["accept"] = FileFieldType.TypeNames(field),
        ["max"] = Code switch
        {
            "maxFiles" => Engine.Fields.FileFieldType.MaxFilesOf(field),
            "maxLength" => field.Type.InputLimit(field).MaxLength,
            _ => Engine.Fields.FileFieldType.MaxSizeOf(field),
        },
    }, Severity.Error) { Element = field, Message = field.Messages.GetValueOrDefault(Code) };
}
