using System.Reflection;

namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// The codes of the catalog lint's findings. Each has English text in the finding (for <c>sozial catalog lint</c>) and
/// a text per language at the designer's edge (<c>LintTexts</c>); a test holds that every code here has a German one.
/// The arguments of each code are listed beside it, in order.
/// </summary>
public static class LintCodes
{
    /// <summary>A problem reported by another part (a file that cannot be read, a tenant's file): its English text.</summary>
    public const string Other = "other";
    /// <summary>(file id@version, path id@version)</summary>
    public const string IdentityMismatch = "identity-mismatch";
    /// <summary>(code)</summary>
    public const string DuplicateCode = "duplicate-code";
    public const string CodeListEmpty = "code-list-empty";
    public const string NoLegalBasisOnPage = "page-legal-basis-missing";
    /// <summary>(engine code, English message)</summary>
    public const string Engine = "engine";
    /// <summary>(language)</summary>
    public const string LanguageMissing = "language-missing";
    public const string GermanNotFirst = "german-not-first";
    public const string StatusInvalid = "status-invalid";
    public const string TopicMissing = "topic-missing";
    /// <summary>(topic)</summary>
    public const string TopicUnknown = "topic-unknown";
    public const string KeywordsMissing = "keywords-missing";
    public const string LegalBasisMissing = "legal-basis-missing";
    public const string ServiceMissing = "service-missing";
    public const string LeikaMissing = "leika-missing";
    /// <summary>(serviceInfo property)</summary>
    public const string ServiceInfoMissing = "service-info-missing";
    /// <summary>(sample file path)</summary>
    public const string SampleMissing = "sample-missing";
    public const string ExpectedErrorsShape = "expected-errors-shape";
    /// <summary>(key)</summary>
    public const string ReservedKey = "reserved-key";
    /// <summary>(marker)</summary>
    public const string OptionalMarker = "optional-marker";
    public const string RequiredReadOnlyEmpty = "required-read-only-empty";
    /// <summary>(FIM code list)</summary>
    public const string FimCodeListPending = "fim-code-list-pending";
    /// <summary>(block id@version)</summary>
    public const string BlockMissing = "block-missing";
    /// <summary>(code list id@version)</summary>
    public const string CodeListMissing = "code-list-missing";
    /// <summary>(field)</summary>
    public const string ValidationFieldUnknown = "validation-field-unknown";
    /// <summary>(English reason)</summary>
    public const string RuleUnreadable = "rule-unreadable";
    public const string ValueOutsideValidation = "value-outside-validation";
    /// <summary>(name, rule)</summary>
    public const string UnknownName = "unknown-name";
    /// <summary>(group, member, rule)</summary>
    public const string UnknownMember = "unknown-member";
    public const string TextMissing = "text-missing";
    /// <summary>(language)</summary>
    public const string TextLanguageMissing = "text-language-missing";
    /// <summary>(key)</summary>
    public const string DuplicateKey = "duplicate-key";
    /// <summary>(service)</summary>
    public const string RoutingServiceUnknown = "routing-service-unknown";
    /// <summary>(answer, form id@version)</summary>
    public const string RoutingAnswerUnknown = "routing-answer-unknown";
    /// <summary>(value, answer, form id@version, options)</summary>
    public const string RoutingOptionUnknown = "routing-option-unknown";
    /// <summary>(tenant, form, pinned version, newest version)</summary>
    public const string OverridesPinned = "overrides-pinned";
    /// <summary>(tenant, languages, form id@version)</summary>
    public const string OverrideLanguagesMissing = "override-languages-missing";
    /// <summary>(form reference)</summary>
    public const string OverrideFormUnknown = "override-form-unknown";
    /// <summary>(service)</summary>
    public const string OfferedServiceUnknown = "offered-service-unknown";
    /// <summary>(service, tenant)</summary>
    public const string OfferedServiceUnrouted = "offered-service-unrouted";

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(LintCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
