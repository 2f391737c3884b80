namespace Sozialplattform.Engine.Documents;

/// <summary>
/// The neutral, ordered, labelled and formatted content of one submission in one language:
/// the single source for the PDF, the portal's summary page, e-mails and exports.
/// Hidden fields are absent; values are already formatted for reading.
/// </summary>
public sealed record SubmissionDocument(
    string FormId,
    string FormVersion,
    string Language,
    bool RightToLeft,
    string Title,
    DocumentHeader Header,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<DocumentDeclaration> Declarations,
    IReadOnlyList<DocumentAttachment> Attachments,
    IReadOnlyList<string> LegalBasis);

/// <summary>What the header of every output shows; the reference number and authority exist once a submission does.</summary>
public sealed record DocumentHeader(
    string? ReferenceNumber,
    DateTimeOffset? SubmittedAt,
    string? AuthorityName,
    IReadOnlyList<string> AuthorityAddress);

/// <summary>One page of the form.</summary>
public sealed record DocumentSection(string Title, IReadOnlyList<string> LegalBasis, IReadOnlyList<DocumentNode> Content);

/// <summary>A node inside a section: a field, a group or a repeating group.</summary>
public abstract record DocumentNode(string Path);

/// <summary>
/// A labelled, formatted answer. <see cref="Value"/> is empty when the optional field was not answered; <see cref="Note"/>
/// says where a value came from when not from the applicant's typing (e.g. taken from their user account, at which level).
/// </summary>
public sealed record DocumentField(string Path, string Label, string Value, string? Note = null) : DocumentNode(Path);

/// <summary>A non-repeating group with its own heading.</summary>
public sealed record DocumentGroup(string Path, string Title, IReadOnlyList<string> LegalBasis, IReadOnlyList<DocumentNode> Content) : DocumentNode(Path);

/// <summary>A repeating group; <see cref="Columns"/> are the labels of its direct fields, for tabular layouts.</summary>
public sealed record DocumentRepeat(string Path, string Title, IReadOnlyList<string> LegalBasis, IReadOnlyList<string> Columns, IReadOnlyList<DocumentRow> Rows) : DocumentNode(Path);

/// <summary>One row of a repeating group, headed e.g. "Person 2".</summary>
public sealed record DocumentRow(string Path, string Title, IReadOnlyList<DocumentNode> Content);

/// <summary>A declaration the applicant confirmed (or did not, if optional).</summary>
public sealed record DocumentDeclaration(string Key, string Text, bool Confirmed);

/// <summary>An uploaded file, listed with its checksum so the authority can verify it.</summary>
public sealed record DocumentAttachment(string Path, string FieldLabel, string FileName, long Size, string MediaType, string Sha256);
