using System.Text.RegularExpressions;

namespace Specs.Tests;

/// <summary>specs/README.md is the catalogue of specs: a file without a row there is a file nobody vouched for.</summary>
public partial class SpecCatalogTests
{
    [Fact]
    public void Every_spec_file_has_a_row_in_the_specs_readme()
    {
        var rows = CatalogRows();
        var missing = SpecFiles.All.Where(file => !rows.Contains(file)).ToList();
        Assert.True(missing.Count == 0, "Add a row to specs/README.md for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_of_the_specs_readme_names_an_existing_file()
    {
        var files = SpecFiles.All.ToHashSet(StringComparer.Ordinal);
        var stale = CatalogRows().Where(row => !files.Contains(row)).ToList();
        Assert.True(stale.Count == 0, "specs/README.md lists files that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_row_says_where_the_spec_came_from_when_and_how()
    {
        foreach (var line in CatalogTable().Where(static l => RowPattern().IsMatch(l)))
        {
            var cells = line.Split('|').Select(static c => c.Trim()).ToArray();

            // | Spec | Vendor API | Source URL | Read on | Status | Notes |
            Assert.StartsWith("https://", cells[3], StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", cells[4]);
            Assert.Contains(cells[5], new[] { "verbatim", "rebuilt", "overlay" });
        }
    }

    /// <summary>The lines of the catalogue table: from the "## Specs" heading to the next heading.</summary>
    private static IEnumerable<string> CatalogTable()
        => File.ReadAllLines(Path.Combine(SpecFiles.SpecsDirectory, "README.md"))
            .SkipWhile(static l => l != "## Specs")
            .Skip(1)
            .TakeWhile(static l => !l.StartsWith("## ", StringComparison.Ordinal));

    private static HashSet<string> CatalogRows()
    {
        return CatalogTable()
            .Select(static l => RowPattern().Match(l))
            .Where(static m => m.Success)
            .Select(static m => m.Groups["file"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*`(?<file>[^`]+\.(yaml|yml|json))`\s*\|")]
    private static partial Regex RowPattern();
}
