using System.Globalization;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// In a client of several documents, a type both define is one type when they define it alike in shape, whatever
/// their docs say; it is renamed in the later document (OAG040) when anything the generated code does differs. Each
/// inline member type is compared on its own: one alike in both is shared even when the type that holds it is renamed.
/// </summary>
public sealed class ClientGroupShapeTests
{
    private const string Namespace = "Groups.Jobs";

    // Alpha and Beta define Job alike; every description, title and example differs between them.
    private static SpecSource Spec(string name, string variation = "")
    {
        var text = $$"""
            openapi: 3.0.3
            info: {title: {{name}}, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /{{name}}/job:
                get:
                  operationId: get{{name}}Job
                  responses:
                    '200':
                      description: The job.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Job'}
            components:
              schemas:
                Job:
                  type: object
                  title: {{name}} job
                  description: {{name}}'s job.
                  required: [id]
                  properties:
                    id: {type: integer, format: int64, default: 1, description: '{{name}}''s id.', example: 4}
                    status:
                      type: string
                      enum: [queued, done]
                      description: Where {{name}}'s job is.
                    error:
                      type: object
                      description: What went wrong at {{name}}.
                      properties:
                        code: {type: string, description: '{{name}}''s code.', example: '{{name}}-1'}
            """;
        foreach (var change in variation.Split(" | ", StringSplitOptions.RemoveEmptyEntries))
        {
            var (from, to) = (change.Split(" => ")[0], change.Split(" => ")[1]);
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return new SpecSource($"/specs/{name.ToLowerInvariant()}.yaml", text, Namespace, "JobsClient");
    }

    public static TheoryData<string, string, string[]> Variations => new()
    {
        // What Beta changes, and which of its types are renamed for it (the others are Alpha's).
        { "docs only", "", [] },
        { "an enum value", "[queued, done] => [queued, done, failed]", ["JobStatus", "Job"] },
        { "a format", "format: int64 => format: int32", ["Job"] },
        { "a default", "default: 1, => default: 2,", ["Job"] },
        { "a required member", "required: [id] => required: [id, status]", ["Job"] },
        { "nullability", "code: {type: string, => code: {type: string, nullable: true,", ["JobError", "Job"] },
        { "a constraint", "code: {type: string, => code: {type: string, maxLength: 8,", ["JobError", "Job"] },
        { "a wire name", "code: {type: string, => error_code: {type: string,", ["JobError", "Job"] },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public void A_type_is_shared_when_alike_in_shape_and_renamed_when_anything_the_code_does_differs(string what, string variation, string[] renamed)
    {
        var run = GeneratorHarness.Run([Spec("Alpha"), Spec("Beta", variation)], "Groups");

        Assert.Empty(run.CompilationProblems);
        var hints = run.Sources.Select(static s => s.HintName[("JobsClient.".Length)..^".g.cs".Length]).ToHashSet();
        foreach (var type in new[] { "Job", "JobStatus", "JobError" })
        {
            Assert.True(hints.Contains(type), $"{what}: no {type}");
            Assert.True(hints.Contains("Beta" + type) == renamed.Contains(type), $"{what}: Beta{type} {(renamed.Contains(type) ? "missing" : "emitted")}");
        }

        var reported = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG040").Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(renamed.Length, reported.Count);
        Assert.All(renamed, type => Assert.Contains(reported, m => m.Contains($"'{type}'", StringComparison.Ordinal) && m.EndsWith($"this one is named 'Beta{type}'", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_shared_type_has_the_first_documents_docs_in_path_order_whatever_order_the_items_come_in()
    {
        var forward = GeneratorHarness.Run([Spec("Alpha"), Spec("Beta")], "Groups");
        var backward = GeneratorHarness.Run([Spec("Beta"), Spec("Alpha")], "Groups");

        var job = forward.Source("JobsClient.Job.g.cs");
        Assert.Contains("Alpha's job.", job, StringComparison.Ordinal);
        Assert.Contains("Alpha's id.", job, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta", job, StringComparison.Ordinal);
        Assert.Contains("Where Alpha's job is.", forward.Source("JobsClient.JobStatus.g.cs"), StringComparison.Ordinal);
        Assert.Equal(forward.Sources.Select(static s => (s.HintName, s.Text)), backward.Sources.Select(static s => (s.HintName, s.Text)));
    }

    [Fact]
    public void Deprecation_is_part_of_the_shape_as_it_is_an_attribute_callers_compile_against()
    {
        var run = GeneratorHarness.Run([Spec("Alpha"), Spec("Beta", "enum: [queued, done] => enum: [queued, done]\n          deprecated: true")], "Groups");

        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Sources, static s => s.HintName == "JobsClient.BetaJob.g.cs");
        Assert.Contains("[global::System.Obsolete]", run.Source("JobsClient.BetaJob.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("[global::System.Obsolete]", run.Source("JobsClient.Job.g.cs"), StringComparison.Ordinal);
    }
}
