using Sozialplattform.Appointments.Booking;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Appointments.Web.Seeker;

/// <summary>
/// A look-up by booking code and pseudonym is a guess like a password (the code has about 49 bits), so it goes through
/// the platform's one <see cref="LoginProtection"/>: counted per code from this address, per address over all codes,
/// and per code from everywhere, with growing waits; a waiting counter answers at once without checking anything, also
/// for many parallel requests. The counters and the audit log know the code only by a prefix of its hash.
/// </summary>
public sealed class CodeLookups(BookingStore store, LoginProtection logins)
{
    public static readonly LoginArea Area = new("appointments", "appointments.");

    public Task<LoginOutcome<BookingView>> FindAsync(BookingKey.CodeAndName key, string clientAddress, CancellationToken cancellationToken)
    {
        var login = "code:" + SecretHashing.Hash(BookingCode.Normalize(key.Code) ?? key.Code.Trim())[..16];
        return logins.SignInAsync(Area, login, clientAddress, async token =>
        {
            var view = await store.FindAsync(key, token);
            return new LoginCheck<BookingView>(view, view is not null, view is null ? "code and name match no booking" : null);
        }, cancellationToken);
    }
}
