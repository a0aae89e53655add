namespace OpenApiGen.Runtime;

/// <summary>One way a value breaks its spec: where (a JSON path), which rule, and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending value, such as <c>$.image_urls[3]</c>.</param>
/// <param name="Rule">The spec keyword broken: <c>required</c>, <c>maxLength</c>, <c>minimum</c>, <c>maxItems</c>, <c>pattern</c>, <c>enum</c>, ...</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ValidationError(string Path, string Rule, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
