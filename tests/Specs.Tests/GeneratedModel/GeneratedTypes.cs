using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Specs.Tests.GeneratedModel;

/// <summary>
/// What a generated type says about its JSON, read by reflection from the compiled vendor assembly.
/// </summary>
/// <remarks>
/// The generated <c>JsonSerializerContext</c> hands out converter-backed metadata (<c>JsonTypeInfoKind.None</c>: no
/// property list) and the members carry no <c>[JsonPropertyName]</c>, so the wire names come from where the converter
/// keeps them: one static <c>JsonEncodedText s_{Member}</c> per member, which it writes with. The round-trip tests in
/// OpenApiGen.Tests check that reading uses the same names.
/// </remarks>
internal static class GeneratedTypes
{
    private const string EncodedNamePrefix = "s_";

    /// <summary>Each wire name the type's converter writes, with the member that holds it.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> WireMembers(Type type, List<string> problems)
    {
        var members = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        if (type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is not { } converter)
        {
            problems.Add($"{type.Name} has no [JsonConverter]");
            return members;
        }

        foreach (var field in converter.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (field.FieldType != typeof(JsonEncodedText) || !field.Name.StartsWith(EncodedNamePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var wireName = ((JsonEncodedText)field.GetValue(null)!).Value;
            if (type.GetProperty(field.Name[EncodedNamePrefix.Length..], BindingFlags.Public | BindingFlags.Instance) is { } property)
            {
                members[wireName] = property;
            }
            else
            {
                problems.Add($"{converter.Name} writes '{wireName}' ({field.Name}), but {type.Name} has no member {field.Name[EncodedNamePrefix.Length..]}");
            }
        }

        return members;
    }

    /// <summary>Declared <c>required</c> in C#: the compiler marks such a member with <see cref="RequiredMemberAttribute"/>.</summary>
    public static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(RequiredMemberAttribute), inherit: false);

    public static JsonFamily FamilyOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(byte[]) || typeof(Stream).IsAssignableFrom(type))
        {
            return JsonFamily.String;
        }

        if (type == typeof(bool))
        {
            return JsonFamily.Boolean;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(BigInteger))
        {
            return JsonFamily.Integer;
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return JsonFamily.Number;
        }

        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) || type == typeof(object))
        {
            return JsonFamily.Any;
        }

        if (IsExtensibleEnum(type, out var valueType))
        {
            return FamilyOf(valueType);
        }

        if (IsUnion(type))
        {
            return UnionCases(type).Aggregate(JsonFamily.None, static (all, @case) => all | FamilyOf(@case));
        }

        if (DictionaryValueType(type) is not null)
        {
            return JsonFamily.Object;
        }

        if (ElementType(type) is not null)
        {
            return JsonFamily.Array;
        }

        return type.IsClass ? JsonFamily.Object : JsonFamily.None;
    }

    /// <summary>A readonly struct with the documented values as static members, built from the value it wraps.</summary>
    public static bool IsExtensibleEnum(Type type, out Type valueType)
    {
        var constructor = type.IsValueType && type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null
            ? type.GetConstructors().SingleOrDefault(static c => c.GetParameters().Length == 1)
            : null;
        valueType = constructor?.GetParameters()[0].ParameterType ?? typeof(void);
        return constructor is not null;
    }

    /// <summary>A class holding exactly one of several cases, or the JSON that fit none (<c>IsUnmatched</c>).</summary>
    public static bool IsUnion(Type type) => type.IsClass && type.GetProperty("IsUnmatched", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(bool);

    /// <summary>A union's cases: one public constructor per case.</summary>
    public static IReadOnlyList<Type> UnionCases(Type union) => union
        .GetConstructors()
        .Select(static c => c.GetParameters())
        .Where(static p => p.Length == 1 && p[0].ParameterType != typeof(JsonElement))
        .Select(static p => p[0].ParameterType)
        .ToList();

    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[]))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return Enumerable.Repeat(type, 1).Concat(type.GetInterfaces())
            .FirstOrDefault(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    public static Type? DictionaryValueType(Type type) => Enumerable.Repeat(type, 1).Concat(type.GetInterfaces())
        .FirstOrDefault(static i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
        ?.GetGenericArguments()[1];

    /// <summary>The type itself, without <c>?</c>.</summary>
    public static Type Plain(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
