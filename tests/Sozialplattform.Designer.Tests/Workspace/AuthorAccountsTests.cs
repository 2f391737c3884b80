using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Logins;

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
    public void An_unknown_login_costs_the_same_password_hash_as_a_wrong_password()
    {
        var hasher = new CountingHasher();
        var accounts = new AuthorAccounts(_file, hasher);
        accounts.Create("anna", "Anna Autorin", "sehr-geheimes-passwort");

        accounts.Check("anna", "falsch-falsch-falsch").ShouldBe(new LoginCheck<AuthorAccount>(null, LoginExists: true));
        hasher.Verifications.ShouldBe(1);
        accounts.Check("niemand", "falsch-falsch-falsch").ShouldBe(new LoginCheck<AuthorAccount>(null, LoginExists: false));
        hasher.Verifications.ShouldBe(2);
    }

    [Fact]
    public void A_new_security_stamp_replaces_the_old_one_and_only_for_that_author()
    {
        var accounts = new AuthorAccounts(_file);
        var anna = accounts.Create("anna", "Anna", "lang-genug-passwort");
        var bob = accounts.Create("bob", "Bob", "lang-genug-passwort");

        accounts.RenewStamp("anna").ShouldBeTrue();
        accounts.RenewStamp("niemand").ShouldBeFalse();
        accounts.Find("anna")!.SecurityStamp.ShouldNotBe(anna.SecurityStamp);
        accounts.Find("bob")!.SecurityStamp.ShouldBe(bob.SecurityStamp);
        accounts.Verify("anna", "lang-genug-passwort").ShouldNotBeNull();
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

/// <summary>The real hasher, counting how often a password is checked.</summary>
public sealed class CountingHasher : PasswordHasher
{
    public int Verifications { get; private set; }

    public override bool Verify(string password, string storedHash)
    {
        Verifications++;
        return base.Verify(password, storedHash);
    }
}
