using System.Text.Json.Serialization;

namespace OpenApiGen.Runtime.Tests;

internal sealed class Pet
{
    [JsonPropertyName("id")] public long Id { get; set; }

    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("status")] public PetStatus? Status { get; set; }
}

internal sealed class Problem
{
    [JsonPropertyName("code")] public string? Code { get; set; }

    [JsonPropertyName("message")] public string? Message { get; set; }
}

internal sealed class Token
{
    [JsonPropertyName("text")] public string? Text { get; set; }
}

/// <summary>A Stripe-style form body: nested objects, lists of values and of objects, nulls.</summary>
internal sealed class CheckoutForm
{
    [JsonPropertyName("mode")] public string? Mode { get; set; }

    [JsonPropertyName("amount")] public decimal? Amount { get; set; }

    [JsonPropertyName("capture")] public bool? Capture { get; set; }

    [JsonPropertyName("expand")] public List<string>? Expand { get; set; }

    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }

    [JsonPropertyName("line_items")] public List<LineItem>? LineItems { get; set; }

    [JsonPropertyName("note")] public string? Note { get; set; }
}

internal sealed class LineItem
{
    [JsonPropertyName("price")] public string? Price { get; set; }

    [JsonPropertyName("quantity")] public int Quantity { get; set; }
}

/// <summary>An extensible enum as the generator writes it: the record struct and the shared converter.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<PetStatus>))]
public readonly record struct PetStatus(string? Value) : IExtensibleEnum<PetStatus>
{
    public static PetStatus Available { get; } = new("available");

    public static PetStatus Sold { get; } = new("sold");

    public static implicit operator PetStatus(string value) => new(value);

    public override string ToString() => Value ?? string.Empty;
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Pet))]
[JsonSerializable(typeof(List<Pet>))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(Token))]
[JsonSerializable(typeof(CheckoutForm))]
[JsonSerializable(typeof(Dictionary<PetStatus, int>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TestJson : JsonSerializerContext;
