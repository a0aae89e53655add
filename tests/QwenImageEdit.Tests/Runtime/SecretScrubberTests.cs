using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenApiGen.Runtime;

namespace QwenImageEdit.Tests.Runtime;

/// <summary>The one scrubber every string goes through: each form a server may echo a key in.</summary>
public sealed class SecretScrubberTests
{
    // '+', '/' and '<' are escaped differently by JSON, URL and HTML-safe encoders: each form must still be found.
    private const string Key = "sk-live+9f/3<a>b c";

    public static TheoryData<string, string> Echoes() => new()
    {
        { "raw", Key },
        { "JSON-escaped (STJ default)", JsonEncodedText.Encode(Key).Value },
        { "JSON-escaped (relaxed)", JsonEncodedText.Encode(Key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value },
        { "JSON-escaped, slash too", JsonEncodedText.Encode(Key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value.Replace("/", "\\/") },
        { "JSON-escaped, lower-case hex", LowerHex(JsonEncodedText.Encode(Key).Value, @"\\u[0-9A-F]{4}") },
        { "URL-escaped", Uri.EscapeDataString(Key) },
        { "URL-escaped, lower-case hex", LowerHex(Uri.EscapeDataString(Key), "%[0-9A-F]{2}") },
        { "form-encoded", WebUtility.UrlEncode(Key) },
        { "base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)) },
        { "base64 of key:", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")) },
        { "base64 of :key", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + Key)) },
    };

    private static string LowerHex(string text, string escape)
        => System.Text.RegularExpressions.Regex.Replace(text, escape, static m => m.Value.ToLowerInvariant());

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Every_form_of_the_key_is_removed(string form, string echo)
    {
        var scrubber = new SecretScrubber([Key]);

        var scrubbed = scrubber.Scrub($"Invalid credential '{echo}' for this account");

        Assert.Equal("Invalid credential '***' for this account", scrubbed);
        Assert.True(scrubber.Contains(echo), form);
    }

    [Fact]
    public void Basic_authentication_is_removed_as_base64_of_user_colon_password()
    {
        var scrubber = new SecretScrubber(["AC0123", "auth-token-9"]);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123:auth-token-9"));

        Assert.Equal("Authorization: Basic ***", scrubber.Scrub("Authorization: Basic " + basic));
    }

    [Fact]
    public void Json_is_unescaped_before_it_is_searched_so_no_escaping_hides_a_key()
    {
        var scrubber = new SecretScrubber(["sk-test-123"]);
        // Every letter escaped, as no encoder would, but any JSON reader accepts.
        var hidden = string.Concat("sk-test-123".Select(static c => $"\\u{(int)c:x4}"));
        var json = Encoding.UTF8.GetBytes($$"""{"error":{"message":"bad key {{hidden}}","{{hidden}}":1},"n":12.50}""");

        Assert.False(scrubber.Contains(Encoding.UTF8.GetString(json)));
        var scrubbed = Encoding.UTF8.GetString(scrubber.ScrubJson(json)!.Value.Span);

        Assert.Equal("""{"error":{"message":"bad key ***","***":1},"n":12.50}""", scrubbed);
    }

    [Fact]
    public void Json_without_a_key_comes_back_as_it_was_and_broken_json_is_null()
    {
        var scrubber = new SecretScrubber(["sk-test-123"]);
        var json = Encoding.UTF8.GetBytes("""{ "a" : "\u00e9" }""");

        Assert.True(scrubber.ScrubJson(json)!.Value.Span.SequenceEqual(json));
        Assert.Null(scrubber.ScrubJson(Encoding.UTF8.GetBytes("""{"a":"sk-test-1""")));
        Assert.Null(scrubber.ScrubJson(Encoding.UTF8.GetBytes("<html>sk-test-123</html>")));
    }

    [Fact]
    public void Headers_are_scrubbed_value_by_value()
    {
        var scrubber = new SecretScrubber(["sk-test-123"]);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["WWW-Authenticate"] = ["Bearer realm=\"sk-test-123\""],
            ["X-Echo"] = ["a", "c2stdGVzdC0xMjM="],
        };

        var scrubbed = scrubber.Scrub(headers);

        Assert.Equal("Bearer realm=\"***\"", scrubbed["www-authenticate"].Single());
        Assert.Equal(["a", "***"], scrubbed["X-Echo"]);
    }

    [Fact]
    public void No_secret_means_nothing_changes()
    {
        Assert.True(new SecretScrubber([null, ""]).IsEmpty);
        Assert.Equal("text", SecretScrubber.None.Scrub("text"));
    }
}
