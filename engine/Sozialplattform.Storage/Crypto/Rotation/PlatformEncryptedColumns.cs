using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Storage.Crypto.Rotation;

/// <summary>The platform's and the operations tables' columns under the data key (owners as their stores bind them).</summary>
public static class PlatformEncryptedColumns
{
    public static AreaColumns Columns { get; } = new(
        [
            EncryptedColumn.OwnedById("platform", "submissions", "AnswersCipher"),
            EncryptedColumn.OwnedById("platform", "submissions", "ApplicantEmailCipher"),
            EncryptedColumn.OwnedById("platform", "drafts", "AnswersCipher"),
            EncryptedColumn.OwnedById("platform", "attachments", "ContentCipher"),
            EncryptedColumn.OwnedById("platform", "notes", "TextCipher"),
            EncryptedColumn.OwnedByColumn("platform", "status_events", "MessageCipher", "SubmissionId"),
            EncryptedColumn.OwnedById("platform", "inbox_items", "ApplicantNameCipher"),
            EncryptedColumn.OwnedById("platform", "inbox_items", "SuggestedFileNumberCipher"),
            EncryptedColumn.OwnedById("platform", "case_messages", "TextCipher"),
            EncryptedColumn.OwnedById("platform", "case_holds", "ReasonCipher"),
            EncryptedColumn.OwnedById("platform", "case_holds", "LiftReasonCipher"),
            EncryptedColumn.OwnedById("platform", "notifications", "MailCipher"),
            EncryptedColumn.OwnedById("platform", "second_factors", "SecretCipher"),
            new("platform", "index_roots", "ValueCipher", ["Name"], [], _ => IndexRoots.Owner),
            new("operations", "shared_secrets", "Value", ["Name"], ["Name"], v => SharedSecrets.Owner((string)v[0])),
            new("operations", "data_protection_keys", "Xml", ["Id"], [], _ => KeyRingEncryptor.Owner, CipherLayout.KeyRingXml),
        ],
        new Dictionary<string, string>
        {
            ["published_form_versions.Content"] = "a published form.json: public, not encrypted",
            ["designer_drafts.Content"] = "a designer draft's form.json: not personal data, not encrypted",
            ["shared_catalog_files.Content"] = "a block or code list of a FIM upload: public catalog content, not encrypted",
        });
}
