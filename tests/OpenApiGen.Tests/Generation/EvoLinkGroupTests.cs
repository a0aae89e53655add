using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>EvoLink's four documents (create, create plus, tasks, files) as the one client a user would want.</summary>
public sealed class EvoLinkGroupTests
{
    private static readonly string[] s_documents = ["evolink/qwen-image-edit.yaml", "evolink/qwen-image-edit-plus.yaml", "evolink/tasks.yaml", "evolink/files.yaml"];

    // As four clients, each document in a namespace of its own (as src/QwenImageEdit.Vendors had them), or as the one it has now.
    private static IEnumerable<SpecSource> Sources(bool group) => group
        ? VendorSpecs.Sources(s_documents[0])
        : s_documents.SelectMany(spec =>
        {
            var stem = OpenApiGen.Naming.Identifier.ToPascalCase(Path.GetFileName(spec).Split('.')[0]);
            return VendorSpecs.Own(spec).Select(s => s.OverlayFor is null ? s with { Namespace = "EvoLink." + stem, ClientName = stem + "Client" } : s);
        });

    // Measured when this was written: 59 files and 5,384 lines as four clients, 40 files and 3,852 lines as one.
    [Fact]
    public void The_four_documents_make_one_client_that_compiles_without_warnings_and_one_error_type()
    {
        var separate = GeneratorHarness.Run(Sources(group: false));
        var run = GeneratorHarness.Run(Sources(group: true));

        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity >= DiagnosticSeverity.Warning);
        var hints = run.Sources.Select(static s => s.HintName).ToList();
        Assert.Single(run.Sources, static s => s.Text.Contains("public partial class EvoLinkClient ", StringComparison.Ordinal));
        Assert.Single(run.Sources, static s => s.Text.Contains("public sealed partial class EvoLinkClientOptions", StringComparison.Ordinal));

        // ErrorResponse, alike in the three documents that define it, is one type; the four documents' own embedded copies stay.
        Assert.Equal(3, separate.Sources.Count(static s => s.HintName.EndsWith(".ErrorResponse.g.cs", StringComparison.Ordinal)));
        Assert.Single(hints, static h => h.EndsWith(".ErrorResponse.g.cs", StringComparison.Ordinal));
        Assert.Equal(4, hints.Count(static h => h.EndsWith("OpenApiDocument.g.cs", StringComparison.Ordinal)));
        Assert.True(run.Sources.Length < separate.Sources.Length, $"{run.Sources.Length} files, against {separate.Sources.Length} for four clients");

        // The file API's server is not the others': its operations carry it.
        var client = run.Source("EvoLinkClient.EvoLinkClient.g.cs");
        Assert.Equal(3, client.Split(".ServedFrom(\"https://files-api.evolink.ai/\")").Length - 1);
        var server = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG043");
        Assert.EndsWith("files.yaml", server.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }
}
