namespace Sozialplattform.Centres.Records;

/// <summary>
/// Everything the public knows about one counselling centre (Beratungsstelle), as one immutable value: what an
/// import file holds, what an editor changes and what the finder shows. Storage keeps a published and a working copy.
/// </summary>
public sealed record CentreRecord
{
    /// <summary>The id in the operator's own register; imports match on it.</summary>
    public string? ExternalId { get; init; }

    public required Carrier Carrier { get; init; }

    /// <summary>Name, short description and details per language; German is required.</summary>
    public required Texts Name { get; init; }

    public Texts Summary { get; init; } = Texts.Empty;

    public Texts Details { get; init; } = Texts.Empty;

    public required Address Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Website { get; init; }

    public OpeningHours OpeningHours { get; init; } = new();

    public Accessibility Accessibility { get; init; } = new();

    /// <summary>Languages spoken, ISO 639-1 codes ("de", "tr", "ar").</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["de"];

    public IReadOnlyList<CounsellingWay> Ways { get; init; } = [CounsellingWay.OnSite];

    public Texts Costs { get; init; } = Texts.Empty;

    public TargetGroups TargetGroups { get; init; } = new();

    public required IReadOnlyList<Offer> Offers { get; init; }

    /// <summary>Marks invented entries (the shipped example directory); the portal labels them.</summary>
    public bool Example { get; init; }
}

/// <summary>The free or municipal organisation that runs centres (Träger); its key groups centres for the carrier's admin.</summary>
public sealed record Carrier(string Key, string Name);

public sealed record Address(string Street, string PostalCode, string City)
{
    /// <summary>WGS 84; taken from the postal-code data when not given.</summary>
    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}

public sealed record Accessibility
{
    public bool StepFree { get; init; }
    public bool AccessibleToilet { get; init; }
    public bool SignLanguage { get; init; }
    public bool EasyLanguage { get; init; }
}

public sealed record TargetGroups
{
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }

    /// <summary>People affected themselves.</summary>
    public bool Affected { get; init; } = true;

    /// <summary>Relatives and friends of those affected.</summary>
    public bool Relatives { get; init; }
}

/// <summary>One topic the centre counsels on, with the area it is responsible for.</summary>
public sealed record Offer(string Topic, Catchment Catchment)
{
    public Texts Note { get; init; } = Texts.Empty;
}

/// <summary>
/// Where an offer is responsible: postal codes ("50667") or ranges ("50600-50999"), municipalities (12-digit ARS,
/// "053150000000"), Kreis keys (5-digit ARS), whole states (2-digit ARS), or everyone online.
/// </summary>
public sealed record Catchment
{
    public IReadOnlyList<string> PostalCodes { get; init; } = [];
    public IReadOnlyList<string> Kreise { get; init; } = [];

    /// <summary>Municipalities (Gemeinden) by their 12-digit Amtlicher Regionalschlüssel; match a search that names the municipality's ARS.</summary>
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public IReadOnlyList<string> States { get; init; } = [];
    public bool Online { get; init; }

    public bool IsEmpty => PostalCodes.Count == 0 && Municipalities.Count == 0 && Kreise.Count == 0 && States.Count == 0 && !Online;
}

public enum CounsellingWay
{
    OnSite,
    Phone,
    Video,
    Chat,
    HomeVisit,
    OpenConsultation,
}
