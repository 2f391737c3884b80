using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// The platform's one meter and activity source ("Sozialplattform"), exported by the host's OpenTelemetry set-up. Every
/// area records its business counts here (bookings and chat messages add theirs with <see cref="Counter"/>). Tags carry
/// only what is not personal: service ids, channel types, outcomes — never names, addresses, answers or ids of people.
/// </summary>
public static class PlatformMetrics
{
    public const string Name = "Sozialplattform";

    private static readonly Meter Meter = new(Name);

    /// <summary>Spans of the platform's own work (one per delivery attempt), beside the HTTP and database spans.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("sozial.submissions.accepted", "{submission}", "Applications stored with a reference number (a repeated submit is not counted again)");
    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("sozial.deliveries", "{delivery}", "Delivery attempts by channel type and outcome (delivered, retry, dead)");
    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("sozial.outbox.dead_letters", "{delivery}", "Deliveries moved to the dead letters, by channel type");
    private static readonly Histogram<double> OutboxAge = Meter.CreateHistogram<double>("sozial.outbox.age", "s", "How long a delivery waited in the outbox when it was claimed (since its submission)");

    private static readonly Counter<long> FormPdfs = Meter.CreateCounter<long>("sozial.submissions.pdf_rendered", "{pdf}", "Authority PDFs rendered after the accept (a render that lost the race to store it counts too)");

    public static void SubmissionAccepted(string formId) => Submissions.Add(1, new KeyValuePair<string, object?>("form", formId));

    public static void FormPdfRendered(string formId) => FormPdfs.Add(1, new KeyValuePair<string, object?>("form", formId));

    public static void DeliveryAttempted(string channel, string outcome, TimeSpan waited)
    {
        Deliveries.Add(1, new("channel", channel), new("outcome", outcome));
        OutboxAge.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
        if (outcome == "dead") DeadLetters.Add(1, new KeyValuePair<string, object?>("channel", channel));
    }

    /// <summary>A counter of an area (e.g. <c>sozial.appointments.booked</c>, <c>sozial.chat.messages</c>); create it once, in a static field.</summary>
    public static Counter<long> Counter(string name, string unit, string description) => Meter.CreateCounter<long>(name, unit, description);
}
