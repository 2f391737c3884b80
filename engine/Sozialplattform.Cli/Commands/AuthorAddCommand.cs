using Sozialplattform.Designer.Accounts;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial author add &lt;login&gt;</c>: creates a form author for the designer; the password never goes on the command line.</summary>
public sealed class AuthorAddCommand(TextReader? input = null) : ICliCommand
{
    public const string PasswordVariable = "SOZIAL_AUTHOR_PASSWORD";

    public string Name => "author add";
    public string Summary => "create a form author account for the designer (/designer)";
    public string Usage => $"""
        Usage: sozial author add <login> [--name "<display name>"] [--role author|editor] [--data <dir>] [--postgres <conn>] [--authors <dir>]

        Creates an author in the platform database (table designer_authors): every host of that database lets the
        author sign in at once, without a restart. The password (at least {AuthorAccounts.MinimumPasswordLength} characters) is read from the
        environment variable {PasswordVariable} or, if that is not set, from the first line of standard input.
          --role author|editor  "author" (Autor: edits and proposes) or "editor" (Redaktion: also reviews, approves
                              and publishes; the default, and the role of every author made before roles existed)
        {AuthorStoreOption.Usage}
        Exit codes: 0 created, 1 refused (login taken or empty, password too short), 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(AuthorStoreOption.Options) { "--name", "--role" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var role = args.Option("--role") is { } named ? AuthorRoles.Parse(named) ?? throw new CliUsageException($"--role is 'author' or 'editor', not '{named}'") : AuthorRole.Editor;
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? (input ?? Console.In).ReadLine() ?? "";
        try
        {
            if (password.Length < AuthorAccounts.MinimumPasswordLength)
                throw new ArgumentException($"The password for '{login}' is too short: at least {AuthorAccounts.MinimumPasswordLength} characters.");
            var (store, where) = AuthorStoreOption.Open(context, args);
            new AuthorAccounts(store).Create(login, args.Option("--name") ?? login, password, role);
            context.Out.WriteLine($"author '{login}' created in {where}, role {role.Name()}");
            return 0;
        }
        catch (ArgumentException refused)
        {
            context.Error.WriteLine($"sozial author add: {refused.Message.Split(" (Parameter")[0]}");
            return 1;
        }
    }
}
