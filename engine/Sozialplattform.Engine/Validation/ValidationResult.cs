using System.Text.Json.Nodes;
using Sozialplattform.Engine.Evaluation;

namespace Sozialplattform.Engine.Validation;

/// <summary>The server's verdict on a set of answers: errors (blocking), warnings (not blocking), the state and the cleaned answers.</summary>
public sealed class ValidationResult
{
    public required IReadOnlyList<FieldError> Errors { get; init; }
    public required IReadOnlyList<FieldError> Warnings { get; init; }
    public required FormState State { get; init; }

    /// <summary>The answers as they will be submitted: hidden answers dropped, computed values recomputed, normalised.</summary>
    public JsonObject CleanAnswers => State.Answers;

    public bool IsValid => Errors.Count == 0;
}
