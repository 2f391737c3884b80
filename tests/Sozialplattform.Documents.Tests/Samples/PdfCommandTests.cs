using Sozialplattform.Cli;

namespace Sozialplattform.Documents.Tests.Samples;

/// <summary><c>sozial pdf</c>: 0 written, 1 answers invalid (listed), 2 unusable input.</summary>
public sealed class PdfCommandTests : IDisposable
{
    private const string Haushalt = "samples/forms/haushalt/1.0.0";
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"sozial-pdf-{Guid.NewGuid():N}.pdf");

    public void Dispose() => File.Delete(_output);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, SampleForms.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Valid_answers_give_a_pdf_and_exit_code_0_and_the_same_bytes_every_time()
    {
        string[] args = ["pdf", $"{Haushalt}/form.json", $"{Haushalt}/answers/valid.json", "-o", _output, "--reference", "SP-1", "--submitted-at", "2026-11-25T10:15:00+01:00", "--today", "2026-11-25"];

        var (exit, output, _) = Run(args);
        var first = File.ReadAllBytes(_output);
        Run(args);

        exit.ShouldBe(0);
        output.ShouldContain("page(s)");
        first.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        File.ReadAllBytes(_output).ShouldBe(first);
    }

    [Fact]
    public void Invalid_answers_are_listed_with_exit_code_1_and_no_pdf()
    {
        var (exit, _, error) = Run("pdf", $"{Haushalt}/form.json", $"{Haushalt}/answers/invalid.json", "-o", _output, "--today", "2026-11-25");

        exit.ShouldBe(1);
        error.ShouldContain("[required]");
        error.ShouldContain("no PDF written");
        File.Exists(_output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("pdf", Haushalt + "/form.json", "missing.json", "-o", "x.pdf")]
    [InlineData("pdf", Haushalt + "/form.json", Haushalt + "/answers/valid.json")]
    [InlineData("pdf", Haushalt + "/form.json", Haushalt + "/answers/valid.json", "-o", "x.pdf", "--submitted-at", "yesterday")]
    public void Unusable_input_ends_with_exit_code_2(params string[] args) =>
        Run(args).Exit.ShouldBe(2);
}
