using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.Tests.Drafts;

/// <summary>What a draft stores: read back as written, and drafts stored before a property existed still open.</summary>
public sealed class DraftContentTests
{
    [Fact]
    public void The_chosen_place_with_its_offices_is_read_back_as_written()
    {
        var content = new DraftContent { Place = new ChosenPlace("46325", "05554", "Borken", ["Sozialamt Teststadt"]) { AuthorityIds = ["sozialamt-test"] } };

        var read = DraftContent.FromJson(content.ToJson());

        read.Place!.Authorities.ShouldBe(["Sozialamt Teststadt"]);
        read.Place.AuthorityIds.ShouldBe(["sozialamt-test"]);
        (read.Place.PostalCode, read.Place.Ars, read.Place.PlaceName).ShouldBe(("46325", "05554", "Borken"));
    }

    [Fact]
    public void A_draft_stored_before_office_ids_were_recorded_opens_with_the_office_names_only()
    {
        var read = DraftContent.FromJson("""{ "answers": {}, "place": { "postalCode": "46325", "ars": null, "placeName": "Borken", "authorities": ["Sozialamt Borken"] } }""");

        read.Place!.Authorities.ShouldBe(["Sozialamt Borken"]);
        read.Place.AuthorityIds.ShouldBeEmpty();
        read.ConfirmedPages.ShouldBeNull();
    }
}
