using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;
using NJsonSchema.Validation;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>The JSON Schemas of the definition files (embedded from <c>schemas/</c>), checked before anything else is read.</summary>
public static class DefinitionSchemas
{
    public const string Form = "form-definition.schema.json";
    public const string Block = "block.schema.json";
    public const string CodeList = "code-list.schema.json";
    public const string Catalog = "catalog.schema.json";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(LoadAll);

    public static string Text(string name)
    {
        using var stream = typeof(DefinitionSchemas).Assembly.GetManifestResourceStream("schemas/" + name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Checks <paramref name="token"/> against the schema; every violation becomes a problem with line and JSON path.</summary>
    public static bool Check(string schemaName, JToken token, string file, ProblemList problems)
    {
        var errors = Schemas.Value[schemaName].Validate(token);
        foreach (var error in Flatten(errors).DistinctBy(e => (e.Path, e.Kind, e.Property)))
            problems.Error("schema", Describe(error), new SourceLocation(file, JsonPath(error.Path), error.LineNumber, error.LinePosition));
        return errors.Count == 0;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Kind is not ValidationErrorKind.NotOneOf and not ValidationErrorKind.NotAnyOf)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value))) yield return inner;
            }
            else yield return error;
        }
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not allowed here",
        ValidationErrorKind.PatternMismatch => $"'{error.Property}' does not have the required format ({error.Schema?.Pattern})",
        ValidationErrorKind.NotInEnumeration => $"'{error.Property}' must be one of: {string.Join(", ", error.Schema?.Enumeration ?? [])}",
        ValidationErrorKind.StringExpected => $"'{error.Property}' must be a text",
        ValidationErrorKind.IntegerExpected => $"'{error.Property}' must be a whole number",
        ValidationErrorKind.NumberExpected => $"'{error.Property}' must be a number",
        ValidationErrorKind.BooleanExpected => $"'{error.Property}' must be true or false",
        ValidationErrorKind.ArrayExpected => $"'{error.Property}' must be a list",
        ValidationErrorKind.ObjectExpected => $"'{error.Property}' must be an object",
        ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => $"'{error.Property}' must be a text or an object of texts per language",
        ValidationErrorKind.TooFewItems => $"'{error.Property}' needs at least {error.Schema?.MinItems} entries",
        ValidationErrorKind.StringTooShort => $"'{error.Property}' is too short",
        ValidationErrorKind.StringTooLong => $"'{error.Property}' is too long",
        ValidationErrorKind.NumberTooSmall => $"'{error.Property}' is too small",
        ValidationErrorKind.NumberTooBig => $"'{error.Property}' is too big",
        _ => $"'{error.Property}': {error.Kind}",
    };

    private static string JsonPath(string? path) => (path ?? "").TrimStart('#', '/');

    private static IReadOnlyDictionary<string, JsonSchema> LoadAll()
    {
        var form = Load(Form, null);
        return new Dictionary<string, JsonSchema>
        {
            [Form] = form,
            [Block] = Load(Block, form),
            [CodeList] = Load(CodeList, form),
            [Catalog] = Load(Catalog, form),
        };
    }

    private static JsonSchema Load(string name, JsonSchema? form) =>
        JsonSchema.FromJsonAsync(Text(name), "/schemas/" + name, schema => new EmbeddedReferenceResolver(schema, form)).GetAwaiter().GetResult();

    private sealed class EmbeddedReferenceResolver(JsonSchema root, JsonSchema? form)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            Path.GetFileName(filePath) == Form && form is not null
                ? Task.FromResult<IJsonReference>(form)
                : base.ResolveFileReferenceAsync(filePath, cancellationToken);
    }
}
