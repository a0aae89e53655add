using System.Globalization;

namespace OpenApiGen.Runtime;

/// <summary>JSON path text, as System.Text.Json writes it: <c>$.name</c>, <c>$['odd name']</c>, <c>$.list[2]</c>.</summary>
internal static class JsonPathText
{
    public static string Member(string path, string name)
        => IsPlain(name) ? path + "." + name : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
