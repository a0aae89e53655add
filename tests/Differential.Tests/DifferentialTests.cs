using System.Net;
using System.Text.Json.Nodes;
using Differential.Tests.Infrastructure;
using NSwag;
using Xunit.Abstractions;

namespace Differential.Tests;

/// <summary>
/// Our generated client and NSwag's, for each vendor spec, operation by operation: given the same values (a full
/// sample, a minimal one and one taking the other branch of every choice, each made from the spec), both must send
/// the same request; given the same answer, both
/// must read the same thing (each writes what it read back as JSON, which must be the answer); given each documented
/// error, both must throw it typed, with the same body. What differs on purpose or by NSwag's design is listed in
/// <see cref="ExpectedDifferences"/> with its reason; anything else, or an entry that no longer happens, fails.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<(List<Difference>, int)>>> s_compared = new(StringComparer.Ordinal);

    public static TheoryData<string> Documents => VendorClients.Keys;

    [Fact]
    public async Task Every_vendor_spec_has_an_nswag_client()
    {
        var clients = await NSwagClients.AllAsync();

        Assert.Equal(VendorClients.Documents.Count, clients.Count);
        Assert.True(clients.Count >= 10, $"{clients.Count} specs");
    }

    [Fact]
    public async Task Every_entry_for_all_specs_is_seen_in_some_spec()
    {
        // Entries for one spec are checked by that spec's theory row; an entry for every spec ("*") by all of them together.
        var seen = await AllDifferences();
        var stale = ExpectedDifferences.All.Where(e => e.Document == "*" && !seen.Any(e.Matches)).ToList();

        Assert.True(stale.Count == 0, string.Concat(stale.Select(static e => $"expected but not seen anywhere: {e.Where}: {e.What} ({e.Reason})\n")));
    }

    [Fact]
    public async Task The_comparison_sees_a_difference_when_there_is_one()
    {
        // The same client twice, once with a member of the body changed and once with another answer: what the
        // harness compares must differ, or an empty difference list above would prove nothing.
        const string document = "QwenImageEdit.Vendors.EvoLink/qwen-image-edit.yaml";
        var nswag = (await NSwagClients.AllAsync())[document];
        var (path, item) = nswag.Document.Paths.Single();
        var (_, operation) = item.Single();
        var sample = OperationSample.For(operation, SampleKind.Full);
        var body = (JsonObject)sample.Body!.DeepClone();
        body["prompt"] = "another prompt";
        var changed = sample with { Body = body };
        var answer = new CannedAnswer(HttpStatusCode.OK, Samples.For(Json(operation.ActualResponses["200"])!, SampleKind.Full)!.ToJsonString());

        var a = await ClientCalls.OursAsync(document, operation, sample, answer);
        var b = await ClientCalls.OursAsync(document, operation, changed, answer);

        Assert.NotEqual(sample.Body!.ToJsonString(), changed.Body!.ToJsonString());
        Assert.Contains(RequestCompare.Differences(a.Request!, b.Request!, nswag.Document), static d => d.StartsWith("body $.prompt: ", StringComparison.Ordinal));
        Assert.NotEmpty(JsonCompare.Differences(JsonNode.Parse("{\"id\":\"x\"}"), a.Result, nullIsAbsent: true));
        Assert.Empty(JsonCompare.Differences(JsonNode.Parse(answer.Json!), a.Result, nullIsAbsent: true));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Both_clients_send_the_same_requests_and_read_the_same_answers(string document)
    {
        var (differences, compared) = await ComparedAsync(document);

        // An entry for every spec is stale only when no spec shows it: the Fact below checks that.
        var expected = ExpectedDifferences.All.Where(e => e.Document == document || e.Document == "*").ToList();
        var unexpected = differences.Where(d => !expected.Any(e => e.Matches(d))).ToList();
        var stale = expected.Where(e => e.Document != "*" && !differences.Any(e.Matches)).ToList();
        output.WriteLine($"{document}: {compared} exchanges compared; {differences.Count} differences, {differences.Count - unexpected.Count} of them expected.");
        foreach (var difference in differences)
        {
            output.WriteLine("  " + difference + (expected.FirstOrDefault(e => e.Matches(difference)) is { } reason ? "  [" + reason.Reason + "]" : string.Empty));
        }

        Assert.True(compared > 0, "nothing was compared");
        Assert.True(
            unexpected.Count == 0 && stale.Count == 0,
            string.Concat(unexpected.Select(static d => $"unexpected: {d}\n")) + string.Concat(stale.Select(static e => $"expected but not seen: {e.Operation} {e.Where}: {e.What} ({e.Reason})\n")));
    }

    /// <summary>Every difference of every spec.</summary>
    private static async Task<List<Difference>> AllDifferences()
    {
        var differences = new List<Difference>();
        foreach (var document in VendorClients.Documents)
        {
            differences.AddRange((await ComparedAsync(VendorClients.Key(document))).Differences);
        }

        return differences;
    }

    /// <summary>One spec's comparison, made once for the theory row and the facts that read it.</summary>
    private static Task<(List<Difference> Differences, int Compared)> ComparedAsync(string document)
        => s_compared.GetOrAdd(document, static d => new Lazy<Task<(List<Difference>, int)>>(() => CompareDocumentAsync(d))).Value;

    private static async Task<(List<Difference>, int)> CompareDocumentAsync(string document)
    {
        var nswag = (await NSwagClients.AllAsync())[document];
        var differences = new List<Difference>();
        var compared = 0;
        foreach (var (path, item) in nswag.Document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                compared += await CompareAsync(nswag, path, method, operation, differences);
            }
        }

        return (differences, compared);
    }

    /// <summary>Every exchange of one operation; returns how many were compared.</summary>
    private static async Task<int> CompareAsync(NSwagClient nswag, string path, string method, OpenApiOperation operation, List<Difference> differences)
    {
        var document = nswag.Key;
        var success = operation.ActualResponses.FirstOrDefault(static r => r.Key.StartsWith('2'));
        var compared = 0;
        foreach (var kind in Enum.GetValues<SampleKind>())
        {
            var variant = kind switch { SampleKind.Full => "full", SampleKind.Minimal => "minimal", _ => "other branches" };
            var sample = OperationSample.For(operation, kind);
            var status = (HttpStatusCode)int.Parse(success.Key ?? "200", System.Globalization.CultureInfo.InvariantCulture);
            var schema = Json(success.Value);
            var sampleJson = schema is null ? null : Samples.For(schema, kind);
            var (answer, answerJson) = schema is null ? NotJson(status, success.Value) : (new CannedAnswer(status, sampleJson?.ToJsonString()), sampleJson);

            var ours = await ClientCalls.OursAsync(document, operation, sample, answer);
            var theirs = await ClientCalls.NSwagAsync(nswag, path, method, operation, sample, answer);
            compared++;
            if (ours.Request is null || theirs.Request is null)
            {
                differences.Add(new Difference(document, operation.OperationId, $"request {variant}", $"{Sent(ours)} vs {Sent(theirs)}"));
                continue;
            }

            differences.AddRange(RequestCompare.Differences(ours.Request, theirs.Request, nswag.Document).Select(d => new Difference(document, operation.OperationId, $"request {variant}", d)));
            AddAnswer(differences, document, operation.OperationId, $"answer {success.Key} {variant}, ours", ours, answerJson, expectError: false);
            AddAnswer(differences, document, operation.OperationId, $"answer {success.Key} {variant}, NSwag", theirs, answerJson, expectError: false);
        }

        foreach (var (status, response) in operation.ActualResponses.Where(static r => !r.Key.StartsWith('2')))
        {
            if (Json(response) is not { } schema)
            {
                continue;
            }

            var sample = OperationSample.For(operation, SampleKind.Full);
            var errorJson = Samples.For(schema, SampleKind.Full);
            var answer = new CannedAnswer(StatusFor(status, operation), errorJson?.ToJsonString());
            var ours = await ClientCalls.OursAsync(document, operation, sample, answer);
            var theirs = await ClientCalls.NSwagAsync(nswag, path, method, operation, sample, answer);
            compared++;
            AddAnswer(differences, document, operation.OperationId, $"error {status}, ours", ours, errorJson, expectError: true);
            AddAnswer(differences, document, operation.OperationId, $"error {status}, NSwag", theirs, errorJson, expectError: true);
        }

        return compared;
    }

    private static void AddAnswer(List<Difference> differences, string document, string operation, string where, ClientOutcome outcome, JsonNode? answer, bool expectError)
    {
        if (expectError)
        {
            if (outcome.Thrown is null || !outcome.Thrown.GetType().IsGenericType)
            {
                differences.Add(new Difference(document, operation, where, outcome.Thrown is null ? "returned instead of throwing" : $"threw {outcome.Thrown.GetType().Name} without the documented body: {Message(outcome.Thrown)}"));
                return;
            }

            differences.AddRange(JsonCompare.Differences(answer, outcome.Error, nullIsAbsent: true).Select(d => new Difference(document, operation, where, d)));
            return;
        }

        if (outcome.Thrown is { } thrown)
        {
            differences.Add(new Difference(document, operation, where, $"threw {thrown.GetType().Name}: {Message(thrown)}"));
            return;
        }

        differences.AddRange(JsonCompare.Differences(answer, outcome.Result, nullIsAbsent: true).Select(d => new Difference(document, operation, where, d)));
    }

    /// <summary>The status to answer for a documented one: itself, the first of a range (<c>4XX</c>), or for <c>default</c> a 5xx no other entry names.</summary>
    private static HttpStatusCode StatusFor(string status, OpenApiOperation operation)
    {
        if (status == "default")
        {
            return (HttpStatusCode)Enumerable.Range(500, 100).First(code => !operation.ActualResponses.ContainsKey(code.ToString(System.Globalization.CultureInfo.InvariantCulture)) && !operation.ActualResponses.ContainsKey("5XX"));
        }

        return (HttpStatusCode)int.Parse(status.Contains('X', StringComparison.OrdinalIgnoreCase) ? status[0] + "00" : status, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An answer in a documented media type that is not JSON, and what a client should read from it: an event stream
    /// as the list of its events' data (fal documents a QueueStatus each), other text as the string, anything else as
    /// its bytes (base64). No content documented: no body, read as nothing.
    /// </summary>
    private static (CannedAnswer Answer, JsonNode? Read) NotJson(HttpStatusCode status, OpenApiResponse? response)
    {
        if (response?.ActualResponse.Content.Keys.FirstOrDefault() is not { } mediaType)
        {
            return (new CannedAnswer(status, null), null);
        }

        if (mediaType == "text/event-stream")
        {
            const string Event = """{"status":"COMPLETED","request_id":"r-1"}""";
            return (new CannedAnswer(status, null, ": comment\n\nevent: status\ndata: " + Event + "\n\n", mediaType), new JsonArray(JsonNode.Parse(Event)));
        }

        var text = "sample answer";
        var read = mediaType.StartsWith("text/", StringComparison.Ordinal)
            ? JsonValue.Create(text)
            : JsonValue.Create(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)));
        return (new CannedAnswer(status, null, text, mediaType), read);
    }

    /// <summary>A response's JSON body schema, if it has one.</summary>
    private static NJsonSchema.JsonSchema? Json(OpenApiResponse? response)
        => response?.ActualResponse.Content.FirstOrDefault(static c => c.Key.Contains("json", StringComparison.Ordinal)).Value?.Schema;

    private static string Sent(ClientOutcome outcome) => outcome.Request is null ? $"sent nothing ({(outcome.Thrown is { } e ? e.GetType().Name + ": " + Message(e) : "no exception")})" : "sent a request";

    private static string Message(Exception e)
    {
        var message = (e.InnerException is { } inner ? e.Message + " <- " + inner.Message : e.Message).ReplaceLineEndings(" ");
        return message.Length > 300 ? message[..300] + "..." : message;
    }
}
