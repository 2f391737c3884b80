namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>Small files whose first bytes are what the platform's content check looks for — and one that only claims to be a PDF.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string marker = "") => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% counselling test {marker}\n%%EOF\n");

    public static byte[] Png { get; } = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    /// <summary>HTML with a script, to be sent under a <c>.pdf</c> name.</summary>
    public static byte[] HtmlPretendingToBePdf { get; } = "<html><script>alert('pdf')</script></html>"u8.ToArray();

    /// <summary>A real PDF header followed by padding: <paramref name="bytes"/> long.</summary>
    public static byte[] LargePdf(int bytes)
    {
        var content = new byte[bytes];
        Pdf().CopyTo(content, 0);
        return content;
    }
}
