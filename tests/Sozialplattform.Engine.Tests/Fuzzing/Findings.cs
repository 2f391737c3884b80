using Sozialplattform.Engine.Localization;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>What "a specific message" means for the engine's findings.</summary>
public static class Findings
{
    /// <summary>Every finding names a code that has a message, in German and in English.</summary>
    public static void ShouldBeSpecific(ValidationResult result)
    {
        foreach (var finding in result.Errors.Concat(result.Warnings)) ShouldBeSpecific(finding);
    }

    public static void ShouldBeSpecific(FieldError finding)
    {
        finding.Code.ShouldNotBeNullOrWhiteSpace();
        if (finding.Message is null) Localizer.Default.Text(finding.Code, "de").ShouldNotBe(finding.Code, $"no message for the code {finding.Code}");
        finding.Text("de").ShouldNotBeNullOrWhiteSpace();
        finding.Text("en").ShouldNotBeNullOrWhiteSpace();
    }
}
