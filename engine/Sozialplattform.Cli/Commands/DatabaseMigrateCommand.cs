using Microsoft.EntityFrameworkCore;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial database migrate</c>: brings every schema of the platform to this build's version — the platform's, the
/// operations tables and each area's (centres, appointments, counselling) — and says where each stands. What a host does
/// at start, as a step of its own: a Kubernetes migration Job before the new hosts roll out (docs/DEPLOYMENT.md).
/// </summary>
public sealed class DatabaseMigrateCommand : ICliCommand
{
    public string Name => "database migrate";
    public string Summary => "bring every schema (platform, operations, centres, appointments, counselling) to this build's version";
    public string Usage => $"""
        Usage: sozial database migrate [--data <dir>] [--postgres <conn>]

        Applies the migrations of this build to the platform's database and every area's tables, each under
        the provider's migration lock (hosts starting at the same time wait, they do not migrate twice), and
        prints each schema's newest migration. A host applies the same at its start; run this as its own step
        before rolling out new hosts.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 every schema is current, 2 the database cannot be opened.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, DeliveryCommandSupport.StorageOptions, new HashSet<string>());
        args.ExpectAtMost(0);
        var platform = DeliveryCommandSupport.Open(context, args);
        var cancel = CancellationToken.None;
        (string Schema, Func<DbContext> Context)[] schemas =
        [
            ("platform", platform.CreateContext),
            ("operations", OperationsDatabase.OpenAsync(platform, cancel).GetAwaiter().GetResult().CreateContext),
            ("centres", CentresDatabase.OpenAsync(platform, cancel).GetAwaiter().GetResult().CreateContext),
            ("appointments", AppointmentsDatabase.OpenAsync(platform, cancel).GetAwaiter().GetResult().CreateContext),
            ("counselling", CounsellingDatabase.OpenAsync(platform, cancel).GetAwaiter().GetResult().CreateContext),
        ];
        foreach (var (schema, create) in schemas)
        {
            using var db = create();
            context.Out.WriteLine($"{schema,-13} current: {db.Database.GetAppliedMigrations().LastOrDefault() ?? "(none)"}");
        }

        context.Out.WriteLine($"every schema is current ({platform.Provider})");
        return 0;
    }
}
