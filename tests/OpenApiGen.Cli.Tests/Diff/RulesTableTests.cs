using System.Text;
using OpenApiGen.Cli.Diff;
using OpenApiGen.Cli.Tests.Infrastructure;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Cli.Tests.Diff;

/// <summary>generator/OpenApiGen.Cli/README.md's table of the diff's rules is the rules the code has; ACCEPT_SNAPSHOTS=1 rewrites it.</summary>
public sealed class RulesTableTests
{
    private const string Start = "<!-- diff-rules: generated from Diff/ChangeRules.cs; a test keeps it equal to the code, ACCEPT_SNAPSHOTS=1 rewrites it -->";
    private const string End = "<!-- /diff-rules -->";

    [Fact]
    public void The_readme_lists_every_rule_as_the_code_has_it()
    {
        var readme = Path.Combine(RepoPaths.Root, "generator", "OpenApiGen.Cli", "README.md");
        var text = File.ReadAllText(readme).Replace("\r\n", "\n");
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{readme} has no '{Start}' ... '{End}' block");

        var expected = Table();
        var actual = text[(start + Start.Length + 1)..end];
        if (actual != expected && Snapshot.Accept)
        {
            File.WriteAllText(readme, text[..(start + Start.Length + 1)] + expected + text[end..], new UTF8Encoding(false));
            return;
        }

        Assert.True(actual == expected, "README.md's rules table differs from ChangeRules (accept with ACCEPT_SNAPSHOTS=1):\n" + LineDiff.Describe(actual, expected));
    }

    private static string Table()
    {
        var table = new StringBuilder();
        table.Append("| Rule | Class | When | oasdiff's nearest rule | Microsoft.DotNet.ApiCompat |\n");
        table.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var rule in ChangeRules.All)
        {
            table.Append($"| `{rule.Id}` | {DiffReport.ClassName(rule.Class)} | {Cell(rule.Description)} | {Cell(rule.Oasdiff)} | {Cell(rule.ApiCompat)} |\n");
        }

        return table.ToString();

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
    }
}
