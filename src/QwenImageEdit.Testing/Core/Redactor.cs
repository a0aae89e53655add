using System.Text.Json;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>
/// Keeps credentials out of everything a test can read back: recorded requests, task request bodies and messages.
/// Wrong keys are redacted too: a key that is wrong for the fake may be a real key of someone's account.
/// </summary>
internal sealed class Redactor(string apiKey)
{
    public const string Mask = "***";

    public string Text(string text)
        => string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, Mask, StringComparison.Ordinal);

    /// <summary>An Authorization value keeps its scheme, so a test can still see "Bearer" was sent.</summary>
    public static string Authorization(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? Mask : value[..space] + " " + Mask;
    }

    /// <summary>A JSON body with its credential members masked (ModelsLab's <c>key</c>) and the key removed anywhere else.</summary>
    public string JsonBody(string text, IReadOnlyCollection<string> credentialMembers)
    {
        if (credentialMembers.Count > 0)
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject body)
                {
                    foreach (var member in credentialMembers)
                    {
                        if (body[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                        {
                            body[member] = Mask;
                        }
                    }

                    text = JsonText.Write(body);
                }
            }
            catch (JsonException)
            {
                // Not JSON: masking the key's occurrences below is all that can be done.
            }
        }

        return Text(text);
    }
}
