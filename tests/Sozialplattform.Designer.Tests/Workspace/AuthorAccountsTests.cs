using Sozialplattform.Designer.Accounts;

namespace Sozialplattform.Designer.Tests.Workspace;

public sealed class AuthorAccountsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"authors-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_created_author_logs_in_with_the_right_password_only_and_the_file_holds_no_password()
    {
        var accounts = new AuthorAccounts(_file);
        accounts.Create("anna", "Anna Autorin", "sehr-geheimes-passwort");

        accounts.Verify("anna", "sehr-geheimes-passwort")!.DisplayName.ShouldBe("Anna Autorin");
        accounts.Verify("anna", "falsch-falsch-falsch").ShouldBeNull();
        accounts.Verify("niemand", "sehr-geheimes-passwort").ShouldBeNull();
        File.ReadAllText(_file).ShouldNotContain("sehr-geheimes-passwort");
        File.ReadAllText(_file).ShouldContain("pbkdf2-sha256$");
    }

    [Fact]
    public void Short_passwords_and_duplicate_logins_are_refused()
    {
        var accounts = new AuthorAccounts(_file);
        Should.Throw<ArgumentException>(() => accounts.Create("anna", "Anna", "kurz"));
        accounts.Create("anna", "Anna", "lang-genug-passwort");
        Should.Throw<ArgumentException>(() => accounts.Create("anna", "Anna", "lang-genug-passwort"));
    }
}
