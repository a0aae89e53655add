using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace QwenImageEdit.Cli;

/// <summary><c>qwen-edit vendors</c>: what each vendor's model can do (<see cref="ImageEditCapabilities.All"/>), and where each key comes from.</summary>
internal static class VendorsCommand
{
    public static Command Create(CliHost host, Option<bool> json)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Write the capability table as Markdown (README.md carries this)." };
        var command = new Command("vendors", "Prints what each vendor's model can do, the limits qwen-edit checks before it sends anything.") { markdown };
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(host, () =>
        {
            var rows = ImageEditCapabilities.All;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(host.Out, writer => WriteJson(writer, rows));
            }
            else if (parse.GetValue(markdown))
            {
                host.Out.Write(MarkdownTable.Render(rows));
            }
            else
            {
                host.OutConsole.Write(CapabilityTable(rows));
                host.OutConsole.Write(VendorTable());
            }

            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return command;
    }

    private static Table CapabilityTable(IReadOnlyList<ImageEditCapabilities> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("What each model takes");
        table.AddColumn(string.Empty);
        foreach (var column in CapabilitySheet.Columns(rows))
        {
            // Fold rather than cut a model name when the terminal is narrow.
            table.AddColumn(new TableColumn(new Markup(Markup.Escape(column)) { Overflow = Overflow.Fold }));
        }

        foreach (var (name, cells) in CapabilitySheet.Rows(rows))
        {
            table.AddRow([Markup.Escape(name), .. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static Table VendorTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("--vendor values");
        table.AddColumns("--vendor", "API key from", "What it is");
        foreach (var choice in VendorChoice.All)
        {
            table.AddRow(Markup.Escape(choice.Name), Markup.Escape(choice.KeyVariable ?? "(none)"), Markup.Escape(choice.Description));
        }

        return table;
    }

    private static void WriteJson(Utf8JsonWriter json, IReadOnlyList<ImageEditCapabilities> rows)
    {
        json.WriteStartObject();
        json.WriteStartArray("vendors");
        foreach (var choice in VendorChoice.All)
        {
            json.WriteStartObject();
            json.WriteString("name", choice.Name);
            json.WriteString("vendor", choice.Vendor.ToString());
            JsonOutput.WriteNullable(json, "model", choice.Model);
            JsonOutput.WriteNullable(json, "keyVariable", choice.KeyVariable);
            json.WriteString("description", choice.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("models");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("vendor", row.Vendor.ToString());
            json.WriteString("model", row.Model);
            json.WriteString("vendorOption", VendorChoice.CommandFor(row));
            json.WriteNumber("maxInputImages", row.MaxInputImages);
            WriteNumber(json, "maxPromptLength", row.MaxPromptLength);
            json.WriteNumber("maxCount", row.MaxCount);
            if (row.Size is { } size)
            {
                json.WriteStartObject("size");
                WriteNumber(json, "minSide", size.MinSide);
                WriteNumber(json, "maxSide", size.MaxSide);
                json.WriteBoolean("onlyWithSingleImage", size.OnlyWithSingleImage);
                json.WriteStartArray("presets");
                foreach (var preset in size.Presets)
                {
                    json.WriteStartObject();
                    json.WriteString("name", preset.Name);
                    json.WriteNumber("width", preset.Width);
                    json.WriteNumber("height", preset.Height);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("size");
            }

            WriteNumber(json, "maxNegativePromptLength", row.MaxNegativePromptLength);
            WriteNumber(json, "maxSeed", row.MaxSeed);
            WriteStrings(json, "outputMediaTypes", row.OutputMediaTypes);
            WriteStrings(json, "inputMediaTypes", row.InputMediaTypes);
            WriteNumber(json, "maxInputImageBytes", row.MaxInputImageBytes);
            json.WriteBoolean("safetyChecker", row.SafetyChecker);
            json.WriteBoolean("reportsProgress", row.ReportsProgress);
            json.WriteBoolean("callbacks", row.Callbacks);
            json.WriteBoolean("signedCallbacks", row.SignedCallbacks);
            json.WriteBoolean("remoteCancel", row.RemoteCancel);
            json.WriteBoolean("synchronous", row.Synchronous);
            json.WriteBoolean("statusStream", row.StatusStream);
            json.WriteBoolean("localImagesInline", row.LocalImagesInline);
            WriteNumber(json, "resultLifetimeSeconds", (long?)row.ResultLifetime?.TotalSeconds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
