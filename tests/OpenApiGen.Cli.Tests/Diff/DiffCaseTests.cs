using System.Text.RegularExpressions;
using OpenApiGen.Cli.Diff;
using OpenApiGen.Cli.Tests.Infrastructure;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Cli.Tests.Diff;

/// <summary>
/// <c>openapigen diff</c> over pairs of purpose-written spec versions (<c>TestData/Diff/CASE/old.*</c> and
/// <c>new.*</c>), each report held to its <c>report.verified.txt</c>; together the cases cover every rule of every
/// class, so a rule nobody can trigger (or one that stopped firing) fails here.
/// </summary>
public sealed partial class DiffCaseTests
{
    private static readonly string s_cases = Path.Combine(RepoPaths.TestData, "Diff");

    private static IReadOnlyList<string> CaseNames { get; } = Directory.GetDirectories(s_cases).Select(static d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Cases() => new(CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_report_is_the_reviewed_one_and_the_exit_code_says_whether_anything_breaks(string name)
    {
        var (code, report) = Diff(name);

        Snapshot.Verify(Path.Combine(s_cases, name), "report", report, "txt");
        Assert.Equal(report.Contains("\nBreaking (", StringComparison.Ordinal) ? 1 : 0, code);
    }

    [Theory]
    [InlineData("members", 1)]
    [InlineData("enums-and-unions", 1)]
    [InlineData("operations", 1)]
    [InlineData("bodies-and-results", 1)]
    [InlineData("client", 1)]
    [InlineData("hierarchy", 1)]
    [InlineData("docs", 0)]
    [InlineData("unchanged", 0)]
    public void Each_case_exits_as_ci_needs(string name, int expected)
    {
        Assert.Equal(expected, Diff(name).Code);
    }

    [Fact]
    public void The_cases_cover_every_rule_of_every_class()
    {
        var fired = CaseNames.SelectMany(c => RuleId().Matches(Diff(c).Report).Select(static m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

        var missing = ChangeRules.All.Select(static r => r.Id).Where(id => !fired.Contains(id)).ToList();
        var unknown = fired.Where(id => ChangeRules.All.All(r => r.Id != id)).ToList();
        Assert.True(missing.Count == 0, "No case fires: " + string.Join(", ", missing));
        Assert.Empty(unknown);
        Assert.Equal(Enum.GetValues<ChangeClass>().Order(), ChangeRules.All.Where(r => fired.Contains(r.Id)).Select(static r => r.Class).Distinct().Order());
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        Assert.Equal(ChangeRules.All.Count, ChangeRules.All.Select(static r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Runs the diff of a case in-process; paths in the report are written from the test data folder, so the report reads the same on every machine.</summary>
    private static (int Code, string Report) Diff(string name)
    {
        var directory = Path.Combine(s_cases, name);
        var old = Directory.GetFiles(directory, "old.*").Single();
        var @new = Directory.GetFiles(directory, "new.*").Single();
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = DiffCommand.Run(new DiffRequest(new FileInfo(old), new FileInfo(@new), [], "ShopClient", Json: false), output, errors, CancellationToken.None);

        Assert.True(errors.ToString().Length == 0, errors.ToString());
        return (code, output.ToString().Replace("\r\n", "\n").Replace(RepoPaths.TestData + Path.DirectorySeparatorChar, "TestData/", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\[([a-z-]+)\]$", RegexOptions.Multiline)]
    private static partial Regex RuleId();
}
