using System.Collections.Generic;
using System.Threading;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Emit;

/// <summary>One spec's files: a file per type, the JSON context and, when asked for, the embedded document; hint names unique per spec.</summary>
internal static class SpecEmitter
{
    public static IEnumerable<(string HintName, string Source)> Emit(SpecModel spec, EmitCapabilities capabilities, CancellationToken cancellationToken)
    {
        // Every use of a deprecated type in every file, whichever emitter wrote it, must not warn (Emit/ObsoleteCode.cs).
        var deprecated = ObsoleteCode.DeprecatedTypes(spec);
        foreach (var (hintName, source) in EmitFiles(spec, capabilities, cancellationToken))
        {
            yield return (hintName, ObsoleteCode.WrapTypeUses(source, spec.Namespace, deprecated));
        }
    }

    private static IEnumerable<(string HintName, string Source)> EmitFiles(SpecModel spec, EmitCapabilities capabilities, CancellationToken cancellationToken)
    {
        foreach (var type in spec.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = type switch
            {
                ObjectTypeModel objectType => ObjectEmitter.Emit(spec, objectType),
                EnumTypeModel enumType => EnumEmitter.Emit(spec, enumType),
                UnionTypeModel unionType => UnionEmitter.Emit(spec, unionType),
                _ => null,
            };

            if (source is not null)
            {
                yield return ($"{spec.HintPrefix}.{type.Name}.g.cs", source);
            }
        }

        yield return ($"{spec.HintPrefix}.{spec.JsonContextName}.g.cs", JsonContextEmitter.Emit(spec));

        foreach (var document in spec.EmbeddedDocuments)
        {
            yield return ($"{spec.HintPrefix}.{document.ClassName}.g.cs", DocumentEmitter.Emit(spec, document));
        }

        if (spec.Client.Operations.Count > 0)
        {
            yield return ($"{spec.HintPrefix}.{spec.ClientName}.g.cs", ClientEmitter.Emit(spec));
            foreach (var operation in spec.Client.Operations)
            {
                if (operation.OptionsTypeName is { } options)
                {
                    yield return ($"{spec.HintPrefix}.{options}.g.cs", OptionBagEmitter.Emit(spec, operation));
                }
            }

            if (capabilities.HasHttpClientFactory)
            {
                yield return ($"{spec.HintPrefix}.{spec.Client.RegistrationName}.g.cs", RegistrationEmitter.Emit(spec));
            }
        }
    }
}
