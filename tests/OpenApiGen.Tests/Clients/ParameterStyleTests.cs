using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>
/// Parameter styles as OpenAPI's style table writes them, by a client generated from a purpose-written spec, compiled
/// and sent to Kestrel; the request target is asserted as it went on the wire (escapes included), not as a server
/// decodes it.
/// </summary>
public sealed class ParameterStyleTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Styles, version: '1'}
        paths:
          /items/{simple}/{label}/{matrix}/{matrixList}/{labelObject}:
            get:
              operationId: find
              parameters:
                - {name: simple, in: path, required: true, schema: {type: array, items: {type: string}}}
                - {name: label, in: path, required: true, style: label, schema: {type: string}}
                - {name: matrix, in: path, required: true, style: matrix, schema: {type: string}}
                - {name: matrixList, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}}
                - {name: labelObject, in: path, required: true, style: label, explode: true, schema: {$ref: '#/components/schemas/Color'}}
                - {name: filter, in: query, required: true, style: deepObject, explode: true, schema: {$ref: '#/components/schemas/Filter'}}
                - {name: ids, in: query, required: true, style: form, explode: false, schema: {type: array, items: {type: string}}}
                - {name: words, in: query, required: true, style: spaceDelimited, schema: {type: array, items: {type: string}}}
                - {name: pipes, in: query, required: true, style: pipeDelimited, schema: {type: array, items: {type: string}}}
                - {name: color, in: query, required: true, explode: false, schema: {$ref: '#/components/schemas/Color'}}
              responses:
                '204': {description: none}
        components:
          schemas:
            Color: {type: object, properties: {R: {type: integer}, G: {type: integer}}}
            ByName: {type: object, required: [name], properties: {name: {type: string}, exact: {type: boolean}}}
            ByRange: {type: object, required: [from], properties: {from: {type: integer}, to: {type: integer}}}
            Filter: {oneOf: [{$ref: '#/components/schemas/ByName'}, {$ref: '#/components/schemas/ByRange'}]}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(static () => GeneratorHarness.Run(new[] { new SpecSource("/specs/styles.yaml", Spec, "Styles", "StylesClient") }));

    private static readonly Lazy<Assembly> s_assembly = new(static () =>
    {
        Assert.Empty(s_run.Value.CompilationProblems);
        Assert.Empty(s_run.Value.GeneratorDiagnostics);
        return s_run.Value.Load();
    });

    [Theory]
    [InlineData("""{"from":1,"to":5}""", "filter%5Bfrom%5D=1&filter%5Bto%5D=5")]
    [InlineData("""{"name":"green tea","exact":true}""", "filter%5Bname%5D=green%20tea&filter%5Bexact%5D=true")]
    public async Task Each_style_is_written_as_the_style_table_says(string filter, string deepObject)
    {
        var targets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            targets.Enqueue(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        await FindAsync(server, filter);

        // simple: a,b (the comma inside a value escaped, the one between values not); label .x; matrix ;matrix=y,
        // exploded ;matrixList=1;matrixList=2; label exploded object .R=1.G=2. The query: the union's chosen case in
        // deepObject form (not its JSON text), form without explode a,b; spaceDelimited x%20y; pipeDelimited p|q
        // (which .NET's Uri escapes as %7C); a form object without explode color=R,1,G,2.
        Assert.Equal(
            "/items/a,b%2Cc/.x/;matrix=y/;matrixList=1;matrixList=2/.R=1.G=2"
            + "?" + deepObject + "&ids=a,b&words=x%20y&pipes=p%7Cq&color=R,1,G,2",
            Assert.Single(targets));
    }

    [Fact]
    public void The_union_goes_through_its_JSON_metadata_and_not_its_text()
    {
        var client = s_run.Value.Source("StylesClient.StylesClient.g.cs");

        Assert.Contains(".QueryObject(\"filter\", filter, global::Styles.StylesJsonContext.Default.Filter, style: global::OpenApiGen.Runtime.ParameterStyle.DeepObject)", client, StringComparison.Ordinal);
        Assert.DoesNotContain("FromObject", client, StringComparison.Ordinal);
    }

    private static async Task FindAsync(LoopbackServer server, string filter)
    {
        var options = Activator.CreateInstance(Type("StylesClientOptions"))!;
        Type("StylesClientOptions").GetProperty("BaseAddress")!.SetValue(options, server.Address);
        var client = Activator.CreateInstance(Type("StylesClient"), new HttpClient(), options)!;
        var arguments = new object?[]
        {
            new List<string> { "a", "b,c" }, "x", "y", new List<long> { 1, 2 }, Read("""{"R":1,"G":2}""", "Color"), Read(filter, "Filter"),
            new List<string> { "a", "b" }, new List<string> { "x", "y" }, new List<string> { "p", "q" }, Read("""{"R":1,"G":2}""", "Color"),
            null, CancellationToken.None,
        };
        var method = Type("StylesClient").GetMethod("FindAsync")!;
        if (method.GetParameters()[3].ParameterType == typeof(List<int>))
        {
            arguments[3] = new List<int> { 1, 2 };
        }

        await (Task)method.Invoke(client, arguments)!;
    }

    private static object Read(string json, string type)
    {
        var context = (JsonSerializerContext)Type("StylesJsonContext").GetProperty("Default")!.GetValue(null)!;
        return JsonSerializer.Deserialize(json, context.GetTypeInfo(Type(type))!)!;
    }

    private static Type Type(string name) => s_assembly.Value.GetType("Styles." + name, throwOnError: true)!;
}
