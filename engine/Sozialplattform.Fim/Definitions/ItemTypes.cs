namespace Sozialplattform.Fim.Definitions;

/// <summary>The item types of our definition format that the FIM mapping uses.</summary>
public static class ItemTypes
{
    public const string Group = "group";
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Money = "money";
    public const string Date = "date";
    public const string YesNo = "yesNo";
    public const string Choice = "choice";
    public const string MultiChoice = "multiChoice";
    public const string File = "file";
    public const string Info = "info";
}
