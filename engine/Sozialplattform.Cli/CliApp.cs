namespace Sozialplattform.Cli;

public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("sozial: not implemented yet");
        return 2;
    }
}
