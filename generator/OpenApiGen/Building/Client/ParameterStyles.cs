using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using ParameterStyle = OpenApiGen.Model.ParameterStyle;
using SpecLocation = Microsoft.OpenApi.ParameterLocation;
using SpecStyle = Microsoft.OpenApi.ParameterStyle;

namespace OpenApiGen.Building;

/// <summary>
/// A parameter's style and explode, as OpenAPI's style table defines them for its place and type: the spec's, or
/// the place's default. A style the place or type has no meaning for (<c>matrix</c> in a query, <c>deepObject</c>
/// on a list) is reported (OAG054), and the place's default is used instead.
/// </summary>
internal static class ParameterStyles
{
    public static (ParameterStyle Style, bool Explode) Of(BuildContext context, IOpenApiParameter parameter, TypeRef type, string pointer)
    {
        var location = parameter.In!.Value;
        var fallback = location is SpecLocation.Query or SpecLocation.Cookie ? SpecStyle.Form : SpecStyle.Simple;
        var style = parameter.Style ?? fallback;
        var explode = parameter.Explode;
        var structured = type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Union;
        var where = style switch
        {
            SpecStyle.Matrix or SpecStyle.Label => location == SpecLocation.Path ? null : "path parameters",
            SpecStyle.Form => location is SpecLocation.Query or SpecLocation.Cookie ? null : "query and cookie parameters",
            SpecStyle.Simple => location is SpecLocation.Path or SpecLocation.Header ? null : "path and header parameters",
            SpecStyle.SpaceDelimited or SpecStyle.PipeDelimited => location != SpecLocation.Query ? "query parameters"
                : type.Kind == TypeKind.List || structured ? null : "lists and objects in the query",
            SpecStyle.DeepObject => location != SpecLocation.Query ? "query parameters" : structured ? null : "objects in the query",
            _ => null,
        };

        if (where is not null)
        {
            // A scalar reads the same in every delimited style; only a style that changes what is sent is worth a warning.
            var harmless = style is SpecStyle.SpaceDelimited or SpecStyle.PipeDelimited && location == SpecLocation.Query;
            if (!harmless)
            {
                context.Report(Descriptors.StyleNotApplicable, pointer + "/style", parameter.Name!, Camel(style), where, Camel(fallback));
            }

            // The place's default style, and its default explode: what the spec would have said without the style.
            return (Model(fallback), harmless ? explode : fallback == SpecStyle.Form);
        }

        return (Model(style), explode);
    }

    private static ParameterStyle Model(SpecStyle style) => style switch
    {
        SpecStyle.Form => ParameterStyle.Form,
        SpecStyle.DeepObject => ParameterStyle.DeepObject,
        SpecStyle.Label => ParameterStyle.Label,
        SpecStyle.Matrix => ParameterStyle.Matrix,
        SpecStyle.SpaceDelimited => ParameterStyle.SpaceDelimited,
        SpecStyle.PipeDelimited => ParameterStyle.PipeDelimited,
        _ => ParameterStyle.Simple,
    };

    private static string Camel(SpecStyle style) => char.ToLowerInvariant(style.ToString()[0]) + style.ToString().Substring(1);
}
