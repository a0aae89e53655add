using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// Each vendor's documents as the one client src/QwenImageEdit.Vendors makes of them: one client class, no method
/// renamed (the fal overlays and Replicate's model documents name each model's calls), and only the types that differ
/// in shape renamed, each reported.
/// </summary>
public sealed class VendorGroupTests
{
    public static TheoryData<string, string, string[]> Vendors => new()
    {
        { "evolink/tasks.yaml", "EvoLinkClient", [] },
        { "modelslab/fetch.yaml", "ModelsLabClient", [] },
        // The ApiResponse envelope differs in each document (file-upload.yaml's, first by path, keeps the name).
        { "apikley/record-info.yaml", "ApikleyClient", ["QwenImageEditApiResponse", "RecordInfoApiResponse"] },
        { "fal/qwen-image-edit.yaml", "FalClient", [] },
        // Each model document types its input; qwen-image-edit-plus.yaml, first by path, keeps the names.
        { "replicate/openapi.json", "ReplicateClient", ["QwenImageEditInput", "QwenImageEditPrediction", "QwenImageEditPredictionRequest"] },
    };

    [Theory]
    [MemberData(nameof(Vendors))]
    public void A_vendors_documents_make_one_client_renaming_only_the_types_that_differ_in_shape(string spec, string client, string[] renamed)
    {
        Assert.True(VendorSpecs.Group(spec).Count > 1, $"{spec} is a client of one document");

        var run = GeneratorHarness.Run(VendorSpecs.Sources(spec));

        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Single(run.Sources, s => s.Text.Contains($"public partial class {client} ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG041");
        var reported = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG040")
            .Select(static d => Regex.Match(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "this one is named '([^']+)'").Groups[1].Value)
            .Order(StringComparer.Ordinal);
        Assert.Equal(renamed, reported);
    }
}
