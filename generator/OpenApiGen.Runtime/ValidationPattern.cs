using System.ComponentModel;
using System.Text.RegularExpressions;

namespace OpenApiGen.Runtime;

/// <summary>
/// Makes the regexes of the spec's <c>pattern</c> keywords that generated <c>Validate()</c> methods run. A pattern comes
/// from a document nobody here wrote and runs on data a caller may not control, so it must take bounded time
/// (<c>^(a+)+$</c> backtracks exponentially on <c>aaaa…b</c>): it runs on .NET's non-backtracking engine, linear in
/// the input, and only a pattern that engine refuses (lookarounds, backreferences, atomic or conditional groups) on
/// the backtracking one, stopped after <see cref="MatchTimeout"/>.
/// </summary>
/// <remarks>
/// Decided here, at run time, rather than by the generator: the generator runs on hosts (.NET Framework's compiler)
/// whose regex library has no non-backtracking engine to ask, and its output must be the same on every host.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidationPattern
{
    /// <summary>How long a pattern the non-backtracking engine refuses may take on one value before the check fails.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The pattern as a regex that takes bounded time on any input.</summary>
    /// <param name="pattern">The spec's pattern (ECMA-262 as .NET reads it; the generator left out those .NET cannot parse).</param>
    public static Regex Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Constructs only backtracking can match, or a pattern too large to unfold into the automaton.
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}
