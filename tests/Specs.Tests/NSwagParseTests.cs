using NSwag;

namespace Specs.Tests;

/// <summary>Every spec also parses with an independent OpenAPI reader (NSwag's), so we are not grading our own homework.</summary>
public class NSwagParseTests
{
    [Theory]
    [MemberData(nameof(SpecFiles.Documents), MemberType = typeof(SpecFiles))]
    public async Task Spec_parses_with_NSwag(string spec)
    {
        var path = Path.Combine(SpecFiles.SpecsDirectory, spec);
        // JSON through the JSON reader: NSwag's YAML reader mangles some escapes of valid JSON (Replicate's `\\` before a line break).
        var document = spec.EndsWith(".json", StringComparison.Ordinal) ? await OpenApiDocument.FromFileAsync(path) : await OpenApiYamlDocument.FromFileAsync(path);

        // NSwag resolves every $ref while loading and throws on a dangling one; what it read must be a real API.
        Assert.NotEmpty(document.Paths);
        Assert.False(string.IsNullOrEmpty(document.Info.Title));
        foreach (var operation in document.Operations)
        {
            Assert.NotNull(operation.Operation.Responses);
            Assert.NotEmpty(operation.Operation.Responses);
        }
    }
}
