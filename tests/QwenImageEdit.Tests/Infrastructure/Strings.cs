using System.Collections;
using System.Reflection;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>Every string an object graph holds (public properties, lists, dictionaries), to look for a key in a vendor's model.</summary>
internal static class Strings
{
    public static IEnumerable<string> Of(object? value)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var found = new List<string>();
        Walk(value, 0, seen, found);
        return found;
    }

    private static void Walk(object? value, int depth, HashSet<object> seen, List<string> found)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                found.Add(text);
                return;
            case Uri uri:
                found.Add(uri.OriginalString);
                return;
            case System.Text.Json.JsonElement element:
                found.Add(element.GetRawText());
                return;
        }

        var type = value.GetType();
        if (depth > 12 || type.IsPrimitive || type.IsEnum || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid || !seen.Add(value))
        {
            found.Add(value.ToString() ?? "");
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, depth + 1, seen, found);
            }

            return;
        }

        found.Add(value.ToString() ?? "");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                object? member;
                try
                {
                    member = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue; // a union's accessor for a case it does not hold
                }

                Walk(member, depth + 1, seen, found);
            }
        }
    }
}
