using System.Collections.Generic;
using Microsoft.OpenApi;

namespace OpenApiGen.Building;

/// <summary>Tells schemas apart by identity: the same schema object reached twice (a shared response) is one schema.</summary>
internal sealed class SchemaIdentity : IEqualityComparer<IOpenApiSchema>
{
    public static readonly SchemaIdentity Instance = new();

    public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
