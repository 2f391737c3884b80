using Microsoft.AspNetCore.Http;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The authority inbox's session as the back office needs it, handed over by the host (the inbox lives there):
/// who is signed in (<c>InboxAuthentication.CurrentAsync</c> — its cookie, path <c>/posteingang</c>, second factor and
/// security stamp), where its login is and where its logout posts. The back office is mounted under the inbox's root
/// (<see cref="BackOfficeRoutes.InboxRoot"/>), so the inbox's cookie reaches it.
/// </summary>
public sealed record InboxSession(Func<HttpContext, Task<CaseworkerAccount?>> CurrentAsync, Func<string, string> LoginReturning, string Logout);
