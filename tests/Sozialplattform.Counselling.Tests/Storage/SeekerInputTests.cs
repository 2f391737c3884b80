using Sozialplattform.Counselling.Seekers;

namespace Sozialplattform.Counselling.Tests.Storage;

public sealed class SeekerInputTests
{
    [Theory]
    [InlineData("", "passwordMissing")]
    [InlineData("kurz-1", "passwordTooShort")]
    [InlineData("1234567890", "passwordTooSimple")]
    [InlineData("aaaaaaaaaaaa", "passwordTooSimple")]
    [InlineData("abcdefghijk", "passwordTooSimple")]
    [InlineData("Willkommen", "passwordTooSimple")]
    [InlineData("Nachtfalter-2026", "passwordContainsPseudonym")]
    public void A_weak_password_is_refused_with_its_reason(string password, string code) =>
        SeekerInput.Password(password, "Nachtfalter")!.Code.ShouldBe(code);

    [Fact]
    public void A_long_varied_password_is_accepted() => SeekerInput.Password("Lange-Nacht-am-Rhein", "Nachtfalter").ShouldBeNull();

    [Theory]
    [InlineData("", "pseudonymMissing")]
    [InlineData("ab", "pseudonymTooShort")]
    [InlineData("a\u0007bc", "pseudonymMalformed")]
    public void A_pseudonym_that_cannot_be_used_is_refused_with_its_reason(string pseudonym, string code) =>
        SeekerInput.Pseudonym(pseudonym).Error!.Code.ShouldBe(code);

    [Fact]
    public void A_pseudonym_over_forty_characters_is_too_long_and_script_is_kept_as_text_to_be_escaped() 
    {
        SeekerInput.Pseudonym(new string('x', 41)).Error!.Code.ShouldBe("pseudonymTooLong");
        SeekerInput.Pseudonym("  <script>x</script>  ").Pseudonym.ShouldBe("<script>x</script>");
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("Name <a@example.org>")]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("a@exa mple.org")]
    public void A_malformed_email_address_is_refused(string email) => SeekerInput.Email(email).Error!.Code.ShouldBe("emailMalformed");

    [Fact]
    public void No_email_address_is_fine() => SeekerInput.Email("  ").ShouldBe((null, null));
}
