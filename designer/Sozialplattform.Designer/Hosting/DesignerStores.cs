using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The designer's workspace and author accounts, opened once per host: on the platform database's operations tables
/// when the host has them (every host sees the same drafts, versions and authors; files of earlier versions taken over),
/// else on files in the data folder.
/// </summary>
internal sealed record DesignerStores(FormWorkspace Workspace, AuthorAccounts Authors, FormReview Review)
{
    public static DesignerStores Open(IServiceProvider provider, string catalog, string data, DesignerOptions options, bool development)
    {
        var workspaceOptions = new WorkspaceOptions { CatalogDirectory = catalog, DraftDirectory = Path.Combine(data, "drafts") };
        DesignerStores stores;
        if (provider.GetService<OperationsDatabase>() is { } operations)
        {
            var shared = new SharedCatalog(operations);
            var (forms, authors) = (new DatabaseFormStore(shared), new DatabaseAuthorStore(shared));
            var taken = FileTakeover.Run(data, authors, forms, DateTimeOffset.UtcNow);
            if (taken.Authors + taken.Drafts > 0)
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Sozialplattform.Designer")
                    .LogInformation("Designer: took over {Authors} authors and {Drafts} drafts from {Folder} into the database", taken.Authors, taken.Drafts, data);
            var workspace = new FormWorkspace(workspaceOptions, store: forms);
            var accounts = new AuthorAccounts(authors);
            stores = new DesignerStores(workspace, accounts, new FormReview(workspace, new DatabaseReviewStore(shared), accounts));
        }
        else
        {
            var workspace = new FormWorkspace(workspaceOptions);
            var accounts = new AuthorAccounts(Path.Combine(data, "authors.json"));
            stores = new DesignerStores(workspace, accounts, new FormReview(workspace, new FileReviewStore(Path.Combine(data, "proposals.json")), accounts));
        }

        if (options.SeedDevelopmentAuthor && development && !stores.Authors.Any())
            stores.Authors.Create(DesignerAuthentication.DevelopmentLogin, "Autorin (Entwicklung)", DesignerAuthentication.DevelopmentPassword);
        return stores;
    }
}
