using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Storage.Uploads;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Stores the files posted for the file fields of a page, encrypted, with the draft; the answer of a file field
/// is the list of their metadata. The field's limits (type by content, size, count) are enforced here, before
/// anything is stored; refused files come back as <see cref="InputRejection"/>s.
/// </summary>
public sealed class AttachmentUploads(DraftStore drafts)
{
    public async Task<IReadOnlyList<InputRejection>> StoreAsync(Application application, IFormFileCollection files, IEnumerable<ElementState> pageFields, CancellationToken cancellationToken)
    {
        var rejections = new List<InputRejection>();
        foreach (var state in pageFields)
        {
            if (state.Definition is not FieldDefinition { Type: FileFieldType } field) continue;
            var posted = files.GetFiles(state.Path).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
            if (posted.Count == 0) continue;
            var current = (state.Answer as JsonArray)?.DeepClone() as JsonArray ?? [];
            foreach (var file in posted)
            {
                var name = FileNames.Shorten(Path.GetFileName(file.FileName));
                if (current.Count >= FileFieldType.MaxFilesOf(field)) { rejections.Add(new(state.Path, "maxFiles", name)); continue; }
                if (file.Length > FileFieldType.MaxSizeOf(field)) { rejections.Add(new(state.Path, "fileSize", name)); continue; }
                var content = await Read(file, cancellationToken);
                var mediaType = MediaTypes.Detect(content);
                if (!FileFieldType.Accepts(field, mediaType) || mediaType == "application/octet-stream" && field.Accept.Count > 0) { rejections.Add(new(state.Path, "fileType", name)); continue; }
                var id = await drafts.AddAttachmentAsync(application.DraftId, application.Secret, state.Path, name, mediaType, content, cancellationToken);
                if (id is null) continue;
                current.Add(new JsonObject
                {
                    ["id"] = id.Value.ToString(),
                    ["name"] = name,
                    ["size"] = content.LongLength,
                    ["mediaType"] = mediaType,
                    ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
                });
            }

            AnswerPath.Set(application.Answers, AnswerPath.Parse(state.Path), current.Count == 0 ? null : current);
        }

        return rejections;
    }

    /// <summary>Removes one file from a file field's answer and deletes every stored upload no answer refers to any more.</summary>
    public async Task RemoveAsync(Application application, ElementState state, string attachmentId, CancellationToken cancellationToken)
    {
        if (state.Answer is JsonArray files)
        {
            var kept = new JsonArray(files.Where(f => f?["id"]?.ToString() != attachmentId).Select(f => f!.DeepClone()).ToArray());
            AnswerPath.Set(application.Answers, AnswerPath.Parse(state.Path), kept.Count == 0 ? null : kept);
        }

        await drafts.PruneAttachmentsAsync(application.DraftId, application.Secret, ReferencedIds(application.Answers), cancellationToken);
    }

    /// <summary>The ids of every attachment the answers refer to.</summary>
    public static IReadOnlySet<Guid> ReferencedIds(JsonNode? answers)
    {
        var ids = new HashSet<Guid>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["sha256"] is not null && Guid.TryParse(obj["id"]?.ToString(), out var id)) ids.Add(id);
                    foreach (var (_, child) in obj) Walk(child);
                    break;
                case JsonArray array:
                    foreach (var child in array) Walk(child);
                    break;
            }
        }

        Walk(answers);
        return ids;
    }

    private static async Task<byte[]> Read(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
