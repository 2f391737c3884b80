using QRCoder;

namespace Sozialplattform.Storage.Logins;

/// <summary>
/// What an authenticator app needs: the secret in Base32 (to type in), the <c>otpauth://totp/…</c> URI and that URI as
/// a QR code (a PNG data URI, for an <c>img</c> the Content-Security-Policy allows).
/// </summary>
public sealed record TotpEnrolment(string Secret, string Uri, string QrCodeDataUri)
{
    public static TotpEnrolment For(string secret, string login, string issuer)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(login);
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new TotpEnrolment(secret, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>The secret in groups of four, easier to type.</summary>
    public string GroupedSecret => string.Join(' ', Enumerable.Range(0, (Secret.Length + 3) / 4).Select(i => Secret.Substring(i * 4, Math.Min(4, Secret.Length - i * 4))));
}
