using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenApiGen.Cli.Diff;

/// <summary><c>openapigen diff</c>'s report: the changes by class, each with its rule, and the diagnostics the new version brings.</summary>
internal sealed record DiffReport(
    string Old,
    string New,
    string ClientName,
    IReadOnlyList<string> Overlays,
    IReadOnlyList<Change> Changes,
    IReadOnlyList<ReportedDiagnostic> Diagnostics)
{
    private static readonly (ChangeClass Class, string Heading, string Meaning)[] s_classes =
    [
        (ChangeClass.Breaking, "Breaking", "code that compiled and worked against the old version may not"),
        (ChangeClass.NonBreaking, "Non-breaking", "additions; existing code still compiles and works"),
        (ChangeClass.WireOnly, "Wire only", "the same C#, different JSON or HTTP"),
        (ChangeClass.DocsOnly, "Docs only", "what IntelliSense shows"),
    ];

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"openapigen diff: {Old} -> {New}, as {ClientName}");
        foreach (var overlay in Overlays)
        {
            output.WriteLine($"  with {overlay}");
        }

        foreach (var (changeClass, heading, meaning) in s_classes)
        {
            var changes = Sorted(changeClass);
            if (changes.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"{heading} ({changes.Count}): {meaning}");
            foreach (var change in changes)
            {
                output.WriteLine("  " + change);
            }
        }

        if (Diagnostics.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Generator diagnostics the new version has and the old did not ({Diagnostics.Count}):");
            foreach (var diagnostic in Diagnostics)
            {
                output.WriteLine("  " + diagnostic.Text);
            }
        }

        output.WriteLine();
        output.WriteLine(Changes.Count == 0
            ? "No change users of the generated code would see."
            : string.Join(", ", s_classes.Select(c => $"{Sorted(c.Class).Count} {c.Heading.ToLowerInvariant()}")) + ".");
    }

    public void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("old", Old);
            json.WriteString("new", New);
            json.WriteString("client", ClientName);
            json.WriteStartArray("overlays");
            foreach (var overlay in Overlays)
            {
                json.WriteStringValue(overlay);
            }

            json.WriteEndArray();
            json.WriteBoolean("breaking", Changes.Any(static c => c.Class == ChangeClass.Breaking));
            json.WriteStartArray("changes");
            foreach (var (changeClass, _, _) in s_classes)
            {
                foreach (var change in Sorted(changeClass))
                {
                    json.WriteStartObject();
                    json.WriteString("class", ClassName(change.Class));
                    json.WriteString("rule", change.Rule.Id);
                    json.WriteString("subject", change.Subject);
                    json.WriteString("detail", change.Detail);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity);
                json.WriteString("id", diagnostic.Id);
                json.WriteString("text", diagnostic.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The class as JSON and the rules table write it: <c>breaking</c>, <c>non-breaking</c>, <c>wire-only</c>, <c>docs-only</c>.</summary>
    public static string ClassName(ChangeClass changeClass) => changeClass switch
    {
        ChangeClass.Breaking => "breaking",
        ChangeClass.NonBreaking => "non-breaking",
        ChangeClass.WireOnly => "wire-only",
        _ => "docs-only",
    };

    private List<Change> Sorted(ChangeClass changeClass) => Changes
        .Where(c => c.Class == changeClass)
        .OrderBy(static c => c.Subject, StringComparer.Ordinal)
        .ThenBy(static c => c.Rule.Id, StringComparer.Ordinal)
        .ThenBy(static c => c.Detail, StringComparer.Ordinal)
        .ToList();
}
