using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// What every builder of one spec shares: the spec, where diagnostics go, the names taken, the types referenced,
/// built and still to build. The builders themselves keep no state.
/// </summary>
internal sealed class BuildContext
{
    public BuildContext(ReadSpec spec, SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        Spec = spec;
        Input = input;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
        Components = spec.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        Names = new TypeNaming(this);
        JsonInfos = new JsonInfos(this);
    }

    public ReadSpec Spec { get; }

    public SpecInput Input { get; }

    public List<DiagnosticInfo> Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The document's component schemas, by id.</summary>
    public IDictionary<string, IOpenApiSchema> Components { get; }

    /// <summary>The type names taken in the spec's namespace.</summary>
    public TypeNaming Names { get; }

    /// <summary>What each schema reached so far is typed as.</summary>
    public TypeReferences References { get; } = new();

    /// <summary>The types whose bodies are built.</summary>
    public BuiltTypes Types { get; } = new();

    /// <summary>The types referenced but not built yet.</summary>
    public Worklist Worklist { get; } = new();

    /// <summary>The method names taken on the client.</summary>
    public NameScope MethodNames { get; } = new("Dispose", "Equals", "GetHashCode", "ToString", "GetType");

    /// <summary>The JSON context's members for what the client reads and writes.</summary>
    public JsonInfos JsonInfos { get; }

    public TypeName Qualify(string name) => new(Input.Namespace, name);

    /// <summary>
    /// Hands out the reference to a type of its own before its body is built, as System.Text.Json's parser does
    /// (<c>EnqueueType</c>): a schema that refers to itself, directly or through others, meets the same reference.
    /// </summary>
    public TypeRef Declare(IOpenApiSchema schema, Shape shape, string name, string pointer, bool nullable)
    {
        var typeName = Qualify(name);
        Worklist.Enqueue(new PendingType(schema, shape, typeName, pointer));
        return new TypeRef(SchemaShape.KindOf(shape), nullable, typeName);
    }

    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
        => Diagnostics.Add(Spec.At(descriptor, pointer, arguments));

    /// <summary>At the key that names the node, where a naming problem is best shown.</summary>
    public void ReportAtKey(DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
        => Diagnostics.Add(Spec.AtKey(descriptor, pointer, arguments));

    public static string ComponentPointer(string id) => "/components/schemas/" + SchemaFacts.Escape(id);
}
