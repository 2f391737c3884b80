using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// Runs after the portal's start (database migrated, postal codes imported): migrates the centres' tables, reads the
/// postal-code data, and fills an empty directory with the tenant's example directory, if it names one.
/// </summary>
internal sealed class CentresStartup(CentresDatabase database, PostalCodeLocations places, CentreStore store, CentreImporter importer, CentresOptions options, ILogger<CentresStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = database;
        await places.ReloadAsync();
        if (options.ExampleFile is not { } file || await store.AnyAsync(options.Tenant, cancellationToken)) return;
        if (!File.Exists(file))
        {
            logger.LogWarning("Centres: example directory {File} not found; the finder starts empty", file);
            return;
        }

        var report = await importer.ImportAsync(options.Tenant, CentreFiles.Read(file), "example-directory", dryRun: false, cancellationToken);
        var refused = report.Where(l => l.Outcome == LineOutcome.Refused).ToList();
        logger.LogInformation("Centres: example directory {File} loaded ({Count} centres, marked as example data)", file, report.Count - refused.Count);
        foreach (var line in refused) logger.LogWarning("Centres: example entry refused: {Line}", line.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
