namespace Sozialplattform.Cli;

/// <summary>Minimal argument reader: positional arguments plus `--name value` options and `--flag` switches.</summary>
public sealed class CliArguments
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args, IReadOnlySet<string> optionsWithValue, IReadOnlySet<string> switches)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsWithValue.Contains(arg))
            {
                if (i + 1 >= args.Count) throw new CliUsageException($"option {arg} needs a value");
                _options[arg] = args[++i];
            }
            else if (switches.Contains(arg)) _options[arg] = null;
            else if (arg.StartsWith("--", StringComparison.Ordinal)) throw new CliUsageException($"unknown option {arg}");
            else _positional.Add(arg);
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string Required(int index, string name) =>
        index < _positional.Count ? _positional[index] : throw new CliUsageException($"missing argument <{name}>");

    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _options.ContainsKey(name);

    public void ExpectAtMost(int count)
    {
        if (_positional.Count > count) throw new CliUsageException($"unexpected argument '{_positional[count]}'");
    }
}
