using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Definitions;

/// <summary>A bound given in the definition: a number, or a date that may be relative to today.</summary>
public sealed record Bound(decimal? Number, DateBound? Date, string Raw);

/// <summary>A field: a question with a typed answer, or (type <c>info</c>) a text block.</summary>
public sealed class FieldDefinition : ElementDefinition
{
    public required IFieldType Type { get; init; }
    public LocalizedText Label { get; init; } = LocalizedText.Empty;
    public LocalizedText Text { get; init; } = LocalizedText.Empty;
    public LocalizedText OutputLabel { get; init; } = LocalizedText.Empty;
    public LocalizedText Placeholder { get; init; } = LocalizedText.Empty;
    public LocalizedText Unit { get; init; } = LocalizedText.Empty;

    public bool Required { get; init; }
    public bool SoftRequired { get; init; }
    public RuleSource? RequiredIf { get; init; }
    public bool ReadOnly { get; init; }
    public RuleSource? ReadOnlyIf { get; init; }
    public RuleSource? Value { get; init; }
    public JsonNode? Default { get; init; }

    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public Regex? Pattern { get; init; }
    public Bound? Min { get; init; }
    public Bound? Max { get; init; }
    public int? Decimals { get; init; }
    public IReadOnlyList<Option> Options { get; init; } = [];
    public string? CodeListReference { get; init; }
    public string? Display { get; init; }
    public int? MinSelected { get; init; }
    public int? MaxSelected { get; init; }
    public IReadOnlyList<string> Accept { get; init; } = [];
    public long? MaxSize { get; init; }
    public int? MaxFiles { get; init; }
    public int? Rows { get; init; }
    public bool International { get; init; }
    public string? Autocomplete { get; init; }

    /// <summary>The identity attribute the field starts with when the citizen is signed in (<c>identity.family_name</c>, …; <see cref="IdentityAttributes"/>).</summary>
    public string? Prefill { get; init; }

    /// <summary>Whether the citizen may change a value taken from their account (<c>prefillEditable</c>, default true).</summary>
    public bool PrefillEditable { get; init; } = true;

    /// <summary>Own messages per error code, overriding the built-in texts.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Messages { get; init; } = new Dictionary<string, LocalizedText>();

    public override LocalizedText Caption => Label.IsEmpty ? Text : Label;

    /// <summary>The label for documents and the summary page.</summary>
    public LocalizedText DocumentLabel => OutputLabel.IsEmpty ? Caption : OutputLabel;

    public bool IsComputed => Value is not null;

    public Option? FindOption(string code)
    {
        foreach (var option in Options)
            if (option.Code == code) return option;
        return null;
    }
}
