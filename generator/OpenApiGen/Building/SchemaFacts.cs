using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>Questions about one schema that do not depend on where it sits: its JSON types, nullability, format.</summary>
internal static class SchemaFacts
{
    // Weak keys: an entry lives as long as its document, and builds running side by side share it safely.
    private static readonly ConditionalWeakTable<OpenApiSchemaReference, IOpenApiSchema> s_targets = new();

    /// <summary>A reference's target (the reference itself when it does not resolve), or the schema: what it stands for.</summary>
    public static IOpenApiSchema Resolved(IOpenApiSchema schema)
        => schema is OpenApiSchemaReference reference && Target(reference) is { } target ? target : schema;

    /// <summary>
    /// The schema to read a schema's keywords from: a reference's target, unless the reference carries keywords of
    /// its own beside <c>$ref</c> (3.1 allows that, and they win over the target's).
    /// </summary>
    /// <remarks>
    /// Microsoft.OpenApi resolves a reference again on every keyword read (a URI built and parsed, then a lookup), so
    /// ten questions to a reference resolved it ten times: a quarter of the time to generate Discord's spec. Asked of
    /// the target instead, they cost one resolution (<see cref="Target"/>).
    /// </remarks>
    public static IOpenApiSchema KeywordSource(IOpenApiSchema schema)
        => schema is OpenApiSchemaReference reference && !HasOwnKeywords(reference.Reference) ? Resolved(schema) : schema;

    /// <summary>A reference's target, resolved once (Microsoft.OpenApi resolves it on every read); null when it does not resolve.</summary>
    public static IOpenApiSchema? Target(OpenApiSchemaReference reference)
    {
        // An unresolved reference is stored as itself: the table keeps no nulls.
        var target = s_targets.GetValue(reference, static r => LocalComponent(r.Reference) ?? r.Target ?? r);
        return ReferenceEquals(target, reference) ? null : target;
    }

    // "#/components/schemas/X", the usual reference, is looked up directly; Microsoft.OpenApi builds and parses a URI
    // for it and searches its workspace, which costs as much again as everything else done with the target.
    private static IOpenApiSchema? LocalComponent(JsonSchemaReference reference)
        => reference is { IsLocal: true, IsExternal: false, Id: { } id, ReferenceV3: { } pointer }
           && pointer.Length == "#/components/schemas/".Length + id.Length
           && pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal)
           && pointer.EndsWith(id, StringComparison.Ordinal)
           && reference.HostDocument?.Components?.Schemas is { } schemas
           && schemas.TryGetValue(id, out var schema)
               ? schema
               : null;

    // Every keyword a reference's getters take from beside "$ref" before they ask the target (3.0's 'example' too).
#pragma warning disable CS0618
    private static bool HasOwnKeywords(JsonSchemaReference r)
        => r.Description is not null || r.Title is not null || r.SchemaType is not null || r.Format is not null || r.Const is not null
           || r.Enum is not null || r.Default is not null || r.Example is not null || r.Examples is not null || r.Deprecated is not null
           || r.ReadOnly is not null || r.WriteOnly is not null || r.Properties is not null || r.Required is not null
           || r.AdditionalProperties is not null || r.AdditionalPropertiesAllowed is not null || r.PatternProperties is not null
           || r.AllOf is not null || r.OneOf is not null || r.AnyOf is not null || r.Not is not null || r.Discriminator is not null
           || r.Items is not null || r.MinItems is not null || r.MaxItems is not null || r.UniqueItems is not null
           || r.MinLength is not null || r.MaxLength is not null || r.Pattern is not null || r.Minimum is not null || r.Maximum is not null
           || r.ExclusiveMinimum is not null || r.ExclusiveMaximum is not null || r.MultipleOf is not null
           || r.MinProperties is not null || r.MaxProperties is not null || r.Extensions is not null || r.UnrecognizedKeywords is not null
           || r.Schema is not null || r.SchemaId is not null || r.Comment is not null || r.Vocabulary is not null || r.DynamicRef is not null
           || r.DynamicAnchor is not null || r.Definitions is not null || r.ExternalDocs is not null || r.Xml is not null
           || r.DependentRequired is not null || r.UnevaluatedProperties is not null;
#pragma warning restore CS0618

    /// <summary>
    /// Whether a value from the spec (an enum entry, a default, an example) is JSON null. Microsoft.OpenApi keeps a null
    /// as a sentinel string, which must never become an enum member or a default.
    /// </summary>
    public static bool IsNull(JsonNode? node) => node is null || JsonNullSentinel.IsJsonNullSentinel(node);

    public static bool AllowsNull(IOpenApiSchema schema)
        => (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || TypelessNullable.MakesNullable(KeywordSource(schema));

    /// <summary>The schema's <c>allOf</c> parts that say more than "null" (an <c>allOf</c> part <c>{nullable: true}</c> makes the whole nullable: <see cref="AllowsNull"/>).</summary>
    public static IList<IOpenApiSchema>? AllOfParts(IOpenApiSchema schema)
        => schema.AllOf is { Count: > 0 } parts && parts.Any(IsNullOnly) ? parts.Where(static p => !IsNullOnly(p)).ToList() : schema.AllOf;

    /// <summary>The schema's types without <c>null</c>, or null when the schema names no type.</summary>
    public static JsonSchemaType? NonNullType(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        var withoutNull = type & ~JsonSchemaType.Null;
        return withoutNull == 0 ? null : withoutNull;
    }

    public static bool IsSingleType(JsonSchemaType type) => (type & (type - 1)) == 0;

    /// <summary>The JSON types of an enum's non-null values, for an enum whose schema names no type: <c>[1, "a"]</c> is integer and string.</summary>
    public static JsonSchemaType? EnumValueTypes(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return null;
        }

        JsonSchemaType types = 0;
        foreach (var value in values.Where(static v => !IsNull(v)))
        {
            types |= (value as JsonValue)?.GetValueKind() switch
            {
                JsonValueKind.String => JsonSchemaType.String,
                JsonValueKind.Number => value!.ToJsonString().IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 ? JsonSchemaType.Number : JsonSchemaType.Integer,
                JsonValueKind.True or JsonValueKind.False => JsonSchemaType.Boolean,
                null when value is JsonObject => JsonSchemaType.Object,
                null when value is JsonArray => JsonSchemaType.Array,
                _ => 0,
            };
        }

        return types == 0 ? null : types;
    }

    /// <summary>A schema that only says "null": <c>{type: null}</c>, <c>{enum: [null]}</c>, or 3.0's <c>{nullable: true}</c> as a branch or part (<see cref="TypelessNullable"/>).</summary>
    public static bool IsNullOnly(IOpenApiSchema schema)
        => IsNullOnlyTarget(KeywordSource(schema));

    private static bool IsNullOnlyTarget(IOpenApiSchema schema)
        => schema.Type == JsonSchemaType.Null
           || TypelessNullable.IsNullOnly(schema)
           || (schema.Type is null && schema.Enum is { Count: 1 } values && IsNull(values[0]) && !HasStructure(schema));

    public static bool HasStructure(IOpenApiSchema schema)
        => HasStructureTarget(KeywordSource(schema));

    private static bool HasStructureTarget(IOpenApiSchema schema)
        => schema.Properties is { Count: > 0 }
           || schema.AllOf is { Count: > 0 }
           || schema.OneOf is { Count: > 0 }
           || schema.AnyOf is { Count: > 0 }
           || schema.Items is not null
           || schema.AdditionalProperties is not null;

    public static bool HasProperties(IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

    /// <summary>The vendor extension that marks a body member as the API key (ModelsLab sends its key in the JSON body).</summary>
    public const string CredentialExtension = "x-openapigen-credential";

    public static bool IsCredential(IOpenApiSchema schema)
        => KeywordSource(schema) is IOpenApiExtensible { Extensions: { } extensions }
           && extensions.TryGetValue(CredentialExtension, out var extension)
           && extension is JsonNodeExtension { Node: JsonValue value }
           && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The branches of a <c>oneOf</c>, or else of an <c>anyOf</c>; null when it has neither.</summary>
    public static IList<IOpenApiSchema>? Alternatives(IOpenApiSchema schema)
        => schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;

    /// <summary>The keyword <see cref="Alternatives"/> came from, for pointers.</summary>
    public static string AlternativesKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    /// <summary>The non-null values of a string enum (or a string const), or null when the schema is no string enum.</summary>
    public static IReadOnlyList<string>? StringEnumValues(IOpenApiSchema schema)
    {
        schema = KeywordSource(schema);
        var values = new List<string>();
        if (schema.Enum is { Count: > 0 } nodes)
        {
            foreach (var node in nodes)
            {
                if (IsNull(node))
                {
                    continue;
                }

                if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    values.Add(value.GetValue<string>());
                }
                else
                {
                    return null;
                }
            }
        }
        else if (schema.Const is { } constant && (NonNullType(schema) is null or JsonSchemaType.String))
        {
            values.Add(constant);
        }
        else if (Alternatives(schema) is { Count: > 1 } branches && !HasProperties(schema))
        {
            // oneOf: [{const: a}, {const: b}] is how 3.1 documents each value of an enum.
            foreach (var branch in branches)
            {
                var target = Resolved(branch);
                if (IsNullOnly(target))
                {
                    continue;
                }

                if (HasStructure(target) || StringEnumValues(target) is not { } branchValues)
                {
                    return null;
                }

                values.AddRange(branchValues);
            }
        }

        return values.Count == 0 ? null : values.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The names and descriptions a spec gives its enum values, by value: openapi-generator's <c>x-enum-varnames</c>
    /// and <c>x-enum-descriptions</c> (lists parallel to <c>enum</c>), or AutoRest's <c>x-ms-enum</c>
    /// <c>values: [{value, name, description}]</c>. Empty when it gives none; a value it does not name is named from itself.
    /// </summary>
    public static IReadOnlyDictionary<string, (string? Name, string? Description)> DeclaredEnumMembers(IOpenApiSchema schema)
    {
        var declared = new Dictionary<string, (string? Name, string? Description)>(StringComparer.Ordinal);
        schema = KeywordSource(schema);
        if (schema.Extensions is not { Count: > 0 } extensions)
        {
            return declared;
        }

        if (Extension(extensions, "x-ms-enum") is JsonObject { } msEnum && msEnum["values"] is JsonArray msValues)
        {
            foreach (var entry in msValues.OfType<JsonObject>())
            {
                if (Text(entry["value"]) is { } value)
                {
                    declared[value] = (Text(entry["name"]), Text(entry["description"]));
                }
            }
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var names = Extension(extensions, "x-enum-varnames") as JsonArray;
            var descriptions = Extension(extensions, "x-enum-descriptions") as JsonArray;
            for (var i = 0; i < values.Count; i++)
            {
                var name = names is not null && i < names.Count ? Text(names[i]) : null;
                var description = descriptions is not null && i < descriptions.Count ? Text(descriptions[i]) : null;
                if (Text(values[i]) is { } value && (name ?? description) is not null)
                {
                    declared[value] = (name, description);
                }
            }
        }

        return declared;

        static JsonNode? Extension(IDictionary<string, IOpenApiExtension> extensions, string name)
            => extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension { Node: { } node } ? node : null;

        static string? Text(JsonNode? node)
            => node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The primitive .NET type for a schema of one JSON type, using its format.</summary>
    public static TypeKind? PrimitiveKind(IOpenApiSchema schema, JsonSchemaType type)
    {
        var format = schema.Format?.ToLowerInvariant();
        switch (type)
        {
            case JsonSchemaType.String:
                return format switch
                {
                    "date-time" => TypeKind.DateTimeOffset,
                    "date" => TypeKind.DateOnly,
                    "uuid" => TypeKind.Guid,
                    "uri" or "url" => TypeKind.Uri,
                    "byte" => TypeKind.Bytes,
                    "binary" => TypeKind.Binary,
                    _ => TypeKind.String,
                };
            case JsonSchemaType.Boolean:
                return TypeKind.Boolean;
            case JsonSchemaType.Integer:
                return format switch
                {
                    "int32" => TypeKind.Int32,
                    "int64" => TypeKind.Int64,
                    _ => FitsInt32(schema) ? TypeKind.Int32 : TypeKind.Int64,
                };
            case JsonSchemaType.Number:
                return format switch
                {
                    "float" => TypeKind.Single,
                    "decimal" => TypeKind.Decimal,
                    "int32" => TypeKind.Int32,
                    "int64" => TypeKind.Int64,
                    _ => TypeKind.Double,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// An integer without a format is an <c>int</c> only when its declared range proves it fits:
    /// timestamps in milliseconds (Apikley's <c>createTime</c>) overflow 32 bits, so the default is <c>long</c>.
    /// </summary>
    private static bool FitsInt32(IOpenApiSchema schema)
        => TryParse(schema.Minimum ?? schema.ExclusiveMinimum, out var min) && min >= int.MinValue
           && TryParse(schema.Maximum ?? schema.ExclusiveMaximum, out var max) && max <= int.MaxValue;

    private static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Escapes one reference token of an RFC 6901 JSON pointer.</summary>
    public static string Escape(string token) => SourceMap.EscapeToken(token);
}
