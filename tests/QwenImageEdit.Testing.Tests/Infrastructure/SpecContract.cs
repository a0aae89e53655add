using System.Text.Json;

namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>Holds the fakes' answers to the specs: NJsonSchema over the same effective documents the generated code came from.</summary>
internal static class SpecContract
{
    /// <summary>The problems of a response body against the operation's schema for its status; fails when the spec documents no schema.</summary>
    public static async Task<IReadOnlyList<string>> ResponseProblemsAsync(SpecDocument spec, string method, string path, int status, string body)
    {
        var schema = await spec.Operation(method, path).ResponseSchemaAsync(status);
        Assert.True(schema is not null, $"{spec} documents no schema for {method} {path} {status}");
        return [.. SchemaValidator.Validate(schema, body).Select(static p => p.ToString())];
    }

    /// <summary>The problems of a JSON value against a named component schema (callback bodies, which NSwag 13 reads no webhooks for).</summary>
    public static async Task<IReadOnlyList<string>> ComponentProblemsAsync(SpecDocument spec, string component, string body)
    {
        var document = await spec.GetAsync();
        return [.. SchemaValidator.Validate(document.Components.Schemas[component], body).Select(static p => p.ToString())];
    }

    public static async Task AssertResponseMatchesAsync(SpecDocument spec, string method, string path, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var problems = await ResponseProblemsAsync(spec, method, path, (int)response.StatusCode, body);
        Assert.True(problems.Count == 0, $"{method} {path} {(int)response.StatusCode} does not match {spec}: {string.Join("; ", problems)}\n{body}");
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
