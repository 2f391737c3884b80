using System.Diagnostics;
using CsCheck;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>
/// Runs a property over cases drawn from a CsCheck generator with a fixed seed: the same cases in the same order on
/// every run (CsCheck's own Sample draws every case after the first from a fresh seed). Bounded by a case count
/// and a time budget, so a busy machine runs fewer cases, never a longer test; a failure names the case number,
/// the seed and the case itself, so it can be replayed.
/// </summary>
public static class Fuzz
{
    /// <summary>The seed every fuzz test starts from (CsCheck's PCG, stream 2026, state 12).</summary>
    public static readonly string Seed = new PCG(2026, 12).ToString();

    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(12);

    /// <summary>SOZIAL_FUZZ_SECONDS=600 runs a longer search (same seed, 100 times the cases) when hunting for bugs.</summary>
    private static readonly int? LongRunSeconds = int.TryParse(Environment.GetEnvironmentVariable("SOZIAL_FUZZ_SECONDS"), out var seconds) ? seconds : null;

    /// <summary>Returns how many cases ran (at least <paramref name="minimumCases"/>, whatever the budget).</summary>
    public static int Check<T>(Gen<T> gen, Action<T> property, Func<T, string> describe, int cases, int minimumCases = 20, TimeSpan? budget = null)
    {
        var pcg = PCG.Parse(Seed);
        var clock = Stopwatch.StartNew();
        if (LongRunSeconds is { } longRun) (cases, budget) = (cases * 100, TimeSpan.FromSeconds(longRun));
        var ran = 0;
        for (; ran < cases && (ran < minimumCases || clock.Elapsed < (budget ?? DefaultBudget)); ran++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"case {ran} (seed {Seed}) failed: {e.GetType().Name}: {e.Message}\n--- case ---\n{Truncate(describe(value))}", e);
            }
        }

        return ran;
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + $"… ({text.Length} characters)";
}

public sealed class FuzzFailure(string message, Exception inner) : Exception(message, inner);
