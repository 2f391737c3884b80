using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Centres.Topics;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Accounts;

/// <summary>A centre account keeps its own centres only — never another's, not even by id; a carrier's admin keeps all of that carrier's.</summary>
public abstract class CentreAccessTests(DatabaseTarget target)
{
    private const string Password = "ein-langes-passwort";
    private CentreStore _store = null!;
    private CentreAccounts _accounts = null!;
    private CentreSelfService _service = null!;
    private Guid _own, _other, _sameCarrier;

    private async Task SetUpAsync()
    {
        var database = await CentresDatabases.FreshAsync(target);
        _store = new CentreStore(database);
        _accounts = new CentreAccounts(database);
        _service = new CentreSelfService(_store, new CentreCheck(TestCentres.Places(), TopicTaxonomy.BuiltIn));
        (_, _own) = await _store.ImportAsync("nrw", TestCentres.Centre("eigene", TestCentres.Koeln), "import");
        (_, _sameCarrier) = await _store.ImportAsync("nrw", TestCentres.Centre("schwester", TestCentres.Bonn), "import");
        (_, _other) = await _store.ImportAsync("nrw", TestCentres.Centre("fremde", TestCentres.Dortmund) with { Carrier = new Carrier("anderer", "Anderer Träger") }, "import");
    }

    private async Task<CentreAccountRow> AccountAsync(string login, string? carrier, params string[] centres) =>
        (await _accounts.CreateAsync("nrw", login, login, Password, carrier, centres)).Account!;

    [SkippableFact]
    public async Task A_centre_account_can_neither_read_nor_change_nor_submit_another_centre_even_by_id()
    {
        await SetUpAsync();
        var account = await AccountAsync("eigene@traeger", null, "eigene");
        var foreign = (await _store.FindAsync(_other))!;

        (await _service.OpenAsync(account, _other)).ShouldBeNull();
        (await _service.OpenAsync(account, _sameCarrier)).ShouldBeNull();
        (await _service.SaveAsync(account, _other, CentreJson.Read(foreign.Working) with { Phone = "+49 1 666666" }, foreign.Revision)).Outcome.ShouldBe(SaveOutcome.NotFound);
        (await _service.SubmitAsync(account, _other, foreign.Revision)).Outcome.ShouldBe(SaveOutcome.NotFound);
        (await _service.ConfirmAsync(account, _other, foreign.Revision)).Outcome.ShouldBe(SaveOutcome.NotFound);
        (await _service.ListAsync(account)).Select(c => c.Id).ShouldBe([_own]);
        (await _store.FindAsync(_other))!.Revision.ShouldBe(foreign.Revision);
        (await _store.HistoryAsync(_other)).ShouldAllBe(c => c.Who == "import");
    }

    [SkippableFact]
    public async Task A_carrier_admin_keeps_every_centre_of_its_carrier_and_none_of_another()
    {
        await SetUpAsync();
        var admin = await AccountAsync("admin@traeger", "traeger-1");

        (await _service.ListAsync(admin)).Select(c => c.Id).ShouldBe([_own, _sameCarrier], ignoreOrder: true);
        (await _service.OpenAsync(admin, _other)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task A_change_by_a_centre_account_is_checked_audited_and_cannot_move_the_centre_to_another_carrier()
    {
        await SetUpAsync();
        var account = await AccountAsync("eigene@traeger", null, "eigene");
        var row = (await _store.FindAsync(_own))!;
        var record = CentreJson.Read(row.Working);

        var moved = await _service.SaveAsync(account, _own, record with { Carrier = new Carrier("anderer", "Anderer Träger") }, row.Revision);
        var invalid = await _service.SaveAsync(account, _own, record with { Phone = "<script>" }, row.Revision);
        var saved = await _service.SaveAsync(account, _own, record with { Phone = "+49 221 555555" }, row.Revision);

        moved.Errors.ShouldContain(e => e.Code == "carrierFixed");
        invalid.Errors.ShouldContain(e => e.Path == "phone" && e.Code == "phoneMalformed");
        saved.Outcome.ShouldBe(SaveOutcome.Saved);
        (await _store.HistoryAsync(_own)).ShouldContain(c => c.Who == "centre-account:eigene@traeger" && c.Field == "phone" && c.NewValue == "+49 221 555555");
        CentreJson.Read((await _store.FindAsync(_own))!.Published!).Phone.ShouldBe("+49 221 123456");
    }

    [SkippableFact]
    public async Task Accounts_need_a_scope_a_long_password_a_free_login_and_known_centres()
    {
        await SetUpAsync();
        await AccountAsync("eigene@traeger", null, "eigene");

        (await _accounts.CreateAsync("nrw", "x", "x", Password, null, [])).Problem.ShouldBe(AccountProblem.NoScope);
        (await _accounts.CreateAsync("nrw", "x", "x", "kurz", null, ["eigene"])).Problem.ShouldBe(AccountProblem.PasswordTooShort);
        (await _accounts.CreateAsync("nrw", "eigene@traeger", "x", Password, null, ["eigene"])).Problem.ShouldBe(AccountProblem.LoginTaken);
        (await _accounts.CreateAsync("nrw", "y", "y", Password, null, ["gibt-es-nicht"])).Problem.ShouldBe(AccountProblem.CentreUnknown);
        (await _accounts.CheckAsync("nrw", "eigene@traeger", Password)).ShouldNotBeNull();
        (await _accounts.CheckAsync("nrw", "eigene@traeger", Password + "x")).ShouldBeNull();
    }

    [SkippableFact]
    public async Task A_new_account_is_checked_completely_at_once_keeps_its_address_and_is_listed_with_its_centres()
    {
        await SetUpAsync();
        await AccountAsync("eigene@traeger", null, "eigene");

        var refused = await _accounts.AddAsync("nrw", new NewCentreAccount("eigene@traeger", "x\u0007", "kurz", CentreRole.Staff, "traeger-1", ["eigene", "fremde-gibt-es-nicht"], "kein at"), "test");
        var editorWithScope = await _accounts.AddAsync("nrw", new NewCentreAccount("r", "r", Password, CentreRole.Editor, null, ["eigene"]), "test");
        var unknownCarrier = await _accounts.AddAsync("nrw", new NewCentreAccount("t", "t", Password, CentreRole.Staff, "kein-traeger"), "test");
        var created = await _accounts.AddAsync("nrw", new NewCentreAccount("  neu@traeger ", "", Password, CentreRole.Staff, null, ["schwester", "eigene", "eigene"], " neu@traeger.example "), "test");

        refused.Account.ShouldBeNull();
        refused.Errors.Select(e => (e.Path, e.Code)).ShouldBe([("displayName", "controlCharacters"), ("password", "passwordTooShort"), ("email", "emailMalformed"),
            ("scope", "scopeTwice"), ("login", "loginTaken"), ("centres", "centreUnknown")]);
        refused.Errors.Single(e => e.Code == "centreUnknown").Args.ShouldBe(["fremde-gibt-es-nicht"]);
        editorWithScope.Errors.Select(e => e.Code).ShouldBe(["scopeTwice"]);
        unknownCarrier.Problem.ShouldBe(AccountProblem.CarrierUnknown);
        var account = created.Account.ShouldNotBeNull();
        account.Login.ShouldBe("neu@traeger");
        account.DisplayName.ShouldBe("neu@traeger", "an empty name is the login");
        account.Email.ShouldBe("neu@traeger.example");
        var listed = (await _accounts.ListAsync("nrw")).Single(l => l.Account.Login == "neu@traeger");
        listed.Account.Email.ShouldBe("neu@traeger.example");
        listed.CentreNames.ShouldBe(["Beratungsstelle eigene", "Beratungsstelle schwester"]);
        (await _accounts.ListAsync("anderer")).ShouldBeEmpty();
        (await _service.ListAsync(account)).Select(c => c.Id).ShouldBe([_own, _sameCarrier], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Parallel_requests_for_one_new_login_create_it_once_and_tell_the_others_it_is_taken()
    {
        await SetUpAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            _accounts.AddAsync("nrw", new NewCentreAccount("parallel@traeger", $"Versuch {i}", Password, CentreRole.Staff, null, ["eigene"]), "test"))));

        results.Count(r => r.Account is not null).ShouldBe(1);
        results.Where(r => r.Account is null).ShouldAllBe(r => r.Errors.Single().Code == "loginTaken");
        (await _accounts.ListAsync("nrw")).Count(l => l.Account.Login == "parallel@traeger").ShouldBe(1);
    }
}

public sealed class CentreAccessSqliteTests(SqliteTarget target) : CentreAccessTests(target), IClassFixture<SqliteTarget>;

public sealed class CentreAccessPostgresTests(PostgresTarget target) : CentreAccessTests(target), IClassFixture<PostgresTarget>;
