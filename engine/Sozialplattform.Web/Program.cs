using Sozialplattform.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCitizenPortal();

var app = builder.Build();
app.MapCitizenPortal();
app.Run();

/// <summary>The host's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
