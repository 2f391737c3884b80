using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// A page post with uploads larger than <see cref="PortalOptions.MaxRequestBytes"/> ends on its page with the file
/// field's size message, not on an error page: before anything else reads the form, the body is read here up to the
/// limit — the fields and the files that fit are kept, the file that crosses the limit becomes a <c>fileSize</c>
/// refusal, and the rest is not read. Only on endpoints marked with <see cref="Metadata"/> (the page post).
/// </summary>
public static class OversizedUpload
{
    private const string HttpItem = "sozial-oversized-upload";

    /// <summary>Marks an endpoint whose oversized multipart posts are read this way.</summary>
    public sealed class Metadata;

    /// <summary>The file refused for crossing the limit in this request, if any.</summary>
    public static IReadOnlyList<InputRejection> Refused(HttpContext http) => http.Items[HttpItem] is InputRejection refused ? [refused] : [];

    public static IApplicationBuilder UseOversizedUploads(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var max = http.RequestServices.GetRequiredService<PortalOptions>().MaxRequestBytes;
            if (http.GetEndpoint()?.Metadata.GetMetadata<Metadata>() is not null && http.Request.ContentLength > max
                && MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
                await ReadUpToLimitAsync(http, boundary, max);
            await next(http);
        });

    private static async Task ReadUpToLimitAsync(HttpContext http, string boundary, long max)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = null; // counted here instead
        var options = http.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = options.MultipartHeadersLengthLimit };
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var files = new FormFileCollection();
        long total = 0;
        while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name) continue;
            var buffer = new MemoryStream();
            var crossed = !await CopyAsync(section.Body, buffer, max - total, http.RequestAborted);
            total += buffer.Length;
            if (disposition.IsFileDisposition())
            {
                var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "";
                if (crossed)
                {
                    http.Items[HttpItem] = new InputRejection(name, "fileSize", Path.GetFileName(fileName));
                    break;
                }

                files.Add(new FormFile(buffer, 0, buffer.Length, name, fileName) { Headers = new HeaderDictionary(), ContentType = section.ContentType ?? "" });
            }
            else if (!crossed && buffer.Length <= options.ValueLengthLimit)
                values[name] = StringValues.Concat(values.GetValueOrDefault(name), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));

            if (crossed) break;
        }

        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(values, files)));
    }

    /// <summary>Copies at most <paramref name="room"/> bytes; false when the section is longer.</summary>
    private static async Task<bool> CopyAsync(Stream source, MemoryStream target, long room, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > room) return false;
            target.Write(chunk, 0, read);
        }

        return true;
    }
}
