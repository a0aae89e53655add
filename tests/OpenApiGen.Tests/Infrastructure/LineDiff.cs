using System.Text;

namespace OpenApiGen.Tests.Infrastructure;

/// <summary>A compact unified-style diff for failure messages: enough context to see what changed, bounded in size.</summary>
internal static class LineDiff
{
    public static string Describe(string expected, string actual, int maxLines = 60)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');

        // Longest common subsequence over lines: snapshots are small enough for the quadratic table.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var output = new StringBuilder();
        var written = 0;
        int x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && written < maxLines)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                output.Append("+ ").Append(y + 1).Append(": ").AppendLine(b[y++]);
                written++;
            }
            else
            {
                output.Append("- ").Append(x + 1).Append(": ").AppendLine(a[x++]);
                written++;
            }
        }

        if (written >= maxLines)
        {
            output.AppendLine("... (diff truncated)");
        }

        return output.ToString();
    }
}
