namespace QwenImageEdit.Testing;

/// <summary>A path such as <c>/v1/tasks/{task_id}</c>, matched segment by segment against the still-encoded request path.</summary>
internal sealed class PathTemplate(string template)
{
    private readonly string[] _segments = template.Trim('/').Split('/');

    public string Template { get; } = template;

    public bool TryMatch(string rawPath, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var segments = rawPath.Trim('/').Split('/');
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            // Decoded per segment, so "task%2F1" is one segment holding "task/1", as servers route it.
            var value = Uri.UnescapeDataString(segments[i]);
            var expected = _segments[i];
            if (expected.StartsWith('{') && expected.EndsWith('}'))
            {
                if (value.Length == 0)
                {
                    return false;
                }

                parameters[expected[1..^1]] = value;
            }
            else if (!string.Equals(value, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Template;
}
