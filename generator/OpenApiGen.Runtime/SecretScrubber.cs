using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenApiGen.Runtime;

/// <summary>
/// Removes credentials from text a server sent back, in every form a server may echo them: as they are, JSON-escaped,
/// URL-escaped, and base64 (of the secret, and of <c>user:password</c> pairs as basic authentication sends them). Every
/// string the generated clients keep from a response (messages, excerpts, headers, typed error bodies) passes through
/// one of these.
/// </summary>
/// <remarks>
/// Built once per set of secrets: the forms are computed in the constructor, so scrubbing is a few ordinal searches.
/// JSON gets more than text: <see cref="ScrubJson"/> unescapes every string before it looks, so no escaping a server
/// chooses (<c>\u0073k-...</c>) hides a key from it.
/// </remarks>
public sealed class SecretScrubber
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private static readonly JavaScriptEncoder[] JsonEncoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    // Longest first, so a form that contains another (the JSON-escaped base64 of "user:key" contains "user") goes first.
    private readonly string[] _forms;
    private readonly string[] _secrets;

    /// <summary>Creates a scrubber for <paramref name="secrets"/>; null and empty ones are ignored.</summary>
    public SecretScrubber(IEnumerable<string?>? secrets)
    {
        _secrets = (secrets ?? []).Where(static s => !string.IsNullOrEmpty(s)).Select(static s => s!).Distinct(StringComparer.Ordinal).ToArray();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in _secrets)
        {
            AddTextForms(forms, secret);
            AddBase64Forms(forms, secret);
            AddBase64Forms(forms, secret + ":");
            AddBase64Forms(forms, ":" + secret);
        }

        // Basic authentication: base64 of "user:password", for every ordered pair of the client's secrets.
        foreach (var user in _secrets)
        {
            foreach (var password in _secrets)
            {
                if (!ReferenceEquals(user, password))
                {
                    AddBase64Forms(forms, user + ":" + password);
                }
            }
        }

        forms.Remove(string.Empty);
        _forms = forms.OrderByDescending(static f => f.Length).ThenBy(static f => f, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A scrubber with nothing to remove.</summary>
    public static SecretScrubber None { get; } = new([]);

    /// <summary>Whether there is no secret to remove.</summary>
    public bool IsEmpty => _forms.Length == 0;

    /// <summary>Replaces every form of every secret in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> holds any form of a secret.</summary>
    public bool Contains(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Headers with every value scrubbed (names are kept: a server chooses values, not which headers exist).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Scrub(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (IsEmpty)
        {
            return headers;
        }

        var scrubbed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            scrubbed[name] = values.Select(Scrub).ToArray()!;
        }

        return scrubbed;
    }

    /// <summary>
    /// JSON with every string (member names included) unescaped, scrubbed and written again, so a secret escaped in
    /// any way is found. Returns the same bytes when nothing was removed, and null when <paramref name="json"/> is not
    /// one complete JSON value (scrub it as text then).
    /// </summary>
    public ReadOnlyMemory<byte>? ScrubJson(ReadOnlyMemory<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        var changed = false;
        try
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            writer.WriteStartObject();
                            break;
                        case JsonTokenType.EndObject:
                            writer.WriteEndObject();
                            break;
                        case JsonTokenType.StartArray:
                            writer.WriteStartArray();
                            break;
                        case JsonTokenType.EndArray:
                            writer.WriteEndArray();
                            break;
                        case JsonTokenType.PropertyName:
                            writer.WritePropertyName(ScrubToken(ref reader, ref changed));
                            break;
                        case JsonTokenType.String:
                            writer.WriteStringValue(ScrubToken(ref reader, ref changed));
                            break;
                        case JsonTokenType.Number:
                            writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                            break;
                        case JsonTokenType.True:
                            writer.WriteBooleanValue(true);
                            break;
                        case JsonTokenType.False:
                            writer.WriteBooleanValue(false);
                            break;
                        case JsonTokenType.Null:
                            writer.WriteNullValue();
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return changed ? output.WrittenMemory : json;
    }

    private string ScrubToken(ref Utf8JsonReader reader, ref bool changed)
    {
        var value = reader.GetString() ?? string.Empty;
        var scrubbed = Scrub(value);
        changed |= !ReferenceEquals(value, scrubbed);
        return scrubbed;
    }

    private static void AddTextForms(HashSet<string> forms, string secret)
    {
        forms.Add(secret);
        foreach (var encoder in JsonEncoders)
        {
            var escaped = JsonEncodedText.Encode(secret, encoder).Value;
            AddWithHexCases(forms, escaped, "\\u");
            AddWithHexCases(forms, escaped.Replace("/", "\\/", StringComparison.Ordinal), "\\u");
        }

        AddWithHexCases(forms, Uri.EscapeDataString(secret), "%");
        AddWithHexCases(forms, WebUtility.UrlEncode(secret), "%");
    }

    private static void AddBase64Forms(HashSet<string> forms, string text)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        AddTextForms(forms, base64);
        forms.Add(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>Adds <paramref name="text"/> as it is and with the hex digits after each <paramref name="prefix"/> in the other case.</summary>
    private static void AddWithHexCases(HashSet<string> forms, string text, string prefix)
    {
        forms.Add(text);
        if (!text.Contains(prefix, StringComparison.Ordinal))
        {
            return;
        }

        var upper = new StringBuilder(text.Length);
        var lower = new StringBuilder(text.Length);
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (digits > 0 && Uri.IsHexDigit(text[i]))
            {
                upper.Append(char.ToUpperInvariant(text[i]));
                lower.Append(char.ToLowerInvariant(text[i]));
                digits--;
                continue;
            }

            digits = 0;
            if (string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0)
            {
                upper.Append(prefix);
                lower.Append(prefix);
                i += prefix.Length - 1;
                digits = prefix == "%" ? 2 : 4;
                continue;
            }

            upper.Append(text[i]);
            lower.Append(text[i]);
        }

        forms.Add(upper.ToString());
        forms.Add(lower.ToString());
    }
}
