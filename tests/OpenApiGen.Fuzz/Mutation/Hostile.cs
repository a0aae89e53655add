using System.Text.Json.Nodes;
using CsCheck;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>
/// The values a hostile or careless spec holds: strings that end comments and literals, names C# cannot take, numbers
/// no .NET type holds, patterns .NET cannot run or runs forever. Each list is data the operators draw from.
/// </summary>
internal static class Hostile
{
    /// <summary>Every character C# treats as a line end, the bidirectional and zero-width format characters (Trojan Source), and the rest of the usual suspects.</summary>
    public static readonly string[] Characters =
    [
        "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\v", "\f", "\0", "\t", "\u001b",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
        "\"", "\\", "'", "`", "{", "}", "{0}", "{{", "$\"", "@\"", "\"\"\"", "/*", "*/", "//", "///", "#", "<", ">", "&", "&amp;", "]]>", "<!--",
        "\uD83D\uDE00", "\u0301", "\u05D0", "\u0627", "\u4E2D", "\uFFFD", "\uFFFF",
    ];

    /// <summary>Whole strings that try to get out of whatever they land in.</summary>
    public static readonly string[] Payloads =
    [
        "\u2028public static class Injected { }",
        "\u2029#error injected",
        "\u0085#error injected",
        "\n#error injected\n",
        "\r#error injected",
        "*/ #error injected /*",
        "</summary><summary>injected</summary>",
        "</param>\n#error x",
        "<see cref=\"Nope\"/>",
        "<![CDATA[ x ]]>",
        "\"; #error injected\n\"",
        "\"\"\"\n#error injected\n\"\"\"",
        "{\"a\": \"b\"}",
        "\\u000A#error injected",
        "\u202Eetirw#\u2066 injected \u2069",
        "access\u202E \u2066// check admin\u2069 \u2066",
        "#pragma warning disable",
        "#nullable disable",
        "#line 1 \"other.cs\"",
        "global::System.Environment.Exit(1);",
        "${env:HOME}",
        "%s%s%s%n",
        "\0\0\0",
        "",
        " ",
        "\t\t",
    ];

    /// <summary>Names for properties, schemas, operations, parameters and enum values.</summary>
    public static readonly string[] Names =
    [
        "class", "namespace", "int", "string", "object", "void", "this", "base", "value", "var", "async", "await", "__arglist", "_", "__",
        "System", "global", "Task", "CancellationToken", "JsonSerializer", "JsonElement", "Stream", "HttpClient", "ApiException", "Validate",
        "ToString", "GetHashCode", "Equals", "Default", "Options", "Serialization", "Runtime", "OpenApiGen", "Match", "Unmatched", "KnownValues",
        "AdditionalProperties", "Item", "Items", "Length", "Count", "Value", "Type", "required", "default", "null", "true",
        "1", "1abc", "-", "+", "<=", ".", "$", "@", "@odata.type", "a.b", "a b", "a/b", "~", "~1", "%2F", "{id}", "{", "}",
        "名前", "名", "Ünïcödé", "ǅungla", "\u0130", "ß", "ΣΊΣΥΦΟΣ", "\uD83D\uDE00", "e\u0301", "\u05D0\u05D1", "\u0627\u0644",
        "a\u200Bb", "a\u202Eb", "a\u2028b", "a\rb", "a\nb", "a\"b", "a\\b", "a\u0085b", "\uFEFFbom",
        "", " ", "  x  ",
    ];

    /// <summary>Numbers no .NET type holds, that overflow an int, that are not integers, or are not numbers at all.</summary>
    public static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1e300", "1e-400", "0.5", "-0", "-0.0", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "79228162514264337593543950336", "1E2", "0", "-1", "1.0", "3.4028235e39",
        "123456789012345678901234567890", "0.1e-7", "1e22", "4294967296", "-4294967296",
        "\"abc\"", "\"1\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "true", "null", "[]", "{}",
    ];

    /// <summary>Patterns that are not .NET regular expressions, that backtrack exponentially, or that smuggle text.</summary>
    public static readonly string[] Patterns =
    [
        "(", ")", "[a-", "\\", "*", "a{2,1}", "(?<=a+)b", "\\p{NotAClass}", "(?P<name>x)", "\\k<none>", "[[:alpha:]]", "(?i)x", "\\Z\\z",
        "^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "^(\\w+\\s?)*$", "(x+x+)+y", "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
        "\u2028", "\"", "\"\\\"", "\n#error x", "*/", "a\u202Eb", "\\u2028",
        "^\\d{3}$", "^[\\p{L}]+$", "[\\uD800-\\uDBFF]",
    ];

    /// <summary>What an <c>openapi</c> member might say.</summary>
    public static readonly string[] Versions = ["3.2.0", "4.0", "4.0.0", "2.0", "3", "3.0", "3.1", "3.0.99", "3.1.1", "", "three", "3.1.0-rc0", "v3.0.0"];

    /// <summary>References that lead nowhere, out of the document, or are not URIs.</summary>
    public static readonly string[] References =
    [
        "", "#", "#/", "#/components", "#/components/schemas", "#/components/schemas/", "#/components/schemas/Missing", "#/paths",
        "#/definitions/Thing", "other.yaml", "other.yaml#/components/schemas/X", "http://example.com/schema.json", "file:///etc/passwd",
        "not a uri %%", "#/%ZZ", "#/components/schemas/%2E%2E", "#components/schemas/X", "//x", "#/components/schemas/X/properties",
        "#/components/schemas/A~2B", "\u2028", "#/info", "#/openapi", "urn:x", "#/components/responses/X/content/application~1json/schema",
        "#/components/schemas/X/allOf/99", "#/components/schemas/X/items/items", "#foo", "#/$defs/x",
    ];

    public static string Pick(PCG random, string[] list) => list[(int)random.Next((uint)list.Length)];

    /// <summary>A string made of hostile pieces around ordinary text.</summary>
    public static string String(PCG random)
    {
        if (random.Next(3) == 0)
        {
            return Pick(random, Payloads);
        }

        var text = new System.Text.StringBuilder("x");
        var pieces = 1 + (int)random.Next(4);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pick(random, Characters)).Append(random.Next(2) == 0 ? "y" : string.Empty);
        }

        return text.ToString();
    }

    /// <summary>A name, now and then very long.</summary>
    public static string Name(PCG random)
        => random.Next(12) == 0 ? new string('a', 200 + (int)random.Next(5000)) : random.Next(4) == 0 ? String(random) : Pick(random, Names);

    public static JsonNode? Number(PCG random) => JsonNode.Parse(Pick(random, Numbers));

    /// <summary>Any JSON value of any type, for type swaps.</summary>
    public static JsonNode? Value(PCG random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => Number(random),
        3 => JsonValue.Create(String(random)),
        4 => new JsonArray(),
        5 => new JsonObject(),
        6 => new JsonArray(new JsonArray(), null, JsonValue.Create(1)),
        7 => new JsonObject { ["type"] = Pick(random, ["string", "object", "array", "integer", "number", "boolean", "null", "file", "any", ""]) },
        _ => JsonValue.Create(Pick(random, Names)),
    };
}
