using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Topics;

/// <summary>A counselling topic; <see cref="Parent"/> makes it a sub-topic (Suchtberatung → Alkohol).</summary>
public sealed record Topic(string Id, Texts Name, string? Parent = null);
