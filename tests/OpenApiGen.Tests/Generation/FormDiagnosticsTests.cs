using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// Form bodies and parameter styles the generator cannot honour as written: each is reported at its line, and the
/// code it generates instead (the closest that is correct) compiles.
/// </summary>
public sealed class FormDiagnosticsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Odd, version: '1'}
        paths:
          /text:
            post:
              operationId: postText
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: string}
              responses: {'204': {description: ok}}
          /list:
            post:
              operationId: postList
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: array, items: {type: string}}
              responses: {'204': {description: ok}}
          /encoded:
            post:
              operationId: postEncoded
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        a: {type: array, items: {type: string}}
                        b: {type: string}
                        c: {type: string}
                    encoding:
                      missing: {style: form}
                      a: {style: matrix}
                      b: {contentType: image/png}
                      c: {allowReserved: true}
              responses: {'204': {description: ok}}
          /query:
            get:
              operationId: getQuery
              parameters:
                - {name: m, in: query, style: matrix, schema: {type: string}}
                - {name: d, in: query, style: deepObject, schema: {type: array, items: {type: string}}}
              responses: {'204': {description: ok}}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(static () => GeneratorHarness.Run(new[] { new SpecSource("/specs/odd.yaml", Spec, "Odd", "OddClient") }));

    [Theory]
    [InlineData("OAG050", "schema: {type: string}", "a string")]
    [InlineData("OAG050", "schema: {type: array, items: {type: string}}", "a list")]
    [InlineData("OAG051", "missing: {style: form}", "'missing'")]
    [InlineData("OAG052", "a: {style: matrix}", "style 'matrix'")]
    [InlineData("OAG052", "b: {contentType: image/png}", "contentType 'image/png'")]
    [InlineData("OAG053", "c: {allowReserved: true}", "'c'")]
    [InlineData("OAG054", "- {name: m, in: query, style: matrix", "'matrix', which OpenAPI defines for path parameters; it is written in style 'form'")]
    [InlineData("OAG054", "- {name: d, in: query, style: deepObject", "'deepObject', which OpenAPI defines for objects in the query")]
    public void What_cannot_be_honoured_is_reported_where_it_is_written(string id, string line, string says)
    {
        var expected = Spec.Split('\n').Select((text, index) => (text, index)).Single(l => l.text.TrimStart().StartsWith(line, StringComparison.Ordinal)).index;

        var diagnostic = Assert.Single(s_run.Value.GeneratorDiagnostics, d => d.Id == id && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(says, StringComparison.Ordinal));

        Assert.Equal("/specs/odd.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(id == "OAG053" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void The_closest_correct_code_is_generated_and_compiles()
    {
        var client = s_run.Value.Source("OddClient.OddClient.g.cs");

        Assert.Empty(s_run.Value.CompilationProblems);

        // A string form is the encoded text, sent as it is; a list has no form of its own, so the caller builds it;
        // the object is typed, its unhonoured encodings written as a member without one.
        Assert.Contains("PostTextAsync(string body, ", client, StringComparison.Ordinal);
        Assert.Contains(".Text(body, \"application/x-www-form-urlencoded\")", client, StringComparison.Ordinal);
        Assert.Contains("PostListAsync(global::System.Net.Http.HttpContent body, ", client, StringComparison.Ordinal);
        Assert.Contains(".Form(body, global::Odd.OddJsonContext.Default.PostEncodedRequest)", client, StringComparison.Ordinal);
        Assert.Contains(".Query(\"m\", m)", client, StringComparison.Ordinal);
        Assert.Contains(".Query(\"d\", d, static item => item)", client, StringComparison.Ordinal);
    }
}
