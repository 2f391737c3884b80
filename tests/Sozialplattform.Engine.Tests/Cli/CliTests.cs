using Sozialplattform.Cli;

namespace Sozialplattform.Engine.Tests.CommandLine;

/// <summary>The `sozial` engine commands: exit codes 0 (fine), 1 (problems listed), 2 (unusable input), and what they print.</summary>
public class CliTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, TestSupport.RepositoryRoot);
        return (exit, output.ToString(), error.ToString());
    }

    private const string Haushalt = "samples/forms/haushalt/1.0.0/form.json";

    [Fact]
    public void Validate_accepts_a_valid_definition_with_exit_code_0() =>
        Run("validate", Haushalt).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(0), r => r.Out.ShouldContain("valid — haushalt@1.0.0"));

    [Fact]
    public void Validate_lists_every_problem_with_exit_code_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, TestSupport.FormWith("""[ { "key": "a", "type": "colour", "label": "A" }, { "key": "b", "type": "text", "label": "B", "visibleIf": "x >" } ]"""));
        try
        {
            var (exit, _, error) = Run("validate", path);
            exit.ShouldBe(1);
            error.ShouldContain("unknown-field-type");
            error.ShouldContain("rule-syntax");
            error.ShouldContain(path + ":");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_of_a_missing_file_exits_with_2() => Run("validate", "gibtsnicht.json").Exit.ShouldBe(2);

    [Fact]
    public void Check_of_valid_answers_exits_with_0() =>
        Run("check", Haushalt, "samples/forms/haushalt/1.0.0/answers/valid.json").Exit.ShouldBe(0);

    [Fact]
    public void Check_of_invalid_answers_lists_every_error_in_the_chosen_language_with_exit_code_1()
    {
        var (exit, output, _) = Run("check", Haushalt, "samples/forms/haushalt/1.0.0/answers/invalid.json", "--lang", "en", "--today", "2026-11-25");
        exit.ShouldBe(1);
        output.ShouldContain("mitglieder[1].geburtsdatum  [maxDate]  “Date of birth” must not be after 25 November 2026.");
        output.ShouldContain("9 error(s), 2 warning(s)");
    }

    [Fact]
    public void Check_prints_json_on_request()
    {
        var (_, output, _) = Run("check", Haushalt, "samples/forms/haushalt/1.0.0/answers/invalid.json", "--json");
        var report = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        report["valid"]!.GetValue<bool>().ShouldBeFalse();
        report["errors"]!.AsArray().Count.ShouldBe(9);
    }

    [Fact]
    public void Check_with_unreadable_answers_exits_with_2_and_says_where()
    {
        var path = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"a\": ");
        try
        {
            var (exit, _, error) = Run("check", Haushalt, path);
            exit.ShouldBe(2);
            error.ShouldContain("line 1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void State_prints_the_state_of_every_element() =>
        Run("state", Haushalt, "samples/forms/haushalt/1.0.0/answers/valid.json", "--today", "2026-11-25").Out.ShouldContain("mitglieder[1].alter");

    [Fact]
    public void Schema_prints_the_answer_schema() =>
        Run("schema", Haushalt).Out.ShouldContain("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");

    [Theory]
    [InlineData("validate")]
    [InlineData("check")]
    [InlineData("state")]
    [InlineData("schema")]
    public void Every_command_explains_itself_with_help(string command)
    {
        var (exit, output, _) = Run(command, "--help");
        exit.ShouldBe(0);
        output.ShouldContain($"Usage: sozial {command}");
        output.ShouldContain("Exit codes");
    }

    [Fact]
    public void Wrong_usage_exits_with_2_and_shows_the_usage()
    {
        var (exit, _, error) = Run("check", Haushalt);
        exit.ShouldBe(2);
        error.ShouldContain("missing argument <answers>");
        error.ShouldContain("Usage: sozial check");
    }

    [Fact]
    public void An_unknown_command_exits_with_2() => Run("frobnicate").Exit.ShouldBe(2);
}

/// <summary>`sozial author add`: a designer account from the command line, with the password kept off it.</summary>
public class AuthorAddCommandTests
{
    [Fact]
    public void An_author_is_created_with_the_password_from_standard_input_and_can_then_log_in()
    {
        var data = Path.Combine(Path.GetTempPath(), $"authors-{Guid.NewGuid():N}");
        try
        {
            var output = new StringWriter();
            var command = new Sozialplattform.Cli.Commands.AuthorAddCommand(new StringReader("ein-langes-Passwort-2026\n"));
            command.Run(new Sozialplattform.Cli.CliContext(output, new StringWriter(), data), ["autor", "--name", "Autor Eins", "--authors", "."]).ShouldBe(0);
            new Sozialplattform.Designer.Accounts.AuthorAccounts(Path.Combine(data, "authors.json")).Verify("autor", "ein-langes-Passwort-2026").ShouldNotBeNull();
            File.ReadAllText(Path.Combine(data, "authors.json")).ShouldNotContain("ein-langes-Passwort-2026");
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_short_password_is_refused_with_exit_code_1_and_nothing_is_written()
    {
        var data = Path.Combine(Path.GetTempPath(), $"authors-{Guid.NewGuid():N}");
        var error = new StringWriter();
        new Sozialplattform.Cli.Commands.AuthorAddCommand(new StringReader("kurz\n"))
            .Run(new Sozialplattform.Cli.CliContext(new StringWriter(), error, data), ["autor", "--authors", "."]).ShouldBe(1);
        error.ToString().ShouldContain("too short");
        File.Exists(Path.Combine(data, "authors.json")).ShouldBeFalse();
    }
}
