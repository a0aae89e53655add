using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// A read spec as the model the emitters write: every schema it uses typed and named (<see cref="DocumentWalk"/>,
/// over the <see cref="TypeResolver"/> chain and the <see cref="Worklist"/>), hierarchies resolved once every type is
/// built (<see cref="HierarchyPass"/>), and the client (<see cref="ClientBuilder"/>). Names are claimed in document
/// order, so the same spec always gives the same names.
/// </summary>
internal static class ModelBuilder
{
    public static SpecModel Build(ReadSpec spec, SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        TypelessNullable.Mark(spec);
        var context = new BuildContext(spec, input, diagnostics, cancellationToken);
        var operations = DocumentWalk.Run(context);
        HierarchyPass.Run(context);
        var client = ClientBuilder.Build(context, operations);
        var info = spec.Document.Info;
        var docs = DocBuilder.ForText(info?.Title, info?.Description);
        return new SpecModel(
            input.Spec.Path,
            input.Namespace,
            input.ClientName,
            input.HintPrefix,
            context.Names.ContextName,
            docs,
            context.Types.All(),
            client,
            EmbeddedDocument(context, docs));
    }

    private static EquatableArray<EmbeddedDocumentModel> EmbeddedDocument(BuildContext context, DocModel docs)
        => context.Names.DocumentName is { } name && context.Spec.EffectiveJson is { } json
            ? new[] { new EmbeddedDocumentModel(name, FileName(context.Input.Spec.Path), context.Input.Overlays.Select(static o => FileName(o.Path)).ToEquatableArray(), json, docs.Summary) }.ToEquatableArray()
            : EquatableArray<EmbeddedDocumentModel>.Empty;

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
}
