using Sozialplattform.Designer.Accounts;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial author add &lt;login&gt;</c>: creates a form author for the designer; the password never goes on the command line.</summary>
public sealed class AuthorAddCommand(TextReader? input = null) : ICliCommand
{
    public const string PasswordVariable = "SOZIAL_AUTHOR_PASSWORD";

    public string Name => "author add";
    public string Summary => "create a form author account for the designer (/designer)";
    public string Usage => $"""
        Usage: sozial author add <login> [--name "<display name>"] [--data <dir>]

        Creates an author in <dir>/authors.json (default: data/designer, as the web host uses it when started from
        the repository root); the web host takes the file over into its database at its next start. The password (at least {AuthorAccounts.MinimumPasswordLength} characters) is read from the
        environment variable {PasswordVariable} or, if that is not set, from the first line of standard input.
        Exit codes: 0 created, 1 refused (login exists, password too short), 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--name", "--data" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? (input ?? Console.In).ReadLine() ?? "";
        var file = Path.Combine(context.FullPath(args.Option("--data") ?? Path.Combine("data", "designer")), "authors.json");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            new AuthorAccounts(file).Create(login, args.Option("--name") ?? login, password);
            context.Out.WriteLine($"author '{login}' created in {file}");
            return 0;
        }
        catch (ArgumentException refused)
        {
            context.Error.WriteLine($"sozial author add: {refused.Message.Split(" (Parameter")[0]}");
            return 1;
        }
    }
}
