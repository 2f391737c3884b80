using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Centres.Web.Hosting;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Web.CaseApi;
using Sozialplattform.Web.Components.DesignerPreview;
using Sozialplattform.Web.Endpoints;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Inbox;
using Sozialplattform.Web.Inbox.Session;
using Sozialplattform.Web.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperations();
builder.AddCitizenPortal();
builder.AddDesigner(new CitizenPreview(typeof(CitizenPreviewField), ScopedStylesEndpoints.Path, typeof(CitizenServicePage)));
builder.AddAuthorityInbox();
builder.AddCaseApi();
builder.AddCounsellingCentres();
// authorities keep their calendars in the inbox, with its session
builder.AddAppointments(new InboxSession(InboxAuthentication.CurrentAsync, InboxRoutes.LoginReturning, InboxRoutes.Logout));
builder.AddOnlineCounselling();

var app = builder.Build();
var portalPages = app.MapCitizenPortal();
app.MapOperations();
app.MapDesigner();
app.MapAuthorityInbox();
app.MapCaseApi();
app.MapCounsellingCentres(portalPages);
app.MapAppointments(portalPages);
app.MapOnlineCounselling(portalPages);
app.Run();

/// <summary>The host's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
