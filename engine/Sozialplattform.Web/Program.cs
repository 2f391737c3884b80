using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Inbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddCitizenPortal();
builder.AddAuthorityInbox();

var app = builder.Build();
app.MapCitizenPortal();
app.MapAuthorityInbox();
app.Run();

/// <summary>The host's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
