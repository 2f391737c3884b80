using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>
/// Gives the JSON Schema of a form version's answers (the engine exports it). The host implements this
/// with the engine, cached per version; channels that need a schema (FIT-Connect) fail clearly without one.
/// </summary>
public interface IAnswersSchemaSource
{
    ValueTask<JsonObject?> GetAsync(string formId, string formVersion, string contentHash, CancellationToken cancellationToken);

    /// <summary>The answer path of the form version's <c>caseFileField</c> (the file or customer number at the authority), or null.</summary>
    string? CaseFileField(string formId, string formVersion) => null;
}

/// <summary>Schemas registered by hand (tests, or a host that pre-exports them); unknown forms have none.</summary>
public sealed class FixedAnswersSchemaSource : IAnswersSchemaSource
{
    private readonly Dictionary<(string, string), JsonObject> _schemas = [];
    private readonly Dictionary<(string, string), string> _caseFileFields = [];

    public FixedAnswersSchemaSource Add(string formId, string formVersion, JsonObject schema)
    {
        _schemas[(formId, formVersion)] = schema;
        return this;
    }

    public ValueTask<JsonObject?> GetAsync(string formId, string formVersion, string contentHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_schemas.GetValueOrDefault((formId, formVersion)));

    /// <summary>Declares the form version's <c>caseFileField</c> (the answer path of its file or customer number).</summary>
    public FixedAnswersSchemaSource WithCaseFileField(string formId, string formVersion, string path)
    {
        _caseFileFields[(formId, formVersion)] = path;
        return this;
    }

    public string? CaseFileField(string formId, string formVersion) => _caseFileFields.GetValueOrDefault((formId, formVersion));
}
