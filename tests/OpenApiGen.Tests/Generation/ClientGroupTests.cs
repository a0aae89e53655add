using System.Globalization;
using Microsoft.CodeAnalysis;
using OpenApiGen.Cli;
using OpenApiGen.Pipeline;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// Several documents as one client (OpenApiSpec items with the same ClientName and Namespace): one client, options
/// class and interface with every document's operations; equal types once; unequal types of one name, and operations
/// of one name, renamed in the later document and reported where they are declared; a document with another server
/// sends there; the same output whatever order the items come in, from the build and from the command.
/// </summary>
public sealed class ClientGroupTests : IDisposable
{
    private const string Namespace = "Groups.Pets";
    private const string Client = "PetsClient";

    private static readonly string s_directory = Path.Combine(RepoPaths.TestData, "Groups");

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("openapigen-groups-");

    // Alpha and Gamma name one server, Beta another: the client's is the one most name.
    private static SpecSource[] Specs(string alphaServer = "https://alpha.example.com/", string betaServer = "https://beta.example.com/")
        => new[] { "alpha.yaml", "beta.yaml", "gamma.yaml" }.Select(name =>
        {
            var path = Path.Combine(s_directory, name);
            var text = File.ReadAllText(path).Replace("ALPHA_SERVER", alphaServer, StringComparison.Ordinal).Replace("BETA_SERVER", betaServer, StringComparison.Ordinal);
            return new SpecSource(path, text, Namespace, Client);
        }).ToArray();

    // The generated API as a user calls it, compiled with the output: Pet is one type, whichever document's operation returns it.
    private const string Caller = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Groups.Pets;

        /// <summary>Calls every operation.</summary>
        public static class Caller
        {
            /// <summary>Calls every operation, at <paramref name="baseAddress"/> or at each document's server.</summary>
            /// <param name="baseAddress">The options' BaseAddress.</param>
            /// <returns>What the answers said.</returns>
            public static async Task<string> CallAllAsync(Uri? baseAddress)
            {
                IPetsClient client = new PetsClient(new HttpClient(), new PetsClientOptions { BaseAddress = baseAddress, BearerToken = "token-1" });
                Pet pet = (await client.GetPetAsync(1)).Value;
                Owner owner = (await client.GetOwnerAsync(2)).Value;
                Pet ownersPet = owner.Pet!;
                BetaWidget betaWidget = owner.Widget!;
                Holder alphaThings = (await client.ListThingsAsync()).Value;
                BetaHolder betaThings = (await client.BetaListThingsAsync()).Value;
                var gamma = (await client.ListGammaPetsAsync()).Value;
                return string.Join("|", pet.Name, ownersPet.Name, betaWidget.Size, alphaThings.Widget?.Size, betaThings.Widget?.Size, gamma[0].Name);
            }
        }
        """;

    [Fact]
    public void Three_documents_give_one_client_one_options_class_one_interface_and_each_equal_type_once()
    {
        var run = GeneratorHarness.Run(Specs(), "Groups", Caller);

        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity >= DiagnosticSeverity.Warning);
        var hints = run.Sources.Select(static s => s.HintName).ToList();
        // Pet and Error, alike in the documents that define them, once; Widget (an integer size in Alpha, a string in
        // Beta) twice, and Holder, alike but for the Widget it holds, twice.
        Assert.Subset(hints.ToHashSet(), new HashSet<string>(["PetsClient.Pet.g.cs", "PetsClient.Error.g.cs", "PetsClient.Widget.g.cs", "PetsClient.BetaWidget.g.cs", "PetsClient.Holder.g.cs", "PetsClient.BetaHolder.g.cs", "PetsClient.Owner.g.cs"]));
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(hints, static h => h.Contains("Alpha", StringComparison.Ordinal) || h.Contains("Gamma", StringComparison.Ordinal) || h.Contains("BetaPet", StringComparison.Ordinal) || h.Contains("BetaError", StringComparison.Ordinal));
        var client = run.Source("PetsClient.PetsClient.g.cs");
        Assert.Single(run.Sources, static s => s.Text.Contains("class PetsClientOptions", StringComparison.Ordinal));
        Assert.Single(run.Sources, static s => s.Text.Contains("interface IPetsClient", StringComparison.Ordinal));
        Assert.Equal(1, Count(client, "public string? BearerToken"));
        foreach (var method in new[] { "GetPetAsync(", "ListThingsAsync(", "GetOwnerAsync(", "BetaListThingsAsync(", "ListGammaPetsAsync(" })
        {
            // Once in the interface, once in the client.
            Assert.Equal(2, Count(client, " " + method));
        }
    }

    [Fact]
    public void Unequal_types_and_operations_of_one_name_are_renamed_in_the_later_document_where_it_declares_them()
    {
        var run = GeneratorHarness.Run(Specs(), "Groups", Caller);
        var beta = Path.Combine(s_directory, "beta.yaml");
        var lines = File.ReadAllLines(beta).ToList();

        var renamed = run.GeneratorDiagnostics.Where(static d => d.Id == "OAG040").OrderBy(static d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, renamed.Count);
        Assert.All(renamed, static d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.All(renamed, d => Assert.Equal(beta, d.Location.GetLineSpan().Path));
        Assert.Equal(
            [lines.IndexOf("    Widget:"), lines.IndexOf("    Holder:")],
            renamed.Select(static d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal(
            "The type 'Widget' of this document differs from the type of that name in 'alpha.yaml', which the client Groups.Pets.PetsClient also generates; this one is named 'BetaWidget'",
            renamed[0].GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("'Holder'", renamed[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var operation = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG041");
        Assert.Equal(beta, operation.Location.GetLineSpan().Path);
        Assert.InRange(operation.Location.GetLineSpan().StartLinePosition.Line, lines.IndexOf("  /beta/things:"), lines.IndexOf("      operationId: listThings"));
        Assert.Contains("this one's method is named 'BetaListThings'", operation.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var server = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG043");
        Assert.Equal(beta, server.Location.GetLineSpan().Path);
        Assert.InRange(server.Location.GetLineSpan().StartLinePosition.Line, lines.IndexOf("servers:"), lines.IndexOf("servers:") + 1);
        Assert.Contains("'https://beta.example.com/'", server.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_is_the_same_whatever_order_the_items_come_in()
    {
        var forward = GeneratorHarness.Run(Specs(), "Groups");
        var backward = GeneratorHarness.Run(Specs().Reverse(), "Groups");
        var shuffled = GeneratorHarness.Run([Specs()[1], Specs()[2], Specs()[0]], "Groups");

        foreach (var other in new[] { backward, shuffled })
        {
            Assert.Equal(forward.Sources.Select(static s => s.HintName), other.Sources.Select(static s => s.HintName));
            Assert.All(forward.Sources.Zip(other.Sources), static pair => Assert.Equal(pair.First.Text, pair.Second.Text));
        }
    }

    [Fact]
    public async Task Each_document_is_sent_to_its_server_unless_the_options_name_one_for_all()
    {
        await using var alpha = await LoopbackServer.StartAsync(Answer);
        await using var beta = await LoopbackServer.StartAsync(Answer);
        var run = GeneratorHarness.Run(Specs(alpha.Address.AbsoluteUri, beta.Address.AbsoluteUri), "Groups", Caller);
        Assert.Empty(run.CompilationProblems);
        var call = run.Load().GetType("Caller")!.GetMethod("CallAllAsync")!;

        var answer = await (Task<string>)call.Invoke(null, [null])!;

        Assert.Equal("Rex|Rex|large|3|large|Rex", answer);
        Assert.Equal(["/gamma/pets", "/pets/1", "/things"], alpha.Requests.Select(static r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["/beta/things", "/owners/2"], beta.Requests.Select(static r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(alpha.Requests.Concat(beta.Requests), static r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));

        // The options' BaseAddress is where every operation goes, the other document's too.
        await using var proxy = await LoopbackServer.StartAsync(Answer);
        await (Task<string>)call.Invoke(null, [proxy.Address])!;
        Assert.Equal(5, proxy.Requests.Count);
        Assert.Equal(5, alpha.Requests.Count + beta.Requests.Count);
    }

    [Fact]
    public void Editing_one_document_of_a_client_merges_and_emits_that_client_only()
    {
        var specs = Specs().Append(SpecSource.FromFile(Path.Combine(RepoPaths.Specs, "apikley/record-info.yaml"), "Groups.Records", "RecordsClient")).ToArray();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(specs, "Groups", trackSteps: true, out var texts);
        driver = driver.RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources;

        var edited = specs[1].Text.Replace("      operationId: getOwner", "      summary: Reads an owner.\n      operationId: getOwner", StringComparison.Ordinal);
        Assert.NotEqual(specs[1].Text, edited);
        driver = driver.ReplaceAdditionalText(texts[1], new GeneratorHarness.InMemoryAdditionalText(specs[1].Path, edited));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        // One document read again; of the two clients, only the group merged again and its model changed.
        var reasons = result.TrackedSteps[TrackingNames.Results].SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal((1, 3), (reasons.Count(static r => r == IncrementalStepRunReason.Modified), reasons.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)));
        foreach (var step in new[] { TrackingNames.Merged, TrackingNames.Models })
        {
            var outputs = result.TrackedSteps[step].SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
            Assert.True(outputs.Count == 2 && outputs.Count(static r => r == IncrementalStepRunReason.Modified) == 1, $"{step}: {string.Join(", ", outputs)}");
        }

        var after = result.GeneratedSources;
        Assert.Equal(before.Where(static s => s.HintName.StartsWith("RecordsClient.", StringComparison.Ordinal)).Select(static s => s.SourceText.ToString()), after.Where(static s => s.HintName.StartsWith("RecordsClient.", StringComparison.Ordinal)).Select(static s => s.SourceText.ToString()));
        Assert.Contains(after, static s => s.HintName == "PetsClient.PetsClient.g.cs" && s.SourceText.ToString().Contains("Reads an owner.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_writes_the_files_the_build_emits_for_the_same_documents()
    {
        // The command reads the files as they are: the placeholders stay, in both.
        var asWritten = new[] { "alpha.yaml", "beta.yaml", "gamma.yaml" }.Select(static n => SpecSource.FromFile(Path.Combine(s_directory, n), Namespace, Client)).ToArray();
        var built = GeneratorHarness.Run(asWritten, "Groups");

        var errors = new StringWriter();
        var specs = new[] { "gamma.yaml", "alpha.yaml", "beta.yaml" }.Select(static n => new FileInfo(Path.Combine(s_directory, n))).ToList();
        var code = CommandLineGenerator.Run(new GenerateRequest(specs[0], [], Namespace, Client, _output, Registrations: false) { MoreSpecs = specs.Skip(1).ToList() }, TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(0, code);
        var written = _output.GetFiles().ToDictionary(static f => f.Name, static f => File.ReadAllText(f.FullName));
        Assert.Equal(built.Sources.Select(static s => s.HintName).Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(built.Sources, s => Assert.Equal(s.Text, written[s.HintName]));
        // The merging's diagnostics are printed as the build reports them.
        Assert.Contains("OAG040", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_two_documents_define_differently_is_sent_as_the_first_says_and_reported()
    {
        static SpecSource Spec(string name, string scheme) => new($"/specs/{name}.yaml", $$"""
            openapi: 3.0.3
            info: {title: {{name}}, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            security: [{auth: []}]
            paths:
              /{{name}}:
                get:
                  operationId: get{{name}}
                  responses:
                    '204': {description: Done.}
            components:
              securitySchemes:
                auth: {{scheme}}
            """, Namespace, Client);

        var run = GeneratorHarness.Run([Spec("one", "{type: http, scheme: bearer}"), Spec("two", "{type: apiKey, in: header, name: X-Key}")], "Groups");

        Assert.Empty(run.CompilationProblems);
        var warning = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG042");
        Assert.Equal((DiagnosticSeverity.Warning, "/specs/two.yaml"), (warning.Severity, warning.Location.GetLineSpan().Path));
        Assert.Contains("'auth' differs from the scheme of that name in 'one.yaml'", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = run.Source("PetsClient.PetsClient.g.cs");
        Assert.Contains("public string? BearerToken", client, StringComparison.Ordinal);
        Assert.DoesNotContain("public string? ApiKey", client, StringComparison.Ordinal);
    }

    public void Dispose() => _output.Delete(recursive: true);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Task Answer(Microsoft.AspNetCore.Http.HttpContext context, ReceivedRequest request) => request.Path switch
    {
        "/pets/1" => LoopbackServer.Json(context, """{"id":1,"name":"Rex"}"""),
        "/owners/2" => LoopbackServer.Json(context, """{"pet":{"id":1,"name":"Rex"},"widget":{"size":"large"}}"""),
        "/things" => LoopbackServer.Json(context, """{"widget":{"size":3}}"""),
        "/beta/things" => LoopbackServer.Json(context, """{"widget":{"size":"large"}}"""),
        "/gamma/pets" => LoopbackServer.Json(context, """[{"id":1,"name":"Rex"}]"""),
        _ => LoopbackServer.Json(context, """{"message":"no"}""", 404),
    };
}
