using System.Text.Json.Nodes;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>
/// Reads <c>tenant.json</c>, <c>authorities.json</c> and <c>routing.json</c> of one tenant folder into a
/// <see cref="TenantConfiguration"/>, reporting every problem with file and entry. Cross-entry checks
/// (references, duplicates, overlaps, channel options) are done by <see cref="TenantConfigChecks"/>.
/// </summary>
public static class TenantFolderReader
{
    public static (TenantConfiguration? Configuration, IReadOnlyList<ConfigProblem> Problems) Read(string folder)
    {
        var problems = new List<ConfigProblem>();
        var tenantName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        JsonFile File(string name) => new(Path.Combine(folder, name), $"tenants/{tenantName}/{name}", problems);

        var settings = ReadSettings(File("tenant.json"), tenantName);
        var authorities = ReadAuthorities(File("authorities.json"));
        var routing = ReadRouting(File("routing.json"));
        var municipalities = MunicipalitiesReader.Read(folder, File(MunicipalitiesReader.FileName));
        if (settings is null || authorities is null || routing is null || problems.Count > 0) return (null, problems);
        return (new TenantConfiguration(settings, authorities, routing, folder) { Municipalities = municipalities }, problems);
    }

    private static TenantSettings? ReadSettings(JsonFile file, string folderName)
    {
        var root = file.ReadRoot();
        if (root is null) return null;
        var id = file.String(root, "id", "");
        var name = file.String(root, "name", "");
        var language = file.String(root, "defaultLanguage", "", required: false) ?? "de";
        if (id is not null && id != folderName) file.Problem("", $"'id' is '{id}' but the folder is named '{folderName}'; they must match");
        var contact = ReadContact(file, root, "");
        var staff = file.Object(root, "staff", "", required: false);
        var secondFactor = staff is null ? "required" : file.String(staff, "secondFactor", "staff", required: false) ?? "required";
        if (secondFactor is not ("required" or "off")) file.Problem("staff", $"'secondFactor' is '{secondFactor}'; it must be 'required' (the default) or 'off'");
        var services = ReadServices(file, root);
        var place = ReadPlace(file, root);
        var retention = ReadRetention(file, root);
        return id is null || name is null ? null : new TenantSettings(id, name, language, contact, secondFactor != "off", services) { Place = place, CaseRetention = retention };
    }

    /// <summary><c>caseRetention</c>: <c>defaultDays</c> and <c>services</c> (form id → days), each 1–36,500 days.</summary>
    private static RetentionPeriods ReadRetention(JsonFile file, JsonObject root)
    {
        if (file.Object(root, "caseRetention", "", required: false) is not { } retention) return RetentionPeriods.None;
        int? Days(JsonNode? node, string where)
        {
            if (node is JsonValue value && value.TryGetValue<int>(out var days) && days is >= 1 and <= RetentionPeriods.MaxDays) return days;
            file.Problem(where, $"must be a whole number of days from 1 to {RetentionPeriods.MaxDays}");
            return null;
        }

        var defaultDays = retention["defaultDays"] is { } given ? Days(given, "caseRetention.defaultDays") : null;
        var services = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (formId, node) in file.Object(retention, "services", "caseRetention", required: false) ?? [])
            if (Days(node, $"caseRetention.services.{formId}") is { } days) services[formId] = days;
        return new RetentionPeriods(defaultDays, services);
    }

    private static PlaceSettings? ReadPlace(JsonFile file, JsonObject root)
    {
        if (file.Object(root, "place", "", required: false) is not { } place) return null;
        var postalCode = file.String(place, "examplePostalCode", "place");
        var example = file.String(place, "examplePlace", "place");
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
            file.Problem("place", $"'examplePostalCode' must be a 5-digit postal code, not '{postalCode}'");
        var hint = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in file.Object(place, "hint", "place", required: false) ?? [])
        {
            if (text is JsonValue value && value.TryGetValue<string>(out var s) && s.Trim().Length > 0) hint[language] = s.Trim();
            else file.Problem("place.hint", $"'{language}' must be a non-empty text");
        }

        if (hint.Count > 0 && !hint.ContainsKey("de")) file.Problem("place.hint", "'de' is missing: German is the portal's first language");
        return postalCode is null || example is null ? null : new PlaceSettings(postalCode, example, hint);
    }

    private static List<string>? ReadServices(JsonFile file, JsonObject root)
    {
        if (file.Array(root, "services", "", required: false) is not { } entries) return null;
        var services = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0)
            {
                if (services.Contains(id)) file.Problem($"services[{i}]", $"'{id}' is listed twice");
                else services.Add(id);
            }
            else file.Problem($"services[{i}]", "must be a form id (a non-empty string)");
        }

        if (entries.Count == 0) file.Problem("services", "is empty: list the form ids the tenant offers, or leave 'services' out to offer every service");
        return services;
    }

    private static List<AuthorityConfig>? ReadAuthorities(JsonFile file)
    {
        var root = file.ReadRoot();
        var entries = root is null ? null : file.Array(root, "authorities", "");
        if (entries is null) return null;
        var result = new List<AuthorityConfig>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = $"authorities[{i}]";
            if (entries[i] is not JsonObject item)
            {
                file.Problem(entry, "must be an object");
                continue;
            }

            var id = file.String(item, "id", entry);
            if (id is not null) entry += $" '{id}'";
            var name = file.String(item, "name", entry);
            var role = file.String(item, "role", entry);
            var address = file.Array(item, "address", entry)?.Select(a => a?.GetValue<string>() ?? "").ToList();
            var channel = file.Object(item, "channel", entry);
            var channelType = channel is null ? null : file.String(channel, "type", entry + " channel");
            var options = channel?["options"] as JsonObject ?? [];
            if (id is null || name is null || role is null || address is null || channelType is null) continue;
            if (address.Count == 0 || address.Any(string.IsNullOrWhiteSpace)) file.Problem(entry, "'address' must list at least one non-empty line");
            var fileNumberFormat = item["fileNumberFormat"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? item["fileNumberFormat"]!.GetValue<string>() : null;
            if (item["fileNumberFormat"] is not null && (fileNumberFormat is null || FileNumbers.FormatProblem(fileNumberFormat) is not null))
                file.Problem(entry, $"'fileNumberFormat' {(fileNumberFormat is null ? "must be text" : FileNumbers.FormatProblem(fileNumberFormat))}");
            result.Add(new AuthorityConfig(id, name, role, address, ReadContact(file, item, entry), channelType, (JsonObject)options.DeepClone())
            {
                OpeningHours = OfficeHoursReader.Read(file, item, entry),
                FileNumberFormat = fileNumberFormat,
            });
        }

        return result;
    }

    private static RoutingConfig? ReadRouting(JsonFile file)
    {
        var root = file.ReadRoot();
        if (root is null) return null;
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, role) in file.Object(root, "services", "") ?? [])
        {
            if (role is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0) services[service] = text;
            else file.Problem($"services.{service}", "must name a role (a non-empty string)");
        }

        var assignments = new List<AssignmentConfig>();
        var entries = file.Array(root, "assignments", "") ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = $"assignments[{i}]";
            if (entries[i] is not JsonObject item)
            {
                file.Problem(entry, "must be an object");
                continue;
            }

            var assignment = ReadAssignment(file, item, i, entry);
            if (assignment is not null) assignments.Add(assignment);
        }

        return new RoutingConfig(services, assignments) { AnswerRules = ReadAnswerRules(file, root) };
    }

    private static List<AnswerRuleConfig> ReadAnswerRules(JsonFile file, JsonObject root)
    {
        var rules = new List<AnswerRuleConfig>();
        var entries = file.Array(root, "answerRules", "", required: false) ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = $"answerRules[{i}]";
            if (entries[i] is not JsonObject item)
            {
                file.Problem(entry, "must be an object like {\"service\": \"bildung-und-teilhabe\", \"answer\": \"leistungsbezug\", \"values\": [\"asylblg\"], \"role\": \"…\"}");
                continue;
            }

            var service = file.String(item, "service", entry);
            var answer = file.String(item, "answer", entry);
            var role = file.String(item, "role", entry);
            var values = file.Array(item, "values", entry)?.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null).ToList();
            if (values is not null && (values.Count == 0 || values.Any(v => v is null)))
                file.Problem(entry, "'values' must list at least one answer value (a non-empty string, e.g. an option code)");
            else if (service is not null && answer is not null && role is not null && values is not null)
                rules.Add(new AnswerRuleConfig(i, service, answer, values.OfType<string>().ToList(), role));
        }

        return rules;
    }

    private static AssignmentConfig? ReadAssignment(JsonFile file, JsonObject item, int index, string entry)
    {
        var role = file.String(item, "role", entry, required: false);
        var service = file.String(item, "service", entry, required: false);
        var authority = file.String(item, "authority", entry);
        var ars = file.String(item, "ars", entry, required: false);
        var postalCodes = file.Array(item, "postalCodes", entry, required: false);
        if ((role is null) == (service is null)) file.Problem(entry, "give exactly one of 'role' or 'service'");
        if ((ars is null) == (postalCodes is null)) file.Problem(entry, "give exactly one area: 'ars' (an ARS/AGS prefix, e.g. a Kreisschlüssel) or 'postalCodes'");
        if (ars is not null && (ars.Length is < 2 or > 12 || !ars.All(char.IsAsciiDigit)))
            file.Problem(entry, $"'ars' must be 2 to 12 digits (a Kreisschlüssel has 5), not '{ars}'");

        var ranges = new List<PostalCodeRange>();
        foreach (var node in postalCodes ?? [])
        {
            var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
            if (PostalCodeRange.Parse(text) is { } range) ranges.Add(range);
            else file.Problem(entry, $"bad postal-code range '{text}': use '12345' or '12345-12399' with 5-digit codes, the first not above the second");
        }

        if (postalCodes is { Count: 0 }) file.Problem(entry, "'postalCodes' is empty");
        return authority is null ? null : new AssignmentConfig(index, role, service, ars, ranges, authority);
    }

    private static ContactConfig ReadContact(JsonFile file, JsonObject item, string entry)
    {
        var contact = file.Object(item, "contact", entry, required: false);
        return contact is null
            ? new ContactConfig(null, null, null)
            : new ContactConfig(file.String(contact, "email", entry, false), file.String(contact, "phone", entry, false), file.String(contact, "web", entry, false));
    }
}
