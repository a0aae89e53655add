using System.Text.RegularExpressions;

namespace QwenImageEdit.Testing;

/// <summary>One thing wrong with a request, where (<c>$.input.prompt</c>, <c>query taskId</c>) and what.</summary>
internal sealed partial record SchemaProblem(string Location, string Message)
{
    /// <summary>The field as the vendors name it in <c>param</c>: the path without <c>$.</c> and item indexes.</summary>
    public string Param
    {
        get
        {
            var name = Location.StartsWith("query ", StringComparison.Ordinal) ? Location[6..] : Location.TrimStart('$').TrimStart('.');
            return Indexes().Replace(name, string.Empty);
        }
    }

    public override string ToString() => $"{Param}: {Message}";

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indexes();
}
