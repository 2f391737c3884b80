using System.Text.Json;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Topics;

namespace Sozialplattform.Centres;

/// <summary>
/// Reads a tenant's <c>centres.json</c> (beside its <c>tenant.json</c>): extra topics, hotlines, confirmation timing and
/// the example directory. A tenant without the file gets the defaults; a broken file stops the start with its path.
/// </summary>
public static class CentresConfiguration
{
    public const string FileName = "centres.json";

    public static CentresOptions Load(string tenantsFolder, string tenant)
    {
        var path = Path.Combine(tenantsFolder, tenant, FileName);
        if (!File.Exists(path)) return new CentresOptions { Tenant = tenant };
        try
        {
            var file = JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(path), CentreJson.Options) ?? new ConfigFile();
            return new CentresOptions
            {
                Tenant = tenant,
                Topics = file.Topics ?? [],
                Hotlines = file.Hotlines ?? [],
                ReminderAfterMonths = file.ReminderAfterMonths ?? 6,
                NoteAfterMonths = file.NoteAfterMonths ?? 12,
                HideAfterMonths = file.HideAfterMonths ?? 15,
                EditorialEmail = file.EditorialEmail is { Length: > 0 } editorial ? editorial : null,
                ExampleFile = file.ExampleFile is { Length: > 0 } example ? Path.GetFullPath(Path.Combine(tenantsFolder, tenant, example)) : null,
            };
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"{path}: {error.Message}", error);
        }
    }

    private sealed record ConfigFile
    {
        public IReadOnlyList<Topic>? Topics { get; init; }
        public IReadOnlyList<Hotline>? Hotlines { get; init; }
        public int? ReminderAfterMonths { get; init; }
        public int? NoteAfterMonths { get; init; }
        public int? HideAfterMonths { get; init; }
        public string? ExampleFile { get; init; }
        public string? EditorialEmail { get; init; }

        /// <summary>Free text for people reading the file.</summary>
        public string? Comment { get; init; }
    }
}
