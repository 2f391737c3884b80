using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Channels;

public sealed class EmailChannelTests
{
    private static JsonObject Options(int port) => new()
    {
        ["host"] = "127.0.0.1", ["port"] = port, ["security"] = "none",
        ["from"] = "antraege@sozialplattform.example", ["to"] = "jobcenter@kreis-borken.example",
    };

    [SkippableFact]
    public async Task The_submission_arrives_at_a_real_SMTP_server_with_PDF_data_and_uploads_attached()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var package = Packages.Sample(Options(smtp.Port));

        var result = await new EmailChannel(new PlainDeliveryTextRenderer()).DeliverAsync(package, default);

        result.Error.ShouldBeNull();
        result.Success.ShouldBeTrue();
        var mail = smtp.Received().ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Antrag SP-2026-7K3M-Q9TD: Antrag auf Bürgergeld");
        mail.MessageId.ShouldBe($"{package.DeliveryId:N}@sozialplattform.delivery");
        mail.Headers["X-Sozialplattform-Delivery-Id"]!.ShouldBe(package.DeliveryId.ToString());
        mail.To.Mailboxes.Single().Address.ShouldBe("jobcenter@kreis-borken.example");
        mail.TextBody!.ShouldContain("Referenznummer: SP-2026-7K3M-Q9TD");
        mail.TextBody!.ShouldContain($"Zustellungs-ID: {package.DeliveryId}");

        var attachments = mail.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName!, Content);
        attachments.Keys.ShouldBe(["SP-2026-7K3M-Q9TD.pdf", "antrag.json", "antrag.xml", "antrag.xsd", "mietvertrag.txt"]);
        attachments["SP-2026-7K3M-Q9TD.pdf"].ShouldBe(Samples.MinimalPdf);
        Encoding.UTF8.GetString(attachments["antrag.json"]).ShouldBe(Samples.AnswersJson);
        Encoding.UTF8.GetString(attachments["antrag.xml"]).ShouldContain("<vorname>Ayşe</vorname>");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_retryable_failure_naming_host_and_port()
    {
        var port = FreePort.Next();
        var result = await new EmailChannel(new PlainDeliveryTextRenderer()).DeliverAsync(Packages.Sample(Options(port)), default);
        result.Success.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.Error!.ShouldStartWith($"email to jobcenter@kreis-borken.example via 127.0.0.1:{port} failed:");
    }

    [Fact]
    public void Bad_options_are_listed_one_by_one()
    {
        new EmailChannel(new PlainDeliveryTextRenderer()).Validate(new JsonObject { ["port"] = 70000, ["security"] = "tls", ["from"] = "nobody", ["to"] = "x@example.org" })
            .ShouldBe(["host: is missing", "port: 70000 is not a TCP port", "security: 'tls' is not one of none, startTls, sslOnConnect", "from: 'nobody' is not an e-mail address"]);
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
