using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies from a purpose-written spec: typed (an inline schema's class, or the
/// component's model), written member by member with the spec's <c>encoding</c> honoured, optional when the spec
/// does not require them; compiled, loaded and sent to Kestrel, asserting the exact bytes.
/// </summary>
public sealed class FormBodyTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Forms, version: '1'}
        paths:
          /messages:
            post:
              operationId: sendMessage
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [To]
                      properties:
                        To: {type: string}
                        Count: {type: integer}
                        Price: {type: number}
                        SendAt: {type: string, format: date-time}
                        Kind: {type: string, enum: [sms, mms]}
                        MediaUrl: {type: array, items: {type: string}}
                        Owner: {type: object, properties: {id: {type: string}, tags: {type: array, items: {type: string}}}}
                        Lines: {type: array, items: {type: object, properties: {price: {type: string}, qty: {type: integer}}}}
                        Expand: {type: array, items: {type: string}}
                        Tags: {type: array, items: {type: string}}
                        Codes: {type: array, items: {type: integer}}
                        Extra: {type: object, properties: {a: {type: string}}}
                        Note: {type: string}
                    encoding:
                      Expand: {style: deepObject, explode: true}
                      Tags: {style: form, explode: false}
                      Codes: {style: pipeDelimited}
                      Extra: {contentType: application/json}
                      Owner: {style: deepObject}
              responses:
                '204': {description: sent}
          /pets:
            get:
              operationId: listPets
              responses:
                '204': {description: none}
            post:
              operationId: addPet
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '204': {description: added}
        components:
          schemas:
            Pet: {type: object, properties: {name: {type: string}, age: {type: integer}}}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(static () => GeneratorHarness.Run(new[] { new SpecSource("/specs/forms.yaml", Spec, "Forms", "FormsClient") }));

    private static readonly Lazy<Assembly> s_assembly = new(static () =>
    {
        Assert.Empty(s_run.Value.CompilationProblems);
        Assert.Empty(s_run.Value.GeneratorDiagnostics);
        return s_run.Value.Load();
    });

    [Fact]
    public async Task Every_member_is_written_in_its_style_and_invariantly()
    {
        await using var server = await NoContentServer();
        var body = Read("""
            {"To":"+1 555","Count":3,"Price":12.5,"SendAt":"2024-01-31T12:00:00+00:00","Kind":"mms","MediaUrl":["a","b"],
             "Owner":{"id":"o1","tags":["x"]},"Lines":[{"price":"p1","qty":2}],"Expand":["customer"],"Tags":["a","b"],
             "Codes":[1,2],"Extra":{"a":"z"}}
            """, "SendMessageRequest");

        // A culture that writes 12,5: numbers and dates must not follow it.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await CallAsync(server, "SendMessageAsync", body);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);

        // No encoding: a value, or a list of values, as OpenAPI's default (form, exploded); a structure nested.
        // Expand: deepObject, as Stripe reads it; Tags: form without explode; Codes: pipes; Extra: its JSON. Note is
        // null, so left out.
        Assert.Equal(
            "To=%2B1+555&Count=3&Price=12.5&SendAt=2024-01-31T12%3A00%3A00%2B00%3A00&Kind=mms&MediaUrl=a&MediaUrl=b"
            + "&Owner%5Bid%5D=o1&Owner%5Btags%5D%5B%5D=x&Lines%5B0%5D%5Bprice%5D=p1&Lines%5B0%5D%5Bqty%5D=2"
            + "&Expand%5B%5D=customer&Tags=a%2Cb&Codes=1%7C2&Extra=%7B%22a%22%3A%22z%22%7D",
            request.BodyText);
    }

    [Fact]
    public void The_method_takes_the_form_type_and_names_only_the_members_whose_encoding_changes_something()
    {
        var client = s_run.Value.Source("FormsClient.FormsClient.g.cs");

        Assert.Contains("SendMessageAsync(global::Forms.SendMessageRequest body, ", client, StringComparison.Ordinal);
        Assert.Contains("AddPetAsync(global::Forms.Pet? body = null, ", client, StringComparison.Ordinal);
        Assert.Contains(
            ".Form(body, global::Forms.FormsJsonContext.Default.SendMessageRequest, (\"Codes\", global::OpenApiGen.Runtime.FormStyle.PipeDelimited), (\"Expand\", global::OpenApiGen.Runtime.FormStyle.DeepObject), (\"Extra\", global::OpenApiGen.Runtime.FormStyle.Json), (\"Tags\", global::OpenApiGen.Runtime.FormStyle.FormNotExploded))",
            client,
            StringComparison.Ordinal);
        Assert.DoesNotContain("HttpContent", client, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_the_spec_does_not_require_may_be_left_out_and_then_nothing_is_sent()
    {
        await using var server = await NoContentServer();

        await CallAsync(server, "AddPetAsync", Read("""{"name":"Rex","age":3}""", "Pet"));
        await CallAsync(server, "AddPetAsync", new object?[] { null });
        await CallAsync(server, "ListPetsAsync");

        var requests = server.Requests.ToArray();
        Assert.Equal("name=Rex&age=3", requests[0].BodyText);
        Assert.Equal(("POST", null, 0), (requests[1].Method, requests[1].ContentType, requests[1].Body.Length));
        Assert.Equal(("GET", null, 0), (requests[2].Method, requests[2].ContentType, requests[2].Body.Length));
    }

    [Fact]
    public async Task A_required_form_left_out_is_refused_before_any_request()
    {
        await using var server = await NoContentServer();

        await Assert.ThrowsAsync<ArgumentNullException>(() => CallAsync(server, "SendMessageAsync", new object?[] { null }));
        Assert.Empty(server.Requests);
    }

    private static Task<LoopbackServer> NoContentServer() => LoopbackServer.StartAsync(static (context, _) =>
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    });

    private static async Task CallAsync(LoopbackServer server, string method, params object?[] arguments)
    {
        var options = Activator.CreateInstance(Type("FormsClientOptions"))!;
        Type("FormsClientOptions").GetProperty("BaseAddress")!.SetValue(options, server.Address);
        var client = Activator.CreateInstance(Type("FormsClient"), new HttpClient(), options)!;
        try
        {
            await (Task)Type("FormsClient").GetMethod(method)!.Invoke(client, arguments.Concat(new object?[] { null, CancellationToken.None }).ToArray())!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw inner;
        }
    }

    private static object Read(string json, string type)
    {
        var context = (JsonSerializerContext)Type("FormsJsonContext").GetProperty("Default")!.GetValue(null)!;
        return JsonSerializer.Deserialize(json, context.GetTypeInfo(Type(type))!)!;
    }

    private static Type Type(string name) => s_assembly.Value.GetType("Forms." + name, throwOnError: true)!;
}
