using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>What the client's emitters share: the runtime's and the BCL's qualified names, and the spec's JSON context.</summary>
internal static class ClientCode
{
    public const string Runtime = "global::OpenApiGen.Runtime";
    public const string Tasks = "global::System.Threading.Tasks";
    public const string Token = "global::System.Threading.CancellationToken";

    /// <summary>The JSON context's default instance, whose members are the metadata the client reads and writes with.</summary>
    public static string Context(SpecModel spec) => $"global::{spec.Namespace}.{spec.JsonContextName}.Default";

    /// <summary>A location as the docs say it: <c>query</c>, <c>header</c>.</summary>
    public static string Word(ParameterLocation location) => location.ToString().ToLowerInvariant();

    /// <summary>The spec's title for a doc comment, or <c>this API</c>.</summary>
    public static string Title(SpecModel spec) => spec.Docs.Summary is { } title ? "<i>" + XmlDocWriter.Text(title) + "</i>" : "this API";

    /// <summary>A media type without its parameters (<c>application/json</c> of <c>application/json; charset=utf-8</c>).</summary>
    public static string BaseMediaType(string mediaType) => mediaType.Split(';')[0].Trim();
}
