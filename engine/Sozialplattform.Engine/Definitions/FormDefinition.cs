namespace Sozialplattform.Engine.Definitions;

/// <summary>Publication status of a form version. Published versions never change.</summary>
public enum FormStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>What the form is for: an application that is submitted, or a questionnaire answered only for orientation.</summary>
public enum FormPurpose
{
    Application,
    Questionnaire,

    /// <summary>A message to a destination the citizen chose (a counselling centre from the finder): no place step, not an application.</summary>
    ContactRequest,
}

/// <summary>When the citizen must authenticate.</summary>
public enum LoginRequirement
{
    None,
    BeforeFilling,
    BeforeSubmitting,
}

/// <summary>
/// The eIDAS level of assurance of a citizen's login (German: niedrig, substantiell, hoch), weakest first; a form asks
/// for at least one (<c>access.level</c>), the identity provider's login reports one.
/// </summary>
public enum TrustLevel
{
    Low = 1,
    Substantial = 2,
    High = 3,
}

/// <summary>Optional identifiers of the administrative service.</summary>
public sealed record ServiceIdentifiers(IReadOnlyList<string> LeikaKeys, string? OzgId, FimReference? Fim)
{
    public static readonly ServiceIdentifiers None = new([], null, null);
}

/// <summary>
/// What a citizen wants to know before starting (<c>serviceInfo</c>), shown on the service page: who can get the
/// service, deadlines, from when it is paid, costs, processing time and what happens after sending. What to have
/// ready is <see cref="FormDefinition.RequiredDocuments"/>. Every text may be empty.
/// </summary>
public sealed record ServiceInformation(
    LocalizedText Eligibility, LocalizedText Deadlines, LocalizedText PaidFrom, LocalizedText Costs, LocalizedText ProcessingTime, LocalizedText AfterSubmission)
{
    public static readonly ServiceInformation None = new(LocalizedText.Empty, LocalizedText.Empty, LocalizedText.Empty, LocalizedText.Empty, LocalizedText.Empty, LocalizedText.Empty);

    /// <summary>The property names in <c>serviceInfo</c>, in the order the service page shows them.</summary>
    public static readonly IReadOnlyList<string> Properties = ["eligibility", "deadlines", "paidFrom", "costs", "processingTime", "afterSubmission"];

    /// <summary>The texts in the order of <see cref="Properties"/>.</summary>
    public IReadOnlyList<(string Property, LocalizedText Text)> Entries =>
        [("eligibility", Eligibility), ("deadlines", Deadlines), ("paidFrom", PaidFrom), ("costs", Costs), ("processingTime", ProcessingTime), ("afterSubmission", AfterSubmission)];
}

/// <summary>A consent checkbox on the summary page; answered as a root-level boolean under its key.</summary>
/// <param name="Page">The page whose texts the declaration confirms (the summary links to it), if any.</param>
public sealed record Declaration(string Key, LocalizedText Text, bool Required, SourceLocation Location, string? Page = null);

/// <summary>An answer-dependent extra or different destination (an authority role resolved per place).</summary>
public sealed record RoutingRule(RuleSource When, string Destination, bool Instead);

/// <summary>One immutable version of a form, read from its definition file.</summary>
public sealed class FormDefinition
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required FormStatus Status { get; init; }
    public FormPurpose Purpose { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText ShortTitle { get; init; } = LocalizedText.Empty;
    public LocalizedText Description { get; init; } = LocalizedText.Empty;
    public LocalizedText Help { get; init; } = LocalizedText.Empty;
    public string? Topic { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<LegalReference> LegalBasis { get; init; } = [];
    public ServiceIdentifiers Service { get; init; } = ServiceIdentifiers.None;
    public IReadOnlyList<LocalizedText> RequiredDocuments { get; init; } = [];

    /// <summary>The service page's answers to a citizen's questions before starting (<c>serviceInfo</c>).</summary>
    public ServiceInformation ServiceInfo { get; init; } = ServiceInformation.None;
    public LoginRequirement Login { get; init; }

    /// <summary>The weakest login the form accepts (<c>access.level</c>); null: any login.</summary>
    public TrustLevel? RequiredLevel { get; init; }

    /// <summary>Whether the citizen signs in again right before sending (<c>access.reauthenticate</c>), so an old session on a shared computer cannot send.</summary>
    public bool Reauthenticate { get; init; }
    public required IReadOnlyList<PageDefinition> Pages { get; init; }
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];
    public IReadOnlyList<RoutingRule> Routing { get; init; } = [];

    /// <summary>
    /// The answer path of the field that carries the applicant's file number or customer number at the authority
    /// (<c>caseFileField</c>, e.g. <c>jobcenter.bgNummer</c>): a case delivered into the built-in inbox is linked to the
    /// authority's file of that number. A text field outside repeating groups; null: the form names none.
    /// </summary>
    public string? CaseFileField { get; init; }
    public IReadOnlyList<AuthorNote> Notes { get; init; } = [];
    public IReadOnlyList<string> OperatorTodo { get; init; } = [];

    /// <summary>The invisible root group: its items are the items of all pages, its validations the form's.</summary>
    public required GroupDefinition Root { get; init; }

    /// <summary>SHA-256 (hex) of the definition file and every block and code-list file it uses.</summary>
    public required string ContentHash { get; init; }

    public required string SourceFile { get; init; }

    public string Reference => $"{Id}@{Version}";

    /// <summary>Every group and field, depth first in form order.</summary>
    public IEnumerable<ElementDefinition> AllElements() => Root.Descendants();

    public IEnumerable<FieldDefinition> AllFields() => AllElements().OfType<FieldDefinition>();
}
