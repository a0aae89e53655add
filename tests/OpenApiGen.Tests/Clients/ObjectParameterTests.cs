using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>
/// Object parameters, written as OpenAPI's styles say (members, not the .NET type's name), by a client generated from a
/// purpose-written spec, compiled, loaded and run against Kestrel.
/// </summary>
public sealed class ObjectParameterTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Filters, version: '1'}
        paths:
          /search/{range}:
            get:
              operationId: search
              parameters:
                - {name: range, in: path, required: true, schema: {$ref: '#/components/schemas/Range'}}
                - {name: filter, in: query, style: deepObject, explode: true, schema: {$ref: '#/components/schemas/Filter'}}
                - {name: page, in: query, schema: {$ref: '#/components/schemas/Page'}}
                - {name: sort, in: query, style: form, explode: false, schema: {$ref: '#/components/schemas/Sort'}}
                - {name: X-Range, in: header, schema: {$ref: '#/components/schemas/Range'}}
                - {name: where, in: query, content: {application/json: {schema: {$ref: '#/components/schemas/Range'}}}}
              responses:
                '204': {description: nothing}
        components:
          schemas:
            Range: {type: object, properties: {from: {type: integer}, to: {type: integer}}}
            Filter:
              type: object
              properties:
                name: {type: string}
                tags: {type: array, items: {type: string}}
                owner: {type: object, properties: {id: {type: string}}}
                missing: {type: string}
            Page: {type: object, properties: {limit: {type: integer}, cursor: {type: string}}}
            Sort: {type: object, properties: {field: {type: string}, desc: {type: boolean}}}
        """;

    private static readonly Lazy<Assembly> s_assembly = new(static () =>
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/filters.yaml", Spec, "Filters", "FiltersClient") });
        Assert.Empty(run.CompilationProblems);
        return run.Load();
    });

    [Fact]
    public async Task Each_style_writes_the_objects_members()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        await SearchAsync(
            server,
            range: """{"from":1,"to":5}""",
            filter: """{"name":"green tea","tags":["a","b"],"owner":{"id":"o1"}}""",
            page: """{"limit":10,"cursor":"c/1"}""",
            sort: """{"field":"name","desc":true}""");

        var request = Assert.Single(server.Requests);

        // simple (path and header): k,v,k,v; deepObject: name[k]=v, nested name[k][k2]=v, a list once per item, a
        // member without a value left out; form exploded: each member its own pair; form: name=k,v,k,v (the commas the
        // style adds not escaped, RFC 6570's form expansion); a parameter
        // described by JSON content: its JSON text.
        Assert.Equal("/search/from,1,to,5", request.Path);
        Assert.Equal("from,1,to,5", request.Headers["X-Range"]);
        Assert.Equal(
            "?" + string.Join("&", new[]
            {
                ("filter[name]", "green tea"), ("filter[tags]", "a"), ("filter[tags]", "b"), ("filter[owner][id]", "o1"),
                ("limit", "10"), ("cursor", "c/1"),
                ("sort", "field,name,desc,true"),
                ("where", """{"from":1,"to":5}"""),
            }.Select(static p => Uri.EscapeDataString(p.Item1) + "=" + (p.Item1 == "sort" ? p.Item2 : Uri.EscapeDataString(p.Item2)))),
            request.Query);
    }

    [Fact]
    public async Task Optional_objects_left_out_are_not_sent()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        await SearchAsync(server, range: """{"from":1}""", filter: null, page: null, sort: null);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/search/from,1", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.False(request.Headers.ContainsKey("X-Range"));
    }

    private static async Task SearchAsync(LoopbackServer server, string range, string? filter, string? page, string? sort)
    {
        var options = Activator.CreateInstance(Type("FiltersClientOptions"))!;
        Type("FiltersClientOptions").GetProperty("BaseAddress")!.SetValue(options, server.Address);
        var client = Activator.CreateInstance(Type("FiltersClient"), new HttpClient(), options)!;
        var method = Type("FiltersClient").GetMethod("SearchAsync")!;
        var xRange = filter is null ? null : Read(range, "Range");

        var where = filter is null ? null : Read(range, "Range");

        // Five optional parameters: past the threshold, they travel in the operation's options class.
        var bag = Activator.CreateInstance(Type("SearchOptions"))!;
        foreach (var (property, value) in new[] { ("Filter", Read(filter, "Filter")), ("Page", Read(page, "Page")), ("Sort", Read(sort, "Sort")), ("XRange", xRange), ("Where", where) })
        {
            Type("SearchOptions").GetProperty(property)!.SetValue(bag, value);
        }

        await (Task)method.Invoke(client, new[] { Read(range, "Range"), bag, CancellationToken.None })!;
    }

    private static object? Read(string? json, string type)
    {
        var context = (JsonSerializerContext)Type("FiltersJsonContext").GetProperty("Default")!.GetValue(null)!;
        return json is null ? null : JsonSerializer.Deserialize(json, context.GetTypeInfo(Type(type))!);
    }

    private static Type Type(string name) => s_assembly.Value.GetType("Filters." + name, throwOnError: true)!;
}
