using System.Runtime.InteropServices;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Search;

/// <summary>
/// An immutable in-memory index of the published centres: who is responsible for a postal code, Kreis or state, who
/// counsels online, and the centres sorted by latitude for the radius search. Built once per change, read by any thread.
/// </summary>
public sealed class CentreIndex
{
    private readonly PublishedCentre[] _centres;
    private readonly Dictionary<Guid, int> _byId = [];
    private readonly Dictionary<string, List<(int Centre, string Topic)>> _byPostalCode = new(StringComparer.Ordinal);
    private readonly List<(PostalCodeRange Range, int Centre, string Topic)> _ranges = [];
    private readonly Dictionary<string, List<(int Centre, string Topic)>> _byMunicipality = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Centre, string Topic)>> _byKreis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Centre, string Topic)>> _byState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Centre, string Topic)>> _onlineByTopic = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Centre, string Topic)[]> _rangesByCode = new(StringComparer.Ordinal);
    private readonly int[] _byLatitude;
    private readonly double[] _latitudes;
    private readonly SpherePoint[] _spheres;

    public CentreIndex(IEnumerable<PublishedCentre> centres)
    {
        _centres = centres.ToArray();
        for (var i = 0; i < _centres.Length; i++)
        {
            _byId[_centres[i].Id] = i;
            foreach (var offer in _centres[i].Record.Offers)
            {
                var entry = (i, offer.Topic);
                foreach (var code in offer.Catchment.PostalCodes)
                    if (PostalCodeRange.Parse(code) is { } range)
                        if (range.IsSingle) Add(_byPostalCode, range.From, entry);
                        else _ranges.Add((range, i, offer.Topic));
                foreach (var municipality in offer.Catchment.Municipalities) Add(_byMunicipality, municipality, entry);
                foreach (var kreis in offer.Catchment.Kreise) Add(_byKreis, kreis, entry);
                foreach (var state in offer.Catchment.States) Add(_byState, state, entry);
                if (offer.Catchment.Online) Add(_onlineByTopic, offer.Topic, entry);
            }
        }

        _byLatitude = Enumerable.Range(0, _centres.Length).OrderBy(i => _centres[i].Position.Latitude).ToArray();
        _latitudes = _byLatitude.Select(i => _centres[i].Position.Latitude).ToArray();
        _spheres = _centres.Select(c => SpherePoint.Of(c.Position)).ToArray();
        AllInGermany = _centres.All(c => c.Position.InGermany);
    }

    /// <summary>Every centre lies in Germany's box, where <see cref="SpherePoint.ErrorKm"/> bounds the estimated distances.</summary>
    internal bool AllInGermany { get; }

    public int Count => _centres.Length;

    public PublishedCentre? Find(Guid id) => _byId.TryGetValue(id, out var i) ? _centres[i] : null;

    public IEnumerable<PublishedCentre> All => _centres;

    /// <summary>Every centre with an offer of <paramref name="topics"/> (all topics when null) responsible for the place, with its best reason.</summary>
    internal Dictionary<int, MatchReason> Responsible(PostalCodePlace place, IReadOnlySet<string>? topics)
    {
        var found = new Dictionary<int, MatchReason>();
        void Take(ReadOnlySpan<(int Centre, string Topic)> entries, MatchReason reason)
        {
            foreach (var (centre, topic) in entries)
                if ((topics is null || topics.Contains(topic)) && (!found.TryGetValue(centre, out var had) || reason < had)) found[centre] = reason;
        }

        if (_byPostalCode.TryGetValue(place.PostalCode, out var exact)) Take(CollectionsMarshal.AsSpan(exact), MatchReason.PostalCode);
        // The ranges containing a postal code are found once per code and kept (the index never changes).
        Take(_rangesByCode.GetOrAdd(place.PostalCode, code => _ranges.Where(r => r.Range.Contains(code)).Select(r => (r.Centre, r.Topic)).ToArray()), MatchReason.PostalCode);
        if (place.Municipality is { } ars && _byMunicipality.TryGetValue(ars, out var municipality)) Take(CollectionsMarshal.AsSpan(municipality), MatchReason.Municipality);
        if (_byKreis.TryGetValue(place.Kreis, out var kreis)) Take(CollectionsMarshal.AsSpan(kreis), MatchReason.Kreis);
        if (_byState.TryGetValue(place.State, out var state)) Take(CollectionsMarshal.AsSpan(state), MatchReason.State);
        // Online offers are kept per topic, so a search reads only its topics' ones — and, online being the last reason,
        // a centre already found keeps its better one.
        foreach (var (topic, online) in _onlineByTopic)
            if (topics is null || topics.Contains(topic))
                foreach (var (centre, _) in CollectionsMarshal.AsSpan(online)) found.TryAdd(centre, MatchReason.Online);
        return found;
    }

    /// <summary>Centres with an offer of the topics in the box that certainly contains the circle of <paramref name="radiusKm"/> (the caller measures the distance).</summary>
    internal IEnumerable<int> InBox(GeoPoint from, double radiusKm, IReadOnlySet<string>? topics)
    {
        var (halfLatitude, halfLongitude) = Distance.BoxHalfSize(from, radiusKm);
        var start = LowerBound(from.Latitude - halfLatitude);
        for (var k = start; k < _byLatitude.Length && _latitudes[k] <= from.Latitude + halfLatitude; k++)
        {
            var i = _byLatitude[k];
            if (Math.Abs(_centres[i].Position.Longitude - from.Longitude) <= halfLongitude && Offers(i, topics)) yield return i;
        }
    }

    internal SpherePoint Sphere(int centre) => _spheres[centre];

    /// <summary>The centres of the topics nearest to a point, whatever the distance.</summary>
    internal IEnumerable<(int Centre, double Km)> Nearest(GeoPoint from, IReadOnlySet<string>? topics, int count) =>
        Enumerable.Range(0, _centres.Length).Where(i => Offers(i, topics))
            .Select(i => (i, Distance.Kilometres(from, _centres[i].Position))).OrderBy(x => x.Item2).Take(count);

    internal bool Offers(int centre, IReadOnlySet<string>? topics)
    {
        if (topics is null) return true;
        var offers = _centres[centre].Record.Offers;
        for (var k = 0; k < offers.Count; k++)
            if (topics.Contains(offers[k].Topic)) return true;
        return false;
    }

    internal PublishedCentre this[int index] => _centres[index];

    private static void Add(Dictionary<string, List<(int, string)>> map, string key, (int, string) entry)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(entry);
    }

    private int LowerBound(double latitude)
    {
        int low = 0, high = _latitudes.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_latitudes[mid] < latitude) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
