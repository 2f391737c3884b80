namespace Sozialplattform.Cli;

/// <summary>One `sozial` sub-command. Exit codes: 0 success, 1 the input has problems (listed), 2 unusable input or usage error.</summary>
public interface ICliCommand
{
    /// <summary>The word after `sozial`, e.g. "validate" or "catalog lint".</summary>
    string Name { get; }

    /// <summary>One line for the overview of `sozial --help`.</summary>
    string Summary { get; }

    /// <summary>The full usage text shown by `sozial &lt;name&gt; --help`.</summary>
    string Usage { get; }

    int Run(CliContext context, IReadOnlyList<string> args);
}

/// <summary>What a command may use: its output streams and the working directory.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
