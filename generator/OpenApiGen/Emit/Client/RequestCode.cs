using System.Collections.Generic;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// A parameter as one call on the runtime's <c>ApiRequestBuilder</c>: <c>.PathParameter</c>, <c>.Query</c>,
/// <c>.Header</c> or <c>.Cookie</c>. Every scalar converts to <c>ParameterText</c> by itself, so most calls pass the
/// parameter as it is; a null (an optional parameter not given) is left out by the builder.
/// </summary>
internal static class RequestCode
{
    /// <summary>The builder call that sends <paramref name="parameter"/>, its locals claimed from <paramref name="names"/>.</summary>
    public static string Call(SpecModel spec, ParameterModel parameter, LocalNames names)
    {
        var value = parameter.OptionName is { } property ? "options?." + property : parameter.Name;
        var wire = Escape.Literal(parameter.WireName);
        var nullable = parameter.Type.IsNullable || parameter.OptionName is not null;
        var type = parameter.Type.WithNullable(false);
        var method = parameter.Location switch
        {
            ParameterLocation.Path => "PathParameter",
            ParameterLocation.Query => "Query",
            ParameterLocation.Header => "Header",
            _ => "Cookie",
        };

        if (parameter is { IsJsonText: true, JsonInfo: { } jsonInfo })
        {
            var serialize = $"global::System.Text.Json.JsonSerializer.Serialize({{0}}, {ClientCode.Context(spec)}.{jsonInfo})";
            return $".{method}({wire}, {Guarded(value, nullable, serialize, names)})";
        }

        var style = StyleArgument(parameter);
        if (parameter.JsonInfo is { } info)
        {
            // An object (or a union's case) is written member by member in its style, from its JSON metadata.
            var metadata = $"{ClientCode.Context(spec)}.{info}";
            switch (parameter.Location)
            {
                case ParameterLocation.Query:
                    return $".QueryObject({wire}, {value}, {metadata}{style}{(parameter.Explode ? string.Empty : ", explode: false")})";
                case ParameterLocation.Path:
                    return $".PathObject({wire}, {value}, {metadata}{style}{(parameter.Explode ? ", explode: true" : string.Empty)})";
            }

            var text = $"{ClientCode.Runtime}.ObjectParameters.Text({{0}}, {metadata}, explode: {(parameter.Explode ? "true" : "false")})";
            return $".{method}({wire}, {Guarded(value, nullable, text, names)})";
        }

        if (type.Kind == TypeKind.List)
        {
            var item = names.Scope().New("item");
            var lambda = $"static {item} => {Text(type.Element!.WithNullable(false), item, nullable: false)}";
            return parameter.Location switch
            {
                ParameterLocation.Query => $".Query({wire}, {value}, {lambda}{(parameter.Explode ? string.Empty : ", explode: false")}{style})",
                ParameterLocation.Path => $".PathParameter({wire}, {value}, {lambda}{style}{(parameter.Explode ? ", explode: true" : string.Empty)})",
                _ => $".{method}({wire}, {value}, {lambda})",
            };
        }

        if (parameter.Location == ParameterLocation.Path && style.Length > 0)
        {
            return $".PathParameter({wire}, {Text(type, value, nullable)}{style.Replace("style: ", string.Empty)})";
        }

        return $".{method}({wire}, {Text(type, value, nullable)})";
    }

    /// <summary>A value as <c>ParameterText</c>: scalars as they are, an extensible enum by its text, anything else by its own text.</summary>
    public static string Text(TypeRef type, string value, bool nullable) => type.Kind switch
    {
        TypeKind.Enum => nullable ? $"{value}?.ToString()" : $"{value}.ToString()",
        TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.List or TypeKind.Json or TypeKind.Binary => $"{ClientCode.Runtime}.ParameterText.FromObject({value})",
        _ => value,
    };

    /// <summary>
    /// The style argument of a builder call, when it is not the call's default (<c>form</c> in the query, <c>simple</c>
    /// in a path): <c>, style: global::OpenApiGen.Runtime.ParameterStyle.DeepObject</c>.
    /// </summary>
    private static string StyleArgument(ParameterModel parameter)
    {
        var isDefault = parameter.Location switch
        {
            ParameterLocation.Query => parameter.Style is ParameterStyle.Form || (parameter.Explode && parameter.Style is not ParameterStyle.DeepObject),
            ParameterLocation.Path => parameter.Style is ParameterStyle.Simple,
            _ => true,
        };

        return isDefault ? string.Empty : $", style: {ClientCode.Runtime}.ParameterStyle.{parameter.Style}";
    }

    /// <summary><paramref name="format"/> applied to the value, or null when a nullable value is null.</summary>
    private static string Guarded(string value, bool nullable, string format, LocalNames names)
    {
        if (!nullable)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, value);
        }

        var local = names.New("given");
        return $"{value} is {{ }} {local} ? {string.Format(System.Globalization.CultureInfo.InvariantCulture, format, local)} : null";
    }
}
