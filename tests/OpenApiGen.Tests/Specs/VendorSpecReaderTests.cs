using OpenApiGen.Building;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Specs;

/// <summary>
/// Every vendor spec, with its overlays applied, is read by Microsoft.OpenApi 3.x without errors; whatever the reader
/// warns about (with and without overlays) is listed in specs/README.md, not ignored.
/// </summary>
public class VendorSpecReaderTests
{
    [Theory]
    [MemberData(nameof(VendorSpecs.EverySpec), MemberType = typeof(VendorSpecs))]
    public void Spec_with_its_overlays_reads_without_errors(string spec)
    {
        var diagnostics = Read(VendorSpecs.Own(spec), out var read);

        Assert.NotNull(read);
        var errors = diagnostics.Where(static d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(static e => $"{e.Id} line {e.Span.StartLine + 1}: {string.Join(", ", e.Arguments)}")));
        Assert.NotEmpty(read!.Document.Paths);
    }

    [Theory]
    [MemberData(nameof(VendorSpecs.EverySpec), MemberType = typeof(VendorSpecs))]
    public void Reader_warnings_are_listed_in_the_specs_readme(string spec)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Specs, "README.md"));
        var section = readme[readme.IndexOf("## Reader warnings", StringComparison.Ordinal)..];

        var published = Read(VendorSpecs.Own(spec).Take(1).ToList(), out _);
        var corrected = Read(VendorSpecs.Own(spec), out _);
        var unlisted = published.Concat(corrected)
            .Where(static d => d.Id is "OAG002" or "OAG003")
            .Select(d => $"| `{spec}` | {d.Arguments[0]} |")
            .Distinct()
            .Where(row => !section.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.True(unlisted.Count == 0, "Add these rows under '## Reader warnings' in specs/README.md:\n" + string.Join("\n", unlisted));
    }

    private static List<DiagnosticInfo> Read(IReadOnlyList<SpecSource> sources, out ReadSpec? read)
    {
        var spec = sources[0];
        var input = new SpecInput(
            new SpecFile(spec.Path, false, spec.Path, spec.Namespace, spec.ClientName, spec.Text),
            sources.Skip(1).Select(static o => new SpecFile(o.Path, true, o.OverlayFor!, null, null, o.Text)).ToEquatableArray(),
            spec.Namespace ?? "Tests",
            spec.ClientName ?? "TestsClient",
            "Tests",
            EquatableArray<DiagnosticInfo>.Empty);
        var diagnostics = new List<DiagnosticInfo>();
        read = SpecReader.Read(input, diagnostics, CancellationToken.None);
        return diagnostics;
    }
}
