using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Channels.FitConnect;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Engine;

namespace Sozialplattform.Delivery.Tests.Channels.FitConnect;

public sealed class FitConnectChannelTests : IAsyncLifetime
{
    private const string SchemaUri = "https://schema.example.org/sozialplattform/buergergeld/1.0.0/answers.schema.json";
    private const string SchemaUriTemplate = "https://schema.example.org/sozialplattform/{formId}/{formVersion}/answers.schema.json";
    private FitConnectTestServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        var metadataSchema = RepositoryPaths.RequireShared("standards", "fitconnect", "metadata.schema.v1.0.0.json");
        _server = await FitConnectTestServer.StartAsync(metadataSchema, new Dictionary<string, JsonObject> { [SchemaUri] = Packages.AnswersSchema });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _http.Dispose();
    }

    private FitConnectChannel Channel() => new(_http, TimeProvider.System);

    [SkippableFact]
    public async Task A_submission_reaches_the_destination_encrypted_with_valid_metadata_hashes_and_data()
    {
        var package = Packages.Sample(_server.ChannelOptions(SchemaUriTemplate));

        var result = await Channel().DeliverAsync(package, default);

        result.Error.ShouldBeNull();
        result.Receipt!.ShouldStartWith("FIT-Connect submission ");
        _server.Problems.ShouldBeEmpty();
        var received = _server.Received.ShouldHaveSingleItem();
        received.Data.ShouldBe(Samples.AnswersJson);
        received.ServiceIdentifier.ShouldBe("urn:de:fim:leika:leistung:99107015017000");
        received.Metadata["additionalReferenceInfo"]!["senderReference"]!.GetValue<string>().ShouldBe($"SP-2026-7K3M-Q9TD/{package.DeliveryId}");
        var attachments = received.Metadata["contentStructure"]!["attachments"]!.AsArray();
        attachments.Select(a => (string?)a!["purpose"]).ShouldBe(["form", "attachment"]);
        received.Attachments[(string)attachments[0]!["attachmentId"]!].ShouldBe(Samples.MinimalPdf);
    }

    [SkippableFact]
    public async Task A_retry_of_the_same_delivery_announces_the_same_attachment_ids_and_sender_reference()
    {
        var package = Packages.Sample(_server.ChannelOptions(SchemaUriTemplate));
        (await Channel().DeliverAsync(package, default)).Success.ShouldBeTrue();
        (await Channel().DeliverAsync(package, default)).Success.ShouldBeTrue();

        var (first, second) = (_server.Received.First(), _server.Received.Last());
        second.SubmissionId.ShouldNotBe(first.SubmissionId);
        second.Attachments.Keys.Order().ShouldBe(first.Attachments.Keys.Order());
        second.Metadata["additionalReferenceInfo"]!.ToJsonString().ShouldBe(first.Metadata["additionalReferenceInfo"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Answers_that_do_not_match_the_forms_schema_are_rejected_by_the_receiver_and_reported()
    {
        var package = Packages.Sample(_server.ChannelOptions(SchemaUriTemplate), answersJson: """{"lebtAllein":"ja"}""");

        var result = await Channel().DeliverAsync(package, default);

        result.Success.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        result.Error!.ShouldContain("submit submission: HTTP 422 submission-invalid");
        result.Error!.ShouldContain("data #/antragsteller: PropertyRequired; data #/lebtAllein: BooleanExpected");
        _server.Received.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Wrong_credentials_an_inactive_destination_and_a_missing_LeiKa_key_fail_with_clear_messages()
    {
        var options = _server.ChannelOptions(SchemaUriTemplate);
        options["clientSecret"] = "wrong";
        (await Channel().DeliverAsync(Packages.Sample(options), default)).Error!.ShouldContain("OAuth token: HTTP 401 invalid-client: unknown client or wrong secret");

        _server.DestinationStatus = "archived";
        (await Channel().DeliverAsync(Packages.Sample(_server.ChannelOptions(SchemaUriTemplate)), default)).Error!.ShouldEndWith("destination status is 'archived', not 'active'");
        _server.DestinationStatus = "active";

        var noLeika = await Channel().DeliverAsync(Packages.Sample(_server.ChannelOptions(SchemaUriTemplate), leikaKey: null), default);
        noLeika.Retryable.ShouldBeFalse();
        noLeika.Error!.ShouldContain("has no LeiKa key and the channel sets no leikaKey");
    }

    [SkippableFact]
    public async Task A_sample_forms_answers_pass_the_receivers_check_against_the_schema_the_engine_exports()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "forms", "haushalt", "1.0.0");
        var engine = FormEngine.Load(Path.Combine(folder, "form.json")).Engine!;
        var answers = File.ReadAllText(Path.Combine(folder, "answers", "valid.json"));
        const string uri = "https://schema.example.org/sozialplattform/haushalt/1.0.0/answers.schema.json";
        await using var server = await FitConnectTestServer.StartAsync(RepositoryPaths.RequireShared("standards", "fitconnect", "metadata.schema.v1.0.0.json"),
            new Dictionary<string, JsonObject> { [uri] = engine.ExportJsonSchema() });
        var package = Packages.Sample(server.ChannelOptions(SchemaUriTemplate), answersJson: answers) with { FormId = "haushalt", AnswersSchema = engine.ExportJsonSchema() };

        var result = await Channel().DeliverAsync(package, default);

        result.Error.ShouldBeNull();
        server.Received.ShouldHaveSingleItem().Data.ShouldBe(answers);
    }

    [Fact]
    public void Attachment_ids_are_stable_per_delivery_and_look_like_version_4_UUIDs()
    {
        var delivery = Guid.NewGuid();
        FitConnectMetadata.AttachmentId(delivery, 1).ShouldBe(FitConnectMetadata.AttachmentId(delivery, 1));
        FitConnectMetadata.AttachmentId(delivery, 1).ShouldNotBe(FitConnectMetadata.AttachmentId(delivery, 2));
        FitConnectMetadata.AttachmentId(delivery, 0).ToString()[14].ShouldBe('4');
    }
}
