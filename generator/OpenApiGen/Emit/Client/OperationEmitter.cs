using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes one operation of the client: its static answer description, and a method that checks its arguments, builds
/// the request (path, query, headers, body) and hands it to the pipeline, which applies the credentials and the call's
/// options, sends it and reads the answer as described.
/// </summary>
internal static class OperationEmitter
{
    // Beyond this many builder calls the chain is written a call a line.
    private const int CallsOnOneLine = 2;

    public static void Write(SourceWriter writer, SpecModel spec, OperationModel operation)
    {
        writer.Line($"private static readonly {AnswerDescription.FieldType(operation)} {operation.DescriptionName} = {AnswerDescription.Expression(spec, operation)};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        ObsoleteCode.Attribute(writer, operation.Docs);
        writer.OpenBlock($"public virtual {OperationSignature.ReturnType(operation)} {operation.MethodName}({OperationSignature.Parameters(spec, operation)})");
        foreach (var parameter in operation.Parameters.Where(static p => p.IsRequired && !p.Type.IsValueType && !p.Type.IsNullable))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        if (operation.Body is { IsRequired: true } || operation.Body is { Kind: not (BodyKind.Json or BodyKind.Form) })
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        var send = OperationSignature.IsStream(operation) ? "StreamAsync" : "SendAsync";
        var names = new LocalNames(operation.Parameters.Where(static p => p.OptionName is null).Select(static p => p.Name).Concat(new[] { "body", "options", "cancellationToken" }));
        var start = $"new {ClientCode.Runtime}.ApiRequestBuilder({Escape.Literal(operation.Method)}, {Escape.Literal(operation.Path)})";
        var calls = operation.Parameters.Select(p => RequestCode.Call(spec, p, names)).ToList();
        var statements = RequestBodyCode.NeedsStatements(spec, operation);
        if (!statements)
        {
            calls.AddRange(RequestBodyCode.Calls(spec, operation, names));
        }

        if (!statements && calls.Count <= CallsOnOneLine)
        {
            writer.Line($"return _pipeline.{send}({start}{string.Concat(calls)}, {operation.DescriptionName}, options, cancellationToken);");
            writer.CloseBlock();
            return;
        }

        var request = names.New("request");
        WriteChain(writer, $"var {request} = {start}", calls);
        if (statements)
        {
            RequestBodyCode.WriteWithCredential(writer, spec, operation, request, names);
        }

        writer.Line($"return _pipeline.{send}({request}, {operation.DescriptionName}, options, cancellationToken);");
        writer.CloseBlock();
    }

    private static void WriteChain(SourceWriter writer, string start, List<string> calls)
    {
        if (calls.Count == 0)
        {
            writer.Line(start + ";");
            return;
        }

        writer.Line(start);
        writer.Indent();
        for (var i = 0; i < calls.Count; i++)
        {
            writer.Line(calls[i] + (i == calls.Count - 1 ? ";" : string.Empty));
        }

        writer.Unindent();
    }
}
