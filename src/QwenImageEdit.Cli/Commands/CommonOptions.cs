using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace QwenImageEdit.Cli;

/// <summary>Options that <c>edit</c> and <c>status</c> share, built fresh for each command as System.CommandLine requires.</summary>
internal static class CommonOptions
{
    public static Option<string> Vendor()
    {
        var option = new Option<string>("--vendor")
        {
            Description = "Where to edit: " + string.Join("; ", VendorChoice.All.Select(static c => $"{c.Name}: {c.Description}")) + ".",
            DefaultValueFactory = static _ => VendorChoice.Local.Name,
        };
        option.AcceptOnlyFromAmong(VendorChoice.Names);
        return option;
    }

    public static Argument<string> VendorArgument()
    {
        var argument = new Argument<string>("vendor") { Description = "The vendor the operation runs at." };
        argument.AcceptOnlyFromAmong(VendorChoice.Names);
        return argument;
    }

    public static Option<string?> Model() => new("--model")
    {
        Description = "The vendor's model (see 'qwen-edit vendors'); the vendor's default when left out.",
    };

    public static Option<string> Output() => new("--out", "-o")
    {
        Description = "The folder the images are saved in (created if missing).",
        DefaultValueFactory = static _ => ".",
    };

    /// <summary>A whole number for <paramref name="name"/>, with an error that says so rather than naming a .NET type.</summary>
    public static long? ParseInteger(ArgumentResult result, string name, long max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value <= max)
        {
            return value;
        }

        result.AddError($"{name} takes a whole number, not '{text}'.");
        return null;
    }
}
