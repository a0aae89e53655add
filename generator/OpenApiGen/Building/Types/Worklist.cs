using System.Collections.Generic;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>A type referenced (its name claimed, its reference handed out) whose body is still to build.</summary>
/// <param name="Schema">Its schema.</param>
/// <param name="Shape">What it becomes.</param>
/// <param name="Name">Its name.</param>
/// <param name="Pointer">Where its schema is.</param>
internal sealed record PendingType(IOpenApiSchema Schema, Shape Shape, TypeName Name, string Pointer);

/// <summary>
/// The types referenced but not built yet, built in the order they were referenced. Bodies never build each other,
/// so nesting and cycles cost no stack: only a base class is built on demand, before what derives from it.
/// </summary>
internal sealed class Worklist
{
    private readonly Queue<PendingType> _queue = new();
    private readonly Dictionary<TypeName, PendingType> _waiting = new();
    private readonly HashSet<TypeName> _building = new();

    /// <summary>
    /// How many types may be built inside one another on demand (a base before its subclass, its own base before it,
    /// and so on): the chain of <c>allOf</c> bases is as long as the spec makes it, the compiler's stack is not.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>Whether building <paramref name="name"/> now would nest past <see cref="MaxNesting"/>: it waits, and as many types are being built already.</summary>
    public bool WouldNestTooDeep(TypeName name) => _building.Count >= MaxNesting && _waiting.ContainsKey(name);

    public void Enqueue(PendingType type)
    {
        _queue.Enqueue(type);
        _waiting[type.Name] = type;
    }

    /// <summary>Builds every waiting type, and those they reference in turn, until none is left.</summary>
    public void Drain(BuildContext context)
    {
        while (_queue.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (_waiting.Remove(_queue.Peek().Name))
            {
                Build(context, _queue.Peek());
            }

            _queue.Dequeue();
        }
    }

    /// <summary>
    /// Builds a waiting type now, for a type that needs its body (a subclass, its base's members; a default, an enum's
    /// members). False when the type is being built right now, further up: a base in a cycle with its subclass.
    /// </summary>
    public bool EnsureBuilt(BuildContext context, TypeName name)
    {
        if (_waiting.TryGetValue(name, out var type))
        {
            _waiting.Remove(name);
            Build(context, type);
            return true;
        }

        return !_building.Contains(name);
    }

    private void Build(BuildContext context, PendingType type)
    {
        _building.Add(type.Name);
        switch (type.Shape)
        {
            case Shape.Enum:
                EnumBuilder.Build(context, type);
                break;
            case Shape.Union:
                UnionBuilder.Build(context, type);
                break;
            default:
                ObjectBuilder.Build(context, type);
                break;
        }

        _building.Remove(type.Name);
    }
}
