using Sozialplattform.Designer.Hosting;
using Sozialplattform.Designer.TestHost;
using Sozialplattform.Storage.Database;

// A stand-in for engine/Sozialplattform.Web until it lands: a static portal page at / and the designer mounted the way
// the web host will mount it (AddDesigner + MapDesigner), so that tests see both side by side.
var builder = WebApplication.CreateBuilder(args);
// The platform database the web host provides (the designer counts and audits login attempts there): SQLite in the data folder.
var storage = new StorageOptions { DataDirectory = Path.Combine(builder.Configuration["Designer:DataDirectory"] ?? "data", "platform") };
builder.Services.AddSingleton(_ => SozialDatabase.OpenAsync(storage).GetAwaiter().GetResult());
builder.AddDesigner();

var app = builder.Build();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapRazorComponents<PortalStandIn>();
app.MapDesigner();
app.Run();

public partial class Program;
