using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Topics;

/// <summary>
/// The topics centres offer: the built-in ones every tenant has, plus the tenant's own from its
/// <c>centres.json</c>. Searching a topic finds its sub-topics too.
/// </summary>
public sealed class TopicTaxonomy
{
    private readonly Dictionary<string, Topic> _byId;

    private TopicTaxonomy(IEnumerable<Topic> topics) => _byId = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static TopicTaxonomy BuiltIn { get; } = new(BuiltInTopics());

    public IEnumerable<Topic> All => _byId.Values;

    /// <summary>The taxonomy with the tenant's topics added (an id already known replaces nothing and is refused by the config check).</summary>
    public TopicTaxonomy With(IEnumerable<Topic> extra) => new(_byId.Values.Concat(extra.Where(t => !_byId.ContainsKey(t.Id))));

    public Topic? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    /// <summary>The topic and all topics below it.</summary>
    public IReadOnlySet<string> WithSubTopics(string id)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { id };
        for (var grew = true; grew;)
            grew = _byId.Values.Where(t => t.Parent is { } parent && found.Contains(parent)).Aggregate(false, (any, t) => found.Add(t.Id) | any);
        return found;
    }

    /// <summary>
    /// The offers that answer a search for <paramref name="id"/>: the topic, its sub-topics, and the topics above it
    /// (a general Suchtberatung also counsels on alcohol).
    /// </summary>
    public IReadOnlySet<string> Matching(string id)
    {
        var found = new HashSet<string>(WithSubTopics(id), StringComparer.Ordinal);
        for (var topic = Find(id); topic?.Parent is { } parent; topic = Find(parent)) found.Add(parent);
        return found;
    }

    /// <summary>The top-level topic an id belongs to (for hotlines and form routing).</summary>
    public string Root(string id)
    {
        var topic = Find(id);
        while (topic?.Parent is { } parent && Find(parent) is { } up) topic = up;
        return topic?.Id ?? id;
    }

    /// <summary>
    /// The portal's contact form for an offer's topic (by its top-level topic): a citizen picks the centre and writes to it
    /// with this form. Null for topics without one (tenant topics, for now).
    /// </summary>
    public string? ContactForm(string topic) => Root(topic) switch
    {
        "schuldnerberatung" => "schuldnerberatung",
        "suchtberatung" => "suchtberatung",
        "wohnungsnotfallhilfe" or "besondere-soziale-schwierigkeiten" => "wohnungsnotfallhilfe",
        _ => null,
    };

    private static IEnumerable<Topic> BuiltInTopics()
    {
        static Texts T(string de, string en, string tr, string ar, string uk, string ru) =>
            new([new("de", de), new("en", en), new("tr", tr), new("ar", ar), new("uk", uk), new("ru", ru)]);

        yield return new("schuldnerberatung", T("Schuldnerberatung", "Debt counselling", "Borç danışmanlığı", "استشارات الديون", "Консультації щодо боргів", "Консультации по долгам"));
        yield return new("insolvenzberatung", T("Insolvenzberatung", "Insolvency counselling", "İflas danışmanlığı", "استشارات الإعسار", "Консультації щодо банкрутства", "Консультации по банкротству"), "schuldnerberatung");
        yield return new("suchtberatung", T("Suchtberatung", "Addiction counselling", "Bağımlılık danışmanlığı", "استشارات الإدمان", "Консультації щодо залежностей", "Консультации по зависимостям"));
        yield return new("sucht-alkohol", T("Alkohol", "Alcohol", "Alkol", "الكحول", "Алкоголь", "Алкоголь"), "suchtberatung");
        yield return new("sucht-drogen", T("Drogen", "Drugs", "Uyuşturucu", "المخدرات", "Наркотики", "Наркотики"), "suchtberatung");
        yield return new("sucht-gluecksspiel", T("Glücksspiel", "Gambling", "Kumar", "القمار", "Азартні ігри", "Азартные игры"), "suchtberatung");
        yield return new("sucht-medien", T("Medien", "Media", "Medya", "الإعلام والإنترنت", "Медіа", "Медиа"), "suchtberatung");
        yield return new("sucht-angehoerige", T("Angehörige", "Relatives", "Yakınlar", "الأقارب", "Рідні", "Родственники"), "suchtberatung");
        yield return new("wohnungsnotfallhilfe", T("Wohnungsnotfallhilfe", "Help with homelessness", "Konut acil yardımı", "المساعدة في حالات فقدان السكن", "Допомога при втраті житла", "Помощь при потере жилья"));
        yield return new("besondere-soziale-schwierigkeiten", T("Hilfe in besonderen sozialen Schwierigkeiten", "Help in particular social difficulties", "Özel sosyal güçlüklerde yardım", "المساعدة في الصعوبات الاجتماعية الخاصة", "Допомога в особливих соціальних труднощах", "Помощь в особых социальных трудностях"));
    }
}
