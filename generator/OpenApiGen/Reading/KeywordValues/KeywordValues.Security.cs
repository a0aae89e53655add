using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// Security requirements: Microsoft.OpenApi throws (ArgumentNullException, "referenceId") on one that names a scheme
// with an empty name, which no scheme can have.
internal static partial class KeywordValues
{
    /// <summary>The document's and every operation's requirements: one naming an empty scheme is left out, at its line.</summary>
    private static void CheckSecurityRequirements(JsonObject root, Action<KeywordFinding> report)
    {
        CheckSecurity(root, string.Empty, report);
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var path in paths)
        {
            if (path.Value is not JsonObject item)
            {
                continue;
            }

            foreach (var method in PathItemMethods.All)
            {
                if (item[method] is JsonObject operation)
                {
                    CheckSecurity(operation, "/paths/" + Escape(path.Key) + "/" + method, report);
                }
            }
        }
    }

    private static void CheckSecurity(JsonObject owner, string pointer, Action<KeywordFinding> report)
    {
        if (owner["security"] is not JsonArray requirements)
        {
            return;
        }

        for (var i = requirements.Count - 1; i >= 0; i--)
        {
            if (requirements[i] is JsonObject requirement && requirement.Any(static pair => pair.Key.Trim().Length == 0))
            {
                report(new KeywordFinding($"{pointer}/security/{i}", "a security requirement names a scheme with an empty name, which no scheme has; left out", FindingKind.LeftOut));
                requirements.RemoveAt(i);
            }
        }
    }
}
