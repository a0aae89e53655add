using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace QwenImageEdit.Vendors;

/// <summary>
/// What the facade learnt from a vendor's answers during one step (an upload, one create attempt, one poll): the
/// vendor's request id and the usage it reported. A step opens one with <see cref="Begin"/>; <see cref="VendorHandler"/>
/// records each answer into it as the answer arrives (already scrubbed), so the adapters need not know it exists.
/// </summary>
/// <remarks>
/// It travels down the call in an <see cref="AsyncLocal{T}"/>: the generated client, HttpClient and the vendor handler
/// run inside the step's execution context, and write into this object, which the step reads when the call returns or
/// throws.
/// </remarks>
internal sealed class VendorExchange
{
    /// <summary>The longest request id kept; a longer one is cut (it is for people to quote, not to parse).</summary>
    public const int MaxRequestIdLength = 128;

    private static readonly AsyncLocal<VendorExchange?> Ambient = new();

    private readonly object _gate = new();
    private string? _requestId;
    private IReadOnlyList<ImageEditUsage> _usage = [];

    /// <summary>The exchange of the step running in this execution context, if any.</summary>
    public static VendorExchange? Current => Ambient.Value;

    /// <summary>The vendor's id for the last answer of the step, when it sent one.</summary>
    public string? RequestId
    {
        get
        {
            lock (_gate)
            {
                return _requestId;
            }
        }
    }

    /// <summary>What the last answer that reported usage said.</summary>
    public IReadOnlyList<ImageEditUsage> Usage
    {
        get
        {
            lock (_gate)
            {
                return _usage;
            }
        }
    }

    /// <summary>Opens an exchange for the step that runs until the returned scope is disposed, in this execution context.</summary>
    public static Scope Begin()
    {
        var exchange = new VendorExchange();
        var previous = Ambient.Value;
        Ambient.Value = exchange;
        return new Scope(exchange, previous);
    }

    /// <summary>Reads one answer (its headers and its scrubbed body) by the vendor's row of <see cref="VendorReports"/>.</summary>
    public void Record(ImageEditVendor vendor, HttpResponseMessage answer, ReadOnlyMemory<byte> body)
    {
        var report = VendorReports.For(vendor);
        var requestId = FromHeaders(answer, report.RequestIdHeaders);
        IReadOnlyList<ImageEditUsage> usage = [];
        if ((report.RequestIdPointers.Count > 0 && requestId is null) || (report.Usage.Count > 0 && answer.IsSuccessStatusCode))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                requestId ??= report.RequestIdPointers.Select(pointer => Find(json.RootElement, pointer)).Select(Text).FirstOrDefault(static id => id is not null);
                if (answer.IsSuccessStatusCode)
                {
                    usage = Read(json.RootElement, report.Usage);
                }
            }
            catch (JsonException)
            {
                // Not JSON (an HTML page, a cut body): the adapter says what is wrong with it; there is nothing to report.
            }
        }

        requestId ??= FromHeaders(answer, VendorReports.ConventionalRequestIdHeaders);
        lock (_gate)
        {
            _requestId = requestId ?? _requestId;
            if (usage.Count > 0)
            {
                _usage = usage;
            }
        }
    }

    /// <summary>The usage figures of a body (a callback's, or an answer's), by the vendor's row.</summary>
    public static IReadOnlyList<ImageEditUsage> ReadUsage(ImageEditVendor vendor, ReadOnlySpan<byte> body)
    {
        var fields = VendorReports.For(vendor).Usage;
        if (fields.Count == 0)
        {
            return [];
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var json = JsonDocument.ParseValue(ref reader);
            return Read(json.RootElement, fields);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static ImageEditUsage[] Read(JsonElement root, IReadOnlyList<UsageField> fields)
        => fields
            .Select(field => (field, value: Find(root, field.Pointer)))
            .Where(static pair => pair.value is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out _))
            .Select(static pair => new ImageEditUsage(pair.field.Name, pair.value!.Value.GetDecimal(), pair.field.Unit))
            .ToArray();

    private static string? FromHeaders(HttpResponseMessage answer, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (answer.Headers.TryGetValues(name, out var values) && Clean(values.FirstOrDefault()) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The element at a JSON pointer of plain member names (<c>/usage/credits_reserved</c>), if there is one.</summary>
    internal static JsonElement? Find(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => Clean(e.GetString()),
        { ValueKind: JsonValueKind.Number } e => Clean(e.GetRawText()),
        _ => null,
    };

    /// <summary>
    /// A request id as the facade keeps it: trimmed, printable, at most <see cref="MaxRequestIdLength"/> characters; it
    /// goes into messages and logs, so a hostile answer cannot put line breaks or a novel there.
    /// </summary>
    internal static string? Clean(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var text = id.Trim();
        if (text.Length > MaxRequestIdLength)
        {
            text = text[..MaxRequestIdLength];
        }

        if (!text.Any(static c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>Ends a step's exchange: the execution context gets back the one it had before.</summary>
    public readonly struct Scope(VendorExchange exchange, VendorExchange? previous) : IDisposable
    {
        public VendorExchange Exchange { get; } = exchange;

        public void Dispose() => Ambient.Value = previous;
    }
}
