using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace QwenImageEdit.Testing;

/// <summary>
/// Runs NJsonSchema over a JSON text and words its findings for people: a path in the <c>$.a.b[0]</c> form and a
/// message built from the schema's own limits. Messages never quote the value sent, so a credential cannot leak.
/// </summary>
internal static class SchemaValidator
{
    // The parsed documents are shared by every fake in the process, and NJsonSchema resolves some members lazily
    // without promising thread safety: validations take turns (they take microseconds).
    internal static readonly object Gate = new();

    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public static IReadOnlyList<SchemaProblem> Validate(JsonSchema schema, string json)
    {
        ICollection<ValidationError> errors;
        lock (Gate)
        {
            errors = schema.Validate(json);
        }

        var problems = new List<SchemaProblem>();
        foreach (var error in errors)
        {
            Collect(error, problems);
        }

        return problems;
    }

    private static void Collect(ValidationError error, List<SchemaProblem> problems)
    {
        // allOf parts and array items report the real problem one level down; oneOf/anyOf failures are reported as
        // such, since which branch was meant is a guess.
        if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.NotAllOf or ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid)
        {
            foreach (var inner in child.Errors.Values.SelectMany(static e => e))
            {
                Collect(inner, problems);
            }

            return;
        }

        problems.Add(new SchemaProblem(ToJsonPath(error.Path), Describe(error)));
    }

    /// <summary>NJsonSchema writes <c>#/input.prompt</c> and <c>#/image_urls[0]</c>.</summary>
    internal static string ToJsonPath(string? path)
    {
        var inner = (path ?? "#/").TrimStart('#').TrimStart('/');
        return inner.Length == 0 ? "$" : inner.StartsWith('[') ? "$" + inner : "$." + inner;
    }

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a member the spec allows",
            ValidationErrorKind.StringExpected => "must be a string" + (schema?.Enumeration.Count > 0 ? "," + Enum(schema) : string.Empty),
            ValidationErrorKind.IntegerExpected => "must be an integer",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.BooleanExpected => "must be a boolean",
            ValidationErrorKind.ArrayExpected => "must be an array",
            ValidationErrorKind.ObjectExpected => "must be an object",
            ValidationErrorKind.NullExpected => "must be null",
            ValidationErrorKind.NotInEnumeration => "must be" + Enum(schema),
            ValidationErrorKind.UriExpected => "must be an absolute URI",
            ValidationErrorKind.DateTimeExpected => "must be a date-time",
            ValidationErrorKind.StringTooLong => $"must be at most {schema?.MaxLength} characters long",
            ValidationErrorKind.StringTooShort => $"must be at least {schema?.MinLength} characters long",
            ValidationErrorKind.PatternMismatch => $"must match the pattern {schema?.Pattern}",
            ValidationErrorKind.TooManyItems => $"must have at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"must have at least {schema?.MinItems} items",
            ValidationErrorKind.ItemsNotUnique => "must not repeat items",
            ValidationErrorKind.NumberTooBig => $"must be at most {Number(schema?.Maximum)}",
            ValidationErrorKind.NumberTooSmall => $"must be at least {Number(schema?.Minimum)}",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => "matches none of the shapes the spec allows",
            ValidationErrorKind.NoTypeValidates => "must be of type " + string.Join(" or ", Types(schema)),
            _ => error.Kind.ToString(),
        };
    }

    private static string Enum(JsonSchema? schema)
        => schema is null || schema.Enumeration.Count == 0
            ? string.Empty
            : " one of " + string.Join(", ", schema.Enumeration.Select(static v => v is string s ? $"'{s}'" : Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static IEnumerable<string> Types(JsonSchema? schema)
        => schema is null
            ? []
            : System.Enum.GetValues<JsonObjectType>().Where(t => t != JsonObjectType.None && schema.Type.HasFlag(t)).Select(static t => t.ToString().ToLowerInvariant());
}
