using System.Text;

namespace QwenImageEdit.Cli;

/// <summary>The capability sheet as a GitHub Markdown table, the form README.md carries.</summary>
internal static class MarkdownTable
{
    public static string Render(IReadOnlyList<ImageEditCapabilities> rows)
    {
        var text = new StringBuilder();
        var columns = CapabilitySheet.Columns(rows);
        text.Append("| |");
        foreach (var column in columns)
        {
            text.Append(' ').Append(Escape(column)).Append(" |");
        }

        text.Append('\n').Append("| --- |");
        foreach (var _ in columns)
        {
            text.Append(" --- |");
        }

        text.Append('\n');
        foreach (var (name, cells) in CapabilitySheet.Rows(rows))
        {
            text.Append("| ").Append(Escape(name)).Append(" |");
            foreach (var cell in cells)
            {
                text.Append(' ').Append(Escape(cell)).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // Values are code-like (--vendor evolink --model x); backticks would make README harder to diff, so only pipes are escaped.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
