using System.Text.RegularExpressions;

namespace OpenApiGen.Runtime.Tests;

/// <summary>A spec's pattern runs in bounded time on any value (ReDoS), and a check that runs out of time fails at its path.</summary>
public sealed class ValidationPatternTests
{
    [Fact]
    public void A_pattern_that_backtracks_exponentially_runs_on_the_non_backtracking_engine()
    {
        var pattern = ValidationPattern.Create("^(a+)+$");
        Assert.True(pattern.Options.HasFlag(RegexOptions.NonBacktracking));

        // Tens of thousands of steps on this engine; 2^5000 on the backtracking one.
        var collector = new ValidationCollector();
        collector.Pattern("$.value", new string('a', 5000) + "!", pattern);
        collector.Pattern("$.other", new string('a', 5000), pattern);

        var error = Assert.Single(collector.Errors);
        Assert.Equal(("$.value", "pattern"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData("^(?=a)(a|aa)+$")]
    [InlineData(@"^(a)(a|aa)+\1?$")]
    [InlineData("^(?>a|aa)(a|aa)+$")]
    public void A_pattern_the_non_backtracking_engine_refuses_runs_with_a_timeout_and_running_out_of_it_fails_the_check(string text)
    {
        var pattern = ValidationPattern.Create(text);
        Assert.False(pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(ValidationPattern.MatchTimeout, pattern.MatchTimeout);

        var collector = new ValidationCollector();
        collector.Pattern("$.items[3].code", "aaaa", pattern);
        Assert.Empty(collector.Errors);

        // About 1.6^80 steps: stopped by the timeout, reported as a failed check, never thrown.
        collector.Pattern("$.items[3].code", new string('a', 80) + "!", pattern);
        var error = Assert.Single(collector.Errors);
        Assert.Equal(("$.items[3].code", "pattern"), (error.Path, error.Rule));
        Assert.Contains("could not be checked against the pattern", error.Message, StringComparison.Ordinal);
    }
}
