using Microsoft.AspNetCore.Http;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Uploads;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// The files posted with a message (field <c>files</c>), as <see cref="MessageFiles"/> checks them: the media type decided
/// from the content by the platform's <see cref="MediaTypes"/>, the name as the browser sent it (made safe by the check).
/// Reads one file more than a message may carry, so "too many" is still said; empty parts (no file chosen) are skipped.
/// The request as a whole is bounded by the portal's <c>MaxRequestBytes</c> (Kestrel), so a too large file is read
/// once and refused by the check.
/// </summary>
public static class MessageUploads
{
    public const string Field = "files";

    public static async Task<IReadOnlyList<CaseFile>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return [];
        var form = await request.ReadFormAsync(cancellationToken);
        var files = new List<CaseFile>();
        foreach (var upload in form.Files.GetFiles(Field).Where(f => f.Length > 0).Take(MessageFiles.MaxPerMessage + 1))
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            files.Add(new CaseFile(upload.FileName, MediaTypes.Detect(content), content));
        }

        return files;
    }
}
