using System.Globalization;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// Valid documents, of the shapes published specs take, that once failed: each reduced to a small purpose-written spec.
/// Every output must compile cleanly and the generator must report no error.
/// </summary>
public class RealWorldQuirksTests
{
    private static GeneratorRun Generate(string spec)
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/quirks.yaml", spec, "Quirks", "QuirksClient") });
        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        return run;
    }

    [Fact]
    public void Boolean_schemas_of_3_1_are_read_as_the_schemas_they_mean()
    {
        // Microsoft.OpenApi failed with a NullReferenceException (OAG000) on a boolean in any map of schemas.
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            paths: {}
            components:
              schemas:
                Anything: true
                Thing:
                  type: object
                  $defs:
                    never: false
                  properties:
                    free: true
                    gone: false
                    name: {type: string}
                  patternProperties:
                    '^x-': true
                  allOf: [true]
            """);

        var thing = run.Source("Thing.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? Free { get; set; }", thing, StringComparison.Ordinal);
        Assert.Contains("global::System.Text.Json.JsonElement? Gone { get; set; }", thing, StringComparison.Ordinal);
        Assert.Contains("public string? Name { get; set; }", thing, StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG000");
    }

    [Fact]
    public void An_empty_server_variable_default_and_a_3_1_operation_without_responses_are_valid()
    {
        // Microsoft.OpenApi's validation took "" for a missing default, and checked the empty responses it made up.
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            servers:
              - url: 'https://api.example.com/{prefix}'
                variables:
                  prefix: {default: ''}
            paths:
              /users:
                get:
                  operationId: listUsers
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG002");
        Assert.Contains("global::System.Threading.Tasks.Task<global::OpenApiGen.Runtime.ApiResponse> ListUsersAsync(", run.Source("QuirksClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_0_operation_without_responses_is_read_as_one_that_documents_none()
    {
        // 3.0 requires 'responses'; the obvious reading is 3.1's, where it is optional: no documented answer.
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource("/specs/quirks.yaml", """
                openapi: 3.0.3
                info: {title: Quirks, version: '1'}
                paths:
                  /users:
                    get:
                      operationId: listUsers
                """, "Quirks", "QuirksClient"),
        });

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG013", DiagnosticSeverity.Info, 5), (warning.Id, warning.Severity, warning.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("global::System.Threading.Tasks.Task<global::OpenApiGen.Runtime.ApiResponse> ListUsersAsync(", run.Source("QuirksClient.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_binary_body_under_a_wildcard_media_type_is_a_stream()
    {
        // springdoc documents every response as */*; a download there is bytes, not a JSON string.
        var client = Generate("""
            openapi: 3.0.1
            info: {title: Quirks, version: '1'}
            paths:
              /files/{id}:
                get:
                  operationId: download
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {'*/*': {schema: {type: string, format: binary}}}}
                put:
                  operationId: upload
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  requestBody:
                    required: true
                    content: {'application/*': {schema: {type: string, format: binary}}}
                  responses:
                    '200': {description: ok, content: {'*/*': {schema: {$ref: '#/components/schemas/Info'}}}}
            components:
              schemas:
                Info: {type: object, properties: {size: {type: integer}}}
            """).Source("QuirksClient.g.cs");

        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse<global::System.IO.Stream>> DownloadAsync(string id,", client, StringComparison.Ordinal);
        Assert.Contains("global::OpenApiGen.Runtime.ApiOperation.Stream()", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse<global::Quirks.Info>> UploadAsync(string id, global::System.IO.Stream body,", client, StringComparison.Ordinal);
        Assert.Contains(".Stream(body, \"application/*\")", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_content_type_and_authorization_header_parameters_are_ignored()
    {
        // OpenAPI: such a header parameter SHALL be ignored; as request headers they were silently dropped.
        var client = Generate("""
            openapi: 3.0.3
            info: {title: Quirks, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - {name: Accept, in: header, schema: {type: string}}
                    - {name: content-type, in: header, required: true, schema: {type: string}}
                    - {name: Authorization, in: header, schema: {type: string}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                    - {name: accept, in: query, schema: {type: string}}
                  responses:
                    '204': {description: none}
            """).Source("QuirksClient.g.cs");

        Assert.Contains("Task<global::OpenApiGen.Runtime.ApiResponse> GetThingsAsync(string? xTrace = null, string? accept = null, global::OpenApiGen.Runtime.ApiRequestOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);", client, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Content-Type\"", client, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_xml_form_beside_json_gets_no_type_of_its_own()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            paths:
              /planets:
                get:
                  operationId: listPlanets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {data: {type: array, items: {type: string}}}}
                        application/xml:
                          schema: {type: object, xml: {name: planets}, properties: {data: {type: array, items: {type: string}}}}
              /moons:
                get:
                  operationId: listMoons
                  responses:
                    '200':
                      description: ok
                      content:
                        application/xml:
                          schema: {type: object, properties: {name: {type: string}}}
            """);

        Assert.Contains(run.Sources, static s => s.HintName.EndsWith(".ListPlanetsResponse.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, static s => s.HintName.EndsWith(".ListPlanetsResponse2.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG006");

        // XML alone is still typed: it is all the spec says of that body.
        Assert.Contains(run.Sources, static s => s.HintName.EndsWith(".ListMoonsResponse.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ref_into_a_schema_or_a_path_is_followed_by_its_own_text()
    {
        // Microsoft.OpenApi shortens such a reference's id to the pointer's last segment: '.../properties/inner' then
        // resolved to the unrelated component 'inner' (a silent long), and '$defs' and '#/paths' ones to nothing (OAG004).
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              inner: {$ref: '#/components/schemas/Outer/properties/inner'}
                              deep: {$ref: '#/components/schemas/Outer/$defs/Deep'}
                              item: {$ref: '#/components/schemas/List/items'}
                              other: {$ref: '#/paths/~1other/get/responses/200/content/application~1json/schema'}
              /other:
                get:
                  operationId: getOther
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {a: {type: string}}}
            components:
              schemas:
                inner: {type: integer}
                Outer:
                  type: object
                  $defs:
                    Deep: {type: object, properties: {d: {type: boolean}}}
                  properties:
                    inner: {type: object, properties: {x: {type: string}}}
                List:
                  type: array
                  items: {type: object, properties: {y: {type: number}}}
            """);

        var things = run.Source("GetThingsResponse.g.cs");
        Assert.Contains("public global::Quirks.OuterInner? Inner { get; set; }", things, StringComparison.Ordinal);
        Assert.Contains("public global::Quirks.OuterDeep? Deep { get; set; }", things, StringComparison.Ordinal);
        Assert.Contains("public global::Quirks.ListItem? Item { get; set; }", things, StringComparison.Ordinal);
        Assert.Contains("public bool? D { get; set; }", run.Source("OuterDeep.g.cs"), StringComparison.Ordinal);

        // One type for the schema at /other, whichever place named it first, and the method returns it.
        var other = Assert.Single(run.Sources, static s => s.Text.Contains("public string? A { get; set; }", StringComparison.Ordinal));
        var otherType = other.HintName.Split('.')[^3];
        Assert.Contains($"public global::Quirks.{otherType}? Other {{ get; set; }}", things, StringComparison.Ordinal);
        Assert.Contains($"Task<global::OpenApiGen.Runtime.ApiResponse<global::Quirks.{otherType}>> GetOtherAsync(", run.Source("QuirksClient.g.cs"), StringComparison.Ordinal);

        // And Microsoft.OpenApi's warnings about them are not passed on: they would fail a build with warnings as errors.
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id is "OAG003" or "OAG004");
    }

    [Fact]
    public void Parameters_keep_their_spec_names_and_the_methods_locals_step_aside()
    {
        // Petstore's findPetsByStatus(status) was FindPetsByStatusAsync(status2): the locals had the names first.
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Quirks, version: '1'}
            paths:
              /pets/{path}:
                post:
                  operationId: findPets
                  parameters:
                    - {name: path, in: path, required: true, schema: {type: string}}
                    - {name: status, in: query, schema: {type: string}}
                    - {name: query, in: query, schema: {type: string}}
                    - {name: item, in: query, explode: true, schema: {type: array, items: {type: string}}}
                    - {name: request, in: header, schema: {type: string}}
                    - {name: response, in: cookie, schema: {type: string}}
                    - {name: form, in: query, schema: {type: string}}
                    - {name: file, in: query, schema: {type: string}}
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            upload: {type: string, format: binary}
                            tags: {type: array, items: {type: string}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
              /things/{request}:
                get:
                  operationId: getThing
                  parameters:
                    - {name: request, in: path, required: true, schema: {type: string}}
                    - {name: item, in: query, schema: {type: array, items: {type: string}}}
                    - {name: given, in: query, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                  responses:
                    '204': {description: none}
            """);

        var client = run.Source("QuirksClient.g.cs");
        Assert.Empty(run.CompilationProblems);
        // Seven optional parameters travel in the operation's options class, each a property named after it.
        Assert.Contains("FindPetsAsync(string path, global::Quirks.FindPetsRequest body, global::Quirks.FindPetsOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        var options = run.Source("QuirksClient.FindPetsOptions.g.cs");
        foreach (var property in new[] { "Status", "Query", "Item", "Request", "Response", "Form", "File" })
        {
            Assert.Contains($" {property} {{ get; set; }}", options, StringComparison.Ordinal);
        }

        // The method's own locals step aside: the request it builds, and the item of a list in the body.
        Assert.Contains(".Query(\"status\", options?.Status)", client, StringComparison.Ordinal);
        Assert.Contains("var request = new global::OpenApiGen.Runtime.ApiRequestBuilder(\"POST\", \"/pets/{path}\")", client, StringComparison.Ordinal);
        Assert.Contains(".Parts(\"tags\", body.Tags, static item => item)", client, StringComparison.Ordinal);
        Assert.Contains("_pipeline.SendAsync(request, s_findPets, options, cancellationToken)", client, StringComparison.Ordinal);

        // Where the spec's parameters have those names, the locals step aside and the parameters keep theirs.
        Assert.Contains("GetThingAsync(string request, global::System.Collections.Generic.IList<string>? item = null, global::Quirks.GetThingGiven? given = null, ", client, StringComparison.Ordinal);
        Assert.Contains("var request2 = new global::OpenApiGen.Runtime.ApiRequestBuilder(\"GET\", \"/things/{request}\")", client, StringComparison.Ordinal);
        Assert.Contains(".PathParameter(\"request\", request)", client, StringComparison.Ordinal);
        Assert.Contains(".Query(\"item\", item, static item2 => item2)", client, StringComparison.Ordinal);
        Assert.Contains(".Query(\"given\", given is { } given2 ? global::System.Text.Json.JsonSerializer.Serialize(given2, ", client, StringComparison.Ordinal);
        Assert.Contains("_pipeline.SendAsync(request2, s_getThing, options, cancellationToken)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_or_path_server_serves_its_operations()
    {
        var client = Generate("""
            openapi: 3.0.3
            info: {title: Quirks, version: '1'}
            servers: [{url: 'https://api.example.com/v1'}]
            paths:
              /uploads:
                servers: [{url: 'https://{region}.uploads.example.com/', variables: {region: {default: eu}}}]
                post:
                  operationId: upload
                  responses: {'204': {description: none}}
              /things:
                get:
                  operationId: getThings
                  servers: [{url: 'https://read.example.com/v1/'}]
                  responses: {'204': {description: none}}
                delete:
                  operationId: deleteThings
                  responses: {'204': {description: none}}
            """).Source("QuirksClient.g.cs");

        Assert.Contains("s_upload = global::OpenApiGen.Runtime.ApiOperation.NoContent().ServedFrom(\"https://eu.uploads.example.com/\");", client, StringComparison.Ordinal);
        Assert.Contains("s_getThings = global::OpenApiGen.Runtime.ApiOperation.NoContent().ServedFrom(\"https://read.example.com/v1/\");", client, StringComparison.Ordinal);
        Assert.Contains("s_deleteThings = global::OpenApiGen.Runtime.ApiOperation.NoContent();", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_named_like_the_clients_registration_class_steps_aside()
    {
        // AddQuirksClient() lives in QuirksClientServiceCollectionExtensions, written only where Microsoft.Extensions.Http
        // is referenced; the name is claimed either way, so a schema of that name never meets it (it was CS0101).
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Quirks, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThings
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/QuirksClientServiceCollectionExtensions'}}}}
            components:
              schemas:
                QuirksClientServiceCollectionExtensions: {type: object, properties: {a: {type: string}}}
            """);

        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Quirks.QuirksClientServiceCollectionExtensions2"));
        Assert.Contains(run.GeneratorDiagnostics, static d => d.Id == "OAG006" && d.GetMessage(CultureInfo.InvariantCulture).Contains("QuirksClientServiceCollectionExtensions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_percent_encoded_component_reference_is_that_components_type()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            paths: {}
            components:
              schemas:
                Thing: {type: object, properties: {a: {type: string}}}
                Holder:
                  type: object
                  properties:
                    plain: {$ref: '#/components/schemas/Thing'}
                    encoded: {$ref: '#/components/schemas/%54hing'}
            """);

        var holder = run.Source("Holder.g.cs");
        Assert.Contains("public global::Quirks.Thing? Plain { get; set; }", holder, StringComparison.Ordinal);
        Assert.Contains("public global::Quirks.Thing? Encoded { get; set; }", holder, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, static s => s.HintName.EndsWith(".Thing2.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ref_into_a_schema_may_refer_to_itself()
    {
        // A tree whose node is declared inline: the reference that closes the cycle is met while the node is typed.
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Quirks, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    root: {$ref: '#/components/schemas/Tree/properties/node'}
                Tree:
                  type: object
                  properties:
                    node:
                      type: object
                      properties:
                        label: {type: string}
                        children: {type: array, items: {$ref: '#/components/schemas/Tree/properties/node'}}
            """);

        Assert.Contains("public global::Quirks.TreeNode? Root { get; set; }", run.Source("Holder.g.cs"), StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IList<global::Quirks.TreeNode>? Children { get; set; }", run.Source("TreeNode.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG005");
    }
}
