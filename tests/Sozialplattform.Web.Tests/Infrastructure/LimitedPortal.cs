using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// A portal host with its own settings on top of the test defaults (e.g. small rate limits), whose requests take
/// their client address from the test header <see cref="ClientHeader"/> (in-process requests have none).
/// </summary>
public sealed class LimitedPortal(Action<IServiceCollection>? services, params (string Key, string Value)[] settings) : PortalFactory
{
    public LimitedPortal(params (string Key, string Value)[] settings) : this(null, settings)
    {
    }

    public const string ClientHeader = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(collection =>
        {
            collection.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services?.Invoke(collection);
        });
    }

    /// <summary>A browser-like client from the given address.</summary>
    public PortalClient BrowseFrom(string address)
    {
        var client = this.Browse();
        client.Http.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    /// <summary>Bytes of the SQLite database file once its write-ahead log is written into it and truncated.</summary>
    public async Task<long> DatabaseBytesAsync()
    {
        var database = Services.GetRequiredService<SozialDatabase>();
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        return new FileInfo(Folders.Database).Length;
    }

    /// <summary>How many drafts there are and how many bytes their stored answers take.</summary>
    public async Task<(long Count, long Bytes)> DraftsAsync()
    {
        var database = Services.GetRequiredService<SozialDatabase>();
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(\"AnswersCipher\")), 0) FROM \"drafts\"";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
