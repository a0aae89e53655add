using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes an operation's options class: its optional parameters as properties, beside the per-call options it
/// inherits from the runtime's <c>ApiRequestOptions</c> (headers, timeout, errors returned rather than thrown).
/// </summary>
internal static class OptionBagEmitter
{
    public static string Emit(SpecModel spec, OperationModel operation)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Summary(writer, $"The optional parameters of <see cref=\"{spec.Client.InterfaceName}.{operation.MethodName}\"/> (<c>{operation.Method} {Escape.Xml(operation.Path)}</c>), and what the call changes; a parameter left null is not sent.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {operation.OptionsTypeName} : {ClientCode.Runtime}.ApiRequestOptions");
        var first = true;
        foreach (var parameter in operation.Parameters.Where(static p => p.OptionName is not null))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            XmlDocWriter.Summary(writer, OperationDocs.Text(parameter));
            writer.Line($"public {TypeNames.Of(parameter.Type)} {parameter.OptionName} {{ get; set; }}");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
