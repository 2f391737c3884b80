using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Web.Wizard;

/// <summary>What the browser posted for one field: <c>path</c>, or <c>path.part</c> for the parts of composite fields.</summary>
public sealed class PostedFieldInput(IFormCollection form, string path) : IFormInput
{
    public IReadOnlyList<string> Values(string? part = null)
    {
        var values = form[part is null ? path : $"{path}.{part}"];
        return values.Count == 0 ? [] : values.Select(v => v ?? "").ToList();
    }
}
